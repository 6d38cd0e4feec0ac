"""Page furniture: header with the as-of date, provenance notes, error boundary, table downloads."""
from __future__ import annotations

import logging
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from lyg.export import csv_bytes, xlsx_bytes
from lyg.ui.context import PageContext, as_of_text

log = logging.getLogger("lyg")


def header(ctx: PageContext, title_key: str, as_of=None, illustrative: bool = True) -> None:
    """Title, the data's as-of date, and the sample-data note where values are illustrative."""
    st.title(ctx.t(title_key))
    if as_of is not None:
        st.markdown(f"**{as_of_text(as_of, ctx.lang)}**")
    if illustrative:
        st.warning(ctx.t("app.sample_note"), icon=":material/science:")


@contextmanager
def guarded(ctx_or_lang):
    """Show a clear Chinese message instead of a traceback; log the details for the team."""
    try:
        yield
    except ValueError as exc:
        st.error(_t(ctx_or_lang, "app.error", message=str(exc)))
    except Exception as exc:  # noqa: BLE001 - the user must never see a traceback
        log.exception("page failed")
        st.error(_t(ctx_or_lang, "app.error", message=type(exc).__name__))


def _t(ctx_or_lang, key, **fmt):
    from lyg import i18n
    lang = ctx_or_lang.lang if isinstance(ctx_or_lang, PageContext) else ctx_or_lang
    return i18n.t(key, lang, **fmt)


def for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates without a time of day shown as dates (2019-08-20, not 2019-08-20 00:00:00)."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]) and (out[col].dropna().dt.normalize() == out[col].dropna()).all():
            out[col] = out[col].dt.date
    return out


def labelled(ctx: PageContext, frame: pd.DataFrame, columns: list[str], vocabulary: tuple[str, ...] = ()) -> pd.DataFrame:
    """The chosen columns in order, vocabulary columns in the UI language, headers from the col.<name> keys."""
    out = ctx.tr.frame(frame[list(columns)], *vocabulary)
    return out.rename(columns={c: ctx.t(f"col.{c}") for c in columns})


def table_with_downloads(ctx: PageContext, frame: pd.DataFrame, name: str, key: str, height: int | None = None,
                         column_config: dict | None = None) -> None:
    """A table plus CSV (UTF-8 with BOM) and .xlsx downloads of exactly what is shown."""
    frame = for_display(frame)
    st.dataframe(frame, hide_index=True, width="stretch", height=height or "auto", column_config=column_config)
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(ctx.t("app.download_csv"), csv_bytes(frame), f"{name}.csv", "text/csv", key=f"{key}-csv")
    right.download_button(ctx.t("app.download_xlsx"), xlsx_bytes(frame), f"{name}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}-xlsx")





_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|<>~$"


def plain(text: str) -> str:
    """Text from a file shown literally: markdown and HTML characters escaped."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))
