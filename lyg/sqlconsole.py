"""The analysts' read-only SQL console (Datasette-style safety): one SELECT, caps on rows, bytes, time, memory and
queries at once.

Its own connection: read-only, external access off (no file reads, COPY, ATTACH, INSTALL), configuration
locked (no SET), a fresh cursor per query so nothing one query creates can shadow a real table.
"""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from lyg.contracts import TABLES
from lyg.deltas import attach_views, delta_files, live_dir
from lyg.i18n import Message


class QueryRefused(ValueError):
    """The statement is not allowed, or failed; `message` is for the analyst, in their language (str() in Chinese)."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


@dataclass(frozen=True)
class QueryResult:
    frame: pd.DataFrame
    truncated: bool
    seconds: float
    truncated_by_bytes: bool = False


@dataclass(frozen=True)
class Limits:
    """What one analyst's query may use on a server that also serves leaders and the wall."""
    rows: int = 5000
    seconds: float = 5.0
    result_bytes: int = 20_000_000  # what is sent to the browser and offered for export
    memory: str = "2GB"  # the DuckDB instance's bound, shared with the app's read-only queries
    temp: str = "4GB"  # spilled to disk beyond memory
    concurrent: int = 2  # console queries running at once per server


# Server configuration an analyst has no business reading (paths, secrets, extensions).
HIDDEN_FUNCTIONS = ("duckdb_settings", "current_setting", "duckdb_secrets", "which_secret", "duckdb_extensions", "duckdb_databases",
                    "pragma_database_list", "duckdb_temporary_files", "getenv", "duckdb_memory", "pragma_")
_SIZE = re.compile(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")
_RUNNING: dict[int, threading.BoundedSemaphore] = {}
_RUNNING_LOCK = threading.Lock()


def _slots(n: int) -> threading.BoundedSemaphore:
    with _RUNNING_LOCK:
        return _RUNNING.setdefault(n, threading.BoundedSemaphore(n))


def open_console(db_path: Path, limits: Limits = Limits()) -> duckdb.DuckDBPyConnection:
    """A read-only connection with external access off, memory bounded and configuration locked.

    DuckDB shares one database instance per file within a process, so these settings also hold for the
    app's own read-only connections, which never need files or network at run time. Once locked they
    stay locked: the next console connection finds them so and checks instead of setting.
    """
    con = duckdb.connect(str(db_path), read_only=True)
    if not con.execute("SELECT current_setting('lock_configuration')").fetchone()[0]:
        for setting, size in (("memory_limit", limits.memory), ("max_temp_directory_size", limits.temp)):
            if not _SIZE.fullmatch(size):  # SET takes no bound parameters: only a plain size gets through
                raise ValueError(f"{setting} 应为如 2GB 的大小，而不是 {size!r}")
            con.execute(f"SET {setting} = '{size}'")
        # the ingested deltas stay readable (by the app's views and the console): that folder and nothing else
        con.execute("SET allowed_directories = ?", [[str(live_dir(db_path)) + "/"]])
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    if con.execute("SELECT current_setting('enable_external_access')").fetchone()[0]:
        con.close()
        raise QueryRefused(Message("sql.unsafe_config"))
    return con


def check_statement(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The single SELECT (or WITH … SELECT) statement in `sql`; refuses anything else."""
    text = sql.strip().rstrip(";").strip()
    if not text:
        raise QueryRefused(Message("sql.empty"))
    try:
        statements = con.extract_statements(text)
    except duckdb.Error as exc:
        raise QueryRefused(Message("sql.syntax", detail=str(exc).splitlines()[0])) from exc
    if len(statements) != 1:
        raise QueryRefused(Message("sql.one_statement", n=len(statements)))
    if statements[0].type != duckdb.StatementType.SELECT:
        raise QueryRefused(Message("sql.read_only", kind=statements[0].type.name))
    hidden = next((name for name in HIDDEN_FUNCTIONS if name in text.lower()), None)
    if hidden:
        raise QueryRefused(Message("sql.hidden", name=hidden.rstrip("_")))
    return text


def _fetch(relation, limits: Limits) -> tuple[list, bool, bool]:
    """Rows up to the row cap and the byte cap: (rows, more rows exist, stopped by bytes)."""
    rows, size = [], 0
    while len(rows) <= limits.rows:
        batch = relation.fetchmany(min(1000, limits.rows + 1 - len(rows)))
        if not batch:
            return rows, False, False
        for row in batch:
            size += sum(len(v) if isinstance(v, (str, bytes)) else 8 for v in row)
            if size > limits.result_bytes:
                return rows, True, True
            rows.append(row)
    return rows[:limits.rows], True, False


def run_query(con: duckdb.DuckDBPyConnection, sql: str, limits: Limits = Limits()) -> QueryResult:
    text = check_statement(con, sql)
    slots = _slots(limits.concurrent)
    if not slots.acquire(timeout=1.0):
        raise QueryRefused(Message("sql.busy", n=limits.concurrent))
    cursor = con.cursor()
    path = cursor.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    attach_views(cursor, delta_files(Path(path)))  # incidents ingested since the build, as the pages read them
    timer = threading.Timer(limits.seconds, cursor.interrupt)
    started = time.perf_counter()
    timer.start()
    try:
        relation = cursor.execute(text)
        columns = [d[0] for d in relation.description]
        rows, truncated, by_bytes = _fetch(relation, limits)
    except duckdb.InterruptException as exc:
        raise QueryRefused(Message("sql.timeout", s=f"{limits.seconds:g}")) from exc
    except duckdb.OutOfMemoryException as exc:
        raise QueryRefused(Message("sql.memory", limit=limits.memory)) from exc
    except duckdb.Error as exc:
        message = str(exc).splitlines()[0]
        if "external access" in message.lower() or "disabled" in message.lower():
            raise QueryRefused(Message("sql.no_outside")) from exc
        if "memory" in message.lower() or "temporary directory" in message.lower():
            raise QueryRefused(Message("sql.memory", limit=limits.memory)) from exc
        raise QueryRefused(Message("sql.failed", detail=message)) from exc
    finally:
        timer.cancel()
        cursor.close()
        slots.release()
    frame = pd.DataFrame(rows, columns=columns)
    return QueryResult(frame, truncated, time.perf_counter() - started, by_bytes)


def schema() -> pd.DataFrame:
    """Tables and columns with types, units and descriptions, from the data contracts."""
    rows = [(t.name, t.label, c.name, "BLOB (WKB)" if c.type == "GEOMETRY" else c.type, c.unit, c.label, c in t.derived)
            for t in TABLES for c in t.columns + t.derived]
    return pd.DataFrame(rows, columns=["table", "table_label", "column", "type", "unit", "description", "derived"])
