"""One rule for text a spreadsheet would run as a formula (OWASP CSV injection), used by every importer and export.

A cell is suspect when it starts with = + - @, a tab or a carriage return, or their full-width forms, unless it
is a plain number ("-12.5", "+86", "-3%"): "-1+1+cmd|' /C calc'!A0" is suspect, "-5" is not.
"""
from __future__ import annotations

import re

import pandas as pd

PREFIXES = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"[+\-＋－]?\d+(?:[.,]\d+)*%?")


def looks_like_formula(text) -> bool:
    if not isinstance(text, str) or not text.startswith(PREFIXES):
        return False
    return not _PLAIN_NUMBER.fullmatch(text.strip())


def formula_mask(values: pd.Series) -> pd.Series:
    """True where a text cell looks like a formula (vectorised over the distinct values)."""
    text = values.astype("string")
    starts = text.str.startswith(PREFIXES).fillna(False)
    if not starts.any():
        return starts.astype(bool)
    return starts & ~text.str.strip().str.fullmatch(_PLAIN_NUMBER.pattern).fillna(False)
