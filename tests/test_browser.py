"""In real Chromium: every page opens with no Streamlit exception, no console error and no outside request;
Chinese glyphs render; maps and charts draw. Screenshots go to test-artifacts/."""
from __future__ import annotations

import math

import pytest

from lyg import vocab
from tests.browser import (
    ARTIFACTS,
    CJK_GLYPHS_DIFFER,
    PageWatch,
    distinct_colours,
    open_page,
    scroll_through,
    settle,
    streamlit_server,
)
from tests.browser import DONE as DONE_SELECTOR
from tests.hostile import FOUND

playwright_errors = pytest.importorskip("playwright.sync_api")
PAGES = {"overview": "/", "fireworks": "/fireworks", "bonded": "/bonded?year=2020", "catalog": "/catalog?q=evil",
         "digital": "/digital", "legislation": "/legislation", "sources": "/sources"}


CHARTS = {"overview": 0, "fireworks": 6, "bonded": 11, "catalog": 0, "digital": 4, "legislation": 4, "sources": 0}  # plotly charts drawn
MAPS = ("overview", "fireworks", "bonded")


@pytest.mark.parametrize("name", PAGES)
def test_page_opens_cleanly_and_draws(poisoned_server, page, name):
    """Every page, on data whose free text carries Markdown, HTML and script payloads (tests/hostile.py): no exception,
    console error or outside request; the marks, every chart and the map drawn; nothing from the data rendered as an
    element or fetched (the AppTest side of that is tests/test_injection.py)."""
    watch = PageWatch(page)
    open_page(page, poisoned_server + PAGES[name], settle_ms=3000)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert page.evaluate(CJK_GLYPHS_DIFFER), "CJK characters render as identical boxes: no CJK font"
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text().strip()
    assert page.evaluate(FOUND) == []
    if name == "overview":
        _every_headline_value_on_the_first_screen(page, 1080)
    if name == "catalog":
        assert "![x](http" in page.inner_text("body")  # the payload shown as written (with a word joiner in Markdown)
    if name == "bonded":  # the 2020 targets: status in words and marks beside the colour
        assert "已达成" in page.inner_text("body") and "15.00亿元" in page.inner_text("body") and "▲" in page.inner_text("body")
        bullet = page.locator(".js-plotly-plot").first
        bullet.screenshot(path=str(ARTIFACTS / "bonded-bullet.png"))
        assert distinct_colours(bullet.screenshot()) > 5
    if name == "sources":
        return
    assert "数据截至" in page.inner_text("body")
    page.mouse.move(900, 600)
    _sample_marks_are_drawn(page, "示例", "示例数据")  # scrolls through the page
    drawn = page.evaluate("""() => Array.from(document.querySelectorAll('.js-plotly-plot'))
        .filter(p => p.querySelectorAll('.point, .js-line, .slice, .shapelayer path').length > 0).length""")
    assert drawn >= CHARTS[name], drawn
    if name in MAPS:
        canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
        canvas.scroll_into_view_if_needed()
        page.wait_for_timeout(600)  # drawn with the page: only the scroll to settle
        assert distinct_colours(canvas.screenshot()) > 5
    if name == "overview":  # the same figures on a leader's laptop
        page.set_viewport_size({"width": 1366, "height": 768})
        page.locator('[data-testid="stMain"]').evaluate("m => m.scrollTo(0, 0)")
        settle(page, 1500)
        _every_headline_value_on_the_first_screen(page, 768)
    assert not watch.console_errors, watch.console_errors
    assert not watch.outside_requests, watch.outside_requests


VALUE_BOTTOMS = "() => Array.from(document.querySelectorAll('.lyg-value')).map(e => e.getBoundingClientRect().bottom)"


def _every_headline_value_on_the_first_screen(page, height: int) -> None:
    """Every headline's value and status word without scrolling (the office screen, then a leader's laptop)."""
    page.screenshot(path=str(ARTIFACTS / f"overview-first-screen-{height}.png"))
    boxes = page.evaluate(VALUE_BOTTOMS)
    assert len(boxes) >= 9 and max(boxes) <= height, (height, boxes)


def _sample_marks_are_drawn(page, word: str, chart_word: str) -> None:
    """The 示例 badges are on screen, and every drawn chart built from sample rows shows its mark in the SVG."""
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert word in main
    scroll_through(page)
    charts = page.locator('[data-testid="stPlotlyChart"]').count()
    marks = page.locator("text.annotation-text", has_text=chart_word).count()
    assert charts == 0 or marks > 0, (charts, marks)


def test_sql_console_in_the_browser(server, page):
    watch = PageWatch(page)
    open_page(page, server + "/sql?sql=SELECT%20count(*)%20AS%20n%20FROM%20units")
    assert "行，用时" not in page.inner_text("body")  # a query in a link is shown, not run
    page.get_by_role("button", name="执行").click()
    page.get_by_text("行，用时").first.wait_for(timeout=60_000)
    body = page.inner_text("body")
    assert "行，用时" in body
    page.screenshot(path=str(ARTIFACTS / "sql.png"))
    assert not watch.console_errors and not watch.outside_requests


def test_import_page_refuses_a_bad_file_in_the_browser(server, page, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("发生时间,事件类型,县区代码,经度,纬度,伤亡人数\n2026-02-30 23:00,放鞭炮,320706,119.17,34.6,0\n", encoding="utf-8")
    open_page(page, server + "/import")
    page.locator('input[type="file"]').set_input_files(str(bad))
    settle(page)  # the upload's rerun
    page.get_by_role("button", name="校验并预览（不写入）").click()
    page.get_by_text("导入失败，未写入任何数据").wait_for(timeout=60_000)
    settle(page)
    body = page.inner_text("body")
    assert "导入失败，未写入任何数据" in body
    assert page.get_by_role("button", name="确认导入").is_disabled()  # a refused file cannot be imported
    page.screenshot(path=str(ARTIFACTS / "import-refused.png"))


def test_a_department_catalog_file_is_previewed_then_imported(data_copy, page, tmp_path):
    """The four-row file in the guide's style: checked first (rows, and the values read another way), then imported on
    the administrator's confirmation; on a server of its own, as it changes the data. The first visit to that fresh
    server is the page's own URL: the app's navigation answers it, not Streamlit's list of files."""
    from tests.test_catalog_guide import _xlsx
    upload = _xlsx(tmp_path)
    env = {"LYG_DATA_DIR": str(data_copy), "LYG_DB_PATH": str(tmp_path / "lyg.duckdb"), "LYG_DEMO_TOOLS": "1"}  # import: a tool
    with streamlit_server(env) as base:
        open_page(page, base + "/import")  # a deep link to a fresh server
        assert page.get_by_text("Page not found").count() == 0
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "城市大脑 · 总览" in nav and "烟花爆竹禁放" in nav and "legislation" not in nav
        assert page.locator("h1").first.inner_text().strip() == "数据导入"
        page.get_by_label("数据领域").click()
        page.get_by_role("option", name="大数据资源目录").click()
        page.wait_for_selector(DONE_SELECTOR, timeout=60_000)
        page.locator('input[type="file"]').set_input_files(str(upload))
        settle(page)  # the upload's rerun
        assert page.get_by_role("button", name="确认导入").is_disabled()
        page.get_by_role("button", name="校验并预览（不写入）").click()
        page.get_by_text("将新增 4 条").wait_for(timeout=60_000)
        page.wait_for_selector(DONE_SELECTOR, timeout=60_000)
        assert "8 处数值已按规范读入" in page.inner_text("body")  # the rows themselves are drawn on a canvas
        page.screenshot(path=str(ARTIFACTS / "import-preview.png"), full_page=True)
        page.get_by_role("button", name="确认导入").click()
        page.get_by_text("导入成功").wait_for(timeout=90_000)
        page.screenshot(path=str(ARTIFACTS / "import-done.png"), full_page=True)


def _lonlat_at(box, px: float, py: float, centre=(119.25, 34.70), zoom: float = 9.3) -> tuple[float, float]:
    """Where a pixel of the fireworks map lies (deck.gl's Web Mercator: 512 px for the world at zoom 0)."""
    world = 512 * 2 ** zoom
    cx = (centre[0] + 180) / 360 * world
    cy = (1 - math.log(math.tan(math.radians(centre[1])) + 1 / math.cos(math.radians(centre[1]))) / math.pi) / 2 * world
    x, y = cx + px - box["x"] - box["width"] / 2, cy + py - box["y"] - box["height"] / 2
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / world))))
    return x / world * 360 - 180, lat


TOOLTIP = ("() => [...document.querySelectorAll('.deck-tooltip')]"  # one per map on the page
           ".filter(t => t.style.display !== 'none').map(t => t.innerText.trim()).join('')")


CHECKED = "() => ['经度', '纬度'].map(l => document.querySelector(`input[aria-label=\"${l}\"]`).value).join(',')"


def _hover_until_picked(page, x: float, y: float, name: str) -> None:
    """Move over the spot until the map's tooltip names it: deck.gl picks again only once it has drawn the page's
    newest map (after a click's rerun that takes a moment), and a click before then is lost."""
    for wiggle in range(20):
        page.mouse.move(x + wiggle % 2, y)
        page.wait_for_timeout(250)
        if page.evaluate(TOOLTIP) == name:
            return
    raise AssertionError(f"the map never picked {name} at {x:.0f},{y:.0f}")


def _open_ground(page, box, wanted: int = 2) -> list[tuple[float, float, str]]:
    """Spots on the map whose tooltip is a district's name: open ground, caught by the click squares."""
    names = set(vocab.DISTRICT_NAMES.values())
    found = []
    for fx in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        for fy in (0.3, 0.45, 0.6, 0.75):
            x, y = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
            page.mouse.move(x, y)
            page.wait_for_timeout(250)
            tip = page.evaluate(TOOLTIP)
            if tip in names and all(abs(x - fx0) + abs(y - fy0) > 60 for fx0, fy0, _ in found):
                found.append((x, y, tip))
            if len(found) == wanted:
                return found
    return found


def test_a_click_on_the_fireworks_map_checks_that_spot_and_a_copied_link_asks_it_again(server, chromium, page):
    """Two clicks on open ground check two different points, each within half a click square of the spot clicked
    (1 km squares in the urban districts, 3 km in the counties), not a district's middle. The checker's point, time and
    product kind travel in the URL: a second browser context opening the copied address sees the same verdict."""
    open_page(page, server + "/fireworks?kind=专业燃放类", settle_ms=4000)
    verdict = page.locator(".st-key-fw-verdict")
    assert "经度 119.1600，纬度 34.6050" in verdict.inner_text()
    canvas = page.locator(".st-key-fw-map canvas").first
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    box = canvas.bounding_box()
    spots = _open_ground(page, box)
    assert len(spots) == 2, spots
    checked = []
    for x, y, district in spots:
        before = page.evaluate(CHECKED)
        for attempt in range(3):  # a click while the page's last rerun is still being drawn can be lost, as for a person
            _hover_until_picked(page, x, y, district)
            page.mouse.click(x, y)
            try:
                page.wait_for_function(f"() => ({CHECKED})() !== {before!r}", timeout=8000)
                break
            except playwright_errors.TimeoutError:
                assert attempt < 2, f"three clicks on {district} changed nothing"
        settle(page, 2000)
        lon, lat = float(page.locator('input[aria-label="经度"]').input_value()), float(page.locator('input[aria-label="纬度"]').input_value())
        want_lon, want_lat = _lonlat_at(box, x, y)
        half = 0.005 if district in ("海州区", "连云区", "赣榆区") else 0.015
        assert abs(lon - want_lon) <= half + 0.004 and abs(lat - want_lat) <= half + 0.004, (district, lon, lat, want_lon, want_lat)
        checked.append((lon, lat))
    page.screenshot(path=str(ARTIFACTS / "map-click.png"))
    assert checked[0] != checked[1]
    asked = verdict.inner_text()
    assert f"经度 {checked[1][0]:.4f}，纬度 {checked[1][1]:.4f}" in asked
    copied = page.url
    assert "check=" in copied and "kind=" in copied
    second = chromium.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN").new_page()
    try:
        open_page(second, copied)
        assert second.locator(".st-key-fw-verdict").inner_text() == asked
        kind = second.locator('[data-testid="stSelectbox"]', has_text="燃放的烟花爆竹种类").locator('[role="combobox"]')
        assert kind.input_value() == "专业燃放类"
    finally:
        second.context.close()


def test_language_switch_in_the_browser_keeps_the_view(server, page):
    """Clicking English re-renders the page in English, keeps its filters in the URL, and the chart text follows."""
    watch = PageWatch(page)
    open_page(page, server + "/fireworks?types=交通事故", settle_ms=3000)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.trim() === 'Fireworks ban'",
                           timeout=30_000)
    settle(page)
    assert "lang=en" in page.url and "types=" in page.url
    body = page.inner_text("body")
    assert "Data as of" in body and "Traffic accident" in body
    charts = page.evaluate("() => Array.from(document.querySelectorAll('.js-plotly-plot .xtitle, .js-plotly-plot .ytitle'))"
                           ".map(e => e.textContent).join(' ')")
    assert "Incidents" in charts and not any("\u4e00" <= ch <= "\u9fff" for ch in charts), charts
    page.screenshot(path=str(ARTIFACTS / "fireworks-en.png"), full_page=True)
    # then a page switch from the sidebar: still English, and the URL still says so (a copied link opens in English)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Public participation", exact=False).first.click()
    page.wait_for_function("() => location.pathname.endsWith('/legislation') && location.search.includes('lang=en')", timeout=30_000)
    page.wait_for_selector(DONE_SELECTOR, timeout=60_000)
    assert "Data as of" in page.inner_text("body")
    assert not watch.console_errors, watch.console_errors
    assert not watch.outside_requests, watch.outside_requests


def test_incidents_posted_to_the_ingest_server_appear_on_the_fireworks_page(live, page, tmp_path):
    """The issue's whole path: the app and the ingest server running, 1,000 incidents posted over HTTP, seen on the
    fireworks page's 今夜 section within 15 s; the same batch again changes nothing; bad records come back per line."""
    import json
    import os
    import subprocess
    import sys
    import time
    import urllib.request

    from lyg.auth import accounts
    from tests.browser import ROOT, free_port
    from tests.test_live import _records
    (data_copy, db_path), users = live, tmp_path / "users.json"
    token = accounts.new_ingest_token(users)
    env = {"LYG_DATA_DIR": str(data_copy), "LYG_DB_PATH": str(db_path), "LYG_USERS_FILE": str(users)}
    port = free_port()
    ingest = subprocess.Popen([sys.executable, "-m", "lyg", "ingest", "serve", "--port", str(port)], cwd=ROOT,
                              env={**os.environ, **env}, stderr=subprocess.DEVNULL)
    try:
        def post(records):
            request = urllib.request.Request(f"http://127.0.0.1:{port}/incidents", data=json.dumps(records).encode(), method="POST",
                                             headers={"Authorization": f"Bearer {token}"})
            with urllib.request.urlopen(request, timeout=60) as reply:
                return json.loads(reply.read())
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        night = [{**r, "occurred_at": f"2026-11-28 20:{i % 60:02d}:{i // 60:02d}"} for i, r in enumerate(_records(1000, 990_000_001))]
        with streamlit_server(env) as base:
            open_page(page, base + "/legislation", settle_ms=0)  # a reader already: the server has opened the database
            sent = time.time()
            assert post(night) == {"accepted": 1000, "duplicates": 0, "rejected": []}
            open_page(page, base + "/fireworks", settle_ms=500)
            page.get_by_text("今夜 18:00 起已报 1000 起").wait_for(timeout=60_000)
            # the 15 s target is the bench's to check (python -m lyg bench --ingest: p95 from post to query); a timed
            # assertion here would measure the shared test machine. The time seen is kept beside the screenshot.
            (ARTIFACTS / "fireworks-live-seconds.txt").write_text(f"{time.time() - sent:.1f}\n", encoding="utf-8")
            page.screenshot(path=str(ARTIFACTS / "fireworks-live.png"))
            assert post(night)["duplicates"] == 1000
            bad = _records(2, 990_100_001)
            bad[1]["type"] = "放鞭炮"
            reply = post(bad)
            assert reply["accepted"] == 1 and [(r["line"], r["column"]) for r in reply["rejected"]] == [(2, "type")]
    finally:
        ingest.terminate()
        ingest.wait(timeout=20)


def test_catalog_filters_then_export_then_the_same_view_then_a_new_search(server, page, tmp_path):
    """Facets from a copied link, the CSV downloaded: the file (built on the click, with its notes) holds exactly the
    rows the page counts, each marked 示例, and the page, its facets and its URL are unchanged after the download. Then
    a new search: the URL keeps the facets' values, never a label with its count."""
    import io
    from urllib.parse import parse_qs, urlparse

    import pandas as pd

    from lyg.export import note_lines
    open_page(page, server + "/catalog?q=人口&share=无条件共享&format=数据库")
    before_url, before = page.url, page.locator('[data-testid="stMain"]').inner_text()
    count = next(line for line in before.splitlines() if line.startswith("共 "))
    rows = int("".join(ch for ch in count.split("条")[0] if ch.isdigit()))
    with page.expect_download(timeout=60_000) as download:
        page.locator('[data-testid="stDownloadButton"] button', has_text="下载 CSV").first.click()
    path = tmp_path / "view.csv"
    download.value.save_as(path)
    data = path.read_bytes()
    assert data.decode("utf-8-sig").startswith("# 导出内容: catalog_view")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", skiprows=note_lines(data))
    assert len(frame) == rows and frame.columns[0] == "数据性质" and set(frame["数据性质"]) == {"示例"}
    settle(page)
    after = page.locator('[data-testid="stMain"]').inner_text()
    assert page.url == before_url and count in after and "共 0 条" not in after
    search = page.get_by_placeholder("搜索名称、摘要、信息项或提供方")
    for words in ("人口信息", "人口"):
        search.fill(words)
        search.press("Enter")
        settle(page)
    query = parse_qs(urlparse(page.url).query)
    assert query["share"] == ["无条件共享"] and query["format"] == ["数据库"], page.url
    assert count in page.locator('[data-testid="stMain"]').inner_text()
