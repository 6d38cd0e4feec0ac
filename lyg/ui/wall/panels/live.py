"""The wall's live panel (今夜 · 实时): tonight against the same lunar night of earlier seasons, the latest reports
as they come in, and the map of the last hours with the newest reports highlighted."""
from __future__ import annotations

import html

import streamlit as st

from lyg.fireworks import analysis as fw
from lyg.status import STATUS_HEX
from lyg.ui import marks
from lyg.ui.context import PageContext
from lyg.ui.shared import shared
from lyg.ui.tonight import live_map
from lyg.ui.wall.frame import MAP_H, sample_tag
from lyg.viz.charts import WALL_BACKGROUND

ROWS = 14


def show(ctx: PageContext) -> None:
    night = shared(ctx, ("tonight",), lambda: fw.tonight(ctx.db))
    sample = marks.is_sample(ctx, "fw_incidents")
    tag = f" {sample_tag(ctx, 18, short=True)}" if sample else ""
    left, right = st.columns([5, 4])
    with left:
        since = html.escape(ctx.t("live.wall_since", start=f"{night['start']:%H:%M}"))
        st.markdown(f"<div style='font-size:26px'>{since}{tag}</div><div style='font-size:72px;font-weight:700'>{night['this']:,}</div>"
                    f"<div style='font-size:24px'>{html.escape(_compared(ctx, night))}</div>", unsafe_allow_html=True)
        st.markdown(f"### {ctx.t('live.latest')}")
        for r in fw.latest_reports(ctx.db, ROWS).itertuples():
            colour = STATUS_HEX["off"] if r.banned is True else STATUS_HEX["on"] if r.banned is False else STATUS_HEX["risk"]
            verdict = ctx.t("fw.banned") if r.banned is True else ctx.t("generic.unknown") if r.banned is not False else ctx.t("fw.allowed")
            where = ctx.tr.value(r.zone) if isinstance(r.zone, str) else ctx.tr.value(r.district)
            when = f"{r.occurred_at:%H:%M}" if r.occurred_at >= night["start"] else f"{r.occurred_at:%m-%d %H:%M}"  # earlier nights dated
            st.markdown(f"<div style='font-size:22px'>{when}　{html.escape(ctx.tr.value(r.type))}　{html.escape(where)}　"
                        f"<b style='color:{colour}'>{html.escape(verdict)}</b></div>", unsafe_allow_html=True)
    with right:
        st.markdown(ctx.t("live.map_title", hours=fw.LIVE_HOURS, minutes=fw.NEW_MINUTES) + tag, unsafe_allow_html=True)
        st.pydeck_chart(live_map(ctx, sample, MAP_H - 50, WALL_BACKGROUND, [226, 232, 240, 255]), height=MAP_H - 50, key="wall-live-map")


def _compared(ctx: PageContext, night: dict) -> str:
    if night["previous"] is None:
        return ""
    return ctx.t("live.compared_plain", previous=night["previous"], mean=f"{night['earlier_mean']:.1f}", seasons=len(night["earlier"]))
