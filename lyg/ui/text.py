"""Values from data inside Markdown: shown as written, never interpreted."""
from __future__ import annotations

_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|<>~$:&"  # ':' stops Streamlit's :colour[...] and :material/...: directives


def plain(text) -> str:
    """Text from a file shown literally inside Markdown: no image, link, heading, colour or HTML can come of it."""
    flat = " ".join(str(text).splitlines())  # a line break in data must not start a Markdown block
    # GFM turns a bare URL, www. name or e-mail address into a link even when escaped; an invisible word joiner
    # inside each marker keeps it text
    flat = flat.replace("://", ":\u2060//").replace("www.", "www\u2060.").replace("@", "@\u2060")
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in flat)


def missing(value) -> bool:
    """None, NaN, NA or empty text: shown as — and never as "nan" or "None"."""
    return value is None or value != value or str(value).strip() in ("", "<NA>")


def with_detail(tr, value, detail) -> str:
    """A stored vocabulary value in the reader's language, with its detail in brackets (数据库（DM）), as Markdown-safe
    text; — when there is no value."""
    if missing(value):
        return "—"
    shown = tr.value(value)
    if missing(detail):
        return plain(shown)
    return plain(f"{shown}（{tr.value(detail)}）" if tr.lang == "zh" else f"{shown} ({tr.value(detail)})")
