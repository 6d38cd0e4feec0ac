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


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so Excel shows the Chinese."""
    return neutralise(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "数据") -> bytes:
    buffer = io.BytesIO()
    plain = neutralise(frame)
    for col in plain.columns:
        if isinstance(plain[col].dtype, pd.DatetimeTZDtype):
            plain[col] = plain[col].dt.tz_localize(None)
        if plain[col].dtype == object:
            plain[col] = plain[col].map(lambda v: bytes(v).hex() if isinstance(v, (bytes, bytearray)) else v)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        plain.to_excel(writer, index=False, sheet_name=sheet)
    return buffer.getvalue()
