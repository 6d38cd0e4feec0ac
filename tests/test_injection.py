"""Text from data files is shown as text everywhere: Markdown, HTML and script payloads in every free-text column of
every source file render nothing and fetch nothing, on every page, the wall, the charts and the maps."""
from __future__ import annotations

import os
import re
import shutil

import pytest

from lyg.build import build
from tests.apptest import json_strings, open_app_page
from tests.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PageWatch, open_page, streamlit_server
from tests.conftest import DATA
from tests.hostile import EVIL, poison

PAGES = {"overview": "pages/overview.py", "fireworks": "pages/fireworks.py", "bonded": "pages/bonded.py", "catalog": "pages/catalog.py",
         "digital": "pages/digital.py", "legislation": "pages/legislation.py", "sources": "pages/sources.py"}
# Markdown that would become an image, a link or a Streamlit colour if not escaped
LIVE_MARKDOWN = re.compile(r"(?<!\\)!\\?\[[^\]]*\\?\]\((?!\\)|(?<!\\)\]\(http|(?<!\\):red\[红字|(?<![\\<])<img|(?<!\\)<script")
FOREIGN_TAG = re.compile(r"<(?!/?b>|br\s*/?>)(img|a|script|span)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    root = tmp_path_factory.mktemp("poisoned")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("README.md", "imports"))
    touched = poison(data)
    assert len(touched) >= 15  # every domain's prose: names, roads, conditions, summaries, titles, departments
    build(data, root / "lyg.duckdb")
    return data, root / "lyg.duckdb"


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


# elements that would fetch from, or link to, the payloads' host (the app's own links may carry a payload as a
# filter value in their query string: that stays on this server)
FOUND = f"""() => Array.from(document.querySelectorAll('img, a, script, iframe, image, source'))
    .map(e => e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('xlink:href') || '')
    .map(u => {{ try {{ return new URL(u, location.href); }} catch (err) {{ return null; }} }})
    .filter(u => u && (u.hostname.includes('{EVIL}') || u.protocol === 'javascript:'))
    .map(u => u.href)"""


@pytest.fixture(scope="module")
def poisoned_server(poisoned):
    data, db = poisoned
    env = {"LYG_DATA_DIR": str(data), "LYG_DB_PATH": str(db), "LYG_WALL_DWELL_SECONDS": "4", "LYG_WALL_REFRESH_SECONDS": "30"}
    with streamlit_server(env) as base:
        yield base


@pytest.fixture
def chromium_page():
    with pytest.importorskip("playwright.sync_api").sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        yield page, PageWatch(page)
        browser.close()


@pytest.mark.parametrize("name", PAGES)
def test_in_chromium_nothing_from_data_is_rendered_or_fetched(poisoned_server, chromium_page, name):
    page, watch = chromium_page
    open_page(page, poisoned_server + "/" + ("" if name == "overview" else name) + ("?q=evil" if name == "catalog" else ""), settle_ms=800)
    assert page.locator('[data-testid="stException"]').count() == 0, name
    assert page.evaluate(FOUND) == [], name
    if name == "catalog":
        page.screenshot(path=str(ARTIFACTS / "injection-catalog.png"), full_page=True)
        assert "![x](http" in page.inner_text("body")  # shown as written (with a word joiner in Markdown)
    assert not watch.outside_requests, watch.outside_requests


def test_in_chromium_the_wall_renders_nothing_from_data(poisoned_server, chromium_page):
    page, watch = chromium_page
    open_page(page, poisoned_server + "/?wall=1", settle_ms=1000)
    for _ in range(3):  # three panels of the rotation in the browser (every panel is read through AppTest above)
        assert page.evaluate(FOUND) == []
        page.wait_for_timeout(4000)
    assert not watch.outside_requests, watch.outside_requests
