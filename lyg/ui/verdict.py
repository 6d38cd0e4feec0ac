"""Show a rule-engine verdict in plain words: banned, not banned, or unknown with why (never folded into "no")."""
from __future__ import annotations

import streamlit as st

from lyg.ui.context import PageContext
from lyg.ui.marks import badge
from lyg.ui.text import plain

HEADINGS = {True: (":material/block:", "red", "fw.banned"), False: (":material/check_circle:", "green", "fw.allowed"),
            None: (":material/help:", "orange", "fw.unknown")}


def show_verdict(ctx: PageContext, verdict: dict) -> None:
    icon, colour, key = HEADINGS[verdict["banned"]]
    if verdict.get("allowed_because"):  # in a zone but not now, outside every zone, or before any notice: say which
        key = f"fw.allowed.{verdict['allowed_because']}"
    with st.container(border=True, key="fw-verdict"):
        sample = f" {badge(ctx)}" if verdict.get("provenance") == "illustrative" else ""
        st.markdown(f"### {icon} :{colour}[{ctx.t(key)}]{sample}")
        st.caption(ctx.t("fw.where", time=verdict["local_time"], lon=verdict["lon"], lat=verdict["lat"]))
        if verdict["banned"]:
            st.markdown(f"**{ctx.t('fw.reasons')}**")
            for reason in verdict["reasons"]:
                st.markdown("- " + plain(reason["text"]))  # names and roads come from data: escaped, never rendered
            st.markdown(ctx.t("generic.labelled", label=ctx.t("fw.penalty"), text=plain(verdict["penalty"])))
        else:
            st.markdown(plain(verdict["summary"]))
        for caveat in verdict.get("caveats", []):
            st.caption(":material/info: " + plain(caveat))
        if verdict.get("notice_in_force"):
            st.caption(ctx.t("generic.labelled", label=ctx.t("fw.notice"), text=plain(verdict["notice_in_force"])))
