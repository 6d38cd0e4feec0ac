"""城市大脑 · 总览: the district map and the state of the data."""
import streamlit as st

from lyg import meta
from lyg.ui.context import context
from lyg.ui.layout import guarded, header
from lyg.ui.sidebar import language_switch
from lyg.viz.maps import COLOURS, deck, district_base, features, polygon_layer

ctx = context()
language_switch(ctx.lang)
with guarded(ctx):
    header(ctx, "page.overview", meta.as_of(ctx.db), illustrative=True)
    units = meta.units(ctx.db)
    left, right = st.columns([3, 2])
    with left:
        st.subheader(ctx.t("overview.map"))
        zones = units[units["kind"] == "功能区"]
        layers = district_base(units) + [polygon_layer("functional", features(zones, ["name"]), COLOURS["functional"], COLOURS["functional_line"])]
        st.pydeck_chart(deck(layers, height=620), key="overview-map", height=620)
        st.caption(ctx.t("overview.map_caption"))
    with right:
        st.subheader(ctx.t("overview.domains"))
        as_of = meta.domain_as_of(ctx.db)
        as_of["domain"] = as_of["domain"].map(lambda d: ctx.t(f"domain.{d}"))
        as_of["as_of"] = as_of["as_of"].dt.strftime("%Y-%m-%d")
        st.dataframe(as_of.rename(columns={"domain": ctx.t("col.domain"), "as_of": ctx.t("col.as_of")}), hide_index=True, width="stretch")
        st.subheader(ctx.t("overview.units"))
        shown = units[["name", "kind", "area_km2", "population_2020"]].rename(columns={
            "name": ctx.t("col.name"), "kind": ctx.t("col.kind"), "area_km2": ctx.t("col.area"), "population_2020": ctx.t("col.population")})
        st.dataframe(shown.round(1), hide_index=True, width="stretch")
    st.subheader(ctx.t("overview.tables"))
    rows = meta.table_rows(ctx.db)[["label", "table_name", "file", "rows", "provenance"]]
    st.dataframe(rows.rename(columns={"label": ctx.t("col.name"), "table_name": ctx.t("col.table"), "file": ctx.t("col.file"),
                                      "rows": ctx.t("col.rows")}), hide_index=True, width="stretch")
