"""Source files in data/ -> one DuckDB file, all or nothing.

The database is written to a temporary file beside the target and renamed into place only when
complete, so readers never see half a database and a failed build keeps the previous one.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import shapely

from lyg import lunar, provenance, transaction
from lyg.contracts import TABLES, Table, ddl
from lyg.filelock import Busy, data_lock
from lyg.fireworks.load import rules_from_frames
from lyg.geo import area_km2, geometry_problem, to_wkb
from lyg.i18n import Message
from lyg.sources import EXTENSIONS, fingerprint, read_chunks, read_raw, source_path
from lyg.sqlfiles import statements
from lyg.validate import ROW, ContractError, Problem, check_frame, check_references, coerce_frame, problems_at

log = logging.getLogger("lyg")


@dataclass(frozen=True)
class BuildReport:
    db_path: Path
    rows: dict[str, int]
    seconds: float
    sample_rows: dict[str, int] = field(default_factory=dict)  # illustrative rows per table
    counts: list[tuple[str, str, int]] = field(default_factory=list)  # (table, provenance, rows)


def _check_geometry(df: pd.DataFrame, file: str) -> list[Problem]:
    problems = []
    for row, geom in zip(df[ROW], df["geometry"]):
        reason = geometry_problem(geom)
        if reason:
            problems.append(Problem(file, int(row), "geometry", None, reason))
    return problems


def load_table(table: Table, data_dir: Path) -> tuple[pd.DataFrame, str, list[Problem]]:
    """One source file read, typed and checked against its contract."""
    try:
        raw, file = read_raw(table, data_dir)
    except (OSError, ValueError) as exc:
        return pd.DataFrame(), table.stem, [Problem(table.stem, None, None, None, str(exc))]
    typed, problems = coerce_frame(table, raw, file)
    if problems and typed is raw:
        return typed, file, problems
    problems += check_frame(table, typed, file)
    if table.has_geometry:
        problems += _check_geometry(typed, file)
    return typed, file, problems


def load_sources(data_dir: Path) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Every table held in memory, validated; raises ContractError listing every problem in every file.

    A chunked table is not loaded here: it is checked piece by piece as it is written (see stream_table), and only
    its file name is returned.
    """
    frames, files, problems = {}, {}, []
    for table in TABLES:
        if table.chunked:
            files[table.name] = _source_name(table, data_dir)
            continue
        frame, file, found = load_table(table, data_dir)
        problems += found
        frames[table.name], files[table.name] = frame, file
    if not problems:
        for table in TABLES:
            if not table.chunked:
                problems += check_references(table, frames[table.name], files[table.name], frames)
                problems += check_points_in_units(table, frames, files[table.name])
    if problems:
        raise ContractError(problems)
    return frames, files


def _source_name(table: Table, data_dir: Path) -> str:
    try:
        return source_path(table, data_dir).name
    except (OSError, ValueError):
        return table.stem


def unit_outlines(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every district's and functional zone's outline (code, name, geometry)."""
    return pd.concat([frames["district_shapes"], frames["functional_zone_shapes"]])


POINT_TOLERANCE_DEG = 0.01  # about 1 km: the unit outlines are simplified for display


def check_points_in_units(table: Table, frames: dict[str, pd.DataFrame], file: str) -> list[Problem]:
    """A point that names a district must lie in that district's outline (within POINT_TOLERANCE_DEG): a point
    inside the city's box but in Shandong, filed under a Lianyungang district, is refused."""
    names = {c.name for c in table.columns}
    if not {"lon", "lat", "district_code"} <= names:
        return []
    shapes = unit_outlines(frames)
    frame = frames[table.name]
    codes = frame["district_code"].astype("string").to_numpy()
    lon, lat = frame["lon"].to_numpy(float), frame["lat"].to_numpy(float)
    outside = np.zeros(len(frame), dtype=bool)
    for code, outline in zip(shapes["code"], shapes["geometry"]):
        rows = np.flatnonzero(codes == code)
        if len(rows):
            area = outline.buffer(POINT_TOLERANCE_DEG)
            shapely.prepare(area)
            outside[rows] = ~shapely.contains_xy(area, lon[rows], lat[rows])
    where = pd.Series(outside, index=frame.index)
    text = frame["lon"].astype("string") + ", " + frame["lat"].astype("string") if outside.any() else frame["lon"]
    return problems_at(file, frame, "lon、lat", text, where, Message("val.point_outside_unit", km=f"{POINT_TOLERANCE_DEG * 111:.0f}"))


def enrich(frames: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], object]:
    """Derived columns of the tables held in memory (unit geometry and areas, zone areas), and the ban rules that
    classify the incidents as they are written."""
    shapes = unit_outlines(frames)
    geom_by_code = dict(zip(shapes["code"], shapes["geometry"]))
    units = frames["units"].copy()
    units["geometry"] = units["code"].map(geom_by_code)
    units["area_km2"] = units["geometry"].map(area_km2)
    units["centroid_lon"] = units["geometry"].map(lambda g: g.representative_point().x)
    units["centroid_lat"] = units["geometry"].map(lambda g: g.representative_point().y)
    frames["units"] = units
    for name in ("fw_zones", "fw_places", "bz_blocks"):
        frames[name] = frames[name].assign(area_km2=frames[name]["geometry"].map(area_km2))
    rules = rules_from_frames(frames["fw_notices"], frames["fw_zones"], frames["fw_places"], units, frames["fw_notice_coverage"])
    return frames, rules


def classify_incidents(incidents: pd.DataFrame, rules) -> pd.DataFrame:
    """Zone and ban-hour flags and the lunar season of every incident, in the order given."""
    incidents = incidents.reset_index(drop=True)
    when = incidents["occurred_at"]
    flags = rules.classify(incidents["lon"].to_numpy(float), incidents["lat"].to_numpy(float), when)
    for name, values in flags.items():
        incidents[name] = values
    for name, values in lunar.days_from_chuxi(when).items():
        incidents[name] = values
    return incidents


CHUNK_ROWS = 2_000_000  # about 0.5 GB in pandas while it is checked and classified
PROBLEM_LIMIT = 1_000  # a wholly wrong file of 100 M rows stops here instead of listing every row
BUILD_MEMORY = "4GB"  # DuckDB spills sorting and grouping to disk beyond this


@dataclass
class Streamed:
    """What writing a chunked table found: rows, rows by provenance, problems, and whether keys and times came in
    order (then no duplicate-key query and no sort are needed)."""
    rows: int = 0
    counts: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    first_row: int | None = None
    in_time_order: bool = True
    keys_increasing: bool = True
    last_time: object = None
    last_key: object = None

    def note_order(self, frame: pd.DataFrame, table: Table) -> None:
        times = frame["occurred_at"]
        self.in_time_order &= bool(times.is_monotonic_increasing) and (self.last_time is None or times.iloc[0] >= self.last_time)
        self.last_time = times.iloc[-1]
        if len(table.key) == 1:
            keys = frame[table.key[0]]
            self.keys_increasing &= bool(keys.is_monotonic_increasing and keys.is_unique) and (self.last_key is None or keys.iloc[0] > self.last_key)
            self.last_key = keys.iloc[-1]
        else:
            self.keys_increasing = False


def check_chunk(table: Table, raw: pd.DataFrame, file: str, frames: dict | None) -> tuple[pd.DataFrame, list[Problem]]:
    """One piece of a chunked table typed and checked: its contract, and its references and points when the other
    tables are valid (frames given)."""
    typed, problems = coerce_frame(table, raw, file)
    if problems and typed is raw:
        return typed, problems
    problems += check_frame(table, typed, file)
    if frames is not None and not problems:
        problems += check_references(table, typed, file, frames)
        problems += check_points_in_units(table, {**frames, table.name: typed}, file)
    return typed, problems


def stream_table(con, table: Table, data_dir: Path, file: str, frames: dict | None, rules) -> Streamed:
    """A chunked table read, checked, classified and appended a piece at a time; then its keys checked across pieces
    and the table put in time order inside DuckDB. With con None, only checked."""
    found = Streamed()
    try:
        for raw in read_chunks(table, data_dir, CHUNK_ROWS):
            typed, problems = check_chunk(table, raw, file, frames)
            found.problems += problems
            if problems and typed is raw or len(found.problems) >= PROBLEM_LIMIT:
                break
            if found.problems or con is None or not len(typed):
                continue
            found.first_row = found.first_row or int(typed[ROW].iloc[0])
            found.note_order(typed, table)
            for _, kind, n in provenance.table_counts(table, typed):
                found.counts[kind] = found.counts.get(kind, 0) + n
            _append(con, table, classify_incidents(typed.drop(columns=[ROW]), rules))
            found.rows += len(typed)
    except (OSError, ValueError) as exc:
        found.problems.append(Problem(file, None, None, None, str(exc)))
    if con is not None and not found.problems and found.rows:
        if not found.keys_increasing:
            found.problems += duplicate_keys(con, table, file, found.first_row)
        if not found.in_time_order and not found.problems:
            _sort_by_time(con, table)
    return found


def _append(con, table: Table, frame: pd.DataFrame) -> None:
    con.register("incoming", frame)
    con.execute(f'INSERT INTO "{table.name}" BY NAME SELECT * FROM incoming')
    con.unregister("incoming")


def duplicate_keys(con, table: Table, file: str, first_row: int) -> list[Problem]:
    """Keys that occur more than once across the whole table (each repeat after the first, with its file row)."""
    key = ", ".join(f'"{c}"' for c in table.key)
    repeats = con.execute(f"""
        WITH seen AS (SELECT rowid AS position, concat_ws('/', {key}) AS key_text,
                             row_number() OVER (PARTITION BY {key} ORDER BY rowid) AS nth
                      FROM "{table.name}" WHERE ({key}) IN (SELECT ({key}) FROM "{table.name}" GROUP BY ALL HAVING count(*) > 1))
        SELECT position, key_text FROM seen WHERE nth > 1 ORDER BY position LIMIT 200""").fetchall()
    return [Problem(file, int(position) + first_row, "、".join(table.key), text, Message("val.duplicate_key"))
            for position, text in repeats]


def _sort_by_time(con, table: Table) -> None:
    """The table rewritten in time order (DuckDB sorts out of core): period filters then skip whole row groups."""
    con.execute(f'ALTER TABLE "{table.name}" RENAME TO "unsorted_{table.name}"')
    con.execute(ddl(table))
    con.execute(f'INSERT INTO "{table.name}" SELECT * FROM "unsorted_{table.name}" ORDER BY occurred_at')
    con.execute(f'DROP TABLE "unsorted_{table.name}"')


def write_database(frames: dict[str, pd.DataFrame], files: dict[str, str], data_dir: Path, db_path: Path,
                   counts: list[tuple[str, str, int]], rules) -> tuple[dict[str, int], list[tuple[str, str, int]]]:
    """Every table, its source file's checksum, its rows by provenance and the derived tables, atomically.
    Returns (rows per table, rows per table and provenance). Raises ContractError when a chunked table is refused."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    spill = tmp.with_name(tmp.name + ".spill")
    tmp.unlink(missing_ok=True)
    rows, counts = {}, list(counts)
    try:
        con = duckdb.connect(str(tmp), config={"memory_limit": BUILD_MEMORY, "temp_directory": str(spill)})
        for table in TABLES:
            con.execute(ddl(table))
            if table.chunked:
                found = stream_table(con, table, data_dir, files[table.name], frames, rules)
                if found.problems:
                    con.close()
                    raise ContractError(found.problems)
                rows[table.name] = found.rows
                counts += [(table.name, kind, n) for kind, n in found.counts.items()] or [(table.name, table.provenance, 0)]
                continue
            frame = frames[table.name].drop(columns=[ROW], errors="ignore")
            for col in table.columns + table.derived:
                if col.type == "GEOMETRY":
                    frame[col.name] = frame[col.name].map(to_wkb)
            _append(con, table, frame)
            rows[table.name] = len(frame)
        con.execute("CREATE TABLE build_sources (table_name VARCHAR PRIMARY KEY, file VARCHAR, sha256 VARCHAR, rows BIGINT)")
        con.executemany("INSERT INTO build_sources VALUES (?, ?, ?, ?)",
                        [(t, files[t], fingerprint(data_dir / files[t]), rows[t]) for t in rows])
        con.execute("CREATE TABLE build_provenance (table_name VARCHAR, provenance VARCHAR, rows BIGINT)")
        con.executemany("INSERT INTO build_provenance VALUES (?, ?, ?)", counts)
        con.execute("CREATE TABLE build_info (built_at TIMESTAMP)")
        con.execute("INSERT INTO build_info VALUES (?)", [datetime.now().replace(microsecond=0)])  # the server's local time
        for sql in statements("derived"):
            con.execute(sql)
        con.execute("CHECKPOINT")
        con.close()
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        shutil.rmtree(spill, ignore_errors=True)
    return rows, counts


def build(data_dir: Path, db_path: Path) -> BuildReport:
    """Validate every source, derive, write atomically. Raises ContractError and keeps the old database."""
    started = time.perf_counter()
    try:
        frames, files = load_sources(data_dir)
    except ContractError as exc:  # the chunked tables' own contract is still checked, so every file's problems show
        raise ContractError(exc.problems + _chunked_problems(data_dir)) from None
    counts = [c for table in TABLES if not table.chunked for c in provenance.table_counts(table, frames[table.name])]
    frames, rules = enrich(frames)
    rows, counts = write_database(frames, files, data_dir, db_path, counts, rules)
    sample = {name: n for name, kind, n in counts if kind == provenance.ILLUSTRATIVE}
    return BuildReport(db_path, rows, time.perf_counter() - started, sample, counts)


def _chunked_problems(data_dir: Path) -> list[Problem]:
    return [p for table in TABLES if table.chunked
            for p in stream_table(None, table, data_dir, _source_name(table, data_dir), None, None).problems]


def source_files(data_dir: Path) -> list[Path]:
    return [p for p in data_dir.iterdir() if p.suffix in EXTENSIONS]


def needs_build(data_dir: Path, db_path: Path) -> bool:
    """True when the database is missing or older than any source file."""
    if not db_path.exists():
        return True
    newest = max((p.stat().st_mtime for p in source_files(data_dir)), default=0)
    return db_path.stat().st_mtime < newest


def data_stamp(data_dir: Path) -> tuple:
    """What the source files are now: a changed file (or a new or removed one) gives a new stamp."""
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in source_files(data_dir)))


# The last refused build per database, by the data's stamp: the same broken files are not rebuilt on every page view.
_FAILED: dict[str, tuple[tuple, ContractError]] = {}


def last_failure(db_path: Path) -> ContractError | None:
    """The refusal of the last build of this database, while the files it refused are unchanged."""
    failed = _FAILED.get(str(db_path))
    return failed[1] if failed else None


def ensure_built(data_dir: Path, db_path: Path) -> bool:
    """Build when needed, after finishing or undoing an interrupted import. True if it built.

    Readers never queue behind a build: when a database exists and someone else is building or importing, this
    returns at once and the current database is served. A refused build is remembered by the data's stamp and
    raised again without rebuilding until a file changes.
    """
    data_dir, db_path = Path(data_dir), Path(db_path)
    try:
        with data_lock(db_path, wait=not db_path.exists()):
            transaction.recover(data_dir, db_path)
            if not needs_build(data_dir, db_path):
                _FAILED.pop(str(db_path), None)
                return False
            stamp = data_stamp(data_dir)
            failed = _FAILED.get(str(db_path))
            if failed and failed[0] == stamp:
                raise failed[1]
            try:
                build(data_dir, db_path)
            except ContractError as exc:
                _FAILED[str(db_path)] = (stamp, exc)
                log.warning("build refused, serving the previous database until data/ changes: %s", exc)
                raise
            _FAILED.pop(str(db_path), None)
            return True
    except Busy:
        return False
