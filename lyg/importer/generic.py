"""Import for every domain's source tables: CSV / Excel / GeoJSON / zipped Shapefile / GeoPackage -> data/, all or nothing.

Headers may be the contract's column name or its Chinese label (data/README.md lists both). Rows whose
key already exists replace the stored row; new keys are added. Every problem is reported with file,
row, column, value and rule, and nothing changes unless every row passes and the rebuild succeeds.
"""
from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pandas as pd
from shapely.geometry import mapping

from lyg.build import check_points_in_units, load_table
from lyg.contracts import BY_NAME, Col, Table
from lyg.formula import formula_mask
from lyg.geo import geometry_problem
from lyg.i18n import Message
from lyg.importer.geometry import GEOMETRY_SUFFIXES, read_geometry_file
from lyg.importer.lenient import header_unit, read_leniently
from lyg.importer.readers import ImportFileError, read_table_file
from lyg.importer.staging import ImportResult, apply_files
from lyg.sources import read_raw, source_path
from lyg.validate import ROW, ContractError, Normalised, Problem, check_frame, check_references, coerce_frame

DOMAINS = {  # domain name on the command line -> contract table
    "incidents": "fw_incidents", "ban_zones": "fw_zones", "places": "fw_places", "bonded_monthly": "bz_monthly",
    "bonded_facilities": "bz_facilities", "progress": "dg_progress", "legislation_events": "leg_events",
}
DOMAIN_LABELS = {"catalog": "大数据资源目录", **{d: BY_NAME[t].label for d, t in DOMAINS.items()}}
Progress = Callable[[float, Message], None]  # fraction done, what is happening


def header_names(col: Col) -> set[str]:
    """The headers accepted: its name (also cut to the 10 characters a Shapefile keeps), its Chinese label, the
    label without its note in brackets."""
    short = re.split(r"[（(]", col.label)[0].strip()
    return {col.name, col.name[:10], col.label, short}


def map_headers(table: Table, frame: pd.DataFrame, file: str, auto_key: bool) -> tuple[pd.DataFrame, dict, dict, list[Problem]]:
    """(frame with contract column names, contract name -> the file's header, contract name -> the unit its header
    gives in brackets (罚款（万元）), problems)."""
    renamed, units, problems = {}, {}, []
    for col in table.columns:
        if col.type == "GEOMETRY":
            continue
        hit = next((c for c in frame.columns if c in header_names(col)), None)
        if hit is None:  # a header that adds its unit: 罚款（元）
            hit = next((c for c in frame.columns if c not in renamed and header_unit(c)[1] and header_unit(c)[0] in header_names(col)), None)
            if hit is not None:
                units[col.name] = header_unit(hit)[1]
        if hit is not None:
            renamed[hit] = col.name
        elif col.required and not (auto_key and col.name in table.key):
            problems.append(Problem(file, None, f"{col.label}（{col.name}）", None, Message("val.missing_column")))
    frame = frame.rename(columns=renamed)
    for col in table.columns:  # optional columns a department left out are simply empty
        if not col.required and col.type != "GEOMETRY" and col.name not in frame.columns:
            frame[col.name] = ""
    return frame, {v: k for k, v in renamed.items()}, units, problems


def formula_cells(table: Table, frame: pd.DataFrame, file: str) -> list[Problem]:
    problems = []
    for col in table.columns:
        if col.type == "VARCHAR" and col.name in frame.columns:
            suspect = formula_mask(frame[col.name])
            for row, value in zip(frame[ROW][suspect], frame[col.name][suspect]):
                problems.append(Problem(file, int(row), col.name, value, Message("val.formula")))
    return problems


def _read(table: Table, path: Path, sheet, crs, gcj02) -> pd.DataFrame:
    if path.suffix.lower() in GEOMETRY_SUFFIXES:
        if not table.has_geometry:
            raise ImportFileError(Message("import_file.not_geometry", file=path.name, table=table.label))
        frame = read_geometry_file(path, crs=crs, gcj02=gcj02, layer=sheet)
        frame[ROW] = range(1, len(frame) + 1)
        return frame
    if table.has_geometry:
        raise ImportFileError(Message("import_file.needs_geometry", file=path.name, table=table.label))
    known = set().union(*(header_names(c) for c in table.columns))
    return read_table_file(path, sheet, known_headers=known)


def _auto_ids(table: Table, frame: pd.DataFrame, data_dir: Path) -> pd.DataFrame:
    """Incidents sent without numbers are numbered after the last stored one."""
    if table.name == "fw_incidents" and "incident_id" not in frame.columns:
        stored, _ = read_raw(table, data_dir)
        start = int(pd.to_numeric(stored["incident_id"]).max()) + 1
        frame = frame.assign(incident_id=[str(i) for i in range(start, start + len(frame))])
    return frame


def _geometry_problems(frame: pd.DataFrame, file: str) -> list[Problem]:
    return [Problem(file, int(r), "geometry", None, why) for r, g in zip(frame[ROW], frame["geometry"]) if (why := geometry_problem(g))]


def _referenced(table: Table, data_dir: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for ref_table, _ in table.references.values():
        raw, file = read_raw(BY_NAME[ref_table], data_dir)
        frames[ref_table], _ = coerce_frame(BY_NAME[ref_table], raw, file)
    return frames


def validate(table: Table, frame: pd.DataFrame, file: str, data_dir: Path) -> tuple[pd.DataFrame, list[Normalised]]:
    """(typed rows, the values read another way); raises ContractError listing every problem."""
    frame, headers, units, problems = map_headers(table, frame, file, auto_key=table.name == "fw_incidents")
    if problems:
        raise ContractError(problems)
    frame, warnings, unconvertible = read_leniently(table, frame, file, headers, units)
    if unconvertible:
        raise ContractError([Problem(file, None, header, unit, Message("import_file.unit", unit=col.unit)) for col, header, unit in unconvertible])
    frame = _auto_ids(table, frame, data_dir)
    problems = formula_cells(table, frame, file)
    typed, found = coerce_frame(table, frame, file)
    problems += found
    unreadable = {(p.row, p.column) for p in found}
    later = check_frame(table, typed, file) + check_references(table, typed, file, _referenced(table, data_dir))
    problems += [p for p in later if (p.row, p.column) not in unreadable]  # an unreadable cell is reported once
    if table.has_geometry:
        problems += _geometry_problems(typed, file)
    if not problems and {"lon", "lat", "district_code"} <= set(typed.columns):
        outlines = {name: load_table(BY_NAME[name], data_dir)[0] for name in ("district_shapes", "functional_zone_shapes")}
        problems += check_points_in_units(table, {**outlines, table.name: typed}, file)
    if problems:
        named = [replace(p, column=headers.get(p.column, p.column)) for p in problems]  # the file's own header
        raise ContractError(sorted(named, key=lambda p: (p.row or 0, p.column or "")))
    return typed, warnings


def _text(value) -> str:
    if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def merge_csv(table: Table, typed: pd.DataFrame, data_dir: Path) -> tuple[str, bytes, int]:
    path = source_path(table, data_dir)
    stored = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path, dtype=str, keep_default_na=False)
    keys_in = typed[list(table.key)].map(_text).agg("\x1f".join, axis=1)
    keys_stored = stored[list(table.key)].astype(str).agg("\x1f".join, axis=1) if len(stored) else pd.Series([], dtype=str)
    replaced = int(keys_stored.isin(set(keys_in)).sum())
    columns = [c.name for c in table.columns]
    incoming = typed[columns].map(_text) if path.suffix != ".parquet" else typed[columns]
    merged = pd.concat([stored[~keys_stored.isin(set(keys_in))][columns], incoming], ignore_index=True)
    if path.suffix == ".parquet":
        buffer = io.BytesIO()
        merged.to_parquet(buffer, index=False)
        return path.name, buffer.getvalue(), replaced
    return path.name, merged.to_csv(index=False, lineterminator="\n").encode("utf-8"), replaced


def _merge_geojson(table: Table, typed: pd.DataFrame, data_dir: Path) -> tuple[str, bytes, int]:
    path = source_path(table, data_dir)
    doc = json.loads(path.read_text(encoding="utf-8"))
    key = table.key[0]
    incoming = set(typed[key].astype(str))
    kept = [f for f in doc["features"] if str(f["properties"].get(key)) not in incoming]
    props = [c.name for c in table.columns if c.type != "GEOMETRY"]
    for row in typed.itertuples(index=False):
        values = {p: _text(getattr(row, p)) for p in props}
        kept.append({"type": "Feature", "properties": values, "geometry": mapping(row.geometry)})
    replaced = len(doc["features"]) - (len(kept) - len(typed))
    doc["features"] = kept
    return path.name, (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8"), replaced


def import_table(domain: str, path: Path, data_dir: Path, db_path: Path, user: str = "cli", sheet: str | None = None,
                 crs: str | None = None, gcj02: bool = False, progress: Progress | None = None, dry_run: bool = False) -> ImportResult:
    """Validate a department's file against its table's contract, merge it and rebuild; nothing changes on failure or on
    a dry run."""
    if domain not in DOMAINS:
        raise ValueError(str(Message("import_file.unknown_domain", domain=domain, domains=(*DOMAINS, "catalog"))))
    step = progress or (lambda fraction, text: None)
    table, path = BY_NAME[DOMAINS[domain]], Path(path)
    step(0.05, Message("step.read", file=path.name))
    frame = _read(table, path, sheet, crs, gcj02)
    step(0.25, Message("step.validate", rows=len(frame)))
    typed, warnings = validate(table, frame, path.name, data_dir)
    step(0.5, Message("step.merge"))
    name, content, replaced = (_merge_geojson if table.has_geometry else merge_csv)(table, typed, data_dir)
    if dry_run:
        step(1.0, Message("step.done"))
        return ImportResult(added=len(typed) - replaced, replaced=replaced, warnings=tuple(warnings),
                            preview=typed.drop(columns=[ROW], errors="ignore"))
    step(0.65, Message("step.rebuild"))
    apply_files(data_dir, db_path, {name: content}, domain=domain, source=path, user=user, rows=len(typed), warnings=warnings)
    step(1.0, Message("step.done"))
    return ImportResult(added=len(typed) - replaced, replaced=replaced, warnings=tuple(warnings))
