"""Apply new source files all or nothing: build from a staged copy first; only then replace files and database.

A successful import keeps the previous version of every replaced file under data/imports/history/ and
appends a line (file, checksum, rows, time, user) to data/imports/log.csv.
"""
from __future__ import annotations

import contextlib
import hashlib
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from lyg.build import build
from lyg.transaction import LOG_FIELDS, commit, imports_dir, staging_dir


@dataclass(frozen=True)
class ImportResult:
    added: int
    replaced: int
    items: int = 0  # catalog data items (信息项)
    warnings: tuple = ()  # values read another way (validate.Normalised), each named by row and column
    new_departments: int = 0  # departments the catalog file registered
    preview: pd.DataFrame | None = field(default=None, compare=False, repr=False)  # the rows as they would be stored


def _stage(data_dir: Path, stage: Path, new_files: dict[str, bytes]) -> None:
    """A data folder whose unchanged files link to the real ones and whose changed files are the new versions."""
    for item in data_dir.iterdir():
        if item.is_file() and item.name not in new_files:
            (stage / item.name).symlink_to(item.resolve())
    for name, content in new_files.items():
        (stage / name).write_bytes(content)


def apply_files(data_dir: Path, db_path: Path, new_files: dict[str, bytes], *, domain: str, source: Path,
                user: str, rows: int, warnings=(), after_build=None, drop: tuple[str, ...] = ()) -> None:
    """Build with the new files; on success make them and the database current in one step, with history and a log
    line. Raises on failure, changing nothing. The caller holds the data lock from reading the old files to here."""
    data_dir, db_path = Path(data_dir), Path(db_path)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    stage = staging_dir(data_dir) / stamp
    try:
        (stage / "data").mkdir(parents=True)
        _stage(data_dir, stage / "data", new_files)
        build(stage / "data", stage / "lyg.duckdb")  # raises ContractError: nothing has been touched yet
        if after_build:
            after_build(stage / "lyg.duckdb")
        log_row = {"time": datetime.now().isoformat(timespec="seconds"), "user": user, "domain": domain, "source_file": source.name,
                   "sha256": hashlib.sha256(source.read_bytes()).hexdigest(), "rows": rows, "replaced_files": ";".join(sorted(new_files)),
                   "warnings": "；".join(str(w) for w in warnings)}
        commit(data_dir, db_path, new_files, stage / "lyg.duckdb", imports_dir(data_dir) / "history" / stamp, log_row, drop)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        with contextlib.suppress(OSError):
            stage.parent.rmdir()  # only when no other stage is in it


def import_log(data_dir: Path) -> pd.DataFrame:
    path = imports_dir(data_dir) / "log.csv"
    if not path.exists():
        return pd.DataFrame(columns=list(LOG_FIELDS))
    return pd.read_csv(path, dtype=str, keep_default_na=False).iloc[::-1].reset_index(drop=True)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
