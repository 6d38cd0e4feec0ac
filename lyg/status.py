"""One meaning per mark: every status in the product (headline, alert, bonded progress, wall tile) is shown with the
same shape, word and colour, so it reads without colour (shapes) and for colour-blind readers (the Okabe–Ito palette:
blue, orange and vermillion stay apart in every common colour-vision deficiency). Arrows only ever mean a direction
(▲ above, ▼ below), never a status."""
from __future__ import annotations

STATUS_MARK = {"on": "●", "risk": "◆", "off": "■", "info": "○"}
STATUS_HEX = {"on": "#0072B2", "risk": "#E69F00", "off": "#D55E00", "info": "#6B7280", "neutral": "#64748B"}
STATUS_NAMED = {"on": "blue", "risk": "orange", "off": "red", "info": "gray"}  # Streamlit's Markdown colour names


def direction(value: float) -> str:
    """▲ for a value at or above its reference, ▼ below: a direction, not a judgement."""
    return "▲" if value >= 0 else "▼"
