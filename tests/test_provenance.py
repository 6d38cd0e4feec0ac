"""Truth on every surface: generated values carry 示例 wherever a reader meets them, real ones carry no mark,
no generated record is labelled real, and exports say what they hold."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from lyg import i18n, provenance
from lyg.contracts import TABLES
from lyg.export import csv_bytes, note_lines, xlsx_bytes
from tests.apptest import json_strings, open_app_page

# Tables of generated records: the sample generator writes every row; none may be real.
GENERATED = ("fw_incidents", "bz_monthly", "bz_enterprises", "cat_entries", "dg_projects", "dg_progress", "dg_indicators",
             "leg_projects", "leg_events")
# Elements built only from real (and derived) rows: they must carry no mark. Everything else on a page must.
REAL_CHARTS = {"fw-survey", "bz-milestones"}
REAL_TABLE_COLUMNS = {"col.stated", "col.focus"}  # the press-conference statistics; the bonded zone's platforms
PAGES = ["pages/overview.py", "pages/fireworks.py", "pages/bonded.py", "pages/catalog.py", "pages/digital.py", "pages/legislation.py"]


def _mark(lang: str) -> str:
    return i18n.t("mark.sample", lang)


def _chart_key(element) -> str:
    """The key a page gave its chart ($$ID-<hash>-<key>)."""
    parts = element.proto.id.split("-", 2)
    return parts[2] if len(parts) == 3 else ""


# --- records -------------------------------------------------------------------------------------

def test_no_generated_record_is_labelled_real(db):
    for name in GENERATED:
        kinds = set(db.execute(f'SELECT DISTINCT provenance FROM "{name}"')["provenance"])
        assert provenance.REAL not in kinds, name


def test_every_real_row_names_its_source(db):
    for table in TABLES:
        if {"provenance", "source"} <= {c.name for c in table.columns}:
            unsourced = db.execute(f"""SELECT count(*) AS n FROM "{table.name}"
                                       WHERE provenance = 'real' AND coalesce(trim(source), '') = ''""")["n"].iat[0]
            assert unsourced == 0, table.name


def test_the_build_counts_rows_by_provenance(db):
    counts = provenance.counts(db).set_index(["table_name", "provenance"])["rows"]
    assert counts[("fw_statistics", "real")] == 3
    assert counts[("fw_places", "illustrative")] == 4 and counts[("fw_places", "real")] == 6
    assert provenance.illustrative(db, "fw_incidents") and not provenance.illustrative(db, "fw_statistics", "fw_survey")
    sources = provenance.sources(db, "fireworks").set_index("table_name")
    assert sources.loc["fw_incidents", "rows_illustrative"] == sources.loc["fw_incidents", "rows"]
    assert len(sources.loc["fw_incidents", "sha256"]) == 64 and sources.loc["fw_incidents", "file"] == "incidents.csv"


def test_extrapolated_targets_are_never_called_official(db):
    from lyg.bonded import analysis as bz
    from lyg.bonded.figures import target_text
    later = bz.progress(db, bz.years(db)[0])
    assert all(not p.target_official for p in later) and all("推算目标" in target_text(p) for p in later)
    official = bz.progress(db, 2020)
    assert all(p.target_official for p in official) and all("推算" not in target_text(p) for p in official)


# --- exports -------------------------------------------------------------------------------------

def test_exports_carry_their_notes_and_a_provenance_column():
    frame = pd.DataFrame({"名称": ["甲", "=1+1"], "数据性质": ["示例", "真实"]})
    notes = [("导出内容", "测试"), ("数据性质", "含示例数据")]
    data = csv_bytes(frame, notes)
    skip = note_lines(data)
    assert skip == 2 and data.decode("utf-8-sig").startswith("# 导出内容: 测试")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", skiprows=skip)
    assert list(back["数据性质"]) == ["示例", "真实"] and back["名称"].iat[1] == "'=1+1"
    book = pd.read_excel(io.BytesIO(xlsx_bytes(frame, notes=notes)), sheet_name=None)
    assert list(book) == ["数据", "数据说明"] and "含示例数据" in set(book["数据说明"]["说明"])


def test_page_exports_say_what_they_hold(db):
    from lyg.config import load_settings
    from lyg.fireworks import analysis as fw
    from lyg.ui.context import PageContext
    from lyg.ui.marks import export_notes, with_provenance_column
    ctx = PageContext(db, "zh", load_settings(), None)
    places = fw.places(db)
    shown = with_provenance_column(ctx, places[["name", "category"]], rows=places["provenance"])
    assert set(shown["数据性质"]) == {"真实", "示例"}
    assert shown.loc[places["name"].str.contains("示例地点"), "数据性质"].eq("示例").all()
    notes = dict(export_notes(ctx, "always_banned_places", ("fw_places",), sample=True))
    assert "含示例数据" in notes["数据性质"] and "always_banned_places.geojson" in notes["来源表（文件）"]
    assert "数据库生成时间" in notes and "导出时间" in notes
    data = csv_bytes(shown, list(notes.items()))
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", skiprows=note_lines(data))
    assert set(back["数据性质"]) == {"真实", "示例"}
    stats = with_provenance_column(ctx, fw.statistics(db), rows=fw.statistics(db)["provenance"])
    assert "数据性质" not in stats.columns  # real rows only: no mark
    assert "全部来自公开来源" in dict(export_notes(ctx, "s", ("fw_statistics",), sample=False))["数据性质"]
    en = PageContext(db, "en", load_settings(), None)
    assert set(with_provenance_column(en, places[["name"]], rows=places["provenance"])["Provenance"]) == {"Real", "Sample"}


# --- every page, every element -------------------------------------------------------------------

def _unmarked(at, lang: str) -> list[str]:
    """Elements built from illustrative rows without the mark, and real-only elements with it."""
    mark, column = _mark(lang), i18n.t("mark.column", lang)
    chart_mark = i18n.t("mark.sample_chart", lang)
    wrong = []
    for chart in at.get("plotly_chart"):
        key = _chart_key(chart)
        marked = any(chart_mark in s for s in json_strings(json.loads(chart.proto.spec)))
        if marked == (key in REAL_CHARTS):
            wrong.append(f"chart {key}: marked={marked}")
    for deck in at.get("deck_gl_json_chart"):
        spec = json.loads(deck.proto.json)
        cells = [layer for layer in spec.get("layers", []) if layer.get("id") == "incident-cells"]
        texts = [s for layer in cells for s in json_strings(layer)]
        if cells and texts and not any(mark.lower() in s.lower() for s in texts):
            wrong.append(f"map {_chart_key(deck)}: incident cells unmarked")
    real_columns = {i18n.t(k, lang) for k in REAL_TABLE_COLUMNS}
    for frame in (d.value for d in at.dataframe):
        real_only = bool(real_columns & set(frame.columns))
        if (column in frame.columns) == real_only:
            wrong.append(f"table {list(frame.columns)[:3]}: provenance column={column in frame.columns}")
    for metric in at.metric:
        if mark not in metric.label:
            wrong.append(f"metric {metric.label}")
    return wrong


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_element_built_from_sample_rows_is_marked(app_env, path, lang):
    at = open_app_page(path, lang=lang)
    assert not at.exception, at.exception
    assert not _unmarked(at, lang), _unmarked(at, lang)
    assert at.get("plotly_chart") or at.get("deck_gl_json_chart") or at.dataframe, "a page with nothing to check"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_tiles_and_alerts_carry_the_mark(app_env, db, lang):
    from lyg import alerts, overview
    from lyg.ui.text import plain
    at = open_app_page("pages/overview.py", lang=lang)
    tr, mark = i18n.translator(lang), _mark(lang)
    shown = [m.value for m in at.markdown]
    for h in overview.headlines(db, tr=tr):
        line = next(s for s in shown if s.startswith(f"**{plain(h.title)}**"))  # text from data is escaped
        assert (mark in line) is h.illustrative, line
    for a in alerts.all_alerts(db, tr=tr)[:8]:
        line = next(s for s in shown if plain(a.text) in s)
        assert (mark in line) is a.illustrative, line


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("panel", list(__import__("lyg.wall", fromlist=["PANEL_TITLES"]).PANEL_TITLES))
def test_every_wall_panel_says_sample(app_env, monkeypatch, panel, lang):
    monkeypatch.setenv("LYG_WALL_PANELS", panel)
    at = open_app_page("pages/overview.py", wall="1", lang=lang)
    assert not at.exception, at.exception
    title = next(m.value for m in at.markdown if i18n.t(f"page.{panel}", lang) in m.value)
    assert i18n.t("mark.sample_chart", lang) in title  # the panel title carries the mark
    assert not _unmarked(at, lang), _unmarked(at, lang)


def test_sources_view_answers_is_this_real(app_env):
    at = open_app_page("pages/sources.py", **{"for": "fireworks"})
    assert not at.exception, at.exception
    frame = at.dataframe[0].value
    assert {"源文件", "真实行数", "示例行数", "校验值（SHA-256）"} <= set(frame.columns)
    assert "incidents.csv" in set(frame["源文件"])
    notes = " ".join(t.value for t in at.text)
    assert "推定" in notes and "高新区" in notes and "示意" in notes


def test_every_dashboard_links_to_its_sources(app_env):
    for path in PAGES:
        at = open_app_page(path)
        links = [link for link in at.get("page_link") if link.proto.page.endswith("sources.py") or "sources" in link.proto.page]
        assert links, path


# --- exports are built on click ------------------------------------------------------------------

def test_no_export_is_built_while_a_page_runs(app_env, monkeypatch):
    """Downloads are callables: a page run writes no CSV or .xlsx (the catalog's once took 192 s a run at 100 k)."""
    from lyg.ui import layout

    def refuse(*args, **kwargs):
        raise AssertionError("an export was built during the page run")
    monkeypatch.setattr(layout, "csv_bytes", refuse)
    monkeypatch.setattr(layout, "xlsx_bytes", refuse)
    for path in ("pages/catalog.py", "pages/fireworks.py", "pages/bonded.py"):
        at = open_app_page(path)
        assert not at.exception, at.exception
        assert not [e for e in at.error], [e.value for e in at.error]
        assert at.get("download_button"), path


def test_past_excel_limit_only_csv(monkeypatch):
    from lyg import export
    monkeypatch.setattr(export, "EXCEL_MAX_ROWS", 3)
    with pytest.raises(export.TooLargeForExcel):
        export.xlsx_bytes(pd.DataFrame({"a": range(4)}))
    assert len(pd.read_excel(io.BytesIO(export.xlsx_bytes(pd.DataFrame({"a": range(3)}))))) == 3
