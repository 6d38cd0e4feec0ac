"""The wall's digital-government panel: the framework, the phases and the programme's Gantt."""
from __future__ import annotations

import streamlit as st

from lyg.digital import analysis as dg
from lyg.digital import figures as dg_fig
from lyg.ui.context import PageContext
from lyg.ui.wall.frame import wall_chart


def show(ctx: PageContext) -> None:
    day = dg.as_of(ctx.db)
    projects = dg.projects(ctx.db, day)
    components = dg.components(ctx.db, day)
    left, right = st.columns([2, 3])
    progress = ("dg_projects", "dg_progress")
    wall_chart(ctx, left, "wall-dg-framework", lambda: dg_fig.framework(components, tr=ctx.tr), 460, 18, tables=progress)
    wall_chart(ctx, left, "wall-dg-phases", lambda: dg_fig.phases(dg.phases(projects, day), ctx.tr), 450, tables=progress)
    wall_chart(ctx, right, "wall-dg-gantt", lambda: dg_fig.gantt(projects, day, ctx.tr), 920, 16, tables=progress)
