"""Exports that Excel opens correctly, with spreadsheet formulas neutralised (CSV injection)."""
from __future__ import annotations

import io

import pandas as pd
import xlsxwriter

from lyg.formula import formula_mask


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with an apostrophe."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            text = out[col].astype("string")
            risky = formula_mask(text)
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


EXCEL_MAX_ROWS = 1_048_576 - 1  # Excel's sheet limit, less the header row


class TooLargeForExcel(ValueError):
    """More rows than an Excel sheet holds: offer CSV instead."""


def _cell(value):
    """A value as xlsxwriter writes it: missing as blank, numpy scalars as Python, bytes as hex."""
    if value is None or (not isinstance(value, (str, bytes, bytearray)) and pd.isna(value)):
        return None
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    if isinstance(value, pd.Timestamp):
        return value.tz_localize(None).to_pydatetime() if value.tzinfo else value.to_pydatetime()
    return value.item() if hasattr(value, "item") else value


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "数据", notes: list[tuple[str, str]] = (), notes_sheet: str = "数据说明",
               notes_columns: tuple[str, str] = ("项目", "说明")) -> bytes:
    """The data sheet, and a notes sheet (about this data: as-of date, sources, the sample-data warning) when notes are given.

    Written row by row by xlsxwriter in constant-memory mode (large sheets stay fast and small), with text never
    read as a formula, URL or number. Raises TooLargeForExcel past Excel's row limit.
    """
    if len(frame) > EXCEL_MAX_ROWS:
        raise TooLargeForExcel(f"{len(frame):,} 行超出 Excel 单表上限 {EXCEL_MAX_ROWS:,} 行，请下载 CSV")
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False, "default_date_format": "yyyy-mm-dd"})
    _write_sheet(book, sheet, neutralise(frame))
    if notes:
        _write_sheet(book, notes_sheet, neutralise(pd.DataFrame(list(notes), columns=list(notes_columns))))
    book.close()
    return buffer.getvalue()


def _write_sheet(book, name: str, frame: pd.DataFrame) -> None:
    sheet = book.add_worksheet(name[:31])
    sheet.write_row(0, 0, [str(c) for c in frame.columns])
    for row, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        sheet.write_row(row, 0, [_cell(v) for v in values])
