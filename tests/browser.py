"""Helpers for the browser tests: a real `streamlit run` on a free port and Debian's Chromium via Playwright."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--use-gl=angle", "--use-angle=swiftshader",
                 "--enable-unsafe-swiftshader"]
PROBE_404 = re.compile(r"/[^/]+/_stcore/(health|host-config)$")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(env_extra: dict[str, str], port: int | None = None):
    port = port or free_port()
    env = {**os.environ, **env_extra}
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / f"streamlit-{port}.log", "w")  # noqa: SIM115 - closed in the finally below, with the server
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
                             "--server.headless", "true", "--server.address", "127.0.0.1"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(base + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("streamlit did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


class PageWatch:
    """Records console errors and every request that leaves this machine."""

    def __init__(self, page):
        self.console_errors: list[str] = []
        self.outside_requests: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", self._request)

    def _console(self, message) -> None:
        if message.type != "error":
            return
        # Opening a page by its own URL (/fireworks), Streamlit's frontend first probes
        # /fireworks/_stcore/health and host-config for a base path, gets 404, then uses /.
        if PROBE_404.search(message.location.get("url", "")):
            return
        self.console_errors.append(f"{message.text} @ {message.location.get('url')}")

    def _request(self, request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("data", "blob", "about", "chrome-extension"):
            return
        if url.hostname not in LOCAL_HOSTS:
            self.outside_requests.append(request.url)


STABLE = """() => { const m = document.querySelector('[data-testid="stMain"]');
  return [document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state'), m ? m.innerText.length : 0,
          document.querySelectorAll('canvas, .js-plotly-plot, [data-stale="true"]').length].join('|'); }"""


def settle(page, at_most_ms: int = 2500, quiet_ms: int = 600) -> None:
    """Wait until the script has finished and the page has stopped changing (text, charts, maps, stale elements) for
    quiet_ms, or at_most_ms has passed: a condition, not a fixed sleep."""
    page.wait_for_selector(DONE, timeout=90_000)
    waited, last, quiet = 0, None, 0
    while waited < at_most_ms:
        page.wait_for_timeout(150)
        waited += 150
        state = page.evaluate(STABLE)
        quiet = quiet + 150 if state == last and state.startswith("notRunning") else 0
        last = state
        if quiet >= quiet_ms:
            break
    page.wait_for_selector(DONE, timeout=90_000)


def open_page(page, url: str, settle_ms: int = 2500) -> None:
    page.goto(url)
    settle(page, settle_ms)


def distinct_colours(png: bytes) -> int:
    from io import BytesIO

    from PIL import Image
    image = Image.open(BytesIO(png)).convert("RGB").resize((200, 120))
    return len(image.getcolors(maxcolors=1 << 20))


CJK_GLYPHS_DIFFER = """() => {
  const draw = (ch) => { const c = document.createElement('canvas'); c.width = 64; c.height = 64;
    const g = c.getContext('2d'); g.font = '48px sans-serif'; g.fillText(ch, 4, 52);
    return Array.from(g.getImageData(0, 0, 64, 64).data).join(','); };
  return draw('连') !== draw('港') && draw('港') !== draw('口');
}"""


SCROLLED = "() => { const m = document.querySelector('[data-testid=\"stMain\"]'); return m ? Math.round(m.scrollTop) : 0; }"


def scroll_through(page, steps: int = 12) -> None:
    """Scroll the app to the bottom in steps (stopping there), so charts that draw when visible have drawn."""
    for _ in range(steps):
        before = page.evaluate(SCROLLED)
        page.mouse.wheel(0, 900)
        page.wait_for_timeout(250)
        if page.evaluate(SCROLLED) == before:
            break
    page.wait_for_timeout(600)
