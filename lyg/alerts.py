"""One alert rule set across domains, most severe first. Each alert says what is off, in Chinese, and where to look."""
from __future__ import annotations

from dataclasses import dataclass, field

from lyg import vocab
from lyg.bonded import analysis as bz
from lyg.bonded.metrics import format_value
from lyg.catalog import search as cat
from lyg.db import Database
from lyg.digital import programme as dg
from lyg.fireworks import analysis as fw
from lyg.legislation import compliance as leg
from lyg.overview import BONDED_DISTRICTS

HIGH, MEDIUM, LOW = 1, 2, 3
SEVERITY_TEXT = {HIGH: "严重", MEDIUM: "关注", LOW: "提示"}
DELINQUENT_MEDIUM, DELINQUENT_HIGH = 0.25, 0.35  # share of a department's assessed entries that are delinquent
SPIKE_RATIO = 1.5


@dataclass(frozen=True)
class Alert:
    severity: int
    domain: str
    text: str
    page: str
    query: dict = field(default_factory=dict)
    district: str = ""  # '' when it concerns the whole city

    @property
    def severity_text(self) -> str:
        return SEVERITY_TEXT[self.severity]


def bonded_alerts(db: Database) -> list[Alert]:
    year = bz.years(db)[0]
    out = []
    for p in bz.progress(db, year):
        if p.status == "on":
            continue
        gap = (f"{p.variance_target:+.1f}个百分点" if p.comparison == "share_above"
               else f"落后应达进度 {-p.variance_expected_pct:.1f}%，预计全年 {format_value(p.forecast, p.unit)}（目标 {format_value(p.target, p.unit)}）")
        out.append(Alert(HIGH if p.status == "off" else MEDIUM, "bonded", f"综保区{p.indicator_name}{p.status_text}：{gap}",
                         "pages/bonded.py", {"year": str(year)}, "320703"))
    return out


def catalog_alerts(db: Database) -> list[Alert]:
    card = cat.scorecard(db, cat.as_of(db))
    out = []
    for d in card.itertuples():
        share = d.delinquent / d.entries if d.entries else 0
        if share >= DELINQUENT_MEDIUM:
            out.append(Alert(HIGH if share >= DELINQUENT_HIGH else MEDIUM, "catalog",
                             f"{d.department}资源目录严重逾期 {d.delinquent} 条，占其资源 {100 * share:.0f}%",
                             "pages/catalog.py", {"provider": [d.department], "fresh": ["严重逾期"]}))
    return out


def programme_alerts(db: Database) -> list[Alert]:
    projects = dg.projects(db, dg.as_of(db))
    out = []
    for p in projects.itertuples():
        if p.schedule in ("late", "risk"):
            out.append(Alert(HIGH if p.schedule == "late" else MEDIUM, "digital",
                             f"重点工程“{p.name}”{p.schedule_text}：实际进度 {p.actual_pct:.0f}%，落后计划 {p.days_late} 天", "pages/digital.py",
                             {"project": p.project_code}))
        if p.cost == "over":
            earned = p.budget_wan * p.actual_pct / 100
            out.append(Alert(MEDIUM, "digital", f"重点工程“{p.name}”超支：已支出 {p.spent_wan:,.0f} 万元，完成工作量对应 {earned:,.0f} 万元"
                             f"（预算 {p.budget_wan:,.0f} 万元，成本绩效指数 {p.cpi:.2f}）", "pages/digital.py",
                             {"project": p.project_code, "view": "cost"}))
    return out


def legislation_alerts(db: Database) -> list[Alert]:
    projects, events = leg.load(db)
    return [Alert(HIGH if v.rule == "征求意见期不少于30日" else MEDIUM, "legislation", f"{v.rule}：{v.detail}",
                  "pages/legislation.py", {"project": v.project_id}) for v in leg.violations(projects, events).itertuples()]


def fireworks_alerts(db: Database) -> list[Alert]:
    out = []
    for z in fw.zone_spikes(db, ratio=SPIKE_RATIO).itertuples():
        district = z.district_code if z.district_code in vocab.DISTRICT_NAMES else (z.parent_code or "")
        out.append(Alert(HIGH if z.ratio >= 2 else MEDIUM, "fireworks",
                         f"{z.zone_name}{z.season_year}年春节季事件 {z.incidents} 起，为以往春节季平均（{z.baseline:.0f} 起）的 {z.ratio:.1f} 倍",
                         "pages/fireworks.py", {"period": fw.PERIODS[3]}, district))
    return out


def all_alerts(db: Database, district: str = "") -> list[Alert]:
    """Every alert, most severe first; a district keeps city-wide alerts and its own."""
    found = bonded_alerts(db) + fireworks_alerts(db) + catalog_alerts(db) + programme_alerts(db) + legislation_alerts(db)
    if district:
        found = [a for a in found if a.district in ("", district) and not (a.domain == "bonded" and district not in BONDED_DISTRICTS)]
    return sorted(found, key=lambda a: (a.severity, a.domain))
