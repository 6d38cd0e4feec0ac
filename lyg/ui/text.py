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
