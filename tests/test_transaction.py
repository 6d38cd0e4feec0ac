"""Imports are all or nothing across every file they touch, even when killed; two imports at once lose nothing."""
from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pandas as pd
import pytest

from lyg import transaction
from lyg.build import ensure_built, needs_build
from lyg.db import Database
from lyg.importer.cli import import_any
from tests.conftest import ROOT
from tests.test_catalog import GOOD

CATALOG_FILES = ("catalog_entries.csv", "catalog_items.csv")
STEPS = ("files-written", "database-written", "committed", "replaced:catalog_entries.csv", "replaced:catalog_items.csv",
         "database-replaced", "logged")
KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from lyg import transaction
    from lyg.importer.cli import import_any
    step, source, data_dir, db_path = sys.argv[1:5]
    def stop(name):
        if name == step:
            os.kill(os.getpid(), signal.SIGKILL)
    transaction._step = stop
    import_any("catalog", Path(source), Path(data_dir), Path(db_path), user="killed")
""")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def catalog_state(data_dir: Path) -> tuple[str, ...]:
    return tuple(digest(data_dir / name) for name in CATALOG_FILES)


COUNTS = ("SELECT (SELECT count(*) FROM cat_entries) AS catalog_entries, (SELECT count(*) FROM cat_items) AS catalog_items, "
          "(SELECT count(*) FROM bz_monthly) AS bonded_monthly")


def database_matches_data(data_dir: Path, db_path: Path) -> bool:
    """The database holds every row of the files an import touches, as a fresh build from them would."""
    stored = Database(db_path).execute(COUNTS).iloc[0]
    return all(int(stored[stem]) == len(pd.read_csv(data_dir / f"{stem}.csv", dtype=str)) for stem in stored.index)


def test_a_whole_import_replaces_both_files_and_leaves_nothing_behind(live, tmp_path):
    data_dir, db_path = live
    source = tmp_path / "in.csv"
    source.write_text(GOOD, encoding="utf-8")
    before = catalog_state(data_dir)
    import_any("catalog", source, data_dir, db_path, user="t")
    after = catalog_state(data_dir)
    assert all(a != b for a, b in zip(before, after))
    assert not transaction.pending_dir(data_dir).exists() and not transaction.staging_dir(data_dir).exists()
    assert not needs_build(data_dir, db_path) and database_matches_data(data_dir, db_path)


@pytest.mark.parametrize("step", STEPS)
def test_an_import_killed_at_any_step_is_old_or_new_at_the_next_start(live, tmp_path, step):
    data_dir, db_path = live
    source = tmp_path / "in.csv"
    source.write_text(GOOD, encoding="utf-8")
    old = catalog_state(data_dir)
    killed = subprocess.run([sys.executable, "-c", KILLER, step, str(source), str(data_dir), str(db_path)], cwd=ROOT,
                            capture_output=True, timeout=300)
    assert killed.returncode == -9, killed.stderr.decode()
    ensure_built(data_dir, db_path)  # what the next start does
    state = catalog_state(data_dir)
    committed = STEPS.index(step) >= STEPS.index("committed")
    if committed:
        assert all(a != b for a, b in zip(old, state))  # finished: both files new
        assert "killed" in (data_dir / "imports" / "log.csv").read_text(encoding="utf-8")
    else:
        assert state == old  # undone: both files old, no log line
        assert not (data_dir / "imports" / "log.csv").exists()
    assert database_matches_data(data_dir, db_path)
    leftovers = [*transaction.imports_dir(data_dir).glob("pending*"), *transaction.imports_dir(data_dir).glob("staging*"),
                 *transaction.imports_dir(data_dir).glob("commit.json*"), *db_path.parent.glob("*.pending"),
                 *db_path.parent.glob(f".{db_path.name}.*")]
    assert leftovers == []


def test_two_imports_at_once_keep_every_row_time_after_time(live, tmp_path):
    data_dir, db_path = live
    header = "month,block_code,indicator_code,value,unit,provenance"
    for attempt in range(4):
        month = f"2026-0{attempt + 1}-01"
        sources = []
        for i, block in enumerate(("B1", "B2")):
            path = tmp_path / f"m{attempt}{i}.csv"
            path.write_text(f"{header}\n{month},{block},trade_total,{1000 + i},万美元,illustrative\n", encoding="utf-8")
            sources.append(path)
        errors = []
        def run(path, errors=errors):
            try:
                import_any("bonded_monthly", path, data_dir, db_path, user=path.stem)
            except Exception as exc:
                errors.append(exc)
        threads = [threading.Thread(target=run, args=(p,)) for p in sources]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        rows = Database(db_path).execute("SELECT block_code FROM bz_monthly WHERE month = $m AND indicator_code = 'trade_total'",
                                         {"m": month})
        assert {"B1", "B2"} <= set(rows["block_code"]), (attempt, rows)
    assert not needs_build(data_dir, db_path) and database_matches_data(data_dir, db_path)
    assert len((data_dir / "imports" / "log.csv").read_text(encoding="utf-8").splitlines()) == 1 + 8  # every import logged


def test_the_next_start_removes_what_killed_builds_left(live):
    data_dir, db_path = live
    leftovers = [db_path.with_name(f".{db_path.name}.99999.tmp"), db_path.with_name(f".{db_path.name}.99999.tmp.wal"),
                 db_path.with_name(db_path.name + ".new"), data_dir / ".catalog_entries.csv.partial"]
    for path in leftovers:
        path.write_bytes(b"x" * 1024)
    (transaction.staging_dir(data_dir) / "20260101T000000").mkdir(parents=True)
    ensure_built(data_dir, db_path)
    assert not any(p.exists() for p in leftovers) and not transaction.staging_dir(data_dir).exists()
