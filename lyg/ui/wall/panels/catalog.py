"""The wall's catalog panel: headline figures, freshness by update cycle, the departments most behind."""
from __future__ import annotations

import html

import streamlit as st

from lyg.catalog import analysis as cat
from lyg.catalog import figures as cat_fig
from lyg.ui import marks
from lyg.ui.context import PageContext
from lyg.ui.marks import badge
from lyg.ui.text import plain
from lyg.ui.wall.frame import sample_tag, wall_chart


def show(ctx: PageContext) -> None:
    day = cat.as_of(ctx.db)
    head = cat.headline(ctx.db, day)
    cols = st.columns(5)
    figures = [("cat.entries", ctx.t("cat.n_entries", n=int(head["entries"]))), ("cat.unconditional", f"{head['unconditional_pct']:.1f}%"),
               ("cat.open", f"{head['open_pct']:.1f}%"), ("cat.fresh_pct", f"{head['fresh_pct']:.1f}%"),
               ("cat.delinquent", ctx.t("cat.n_entries", n=int(head["delinquent"])))]
    tag = f" {sample_tag(ctx, 16, short=True)}" if marks.is_sample(ctx, "cat_entries") else ""
    for col, (key, value) in zip(cols, figures):
        label = html.escape(ctx.t(key))
        col.markdown(f"<div style='font-size:24px'>{label}{tag}</div><div style='font-size:52px;font-weight:700'>{html.escape(value)}</div>",
                     unsafe_allow_html=True)
    by_cycle = cat.freshness_by_cycle(ctx.db, day)
    left, right = st.columns([3, 2])
    wall_chart(ctx, left, "wall-cat-cycle",
                lambda: cat_fig.freshness_by_cycle(by_cycle, ctx.t("wall.cat_cycle"), ctx.tr), 800, tables=("cat_entries",))
    stale = cat.scorecard(ctx.db, day).head(10)
    with right:
        sample = f" {badge(ctx)}" if marks.is_sample(ctx, "cat_entries") else ""
        st.markdown(f"### {ctx.t('wall.cat_worst')}{sample}")
        for d in stale.itertuples():
            st.markdown(ctx.t("wall.cat_line", department=plain(d.department), n=d.delinquent, total=d.entries))
