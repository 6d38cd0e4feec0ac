"""The operations-centre wall: no chrome, dark, large type, fills 1920×1080, rotates and refreshes by itself.

Each panel is a module of its own under lyg/ui/wall/panels, built from its domain's functions like a page.
"""
from __future__ import annotations

import logging
from datetime import datetime
from importlib import import_module

import streamlit as st

from lyg import wall
from lyg.ui.context import PageContext
from lyg.ui.wall.frame import header
from lyg.ui.wall.ticker import ticker
from lyg.viz.charts import WALL_BACKGROUND

log = logging.getLogger("lyg")
# Sent first on the run that changes panel: the old panel's elements are hidden at once instead of lingering beside the
# new one's (never two panels mixed). Other runs send an empty rule, so a refresh of the same panel never blinks.
HIDE_PREVIOUS_PANEL = '<style>[data-stale="true"] { display: none !important; }</style>'
KEEP = "<style></style>"
CSS = f"""
<style>
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stDecoration"], [data-testid="stStatusWidget"], footer {{ display: none !important; }}
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{ background: {WALL_BACKGROUND} !important;
      color: #e2e8f0 !important; overflow: hidden !important; }}
  [data-testid="stMainBlockContainer"], .block-container {{ padding: 12px 28px 0 28px !important; max-width: 100% !important; }}
  .stApp p, .stApp li, .stApp span, .stApp div {{ font-size: 22px; }}
  .stApp h1, .stApp h1 span {{ font-size: 42px !important; color: #f8fafc !important; padding: 0 !important; }}
  .stApp h3, .stApp h3 span {{ font-size: 30px !important; }}
  .stApp h2, .stApp h3 {{ color: #f8fafc !important; }}
  [data-testid="stVerticalBlockBorderWrapper"] {{ background: #111a2e; border-color: #1f2a44 !important; }}
  ::-webkit-scrollbar {{ display: none; }}
</style>
"""


def chrome() -> None:
    st.html(CSS)


def panel(name: str):
    """The function that draws a panel (its module is imported when the wall first shows it)."""
    return import_module(f"lyg.ui.wall.panels.{name}").show


def run(ctx: PageContext) -> None:
    panels = wall.playlist(ctx.settings.wall_panels)
    dwell, refresh = ctx.settings.wall_dwell_seconds, ctx.settings.wall_refresh_seconds

    @st.fragment(run_every=wall.tick_seconds(dwell, refresh, live="live" in panels))
    def screen() -> None:
        index, name = wall.current_panel(panels, dwell)
        switched = st.session_state.get("wall-panel") not in (None, name)
        st.session_state["wall-panel"] = name
        st.html(HIDE_PREVIOUS_PANEL if switched else KEEP)
        stamp = st.session_state.get("wall-updated")
        if stamp is None or (datetime.now() - stamp).total_seconds() >= refresh:
            stamp = st.session_state["wall-updated"] = datetime.now()
        header(ctx, ctx.t(wall.PANEL_TITLES[name]), index, len(panels), stamp, wall.PANEL_DOMAIN.get(name, name))
        try:
            panel(name)(ctx)
        except Exception as exc:  # an unattended screen shows the next panel on time; the log keeps the cause
            log.exception("wall panel %s failed", name)
            st.markdown(ctx.t("app.error", message=type(exc).__name__))
        ticker(ctx)  # under every panel: what is wrong, and where

    screen()
