"""What every wall panel shares: the panel header, the 示例 tag in the wall's own HTML, charts restyled for the wall."""
from __future__ import annotations

import html
from datetime import datetime

import streamlit as st

from lyg import meta, provenance
from lyg.ui.context import PageContext, as_of_text
from lyg.ui.marks import marked
from lyg.ui.shared import shared
from lyg.viz.charts import SAMPLE_COLOUR, for_wall

# Heights that fill 1080 px: the header (~70 px), the panel, and the alert strip (lyg.ui.wall.ticker, 64 px + margin)
CHART_H, MAP_H, TILE_H = 440, 920, 296

SAMPLE_TAG = ("<span style='background:{colour};color:#fff;font-weight:700;border-radius:6px;padding:2px 10px;"
              "font-size:{size}px;vertical-align:middle;white-space:nowrap;display:inline-block'>{text}</span>")  # never split


def sample_tag(ctx: PageContext, size: int = 20, short: bool = False) -> str:
    """The 示例 mark for the wall's own HTML (amber, readable from 5 m); short on tiles, in full on the panel title."""
    return SAMPLE_TAG.format(colour=SAMPLE_COLOUR, size=size, text=html.escape(ctx.t("mark.sample" if short else "mark.sample_chart")))


def header(ctx: PageContext, title: str, index: int, total: int, updated: datetime, domain: str) -> None:
    left, right = st.columns([12, 8])
    tag = f"　{sample_tag(ctx, 26)}" if provenance.domain_illustrative(ctx.db, domain) else ""  # moves to the next line whole
    left.markdown(f"<h1>{html.escape(ctx.t('wall.title'))} · {html.escape(title)}{tag}</h1>", unsafe_allow_html=True)
    as_of = as_of_text(meta.as_of(ctx.db, domain) if domain != "overview" else meta.as_of(ctx.db), ctx.lang)
    right.markdown(f"<div style='text-align:right;font-size:22px;padding-top:16px;white-space:nowrap'>{datetime.now():%Y-%m-%d %H:%M}　"
                   f"{html.escape(as_of)}　{ctx.t('wall.updated', time=f'{updated:%H:%M}')}　{index + 1}/{total}</div>",
                   unsafe_allow_html=True)


def wall_chart(ctx: PageContext, container, key: str, build, height: int, font_size: int = 20, tables: tuple[str, ...] = (),
                sample: bool | None = None) -> None:
    """A chart restyled for the wall and marked where sample, built once per database and language for every screen."""
    fig = shared(ctx, ("wall", key), lambda: for_wall(marked(ctx, build(), *tables, sample=sample), height, font_size))
    container.plotly_chart(fig, key=key)


def shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
