"""The sidebar every page shares: language switch kept in the URL."""
from __future__ import annotations

import streamlit as st

from lyg import i18n


def language_switch(lang: str) -> None:
    choice = st.sidebar.radio(i18n.t("app.language", lang), list(i18n.LANGUAGES), index=list(i18n.LANGUAGES).index(lang),
                              format_func=i18n.LANGUAGES.get, horizontal=True, key="lang-switch")
    if choice != lang:
        st.query_params["lang"] = choice
        st.session_state["lang"] = choice
        st.rerun()
