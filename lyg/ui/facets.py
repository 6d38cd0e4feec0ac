"""Facet pickers with counts, kept in the URL (Datasette-style)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lyg.i18n import ZH, Translator


def current_selection(key: str) -> list[str]:
    """The selection before widgets are drawn: the widget's state, else the URL."""
    state = st.session_state.get(f"url-{key}")
    return list(state) if state is not None else list(st.query_params.get_all(key))


def facet_picker(label: str, key: str, counts: pd.DataFrame, container=st, placeholder: str = "全部", tr: Translator = ZH) -> list[str]:
    """A multiselect whose options show how many entries each value would give (values shown in tr's language)."""
    chosen = current_selection(key)
    by_value = dict(zip(counts["value"], counts["n"]))
    options = list(counts["value"]) + [v for v in chosen if v not in by_value]
    value = container.multiselect(label, options, default=[v for v in chosen if v in options], key=f"url-{key}",
                                  format_func=lambda v: tr("facet.option", value=tr.value(v), n=by_value.get(v, 0)),
                                  placeholder=placeholder)
    if value:
        st.query_params[key] = list(value)
    else:
        st.query_params.pop(key, None)
    return value
