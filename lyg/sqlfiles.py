"""Named SQL queries kept in lyg/sql/*.sql, one file per domain (aiosql style).

    -- name: incidents_by_year
    -- Incidents per year and type.
    SELECT ... WHERE district_code = $district

A query is addressed as "<file>.<name>"; its $parameters are bound, never formatted in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SQL_DIR = Path(__file__).parent / "sql"
_NAME = re.compile(r"^--\s*name:\s*([a-z_][a-z0-9_]*)\s*$", re.M)
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    doc: str
    sql: str
    params: tuple[str, ...]


def _parse(text: str, prefix: str) -> dict[str, NamedQuery]:
    queries = {}
    parts = _NAME.split(text)
    for name, body in zip(parts[1::2], parts[2::2]):
        lines = body.strip().splitlines()
        doc = " ".join(line.lstrip("- ").strip() for line in lines if line.startswith("--"))
        sql = "\n".join(line for line in lines if not line.startswith("--")).strip().rstrip(";")
        params = tuple(dict.fromkeys(_PARAM.findall(sql)))
        queries[f"{prefix}.{name}"] = NamedQuery(f"{prefix}.{name}", doc, sql, params)
    return queries


@lru_cache(maxsize=1)
def all_queries() -> dict[str, NamedQuery]:
    queries: dict[str, NamedQuery] = {}
    for path in sorted(SQL_DIR.glob("*.sql")):
        queries.update(_parse(path.read_text(encoding="utf-8"), path.stem))
    return queries


def get(name: str) -> NamedQuery:
    try:
        return all_queries()[name]
    except KeyError:
        raise KeyError(f"no named query {name!r} in {SQL_DIR}") from None


def statements(stem: str) -> list[str]:
    """The queries of one file in order (for DDL-like files such as derived.sql)."""
    return [q.sql for q in _parse((SQL_DIR / f"{stem}.sql").read_text(encoding="utf-8"), stem).values()]
