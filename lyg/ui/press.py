"""A page's part of the press conference: the statements it shows, quoted verbatim, grouped by topic, each with who
and when where the press conference says (发布会未说明 where it does not)."""
from __future__ import annotations

import streamlit as st

from lyg import press
from lyg.ui.context import PageContext
from lyg.ui.shared import shared
from lyg.ui.text import plain


def _said(ctx: PageContext, value) -> str:
    return ctx.tr.value(value) if isinstance(value, str) and value else ctx.t("press.not_said")


def show_statements(ctx: PageContext, page: str, section: str, expanded: bool = False, note: str = "") -> None:
    """An expander titled with the section, one line per statement: 主题：「原文」 (责任主体 · 时间)."""
    frame = shared(ctx, ("press", page, section), lambda: press.statements(ctx.db, page, section))
    if frame.empty:
        return
    with st.expander(ctx.t(f"press.{page}.{section}"), expanded=expanded):
        if ctx.lang != "zh":
            st.caption(ctx.t("press.verbatim"))
        for row in frame.itertuples():
            who = ctx.t("press.who_when", who=_said(ctx, row.who), when=_said(ctx, row.when_stated))
            st.markdown(ctx.t("press.line", topic=plain(ctx.tr.value(row.topic)), quote=plain(row.statement), who=plain(who)))
        if note:
            st.markdown(note)
        st.caption(ctx.t("press.source"))
