"""One lock for everything that writes data/ or the database: builds and imports take the same one.

An flock is held per open file, so a second acquisition in the same process would wait for itself; a thread that
already holds the lock passes straight through.
"""
from __future__ import annotations

import fcntl
import threading
from contextlib import contextmanager
from pathlib import Path

_held = threading.local()


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


class Busy(RuntimeError):
    """Another process or thread holds the lock and the caller asked not to wait."""


@contextmanager
def data_lock(db_path: Path, wait: bool = True):
    """Exclusive across processes and threads for the database at db_path and the data/ it is built from.
    With wait=False, raises Busy at once when someone else holds it."""
    depth = getattr(_held, "depth", 0)
    if depth:
        _held.depth = depth + 1
        try:
            yield
        finally:
            _held.depth -= 1
        return
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise Busy(str(path)) from exc
        _held.depth = 1
        try:
            yield
        finally:
            _held.depth = 0
