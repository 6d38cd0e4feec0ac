"""The wall: its playlist, the AppTest view of ?wall=1, and in Chromium at 1920×1080 no chrome, no scrollbar, rotation."""
from __future__ import annotations

import re

import pytest

from lyg import wall
from tests.apptest import open_app_page
from tests.browser import ARTIFACTS, PageWatch, open_page, streamlit_server
from tests.hostile import FOUND


def test_playlist_keeps_configured_order_and_drops_unknown_panels():
    assert wall.playlist(("bonded", "nope", "overview")) == ["bonded", "overview"]
    assert wall.playlist(()) == list(wall.PANEL_TITLES)


def test_current_panel_follows_the_clock():
    panels = ["overview", "fireworks", "bonded"]
    assert wall.current_panel(panels, 30, now=0) == (0, "overview")
    assert wall.current_panel(panels, 30, now=29.9) == (0, "overview")
    assert wall.current_panel(panels, 30, now=30) == (1, "fireworks")
    assert wall.current_panel(panels, 30, now=95) == (0, "overview")  # wraps around
    with pytest.raises(ValueError):
        wall.current_panel(panels, 0)


def test_tick_is_short_enough_for_dwell_refresh_and_clock():
    assert wall.tick_seconds(30, 60) == 15
    assert wall.tick_seconds(5, 60) == 5
    assert wall.tick_seconds(30, 3) == 3
    assert wall.tick_seconds(30, 60, live=True) == 10


def test_every_panel_stays_exactly_its_dwell():
    """Ticks at a divisor of the dwell: whatever the phase, each panel is on screen for the dwell (20 s dwell and a 15 s
    tick gave 15 or 30 s)."""
    for dwell in (20, 30, 17, 45):
        tick = wall.tick_seconds(dwell, 60)
        assert dwell % tick == 0
        for phase in (0.0, 3.3, 7.9):
            shown = [wall.current_panel(list("abcdef"), dwell, phase + k * tick)[0] for k in range(200)]
            runs = [len(list(g)) * tick for _, g in __import__("itertools").groupby(shown)][1:-1]
            assert set(runs) == {dwell}, (dwell, phase, set(runs))


def test_wall_mode_in_apptest(app_env):
    at = open_app_page("pages/overview.py", wall="1")
    assert not at.exception, at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "连云港城市大脑态势感知 · " in text and "数据更新于" in text
    assert not at.sidebar.radio  # no language switch or other chrome on the wall


@pytest.fixture(scope="module")
def wall_server(poisoned):
    """A wall turning every 6 s, on the data whose free text carries Markdown, HTML and script payloads: the screen's
    checks and the no-markup checks in one watch (every panel is also read through AppTest in tests/test_injection.py)."""
    ARTIFACTS.mkdir(exist_ok=True)
    data, db = poisoned
    env = {"LYG_DATA_DIR": str(data), "LYG_DB_PATH": str(db), "LYG_WALL_DWELL_SECONDS": "6", "LYG_WALL_REFRESH_SECONDS": "6",
           "LYG_WALL_PANELS": "overview,bonded,catalog"}
    with streamlit_server(env) as base:
        yield base


@pytest.fixture
def wall_page(chromium):
    """A 1920×1080 screen with no locale of its own, as an unattended wall's browser."""
    context = chromium.new_context(viewport={"width": 1920, "height": 1080})
    yield context.new_page()
    context.close()


def _panel_title(page) -> str:
    return page.locator("h1").first.inner_text()


PANEL_BOTTOM = """() => {
    const strip = document.querySelector('.lyg-ticker').getBoundingClientRect();
    let bottom = 0;
    for (const e of document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"]')) {
        if (e.closest('.lyg-ticker') || e.querySelector('.lyg-ticker')) continue;
        const r = e.getBoundingClientRect();
        if (r.height > 0 && r.width > 0) bottom = Math.max(bottom, r.bottom);
    }
    return {stripTop: strip.top, stripBottom: strip.bottom, panelBottom: bottom, items: document.querySelectorAll('.lyg-ticker .item').length};
}"""


def _strip_under_a_full_panel(page) -> None:
    """The alert strip sits on the bottom edge; the panel reaches down to it (no empty band) and never under it."""
    box = page.evaluate(PANEL_BOTTOM)
    assert box["stripBottom"] == 1080 and box["items"] >= 1, box
    assert box["stripTop"] - 130 <= box["panelBottom"] <= box["stripTop"], box


STALE = """() => { const st = Array.from(document.querySelectorAll('[data-stale="true"]'));
  return [st.filter(e => getComputedStyle(e).display !== 'none').length,
          document.querySelector('h1') ? document.querySelector('h1').innerText : ''] }"""


def test_wall_fills_the_screen_without_chrome_and_turns_cleanly(wall_server, wall_page):
    """The first panel fills 1920×1080 with no chrome or scrollbar and its alert strip; then, sampled every 100 ms
    across a panel change, once the new panel's title is up nothing of the old panel is still visible (before, its
    elements lingered beside the new ones for up to 3 s); the next panel fills the screen too. On both panels nothing
    from the data is rendered as an element or fetched."""
    watch = PageWatch(wall_page)
    open_page(wall_page, wall_server + "/?wall=1", settle_ms=1500)
    wall_page.screenshot(path=str(ARTIFACTS / "wall.png"))
    sizes = wall_page.evaluate("""() => { const m = document.querySelector('[data-testid="stMain"]');
        return {doc: document.documentElement.scrollHeight, view: window.innerHeight, docW: document.documentElement.scrollWidth,
                viewW: window.innerWidth, main: m.scrollHeight, mainView: m.clientHeight}; }""")
    assert sizes["doc"] <= sizes["view"] and sizes["docW"] <= sizes["viewW"], sizes
    assert sizes["main"] <= sizes["mainView"] + 2, sizes
    for selector in ('[data-testid="stSidebar"]', '[data-testid="stHeader"]', '[data-testid="stToolbar"]', '[data-testid="stSidebarNav"]'):
        assert not wall_page.locator(selector).is_visible(), selector
    background = wall_page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
    assert background == "rgb(11, 18, 32)"
    _strip_under_a_full_panel(wall_page)
    assert wall_page.evaluate(FOUND) == []
    first = _panel_title(wall_page)
    assert re.search(r"城市大脑|综合保税区|大数据资源目录", first)
    samples = []
    for _ in range(150):  # up to 15 s: a panel change with a 6 s dwell, then two seconds of the next panel
        samples.append(wall_page.evaluate(STALE))
        titles = [title for _, title in samples]
        changes = [i for i in range(1, len(titles)) if titles[i] != titles[i - 1]]
        if changes and len(titles) - changes[-1] >= 15:
            break
        wall_page.wait_for_timeout(100)
    assert changes, titles[::10]  # the panel changed while we watched
    wall_page.screenshot(path=str(ARTIFACTS / "wall-next.png"))
    _strip_under_a_full_panel(wall_page)
    mixed = [samples[i] for i in changes if samples[i][0] > 0]
    assert not mixed, mixed
    assert wall_page.evaluate(FOUND) == []  # the next panel
    assert not watch.outside_requests, watch.outside_requests
    assert not watch.console_errors, watch.console_errors


def test_wall_comes_back_after_a_server_restart(app_env, wall_page):
    from tests.browser import free_port
    port = free_port()
    before = {"LYG_DB_PATH": str(app_env), "LYG_WALL_PANELS": "legislation"}
    with streamlit_server(before, port) as base:
        open_page(wall_page, base + "/?wall=1", settle_ms=500)
        assert "公众参与政府立法" in _panel_title(wall_page)
    wall_page.wait_for_timeout(1000)  # the server is gone; the page keeps retrying by itself
    after = {**before, "LYG_WALL_PANELS": "catalog"}  # only the restarted server can show this panel
    with streamlit_server(after, port):
        wall_page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('大数据资源目录')",
                                    timeout=90_000)
        assert "数据更新于" in wall_page.inner_text("body")


def test_wall_charts_have_no_text_under_18_px():
    """Read from 5 m: ticks, axis titles, legends and data labels at least WALL_MIN_TEXT, whatever the page figure set."""
    import plotly.graph_objects as go

    from lyg.viz.charts import WALL_MIN_TEXT, for_wall
    fig = go.Figure(go.Bar(x=["a"], y=[1], text=["1"], textfont_size=9))
    fig.update_xaxes(tickfont_size=10, title_text="x", title_font_size=11)
    fig.update_layout(legend_font_size=9)
    wall = for_wall(fig, 400)
    assert wall.layout.xaxis.tickfont.size >= WALL_MIN_TEXT and wall.layout.xaxis.title.font.size >= WALL_MIN_TEXT
    assert wall.layout.legend.font.size >= WALL_MIN_TEXT and wall.data[0].textfont.size >= WALL_MIN_TEXT
