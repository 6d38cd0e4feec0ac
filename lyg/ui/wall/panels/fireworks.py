"""The wall's fireworks panel: this season against the last, incidents by year, zone growth, inside and outside."""
from __future__ import annotations

import streamlit as st

from lyg.fireworks import analysis as fw
from lyg.fireworks import figures as fw_fig
from lyg.ui import marks
from lyg.ui.context import PageContext
from lyg.ui.wall.frame import CHART_H, wall_chart


def show(ctx: PageContext) -> None:
    tr = ctx.tr
    left, right = st.columns(2)
    sample = {"sample": marks.is_sample(ctx, "fw_incidents")}
    wall_chart(ctx, left, "wall-fw-season",
                lambda: fw_fig.season_comparison(fw.season_comparison(ctx.db), ctx.t("wall.fw_season"), tr), CHART_H, **sample)
    notices = fw.notices(ctx.db)
    wall_chart(ctx, right, "wall-fw-year",
                lambda: fw_fig.by_year_type(fw.by_year_type(ctx.db), notices, ctx.t("wall.fw_year"), tr), CHART_H, **sample)
    left, right = st.columns(2)
    approximate = bool(fw.zones(ctx.db)["approximate"].any())  # areas measured on hand-drawn outlines
    wall_chart(ctx, left, "wall-fw-growth",
                lambda: fw_fig.zone_growth(fw.zone_growth(ctx.db), ctx.t("wall.fw_growth"), tr), CHART_H, sample=approximate)
    wall_chart(ctx, right, "wall-fw-inside",
                lambda: fw_fig.inside_outside(fw.inside_outside(ctx.db), ctx.t("fw.inside"), tr), CHART_H, **sample)
