"""Page furniture: header with the as-of date, provenance notes, error boundary, table downloads."""
from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from lyg import provenance
from lyg.export import EXCEL_MAX_ROWS, csv_bytes, xlsx_bytes
from lyg.ui import marks
from lyg.ui.context import PageContext, as_of_text
from lyg.ui.navigation import SOURCES_PAGE
from lyg.ui.text import plain

log = logging.getLogger("lyg")


def header(ctx: PageContext, title_key: str, as_of=None, domain: str = "") -> None:
    """Title, the data's as-of date, a link to where the page's data comes from, and what the 示例 mark means."""
    st.title(ctx.t(title_key))
    left, right = st.columns([4, 1])
    if as_of is not None:
        left.markdown(f"**{as_of_text(as_of, ctx.lang)}**")
    if domain:
        right.page_link(SOURCES_PAGE, label=ctx.t("app.sources_link"), icon=":material/fact_check:",
                        query_params={"for": domain, "lang": ctx.lang})
        if provenance.domain_illustrative(ctx.db, domain):
            st.warning(ctx.t("app.sample_note"), icon=":material/science:")


@contextmanager
def guarded(ctx_or_lang):
    """Show a clear Chinese message instead of a traceback; log the details for the team."""
    try:
        yield
    except ValueError as exc:
        st.error(_t(ctx_or_lang, "app.error", message=plain(exc)))
    except Exception as exc:
        log.exception("page failed")
        st.error(_t(ctx_or_lang, "app.error", message=type(exc).__name__))


def _t(ctx_or_lang, key, **fmt):
    from lyg import i18n
    lang = ctx_or_lang.lang if isinstance(ctx_or_lang, PageContext) else ctx_or_lang
    return i18n.t(key, lang, **fmt)


MISSING = "—"


def _numbers_with_gaps(series: pd.Series) -> pd.Series:
    whole = bool((series.dropna() % 1 == 0).all())
    def shown(v) -> str:
        if pd.isna(v):
            return MISSING
        return f"{int(v):,}" if whole else f"{v:,.2f}".rstrip("0").rstrip(".")
    return series.map(shown)


def for_display(frame: pd.DataFrame, keep: tuple = ()) -> pd.DataFrame:
    """Dates without a time of day shown as dates (2019-08-20, not 2019-08-20 00:00:00), and a missing value as —
    (the grid would print None; a number column with gaps becomes text, whole numbers without a trailing .0). Columns in
    keep have a column_config of their own (a progress bar) and stay numbers."""
    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_datetime64_any_dtype(series) and (series.dropna().dt.normalize() == series.dropna()).all():
            series = out[col] = series.dt.date
        if col in keep or not series.isna().any():
            continue
        if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            out[col] = _numbers_with_gaps(series)
        else:
            out[col] = series.astype(object).where(series.notna(), MISSING)
    return out


def labelled(ctx: PageContext, frame: pd.DataFrame, columns: list[str], vocabulary: tuple[str, ...] = ()) -> pd.DataFrame:
    """The chosen columns in order, vocabulary columns in the UI language, headers from the col.<name> keys."""
    out = ctx.tr.frame(frame[list(columns)], *vocabulary)
    return out.rename(columns={c: ctx.t(f"col.{c}") for c in columns})


def table_with_downloads(ctx: PageContext, frame: pd.DataFrame, name: str, key: str, height: int | None = None,
                         column_config: dict | None = None, tables: tuple[str, ...] = (), rows=None, as_of=None) -> None:
    """A table plus CSV (UTF-8 with BOM) and .xlsx downloads of exactly what is shown.

    tables: the tables its values come from; rows: each row's provenance where rows differ. Illustrative rows get
    a 数据性质 column, and both files carry notes on the as-of date, the sources and the sample-data warning.
    """
    frame = for_display(marks.with_provenance_column(ctx, frame, rows, tables), keep=tuple(column_config or ()))
    st.dataframe(frame, hide_index=True, width="stretch", height=height or "auto", column_config=column_config, key=f"{key}-table")
    downloads(ctx, frame, name, key, tables, sample=ctx.t("mark.column") in frame.columns, as_of=as_of)


def downloads(ctx: PageContext, frame: pd.DataFrame | Callable[[], pd.DataFrame], name: str, key: str, tables: tuple[str, ...] = (),
              sample: bool = False, as_of=None, rows: int | None = None) -> None:
    """CSV and .xlsx of a frame (or of what a callable returns), each with the notes about its data.

    Nothing is written until the reader clicks: Streamlit runs the callables then, on their own thread, so a page
    run never pays for an export nobody asked for. Past Excel's row limit only CSV is offered, and the page says why.
    """
    make = frame if callable(frame) else (lambda: frame)
    rows = rows if rows is not None else (None if callable(frame) else len(frame))

    def notes() -> list[tuple[str, str]]:  # at the click, so the export time is the real one
        return marks.export_notes(ctx, name, tables, sample, as_of)

    def as_csv() -> bytes:
        return csv_bytes(make(), notes())

    def as_xlsx() -> bytes:
        return xlsx_bytes(make(), notes=notes(), notes_sheet=ctx.t("export.note_sheet"),
                          notes_columns=(ctx.t("export.note_item"), ctx.t("export.note_text")))

    left, right, _ = st.columns([1, 1, 4])
    left.download_button(ctx.t("app.download_csv"), as_csv, f"{name}.csv", "text/csv", key=f"{key}-csv", on_click="ignore")
    if rows is not None and rows > EXCEL_MAX_ROWS:
        right.caption(ctx.t("app.too_large_for_excel", rows=f"{rows:,}", limit=f"{EXCEL_MAX_ROWS:,}"))
        return
    right.download_button(ctx.t("app.download_xlsx"), as_xlsx, f"{name}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}-xlsx", on_click="ignore")
