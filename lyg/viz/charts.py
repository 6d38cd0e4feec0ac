"""Shared plotly styling: Chinese-capable fonts, readable sizes, a calm palette. Builders never share a mutable layout."""
from __future__ import annotations

import re

import numpy as np
import plotly.graph_objects as go

from lyg.status import STATUS_HEX

FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
PALETTE = ["#1d4ed8", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563"]
STATUS_COLOURS = STATUS_HEX  # one palette for every status (lyg/status.py)


# Plotly renders a few HTML tags in any text. The house uses <br> and <b> for layout; any other tag in a figure
# (a link, a styled span, from a name in a data file) is shown as written.
_FOREIGN_TAG = re.compile(r"<(?!/?b>|br\s*/?>)", re.IGNORECASE)
_TEXT_PROPERTIES = ("x", "y", "text", "hovertext", "labels", "parents", "ids", "customdata", "name", "legendgroup")


def _neutral(value):
    if isinstance(value, str):
        return _FOREIGN_TAG.sub("&lt;", value)
    if isinstance(value, np.ndarray) and value.dtype == object:
        return np.vectorize(_neutral, otypes=[object])(value) if value.size else value
    if isinstance(value, (list, tuple)):
        return type(value)(_neutral(v) for v in value)
    return value  # numbers, dates


def neutralise_markup(fig: go.Figure) -> go.Figure:
    """Every text from data in the figure shown as text: tags other than the house's <br> and <b> are escaped."""
    for trace in fig.data:
        for prop in _TEXT_PROPERTIES:
            if prop in trace and trace[prop] is not None:
                trace[prop] = _neutral(trace[prop])
    for annotation in fig.layout.annotations or ():
        if annotation.text:
            annotation.text = _neutral(annotation.text)
    if fig.layout.title and fig.layout.title.text:
        fig.layout.title.text = _neutral(fig.layout.title.text)
    return fig


def styled(fig: go.Figure, title: str = "", height: int = 380, legend_below: bool = True) -> go.Figure:
    """Apply the house style to a figure the caller has just built (returns the same figure)."""
    neutralise_markup(fig)
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 18}} if title else None,
        font={"family": FONT_FAMILY, "size": 14, "color": "#0f172a"},
        colorway=PALETTE, height=height, margin={"l": 10, "r": 10, "t": 50 if title else 10, "b": 10},
        plot_bgcolor="white", paper_bgcolor="white",
        legend={"orientation": "h", "y": -0.18, "x": 0} if legend_below else {},
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
    fig.update_xaxes(gridcolor="#e2e8f0", zeroline=False)
    fig.update_yaxes(gridcolor="#e2e8f0", zeroline=False)
    return fig


SAMPLE_COLOUR = "#b45309"  # amber-700: white text on it passes WCAG AA; the same colour marks 示例 everywhere
PROVENANCE_MARK = "provenance"  # the annotation's name, so restyling keeps its colours


def mark_illustrative(fig: go.Figure, text: str) -> go.Figure:
    """Put the sample-data mark on a finished figure (top right, above the plot), whatever its title."""
    # above the event labels that sit on the plot's top edge (event_line), level with a left-aligned title
    fig.add_annotation(name=PROVENANCE_MARK, text=f"<b>{text}</b>", xref="paper", yref="paper", x=1, y=1, xanchor="right",
                       yanchor="bottom", yshift=22, showarrow=False, font={"size": 13, "color": "#ffffff"}, bgcolor=SAMPLE_COLOUR,
                       borderpad=3)
    top = fig.layout.margin.t if fig.layout.margin and fig.layout.margin.t is not None else 0
    fig.update_layout(margin={"t": max(top, 56)})
    return fig


def is_marked(fig: go.Figure) -> bool:
    return any(a.name == PROVENANCE_MARK for a in fig.layout.annotations or ())


def wrap_words(text: str, width: int) -> str:
    """Break a spaced (English) label into lines of about width characters for plotly; Chinese is left alone."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "<br>".join(lines + [line])


def event_line(fig: go.Figure, x, label: str, colour: str = "#475569") -> go.Figure:
    """A labelled vertical marker (a notice taking effect, the as-of date)."""
    fig.add_vline(x=x, line_dash="dash", line_color=colour, line_width=1.5)
    fig.add_annotation(x=x, y=1.02, yref="paper", text=label, showarrow=False, font={"size": 12, "color": colour},
                       xanchor="left", yanchor="bottom")
    return fig


WALL_BACKGROUND = "#0b1220"
WALL_PANEL = "#111a2e"
WALL_TEXT = "#e2e8f0"


WALL_MIN_TEXT = 18  # px: the smallest type read from 5 m (labels, ticks, legends); values are larger


def for_wall(fig: go.Figure, height: int, font_size: int = 20) -> go.Figure:
    """Restyle a finished figure for the operations-centre wall: dark, fixed height, and no text under WALL_MIN_TEXT
    (a page figure's own smaller tick and legend sizes are overridden)."""
    size = max(font_size, WALL_MIN_TEXT)
    fig.update_layout(paper_bgcolor=WALL_PANEL, plot_bgcolor=WALL_PANEL, height=height,
                      font={"family": FONT_FAMILY, "size": size, "color": WALL_TEXT},
                      title_font_color=WALL_TEXT, legend_font_color=WALL_TEXT, legend_font_size=size)
    fig.update_xaxes(gridcolor="#1f2a44", linecolor="#334155", tickfont_size=size, title_font_size=size)
    fig.update_yaxes(gridcolor="#1f2a44", linecolor="#334155", tickfont_size=size, title_font_size=size)
    fig.update_traces(textfont_size=size, selector=lambda t: "textfont" in t)
    legend = fig.layout.legend
    if legend.orientation == "h" and legend.y is not None and legend.y < 0:  # below the axis: clear its larger title
        fig.update_layout(legend_y=-0.36, margin_b=max(fig.layout.margin.b or 0, 110))
    for annotation in fig.layout.annotations or ():
        if annotation.name == PROVENANCE_MARK:
            annotation.font.size = max(font_size, 18)
        else:
            annotation.font.color = WALL_TEXT
            annotation.font.size = max(annotation.font.size or size, WALL_MIN_TEXT)
    return fig
