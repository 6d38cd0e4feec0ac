"""Show a rule-engine verdict in plain Chinese (a verdict, not an application error: no st.error)."""
from __future__ import annotations

import streamlit as st

from lyg.ui.context import PageContext


def show_verdict(ctx: PageContext, verdict: dict) -> None:
    with st.container(border=True, key="fw-verdict"):
        where = f"{verdict['local_time']}，{ctx.t('fw.lon')} {verdict['lon']:.4f}，{ctx.t('fw.lat')} {verdict['lat']:.4f}"
        if verdict["banned"]:
            st.markdown(f"### :material/block: :red[{ctx.t('fw.banned')}]\n{where}")
            st.markdown(f"**{ctx.t('fw.reasons')}**")
            for reason in verdict["reasons"]:
                st.markdown(f"- {reason['text']}")
            st.markdown(f"**{ctx.t('fw.penalty')}**：{verdict['penalty']}")
        else:
            st.markdown(f"### :material/check_circle: :green[{ctx.t('fw.allowed')}]\n{where}\n\n{verdict['summary']}")
        if verdict.get("notice_in_force"):
            st.caption(f"{ctx.t('fw.notice')}：{verdict['notice_in_force']}")
