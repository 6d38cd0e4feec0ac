"""Apply new source files all or nothing: build from a staged copy first; only then replace files and database.

A successful import keeps the previous version of every replaced file under data/imports/history/ and
appends a line (file, checksum, rows, time, user) to data/imports/log.csv.
"""
from __future__ import annotations

import csv
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from lyg.build import build

LOG_FIELDS = ("time", "user", "domain", "source_file", "sha256", "rows", "replaced_files")


@dataclass(frozen=True)
class ImportResult:
    added: int
    replaced: int
    items: int = 0  # catalog data items (信息项)


def imports_dir(data_dir: Path) -> Path:
    return data_dir / "imports"


def _stage(data_dir: Path, stage: Path, new_files: dict[str, bytes]) -> None:
    """A data folder whose unchanged files link to the real ones and whose changed files are the new versions."""
    for item in data_dir.iterdir():
        if item.is_file() and item.name not in new_files:
            (stage / item.name).symlink_to(item.resolve())
    for name, content in new_files.items():
        (stage / name).write_bytes(content)


def apply_files(data_dir: Path, db_path: Path, new_files: dict[str, bytes], *, domain: str, source: Path,
                user: str, rows: int) -> None:
    """Build with the new files; on success swap them in with history and a log line. Raises on failure, changing nothing."""
    with tempfile.TemporaryDirectory(prefix="lyg-import-") as tmp:
        stage = Path(tmp) / "data"
        stage.mkdir()
        _stage(data_dir, stage, new_files)
        staged_db = Path(tmp) / "lyg.duckdb"
        build(stage, staged_db)  # raises ContractError: nothing has been touched yet
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
        history = imports_dir(data_dir) / "history" / stamp
        history.mkdir(parents=True)
        for name, content in new_files.items():
            target = data_dir / name
            if target.exists():
                shutil.copy2(target, history / name)
            partial = target.with_name(f".{name}.partial")
            partial.write_bytes(content)
            os.replace(partial, target)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staged_db), str(db_path.with_name(db_path.name + ".new")))
        os.replace(db_path.with_name(db_path.name + ".new"), db_path)
        os.utime(db_path)  # newer than the files just written: no needless rebuild
    _log(data_dir, {"time": datetime.now().isoformat(timespec="seconds"), "user": user, "domain": domain,
                    "source_file": source.name, "sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
                    "rows": rows, "replaced_files": ";".join(sorted(new_files))})


def _log(data_dir: Path, row: dict) -> None:
    path = imports_dir(data_dir) / "log.csv"
    new = not path.exists()
    with path.open("a", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=LOG_FIELDS)
        if new:
            writer.writeheader()
        writer.writerow(row)


def import_log(data_dir: Path) -> pd.DataFrame:
    path = imports_dir(data_dir) / "log.csv"
    if not path.exists():
        return pd.DataFrame(columns=list(LOG_FIELDS))
    return pd.read_csv(path, dtype=str, keep_default_na=False).iloc[::-1].reset_index(drop=True)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
