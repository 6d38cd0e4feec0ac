"""The domain results the overview reads, computed once per run: headlines and alerts share them."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from lyg import provenance
from lyg.bonded import analysis as bz
from lyg.bonded.metrics import Progress
from lyg.catalog import analysis as cat
from lyg.db import Database
from lyg.digital import analysis as dg
from lyg.i18n import ZH, Translator
from lyg.legislation import analysis as leg

# The tables each domain's headline figures and alerts are computed from.
FIGURE_TABLES = {"bonded": ("bz_monthly",), "catalog": ("cat_entries",), "digital": ("dg_progress", "dg_projects"),
                 "legislation": ("leg_events", "leg_projects"), "fireworks": ("fw_incidents",)}


@dataclass(frozen=True)
class Snapshot:
    bonded_as_of: date
    bonded_year: int
    progress: list[Progress]
    catalog_as_of: date
    catalog_head: dict
    scorecard: pd.DataFrame
    digital_as_of: date
    projects: pd.DataFrame
    legislation_as_of: date
    comment_events: pd.DataFrame  # public comment at the stages the 30-day rule covers
    violations: pd.DataFrame  # worded in the snapshot's language
    sample: dict[str, bool] = field(default_factory=dict)  # domain -> its figures rest on illustrative rows

    def is_sample(self, domain: str) -> bool:
        """Unknown provenance counts as illustrative: a mark too many is safer than one missing."""
        return self.sample.get(domain, True)


def take(db: Database, tr: Translator = ZH) -> Snapshot:
    """Each domain's own functions, called once (never a second copy of their logic)."""
    year = bz.years(db)[0]
    catalog_day, digital_day = cat.as_of(db), dg.as_of(db)
    leg_projects, events = leg.load(db)
    return Snapshot(
        bonded_as_of=bz.as_of(db), bonded_year=year, progress=bz.progress(db, year),
        catalog_as_of=catalog_day, catalog_head=cat.headline(db, catalog_day), scorecard=cat.scorecard(db, catalog_day),
        digital_as_of=digital_day, projects=dg.projects(db, digital_day),
        legislation_as_of=leg.as_of(db),
        comment_events=events[(events["method"] == leg.PUBLIC_COMMENT) & events["stage"].isin(leg.COMMENT_STAGES)],
        violations=leg.violations(leg_projects, events, tr),
        sample={domain: provenance.illustrative(db, *tables) for domain, tables in FIGURE_TABLES.items()},
    )
