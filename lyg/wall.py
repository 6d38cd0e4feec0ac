"""The wall's playlist: which panel shows now, from configuration and the clock alone (no state to lose)."""
from __future__ import annotations

import time

PANEL_TITLES = {name: f"page.{name}" for name in ("overview", "live", "fireworks", "bonded", "catalog", "digital", "legislation")}  # i18n keys
PANEL_DOMAIN = {"live": "fireworks"}  # the domain whose as-of date and sample status a panel shows, where not its own name
LIVE_TICK = 10  # seconds: a wall showing the live panel re-reads at least this often


def playlist(configured: tuple[str, ...]) -> list[str]:
    """The configured panels that exist, in order; unknown names are dropped, an empty list falls back to all."""
    panels = [p for p in configured if p in PANEL_TITLES]
    return panels or list(PANEL_TITLES)


def current_panel(panels: list[str], dwell_seconds: int, now: float | None = None) -> tuple[int, str]:
    """The panel on screen at `now`: every wall shows the same panel at the same time, and resumes after a restart."""
    if dwell_seconds <= 0:
        raise ValueError("停留时间应为正数（秒）")
    index = int((time.time() if now is None else now) // dwell_seconds) % len(panels)
    return index, panels[index]


def tick_seconds(dwell_seconds: int, refresh_seconds: int, live: bool = False) -> int:
    """How often the wall re-runs: often enough to refresh data and move the clock (10 s with the live panel in the
    playlist, else 15 s), and a divisor of the dwell, so every panel stays exactly its dwell (a 15 s tick with a 20 s
    dwell kept panels 15 or 30 s)."""
    cap = max(1, min(dwell_seconds, refresh_seconds, LIVE_TICK if live else 15))
    return next(d for d in range(cap, 0, -1) if dwell_seconds % d == 0)
