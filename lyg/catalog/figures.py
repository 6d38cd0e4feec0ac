"""Catalog figures: freshness by update cycle, and the freshness share."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lyg import vocab
from lyg.catalog.analysis import FRESHNESS_ORDER
from lyg.i18n import ZH, Translator
from lyg.status import STATUS_HEX
from lyg.viz.charts import styled

# the house status scheme (lyg.status), safe for colour-blind readers: on time blue, due soon sky, overdue amber,
# delinquent vermillion, not applicable grey (never red against green)
FRESHNESS_COLOURS = {"及时": STATUS_HEX["on"], "待更新": "#56B4E9", "逾期": STATUS_HEX["risk"], "严重逾期": STATUS_HEX["off"], "不适用": "#cbd5e1"}


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
