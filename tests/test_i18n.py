"""Every UI string comes from one table: no missing key on any page, and the English UI is English.

The English check reads everything a page sends to the browser (text, widget labels and options, table
headers and cells, chart and map JSON). Chinese may remain only where the page quotes free text from the
data (department, entry, zone and law names): those have no official English and are shown as written.
"""
from __future__ import annotations

import json
import re
import string
from functools import lru_cache

import duckdb
import pytest

from lyg import i18n, vocab
from lyg.contracts import TABLES
from tests.apptest import json_strings, open_app_page

CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_OR_FULLWIDTH = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
PAGES = ["pages/overview.py", "pages/fireworks.py", "pages/bonded.py", "pages/catalog.py", "pages/digital.py", "pages/legislation.py",
         "pages/sql.py", "pages/import.py"]
TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error")
WIDGETS = ("selectbox", "multiselect", "text_input", "text_area", "number_input", "date_input", "time_input", "radio", "button_group",
           "button", "checkbox", "toggle")
VOCABULARIES = (vocab.INCIDENT_TYPES, vocab.ARTICLE30_CATEGORIES, vocab.BONDED_SUBZONES, vocab.OWNERSHIP, vocab.CATALOG_CLASSES,
                vocab.SHARE_TYPES, vocab.FORMATS, vocab.UPDATE_CYCLES, vocab.SHARE_METHODS, vocab.DATA_TYPES, vocab.DG_GROUPS,
                vocab.LEG_STAGES, vocab.LEG_METHODS, vocab.UNIT_KINDS, tuple(vocab.DISTRICT_NAMES.values()),
                tuple(vocab.FUNCTIONAL_ZONE_NAMES.values()))


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages():
    for key, (zh, en) in i18n.STRINGS.items():
        assert zh.strip() and en.strip(), key
        assert CJK_OR_FULLWIDTH.search(zh), f"{key}: the Chinese text has no Chinese"
        assert not CJK.search(en), f"{key}: the English text has Chinese: {en}"
        assert _fields(zh) == _fields(en), f"{key}: the two languages take different values"
    assert i18n.t("no.such.key") == "⟦no.such.key⟧"


def test_every_vocabulary_value_and_contract_label_has_an_english_gloss():
    labels = tuple(t.label for t in TABLES) + tuple(c.label for t in TABLES for c in t.columns + t.derived)
    missing = [v for values in VOCABULARIES + (labels,) for v in values if v not in i18n.VALUES]
    assert not missing, missing
    assert not [en for en in i18n.VALUES.values() if CJK.search(en)]


def test_ban_zones_are_named_after_their_district_in_english():
    assert i18n.value("开发区禁放区（三）", "en") == "Development Zone ban zone (3)"
    assert i18n.value("海州区禁放区", "en") == "Haizhou District ban zone"
    assert i18n.value("某镇禁放区", "en") == "某镇禁放区"  # an unknown place stays as written


def test_amounts_in_english_use_the_readers_units():
    assert i18n.amount(15.0, "亿元") == "15.00亿元"
    assert i18n.amount(15.0, "亿元", "en") == "1.50 bn yuan"
    assert i18n.amount(3.0, "亿美元", "en") == "0.30 bn USD"
    assert i18n.amount(29000, "万美元", "en") == "290.00 m USD"
    assert i18n.amount(53.24, "%", "en") == "53.2%"


@lru_cache(maxsize=1)
def _quoted_free_text(db_path: str) -> tuple[str, ...]:
    """Free text from the data (no gloss exists for it), longest first so a name is removed before its parts."""
    found: set[str] = set()
    with duckdb.connect(db_path, read_only=True) as con:
        for table in TABLES:
            for col in table.columns:
                if col.type == "VARCHAR" and not col.accepted:
                    rows = con.execute(f'SELECT DISTINCT "{col.name}" FROM {table.name} WHERE "{col.name}" IS NOT NULL').fetchall()
                    found.update(r[0] for r in rows if CJK.search(r[0]) and i18n.value(r[0], "en") == r[0])
    found.update(i18n.LANGUAGES.values())  # the language switch names each language in itself
    return tuple(sorted(found, key=len, reverse=True))


def _shown(at) -> list[str]:
    texts = [e.value for kind in TEXT_ELEMENTS for e in at.get(kind)]
    texts += [e.label for e in at.metric] + [str(e.value) for e in at.metric]
    texts += [e.label for e in at.tabs] + [e.label for e in at.expander]
    for kind in WIDGETS:
        for w in at.get(kind):
            texts.append(getattr(w, "label", "") or "")
            texts += [str(o) for o in getattr(w, "options", []) or []]
    for frame in (d.value for d in at.dataframe):
        texts += [str(c) for c in frame.columns]
        texts += [v for c in frame.columns for v in frame[c].dropna().astype(str).unique()]
    texts += [s for chart in at.get("plotly_chart") for s in json_strings(json.loads(chart.proto.spec))]
    texts += [s for deck in at.get("deck_gl_json_chart") for s in json_strings(json.loads(deck.proto.json))]
    return [t for t in texts if t]


def _untranslated(texts: list[str], free_text: tuple[str, ...]) -> list[str]:
    out = []
    for text in texts:
        if not CJK.search(text):
            continue
        rest = re.sub(r"\\(.)", r"\1", text.replace("<br>", ""))  # charts wrap long names; Markdown escapes free text
        for name in free_text:
            if name in rest:
                rest = rest.replace(name, "")
        if CJK.search(rest):
            out.append(text)
    return sorted(set(out))


@pytest.mark.parametrize("path", PAGES)
def test_no_missing_translation(app_env, path):
    for lang in ("zh", "en"):
        at = open_app_page(path, lang=lang)
        assert not at.exception, at.exception
        assert not [s for s in _shown(at) if "⟦" in s], (lang, path)


@pytest.mark.parametrize("path", PAGES)
def test_english_page_is_english(app_env, path):
    """Fails on any Chinese that is not quoted free text from the data: a label, a unit, a status, a chart axis."""
    at = open_app_page(path, lang="en")
    assert not at.exception, at.exception
    mixed = _untranslated(_shown(at), _quoted_free_text(str(app_env)))
    assert not mixed, mixed[:15]


@pytest.mark.parametrize("panel", ["overview", "fireworks", "bonded", "catalog", "digital", "legislation"])
def test_english_wall_is_english(app_env, monkeypatch, panel):
    monkeypatch.setenv("LYG_WALL_PANELS", panel)  # a one-panel playlist shows that panel now
    at = open_app_page("pages/overview.py", wall="1", lang="en")
    assert not at.exception, at.exception
    assert any(i18n.t(f"page.{panel}", "en") in m.value for m in at.markdown)
    mixed = _untranslated(_shown(at), _quoted_free_text(str(app_env)))
    assert not mixed, mixed[:15]


def test_english_charts_use_the_same_scale_as_their_labels(db):
    from lyg.bonded import analysis as bz
    from lyg.bonded import figures
    p = next(x for x in bz.progress(db, bz.years(db)[0]) if x.unit == "亿元")
    zh, en = figures.bullet(p), figures.bullet(p, tr=i18n.EN)
    assert en.data[0].x[0] == pytest.approx(zh.data[0].x[0] / 10)  # 24.3亿元 is drawn at 2.43 on a bn-yuan axis
    assert "bn yuan" in en.layout.title.text and "bn yuan" in en.layout.annotations[0].text
    assert f"{p.target / 10:.2f}" in en.layout.annotations[0].text
