"""How departments write catalog cells, after 《政务信息资源目录编制指南（试行）》 (GB/T 21063), read into the contract's
values: a format as type and sub-format, a sharing way and its detail, a class path, update-cycle variants. Each reader returns the stored values, or raises ValueError with a Message.
"""
from __future__ import annotations

import re

from lyg import vocab
from lyg.i18n import Message

# 类型（子格式）, 类型(子格式), 类型/子格式, or the type alone
_TYPED = re.compile(r"^\s*(?P<kind>[^（(/／]+?)\s*(?:[（(]\s*(?P<inner>[^）)]*?)\s*[）)]|[/／]\s*(?P<after>.+?))?\s*$")
# the project's own first sharing words, read as the guide's platform way with a sub-way
_PLATFORM_SUBWAYS = {"接口共享": "接口", "文件下载": "文件下载", "数据库交换": "数据库交换", "在线查询": "在线查询"}
CYCLE_VARIANTS = {"每天": "每日", "日": "每日", "日更新": "每日", "周": "每周", "每星期": "每周", "月度": "每月", "月": "每月",
                  "季度": "每季度", "每季": "每季度", "半年": "每半年", "半年度": "每半年", "年度": "每年", "年": "每年",
                  "每一年": "每年", "按需": "不定期", "按需更新": "不定期", "不定时": "不定期", "实时更新": "实时"}


def _split(text: str) -> tuple[str, str]:
    m = _TYPED.match(text or "")
    if not m:
        return (text or "").strip(), ""
    return m["kind"].strip(), (m["inner"] or m["after"] or "").strip()


def read_format(text: str) -> tuple[str, str]:
    """'电子表格（xlsx）', '数据库/DM', '服务接口(REST)' or '电子表格' -> (type, sub-format)."""
    kind, sub = _split(text)
    if kind not in vocab.FORMATS:
        raise ValueError(Message("val.not_accepted", allowed=vocab.FORMATS))
    return kind, sub


def read_share_method(text: str) -> tuple[str, str]:
    """'共享平台方式（接口）', '共享平台方式', '邮件', '其他：光盘' -> (way, detail); the project's 接口共享 etc. are the
    platform way with that sub-way. 其他 needs its text."""
    text = (text or "").strip()
    if text in _PLATFORM_SUBWAYS:
        return "共享平台方式", _PLATFORM_SUBWAYS[text]
    way, detail = _split(text)
    if way.startswith("其他") and not detail:
        way, detail = "其他", way.removeprefix("其他").lstrip("：: ")
    if way not in vocab.SHARE_METHODS:
        raise ValueError(Message("val.not_accepted", allowed=vocab.SHARE_METHODS))
    if way == "其他" and not detail:
        raise ValueError(Message("catalog_import.other_needs_text"))
    return way, detail


def read_cycle(text: str) -> str:
    text = (text or "").strip()
    cycle = CYCLE_VARIANTS.get(text, text)
    if cycle not in vocab.UPDATE_CYCLES:
        raise ValueError(Message("val.not_accepted", allowed=vocab.UPDATE_CYCLES))
    return cycle


def read_class_path(text: str) -> list[str]:
    """'部门信息资源/市交通运输局' (类/项/目/细目, any depth; ／ > 、 also separate) -> its parts."""
    return [part.strip() for part in re.split(r"[/／>＞]", text or "") if part.strip()]
