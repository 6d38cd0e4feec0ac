"""Figures and maps of the fireworks page: pure builders from the domain functions' frames."""
from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from lyg import vocab
from lyg.viz import maps
from lyg.viz.charts import PALETTE, event_line, styled

REGIME_COLOURS = {"禁放前": "#64748b", "限时段禁放": "#d97706", "全时段禁放": "#dc2626"}


def _year_fraction(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.0


def by_year_type(frame: pd.DataFrame, notices: pd.DataFrame, title: str = "") -> go.Figure:
    """Stacked incidents per year and type, with each notice's first day marked."""
    fig = go.Figure()
    for i, kind in enumerate(vocab.INCIDENT_TYPES):
        part = frame[frame["type"] == kind]
        if not part.empty:
            fig.add_bar(x=part["year"], y=part["incidents"], name=kind, marker_color=PALETTE[i % len(PALETTE)],
                        hovertemplate="%{x}年 " + kind + "：%{y} 起<extra></extra>")
    fig.update_layout(barmode="stack", xaxis_title="年份", yaxis_title="事件数（起）", xaxis={"dtick": 1})
    for n in notices.itertuples():
        start = pd.Timestamp(n.effective_from).date()
        event_line(fig, _year_fraction(start) - 0.5, f"{start:%Y-%m-%d} {'首个通告' if n.time_rule != 'all_day' else '全时段禁放'}")
    return styled(fig, title)


def season_comparison(frame: pd.DataFrame, title: str = "") -> go.Figure:
    """Average incidents per day around 除夕, one line per regime."""
    fig = go.Figure()
    for regime, colour in REGIME_COLOURS.items():
        part = frame[frame["regime"] == regime]
        if not part.empty:
            fig.add_scatter(x=part["days_from_chuxi"], y=part["per_season"], name=regime, mode="lines",
                            line={"color": colour, "width": 3},
                            hovertemplate="距除夕 %{x} 天：平均 %{y:.1f} 起<extra>" + regime + "</extra>")
    fig.add_vline(x=0, line_color="#0f172a", line_width=1)
    fig.add_annotation(x=0, y=1.02, yref="paper", text="除夕", showarrow=False, yanchor="bottom")
    fig.add_annotation(x=15, y=1.02, yref="paper", text="正月十五", showarrow=False, yanchor="bottom")
    fig.update_layout(xaxis_title="距除夕天数（农历对齐）", yaxis_title="平均每季每日事件（起）")
    return styled(fig, title)


def by_district(frame: pd.DataFrame, title: str = "") -> go.Figure:
    fig = go.Figure()
    totals = frame.groupby("district")["incidents"].sum().sort_values()
    for i, kind in enumerate(vocab.INCIDENT_TYPES):
        part = frame[frame["type"] == kind].set_index("district").reindex(totals.index)
        fig.add_bar(y=totals.index, x=part["incidents"].fillna(0), name=kind, orientation="h",
                    marker_color=PALETTE[i % len(PALETTE)], hovertemplate="%{y} " + kind + "：%{x} 起<extra></extra>")
    fig.update_layout(barmode="stack", xaxis_title="事件数（起）")
    return styled(fig, title)


def inside_outside(frame: pd.DataFrame, title: str = "") -> go.Figure:
    fig = go.Figure()
    for where, colour in (("禁放区域内", "#dc2626"), ("禁放区域外", "#94a3b8")):
        part = frame[frame["where"] == where]
        fig.add_bar(x=part["season_year"], y=part["incidents"], name=where, marker_color=colour,
                    hovertemplate="%{x}年春节季 " + where + "：%{y} 起<extra></extra>")
    fig.update_layout(barmode="group", xaxis_title="春节年份", yaxis_title="事件数（起）", xaxis={"dtick": 1})
    return styled(fig, title)


def survey(frame: pd.DataFrame, title: str = "") -> go.Figure:
    colours = ["#059669" if "赞成" == a[:2] else "#cbd5e1" for a in frame["answer"]]
    fig = go.Figure(go.Pie(labels=frame["answer"], values=frame["share_pct"], hole=0.6, sort=False,
                           marker={"colors": colours}, texttemplate="%{label}<br>%{value:.1f}%",
                           hovertemplate="%{label}：%{value:.1f}%<extra></extra>"))
    top = frame.iloc[0]
    fig.add_annotation(text=f"{top['share_pct']:.1f}%<br>赞成", showarrow=False, font={"size": 22})
    return styled(fig, title, height=320, legend_below=False)


def zone_growth(frame: pd.DataFrame, title: str = "") -> go.Figure:
    labels = [f"{pd.Timestamp(r.effective_from):%Y-%m-%d}<br>{r.doc_number if isinstance(r.doc_number, str) and r.doc_number else '首个通告'}"
              for r in frame.itertuples()]
    fig = go.Figure(go.Bar(x=labels, y=frame["zone_km2"], marker_color=["#d97706", "#dc2626"][: len(frame)],
                           text=[f"{a:.0f} km²（占市区 {s:.1f}%）" for a, s in zip(frame["zone_km2"], frame["urban_share_pct"])],
                           textposition="outside", hovertemplate="%{x}<br>%{y:.1f} km²<extra></extra>"))
    fig.update_layout(yaxis_title="禁放区域面积（km²）", yaxis={"range": [0, frame["zone_km2"].max() * 1.3]})
    return styled(fig, title, height=340)


def ban_map(units: pd.DataFrame, zones: pd.DataFrame, places: pd.DataFrame, grid: pd.DataFrame, cell: float,
            point: tuple[float, float] | None = None, basemap_url: str = "") -> pdk.Deck:
    """Districts as base, the chosen notice's zones, always-banned places, incident cells, the checked point."""
    zone_fc = maps.features(zones.assign(label=zones["name"] + "：" + zones["roads"]), ["name", "label", "zone_id"])
    place_fc = maps.features(places.assign(label=places["name"] + "（" + places["category"] + "）"), ["name", "label", "place_id"])
    for fc in (zone_fc, place_fc):
        for f in fc["features"]:
            f["properties"]["name"] = f["properties"].pop("label")
    layers = maps.district_base(units) + [
        maps.grid_layer("incident-cells", maps.grid_cells(grid, cell)),
        maps.polygon_layer("ban-zones", zone_fc, maps.COLOURS["zone"], maps.COLOURS["zone_line"], line_px=2),
        maps.polygon_layer("always-banned", place_fc, maps.COLOURS["place"], maps.COLOURS["place_line"]),
    ]
    if point:
        layers.append(maps.point_layer("checked-point", point[0], point[1]))
    return maps.deck(layers, centre=(119.25, 34.70), zoom=9.3, height=620, basemap_url=basemap_url)
