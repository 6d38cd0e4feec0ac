"""Facet pickers with counts, kept in the URL (Datasette-style)."""
from __future__ import annotations

import zlib

import pandas as pd
import streamlit as st

from lyg.i18n import ZH, Translator


def _widget_state_key(key: str) -> str:
    return f"facet-widget-{key}"


def current_selection(key: str) -> list[str]:
    """The selection before widgets are drawn: the widget's state (under the key it had last run), else the URL."""
    widget = st.session_state.get(_widget_state_key(key))
    state = st.session_state.get(widget) if widget else None
    return [str(v) for v in state] if state is not None else list(st.query_params.get_all(key))


def facet_picker(label: str, key: str, counts: pd.DataFrame, container=st, placeholder: str = "全部", tr: Translator = ZH) -> list[str]:
    """A multiselect whose options show how many entries each value would give (values shown in tr's language).

    Streamlit keeps a multiselect's choice as the option's label and maps it back through the labels of the next run;
    a label that carries a count changes whenever another facet does, and the label itself came back as the value
    (share=无条件共享（1730）). So the widget's key follows its labels: new labels make a new widget, seeded with the
    values chosen, and values, never labels, reach the URL and the query.
    """
    chosen = current_selection(key)
    by_value = dict(zip(counts["value"], counts["n"]))
    options = list(counts["value"]) + [v for v in chosen if v not in by_value]
    labels = [tr("facet.option", value=tr.value(v), n=by_value.get(v, 0)) for v in options]
    widget = f"url-{key}-{zlib.crc32(repr((options, labels)).encode()):08x}"
    st.session_state[_widget_state_key(key)] = widget
    label_of = dict(zip(options, labels))
    value = container.multiselect(label, options, default=[v for v in chosen if v in options], key=widget,
                                  format_func=label_of.__getitem__, placeholder=placeholder)
    value = [v for v in value if v in label_of]  # a label can never pass for a value
    if value:
        st.query_params[key] = list(value)
    else:
        st.query_params.pop(key, None)
    return value
