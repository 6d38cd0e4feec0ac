"""What a user meets: each page's whole script run through app.py (AppTest), and the bytes it sends to the browser.

Used by `python -m lyg bench`. The first run of a page is cold (its named queries run); later runs are what every
next reader gets while the database is unchanged (results shared across sessions).
"""
from __future__ import annotations

import os
import statistics
import time
from contextlib import contextmanager
from pathlib import Path

from streamlit.testing.v1 import AppTest

from lyg.config import PROJECT_ROOT

PAGES = {"overview": "pages/overview.py", "fireworks": "pages/fireworks.py", "bonded": "pages/bonded.py",
         "catalog": "pages/catalog.py", "digital": "pages/digital.py", "legislation": "pages/legislation.py"}
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
