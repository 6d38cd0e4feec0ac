"""Figures and maps of the fireworks page: pure builders from the domain functions' frames."""
from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from lyg import vocab
from lyg.geo import from_wkb
from lyg.i18n import ZH, Translator
from lyg.viz import maps
from lyg.viz.charts import PALETTE, event_line, styled

REGIME_COLOURS = {"禁放前": "#64748b", "限时段禁放": "#d97706", "全时段禁放": "#dc2626"}


def _year_fraction(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.0


def by_year_type(frame: pd.DataFrame, notices: pd.DataFrame, title: str = "", tr: Translator = ZH) -> go.Figure:
    """Stacked incidents per year and type, with each notice's first day marked."""
    fig = go.Figure()
    for i, kind in enumerate(vocab.INCIDENT_TYPES):
        part = frame[frame["type"] == kind]
        if not part.empty:
            fig.add_bar(x=part["year"], y=part["incidents"], name=tr.value(kind), marker_color=PALETTE[i % len(PALETTE)],
                        hovertemplate=tr("fireworks_chart.year_hover", kind=tr.value(kind)) + "<extra></extra>")
    fig.update_layout(barmode="stack", xaxis_title=tr("fireworks_chart.year"), yaxis_title=tr("fireworks_chart.incidents"), xaxis={"dtick": 1})
    for n in notices.itertuples():
        start = pd.Timestamp(n.effective_from).date()
        event_line(fig, _year_fraction(start) - 0.5, f"{start:%Y-%m-%d} " + tr("fireworks_chart.first_notice" if n.time_rule != "all_day" else "fireworks_chart.all_day"))
    return styled(fig, title)


def season_comparison(frame: pd.DataFrame, title: str = "", tr: Translator = ZH) -> go.Figure:
    """Average incidents per day around 除夕, one line per regime."""
    fig = go.Figure()
    for regime, colour in REGIME_COLOURS.items():
        part = frame[frame["regime"] == regime]
        if not part.empty:
            fig.add_scatter(x=part["days_from_chuxi"], y=part["per_season"], name=tr.value(regime), mode="lines",
                            line={"color": colour, "width": 3},
                            hovertemplate=tr("fireworks_chart.season_hover") + "<extra>" + tr.value(regime) + "</extra>")
    fig.add_vline(x=0, line_color="#0f172a", line_width=1)
    fig.add_annotation(x=0, y=1.02, yref="paper", text=tr("fireworks_chart.chuxi"), showarrow=False, yanchor="bottom")
    fig.add_annotation(x=15, y=1.02, yref="paper", text=tr("fireworks_chart.lantern"), showarrow=False, yanchor="bottom")
    fig.update_layout(xaxis_title=tr("fireworks_chart.days_axis"), yaxis_title=tr("fireworks_chart.per_day_axis"))
    return styled(fig, title)


def by_district(frame: pd.DataFrame, title: str = "", tr: Translator = ZH) -> go.Figure:
    fig = go.Figure()
    totals = frame.groupby("district")["incidents"].sum().sort_values()
    for i, kind in enumerate(vocab.INCIDENT_TYPES):
        part = frame[frame["type"] == kind].set_index("district").reindex(totals.index)
        fig.add_bar(y=tr.values(totals.index), x=part["incidents"].fillna(0), name=tr.value(kind), orientation="h",
                    marker_color=PALETTE[i % len(PALETTE)], hovertemplate=tr("fireworks_chart.district_hover", kind=tr.value(kind)) + "<extra></extra>")
    fig.update_layout(barmode="stack", xaxis_title=tr("fireworks_chart.incidents"))
    return styled(fig, title)


def inside_outside(frame: pd.DataFrame, title: str = "", tr: Translator = ZH) -> go.Figure:
    fig = go.Figure()
    for where, colour in (("禁放区域内", "#dc2626"), ("禁放区域外", "#94a3b8"), (vocab.ZONE_UNKNOWN, "#fbbf24")):
        part = frame[frame["where"] == where]
        if part.empty and where == vocab.ZONE_UNKNOWN:
            continue
        fig.add_bar(x=part["season_year"], y=part["incidents"], name=tr.value(where), marker_color=colour,
                    hovertemplate=tr("fireworks_chart.inside_hover", where=tr.value(where)) + "<extra></extra>")
    fig.update_layout(barmode="group", xaxis_title=tr("fireworks_chart.season_year"), yaxis_title=tr("fireworks_chart.incidents"), xaxis={"dtick": 1})
    return styled(fig, title)


def survey(frame: pd.DataFrame, title: str = "", tr: Translator = ZH) -> go.Figure:
    colours = ["#059669" if a[:2] == "赞成" else "#cbd5e1" for a in frame["answer"]]
    fig = go.Figure(go.Pie(labels=tr.values(frame["answer"]), values=frame["share_pct"], hole=0.6, sort=False,
                           marker={"colors": colours}, texttemplate="%{label}<br>%{value:.1f}%",
                           hovertemplate="%{label}: %{value:.1f}%<extra></extra>"))
    top = frame.iloc[0]
    fig.add_annotation(text=f"{top['share_pct']:.1f}%<br>" + tr("fireworks_chart.in_favour"), showarrow=False, font={"size": 22})
    return styled(fig, title, height=320, legend_below=False)


def zone_growth(frame: pd.DataFrame, title: str = "", tr: Translator = ZH) -> go.Figure:
    labels = [f"{pd.Timestamp(r.effective_from):%Y-%m-%d}<br>{tr.value(r.doc_number) if isinstance(r.doc_number, str) and r.doc_number else tr('fireworks_chart.first_notice')}"
              for r in frame.itertuples()]
    fig = go.Figure(go.Bar(x=labels, y=frame["zone_km2"], marker_color=["#d97706", "#dc2626"][: len(frame)],
                           text=[tr("fireworks_chart.growth_label", area=a, share=s) for a, s in zip(frame["zone_km2"], frame["urban_share_pct"])],
                           textposition="outside", hovertemplate="%{x}<br>%{y:.1f} km²<extra></extra>"))
    fig.update_layout(yaxis_title=tr("fireworks_chart.zone_area_axis"), yaxis={"range": [0, frame["zone_km2"].max() * 1.3]})
    return styled(fig, title, height=340)


def ban_map(units: pd.DataFrame, zones: pd.DataFrame, places: pd.DataFrame, grid: pd.DataFrame, cell: float,
            point: tuple[float, float] | None = None, basemap_url: str = "", tr: Translator = ZH, cells_sample: bool = False) -> pdk.Deck:
    """Districts as base (names in the UI language), the notice's zones, always-banned places, incident cells, the point."""
    zone_fc = maps.features(zones.assign(label=[tr("fireworks_chart.zone_tip", name=tr.value(n), roads=r) for n, r in zip(zones["name"], zones["roads"])]),
                            ["name", "label", "zone_id"])
    place_fc = maps.features(places.assign(label=[tr("fireworks_chart.place_tip", name=n, category=tr.value(c))
                                                  for n, c in zip(places["name"], places["category"])]), ["name", "label", "place_id"])
    for fc in (zone_fc, place_fc):
        for f in fc["features"]:
            f["properties"]["name"] = f["properties"].pop("label")
    base = maps.district_base(units, pickable=False)  # open ground is caught by the click squares: a click checks near the spot
    avoid = [from_wkb(g) for g in list(zones["geometry"]) + list(places["geometry"])]
    counties = units[units["kind"] == "县区"]
    urban = counties["in_urban_area"].astype(bool)
    layers = base + [  # squares of 1 km in the urban districts, where the zones are; 3 km in the counties, where no zone is
        maps.click_layer("click-grid", maps.click_cells(counties[urban], avoid, grid, cell), cell),
        maps.click_layer("click-grid-county", maps.click_cells(counties[~urban], avoid, grid.iloc[0:0], 3 * cell), 3 * cell),
        maps.grid_layer("incident-cells", grid, cell, tr("map.cell_sample" if cells_sample else "map.cell")),
        maps.polygon_layer("ban-zones", zone_fc, maps.COLOURS["zone"], maps.COLOURS["zone_line"], line_px=2),
        maps.polygon_layer("always-banned", place_fc, maps.COLOURS["place"], maps.COLOURS["place_line"]),
    ]
    if point:
        layers.append(maps.point_layer("checked-point", point[0], point[1]))
    return maps.deck(layers, centre=(119.25, 34.70), zoom=9.3, height=620, basemap_url=basemap_url)


def _verdict(banned, tr: Translator) -> str:
    """禁止 / 不禁止 / 未知: a missing verdict is unknown, never "not banned"."""
    return tr("fw.unknown") if pd.isna(banned) else tr("fw.banned" if bool(banned) else "fw.allowed")


NEW_COLOUR, EARLIER_COLOUR = [213, 94, 0, 255], [230, 159, 0, 150]  # the status scheme's vermillion and amber


def recent_map(units: pd.DataFrame, zones: pd.DataFrame, recent: pd.DataFrame, height: int = 560, background: str = "#f8fafc",
               label_colour: list[int] | None = None, basemap_url: str = "", sample: bool = False, tr: Translator = ZH) -> pdk.Deck:
    """The last hours of incidents as points over the districts and the zones in force: the newest ones larger, in
    vermillion with a white ring, drawn on top; earlier ones small and amber. Each tooltip gives time, type, verdict."""
    layers = maps.district_base(units, label_colour=label_colour)
    layers.append(maps.polygon_layer("ban-zones", maps.features(zones, ["name"]), maps.COLOURS["zone"], maps.COLOURS["zone_line"], line_px=2))
    mark = f" · {tr('mark.sample')}" if sample else ""
    points = recent.assign(name=[f"{t:%m-%d %H:%M} {tr.value(k)} {_verdict(b, tr)}{mark}"
                                 for t, k, b in zip(recent["occurred_at"], recent["type"], recent["banned"])])
    for layer_id, part, colour, radius, ring in (("recent-earlier", points[~points["new"]], EARLIER_COLOUR, 4, 0),
                                                 ("recent-new", points[points["new"]], NEW_COLOUR, 9, 2)):
        layers.append(pdk.Layer("ScatterplotLayer", part[["lon", "lat", "name"]].round({"lon": 5, "lat": 5}), id=layer_id, pickable=True,
                                get_position=["lon", "lat"], get_radius=60, radius_min_pixels=radius, get_fill_color=colour,
                                stroked=ring > 0, get_line_color=[255, 255, 255, 255], line_width_min_pixels=ring))
    return maps.deck(layers, centre=(119.17, 34.62), zoom=8.7, height=height, basemap_url=basemap_url, background=background)
