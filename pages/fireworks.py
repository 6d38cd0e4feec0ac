"""烟花爆竹禁放: zones and incidents on the map, the ban checker, and did the ban work."""
from datetime import datetime

import pandas as pd
import streamlit as st

from lyg import meta, vocab
from lyg.fireworks import analysis as fw
from lyg.fireworks import figures
from lyg.fireworks.places import CHECK_POINTS
from lyg.geo import CITY_BOX, CITY_CENTRE
from lyg.ui import marks, urlstate
from lyg.ui.context import context
from lyg.ui.layout import guarded, header, labelled, table_with_downloads
from lyg.ui.press import show_statements
from lyg.ui.shared import shared
from lyg.ui.tonight import show_tonight
from lyg.ui.verdict import show_verdict
from lyg.viz.maps import picked_point

ctx = context("fireworks")
MAP_PICK, CUSTOM = ctx.t("fw.map_pick"), ctx.t("fw.custom")
CHECK_PARAM = "check"  # lon,lat,YYYY-MM-DDTHH:MM of the checker's question, so a copied link asks it again


def checked_from_url() -> tuple[float, float, datetime] | None:
    """The checker's question from the URL, None when there is none or it cannot be read."""
    try:
        lon, lat, when = st.query_params.get(CHECK_PARAM, "").split(",")
        lon, lat, when = float(lon), float(lat), datetime.fromisoformat(when)
    except ValueError:
        return None
    west, south, east, north = CITY_BOX.bounds
    return (lon, lat, when) if west <= lon <= east and south <= lat <= north else None


def remember_map_pick() -> None:
    """A click on a zone, place or cell of the map becomes the checked point."""
    point = picked_point(st.session_state["fw-map"].selection)
    if point:
        st.session_state["fw-picked"] = point
        st.session_state["check-place"] = MAP_PICK


with guarded(ctx):
    as_of = fw.as_of(ctx.db)
    header(ctx, "page.fireworks", as_of, domain="fireworks")
    with st.expander(ctx.t("fw.statistics"), expanded=True, icon=":material/verified:"):
        stats = fw.statistics(ctx.db).assign(years=lambda f: f["year_from"].astype(str) + "—" + f["year_to"].astype(str))
        table_with_downloads(ctx, labelled(ctx, stats.rename(columns={"area": "scope"}), ["years", "scope", "type", "stated", "source"],
                                           ("scope", "type")),
                             "fireworks_statistics", key="fw-stats", tables=("fw_statistics",), rows=stats["provenance"])
    incidents_sample = marks.is_sample(ctx, "fw_incidents")
    with st.expander(ctx.t("live.title"), expanded=True, icon=":material/sensors:"):
        show_tonight(ctx, incidents_sample)
    notices = fw.notices(ctx.db)
    notice_ids = list(notices["notice_id"])
    in_force = fw.rules(ctx.db).notice_on(as_of)
    titles = fw.notice_titles(notices, ctx.tr)

    filters = st.columns([2, 3, 3])
    period = urlstate.select(ctx.t("fw.period"), list(fw.PERIODS), "period", container=filters[0], format_func=ctx.tr.value)
    types = urlstate.multiselect(ctx.t("fw.types"), list(vocab.INCIDENT_TYPES), "types", container=filters[1],
                                 placeholder=ctx.t("fw.all_types"), format_func=ctx.tr.value) or list(vocab.INCIDENT_TYPES)
    notice_id = urlstate.select(ctx.t("fw.notice"), notice_ids, "notice", default=in_force.notice_id if in_force else notice_ids[-1],
                                container=filters[2], format_func=titles.get)
    start, end = fw.period_bounds(period, as_of)

    map_col, check_col = st.columns([3, 2])
    with check_col:
        st.subheader(ctx.t("fw.checker"))
        asked = checked_from_url() if "check-place" not in st.session_state else None  # a copied link's question
        if asked:
            st.session_state["check-place"], st.session_state["fw-url-point"] = CUSTOM, asked[:2]
        place = st.selectbox(ctx.t("fw.place"), [*CHECK_POINTS, MAP_PICK, CUSTOM], key="check-place", format_func=ctx.tr.value)
        default_lon, default_lat = st.session_state.get("fw-picked", CITY_CENTRE) if place == MAP_PICK else \
            st.session_state.get("fw-url-point", CITY_CENTRE) if place == CUSTOM else CHECK_POINTS.get(place, CITY_CENTRE)
        key_suffix = f"{place}-{default_lon}-{default_lat}"
        lon_col, lat_col = st.columns(2)
        west, south, east, north = CITY_BOX.bounds
        lon = lon_col.number_input(ctx.t("fw.lon"), west, east, default_lon, 0.001, format="%.4f", key=f"lon-{key_suffix}")
        lat = lat_col.number_input(ctx.t("fw.lat"), south, north, default_lat, 0.001, format="%.4f", key=f"lat-{key_suffix}")
        day_col, time_col = st.columns(2)
        first_question = asked[2] if asked else fw.default_check_moment(ctx.db)
        day = day_col.date_input(ctx.t("fw.date"), value=first_question.date(), key="check-date")
        moment = time_col.time_input(ctx.t("fw.time"), value=first_question.time(), step=1800, key="check-time")
        kind = urlstate.select(ctx.t("fw.kind"), list(vocab.PRODUCT_KINDS), "kind", format_func=ctx.tr.value)
        st.query_params[CHECK_PARAM] = f"{lon:.5f},{lat:.5f},{datetime.combine(day, moment):%Y-%m-%dT%H:%M}"
        show_verdict(ctx, fw.rules(ctx.db).check(lon, lat, datetime.combine(day, moment), ctx.tr, kind))

    with map_col:
        st.subheader(ctx.t("fw.map"))
        zones = fw.zones(ctx.db)
        grid = fw.incident_grid(ctx.db, start, end, types)
        deck = shared(ctx, ("fw-map", notice_id, tuple(types), start, end, lon, lat), lambda: figures.ban_map(
            ctx.tr.frame(meta.units(ctx.db), "name"), zones[zones["notice_id"] == notice_id], fw.places(ctx.db), grid, fw.CELL_DEG,
            point=(lon, lat), basemap_url=ctx.settings.basemap_style_url, tr=ctx.tr, cells_sample=incidents_sample))
        st.pydeck_chart(deck, key="fw-map", height=620, on_select=remember_map_pick, selection_mode="single-object")
        st.caption(ctx.t("fw.map_legend") + ctx.t("fw.map_caption") + (ctx.t("map.cells_sample_note") if incidents_sample else ""))

    left, right = st.columns(2)
    tr = ctx.tr
    sample = {"sample": incidents_sample}
    view = (tuple(types), start, end)  # every chart below depends on the view only: built once, shared by every reader
    left.plotly_chart(shared(ctx, ("fw-year", view), lambda: marks.marked(
        ctx, figures.by_year_type(fw.by_year_type(ctx.db, types), notices, ctx.t("fw.by_year"), tr), **sample)), key="fw-year")
    right.plotly_chart(shared(ctx, ("fw-season", view), lambda: marks.marked(
        ctx, figures.season_comparison(fw.season_comparison(ctx.db, types), ctx.t("fw.season"), tr), **sample)), key="fw-season")
    left, right = st.columns(2)
    left.plotly_chart(shared(ctx, ("fw-district", view), lambda: marks.marked(
        ctx, figures.by_district(fw.by_district(ctx.db, start, end, types), ctx.t("fw.by_district"), tr), **sample)), key="fw-district")
    right.plotly_chart(shared(ctx, ("fw-inside", view), lambda: marks.marked(
        ctx, figures.inside_outside(fw.inside_outside(ctx.db, types), ctx.t("fw.inside"), tr), **sample)), key="fw-inside")

    left, right = st.columns([2, 3])
    left.plotly_chart(shared(ctx, ("fw-survey",), lambda: marks.marked(ctx, figures.survey(fw.survey(ctx.db), ctx.t("fw.survey"), tr),
                                                                        "fw_survey")), key="fw-survey")
    growth = fw.zone_growth(ctx.db)
    with right:  # areas measured on hand-drawn outlines are no surveyed figure: marked while any zone is approximate
        st.plotly_chart(shared(ctx, ("fw-growth",), lambda: marks.marked(ctx, figures.zone_growth(growth, ctx.t("fw.growth"), tr),
                                                                        sample=bool(zones["approximate"].any()))), key="fw-growth")
        shown = pd.DataFrame({
            ctx.t("fw.notice"): [tr.value(fw.notice_name(d, t)) for d, t in zip(growth["doc_number"], growth["title"])],
            ctx.t("fig.with_unit", name=ctx.t("fw.zone_area"), unit="km²"): growth["zone_km2"].round(1),
            ctx.t("fig.with_unit", name=ctx.t("fw.urban_share"), unit="%"): growth["urban_share_pct"].round(1),
            ctx.t("fig.with_unit", name=ctx.t("fw.population"), unit=tr.unit("万人")): (growth["population"] / 1e4).round(1),
        })
        table_with_downloads(ctx, shown, "zone_growth", key="fw-growth-table", tables=("fw_zones", "units"), as_of=as_of)
    st.subheader(ctx.t("fw.places"))
    places = fw.places(ctx.db)
    shown = tr.frame(places[["name", "category", "legal_basis", "area_km2"]].round(2), "category")
    shown.columns = [ctx.t("col.name"), ctx.t("col.category"), ctx.t("col.legal_basis"), ctx.t("col.area")]
    table_with_downloads(ctx, shown, "always_banned_places", key="fw-places", tables=("fw_places",), rows=places["provenance"])
    for section in ("rules", "history", "statistics"):
        show_statements(ctx, "fireworks", section, expanded=section == "history")
