"""Bonded-zone figures: Stephen Few's bullet graphs, cumulative paths, splits, build-out, milestones, the map."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
from plotly.subplots import make_subplots

from lyg.bonded.metrics import AT_RISK_RATIO, SHARE_MARGIN_PP, Progress
from lyg.i18n import ZH, Translator
from lyg.status import STATUS_MARK
from lyg.viz import maps
from lyg.viz.charts import STATUS_COLOURS, styled

BANDS = ("#e2e8f0", "#cbd5e1", "#94a3b8")  # qualitative ranges, light to dark (poor, satisfactory, good)


def official_target_text(row, tr: Translator = ZH) -> str:
    """A target row as stated: an amount, or "above x%" for a share target."""
    value = tr.amount(row.target_value, row.unit)
    return tr("bonded_chart.above", value=value) if row.comparison == "share_above" else value


def target_text(p: Progress, tr: Translator = ZH) -> str:
    """A target as a reader must read it: official, or 推算目标 (extrapolated, not official)."""
    value = tr.amount(p.target, p.unit)
    return value if p.target_official else tr("mark.extrapolated", value=value)

def _bands(p: Progress) -> list[tuple[float, float]]:
    """Poor / satisfactory / good ranges, on the same thresholds as the status."""
    if p.comparison == "share_above":
        top = max(p.actual, p.target) * 1.25
        return [(0, p.target - SHARE_MARGIN_PP), (p.target - SHARE_MARGIN_PP, p.target), (p.target, top)]
    reference = p.target if p.complete else p.expected_seasonal
    top = max(p.target, p.actual, p.forecast, reference) * 1.1
    return [(0, AT_RISK_RATIO * reference), (AT_RISK_RATIO * reference, reference), (reference, top)]


def status_line(p: Progress, tr: Translator = ZH) -> str:
    """Status by its mark and word (never by colour alone), then the direction of the gap as an arrow with the numbers."""
    head = f"{STATUS_MARK[p.status]} {tr.value(p.status_text)} {p.arrow}"
    if p.comparison == "share_above":
        return tr("bonded_chart.status_share", head=head, actual=tr.amount(p.actual, "%"), target=target_text(p, tr), pp=p.variance_target)
    if p.complete:
        return tr("bonded_chart.status_year", head=head, actual=tr.amount(p.actual, p.unit), target=target_text(p, tr),
                  pct=p.variance_target_pct)
    return tr("bonded_chart.status_ytd", head=head, months=p.months, actual=tr.amount(p.actual, p.unit),
              expected=tr.amount(p.expected_seasonal, p.unit), pct=p.variance_expected_pct,
              forecast=tr.amount(p.forecast, p.unit), target=target_text(p, tr))


def indicator_title(name: str, unit: str, tr: Translator = ZH) -> str:
    return tr("fig.with_unit", name=tr.value(name), unit=tr.unit(unit))


def bullet(p: Progress, height: int = 150, tr: Translator = ZH) -> go.Figure:
    """One bullet graph: the actual bar, the target marker, the forecast (hollow diamond), bands behind."""
    fig, k = go.Figure(), tr.scale(p.unit)
    for (low, high), colour in zip(_bands(p), BANDS):
        fig.add_shape(type="rect", x0=low * k, x1=high * k, y0=-0.45, y1=0.45, fillcolor=colour, line_width=0, layer="below")
    fig.add_bar(x=[p.actual * k], y=[0], orientation="h", width=0.32, marker_color=STATUS_COLOURS[p.status],
                name=tr("bonded_chart.actual"), hovertemplate=f"{tr('bonded_chart.actual')}: {tr.amount(p.actual, p.unit)}<extra></extra>")
    fig.add_shape(type="line", x0=p.target * k, x1=p.target * k, y0=-0.38, y1=0.38, line={"color": "#0f172a", "width": 4})
    if not p.complete and p.comparison != "share_above":
        fig.add_scatter(x=[p.forecast * k], y=[0], mode="markers", marker={"symbol": "diamond-open", "size": 16, "color": "#0f172a",
                        "line": {"width": 2}}, name=tr("bonded_chart.forecast"), hovertemplate=f"{tr('bonded_chart.forecast')}: {tr.amount(p.forecast, p.unit)}<extra></extra>")
    label = tr("bonded_chart.target" if p.target_official else "bonded_chart.target_extrapolated", value=tr.amount(p.target, p.unit))
    near_end = p.target >= 0.75 * _bands(p)[-1][1]  # keep a long label inside the frame
    fig.add_annotation(x=p.target * k, y=0.5, text=label, showarrow=False, yanchor="bottom", xanchor="right" if near_end else "center",
                       font={"size": 13})
    fig.update_yaxes(visible=False, range=[-0.6, 1.0])
    fig.update_xaxes(range=[0, _bands(p)[-1][1] * k], ticksuffix=p.unit if p.unit == "%" else "", title=None)
    fig.update_layout(showlegend=False, bargap=0)
    return styled(fig, indicator_title(p.indicator_name, p.unit, tr), height=height, legend_below=False)


def cumulative(p: Progress, path: pd.DataFrame, tr: Translator = ZH) -> go.Figure:
    """Cumulative actual against the target path; the forecast dashed."""
    fig, k = go.Figure(), tr.scale(p.unit)
    path = path.assign(**{c: path[c] * k for c in ("target_path", "actual", "forecast")})
    fig.add_scatter(x=path["month"], y=path["target_path"], name=tr("bonded_chart.target_path"), mode="lines",
                    line={"color": "#94a3b8", "width": 2, "dash": "dot"})
    fig.add_scatter(x=path["month"], y=path["actual"], name=tr("bonded_chart.cumulative_actual"), mode="lines+markers",
                    line={"color": STATUS_COLOURS[p.status], "width": 3})
    if path["forecast"].notna().any():
        fig.add_scatter(x=path["month"], y=path["forecast"], name=tr("bonded_chart.projection"), mode="lines",
                        line={"color": STATUS_COLOURS[p.status], "width": 2, "dash": "dash"})
    fig.add_hline(y=p.target * k, line_color="#0f172a", line_width=1, annotation_text=tr("bonded_chart.year_target", value=target_text(p, tr)),
                  annotation_position="top left")
    fig.update_xaxes(title=tr("bonded_chart.month"), tickvals=list(range(1, 13)), ticktext=[tr.month(m) for m in range(1, 13)])
    fig.update_yaxes(title=tr("bonded_chart.cumulative_axis", unit=tr.unit(p.unit)))
    return styled(fig, tr("bonded_chart.cumulative_title", name=tr.value(p.indicator_name), year=p.year), height=330)


def share_line(p: Progress, frame: pd.DataFrame, tr: Translator = ZH) -> go.Figure:
    fig = go.Figure(go.Scatter(x=frame["month"], y=frame["share"], mode="lines+markers", name=tr("bonded_chart.cumulative_share"),
                               line={"color": STATUS_COLOURS[p.status], "width": 3}))
    fig.add_hline(y=p.target, line_color="#0f172a", annotation_text=tr("bonded_chart.share_target", target=p.target) + ("" if p.target_official else tr("bonded_chart.extrapolated")), annotation_position="top left")
    fig.update_xaxes(title=tr("bonded_chart.month"), tickvals=list(range(1, 13)), ticktext=[tr.month(m) for m in range(1, 13)])
    fig.update_yaxes(title=tr("bonded_chart.share_axis"), range=[0, 100])
    return styled(fig, tr("bonded_chart.cumulative_title", name=tr.value(p.indicator_name), year=p.year), height=330)


def subzone_split(frame: pd.DataFrame, tr: Translator = ZH) -> go.Figure:
    """One small panel per indicator (each in its own unit: yuan and dollars never share an axis)."""
    codes = list(dict.fromkeys(frame["indicator_code"]))
    titles = [indicator_title(frame[frame.indicator_code == c].indicator_name.iat[0], frame[frame.indicator_code == c].unit.iat[0], tr)
              for c in codes]
    fig = make_subplots(rows=1, cols=len(codes), subplot_titles=titles)
    colours = {"徐圩片区": "#0891b2", "开发区片区": "#7c3aed"}
    for i, code in enumerate(codes, start=1):
        part = frame[frame["indicator_code"] == code]
        scaled = part["value"] * part["unit"].map(tr.scale)
        fig.add_bar(x=tr.values(part["subzone"]), y=scaled, marker_color=[colours.get(s, "#64748b") for s in part["subzone"]],
                    text=[tr.amount(v, u) for v, u in zip(part["value"], part["unit"])], textposition="outside",
                    showlegend=False, row=1, col=i, cliponaxis=False)
        fig.update_yaxes(range=[0, scaled.max() * 1.25], row=1, col=i)
    styled(fig, "", height=340)
    fig.update_layout(margin={"t": 40})  # room for the panel titles
    return fig


def facilities(frame: pd.DataFrame, tr: Translator = ZH) -> go.Figure:
    fig = go.Figure()
    planned = frame["planned_area_m2"].fillna(0)
    names = tr.values(frame["name"])
    fig.add_bar(y=names, x=planned, orientation="h", name=tr("bonded_chart.planned"), marker_color="#cbd5e1",
                hovertemplate="%{y} " + tr("bonded_chart.planned") + ": %{x:,.0f} m²<extra></extra>")
    fig.add_bar(y=names, x=frame["built_area_m2"], orientation="h", name=tr("bonded_chart.built"), marker_color="#1d4ed8", width=0.4,
                hovertemplate="%{y} " + tr("bonded_chart.built") + ": %{x:,.0f} m²<extra></extra>")
    fig.update_layout(barmode="overlay", xaxis_title=tr("bonded_chart.area_axis"))
    return styled(fig, "", height=300)


def milestones(frame: pd.DataFrame) -> go.Figure:
    """A timeline with labels staggered above and below the axis so they never overlap."""
    levels = [1.0, -1.0, 2.0, -2.0][: len(frame)] * (len(frame) // 4 + 1)
    fig = go.Figure()
    for (day, event), level in zip(zip(frame["milestone_on"], frame["event"]), levels):
        fig.add_shape(type="line", x0=day, x1=day, y0=0, y1=level * 0.8, line={"color": "#94a3b8", "width": 1})
        fig.add_annotation(x=day, y=level, text=f"<b>{day:%Y-%m-%d}</b><br>{_wrap(event, 16)}", showarrow=False,
                           align="left", xanchor="left", font={"size": 12})
    fig.add_scatter(x=frame["milestone_on"], y=[0] * len(frame), mode="markers", hovertext=frame["event"], hoverinfo="text",
                    marker={"size": 14, "color": "#1d4ed8", "symbol": "diamond"})
    start, end = frame["milestone_on"].min(), frame["milestone_on"].max()
    fig.update_yaxes(visible=False, range=[-2.8, 2.8])
    fig.update_xaxes(range=[start - pd.Timedelta(days=60), end + pd.Timedelta(days=300)], dtick="M3", tickformat="%Y-%m")
    fig.update_layout(showlegend=False)
    return styled(fig, "", height=300, legend_below=False)


def _wrap(text: str, width: int) -> str:
    return "<br>".join(text[i:i + width] for i in range(0, len(text), width))


def blocks_map(units: pd.DataFrame, blocks: pd.DataFrame, basemap_url: str = "", tr: Translator = ZH) -> pdk.Deck:
    """The three blocks over the districts and functional zones (units' names already in the UI language)."""
    zones = units[units["kind"] == "功能区"]
    blocks = blocks.assign(label=[tr("bonded_chart.block_label", name=tr.value(n), area=a) for n, a in zip(blocks["name"], blocks["stated_area_km2"])])
    block_fc = maps.features(blocks, ["label", "block_code"], tolerance=0)
    for f in block_fc["features"]:
        f["properties"]["name"] = f["properties"].pop("label")
    centroids = blocks.assign(centroid_lon=blocks["geometry"].map(lambda g: maps.from_wkb(g).centroid.x),
                              centroid_lat=blocks["geometry"].map(lambda g: maps.from_wkb(g).centroid.y))
    layers = maps.district_base(units) + [
        maps.polygon_layer("functional", maps.features(zones, ["name"]), maps.COLOURS["functional"], maps.COLOURS["functional_line"]),
        maps.polygon_layer("bonded-blocks", block_fc, maps.COLOURS["block"], maps.COLOURS["block_line"], line_px=3),
        maps.label_layer("block-labels", centroids.assign(name=centroids["block_code"] + " " + pd.Series(tr.values(centroids["subzone"]), index=centroids.index)), size=15),
    ]
    return maps.deck(layers, centre=(119.42, 34.63), zoom=10.2, height=480, basemap_url=basemap_url)
