"""Roles, the pages each may open, and who may read the detail of restricted catalog entries."""
from __future__ import annotations

import pandas as pd

DASHBOARDS = ("overview", "fireworks", "bonded", "catalog", "digital", "legislation", "sources")
ROLE_PAGES: dict[str, frozenset[str]] = {
    "leader": frozenset(DASHBOARDS + ("wall",)),
    "analyst": frozenset(DASHBOARDS + ("wall", "sql")),
    "admin": frozenset(DASHBOARDS + ("wall", "sql", "import")),
    "wall": frozenset({"wall"}),
}
DETAIL_ROLES = frozenset({"analyst", "admin"})  # read 有条件共享 and 不予共享 entries in full
RESTRICTED_SHARE_TYPES = ("有条件共享", "不予共享")
DETAIL_COLUMNS = ("summary", "share_condition", "share_method", "share_method_detail", "open_condition", "related_codes",
                  "信息资源摘要", "共享条件", "共享方式", "开放条件", "关联资源代码")
HIDDEN = "（仅分析人员与管理员可见）"


TOOLS = frozenset({"sql", "import"})  # what changes data or runs arbitrary queries


def pages_for(role: str, demo: bool = False, demo_tools: bool = False) -> frozenset[str]:
    """The pages this role may open; an anonymous demo visitor gets no tools unless the deployment asks for them."""
    pages = ROLE_PAGES.get(role, frozenset())
    return pages - TOOLS if demo and not demo_tools else pages


def may_open(role: str, page: str, demo: bool = False, demo_tools: bool = False) -> bool:
    return page in pages_for(role, demo, demo_tools)


def sees_detail(role: str, share_type: str) -> bool:
    return share_type not in RESTRICTED_SHARE_TYPES or role in DETAIL_ROLES


def mask_restricted(frame: pd.DataFrame, role: str, share_column: str = "share_type") -> pd.DataFrame:
    """Blank the detail columns of entries this role may not read (names, providers and counts stay)."""
    if role in DETAIL_ROLES or share_column not in frame.columns:
        return frame
    out = frame.copy()
    hidden = out[share_column].isin(RESTRICTED_SHARE_TYPES)
    for col in DETAIL_COLUMNS:
        if col in out.columns:
            out[col] = out[col].astype(object)
            out.loc[hidden, col] = HIDDEN
    return out
