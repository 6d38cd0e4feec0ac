"""Bonded-zone domain functions: database in, frames and Progress records out."""
from __future__ import annotations

from datetime import date

import pandas as pd

from lyg.bonded import metrics
from lyg.db import Database

INDICATOR_ORDER = ("industrial_output", "logistics_revenue", "trade_total", "leading_share")


def last_month(db: Database) -> date:
    return pd.Timestamp(db.query("bonded.last_month")["last_month"].iat[0]).date()


def as_of(db: Database) -> date:
    return (pd.Timestamp(last_month(db)) + pd.offsets.MonthEnd(0)).date()


def targets(db: Database) -> pd.DataFrame:
    return db.query("bonded.targets")


def official_targets(db: Database) -> pd.DataFrame:
    """The targets stated in a public source (the 2020 targets of the press conference), not extrapolated ones."""
    frame = targets(db)
    frame = frame[frame["provenance"] == "real"]
    rank = frame["indicator_code"].map({code: i for i, code in enumerate(INDICATOR_ORDER)})
    return frame.assign(rank=rank).sort_values(["target_year", "rank"]).drop(columns="rank").reset_index(drop=True)


def years(db: Database) -> list[int]:
    """Years that have both targets and monthly data, newest first."""
    with_data = set(db.query("bonded.monthly_totals")["month"].dt.year)
    return sorted(set(targets(db)["target_year"]) & with_data, reverse=True)


def progress(db: Database, year: int) -> list[metrics.Progress]:
    ranked = {code: i for i, code in enumerate(INDICATOR_ORDER)}
    found = metrics.year_progress(targets(db), db.query("bonded.monthly_totals"), year)
    return sorted(found, key=lambda p: ranked.get(p.indicator_code, 99))


def paths(db: Database, year: int, known: list[metrics.Progress] | None = None) -> dict[str, pd.DataFrame]:
    """Cumulative actual, target path and forecast per cumulative indicator (target units).

    Pass the year's progress when the caller already has it, so it is not computed twice.
    """
    monthly = db.query("bonded.monthly_totals")
    out = {}
    for p in known if known is not None else progress(db, year):
        if p.comparison != "cumulative_at_least":
            continue
        this_year = metrics._series(monthly, p.indicator_code, year, p.unit)
        previous = metrics._series(monthly, p.indicator_code, year - 1, p.unit)
        out[p.indicator_code] = metrics.cumulative_path(p, this_year, previous if len(previous) == 12 else None)
    return out


def share_by_month(db: Database, year: int) -> pd.DataFrame:
    """Month-by-month cumulative leading-industry share (%), for the share indicator's line."""
    monthly = db.query("bonded.monthly_totals")
    part = monthly[monthly["month"].dt.year == year].pivot_table(index="month", columns="indicator_code", values="value")
    cumulative = part.cumsum()
    return pd.DataFrame({"month": cumulative.index.month,
                         "share": 100 * cumulative["leading_industry_output"] / cumulative["industrial_output"]})


def subzone_split(db: Database, year: int) -> pd.DataFrame:
    """Year-to-date per sub-zone, in target units (亿元 / 亿美元), plus each sub-zone's leading share."""
    raw = db.query("bonded.monthly_by_subzone", year=year)
    names = dict(zip(targets(db)["indicator_code"], targets(db)["indicator_name"]))
    rows = []
    for subzone, part in raw.groupby("subzone"):
        values = part.set_index("indicator_code")
        for code in ("industrial_output", "logistics_revenue", "trade_total"):
            unit = "亿美元" if values.loc[code, "unit"] == "万美元" else "亿元"
            rows.append((subzone, code, names.get(code, code),
                         float(metrics.monthly_in_target_unit(pd.Series([values.loc[code, "value"]]), values.loc[code, "unit"], unit).iat[0]), unit))
        share = 100 * values.loc["leading_industry_output", "value"] / values.loc["industrial_output", "value"]
        rows.append((subzone, "leading_share", names.get("leading_share", "主导产业集聚度"), float(share), "%"))
    return pd.DataFrame(rows, columns=["subzone", "indicator_code", "indicator_name", "value", "unit"])


def monthly_table(db: Database, year: int) -> pd.DataFrame:
    frame = db.query("bonded.monthly_table", year=year)
    frame["month"] = frame["month"].dt.strftime("%Y-%m")
    return frame  # values in 万元 / 万美元 as reported; the page labels the columns with their units


def blocks(db: Database) -> pd.DataFrame:
    return db.query("bonded.blocks")


def facilities(db: Database) -> pd.DataFrame:
    return db.query("bonded.facilities")


def milestones(db: Database) -> pd.DataFrame:
    return db.query("bonded.milestones")


def platforms(db: Database) -> pd.DataFrame:
    frame = db.query("bonded.platforms")
    frame["subzone"] = frame["subzone"].fillna("全区")
    return frame.fillna("")


def enterprises_by_year(db: Database) -> pd.DataFrame:
    return db.query("bonded.enterprises_by_year")
