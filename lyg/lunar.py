"""Lunar-calendar dates through lunar-python (6tail's maintained calendar library), never a typed table."""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import numpy as np
import pandas as pd
from lunar_python import Lunar


@lru_cache(maxsize=512)
def spring_festival(year: int) -> date:
    """正月初一 of the lunar year that begins in this Gregorian year."""
    solar = Lunar.fromYmd(year, 1, 1).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def chuxi(year: int) -> date:
    """除夕: the last day of the twelfth lunar month, the eve of this year's Spring Festival."""
    return spring_festival(year) - timedelta(days=1)


@lru_cache(maxsize=512)
def lantern_festival(year: int) -> date:
    """正月十五."""
    solar = Lunar.fromYmd(year, 1, 15).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def festival_days(year: int) -> dict[date, str]:
    """The three days on which the first notice lifts its night ban."""
    return {chuxi(year): "除夕", spring_festival(year): "正月初一", lantern_festival(year): "正月十五"}


def days_from_chuxi(days: pd.Series) -> pd.DataFrame:
    """For each date: the Spring-Festival year it is nearest to, and the signed days from that 除夕.

    Aligns seasons on the lunar calendar so years can be compared day by day around the festival.
    """
    day = days.dt.normalize()
    uniques = pd.DatetimeIndex(pd.unique(day.dropna()))
    years = np.empty(len(uniques), dtype=np.int32)
    offsets = np.empty(len(uniques), dtype=np.int32)
    for i, ts in enumerate(uniques):
        d = ts.date()
        _, season = min((abs((d - chuxi(y)).days), y) for y in (d.year - 1, d.year, d.year + 1))
        years[i], offsets[i] = season, (d - chuxi(season)).days
    position = uniques.get_indexer(day)  # every day is among the uniques
    return pd.DataFrame({"season_year": years[position], "days_from_chuxi": offsets[position]}, index=days.index)
