"""Headline cards and alert rows for the overview and the wall."""
from __future__ import annotations

import streamlit as st

from lyg.alerts import Alert
from lyg.overview import Headline
from lyg.status import STATUS_NAMED
from lyg.ui.context import PageContext, as_of_text
from lyg.ui.marks import badge
from lyg.ui.navigation import page_of
from lyg.ui.text import plain

SEVERITY_COLOUR = {1: STATUS_NAMED["off"], 2: STATUS_NAMED["risk"], 3: STATUS_NAMED["info"]}  # 告警, 预警, 提示


def headline_card(ctx: PageContext, h: Headline, key: str, district: str = "") -> None:
    """A headline; with a district chosen, a figure that does not narrow says it is city-wide."""
    with st.container(border=True, key=key):
        scope = f" :gray-badge[{ctx.t('overview.city_wide')}]" if district and h.city_wide else ""
        st.markdown(f"**{plain(h.title)}**" + (f" {badge(ctx)}" if h.illustrative else "") + scope)
        st.markdown(f"## {plain(h.value)}")
        st.markdown(f":{STATUS_NAMED[h.status]}[**{plain(h.status_text)}**]　{plain(h.comparison)}")
        left, right = st.columns([2, 1])
        left.caption(as_of_text(h.as_of, ctx.lang))
        right.page_link(page_of(h.domain), label=ctx.t("overview.open"), query_params=h.query or None, icon=":material/arrow_forward:")


def alert_row(ctx: PageContext, a: Alert, district: str = "") -> None:
    left, right = st.columns([5, 1])
    sample = f"{badge(ctx)} " if a.illustrative else ""
    if district and not a.district:
        sample += f":gray-badge[{ctx.t('overview.city_wide')}] "
    left.markdown(f":{SEVERITY_COLOUR[a.severity]}-background[**{ctx.t(a.severity_key)}**]　{sample}{plain(a.text)}")
    right.page_link(page_of(a.domain), label=ctx.t("overview.open"), query_params=a.query or None, icon=":material/arrow_forward:")
