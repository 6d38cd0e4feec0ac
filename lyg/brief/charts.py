"""Charts as PNG, rendered on this machine by Plotly's Kaleido in the local Chromium: no network, the CJK font the
system has (fonts-noto-cjk). One browser serves every chart of a brief (starting it costs ~2 s, a chart ~0.2 s), and a
figure already drawn is not drawn again: the Word and the PDF brief of one day share their charts."""
from __future__ import annotations

import os
import sys
import threading
import warnings
from collections import OrderedDict

import plotly.graph_objects as go

from lyg.brief.chromium import chromium_path


def _kaleido():
    """Kaleido, imported with an empty command line: its logging package (logistro) parses sys.argv when imported and
    exits on options it half-recognises, such as this program's own --sent-log."""
    argv, sys.argv = sys.argv, sys.argv[:1]
    try:
        import kaleido
    finally:
        sys.argv = argv
    return kaleido


DRAWN_KEPT = 16  # figures whose PNG is kept (a brief has two; a day's briefs in two formats and languages, a few more)
_drawn: OrderedDict[str, bytes] = OrderedDict()
_drawing = threading.Lock()  # one Kaleido server per process at a time; readers of the overview may ask at once


def charts_png(figures: list[go.Figure], width: int = 900, height: int = 380, scale: float = 2.0) -> list[bytes]:
    """Each figure as PNG at width × height CSS pixels (× scale), in the brief's fonts on white."""
    ready = [go.Figure(fig).update_layout(font_family="Noto Sans CJK SC, sans-serif", paper_bgcolor="#ffffff") for fig in figures]
    keys = [f"{width}x{height}@{scale}:{fig.to_json()}" for fig in ready]
    with _drawing:
        missing = {key: fig for key, fig in zip(keys, ready) if key not in _drawn}
        if missing:
            _drawn.update(zip(missing, _draw(list(missing.values()), width, height, scale)))
        for key in keys:
            _drawn.move_to_end(key)
        drawn = [_drawn[key] for key in keys]
        while len(_drawn) > DRAWN_KEPT:
            _drawn.popitem(last=False)
        return drawn


def _draw(figures: list[go.Figure], width: int, height: int, scale: float) -> list[bytes]:
    os.environ.setdefault("BROWSER_PATH", chromium_path())  # Kaleido's browser: the system's, never a download
    kaleido = _kaleido()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "kopts is ignored if using a server": the server has them already
        kaleido.start_sync_server(silence_warnings=True)
        try:
            return [fig.to_image(format="png", width=width, height=height, scale=scale) for fig in figures]
        finally:
            kaleido.stop_sync_server(silence_warnings=True)
