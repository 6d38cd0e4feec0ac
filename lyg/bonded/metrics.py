"""Target-versus-actual arithmetic for the bonded zone, on plain frames (no database, no UI).

Rules:
- Cumulative targets (工业总产值, 物流企业经营收入, 进出口总额) compare the year-to-date sum with the target.
  Expected-to-date is linear (target × months/12) or seasonal (target × the previous year's cumulative
  monthly share); the forecast scales the year-to-date actual by the seasonal share (linear when no
  previous year exists).
- A share target (主导产业集聚度) is met when the share *exceeds* it: it is never summed; the share is
  Σ numerator / Σ denominator over the months so far.
- Status (stated thresholds): on course when actual ≥ expected (share: above target); at risk when
  actual ≥ 90% of expected (share: within 2 percentage points below); otherwise off course. A completed
  year is judged against the target itself.
- Yuan and dollars are never added or compared: every indicator keeps its own unit, and the monthly
  unit must match the target's currency.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from lyg.status import direction

AT_RISK_RATIO = 0.90
SHARE_MARGIN_PP = 2.0
STATUS_TEXT = {"on": "正常", "risk": "预警", "off": "滞后"}
STATUS_TEXT_DONE = {"on": "已达成", "off": "未达成", "risk": "未达成"}
# target unit -> (monthly unit, factor from monthly to target unit)
UNIT_BRIDGE = {"亿元": ("万元", 1e-4), "亿美元": ("万美元", 1e-4)}


@dataclass(frozen=True)
class Progress:
    indicator_code: str
    indicator_name: str
    unit: str
    comparison: str
    year: int
    months: int  # months of data in the year so far
    target: float
    actual: float
    expected_linear: float
    expected_seasonal: float
    variance_target: float
    variance_target_pct: float
    variance_expected: float
    variance_expected_pct: float
    forecast: float
    status: str  # on | risk | off
    complete: bool
    target_official: bool = True  # False for a target extrapolated from an official one (推算目标)

    @property
    def status_text(self) -> str:
        return (STATUS_TEXT_DONE if self.complete else STATUS_TEXT)[self.status]

    @property
    def arrow(self) -> str:
        gap = self.variance_target if self.complete or self.comparison == "share_above" else self.variance_expected
        return direction(gap)


def monthly_in_target_unit(values: pd.Series, monthly_unit: str, target_unit: str) -> pd.Series:
    """Monthly 万元/万美元 in the target's 亿元/亿美元; refuses to mix currencies."""
    expected_unit, factor = UNIT_BRIDGE[target_unit]
    if monthly_unit != expected_unit:
        raise ValueError(f"单位不一致：目标以{target_unit}计，月度数据为{monthly_unit}；未给出汇率，不作换算")
    return values * factor


def seasonal_share(previous_year: pd.Series, months: int) -> float | None:
    """Share of the previous year's total reached after `months` months (None without a full previous year)."""
    if previous_year is None or len(previous_year) < 12 or previous_year.sum() <= 0:
        return None
    return float(previous_year.iloc[:months].sum() / previous_year.sum())


def _status_cumulative(actual: float, expected: float) -> str:
    if actual >= expected:
        return "on"
    return "risk" if actual >= AT_RISK_RATIO * expected else "off"


def _pct(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else float("nan")


def cumulative_progress(code: str, name: str, unit: str, year: int, target: float, this_year: pd.Series,
                        previous_year: pd.Series | None) -> Progress:
    """Progress of a cumulative target; series are monthly values (Jan first) in the target's unit."""
    months = len(this_year)
    if not 1 <= months <= 12:
        raise ValueError(f"{name}：{year}年应有1至12个月的数据，实有{months}个月")
    actual = float(this_year.sum())
    linear = target * months / 12
    share = seasonal_share(previous_year, months)
    seasonal = target * share if share else linear
    complete = months == 12
    forecast = actual if complete else actual / share if share else actual * 12 / months
    status = ("on" if actual >= target else "off") if complete else _status_cumulative(actual, seasonal)
    return Progress(code, name, unit, "cumulative_at_least", year, months, target, actual, linear, seasonal,
                    actual - target, _pct(actual - target, target), actual - seasonal, _pct(actual - seasonal, seasonal),
                    forecast, status, complete)


def share_progress(code: str, name: str, year: int, target_pct: float, numerator: pd.Series, denominator: pd.Series) -> Progress:
    """Progress of a share target: Σ numerator / Σ denominator, met only when strictly above the target."""
    months = len(denominator)
    if months != len(numerator) or not 1 <= months <= 12:
        raise ValueError(f"{name}：分子与分母的月份数应相同且在1至12之间")
    share = _pct(float(numerator.sum()), float(denominator.sum()))
    if share > target_pct:
        status = "on"
    else:
        status = "risk" if share > target_pct - SHARE_MARGIN_PP and months < 12 else "off"
    gap = share - target_pct
    return Progress(code, name, "%", "share_above", year, months, target_pct, share, target_pct, target_pct,
                    gap, _pct(gap, target_pct), gap, _pct(gap, target_pct), share, status, months == 12)


def year_progress(targets: pd.DataFrame, monthly: pd.DataFrame, year: int) -> list[Progress]:
    """Every target of a year. monthly: month, indicator_code, value, unit (already summed over blocks)."""
    rows = targets[targets["target_year"] == year]
    if rows.empty:
        raise ValueError(f"{year}年没有目标值")
    out = []
    for t in rows.itertuples():
        if t.comparison == "share_above":
            num = _series(monthly, t.numerator_code, year)
            den = _series(monthly, t.denominator_code, year)
            found = share_progress(t.indicator_code, t.indicator_name, year, t.target_value, num, den)
        else:
            this_year = _series(monthly, t.denominator_code, year, t.unit)
            previous = _series(monthly, t.denominator_code, year - 1, t.unit)
            found = cumulative_progress(t.indicator_code, t.indicator_name, t.unit, year, t.target_value,
                                        this_year, previous if len(previous) == 12 else None)
        out.append(replace(found, target_official=getattr(t, "provenance", "real") == "real"))
    return out


def _series(monthly: pd.DataFrame, code: str, year: int, target_unit: str | None = None) -> pd.Series:
    part = monthly[(monthly["indicator_code"] == code) & (monthly["month"].dt.year == year)].sort_values("month")
    if target_unit is None:
        return part["value"].reset_index(drop=True)
    units = part["unit"].unique()
    if len(units) > 1:
        raise ValueError(f"{code} 在 {year} 年混有多种单位：{'、'.join(units)}")
    unit = units[0] if len(units) else UNIT_BRIDGE[target_unit][0]
    return monthly_in_target_unit(part["value"], unit, target_unit).reset_index(drop=True)


def cumulative_path(progress: Progress, this_year: pd.Series, previous_year: pd.Series | None) -> pd.DataFrame:
    """Month by month: cumulative actual, the target path (seasonal or linear) and the forecast to December."""
    months = list(range(1, 13))
    share = [seasonal_share(previous_year, m) for m in months] if previous_year is not None else [None] * 12
    path = [progress.target * (s if s else m / 12) for m, s in zip(months, share)]
    actual = this_year.cumsum().tolist() + [None] * (12 - len(this_year))
    forecast = [None] * 12
    if not progress.complete:
        last = len(this_year)
        forecast[last - 1] = actual[last - 1]
        for m in range(last + 1, 13):
            s_now, s_then = share[last - 1], share[m - 1]
            forecast[m - 1] = actual[last - 1] * (s_then / s_now if s_now and s_then else m / last)
    return pd.DataFrame({"month": months, "actual": actual, "target_path": path, "forecast": forecast})
