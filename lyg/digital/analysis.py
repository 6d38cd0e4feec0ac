"""Schedule and cost variance, project status, phases and indicator attainment.

Stated thresholds:
- Days late: the as-of date minus the day the (linear) plan reached the actual progress. On time when
  ≤ 30 days late, at risk when ≤ 90, late beyond; a project at 100% is complete.
- Cost: earned value EV = budget × actual%; cost performance CPI = EV / spent. Within budget when
  CPI ≥ 0.95, at risk when ≥ 0.85, over budget below (or when spending exceeds the whole budget).
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from lyg.db import Database

LATE_RISK_DAYS, LATE_DAYS = 30, 90
CPI_RISK, CPI_OVER = 0.95, 0.85
SCHEDULE_TEXT = {"done": "已完成", "on": "正常", "risk": "预警", "late": "滞后", "not_started": "未开始"}
COST_TEXT = {"on": "正常", "risk": "预警", "over": "超支", "none": "—"}
SEVERITY = {"late": 0, "risk": 1, "on": 2, "not_started": 3, "done": 4}


def days_late(start: date, end: date, actual_pct: float, as_of: date) -> int:
    """Days between the as-of date and the day a linear plan would have reached the actual progress."""
    start, end, as_of = pd.Timestamp(start), pd.Timestamp(end), pd.Timestamp(as_of)
    reached = start + (end - start) * (actual_pct / 100.0)
    return max(0, (as_of - reached).days)


def schedule_status(actual_pct: float, late: int, started: bool) -> str:
    if actual_pct >= 100:
        return "done"
    if not started:
        return "not_started"
    if late <= LATE_RISK_DAYS:
        return "on"
    return "risk" if late <= LATE_DAYS else "late"


def cost_status(budget: float, actual_pct: float, spent: float) -> tuple[float | None, str]:
    """(CPI, status)."""
    if spent <= 0:
        return None, "none"
    cpi = budget * actual_pct / 100.0 / spent
    if spent > budget or cpi < CPI_OVER:
        return cpi, "over"
    return cpi, "on" if cpi >= CPI_RISK else "risk"


def assess(projects: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Adds days_late, schedule/cost status (codes and Chinese), CPI, cost variance; worst first."""
    rows = []
    for p in projects.itertuples():
        started = pd.Timestamp(p.planned_start) <= pd.Timestamp(as_of)
        late = days_late(p.planned_start, p.planned_end, p.actual_pct, as_of) if started else 0
        sched = schedule_status(p.actual_pct, late, started)
        cpi, cost = cost_status(p.budget_wan, p.actual_pct, p.spent_wan)
        rows.append({"days_late": late if sched != "done" else 0, "schedule": sched, "schedule_text": SCHEDULE_TEXT[sched],
                     "cpi": cpi, "cost": cost, "cost_text": COST_TEXT[cost],
                     "cost_variance_wan": p.budget_wan * p.actual_pct / 100.0 - p.spent_wan,
                     "schedule_variance_pct": p.actual_pct - p.planned_pct})
    out = pd.concat([projects.reset_index(drop=True), pd.DataFrame(rows)], axis=1)
    out["rank"] = out["schedule"].map(SEVERITY) * 10 + out["cost"].map({"over": 0, "risk": 1, "on": 2, "none": 3})
    return out.sort_values(["rank", "days_late"], ascending=[True, False]).drop(columns="rank").reset_index(drop=True)


def component_status(components: pd.DataFrame, assessed: pd.DataFrame) -> pd.DataFrame:
    """Each framework component coloured by the worst schedule status among its projects."""
    rows = []
    for c in components.itertuples():
        linked = assessed[assessed["component_codes"].fillna("").str.split(";").map(lambda codes, code=c.component_code: code in codes)]
        worst = min(linked["schedule"], key=SEVERITY.get) if len(linked) else "not_started"
        rows.append({"component_code": c.component_code, "projects": len(linked), "worst": worst, "worst_text": SCHEDULE_TEXT[worst],
                     "done": int((linked["schedule"] == "done").sum())})
    return components.merge(pd.DataFrame(rows), on="component_code")


def phases(assessed: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Per priority year (2019 打基础, 2020 求突破, 2021 快提升): projects, completed, mean progress, on-time share."""
    motto = {2019: "一年打基础", 2020: "二年求突破", 2021: "三年快提升"}
    out = assessed.groupby("phase_year").agg(projects=("project_code", "count"), completed=("schedule", lambda s: int((s == "done").sum())),
                                             mean_progress=("actual_pct", "mean"),
                                             late=("schedule", lambda s: int(s.isin(["late", "risk"]).sum()))).reset_index()
    out["motto"] = out["phase_year"].map(motto)
    out["completed_pct"] = 100.0 * out["completed"] / out["projects"]
    return out


def indicator_attainment(indicators: pd.DataFrame) -> pd.DataFrame:
    """Latest actual per indicator against its target that year, and the distance covered toward the 2022 goal."""
    rows = []
    for code, part in indicators.groupby("indicator_code"):
        part = part.sort_values("year")
        base = part[part["year"] == part["year"].min()]["actual"].iat[0]
        goal = part[part["year"] == part["year"].max()]["target"].iat[0]
        latest = part.dropna(subset=["actual"]).iloc[-1]
        attained = 100.0 * latest["actual"] / latest["target"] if pd.notna(latest["target"]) and latest["target"] else None
        toward = 100.0 * (latest["actual"] - base) / (goal - base) if goal != base else None
        rows.append({"indicator_code": code, "name": latest["name"], "unit": latest["unit"], "year": int(latest["year"]),
                     "baseline": base, "target": latest["target"], "actual": latest["actual"], "attainment_pct": attained,
                     "goal_2022": goal, "toward_goal_pct": toward})
    return pd.DataFrame(rows)


def as_of(db: Database) -> date:
    return pd.Timestamp(db.query("digital.as_of")["as_of"].iat[0]).date()


def projects(db: Database, day: date) -> pd.DataFrame:
    return assess(db.query("digital.projects_latest", as_of=day), day)


def components(db: Database, day: date) -> pd.DataFrame:
    return component_status(db.query("digital.components"), projects(db, day))


def component_projects(assessed: pd.DataFrame, component_code: str) -> pd.DataFrame:
    """The projects that build one framework component."""
    return assessed[assessed["component_codes"].fillna("").str.split(";").map(lambda codes: component_code in codes)]


def year_ends(db: Database) -> list[date]:
    """The ends of the years the programme has recorded in full, for viewing the programme as it stood then."""
    first = pd.Timestamp(db.query("digital.first_month")["first_month"].iat[0]).date()
    latest = as_of(db)
    return [date(year, 12, 31) for year in range(first.year, latest.year + 1) if date(year, 12, 31) <= latest]


def indicators(db: Database, upto_year: int) -> pd.DataFrame:
    """Evaluation indicators up to a year (baseline, targets, actuals)."""
    frame = db.query("digital.indicators")
    return frame[frame["year"] <= upto_year].reset_index(drop=True)
