"""Incidents that arrive while the app serves: appended without a rebuild, read by the same named queries.

DuckDB lets one process write a database file or many read it, never both. So ingest never writes the database: each
accepted batch becomes one Parquet *delta* file beside it (`<db>.live/incidents-<time>-<pid>.parquet`), written under a
temporary name and renamed into place, so a reader sees the whole batch or none of it. Every read cursor then gets
temporary views that put the deltas beside the built tables (fw_incidents, and the rollups fw_daily and
fw_cells_monthly, which the queries sum again), and the shared result cache is keyed on the set of deltas too.

Each record is checked against the incidents' contract, its references and its district outline, and classified by
the ban rule engine at ingest (zone, ban hours, lunar season); a bad record is rejected with its line, column, value and
rule and does not stop the good ones. A record whose incident_id is already stored (in the database or a delta) is
counted as a duplicate and not added again, so resending a batch changes nothing. docs/live.md has the limits.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from lyg import sqlfiles
from lyg.build import check_points_in_units, classify_incidents
from lyg.contracts import BY_NAME
from lyg.deltas import live_dir
from lyg.filelock import data_lock
from lyg.importer.generic import header_names
from lyg.sources import read_csv_text
from lyg.validate import ROW, check_frame, check_references, coerce_frame

INCIDENTS = BY_NAME["fw_incidents"]
HEADERS = {name: c.name for c in INCIDENTS.columns for name in header_names(c)}  # as the file importer reads them


@dataclass
class IngestReport:
    accepted: int = 0
    duplicates: int = 0
    rejected: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"accepted": self.accepted, "duplicates": self.duplicates, "rejected": self.rejected}


def read_records(path: Path) -> list[dict]:
    """A batch from a file: CSV with the contract's column names or Chinese headers, or JSON Lines."""
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".json":
            return json.loads(text)
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return read_csv_text(path).rename(columns=lambda c: HEADERS.get(c.strip(), c.strip())).to_dict("records")


def _frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame()
    for col in INCIDENTS.columns:
        if col.name not in frame.columns:
            frame[col.name] = None
    frame = frame[[c.name for c in INCIDENTS.columns]].astype(object).where(lambda f: f.notna(), None)
    frame = frame.map(lambda v: v if v is None or isinstance(v, str) else str(v))
    frame[ROW] = np.arange(1, len(frame) + 1, dtype=np.int32)
    return frame


def _known_ids(db, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    found = db.execute(sqlfiles.get("fireworks.known_ids").sql, {"ids": ids})  # not through the shared cache: one use
    return set(int(i) for i in found["incident_id"])


def ingest(db, records: list[dict], source: str = "batch") -> IngestReport:
    """Check, classify and append one batch; idempotent by incident_id. Returns what was accepted, repeated, rejected."""
    from lyg.fireworks import analysis as fw
    report = IngestReport()
    raw = _frame(records)
    typed, problems = coerce_frame(INCIDENTS, raw, source)
    problems += check_frame(INCIDENTS, typed, source)
    outlines = _outlines(db)  # districts and functional zones, as the build checks points against them
    if len(typed) and not problems:
        problems += check_references(INCIDENTS, typed, source, {"units": outlines})
    if len(typed):
        shapes = {"district_shapes": outlines, "functional_zone_shapes": outlines.iloc[0:0]}
        known = typed[typed["district_code"].isin(outlines["code"]) & typed["lon"].notna() & typed["lat"].notna()]
        problems += check_points_in_units(INCIDENTS, {**shapes, INCIDENTS.name: known}, source)
    bad_rows = {p.row for p in problems if p.row is not None}
    report.rejected = [{"line": p.row, "column": p.column, "value": p.value, "rule": str(p.rule)} for p in problems]
    good = typed[~typed[ROW].isin(bad_rows)] if len(typed) else typed
    if problems and not bad_rows:  # a problem with no row (a missing column) rejects the batch
        good = typed.iloc[0:0]
    with data_lock(live_dir(db.path) / "ingest"):  # two ingests at once must not both add the same id
        ids = [int(i) for i in good["incident_id"]]
        stored = _known_ids(db, ids)
        first = ~good["incident_id"].duplicated()
        fresh = good[first & ~good["incident_id"].isin(stored)]
        report.duplicates = len(good) - len(fresh)
        if len(fresh):
            classified = classify_incidents(fresh.drop(columns=[ROW]).sort_values("occurred_at", kind="stable"), fw.rules(db))
            _remove_abandoned(db.path)
            _write_delta(db.path, classified)
        report.accepted = len(fresh)
    return report


def _outlines(db) -> pd.DataFrame:
    """Every district's and zone's outline (code, geometry), from the built database."""
    from lyg.geo import from_wkb
    return db.memo(("live.outlines",), lambda: db.query("meta.units")[["code", "name", "geometry"]].assign(
        geometry=lambda f: f["geometry"].map(from_wkb)), live=False)


def _remove_abandoned(db_path: Path) -> None:
    """Half-written batches left by a writer that was killed: never read (only .parquet is), and removed here, under the
    ingest lock, where no other writer can be writing one."""
    for part in live_dir(db_path).glob("incidents-*.tmp"):
        part.unlink(missing_ok=True)


def _write_delta(db_path: Path, frame: pd.DataFrame) -> Path:
    """One batch as a Parquet file, visible all at once (written aside, fsynced, renamed)."""
    folder = live_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    columns = [c.name for c in INCIDENTS.columns + INCIDENTS.derived]
    target = folder / f"incidents-{time.time_ns():020d}-{os.getpid()}.parquet"
    tmp = target.with_suffix(".tmp")
    frame[columns].to_parquet(tmp, index=False)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return target


def ingest_file(db, path: Path) -> IngestReport:
    return ingest(db, read_records(Path(path)), Path(path).name)



WATCHED = (".csv", ".jsonl", ".ndjson", ".json")


def ingest_folder(db, folder: Path) -> list[tuple[str, IngestReport]]:
    """Every complete file in a drop folder, oldest first: ingested, then moved to done/ (or rejected/ when nothing in
    it could be read), with its report beside it as JSON. Senders write under another name and rename when complete."""
    folder = Path(folder)
    results = []
    for path in sorted((p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in WATCHED), key=lambda p: p.stat().st_mtime):
        try:
            report = ingest_file(db, path)
            target = folder / ("done" if report.accepted or report.duplicates else "rejected")
        except (OSError, ValueError) as exc:  # unreadable: nothing from it was stored
            report = IngestReport(rejected=[{"line": None, "column": None, "value": None, "rule": str(exc)}])
            target = folder / "rejected"
        target.mkdir(exist_ok=True)
        os.replace(path, target / path.name)
        (target / (path.name + ".report.json")).write_text(json.dumps(report.as_json(), ensure_ascii=False), encoding="utf-8")
        results.append((path.name, report))
    return results


def watch(db, folder: Path, interval: float = 2.0, stop=None) -> None:
    """Poll a drop folder until stopped."""
    import threading
    stop = stop or threading.Event()
    while not stop.is_set():
        ingest_folder(db, folder)
        stop.wait(interval)
