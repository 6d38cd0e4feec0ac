"""Show a rule-engine verdict in plain Chinese."""
from __future__ import annotations

import streamlit as st

from lyg.ui.context import PageContext


def show_verdict(ctx: PageContext, verdict: dict) -> None:
    if verdict["banned"]:
        st.error(f"### ⛔ {ctx.t('fw.banned')}\n{verdict['local_time']}，经度 {verdict['lon']:.4f}，纬度 {verdict['lat']:.4f}")
        st.markdown(f"**{ctx.t('fw.reasons')}**")
        for reason in verdict["reasons"]:
            st.markdown(f"- {reason['text']}")
        st.markdown(f"**{ctx.t('fw.penalty')}**：{verdict['penalty']}")
    else:
        st.success(f"### ✅ {ctx.t('fw.allowed')}\n{verdict['local_time']}：{verdict['summary']}")
    if verdict.get("notice_in_force"):
        st.caption(f"{ctx.t('fw.notice')}：{verdict['notice_in_force']}")
