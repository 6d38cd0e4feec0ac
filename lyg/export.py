"""Exports that Excel opens correctly, with spreadsheet formulas neutralised (CSV injection)."""
from __future__ import annotations

import io

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with an apostrophe."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            text = out[col].astype("string")
            risky = text.str.startswith(_FORMULA_START).fillna(False)
            if risky.any():
                out[col] = out[col].astype(object)
                out.loc[risky, col] = "'" + text[risky]
    return out


NOTE_PREFIX = "# "  # note lines above a CSV's header; pandas reads past them with comment=None, skiprows=<lines>


def csv_bytes(frame: pd.DataFrame, notes: list[tuple[str, str]] = ()) -> bytes:
    """UTF-8 with BOM so Excel shows the Chinese; the notes (about this data) as lines above the header."""
    head = "".join(f"{NOTE_PREFIX}{label}: {text}\n" for label, text in notes)
    return (head + neutralise(frame).to_csv(index=False)).encode("utf-8-sig")


def note_lines(data: bytes) -> int:
    """How many note lines a CSV from csv_bytes starts with."""
    lines = data.decode("utf-8-sig").splitlines()
    return next((i for i, line in enumerate(lines) if not line.startswith(NOTE_PREFIX)), len(lines))


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "数据", notes: list[tuple[str, str]] = (), notes_sheet: str = "数据说明",
               notes_columns: tuple[str, str] = ("项目", "说明")) -> bytes:
    """The data sheet, and a notes sheet (about this data: as-of date, sources, the sample-data warning) when notes are given."""
    buffer = io.BytesIO()
    plain = neutralise(frame)
    for col in plain.columns:
        if isinstance(plain[col].dtype, pd.DatetimeTZDtype):
            plain[col] = plain[col].dt.tz_localize(None)
        if plain[col].dtype == object:
            plain[col] = plain[col].map(lambda v: bytes(v).hex() if isinstance(v, (bytes, bytearray)) else v)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        plain.to_excel(writer, index=False, sheet_name=sheet)
        if notes:
            neutralise(pd.DataFrame(list(notes), columns=list(notes_columns))).to_excel(writer, index=False, sheet_name=notes_sheet)
    return buffer.getvalue()
