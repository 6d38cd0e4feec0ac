"""Turn raw source rows into typed frames and report every breach of a table's contract.

Every problem names the file, the row (as a person counts it in that file), the column, the value
and the rule (a Message, Chinese by default, English on request), so a department can fix its file
without an engineer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lyg.contracts import Col, Table
from lyg.i18n import Message, render, t

ROW = "_row"  # the row number as the user sees it in the source file
TRUE_WORDS = {"true", "1", "是", "yes", "y", "t"}
FALSE_WORDS = {"false", "0", "否", "no", "n", "f"}
_CN_DATE = re.compile(r"^\s*(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?\s*$")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    rule: str | Message

    def __str__(self) -> str:
        return self.render("zh")

    def render(self, lang: str = "zh") -> str:
        """File, row, column, value and rule as one sentence in lang."""
        where = self.file
        if self.row is not None:
            where += t("val.at_row", lang, row=self.row)
        if self.column:
            where += t("val.at_column", lang, column=self.column)
        value = "" if self.value is None else t("val.value", lang, value=_short(self.value))
        return t("val.problem", lang, where=where, value=value, rule=render(self.rule, lang))

    def as_row(self, lang: str = "zh") -> dict:
        return {"file": self.file, "row": self.row, "column": self.column, "value": self.value, "rule": render(self.rule, lang)}


@dataclass(frozen=True)
class Normalised:
    """A value read as something else and accepted with a warning: 电子表格（xlsx） -> 电子表格 + xlsx, 每天 -> 每日."""
    file: str
    row: int
    column: str
    original: str
    value: str

    def __str__(self) -> str:
        return self.render("zh")

    def render(self, lang: str = "zh") -> str:
        return t("val.normalised", lang, file=self.file, row=self.row, column=self.column, original=self.original, value=self.value)

    def as_row(self, lang: str = "zh") -> dict:
        return {"file": self.file, "row": self.row, "column": self.column, "original": self.original, "normalised": self.value}


class ContractError(ValueError):
    """Raised with every problem found; nothing is written when it is raised."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        head = "\n".join(str(p) for p in problems[:50])
        more = f"\n……另有 {len(problems) - 50} 处问题" if len(problems) > 50 else ""
        super().__init__(f"数据校验未通过，共 {len(problems)} 处问题：\n{head}{more}")


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def parse_dates(values: pd.Series) -> pd.Series:
    """Dates as 2019-08-20, 2019/8/20, 2019.8.20 or 2019年8月20日; NaT where unreadable."""
    def one(text: object):
        if text is None or (isinstance(text, float) and np.isnan(text)) or text == "":
            return pd.NaT
        m = _CN_DATE.match(str(text))
        if not m:
            return pd.NaT
        try:
            return pd.Timestamp(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return pd.NaT
    uniques = pd.unique(values)
    lookup = {u: one(u) for u in uniques}
    return pd.to_datetime(values.map(lookup))


_CN_TIME = re.compile(r"^\s*(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?[\sT]+(\d{1,2})[:：时](\d{1,2})分?(?:[:：](\d{1,2})秒?)?\s*$")


def parse_timestamps(values: pd.Series) -> pd.Series:
    """Times as 2019-08-20 22:30, 2019/8/20 22:30 or 2019年8月20日 22时30分; NaT where unreadable."""
    iso = pd.to_datetime(values, errors="coerce", format="ISO8601")
    rest = iso.isna() & values.notna()
    if rest.any():
        def one(text):
            m = _CN_TIME.match(str(text))
            if not m:
                return pd.NaT
            try:
                return pd.Timestamp(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
            except ValueError:
                return pd.NaT
        iso = iso.astype("datetime64[ns]")
        iso[rest] = pd.to_datetime(values[rest].map(one))
    return iso


def _blank(series: pd.Series) -> pd.Series:
    if isinstance(series.dtype, pd.CategoricalDtype):
        empty = [c for c in series.cat.categories if str(c).strip() == ""]
        return series.isna() | (series.isin(empty) if empty else False)
    if series.dtype == object or pd.api.types.is_string_dtype(series):
        return series.isna() | (series.astype("string").str.strip() == "")
    return series.isna()


def _coerce(col: Col, raw: pd.Series) -> pd.Series:
    """Typed values; entries that cannot be read become null (reported by the caller)."""
    if col.type == "VARCHAR":
        if isinstance(raw.dtype, pd.CategoricalDtype):
            cats = raw.cat.categories.astype("string").str.strip()
            if cats.is_unique and not (cats == "").any():
                return raw.cat.rename_categories(cats)  # large Parquet sources: work on the categories only
        return raw.astype("string").str.strip().replace("", pd.NA)
    if col.type in ("BIGINT", "INTEGER"):
        if pd.api.types.is_integer_dtype(raw):
            return raw  # already whole numbers, never null: no copy
        num = pd.to_numeric(raw, errors="coerce")
        num = num.where(num.isna() | (num == np.floor(num)))
        return num.astype("Int64")
    if col.type == "DOUBLE":
        if pd.api.types.is_float_dtype(raw) or pd.api.types.is_integer_dtype(raw):
            return raw
        return pd.to_numeric(raw, errors="coerce").astype("float64")
    if col.type == "BOOLEAN":
        if pd.api.types.is_bool_dtype(raw):
            return raw.astype("boolean")
        low = raw.astype("string").str.strip().str.lower()
        out = pd.Series(pd.NA, index=raw.index, dtype="boolean")
        out[low.isin(TRUE_WORDS).fillna(False)] = True
        out[low.isin(FALSE_WORDS).fillna(False)] = False
        return out
    if col.type == "DATE":
        if pd.api.types.is_datetime64_any_dtype(raw):
            return raw.dt.normalize()
        return parse_dates(raw)
    if col.type == "TIMESTAMP":
        if pd.api.types.is_datetime64_any_dtype(raw):
            return raw
        return parse_timestamps(raw)
    raise ValueError(f"unknown column type {col.type}")




def coerce_frame(table: Table, raw: pd.DataFrame, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed frame with the contract's columns in order, plus the problems found on the way."""
    missing = [c.name for c in table.columns if c.name not in raw.columns and c.type != "GEOMETRY"]
    if missing:
        return raw, [Problem(file, None, name, None, Message("val.missing_column")) for name in missing]
    problems: list[Problem] = []
    columns = {ROW: raw[ROW]}
    for col in table.columns:
        if col.type == "GEOMETRY":
            columns[col.name] = raw[col.name]
            continue
        typed = _coerce(col, raw[col.name])
        if typed is not raw[col.name]:  # unchanged columns cannot have unreadable values
            bad = typed.isna() & ~_blank(raw[col.name])
            problems += problems_at(file, raw, col.name, raw[col.name], bad, Message("val.not_a", kind=Message(f"val.type.{col.type}")))
        columns[col.name] = typed
    # one frame built at once, sharing the unchanged columns' memory with the source
    return pd.DataFrame(columns, copy=False), problems


def problems_at(file: str, frame: pd.DataFrame, column: str, values: pd.Series, mask, rule: Message,
          limit: int = 200) -> list[Problem]:
    """Problems for the first `limit` rows where mask is true (values are only read at those rows)."""
    if isinstance(mask, bool):
        return []
    idx = np.flatnonzero(np.asarray(mask.fillna(False), dtype=bool))[:limit]
    if not len(idx):
        return []
    rows = frame[ROW].to_numpy()[idx]
    vals = values.iloc[idx].astype(object).to_numpy()
    return [Problem(file, int(r), column, None if pd.isna(v) else str(v), rule) for r, v in zip(rows, vals)]


def check_frame(table: Table, df: pd.DataFrame, file: str) -> list[Problem]:
    """Required values, accepted sets, ranges and the primary key."""
    problems: list[Problem] = []
    for col in table.columns:
        if col.type == "GEOMETRY":
            continue
        series = df[col.name]
        if col.required:
            problems += problems_at(file, df, col.name, series, series.isna(), Message("val.required"))
        if col.accepted:
            bad = series.notna() & ~series.isin(col.accepted)
            problems += problems_at(file, df, col.name, series, bad, Message("val.not_accepted", allowed=tuple(str(a) for a in col.accepted)))
        if col.type in NUMERIC:
            values = pd.to_numeric(series, errors="coerce")
            problems += problems_at(file, df, col.name, series, values.notna() & ~np.isfinite(values.astype("float64")), Message("val.not_finite"))
        if col.type in ("DATE", "TIMESTAMP"):
            problems += _date_window(col, df, series, file)
        if col.min is not None:
            problems += problems_at(file, df, col.name, series, series < col.min, Message("val.below", limit=f"{col.min:g}", unit=col.unit))
        if col.max is not None:
            problems += problems_at(file, df, col.name, series, series > col.max, Message("val.above", limit=f"{col.max:g}", unit=col.unit))
        if col.check is not None:
            problems += _own_rule(col, df, series, file)
    for rule in table.rules:
        judged = df[list(rule.columns)].notna().all(axis=1)  # a rule says nothing of a row missing one of its values
        broken = judged & ~rule.holds(df).astype("boolean").fillna(True)
        (a, b), (la, lb) = rule.columns, (table.col(c).label for c in rule.columns)
        pair = df[list(rule.columns)].astype("string").fillna("").agg(" / ".join, axis=1) if broken.any() else None
        if pair is not None:
            problems += problems_at(file, df, "、".join(rule.columns), pair, broken, Message(rule.message, a=a, b=b, la=la, lb=lb))
    dup = df.duplicated(subset=list(table.key), keep="first")
    key_values = df[list(table.key)].astype("string").agg("/".join, axis=1) if dup.any() else None
    if key_values is not None:
        problems += problems_at(file, df, "、".join(table.key), key_values, dup, Message("val.duplicate_key"))
    return problems


def _own_rule(col: Col, df: pd.DataFrame, series: pd.Series, file: str) -> list[Problem]:
    """A value's own rule (a check digit), judged once per distinct value."""
    verdicts = {value: col.check(str(value)) for value in pd.unique(series.dropna())}
    problems = []
    for rule in dict.fromkeys(m for m in verdicts.values() if m):
        failing = [value for value, m in verdicts.items() if m == rule]
        problems += problems_at(file, df, col.name, series, series.isin(failing), rule)
    return problems


NUMERIC = ("DOUBLE", "BIGINT", "INTEGER")
EARLIEST = pd.Timestamp("1949-10-01")
FUTURE_YEARS = 10  # plans and notices may look ahead; nothing in these sources looks further


def date_window(col: Col, today: pd.Timestamp | None = None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates a column may hold: from 1949-10-01; up to the end of today for what has happened (col.past),
    else up to ten years ahead."""
    today = (today or pd.Timestamp.now()).normalize()
    return EARLIEST, today + pd.Timedelta(days=1) if col.past else today + pd.DateOffset(years=FUTURE_YEARS)


def _date_window(col: Col, df: pd.DataFrame, series: pd.Series, file: str) -> list[Problem]:
    if not pd.api.types.is_datetime64_any_dtype(series):
        return []
    first, last = date_window(col)
    early, late = series < first, series >= last
    return (problems_at(file, df, col.name, series, early, Message("val.too_early", limit=f"{first:%Y-%m-%d}"))
            + problems_at(file, df, col.name, series, late, Message("val.future" if col.past else "val.too_late", limit=f"{last:%Y-%m-%d}")))


def check_references(table: Table, df: pd.DataFrame, file: str, loaded: dict[str, pd.DataFrame]) -> list[Problem]:
    """Foreign keys: every referenced code must exist in its table."""
    problems: list[Problem] = []
    for column, (ref_table, ref_col) in table.references.items():
        if ref_table not in loaded:
            continue
        known = loaded[ref_table][ref_col]
        series = df[column]
        bad = series.notna() & ~series.isin(known)
        problems += problems_at(file, df, column, series, bad, Message("val.unknown_reference", ref=f"{ref_table}.{ref_col}"))
    return problems
