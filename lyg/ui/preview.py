"""A domain page that is still being built: says so, and lists its loaded tables."""
from __future__ import annotations

import streamlit as st

from lyg import meta
from lyg.contracts import BY_NAME
from lyg.ui.context import PageContext
from lyg.ui.layout import guarded, header, table_with_downloads
from lyg.ui.sidebar import language_switch


def table_preview_page(ctx: PageContext, title_key: str, domain: str, tables: list[str]) -> None:
    language_switch(ctx.lang)
    with guarded(ctx):
        header(ctx, title_key, meta.as_of(ctx.db, domain), illustrative=True)
        st.info(ctx.t("app.in_progress"), icon=":material/construction:")
        for name in tables:
            frame = meta.preview(ctx.db, name)
            st.subheader(f"{BY_NAME[name].label}（{name}）")
            table_with_downloads(ctx, frame, name, key=f"preview-{name}", height=260)
