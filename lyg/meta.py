"""Cross-domain facts about the loaded data: as-of dates, table sizes, geography."""
from __future__ import annotations

from datetime import date

import pandas as pd

from lyg.contracts import BY_NAME
from lyg.db import Database


def domain_as_of(db: Database) -> pd.DataFrame:
    return db.query("meta.as_of")


def as_of(db: Database, domain: str | None = None) -> date:
    """The latest period present in a domain's data (or in all data): never the wall clock."""
    frame = domain_as_of(db)
    if domain:
        frame = frame[frame["domain"] == domain]
        if frame.empty:
            raise ValueError(f"未知领域：{domain}")
    return pd.Timestamp(frame["as_of"].max()).date()


def table_rows(db: Database) -> pd.DataFrame:
    frame = db.query("meta.table_rows")
    frame["label"] = frame["table_name"].map(lambda n: BY_NAME[n].label if n in BY_NAME else n)
    frame["provenance"] = frame["table_name"].map(lambda n: BY_NAME[n].provenance if n in BY_NAME else "")
    return frame


def units(db: Database) -> pd.DataFrame:
    return db.query("meta.units")
