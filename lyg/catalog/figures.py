"""Catalog figures: freshness by update cycle, and the freshness share."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lyg import vocab
from lyg.catalog.analysis import FRESHNESS_ORDER
from lyg.i18n import ZH, Translator
from lyg.viz.charts import styled

FRESHNESS_COLOURS = {"及时": "#059669", "待更新": "#eab308", "逾期": "#f97316", "严重逾期": "#dc2626", "不适用": "#cbd5e1"}


def freshness_by_cycle(frame: pd.DataFrame, title: str = "", tr: Translator = ZH) -> go.Figure:
    fig = go.Figure()
    cycles = [c for c in vocab.UPDATE_CYCLES if c in set(frame["update_cycle"])]
    for status in FRESHNESS_ORDER:
        part = frame[frame["freshness"] == status].set_index("update_cycle").reindex(cycles)
        fig.add_bar(x=tr.values(cycles), y=part["entries"].fillna(0), name=tr.value(status), marker_color=FRESHNESS_COLOURS[status],
                    hovertemplate=tr("catalog_chart.cycle_hover", status=tr.value(status)) + "<extra></extra>")
    fig.update_layout(barmode="stack", xaxis_title=tr("catalog_chart.cycle"), yaxis_title=tr("catalog_chart.entries"))
    return styled(fig, title, height=360)


def freshness_share(frame: pd.DataFrame, title: str = "", tr: Translator = ZH) -> go.Figure:
    totals = frame.groupby("freshness")["entries"].sum().reindex(FRESHNESS_ORDER).dropna()
    fig = go.Figure(go.Pie(labels=tr.values(totals.index), values=totals.values, hole=0.55, sort=False,
                           marker={"colors": [FRESHNESS_COLOURS[s] for s in totals.index]},
                           texttemplate="%{label}<br>%{percent:.1%}", hovertemplate=tr("catalog_chart.share_hover") + "<extra></extra>"))
    return styled(fig, title, height=360, legend_below=False)
