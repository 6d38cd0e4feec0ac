"""The brief's fonts, cut down to the characters it uses and inlined as @font-face.

Chromium writes a PDF's text layer from the font's character map. Noto CJK maps one glyph to both 大 and the Kangxi
radical ⼤, and Chromium picks the radical, so the PDF would copy and search as ⼤ instead of 大. A subset made
from the brief's own text maps each glyph to that text's character only; it is also small (tens of KB)."""
from __future__ import annotations

import base64
import io
import subprocess
from functools import cache, lru_cache

from fontTools import subset
from fontTools.ttLib import TTFont

FACES = {"LygSans": ("Noto Sans CJK SC:style=Bold", 700), "LygSerif": ("Noto Serif CJK SC:style=Regular", 400)}


@cache
def _font_file(pattern: str) -> tuple[str, int] | None:
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}|%{index}", pattern], capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, index = found.stdout.partition("|")
    return (path, int(index or 0)) if "CJK" in path else None


@lru_cache(maxsize=8)  # the same brief asked for again (another reader, the same day) is not cut again
def _subset(path: str, index: int, text: str) -> bytes:
    font = TTFont(path, fontNumber=index, lazy=True)
    options = subset.Options()
    options.layout_features = ["*"]
    cutter = subset.Subsetter(options)
    cutter.populate(text=text)
    cutter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_faces_css(text: str) -> str:
    """@font-face rules for LygSans (headings) and LygSerif (body) holding exactly the characters of `text`; empty
    when the Noto CJK fonts are not installed (Chromium then falls back to what the system has)."""
    rules = []
    for family, (pattern, weight) in FACES.items():
        found = _font_file(pattern)
        if found:
            data = base64.b64encode(_subset(*found, text + "0123456789")).decode()
            rules.append(f"@font-face {{ font-family: {family}; font-weight: {weight}; "
                         f"src: url(data:font/otf;base64,{data}) format('opentype'); }}")
    return "\n".join(rules)
