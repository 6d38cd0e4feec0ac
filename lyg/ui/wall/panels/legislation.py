"""The wall's legislation panel: the pipeline, adoption by method and the latest findings."""
from __future__ import annotations

import streamlit as st

from lyg.legislation import analysis as leg
from lyg.legislation import figures as leg_fig
from lyg.ui import marks
from lyg.ui.context import PageContext
from lyg.ui.marks import badge
from lyg.ui.text import plain
from lyg.ui.wall.frame import CHART_H, shortened, wall_chart


def show(ctx: PageContext) -> None:
    projects, events = leg.load(ctx.db)
    left, right = st.columns(2)
    tables = ("leg_projects", "leg_events")
    wall_chart(ctx, left, "wall-leg-pipeline", lambda: leg_fig.pipeline(projects, ctx.tr), CHART_H, tables=tables)
    wall_chart(ctx, right, "wall-leg-adoption",
                lambda: leg_fig.adoption(leg.adoption_rates(events, "method"), "method", ctx.tr), CHART_H, tables=tables)
    sample = f" {badge(ctx)}" if marks.is_sample(ctx, *tables) else ""
    st.markdown(f"### {ctx.t('leg.compliance')}{sample}")
    for v in leg.violations(projects, events, ctx.tr).head(8).itertuples():
        st.markdown(ctx.t("generic.labelled", label=plain(v.rule), text=plain(shortened(v.detail, 70 if ctx.lang == "zh" else 140))))
