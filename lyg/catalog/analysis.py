"""Catalog queries: Chinese search, facets that narrow each other, freshness, scorecards, quality."""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from datetime import date

import pandas as pd

from lyg.auth.roles import RESTRICTED_SHARE_TYPES
from lyg.db import Database

FACETS = {  # facet key -> (Chinese label for exports and the CLI, filter field); the UI takes labels from lyg.i18n
    "class": ("分类（类）", "classes"), "provider": ("提供方", "providers"), "share": ("共享类型", "shares"),
    "open": ("向社会开放", "opens"), "format": ("格式", "formats"), "cycle": ("更新周期", "cycles"), "fresh": ("时效", "fresh"),
}
FRESHNESS_ORDER = ("及时", "待更新", "逾期", "严重逾期", "不适用")
PAGE_SIZE = 50


@dataclass(frozen=True)
class Filters:
    """The current view: a search text and the selected values of each facet (empty = all)."""
    q: str = ""
    classes: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()
    shares: tuple[str, ...] = ()
    opens: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    cycles: tuple[str, ...] = ()
    fresh: tuple[str, ...] = field(default=())
    full_detail: bool = False  # the reader may search restricted entries' summaries and items (roles.DETAIL_ROLES)

    def params(self, as_of: date) -> dict:
        out = {f.name: list(getattr(self, f.name)) for f in fields(self) if f.name not in ("q", "full_detail")}
        return {"q": self.q.strip(), "full_detail": self.full_detail, "as_of": as_of, **out}


def as_of(db: Database) -> date:
    return pd.Timestamp(db.query("catalog.as_of")["as_of"].iat[0]).date()


def search(db: Database, filters: Filters, day: date, page: int = 1, page_size: int = PAGE_SIZE) -> tuple[pd.DataFrame, int]:
    """One page of results and the total count."""
    if page < 1:
        raise ValueError("页码应从1开始")
    params = filters.params(day)
    total = int(db.query("catalog.count", **params)["n"].iat[0])
    frame = db.query("catalog.search", **params, limit=page_size, offset=(page - 1) * page_size)
    return frame, total


@dataclass(frozen=True)
class ResultPage:
    rows: pd.DataFrame
    total: int
    page: int  # the page shown: the one asked for, within 1..pages
    pages: int


def result_page(db: Database, filters: Filters, day: date, asked: int = 1, page_size: int = PAGE_SIZE) -> ResultPage:
    """The page of results asked for, moved back within range when the view has fewer pages (a narrower search)."""
    total = int(db.query("catalog.count", **filters.params(day))["n"].iat[0])
    pages = max(1, math.ceil(total / page_size))
    page = min(max(1, asked), pages)
    rows, _ = search(db, filters, day, page, page_size)
    return ResultPage(rows, total, page, pages)


def facets(db: Database, filters: Filters, day: date) -> dict[str, pd.DataFrame]:
    """value -> count per facet, each counted with every other selection applied (so they narrow each other)."""
    def build():
        frame = db.query("catalog.facets", **filters.params(day))
        return {key: frame[frame["facet"] == key][["value", "n"]].reset_index(drop=True) for key in FACETS}
    return {key: counts.copy() for key, counts in db.memo(("catalog.facets", filters, day), build).items()}


def export(db: Database, filters: Filters, day: date) -> pd.DataFrame:
    return db.query("catalog.export", **filters.params(day))


def headline(db: Database, day: date) -> dict:
    return db.query("catalog.headline", as_of=day).iloc[0].to_dict()


def scorecard(db: Database, day: date) -> pd.DataFrame:
    return db.query("catalog.scorecard", as_of=day)


def freshness_by_cycle(db: Database, day: date) -> pd.DataFrame:
    return db.query("catalog.freshness_by_cycle", as_of=day)


def entry(db: Database, code: str, day: date) -> dict | None:
    frame = db.query("catalog.entry", code=code, as_of=day)
    return None if frame.empty else frame.iloc[0].to_dict()


def entry_items(db: Database, code: str) -> pd.DataFrame:
    return db.query("catalog.entry_items", code=code)


def related(db: Database, code: str) -> pd.DataFrame:
    frame = db.query("catalog.related", code=code)
    frame["direction"] = frame["direction"].map({"named by this entry": "本资源关联", "names this entry": "关联本资源"})
    return frame


def quality(db: Database, full_detail: bool = False) -> pd.DataFrame:
    """Entries breaking the guide; without the right to restricted detail, a restricted entry's offending value
    (a related code) is not shown."""
    frame = db.query("catalog.quality")
    if not full_detail:
        frame.loc[frame["share_type"].isin(RESTRICTED_SHARE_TYPES), "detail"] = None
    return frame.drop(columns="share_type")
