"""The analysts' read-only SQL console (Datasette-style safety): one SELECT, a row cap, a time limit.

Its own connection: read-only, external access off (no file reads, COPY, ATTACH, INSTALL), configuration
locked (no SET), a fresh cursor per query so nothing one query creates can shadow a real table.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from lyg.contracts import TABLES


class QueryRefused(ValueError):
    """The statement is not allowed, or failed; the message is for the analyst, in Chinese."""


@dataclass(frozen=True)
class QueryResult:
    frame: pd.DataFrame
    truncated: bool
    seconds: float


def open_console(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection with external access off and configuration locked.

    DuckDB shares one database instance per file within a process, so these settings also hold for the
    app's own read-only connections, which never need files or network at run time. Once locked they
    stay locked: the next console connection finds them so and checks instead of setting.
    """
    con = duckdb.connect(str(db_path), read_only=True)
    if not con.execute("SELECT current_setting('lock_configuration')").fetchone()[0]:
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    if con.execute("SELECT current_setting('enable_external_access')").fetchone()[0]:
        con.close()
        raise QueryRefused("数据库配置已被锁定且允许外部访问，拒绝开启查询控制台")
    return con


def check_statement(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The single SELECT (or WITH … SELECT) statement in `sql`; refuses anything else."""
    text = sql.strip().rstrip(";").strip()
    if not text:
        raise QueryRefused("请输入一条 SELECT 查询")
    try:
        statements = con.extract_statements(text)
    except duckdb.Error as exc:
        raise QueryRefused(f"SQL 语法错误：{str(exc).splitlines()[0]}") from exc
    if len(statements) != 1:
        raise QueryRefused(f"一次只能执行一条语句（收到 {len(statements)} 条）")
    if statements[0].type != duckdb.StatementType.SELECT:
        raise QueryRefused(f"只允许只读查询（SELECT / WITH），不允许 {statements[0].type.name}")
    return text


def run_query(con: duckdb.DuckDBPyConnection, sql: str, row_cap: int = 5000, timeout_s: float = 5.0) -> QueryResult:
    text = check_statement(con, sql)
    cursor = con.cursor()
    timer = threading.Timer(timeout_s, cursor.interrupt)
    started = time.perf_counter()
    timer.start()
    try:
        relation = cursor.execute(text)
        columns = [d[0] for d in relation.description]
        rows = relation.fetchmany(row_cap + 1)
    except duckdb.InterruptException as exc:
        raise QueryRefused(f"查询超过 {timeout_s:g} 秒，已中止") from exc
    except duckdb.Error as exc:
        message = str(exc).splitlines()[0]
        if "external access" in message.lower() or "disabled" in message.lower():
            message = "不允许访问数据库以外的文件或网络"
        raise QueryRefused(f"查询失败：{message}") from exc
    finally:
        timer.cancel()
        cursor.close()
    frame = pd.DataFrame(rows[:row_cap], columns=columns)
    return QueryResult(frame, len(rows) > row_cap, time.perf_counter() - started)


def schema() -> pd.DataFrame:
    """Tables and columns with types, units and descriptions, from the data contracts."""
    rows = [(t.name, t.label, c.name, "BLOB (WKB)" if c.type == "GEOMETRY" else c.type, c.unit, c.label, c in t.derived)
            for t in TABLES for c in t.columns + t.derived]
    return pd.DataFrame(rows, columns=["table", "table_label", "column", "type", "unit", "description", "derived"])
