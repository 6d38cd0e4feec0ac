"""Text from data files is shown as text everywhere: Markdown, HTML and script payloads in every free-text column of
every source file render nothing and fetch nothing, on every page, the wall, the charts and the maps. Here through
AppTest; in Chromium, the page walk (tests/test_browser.py) and the wall's watch (tests/test_wall.py) run on the same data."""
from __future__ import annotations

import os
import re

import pytest

from tests.apptest import json_strings, open_app_page

PAGES = {"overview": "pages/overview.py", "fireworks": "pages/fireworks.py", "bonded": "pages/bonded.py", "catalog": "pages/catalog.py",
         "digital": "pages/digital.py", "legislation": "pages/legislation.py", "sources": "pages/sources.py"}
# Markdown that would become an image, a link or a Streamlit colour if not escaped
LIVE_MARKDOWN = re.compile(r"(?<!\\)!\\?\[[^\]]*\\?\]\((?!\\)|(?<!\\)\]\(http|(?<!\\):red\[红字|(?<![\\<])<img|(?<!\\)<script")
FOREIGN_TAG = re.compile(r"<(?!/?b>|br\s*/?>)(img|a|script|span)\b", re.IGNORECASE)


@pytest.fixture
def poisoned_env(poisoned, monkeypatch):
    data, db = poisoned
    monkeypatch.setenv("LYG_DATA_DIR", str(data))
    monkeypatch.setenv("LYG_DB_PATH", str(db))
    return poisoned


@pytest.mark.parametrize("name", PAGES)
def test_no_page_sends_live_markup_from_data(poisoned_env, name):
    at = open_app_page(PAGES[name], **({"q": "evil"} if name == "catalog" else {}))
    assert not at.exception, at.exception
    texts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error] + [i.value for i in at.info]
    if name == "catalog":
        assert "evil\\.invalid" in " ".join(texts)  # the payload is there, escaped: shown as written
    live = [t for t in texts if LIVE_MARKDOWN.search(t)]
    assert not live, live
    for chart in at.get("plotly_chart"):
        tags = [s for s in json_strings(__import__("json").loads(chart.proto.spec)) if FOREIGN_TAG.search(s)]
        assert not tags, tags[:3]
    for deck in at.get("deck_gl_json_chart"):
        assert '"html"' not in deck.proto.json  # tooltips are text templates, never HTML


def test_the_wall_sends_no_live_markup_from_data(poisoned_env):
    for panel in ("overview", "fireworks", "bonded", "catalog", "digital", "legislation"):
        os.environ["LYG_WALL_PANELS"] = panel
        try:
            at = open_app_page("pages/overview.py", wall="1")
        finally:
            del os.environ["LYG_WALL_PANELS"]
        assert not at.exception, (panel, at.exception)
        live = [m.value for m in at.markdown if LIVE_MARKDOWN.search(m.value)]
        assert not live, (panel, live)
