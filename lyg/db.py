"""The one class that owns the DuckDB connection (datasette's Database pattern)."""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path

import duckdb
import pandas as pd

from lyg import deltas, sqlfiles


def _hashable(value):
    """Bound parameters as a cache key (lists become tuples, dates and numbers stay as they are)."""
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple, set)):
        return tuple(_hashable(v) for v in value)
    return value


class Database:
    """Read-only access to the built database: a fresh cursor per query, bound parameters, DataFrames out.

    A DuckDB connection is not thread-safe and Streamlit runs each session in its own thread, so the
    shared connection only hands out cursors (under a lock). When a rebuild renames a new file into
    place, the next query reopens it.
    """

    CACHE_ENTRIES = 512  # named-query results kept, shared by every session
    CACHE_MAX_ROWS = 20_000  # larger results (exports, whole tables) are never kept

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._stamp: tuple[int, float] | None = None
        self._cache: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
        self._cache_stamp: tuple[int, float] | None = None
        self._cache_lock = threading.Lock()

    def _file_stamp(self) -> tuple:
        """What is being read: the database file and the ingested deltas beside it (lyg.deltas)."""
        st = os.stat(self.path)
        return st.st_ino, st.st_mtime, deltas.stamp(self.path)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor on the current file; when incidents were ingested since the build, it reads them too."""
        with self._lock:
            stamp = self._file_stamp()
            if self._con is None or stamp[:2] != (self._stamp or (None, None))[:2]:
                if self._con is not None:
                    self._con.close()
                self._con = duckdb.connect(str(self.path), read_only=True)
            self._stamp = stamp
            cursor = self._con.cursor()
        deltas.attach_views(cursor, [deltas.live_dir(self.path) / name for name in stamp[2]])
        return cursor

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run a named query from lyg/sql; every $parameter must be given.

        Results are the same for every reader of the same database file, so they are kept (up to CACHE_ENTRIES,
        least recently used out) and shared across sessions; a rebuilt file starts afresh, and an ingested batch
        renews only the results of queries that read the incidents. Each caller gets its own copy, free to change.
        """
        named = sqlfiles.get(name)
        missing = [p for p in named.params if p not in params]
        if missing:
            raise TypeError(f"query {name} needs parameters: {', '.join(missing)}")
        bound = {p: params[p] for p in named.params}
        return self._shared(("query", name, _hashable(bound)), lambda: self.execute(named.sql, bound),
                            keep=lambda frame: len(frame) <= self.CACHE_MAX_ROWS, live=deltas.reads_live(named.sql))

    def memo(self, key: tuple, build, live: bool = True):
        """A value derived from this database file (not from the caller), built once per file and shared like query
        results. live=False for a value that does not depend on the incidents (the rule engine, outlines): an ingested
        batch keeps it. DataFrames are handed out as copies; other values must be immutable."""
        return self._shared(("memo", key), build, live=live)

    def _shared(self, key: tuple, build, keep=lambda value: True, live: bool = True):
        """The value for key in this file's cache, built (outside the lock) when missing; DataFrames as copies.
        The cache holds one database file; within it, a value that reads the incidents is kept per set of deltas."""
        def handed(value):
            return value.copy() if isinstance(value, pd.DataFrame) else value
        stamp = self._file_stamp()
        full = (*key, stamp[2]) if live else key
        with self._cache_lock:
            if stamp[:2] != self._cache_stamp:  # a rebuilt file starts afresh
                self._cache.clear()
                self._cache_stamp = stamp[:2]
            if full in self._cache:
                self._cache.move_to_end(full)
                return handed(self._cache[full])
        value = build()
        if keep(value):
            with self._cache_lock:
                if stamp[:2] == self._cache_stamp:
                    self._cache[full] = handed(value)
                    while len(self._cache) > self.CACHE_ENTRIES:
                        self._cache.popitem(last=False)
        return value

    def execute(self, sql: str, params: dict | list | None = None) -> pd.DataFrame:
        cur = self.cursor()
        try:
            return cur.execute(sql, params or None).df()
        finally:
            cur.close()

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
