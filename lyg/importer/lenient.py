"""The ways departments write numbers, dates, coordinates and units that are not the contract's, read into the
contract's form with a warning each (validate.Normalised), never silently; what cannot be read is left for the common
validation to refuse with its message.

- a unit in the header: 罚款（元）, 累计支出(万元); 元 and 万元 are converted into each other;
- full-width digits and thousands separators: １２３、1,234.5、１，２３４;
- dates written 20190820;
- coordinates in degrees, minutes and seconds: 119°10'30", 34度36分15秒.
"""
from __future__ import annotations

import re

import pandas as pd

from lyg.contracts import Col, Table
from lyg.validate import ROW, Normalised

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋，", "0123456789.-+,")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DMS = re.compile(r"^\s*(\d{1,3})\s*[°度]\s*(?:(\d{1,2}(?:\.\d+)?)\s*['′’分]\s*)?(?:(\d{1,2}(?:\.\d+)?)\s*(?:\"|″|”|''|秒)\s*)?([NSEW东西南北]?)\s*$")
_HEADER_UNIT = re.compile(r"^(?P<name>.+?)\s*[（(]\s*(?P<unit>[^）)]+?)\s*[）)]\s*$")
UNIT_FACTORS = {("元", "万元"): 1e-4, ("万元", "元"): 1e4, ("万美元", "美元"): 1e4, ("美元", "万美元"): 1e-4}


def header_unit(header: str) -> tuple[str, str]:
    """'罚款（元）' -> ('罚款', '元'); a header without a unit in brackets -> (header, '')."""
    m = _HEADER_UNIT.match(str(header))
    return (m["name"], m["unit"]) if m else (str(header), "")


def number_text(text: str) -> str | None:
    """The number a department wrote, in plain digits; None when it needs no change or is not a number."""
    plain = text.strip().translate(_FULL_WIDTH)
    if _THOUSANDS.match(plain):
        plain = plain.replace(",", "")
    return plain if plain != text.strip() and _is_number(plain) else None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def date_text(text: str) -> str | None:
    m = _COMPACT_DATE.match(text.strip().translate(_FULL_WIDTH))
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def degrees_text(text: str) -> str | None:
    """119°10'30\" or 34度36分15秒 as decimal degrees (5 places, about 1 m); None when not written so."""
    m = _DMS.match(text.translate(_FULL_WIDTH))
    if not m or (m[2] is None and m[3] is None and "°" not in text and "度" not in text):
        return None
    minutes, seconds = float(m[2] or 0), float(m[3] or 0)
    if minutes >= 60 or seconds >= 60:
        return None  # not a position: left as written, refused as not a number
    value = int(m[1]) + minutes / 60 + seconds / 3600
    return f"{-value if m[4] in ('S', 'W', '南', '西') else value:.5f}"


def _column_values(col: Col, series: pd.Series, file: str, rows: pd.Series, header: str) -> tuple[pd.Series, list[Normalised]]:
    readers = []
    if col.type in ("DOUBLE", "INTEGER", "BIGINT"):
        readers = [degrees_text, number_text] if col.name in ("lon", "lat") else [number_text]
    elif col.type == "DATE":
        readers = [date_text]
    if not readers:
        return series, []
    # each distinct text read once, as validate.parse_dates does: a file of 500 k rows repeats its values
    readings = {text: next((r for reader in readers if (r := reader(text)) is not None), None)
                for text in pd.unique(series.dropna()) if isinstance(text, str) and text.strip()}
    readings = {text: read for text, read in readings.items() if read is not None}
    if not readings:
        return series, []
    changed = series.isin(list(readings))
    out = series.where(~changed, series.map(readings))
    warnings = [Normalised(file, int(r), header, text, readings[text]) for r, text in zip(rows[changed], series[changed])]
    return out, warnings


def _convert_unit(col: Col, series: pd.Series, factor: float) -> pd.Series:
    numbers = pd.to_numeric(series, errors="coerce") * factor
    return series.where(numbers.isna(), numbers.map(lambda v: f"{v:.10g}"))


def read_leniently(table: Table, frame: pd.DataFrame, file: str, headers: dict[str, str],
                   units: dict[str, str]) -> tuple[pd.DataFrame, list[Normalised], list[tuple[Col, str, str]]]:
    """(frame in the contract's forms, warnings, columns whose header unit cannot be converted as (column, header, unit)).
    headers: contract column -> the file's header; units: contract column -> the unit its header gave."""
    frame, warnings, unconvertible = frame.copy(), [], []
    for col in table.columns:
        if col.name not in frame.columns or col.type == "GEOMETRY" or not pd.api.types.is_string_dtype(frame[col.name]):
            continue  # typed already (a GIS file's numbers): nothing was written as text
        header = headers.get(col.name, col.name)
        frame[col.name], found = _column_values(col, frame[col.name], file, frame[ROW], header)
        warnings += found
        unit = units.get(col.name, "")
        if unit and col.unit and unit != col.unit:
            factor = UNIT_FACTORS.get((unit, col.unit))
            if factor is None:
                unconvertible.append((col, header, unit))
                continue
            converted = _convert_unit(col, frame[col.name], factor)
            changed = converted != frame[col.name]
            warnings += [Normalised(file, int(r), header, f"{v}{unit}", f"{c}{col.unit}")
                         for r, v, c in zip(frame.loc[changed, ROW], frame.loc[changed, col.name], converted[changed])]
            frame[col.name] = converted
    return frame, warnings, unconvertible
