"""Read an incoming table file as text cells: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) or .xlsx."""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd

from lyg.i18n import Message
from lyg.sources import decode_text

MAX_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an .xlsx or a zipped Shapefile, once decompressed


class ImportFileError(ValueError):
    """A file that cannot be read at all; the message names the file and the reason (str() in Chinese)."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def read_table_file(path: Path, sheet: str | None = None, known_headers: set[str] | None = None) -> pd.DataFrame:
    """All cells as stripped text, with `_row` (the line a person sees); raises ImportFileError.

    Departments' sheets often carry a title or notes above the header: with `known_headers`, the header
    is the first of the top ten rows in which most filled cells are known column names.
    """
    path = Path(path)
    if not path.exists():
        raise ImportFileError(Message("import_file.missing", file=path.name))
    check_size(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".txt"):
            rows = _csv_rows(path)
        elif suffix in (".xlsx", ".xlsm"):
            rows = _xlsx_rows(path, sheet)
        else:
            raise ImportFileError(Message("import_file.unsupported", file=path.name, suffix=suffix))
    except ImportFileError:
        raise
    except Exception as exc:  # a damaged file: say so, never a traceback
        raise ImportFileError(Message("import_file.unreadable", file=path.name, error=type(exc).__name__)) from exc
    header_at = _header_index(rows, known_headers, path) if known_headers else 0
    header = [str(c).strip().lstrip("\ufeff") for c in rows[header_at]] if rows else []
    repeated = next((h for i, h in enumerate(header) if h and h in header[:i]), None)
    if repeated:
        raise ImportFileError(Message("import_file.duplicate_header", file=path.name, column=repeated, row=header_at + 1))
    body = [r + [""] * (len(header) - len(r)) for r in rows[header_at + 1:]]
    numbered = [(header_at + 2 + i, r[: len(header)]) for i, r in enumerate(body) if any(str(c).strip() for c in r)]
    if not numbered:
        raise ImportFileError(Message("import_file.no_rows", file=path.name))
    frame = pd.DataFrame([r for _, r in numbered], columns=header, dtype="string").apply(lambda c: c.str.strip().fillna(""))
    frame["_row"] = [n for n, _ in numbered]
    return frame


def check_size(path: Path) -> None:
    """Before anything is parsed: not empty, not over the upload limit, and no archive that unpacks past its limit."""
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(Message("import_file.empty", file=path.name))
    if size > MAX_BYTES:
        raise ImportFileError(Message("import_file.too_big", file=path.name, size=f"{size / 1048576:.1f}", limit=MAX_BYTES // 1048576))
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
        except (zipfile.BadZipFile, OSError) as exc:
            raise ImportFileError(Message("import_file.unreadable", file=path.name, error=type(exc).__name__)) from exc
        if unpacked > MAX_UNPACKED_BYTES:
            raise ImportFileError(Message("import_file.too_big_unpacked", file=path.name, size=f"{unpacked / 1048576:.0f}",
                                          limit=MAX_UNPACKED_BYTES // 1048576))


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise ImportFileError(Message("import_file.binary", file=path.name))
    try:
        text = decode_text(raw, path.name)
    except ValueError as exc:
        raise ImportFileError(Message("import_file.encoding", file=path.name)) from exc
    return [row for row in csv.reader(io.StringIO(text))]


def _xlsx_rows(path: Path, sheet: str | None) -> list[list[str]]:
    frame = _read_xlsx(path, sheet)
    return [["" if pd.isna(v) else str(v) for v in row] for row in frame.itertuples(index=False)]


def _header_index(rows: list[list[str]], known: set[str], path: Path) -> int:
    for i, row in enumerate(rows[:10]):
        filled = [str(c).strip() for c in row if str(c).strip()]
        if filled and sum(c in known for c in filled) >= max(1, (len(filled) + 1) // 2):
            return i
    raise ImportFileError(Message("import_file.no_header", file=path.name))


def _read_xlsx(path: Path, sheet: str | None) -> pd.DataFrame:
    with pd.ExcelFile(path, engine="openpyxl") as book:
        name = sheet if sheet is not None else book.sheet_names[0]
        if name not in book.sheet_names:
            raise ImportFileError(Message("import_file.no_sheet", file=path.name, sheet=name, sheets=tuple(book.sheet_names)))
        return pd.read_excel(book, sheet_name=name, dtype=str, keep_default_na=False, header=None)
