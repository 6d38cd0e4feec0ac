"""Open a page the way a user does: app.py with its st.navigation, then the page (query params kept)."""
from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGE = "pages/overview.py"


def open_app_page(path: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if path != DEFAULT_PAGE:
        at.switch_page(path).run()
    return at


def plotly_figure(at: AppTest, index: int) -> dict:
    """The figure JSON a page sent to the browser."""
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def values(array) -> list:
    """A trace's array; plotly 7 sends numeric arrays as {"dtype", "bdata"} (base64)."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"])).tolist()
    return list(array)


def json_strings(node) -> list[str]:
    """Every string in a JSON tree (chart and map specs)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in json_strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in json_strings(v)]
    return []
