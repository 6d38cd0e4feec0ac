"""What a user meets: each page's whole script run through app.py (AppTest), and the bytes it sends to the browser.

Used by `python -m lyg bench`. The first run of a page is cold (its named queries run); later runs are what every
next reader gets while the database is unchanged (results shared across sessions).
"""
from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from streamlit.testing.v1 import AppTest

from lyg.config import PROJECT_ROOT
from lyg.ui.navigation import DOMAIN_PAGES

PAGES = DOMAIN_PAGES
TEXT_KINDS = ("markdown", "caption", "title", "subheader", "warning", "info", "text")


@contextmanager
def _environment(db_path: Path, data_dir: Path):
    names = {"LYG_DB_PATH": str(db_path), "LYG_DATA_DIR": str(data_dir)}
    old = {k: os.environ.get(k) for k in names}
    os.environ.update(names)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def sent_bytes(at: AppTest) -> int:
    """Bytes of what the page sent: chart and map specs, table data, text."""
    total = sum(len(c.proto.spec.encode()) for c in at.get("plotly_chart"))
    total += sum(len(d.proto.json.encode()) for d in at.get("deck_gl_json_chart"))
    total += sum(len(d.proto.arrow_data.data) + len(d.proto.lazy_data.initial_chunk.data) for d in at.dataframe)
    total += sum(len(str(e.value).encode()) for kind in TEXT_KINDS for e in at.get(kind))
    return total


def _open(path: str) -> tuple[AppTest, float]:
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=600)
    started = time.perf_counter()
    at.run()  # app.py opens the overview by default
    if path != PAGES["overview"]:
        started = time.perf_counter()
        at.switch_page(path).run()
    return at, (time.perf_counter() - started) * 1000


def measure_pages(db_path: Path, data_dir: Path, repeats: int = 3) -> dict[str, dict]:
    """{page: {"cold_ms", "warm_ms" (median of repeats), "bytes", "deck_bytes" (largest map), "exception"}} per page."""
    out = {}
    with _environment(db_path, data_dir):
        for name, path in PAGES.items():
            at, cold = _open(path)
            warm = [_open(path)[1] for _ in range(repeats)]
            decks = [len(d.proto.json.encode()) for d in at.get("deck_gl_json_chart")]
            out[name] = {"cold_ms": cold, "warm_ms": statistics.median(warm), "bytes": sent_bytes(at),
                         "deck_bytes": max(decks, default=0), "exception": bool(at.exception)}
    return out


# --- many readers at once ------------------------------------------------------------------------

@contextmanager
def streamlit_server(db_path: Path, data_dir: Path, port: int):
    """`streamlit run app.py` on loopback for the concurrent-readers section; yields the server's pid."""
    env = {**os.environ, "LYG_DB_PATH": str(db_path), "LYG_DATA_DIR": str(data_dir), "LYG_DEMO_TOOLS": "1"}  # the console too
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "app.py"), "--server.port", str(port),
                             "--server.headless", "true", "--server.address", "127.0.0.1"],
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        yield proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=20)


async def _session(port: int, page: str) -> tuple[float, int]:
    """One reader as the browser is to the server: open the websocket, ask for a page, wait until its script finished."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect
    done = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)
    started, received = time.perf_counter(), 0
    async with connect(f"ws://127.0.0.1:{port}/_stcore/stream", max_size=None, subprotocols=["streamlit"],
                       open_timeout=120) as ws:
        ask = BackMsg()
        ask.rerun_script.query_string = ""
        ask.rerun_script.page_name = page
        await ws.send(ask.SerializeToString())
        while True:
            data = await asyncio.wait_for(ws.recv(), timeout=300)
            received += len(data)
            msg = ForwardMsg()
            msg.ParseFromString(data)
            if msg.WhichOneof("type") == "script_finished" and msg.script_finished in done:
                return time.perf_counter() - started, received


async def _round(port: int, sessions: int, hostile: str | None = None) -> list:
    """Every reader's (seconds, bytes) or exception; with `hostile`, an analyst runs that console query over and
    over in the same server while the readers wait."""
    pages = [name if name != "overview" else "" for name in PAGES]
    readers = asyncio.gather(*[_session(port, pages[i % len(pages)]) for i in range(sessions)], return_exceptions=True)
    if not hostile:
        return await readers
    stop = asyncio.Event()
    analyst = asyncio.create_task(_hostile_analyst(port, hostile, stop))
    try:
        return await readers
    finally:
        stop.set()
        await analyst


HOSTILE_QUERY = "SELECT string_agg(repeat('x', 1000), '') FROM range(2000000)"  # would build a 2 GB string


async def _hostile_analyst(port: int, sql: str, stop: asyncio.Event) -> int:
    """The SQL console as a browser drives it: open /sql with the query in the URL, press Run, repeat. Returns runs."""
    from urllib.parse import urlencode

    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.proto.WidgetStates_pb2 import WidgetState
    from websockets.asyncio.client import connect
    runs = 0
    async with connect(f"ws://127.0.0.1:{port}/_stcore/stream", max_size=None, subprotocols=["streamlit"], open_timeout=120) as ws:
        async def run(widgets=None) -> str | None:
            ask = BackMsg()
            ask.rerun_script.query_string = urlencode({"sql": sql})
            ask.rerun_script.page_name = "sql"
            if widgets:
                ask.rerun_script.widget_states.widgets.extend(widgets)
            await ws.send(ask.SerializeToString())
            button = None
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=300))
                element = msg.delta.new_element if msg.WhichOneof("type") == "delta" else None
                if element is not None and element.WhichOneof("type") == "button" and element.button.id.endswith("sql-run"):
                    button = element.button.id
                if msg.WhichOneof("type") == "script_finished" and msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return button
        button = await run()
        while button and not stop.is_set():
            await run([WidgetState(id=button, trigger_value=True)])
            runs += 1
    return runs


def _rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))) / 1024


def concurrent_readers(db_path: Path, data_dir: Path, rounds=(1, 10, 20, 50), port: int = 0, hostile: str | None = None) -> list[dict]:
    """For each number of simultaneous readers (cycling through the six dashboards): median and p95 page time, errors,
    and the server's resident memory afterwards. With `hostile`, an analyst's console query runs throughout."""
    port = port or _free_port()
    out = []
    with streamlit_server(db_path, data_dir, port) as pid:
        asyncio.run(_round(port, len(PAGES)))  # each dashboard's first visitor pays for its start-up, not the measurement
        for sessions in rounds:
            results = asyncio.run(_round(port, sessions, hostile))
            times = sorted(r[0] for r in results if not isinstance(r, BaseException))
            errors = sum(isinstance(r, BaseException) for r in results)
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))] if times else float("nan")
            out.append({"sessions": sessions, "median_s": statistics.median(times) if times else float("nan"), "p95_s": p95,
                        "errors": errors, "server_rss_mb": _rss_mb(pid)})
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- a real browser ------------------------------------------------------------------------------

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--use-gl=angle", "--use-angle=swiftshader",
                 "--enable-unsafe-swiftshader"]
FINISHED = """() => document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
                  && document.querySelector('[data-testid="stMain"] h1')"""


def browser_times(db_path: Path, data_dir: Path, chromium: str = "/usr/bin/chromium") -> dict[str, dict]:
    """Seconds from navigation to a finished page in headless Chromium at 1920×1080, first visit and again.

    Needs the playwright package (a test dependency) and Debian's chromium."""
    from playwright.sync_api import sync_playwright
    out = {}
    port = _free_port()
    with streamlit_server(db_path, data_dir, port), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
        for name in [*PAGES, "wall"]:
            url = f"http://127.0.0.1:{port}/" + {"overview": "", "wall": "?wall=1"}.get(name, name)
            times = []
            for _ in range(2):
                started = time.perf_counter()
                page.goto(url)  # a new document: finished once the script has stopped and the page's title is drawn
                page.wait_for_function(FINISHED, timeout=120_000)
                times.append(time.perf_counter() - started)
            out[name] = {"first_s": times[0], "again_s": times[1]}
        browser.close()
    return out
