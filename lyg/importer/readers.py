"""Read an incoming table file as text cells: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) or .xlsx."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from lyg.sources import read_csv_text

MAX_BYTES = 50 * 1024 * 1024


class ImportFileError(ValueError):
    """A file that cannot be read at all (the message names the file and the reason)."""


def read_table_file(path: Path, sheet: str | None = None) -> pd.DataFrame:
    """All cells as stripped text; raises ImportFileError with a Chinese message."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(f"{path.name}：文件不存在")
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(f"{path.name}：文件为空")
    if size > MAX_BYTES:
        raise ImportFileError(f"{path.name}：文件大小 {size / 1048576:.1f} MB 超过上限 {MAX_BYTES // 1048576} MB")
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".txt"):
            frame = read_csv_text(path)
        elif suffix in (".xlsx", ".xlsm"):
            frame = _read_xlsx(path, sheet)
        else:
            raise ImportFileError(f"{path.name}：不支持的文件类型 {suffix}（支持 .csv、.xlsx）")
    except ImportFileError:
        raise
    except ValueError as exc:
        raise ImportFileError(f"{path.name}：{exc}") from exc
    except Exception as exc:  # a damaged file: say so, never a traceback
        raise ImportFileError(f"{path.name}：无法读取（{type(exc).__name__}），文件可能已损坏或不是所声明的格式") from exc
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    if frame.empty:
        raise ImportFileError(f"{path.name}：没有数据行")
    return frame.apply(lambda col: col.astype("string").str.strip().fillna(""))


def _read_xlsx(path: Path, sheet: str | None) -> pd.DataFrame:
    with pd.ExcelFile(path, engine="openpyxl") as book:
        name = sheet if sheet is not None else book.sheet_names[0]
        if name not in book.sheet_names:
            raise ImportFileError(f"{path.name}：没有名为“{name}”的工作表（现有：{'、'.join(book.sheet_names)}）")
        return pd.read_excel(book, sheet_name=name, dtype=str, keep_default_na=False)
