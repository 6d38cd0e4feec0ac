"""Where values come from, so that every surface can say it.

Each row is real (from a public source, shown exactly), illustrative (generated, marked 示例 wherever it is
read) or derived (computed from real rows only). The build counts every table's rows by provenance
(`build_provenance`); an element built from any illustrative row carries the 示例 mark, one built only from
real and derived rows carries none.
"""
from __future__ import annotations

from datetime import datetime

import pandas as pd

from lyg.contracts import BY_NAME, Table
from lyg.db import Database

REAL, ILLUSTRATIVE, DERIVED = "real", "illustrative", "derived"

# The tables each domain reads: the 数据来源 view lists them, and a domain's marks are computed from them.
DOMAIN_TABLES: dict[str, tuple[str, ...]] = {
    "fireworks": ("fw_notices", "fw_notice_coverage", "fw_zones", "fw_places", "fw_incidents", "fw_statistics", "fw_survey",
                  "units", "district_shapes", "functional_zone_shapes"),
    "bonded": ("bz_targets", "bz_blocks", "bz_monthly", "bz_facilities", "bz_platforms", "bz_enterprises", "bz_milestones"),
    "catalog": ("cat_departments", "cat_entries", "cat_items"),
    "digital": ("dg_components", "dg_systems", "dg_projects", "dg_progress", "dg_indicators"),
    "legislation": ("leg_projects", "leg_events"),
}
DOMAIN_TABLES["overview"] = tuple(dict.fromkeys(t for tables in DOMAIN_TABLES.values() for t in tables))


def provenance_column(table: Table) -> str | None:
    """The column that says each row's provenance (units say it of their population figures)."""
    names = {c.name for c in table.columns}
    return next((c for c in ("provenance", "population_provenance") if c in names), None)


def table_counts(table: Table, frame: pd.DataFrame) -> list[tuple[str, str, int]]:
    """(table, provenance, rows) for one loaded table: by its provenance column, else the contract's word for it."""
    column = provenance_column(table)
    if column and len(frame):
        counts = frame[column].value_counts()
        return [(table.name, str(p), int(n)) for p, n in counts.items()]
    return [(table.name, table.provenance, len(frame))]


def counts(db: Database) -> pd.DataFrame:
    """Rows of every table by provenance, as the build counted them (a named query: shared until a rebuild)."""
    return db.query("meta.provenance")


def illustrative(db: Database, *tables: str) -> bool:
    """True when any row of these tables is illustrative."""
    return not illustrative_tables(db).isdisjoint(tables)


def illustrative_tables(db: Database) -> frozenset[str]:
    """The tables holding any illustrative row (asked on every page element, so computed once per build)."""
    def build():
        frame = counts(db)
        return frozenset(frame.loc[(frame["provenance"] == ILLUSTRATIVE) & (frame["rows"] > 0), "table_name"])
    return db.memo(("illustrative_tables",), build)


def any_illustrative(values) -> bool:
    """True when a row-level provenance series holds an illustrative row."""
    return bool((pd.Series(values).astype(str) == ILLUSTRATIVE).any())


def domain_illustrative(db: Database, domain: str) -> bool:
    return illustrative(db, *DOMAIN_TABLES[domain])


def sources(db: Database, domain: str) -> pd.DataFrame:
    """For a domain's view: each table it reads, its file and sha256, and its rows by provenance."""
    tables = DOMAIN_TABLES[domain]
    files = db.query("meta.table_rows").set_index("table_name")
    by_kind = counts(db).pivot_table(index="table_name", columns="provenance", values="rows", aggfunc="sum", fill_value=0)
    rows = []
    for name in tables:
        table = BY_NAME[name]
        kinds = by_kind.loc[name] if name in by_kind.index else pd.Series(dtype=int)
        rows.append({"table_name": name, "label": table.label, "file": files.loc[name, "file"] if name in files.index else "",
                     "rows": int(files.loc[name, "rows"]) if name in files.index else 0,
                     **{f"rows_{kind}": int(kinds.get(kind, 0)) for kind in (REAL, ILLUSTRATIVE, DERIVED)},
                     "sha256": files.loc[name, "sha256"] if name in files.index else ""})
    return pd.DataFrame(rows)


def sources_of(db: Database, tables: tuple[str, ...]) -> list[tuple[str, str]]:
    """(table, source file) for the given tables, in the order given."""
    files = db.query("meta.table_rows").set_index("table_name")["file"]
    return [(t, files[t]) for t in tables if t in files.index]


def caveats(db: Database, domain: str, tr) -> list[str]:
    """What a reader must know besides row counts: assumed dates, zones never drawn, extrapolated targets."""
    out = []
    if domain in ("fireworks", "overview"):
        for r in db.query("meta.assumed_dates").itertuples():
            out.append(tr("src.assumed_date", notice=tr.value(r.title), day=tr.date(r.effective_from.date()), note=tr.value(r.effective_from_note)))
        for r in db.query("meta.undrawn_zones").itertuples():
            name = r.doc_number if isinstance(r.doc_number, str) and r.doc_number else tr("ban_rule.notice_label", title=tr.value(r.title))
            out.append(tr(f"src.zones_{r.zones_status}", notice=tr.value(name), unit=tr.value(r.unit_name)))
        out.append(tr("src.approximate"))
    if domain in ("bonded", "overview"):
        for r in db.query("meta.extrapolated_targets").itertuples():
            out.append(tr("src.extrapolated", name=tr.value(r.indicator_name), first=r.first_year, last=r.last_year))
    return out


def built_at(db: Database) -> datetime | None:
    frame = db.query("meta.build_info")
    return None if frame.empty else pd.Timestamp(frame["built_at"].iat[0]).to_pydatetime()
