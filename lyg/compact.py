"""Compaction: the ingested delta files folded into data/ and a rebuilt database, in one journalled commit.

The deltas are appended to the incidents source in data/ (so the next rebuild from data/ keeps them), the database is
rebuilt from the new files, and the database records the last delta it holds (`live_folded`). Readers of the new
database skip those deltas and readers of the old one still read them, so no reader counts a batch twice or misses
one; the commit then removes the folded files (lyg.transaction finishes that after a crash). Batches that arrive
during the rebuild stay as deltas for the next compaction.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from lyg.contracts import BY_NAME
from lyg.deltas import FOLDED, delta_files, folded_through, live_dir
from lyg.filelock import data_lock
from lyg.importer.generic import merge_csv
from lyg.importer.staging import apply_files

INCIDENTS = BY_NAME["fw_incidents"]


@dataclass(frozen=True)
class CompactReport:
    batches: int
    rows: int
    through: str  # the last delta file folded in ('' when there was nothing to fold)

    def as_json(self) -> dict:
        return {"batches": self.batches, "rows": self.rows, "through": self.through}


def _already_folded(db_path: Path) -> str:
    if not Path(db_path).exists():
        return ""
    with duckdb.connect(str(db_path), read_only=True) as con:
        return folded_through(con)


def _mark_folded(through: str):
    def mark(staged_db: Path) -> None:
        with duckdb.connect(str(staged_db)) as con:
            con.execute(f"CREATE TABLE {FOLDED} (through VARCHAR)")  # a fixed name; the value is bound
            con.execute(f"INSERT INTO {FOLDED} VALUES (?)", [through])
    return mark


def compact(data_dir: Path, db_path: Path, user: str = "compaction") -> CompactReport:
    """Fold every complete delta file into data/ and the database, or change nothing (a broken build raises)."""
    data_dir, db_path = Path(data_dir), Path(db_path)
    with data_lock(live_dir(db_path) / "ingest"):  # every file listed is complete; later ones get later names
        listed = delta_files(db_path)
    with data_lock(db_path):  # as an import: nobody else rewrites data/ or the database meanwhile
        files = [p for p in listed if p.name > _already_folded(db_path)]
        if not files:
            return CompactReport(0, 0, "")
        columns = [c.name for c in INCIDENTS.columns]
        incoming = pd.concat([pd.read_parquet(p, columns=columns) for p in files], ignore_index=True)
        name, content, _ = merge_csv(INCIDENTS, incoming, data_dir)  # same ids replace: a batch is never doubled
        through = files[-1].name
        apply_files(data_dir, db_path, {name: content}, domain="incidents", source=files[-1], user=user, rows=len(incoming),
                    after_build=_mark_folded(through), drop=tuple(str(p) for p in files))
    return CompactReport(len(files), len(incoming), through)
