"""Every page through Streamlit's AppTest: it runs, shows its Chinese title and the as-of date, no exception."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import open_app_page, plotly_figure, values

PAGES = {
    "pages/overview.py": "城市大脑 · 总览",
    "pages/fireworks.py": "烟花爆竹禁放",
    "pages/bonded.py": "综合保税区",
    "pages/catalog.py": "大数据资源目录",
    "pages/digital.py": "数字政府建设",
    "pages/legislation.py": "公众参与政府立法",
}


def run_page(path: str, **query) -> AppTest:
    return open_app_page(path, **query)


@pytest.fixture(scope="module")
def opened(app_env):
    """Each page opened once per language and read by every test that only looks (pages opened lazily)."""
    runs = {}
    def page(path: str, lang: str = "zh") -> AppTest:
        if (path, lang) not in runs:
            runs[path, lang] = run_page(path, **({"lang": lang} if lang != "zh" else {}))
        return runs[path, lang]
    return page


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_runs_in_chinese_and_says_what_is_illustrative(opened, path):
    at = opened(path)
    assert not at.exception, at.exception
    assert at.title[0].value == PAGES[path]
    assert any("数据截至" in m.value for m in at.markdown)
    assert not at.error
    assert any("示例数据" in w.value for w in at.warning), path


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_runs_in_english(opened, path):
    at = opened(path, "en")
    assert not at.exception, at.exception
    assert any("Data as of" in m.value for m in at.markdown)
    assert all("⟦" not in m.value for m in at.markdown)


NAVIGATION = {"overview": "pages/overview.py", "fireworks": "pages/fireworks.py", "bonded": "pages/bonded.py",
              "catalog": "pages/catalog.py", "digital": "pages/digital.py", "legislation": "pages/legislation.py",
              "sources": "pages/sources.py", "sql": "pages/sql.py", "import": "pages/import.py"}


def test_app_navigation_lists_every_page(app_env):
    """Every page is in the administrator's navigation and opens with its own title."""
    from lyg import i18n
    at = open_app_page("pages/overview.py")
    assert not at.exception, at.exception
    for key, path in NAVIGATION.items():
        at.switch_page(path).run()  # raises when the page is not in the navigation
        assert not at.exception, (path, at.exception)
        assert at.title[0].value == i18n.t(f"page.{key}", "zh"), path


def test_overview_draws_the_district_map(opened):
    at = opened("pages/overview.py")
    deck = json.dumps(json.loads(at.get("deck_gl_json_chart")[0].proto.json), ensure_ascii=False)
    assert "连云区" in deck and "GeoJsonLayer" in deck and "TextLayer" in deck
    assert "mapbox" not in deck.lower() and "carto" not in deck.lower()


def test_fireworks_checker_answers(app_env):
    at = run_page("pages/fireworks.py")
    at.selectbox(key="check-place").select("孔望山摩崖造像（文物保护单位）").run()
    text = " ".join(m.value for m in at.markdown)
    assert "禁止燃放" in text and "第三十条" in text and "100元以上500元以下" in text
    at.selectbox(key="check-place").select("东海县·牛山街道（非市区）").run()
    text = " ".join(m.value for m in at.markdown)
    assert "不在市区禁放范围" in text and "未知" in text


def test_fireworks_checker_says_unknown_where_zones_were_never_drawn(app_env):
    at = run_page("pages/fireworks.py")
    at.selectbox(key="check-place").select(at.selectbox(key="check-place").options[-1]).run()  # a point of one's own
    at.number_input[0].set_value(119.23)
    at.number_input[1].set_value(34.63)
    at.date_input(key="check-date").set_value(date(2020, 3, 10))
    at.run()
    text = " ".join(m.value for m in at.markdown)
    assert "未知" in text and "高新区" in text and "未找到" in text
    assert "不禁止燃放" not in text


def test_fireworks_filters_drive_the_charts(app_env):
    at = run_page("pages/fireworks.py", period="禁放前（2015–2018）", types="交通事故")
    assert not at.exception
    fig = plotly_figure(at, 0)
    assert {trace["name"] for trace in fig["data"]} == {"交通事故"}
    years = {int(x) for trace in fig["data"] for x in values(trace["x"])}
    assert 2015 in years
    decks = {chart.proto.id: json.loads(chart.proto.json) for chart in at.get("deck_gl_json_chart")}
    layer_sets = [{layer["id"] for layer in deck["layers"]} for deck in decks.values()]
    assert layer_sets == [{"districts", "district-labels", "click-grid", "click-grid-county", "ban-zones", "always-banned",
                           "incident-cells", "checked-point"}]  # out of season the live map waits until it is asked for


def test_the_live_map_and_latest_reports_open_on_request_out_of_season(app_env):
    """The sample's last night lies out of the Spring-Festival season: tonight's count is shown, the map of the last hours
    and the latest reports only once the switch is on, and the switch travels in the URL (live=1)."""
    from lyg.fireworks import analysis as fw
    closed = run_page("pages/fireworks.py")
    assert "今夜 18:00 起已报" in " ".join(m.value for m in closed.markdown)
    assert closed.toggle(key="url-live").value is False
    at = closed.toggle(key="url-live").set_value(True).run()
    decks = [{layer["id"] for layer in json.loads(chart.proto.json)["layers"]} for chart in at.get("deck_gl_json_chart")]
    assert any(ids >= {"districts", "ban-zones", "recent-earlier", "recent-new"} for ids in decks)
    assert at.query_params["live"] == "1"
    linked = run_page("pages/fireworks.py", live="1")
    assert linked.toggle(key="url-live").value is True and len(linked.get("deck_gl_json_chart")) == 2
    assert fw.in_season(0) and fw.in_season(-fw.SEASON_WINDOW) and fw.in_season(fw.SEASON_WINDOW)
    assert not fw.in_season(fw.SEASON_WINDOW + 1) and not fw.in_season(-97)


def test_every_page_file_is_named_as_its_url():
    """A fresh server resolves the first request for /<name> by file name before app.py's navigation exists; a page
    whose file is named otherwise answers "Page not found" to a deep link (it did for /import)."""
    import re
    from pathlib import Path
    app = (Path(__file__).resolve().parent.parent / "app.py").read_text(encoding="utf-8")
    keys = set(re.findall(r'page\("([a-z_]+)"', app))
    assert keys >= set(NAVIGATION) | {"wall"}
    for key in keys:
        assert (Path(__file__).resolve().parent.parent / "pages" / f"{key}.py").exists(), key


MISSING_WORDS = re.compile(r"(?<![A-Za-z])(nan|None|NaT|inf|undefined|<NA>)(?![A-Za-z])")


def _shown_text(at: AppTest) -> list[str]:
    """Every text a reader meets on a page: headings, Markdown, captions, alerts, metrics, widget labels and options,
    and every cell of every table."""
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "text"):
        texts += [str(e.value) for e in getattr(at, kind)]
    texts += [f"{m.label} {m.value} {m.delta or ''}" for m in at.metric]
    for widget in (*at.selectbox, *at.multiselect, *at.radio):
        texts += [str(widget.label), *(str(o) for o in widget.options)]  # options as the reader sees them
    for frame in at.dataframe:
        value = frame.value
        texts += [str(c) for c in value.columns] + [str(v) for v in value.astype(str).to_numpy().ravel()]
    return texts


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", sorted(PAGES))
def test_no_page_shows_nan_none_or_undefined(opened, path, lang):
    at = opened(path, lang)
    shown = [t for t in _shown_text(at) if MISSING_WORDS.search(t)]
    assert not shown, shown[:5]


def test_the_checker_question_is_in_the_url_and_says_which_rule_allowed_it(app_env):
    """A copied link asks the same question again; on 除夕 2020 inside the 海州区 zone the answer says the point is in a
    ban zone and the festival exception applies, not just "not banned"."""
    at = run_page("pages/fireworks.py", check="119.17000,34.60000,2020-01-24T23:00")
    assert not at.exception, at.exception
    assert (at.number_input[0].value, at.number_input[1].value) == (119.17, 34.6)
    headings = " ".join(m.value for m in at.markdown if m.value.startswith("###"))
    assert "位于禁放区域内，节日例外" in headings, headings
    assert at.query_params["check"] in ("119.17000,34.60000,2020-01-24T23:00", ["119.17000,34.60000,2020-01-24T23:00"])
    at.date_input(key="check-date").set_value(date(2020, 3, 10)).run()
    assert "2020-03-10T23:00" in str(at.query_params["check"])


def test_a_district_view_says_which_figures_are_city_wide(app_env):
    at = run_page("pages/overview.py", district="320706")
    assert not at.exception, at.exception
    titles = [m.value for m in at.markdown if m.value.startswith("**")]
    fireworks = [t for t in titles if "烟花爆竹" in t]
    assert fireworks and all("海州区" in t and "全市" not in t for t in fireworks), fireworks
    city_wide = [t for t in titles if "资源目录" in t or "数字政府" in t or "立法" in t]
    assert city_wide and all("全市" in t for t in city_wide), city_wide
    assert any(s.value.startswith("海州区态势图") for s in at.subheader)
