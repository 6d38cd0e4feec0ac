"""The wall's bonded-zone panel: each indicator against its target, and the paths to the year's end."""
from __future__ import annotations

import html

import streamlit as st

from lyg.bonded import analysis as bz
from lyg.bonded import figures as bz_fig
from lyg.status import STATUS_HEX
from lyg.ui.context import PageContext
from lyg.ui.wall.frame import wall_chart


def show(ctx: PageContext) -> None:
    year = bz.years(ctx.db)[0]
    progress = bz.progress(ctx.db, year)
    for start in (0, 2):
        for col, p in zip(st.columns(2), progress[start:start + 2]):
            wall_chart(ctx, col, f"wall-bullet-{p.indicator_code}", lambda p=p: bz_fig.bullet(p, tr=ctx.tr), 190, tables=("bz_monthly",))
            col.markdown(f"<div style='font-weight:700;color:{STATUS_HEX[p.status]}'>{html.escape(bz_fig.status_line(p, ctx.tr))}</div>",
                         unsafe_allow_html=True)  # numbers and fixed words only, escaped
    paths = bz.paths(ctx.db, year, progress)
    cumulative = [p for p in progress if p.comparison != "share_above"][:3]
    for col, p in zip(st.columns(3), cumulative):
        wall_chart(ctx, col, f"wall-path-{p.indicator_code}",
                    lambda p=p: bz_fig.cumulative(p, paths[p.indicator_code], ctx.tr), 360, 16, tables=("bz_monthly",))
