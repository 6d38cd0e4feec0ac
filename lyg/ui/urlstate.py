"""Widgets whose value lives in the URL, so a copied link reproduces the view."""
from __future__ import annotations

import streamlit as st


def _remember(key: str, value: str | None) -> None:
    if value in (None, ""):
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value


def select(label: str, options: list, key: str, default=None, container=st, format_func=str):
    raw = st.query_params.get(key)
    by_text = {str(o): o for o in options}
    initial = by_text.get(raw, default if default in options else options[0])
    value = container.selectbox(label, options, index=options.index(initial), key=f"url-{key}", format_func=format_func)
    _remember(key, str(value))
    return value


def multiselect(label: str, options: list, key: str, container=st, format_func=str, placeholder: str = "") -> list:
    raw = st.query_params.get_all(key)
    initial = [o for o in options if str(o) in raw] if raw else []
    value = container.multiselect(label, options, default=initial, key=f"url-{key}", format_func=format_func,
                                  placeholder=placeholder or None)
    if value:
        st.query_params[key] = [str(v) for v in value]
    else:
        st.query_params.pop(key, None)
    return value


def text(label: str, key: str, container=st, placeholder: str = "") -> str:
    value = container.text_input(label, value=st.query_params.get(key, ""), key=f"url-{key}", placeholder=placeholder)
    _remember(key, value.strip())
    return value.strip()


def toggle(label: str, key: str, default: bool, container=st, help: str | None = None) -> bool:
    """An on/off switch kept in the URL as 1 or 0, and only while it differs from its default (a clean link)."""
    raw = st.query_params.get(key)
    initial = {"1": True, "0": False}.get(raw, default)
    value = container.toggle(label, value=initial, key=f"url-{key}", help=help)
    _remember(key, None if value == default else str(int(value)))
    return value
