"""Replace several data/ files and the database as one step, or not at all.

An import writes the new files and the new database beside their targets, then a journal naming them: the journal
is the commit point. Applying the journal (history copies, renames, the log line) is repeatable, so a process
killed part way is finished by the next start (`recover`); a process killed before the journal leaves only
pending files, which the next start removes. Callers hold `filelock.data_lock`.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

JOURNAL = "commit.json"
LOG_FIELDS = ("time", "user", "domain", "source_file", "sha256", "rows", "replaced_files", "warnings")


def imports_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "imports"


def pending_dir(data_dir: Path) -> Path:
    return imports_dir(data_dir) / "pending"


def staging_dir(data_dir: Path) -> Path:
    """Where an import builds its trial database (inside data/, so a killed import's leftovers are found)."""
    return imports_dir(data_dir) / "staging"


def pending_db(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".pending")


def _step(name: str) -> None:
    """A named point in the commit (tests stop a process here to prove each point recoverable)."""


def _fsync_write(path: Path, content: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())


def commit(data_dir: Path, db_path: Path, new_files: dict[str, bytes], staged_db: Path, history: Path, log_row: dict,
           drop: tuple[str, ...] = ()) -> None:
    """Make new_files and staged_db current together, keeping the replaced files under history and logging log_row;
    then remove the files in drop (ingested deltas the new files and database now hold)."""
    data_dir, db_path = Path(data_dir), Path(db_path)
    pending = pending_dir(data_dir)
    shutil.rmtree(pending, ignore_errors=True)
    pending.mkdir(parents=True)
    for name, content in new_files.items():
        _fsync_write(pending / name, content)
    _step("files-written")
    shutil.move(str(staged_db), str(pending_db(db_path)))
    _step("database-written")
    journal = {"files": sorted(new_files), "history": str(history), "log": log_row, "drop": list(drop)}
    tmp = imports_dir(data_dir) / (JOURNAL + ".tmp")
    _fsync_write(tmp, json.dumps(journal, ensure_ascii=False).encode("utf-8"))
    os.replace(tmp, imports_dir(data_dir) / JOURNAL)  # the commit point
    _step("committed")
    _apply(data_dir, db_path, journal)


def _apply(data_dir: Path, db_path: Path, journal: dict) -> None:
    pending, history = pending_dir(data_dir), Path(journal["history"])
    history.mkdir(parents=True, exist_ok=True)
    for name in journal["files"]:
        source, target = pending / name, data_dir / name
        if not source.exists():
            continue  # replaced before an interruption
        if target.exists() and not (history / name).exists():
            shutil.copy2(target, history / name)
        os.replace(source, target)
        _step(f"replaced:{name}")
    if pending_db(db_path).exists():
        os.replace(pending_db(db_path), db_path)
    _step("database-replaced")
    if db_path.exists():
        os.utime(db_path)  # newer than the files just written: no needless rebuild
    for folded in journal.get("drop", []):  # after the database that holds them: a reader never misses a row
        Path(folded).unlink(missing_ok=True)
    _log(data_dir, journal["log"])
    _step("logged")
    (imports_dir(data_dir) / JOURNAL).unlink()
    shutil.rmtree(pending, ignore_errors=True)


def _log(data_dir: Path, row: dict) -> None:
    path = imports_dir(data_dir) / "log.csv"
    line = io.StringIO()
    csv.DictWriter(line, fieldnames=LOG_FIELDS).writerow(row)
    if path.exists() and path.read_text(encoding="utf-8").endswith(line.getvalue()):
        return  # written before an interruption
    _upgrade_log(path)
    with path.open("a", newline="", encoding="utf-8") as fh:
        if fh.tell() == 0:
            csv.DictWriter(fh, fieldnames=LOG_FIELDS).writeheader()
        fh.write(line.getvalue())


def _upgrade_log(path: Path) -> None:
    """A log written before a field was added gets the field (empty in old lines), so every line has one shape."""
    if not path.exists():
        return
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) == LOG_FIELDS:
            return
        rows = list(reader)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=LOG_FIELDS, extrasaction="ignore", restval="")
    writer.writeheader()
    writer.writerows(rows)
    _fsync_write(path, out.getvalue().encode("utf-8"))


def recover(data_dir: Path, db_path: Path) -> str | None:
    """At start: finish a committed import, drop an uncommitted one and the leftovers of killed builds.
    Returns "finished" or "rolled back" when there was an import to deal with."""
    data_dir, db_path = Path(data_dir), Path(db_path)
    outcome = None
    journal_path = imports_dir(data_dir) / JOURNAL
    if journal_path.exists():
        _apply(data_dir, db_path, json.loads(journal_path.read_text(encoding="utf-8")))
        outcome = "finished"
    elif pending_dir(data_dir).exists() or pending_db(db_path).exists():
        outcome = "rolled back"
    shutil.rmtree(pending_dir(data_dir), ignore_errors=True)
    pending_db(db_path).unlink(missing_ok=True)
    (imports_dir(data_dir) / (JOURNAL + ".tmp")).unlink(missing_ok=True)
    shutil.rmtree(staging_dir(data_dir), ignore_errors=True)
    for leftover in [*data_dir.glob(".*.partial"), *db_path.parent.glob(f".{db_path.name}.*.tmp*"),
                     db_path.with_name(db_path.name + ".new")]:
        leftover.unlink(missing_ok=True)
    return outcome
