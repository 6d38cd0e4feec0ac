"""Provenance where a reader meets it: the 示例 mark on charts, tiles, alerts and tables built from illustrative
rows, a 数据性质 column where rows differ, and notes (as-of date, sources, the warning) in every export."""
from __future__ import annotations

from datetime import datetime

import pandas as pd
import plotly.graph_objects as go

from lyg import provenance
from lyg.contracts import BY_NAME
from lyg.ui.context import PageContext, as_of_text
from lyg.viz.charts import mark_illustrative, neutralise_markup

KIND_KEYS = {provenance.REAL: "mark.real", provenance.ILLUSTRATIVE: "mark.sample", provenance.DERIVED: "mark.derived"}


def is_sample(ctx: PageContext, *tables: str) -> bool:
    return provenance.illustrative(ctx.db, *tables)


def badge(ctx: PageContext) -> str:
    """The inline mark for Markdown text (a tile's title, an alert)."""
    return f":orange-badge[{ctx.t('mark.sample')}]"


def marked(ctx: PageContext, fig: go.Figure, *tables: str, sample: bool | None = None) -> go.Figure:
    """The figure with the sample-data mark when any of its tables (or the caller) says its values are illustrative."""
    if sample is None:
        sample = is_sample(ctx, *tables)
    neutralise_markup(fig)  # the last step before a page shows it: nothing from data is rendered as markup
    return mark_illustrative(fig, ctx.t("mark.sample_chart")) if sample else fig


def with_provenance_column(ctx: PageContext, frame: pd.DataFrame, rows=None, tables: tuple[str, ...] = ()) -> pd.DataFrame:
    """A 数据性质 column when any row is illustrative: per row from `rows` (provenance values), else from the tables."""
    if rows is not None:
        kinds = pd.Series(list(rows), index=frame.index).astype(str)
        if not provenance.any_illustrative(kinds):
            return frame
    elif tables and is_sample(ctx, *tables):
        kinds = pd.Series(provenance.ILLUSTRATIVE, index=frame.index)
    else:
        return frame
    out = frame.copy()  # first column, so a wide table never scrolls the mark out of view
    out.insert(0, ctx.t("mark.column"), kinds.map(lambda k: ctx.t(KIND_KEYS.get(k, "mark.sample"))))
    return out


def export_notes(ctx: PageContext, name: str, tables: tuple[str, ...], sample: bool, as_of=None) -> list[tuple[str, str]]:
    """About this data, for the top of a CSV and the 数据说明 sheet of an .xlsx."""
    files = provenance.sources_of(ctx.db, tables)
    built = provenance.built_at(ctx.db)
    notes = [(ctx.t("export.what"), name)]
    if as_of is not None:
        notes.append((ctx.t("export.as_of"), as_of_text(as_of, ctx.lang)))
    if files:
        notes.append((ctx.t("export.sources"), "; ".join(f"{ctx.tr.value(BY_NAME[t].label)} ({f})" for t, f in files)))
    notes.append((ctx.t("export.provenance"), ctx.t("export.sample_warning") if sample else ctx.t("export.all_real")))
    if built:
        notes.append((ctx.t("export.built"), f"{built:%Y-%m-%d %H:%M}"))
    notes.append((ctx.t("export.exported"), f"{datetime.now():%Y-%m-%d %H:%M}"))
    return notes
