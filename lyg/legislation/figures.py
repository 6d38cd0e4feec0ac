"""Legislation-participation figures: the pipeline, methods over time, adoption, one project's timeline."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lyg import vocab
from lyg.i18n import ZH, Translator
from lyg.legislation.analysis import PUBLIC_COMMENT
from lyg.viz.charts import PALETTE, styled

METHOD_COLOURS = dict(zip(vocab.LEG_METHODS, PALETTE))


def pipeline(projects: pd.DataFrame, tr: Translator = ZH) -> go.Figure:
    counts = projects["stage"].value_counts().reindex(vocab.LEG_STAGES, fill_value=0)
    fig = go.Figure(go.Bar(x=tr.values(counts.index), y=counts.values, text=[tr("legislation_chart.projects_n", n=v) for v in counts.values], textposition="outside",
                           marker_color=["#94a3b8", "#60a5fa", "#3b82f6", "#1d4ed8", "#059669"]))
    fig.update_layout(yaxis_title=tr("legislation_chart.projects_axis"), yaxis={"range": [0, max(counts.max(), 1) * 1.3]})
    return styled(fig, "", height=300)


def methods_over_time(events: pd.DataFrame, tr: Translator = ZH) -> go.Figure:
    years = events.assign(year=events["start_on"].dt.year).groupby(["year", "method"]).size().rename("n").reset_index()
    fig = go.Figure()
    for method in vocab.LEG_METHODS:
        part = years[years["method"] == method]
        if not part.empty:
            fig.add_bar(x=part["year"], y=part["n"], name=tr.value(method), marker_color=METHOD_COLOURS[method])
    fig.update_layout(barmode="stack", xaxis={"dtick": 1, "title": tr("legislation_chart.year")}, yaxis_title=tr("legislation_chart.events_axis"))
    return styled(fig, "", height=340)


def adoption(rates: pd.DataFrame, by: str, tr: Translator = ZH) -> go.Figure:
    fig = go.Figure()
    fig.add_bar(x=tr.values(rates[by]), y=rates["adoption_pct"], name=tr("legislation_chart.adoption"), marker_color="#1d4ed8",
                text=[f"{v:.0f}%" for v in rates["adoption_pct"]], textposition="outside")
    fig.add_bar(x=tr.values(rates[by]), y=rates["feedback_pct"], name=tr("legislation_chart.feedback"), marker_color="#059669",
                text=[f"{v:.0f}%" for v in rates["feedback_pct"]], textposition="outside")
    fig.update_layout(barmode="group", yaxis={"range": [0, 115], "title": "%"})
    return styled(fig, "", height=340)


def project_timeline(events: pd.DataFrame, project: pd.Series, tr: Translator = ZH) -> go.Figure:
    fig = go.Figure()
    for k, e in enumerate(events.itertuples()):
        end = e.end_on + pd.Timedelta(days=1)
        method, stage = tr.value(e.method), tr.value(e.stage)
        # a comment period in days as the 30-day rule counts them (the first day not counted); other events: days spanned
        days = tr("legislation_chart.period_days", days=e.period_days) if e.method == PUBLIC_COMMENT else tr("legislation_chart.span_days", days=e.days)
        fig.add_bar(y=[stage], x=[(end - e.start_on).total_seconds() * 1000], base=[e.start_on], orientation="h",
                    marker_color=METHOD_COLOURS[e.method], name=method, showlegend=False,
                    hovertemplate=tr("legislation_chart.event_hover", method=method, start=f"{e.start_on:%Y-%m-%d}", end=f"{e.end_on:%Y-%m-%d}",
                                     days=days, received=e.opinions_received, adopted=e.opinions_adopted) + "<extra></extra>")
        fig.add_annotation(x=e.start_on, y=stage, text=tr("legislation_chart.event_label", method=method, days=days), showarrow=False, xanchor="left", yshift=18 if k % 2 == 0 else -18, font={"size": 11})
    for label, day in ((tr("legislation_chart.initiated"), project["initiated_on"]), (tr("legislation_chart.review_ended"), project["review_ended_on"]),
                       (tr("legislation_chart.adopted"), project["adopted_on"])):
        if pd.notna(day):
            fig.add_vline(x=pd.Timestamp(day).timestamp() * 1000, line_dash="dot", line_color="#64748b")
            fig.add_annotation(x=pd.Timestamp(day), y=1.0, yref="paper", text=label, showarrow=False, yanchor="bottom")
    fig.update_yaxes(categoryorder="array", categoryarray=tr.values(reversed(vocab.LEG_STAGES)))
    fig.update_layout(barmode="overlay", xaxis={"type": "date", "tickformat": "%Y-%m"})
    return styled(fig, "", height=340, legend_below=False)
