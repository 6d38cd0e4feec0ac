"""Digital-government figures: the framework picture, the Gantt chart, phases, indicators."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lyg.i18n import ZH, Translator
from lyg.status import STATUS_HEX, STATUS_MARK
from lyg.viz.charts import styled, wrap_words

# the product's status marks and colours (lyg/status.py): on time is "on", at risk "risk", late "off"
SCHEDULE_COLOURS = {"done": "#56B4E9", "on": STATUS_HEX["on"], "risk": STATUS_HEX["risk"], "late": STATUS_HEX["off"], "not_started": "#94a3b8"}
SCHEDULE_MARK = {"done": "✓", "on": STATUS_MARK["on"], "risk": STATUS_MARK["risk"], "late": STATUS_MARK["off"], "not_started": "○"}


def framework(components: pd.DataFrame, selected: str | None = None, tr: Translator = ZH) -> go.Figure:
    """“4个一” on the top row, “3中心” below; each tile coloured and labelled with its worst project status."""
    fig = go.Figure()
    rows = {"4个一": (1.15, components[components["group_name"] == "4个一"]), "3中心": (0.0, components[components["group_name"] == "3中心"])}
    for group, (y, part) in rows.items():
        offset = (4 - len(part)) / 2
        fig.add_annotation(x=-0.15, y=y + 0.45, text=f"<b>{wrap_words(tr.value(group), 10)}</b>", showarrow=False, xanchor="right", font={"size": 16})
        for k, c in enumerate(part.itertuples()):
            x = offset + k
            colour = SCHEDULE_COLOURS[c.worst]
            fig.add_shape(type="rect", x0=x + 0.04, x1=x + 0.96, y0=y, y1=y + 0.9, fillcolor=colour, opacity=0.9,
                          line={"color": "#0f172a" if c.component_code == selected else "white", "width": 4 if c.component_code == selected else 1})
            fig.add_annotation(x=x + 0.5, y=y + 0.45, showarrow=False, font={"color": "white", "size": 14},
                               text=f"<b>{wrap_words(tr.value(c.name), 8)}</b><br>{wrap_words(tr.value(c.metaphor), 10)}<br>"
                                    + tr("digital_chart.tile", mark=SCHEDULE_MARK[c.worst], status=tr.value(c.worst_text), n=c.projects))
    fig.update_xaxes(visible=False, range=[-0.8, 4.05])
    fig.update_yaxes(visible=False, range=[-0.1, 2.15])
    return styled(fig, "", height=330, legend_below=False)


def gantt(projects: pd.DataFrame, as_of, tr: Translator = ZH) -> go.Figure:
    """Planned bars (light), actual progress inside them (status colour), the as-of line; worst projects on top."""
    frame = projects.iloc[::-1]
    start = pd.to_datetime(frame["planned_start"])
    span_ms = (pd.to_datetime(frame["planned_end"]) - start).dt.total_seconds() * 1000
    labels = [tr("digital_chart.bar_label", name=tr.value(n), mark=SCHEDULE_MARK[s], status=tr.value(t))
              for n, s, t in zip(frame["name"], frame["schedule"], frame["schedule_text"])]
    fig = go.Figure()
    fig.add_bar(y=labels, x=span_ms, base=start, orientation="h", marker_color="#e2e8f0", name=tr("digital_chart.planned"),
                hovertemplate=tr("digital_chart.planned_hover") + "<extra></extra>")
    fig.add_bar(y=labels, x=span_ms * frame["actual_pct"] / 100, base=start, orientation="h", width=0.45,
                marker_color=[SCHEDULE_COLOURS[s] for s in frame["schedule"]], name=tr("digital_chart.actual"),
                customdata=frame[["actual_pct", "days_late"]], hovertemplate=tr("digital_chart.actual_hover") + "<extra></extra>")
    fig.add_vline(x=pd.Timestamp(as_of).timestamp() * 1000, line_color="#0f172a", line_dash="dash")
    fig.add_annotation(x=pd.Timestamp(as_of), y=1.0, yref="paper", text=tr("app.as_of", date=f"{pd.Timestamp(as_of):%Y-%m-%d}"), showarrow=False,
                       yanchor="bottom", xanchor="right", font={"size": 12})  # ends at the line: never clipped at the edge
    fig.update_layout(barmode="overlay", xaxis={"type": "date", "tickformat": "%Y"})
    return styled(fig, "", height=640)


def phases(frame: pd.DataFrame, tr: Translator = ZH) -> go.Figure:
    fig = go.Figure()
    labels = [tr("digital_chart.phase", year=y, motto=tr.value(m)) for y, m in zip(frame["phase_year"], frame["motto"])]
    fig.add_bar(x=labels, y=frame["completed"], name=tr("digital_chart.completed"), marker_color=SCHEDULE_COLOURS["done"])
    fig.add_bar(x=labels, y=frame["projects"] - frame["completed"], name=tr("digital_chart.open"), marker_color="#cbd5e1",
                text=[tr("digital_chart.completed_pct", pct=p) for p in frame["completed_pct"]], textposition="outside")
    fig.update_layout(barmode="stack", yaxis_title=tr("digital_chart.projects_axis"))
    return styled(fig, "", height=340)


def indicators(frame: pd.DataFrame, tr: Translator = ZH) -> go.Figure:
    codes = list(dict.fromkeys(frame["indicator_code"]))
    names = [tr("fig.with_unit", name=tr.value(frame[frame.indicator_code == c].name.iat[0]), unit=tr.unit(frame[frame.indicator_code == c].unit.iat[0]))
             for c in codes]
    fig = make_subplots(rows=2, cols=3, subplot_titles=names, vertical_spacing=0.18)
    for i, code in enumerate(codes):
        part = frame[frame["indicator_code"] == code]
        row, col = i // 3 + 1, i % 3 + 1
        fig.add_scatter(x=part["year"], y=part["target"], mode="lines+markers", name=tr("digital_chart.target"), line={"dash": "dash", "color": "#94a3b8"},
                        showlegend=i == 0, row=row, col=col)
        fig.add_scatter(x=part["year"], y=part["actual"], mode="lines+markers", name=tr("digital_chart.indicator_actual"), line={"color": "#1d4ed8", "width": 3},
                        showlegend=i == 0, row=row, col=col)
        fig.update_xaxes(dtick=1, row=row, col=col)
    styled(fig, "", height=520)
    fig.update_layout(margin={"t": 40})
    return fig
