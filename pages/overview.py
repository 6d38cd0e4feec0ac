"""城市大脑 · 总览: what needs attention, in ten seconds; every figure from its domain's own functions."""
import streamlit as st

from lyg import alerts, meta, overview, snapshot
from lyg.bonded import analysis as bz
from lyg.fireworks import analysis as fw
from lyg.ui import urlstate
from lyg.ui.brief import brief_buttons
from lyg.ui.cards import alert_row, headline_tiles
from lyg.ui.context import context
from lyg.ui.layout import guarded, header
from lyg.ui.shared import shared
from lyg.viz.situation import LAYERS, situation_map

ctx = context("overview")
with guarded(ctx):
    header(ctx, "page.overview", meta.as_of(ctx.db), domain="overview")
    units = ctx.tr.frame(meta.units(ctx.db), "name")
    names = {"": ctx.t("overview.city"), **dict(zip(units["code"], units["name"]))}
    title_col, pick_col = st.columns([3, 1], vertical_alignment="bottom")
    district = urlstate.select(ctx.t("overview.district"), list(names), "district", container=pick_col, format_func=names.get)
    snap = shared(ctx, ("snapshot",), lambda: snapshot.take(ctx.db, ctx.tr), live=False)  # the domains, once for every reader
    heads = shared(ctx, ("headlines", district), lambda: overview.headlines(ctx.db, district, ctx.tr, snap))
    found = shared(ctx, ("alerts", district), lambda: alerts.all_alerts(ctx.db, district, ctx.tr, snap))

    title_col.subheader(ctx.t("overview.headlines"))
    if district and district not in overview.BONDED_DISTRICTS:
        st.caption(ctx.t("overview.no_bonded"))
    headline_tiles(ctx, heads, district, as_of=meta.as_of(ctx.db))
    if district:
        st.caption(ctx.t("overview.city_level"))
    st.subheader(ctx.t("overview.alerts"))
    if not found:
        st.markdown(f":green[{ctx.t('overview.no_alerts')}]")
    for a in found[:4]:  # the most severe first, beside nothing: their links in full
        alert_row(ctx, a, district)
    if len(found) > 4:
        with st.expander(ctx.t("overview.more_alerts", n=len(found) - 4)):
            for a in found[4:]:
                alert_row(ctx, a, district)
    brief_buttons(ctx, district)

    st.subheader(ctx.t("overview.map_of", where=names[district]) if district else ctx.t("overview.map"))
    labels = {layer: ctx.t(f"layer.{layer}") for layer in LAYERS}
    shown = st.pills(ctx.t("overview.layers"), list(LAYERS), selection_mode="multi", default=list(LAYERS),
                     format_func=labels.get, key="overview-layers") or []
    zones = ctx.tr.frame(fw.zones_in_force(ctx.db, fw.as_of(ctx.db)), "name")
    deck = shared(ctx, ("situation-map", tuple(sorted(shown)), district), lambda: situation_map(
        units, zones, ctx.tr.frame(bz.blocks(ctx.db), "name"), fw.situation_grid(ctx.db), fw.CELL_DEG, set(shown), district,
        basemap_url=ctx.settings.basemap_style_url, tr=ctx.tr, cells_sample=snap.is_sample("fireworks")))
    st.pydeck_chart(deck, key="overview-map", height=620)
    st.caption(ctx.t("overview.map_caption") + (ctx.t("map.cells_sample_note") if snap.is_sample("fireworks") else ""))
