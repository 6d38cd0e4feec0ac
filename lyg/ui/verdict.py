"""Show a rule-engine verdict in plain words (a verdict, not an application error: no st.error)."""
from __future__ import annotations

import streamlit as st

from lyg.ui.context import PageContext


def show_verdict(ctx: PageContext, verdict: dict) -> None:
    with st.container(border=True, key="fw-verdict"):
        where = ctx.t("fw.where", time=verdict["local_time"], lon=verdict["lon"], lat=verdict["lat"])
        if verdict["banned"]:
            st.markdown(f"### :material/block: :red[{ctx.t('fw.banned')}]\n{where}")
            st.markdown(f"**{ctx.t('fw.reasons')}**")
            for reason in verdict["reasons"]:
                st.markdown(f"- {reason['text']}")
            st.markdown(ctx.t("generic.labelled", label=ctx.t("fw.penalty"), text=verdict["penalty"]))
        else:
            st.markdown(f"### :material/check_circle: :green[{ctx.t('fw.allowed')}]\n{where}\n\n{verdict['summary']}")
        if verdict.get("notice_in_force"):
            st.caption(ctx.t("generic.labelled", label=ctx.t("fw.notice"), text=verdict["notice_in_force"]))
