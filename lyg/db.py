"""The one class that owns the DuckDB connection (datasette's Database pattern)."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import pandas as pd

from lyg import sqlfiles


class Database:
    """Read-only access to the built database: a fresh cursor per query, bound parameters, DataFrames out.

    A DuckDB connection is not thread-safe and Streamlit runs each session in its own thread, so the
    shared connection only hands out cursors (under a lock). When a rebuild renames a new file into
    place, the next query reopens it.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._stamp: tuple[int, float] | None = None

    def _file_stamp(self) -> tuple[int, float]:
        st = os.stat(self.path)
        return st.st_ino, st.st_mtime

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            stamp = self._file_stamp()
            if self._con is None or stamp != self._stamp:
                if self._con is not None:
                    self._con.close()
                self._con = duckdb.connect(str(self.path), read_only=True)
                self._stamp = stamp
            return self._con.cursor()

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run a named query from lyg/sql; every $parameter must be given."""
        named = sqlfiles.get(name)
        missing = [p for p in named.params if p not in params]
        if missing:
            raise TypeError(f"query {name} needs parameters: {', '.join(missing)}")
        return self.execute(named.sql, {p: params[p] for p in named.params})

    def execute(self, sql: str, params: dict | list | None = None) -> pd.DataFrame:
        cur = self.cursor()
        try:
            return cur.execute(sql, params or None).df()
        finally:
            cur.close()

    def scalar(self, name: str, **params):
        frame = self.query(name, **params)
        return None if frame.empty else frame.iat[0, 0]

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
