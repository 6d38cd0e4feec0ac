"""The wall's overview panel: every headline and the situational map (the alerts run along the wall's strip)."""
from __future__ import annotations

import html

import streamlit as st

from lyg import meta, overview, snapshot
from lyg.bonded import analysis as bz
from lyg.fireworks import analysis as fw
from lyg.status import STATUS_HEX
from lyg.ui.context import PageContext
from lyg.ui.shared import shared
from lyg.ui.wall.frame import MAP_H, TILE_H, sample_tag
from lyg.viz.charts import WALL_BACKGROUND
from lyg.viz.situation import LAYERS, situation_map


def show(ctx: PageContext) -> None:
    snap = shared(ctx, ("snapshot",), lambda: snapshot.take(ctx.db, ctx.tr), live=False)  # the same object the overview page shares
    heads = shared(ctx, ("headlines", ""), lambda: overview.headlines(ctx.db, "", ctx.tr, snap))
    left, right = st.columns([5, 4])
    with left:
        for start in range(0, min(len(heads), 9), 3):
            for col, h in zip(st.columns(3), heads[start:start + 3]):
                with col.container(border=True, height=TILE_H):
                    tag = f" {sample_tag(ctx, 16, short=True)}" if h.illustrative else ""
                    st.markdown(f"<div style='font-size:20px;font-weight:600'>{html.escape(h.title)}{tag}</div>", unsafe_allow_html=True)
                    st.markdown(f"<div style='font-size:48px;font-weight:700;line-height:1.1'>{html.escape(h.value)}</div>"
                                f"<div style='font-size:22px;font-weight:700;color:{STATUS_HEX[h.status]}'>{html.escape(h.status_text)}</div>"
                                f"<div style='font-size:20px;color:#cbd5e1;line-height:1.35'>{html.escape(h.comparison)}</div>", unsafe_allow_html=True)
    with right:
        st.pydeck_chart(shared(ctx, ("wall", "map"), lambda: situation(ctx, snap)), height=MAP_H, key="wall-map")


def situation(ctx: PageContext, snap: snapshot.Snapshot):
    """The last twelve months on the situational map, dark, every layer on."""
    return situation_map(ctx.tr.frame(meta.units(ctx.db), "name"), ctx.tr.frame(fw.zones_in_force(ctx.db, fw.as_of(ctx.db)), "name"),
                         ctx.tr.frame(bz.blocks(ctx.db), "name"), fw.situation_grid(ctx.db), fw.CELL_DEG, set(LAYERS), height=MAP_H, background=WALL_BACKGROUND,
                         label_colour=[226, 232, 240, 255], tr=ctx.tr, cells_sample=snap.is_sample("fireworks"))
