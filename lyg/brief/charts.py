"""Charts as PNG, rendered on this machine by Plotly's Kaleido in the local Chromium: no network, the CJK font the
system has (fonts-noto-cjk). One browser serves every chart of a brief (the first costs ~3 s, the next ~0.2 s)."""
from __future__ import annotations

import os
import sys
import warnings

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


def charts_png(figures: list[go.Figure], width: int = 900, height: int = 380, scale: float = 2.0) -> list[bytes]:
    os.environ.setdefault("BROWSER_PATH", chromium_path())  # Kaleido's browser: the system's, never a download
    kaleido = _kaleido()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "kopts is ignored if using a server": the server has them already
        kaleido.start_sync_server(silence_warnings=True)
        try:
            return [go.Figure(fig).update_layout(font_family="Noto Sans CJK SC, sans-serif", paper_bgcolor="#ffffff")
                    .to_image(format="png", width=width, height=height, scale=scale) for fig in figures]
        finally:
            kaleido.stop_sync_server(silence_warnings=True)
