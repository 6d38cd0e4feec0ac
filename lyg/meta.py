"""Cross-domain facts about the loaded data: as-of dates, table sizes, geography."""
from __future__ import annotations

from datetime import date

import pandas as pd

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


def units(db: Database) -> pd.DataFrame:
    return db.query("meta.units")
