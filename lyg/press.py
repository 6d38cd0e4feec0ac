"""The press conference of 2018-12-29, statement by statement (table press_statements): what each page shows of it,
and the map from every statement to where the dashboard shows it (data/README.md)."""
from __future__ import annotations

import pandas as pd

from lyg.db import Database
from lyg.i18n import ZH, Translator


def statements(db: Database, page: str, section: str) -> pd.DataFrame:
    return db.query("press.statements", page=page, section=section)


def where_shown(row, tr: Translator = ZH) -> str:
    """'页面 · 栏目' for a shown statement, the reason for one that is not."""
    if not isinstance(row.shown_on, str) or not row.shown_on:
        return f"不展示：{row.not_shown}"
    return f"{tr(f'page.{row.shown_on}')} · {tr(f'press.{row.shown_on}.{row.section}')}"


def mapping_markdown(frame: pd.DataFrame, tr: Translator = ZH) -> str:
    """The table of data/README.md: every statement, where the dashboard shows it (or why not), and its data file."""
    lines = ["\n## The press conference, statement by statement\n",
             "\nEvery statement of the 2018-12-29 press conference that the dashboard uses, quoted verbatim from "
             "`docs/seed/press-conference-2018-12-29.txt`, with where it is shown or why it is not "
             "(`press_statements.csv`; `tests/test_press.py` checks each quote, page, section and data value).\n",
             "\n| 编号 | 政策 | 主题 | 原文 | 展示位置 | 数据 |\n|---|---|---|---|---|---|\n"]
    for row in frame.itertuples():
        data = f"`{row.data_file}`" + (f" {row.data_value}" if isinstance(row.data_value, str) and row.data_value else "") \
            if isinstance(row.data_file, str) and row.data_file else ""
        quote = str(row.statement).replace("|", "\\|")
        lines.append(f"| {row.statement_id} | {row.policy} | {row.topic} | {quote} | {where_shown(row, tr)} | {data} |\n")
    return "".join(lines)
