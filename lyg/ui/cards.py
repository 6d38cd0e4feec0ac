"""Headline cards and alert rows for the overview and the wall."""
from __future__ import annotations

import html

import streamlit as st

from lyg.alerts import Alert
from lyg.overview import Headline
from lyg.status import STATUS_NAMED
from lyg.ui.context import PageContext, as_of_text
from lyg.ui.marks import badge
from lyg.ui.navigation import page_of
from lyg.ui.text import plain

SEVERITY_COLOUR = {1: STATUS_NAMED["off"], 2: STATUS_NAMED["risk"], 3: STATUS_NAMED["info"]}  # 告警, 预警, 提示


TILES_PER_ROW = 5
# Compact tiles: every headline on a 1366×768 first screen (two rows of five); the value stays the largest type.
TILE_CSS = """<style>
  div[class*="st-key-head-"] { padding: 10px 12px !important; gap: 0.4rem !important; }
  div[class*="st-key-head-"] p { font-size: 14px; }
  div[class*="st-key-head-"] .lyg-value { font-size: 26px; font-weight: 700; line-height: 1.25; white-space: nowrap; padding-bottom: 6px; }
  [data-testid="stMainBlockContainer"] { padding-top: 3.75rem !important; }
  div[class*="st-key-head-"] [data-testid="stCaptionContainer"] p, div[class*="st-key-head-"] [data-testid="stPageLink"] p { font-size: 12px; }
</style>"""


def headline_tiles(ctx: PageContext, heads: list[Headline], district: str = "", as_of=None) -> None:
    """Every headline as a compact tile, TILES_PER_ROW to a row; a tile names its own as-of date only where it differs
    from the page's."""
    st.html(TILE_CSS)
    for start in range(0, len(heads), TILES_PER_ROW):
        for col, (i, h) in zip(st.columns(TILES_PER_ROW), enumerate(heads[start:start + TILES_PER_ROW], start=start)):
            with col:
                headline_card(ctx, h, key=f"head-{i}", district=district, page_as_of=as_of)


def headline_card(ctx: PageContext, h: Headline, key: str, district: str = "", page_as_of=None) -> None:
    """A headline: title, value, status with the comparison's first clause (the whole comparison on hover), its as-of
    date when it is not the page's, and a link; with a district chosen, a figure that does not narrow says so."""
    with st.container(border=True, key=key):
        scope = f" :gray-badge[{ctx.t('overview.city_wide')}]" if district and h.city_wide else ""
        st.markdown(f"**{plain(h.title)}**" + (f" {badge(ctx)}" if h.illustrative else "") + scope)
        st.markdown(f"<div class='lyg-value'>{html.escape(h.value)}</div>", unsafe_allow_html=True)  # computed, escaped
        first = h.comparison.split("；")[0]
        st.markdown(f":{STATUS_NAMED[h.status]}[**{plain(h.status_text)}**] {plain(first)}", help=h.comparison if first != h.comparison else None)
        if page_as_of is None or h.as_of != page_as_of:
            st.caption(as_of_text(h.as_of, ctx.lang))
        st.page_link(page_of(h.domain), label=ctx.t("overview.open"), query_params=h.query or None, icon=":material/arrow_forward:")


def alert_row(ctx: PageContext, a: Alert, district: str = "") -> None:
    left, right = st.columns([7, 1], vertical_alignment="center")  # room for the whole link at 1366 px
    sample = f"{badge(ctx)} " if a.illustrative else ""
    if district and not a.district:
        sample += f":gray-badge[{ctx.t('overview.city_wide')}] "
    left.markdown(f":{SEVERITY_COLOUR[a.severity]}-background[**{ctx.t(a.severity_key)}**]　{sample}{plain(a.text)}")
    right.page_link(page_of(a.domain), label=ctx.t("overview.open"), query_params=a.query or None, icon=":material/arrow_forward:")
