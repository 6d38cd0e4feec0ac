"""Where ingested incidents wait beside the database until the next build folds them in, and how a read cursor sees
them (lyg.live writes them; lyg.db reads through these views). Kept apart from lyg.live so the database class needs
nothing from the ingest path."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pandas as pd

from lyg import sqlfiles

LIVE_TABLES = ("fw_incidents", "fw_daily", "fw_cells_monthly")


def reads_live(sql: str) -> bool:
    """Whether a query reads a table that ingest adds to (its result then depends on the deltas)."""
    return any(table in sql for table in LIVE_TABLES)


def live_dir(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".live")


def delta_files(db_path: Path) -> list[Path]:
    """The complete delta files, oldest first (a file still being written has another suffix)."""
    folder = live_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == ".parquet")


def stamp(db_path: Path) -> tuple:
    """What the deltas are now: a new batch gives a new stamp (the cache's key)."""
    return tuple(p.name for p in delta_files(db_path))


FOLDED = "live_folded"  # in a database a compaction built: the last delta file it holds (lyg.compact)


def built_tables(cursor) -> set[str]:
    return {name for (name,) in cursor.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}


def folded_through(cursor, present: set[str] | None = None) -> str:
    """The name of the last delta file this database already holds ('' when none): later files only are read."""
    if FOLDED not in (built_tables(cursor) if present is None else present):
        return ""
    return cursor.execute(f"SELECT max(through) FROM {FOLDED}").fetchone()[0] or ""  # a fixed name, no value in the SQL


def attach_views(cursor, files: list[Path]) -> None:
    """Temporary views on this cursor that read the built tables plus the deltas it does not hold yet (no views
    without such deltas)."""
    if not files:
        return
    catalog = cursor.execute("SELECT current_database()").fetchone()[0]
    present = built_tables(cursor)
    through = folded_through(cursor, present)
    files = [p for p in files if p.name > through]  # names carry their write time: a compaction's files sort first
    if not files:
        return
    cursor.execute("SET VARIABLE live_files = ?", [[str(p) for p in files]])
    for table in (t for t in LIVE_TABLES if t in present):  # a database built by an older version may lack a rollup
        sql = sqlfiles.get(f"live.{table}").sql.replace("$base", f'"{catalog}".main."{table}"')  # an identifier, not a value
        cursor.execute(sql)


def source_status(db_path: Path) -> pd.DataFrame:
    """Each live source (a poller's state file) and the batches waiting beside the database: last success, lag, rows,
    last error. Empty when nothing was ingested."""
    folder = live_dir(db_path)
    rows = []
    for state_file in sorted(folder.glob("pg-*.json")) if folder.is_dir() else []:
        state = json.loads(state_file.read_text(encoding="utf-8"))
        rows.append({"feed": state_file.stem, "last_success": state.get("last_success"), "lag_seconds": state.get("lag_seconds"),
                     "rows": state.get("rows_read"), "error": state.get("error") or ""})
    files = delta_files(db_path)
    if files:
        newest = datetime.fromtimestamp(max(p.stat().st_mtime for p in files)).isoformat(timespec="seconds")
        rows.append({"feed": "deltas", "last_success": newest, "lag_seconds": None, "rows": len(files), "error": ""})
    return pd.DataFrame(rows, columns=["feed", "last_success", "lag_seconds", "rows", "error"])
