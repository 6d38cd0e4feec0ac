"""`python -m lyg ingest pg`: incidents polled from a PostgreSQL-protocol table (PostgreSQL, KingbaseES, openGauss,
Greenplum) from the last watermark, into the same ingest path as files and HTTP.

Rows are read with `watermark >= last` (not `>`): rows that share the last watermark value but arrived after the
previous poll are not lost, and those already taken come back as duplicates, which ingest counts and never adds twice.
The watermark is saved only after a batch is ingested, so a killed poller resumes without losing an acknowledged row.
A source that is down is retried with a growing wait (1 s doubling to 60 s); the state file beside the deltas records
the last success, the lag and the last error for the 数据源状态 panel.
"""
from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import psycopg
from psycopg import sql

from lyg import live
from lyg.deltas import live_dir

log = logging.getLogger("lyg")
BATCH = 5_000
MAX_WAIT = 60.0


@dataclass(frozen=True)
class Source:
    dsn: str
    table: str  # may be schema.table
    watermark: str

    @property
    def name(self) -> str:
        return f"pg-{self.table}".replace("/", "_")


def state_path(db_path: Path, source: Source) -> Path:
    return live_dir(db_path) / f"{source.name}.json"


def load_state(db_path: Path, source: Source) -> dict:
    path = state_path(db_path, source)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _save_state(db_path: Path, source: Source, state: dict) -> None:
    path = state_path(db_path, source)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(tmp, path)


def _plain(value):
    """A value from PostgreSQL as ingest reads it (text, numbers; times as ISO text)."""
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _query(source: Source, first: bool) -> sql.Composed:
    """SELECT * FROM table [WHERE watermark >= %s] ORDER BY watermark LIMIT %s, identifiers quoted by psycopg."""
    table = sql.SQL(".").join(sql.Identifier(part) for part in source.table.split("."))
    mark = sql.Identifier(source.watermark)
    where = sql.SQL("") if first else sql.SQL("WHERE {} >= %s ").format(mark)
    return sql.SQL("SELECT * FROM {} {}ORDER BY {} LIMIT %s").format(table, where, mark)


def poll_once(db, source: Source, connection=None) -> tuple[live.IngestReport, bool]:
    """Read the rows from the last watermark and ingest them; save the new watermark only after ingest. Returns the
    report and whether a full batch moved the watermark on (then there may be more to read at once)."""
    state = load_state(db.path, source)
    last = state.get("watermark")
    own = connection is None
    conn = connection or psycopg.connect(source.dsn, connect_timeout=10)
    try:
        with conn.cursor() as cur:
            cur.execute(_query(source, first=last is None), [BATCH] if last is None else [last, BATCH])
            columns = [d.name for d in cur.description]
            rows = [dict(zip(columns, (_plain(v) for v in row))) for row in cur.fetchall()]
    finally:
        if own:
            conn.close()
    report = live.ingest(db, rows, f"{source.table}（PostgreSQL）")
    now = datetime.now().isoformat(timespec="seconds")
    newest = max((r[source.watermark] for r in rows), default=last)
    _save_state(db.path, source, {"watermark": newest, "last_success": now, "rows_read": len(rows), "accepted": report.accepted,
                                  "duplicates": report.duplicates, "rejected": len(report.rejected), "error": None,
                                  "lag_seconds": _lag(newest)})
    return report, len(rows) == BATCH and newest != last


def _lag(newest) -> float | None:
    try:
        return round((datetime.now() - datetime.fromisoformat(str(newest))).total_seconds(), 1)
    except ValueError:
        return None


def run(db, source: Source, interval: float = 5.0, stop: threading.Event | None = None, once: bool = False) -> None:
    """Poll until stopped; a failing source is retried with a doubling wait, and the error kept in the state file."""
    stop = stop or threading.Event()
    wait = interval
    while not stop.is_set():
        try:
            report, more = poll_once(db, source)
            wait = interval
            log.info("pg %s: %s", source.table, report.as_json() | {"rejected": len(report.rejected)})
            if once:
                return
            if more:
                continue  # a full batch: read on at once
        except psycopg.Error as exc:
            state = load_state(db.path, source)
            _save_state(db.path, source, {**state, "error": str(exc).splitlines()[0], "failed_at": datetime.now().isoformat(timespec="seconds")})
            log.warning("pg %s unavailable, retrying in %.0f s: %s", source.table, wait, exc)
            if once:
                raise
            stop.wait(wait)
            wait = min(wait * 2 if wait >= 1 else 1.0, MAX_WAIT)
            continue
        stop.wait(interval)

