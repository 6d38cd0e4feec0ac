"""The overview's brief buttons: a .docx or PDF of what the page shows, made when clicked (a few seconds), never
before."""
from __future__ import annotations

import streamlit as st

from lyg.brief import BriefError, compose, render
from lyg.brief.chromium import chromium_path
from lyg.ui.context import PageContext

MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf"}


def brief_buttons(ctx: PageContext, district: str) -> None:
    try:
        chromium_path()
        missing = ""
    except BriefError as exc:  # no local Chromium: say so on the buttons rather than fail on click
        missing = str(exc)
    columns = st.columns([1, 1, 4], vertical_alignment="center")
    for col, fmt in zip(columns, ("docx", "pdf")):
        col.download_button(ctx.t(f"brief.download_{fmt}"), lambda fmt=fmt: render(compose(ctx.db, None, district, ctx.tr), fmt),
                            f"{ctx.t('brief.file_name')}_{district or 'city'}.{fmt}", MIME[fmt], key=f"brief-{fmt}",
                            on_click="ignore", disabled=bool(missing), help=missing or ctx.t("brief.help"),
                            icon=":material/description:")
    columns[2].caption(ctx.t("brief.caption"))
