"""What is the same for every reader of the same database file, built once and shared by every session.

A figure, a map or a snapshot of the domains depends only on the database, the language and the view's
parameters, not on who asks. Building one (plotly validates every property) costs more than the queries behind it;
here it is built once per (database file, ingested deltas, language, key) and handed to every session until a
rebuild or an ingest. The objects
are shared, so pages treat them as read-only.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from lyg import deltas
from lyg.ui.context import PageContext

T = TypeVar("T")
ENTRIES = 256
_CACHE: OrderedDict[tuple, object] = OrderedDict()
_LOCK = threading.Lock()


def shared(ctx: PageContext, key: tuple, build: Callable[[], T], live: bool | None = None) -> T:
    """The object built by `build` for this database file, language and key; built at most once per key. Kept across
    ingested batches when it does not read the incidents (live=False; by default, when the page does not show them)."""
    stat = os.stat(ctx.db.path)
    live = ctx.reads_incidents if live is None else live
    batches = deltas.stamp(ctx.db.path) if live else ()  # ingest starts afresh only what reads the incidents
    full = (str(ctx.db.path), stat.st_ino, stat.st_mtime, batches, ctx.lang, key)
    with _LOCK:
        if full in _CACHE:
            _CACHE.move_to_end(full)
            return _CACHE[full]
    value = build()  # outside the lock: two sessions may build the same thing once each, never block each other
    with _LOCK:
        _CACHE[full] = value
        while len(_CACHE) > ENTRIES:
            _CACHE.popitem(last=False)
    return value
