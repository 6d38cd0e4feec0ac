"""One alert rule set across domains, most severe first. Each alert says what is off (Chinese first) and where to look."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from lyg import provenance, vocab
from lyg.bonded.figures import target_text
from lyg.db import Database
from lyg.fireworks import analysis as fw
from lyg.i18n import ZH, Translator
from lyg.legislation import analysis as leg
from lyg.overview import BONDED_DISTRICTS
from lyg.snapshot import Snapshot, take

HIGH, MEDIUM, LOW = 1, 2, 3
SEVERITY_KEYS = {HIGH: "alert.high", MEDIUM: "alert.medium", LOW: "alert.low"}
DELINQUENT_MEDIUM, DELINQUENT_HIGH = 0.25, 0.35  # share of a department's assessed entries that are delinquent
SPIKE_RATIO = 1.5


@dataclass(frozen=True)
class Alert:
    severity: int
    domain: str
    text: str  # in the language the alert was built in
    query: dict = field(default_factory=dict)  # the view to open on the domain's page
    district: str = ""  # '' when it concerns the whole city
    illustrative: bool = True  # raised from illustrative rows: shown with the 示例 mark
    rule: str = ""  # which check raised it (for notifications: one message per rule and subject)
    subject: str = ""  # what it is about: an indicator, a department, a project, a zone and season, a district and night

    @property
    def severity_key(self) -> str:
        return SEVERITY_KEYS[self.severity]


def bonded_alerts(snap: Snapshot, tr: Translator = ZH) -> list[Alert]:
    out = []
    for p in snap.progress:
        if p.status == "on":
            continue
        gap = (tr("alert.bonded_share", pp=p.variance_target) if p.comparison == "share_above"
               else tr("alert.bonded_sum", gap=-p.variance_expected_pct, forecast=tr.amount(p.forecast, p.unit), target=target_text(p, tr)))
        out.append(Alert(HIGH if p.status == "off" else MEDIUM, "bonded",
                         tr("alert.bonded", name=tr.value(p.indicator_name), status=tr.value(p.status_text), gap=gap), {"year": str(snap.bonded_year)}, "320703", snap.is_sample("bonded"),
                         "bonded.off_course", f"{p.indicator_code}:{snap.bonded_year}"))
    return out


def catalog_alerts(snap: Snapshot, tr: Translator = ZH) -> list[Alert]:
    out = []
    for d in snap.scorecard.itertuples():
        share = d.delinquent / d.entries if d.entries else 0
        if share >= DELINQUENT_MEDIUM:
            out.append(Alert(HIGH if share >= DELINQUENT_HIGH else MEDIUM, "catalog",
                             tr("alert.catalog", department=d.department, n=d.delinquent, pct=100 * share), {"provider": [d.department], "fresh": ["严重逾期"]}, illustrative=snap.is_sample("catalog"),
                             rule="catalog.delinquent", subject=d.department))
    return out


def programme_alerts(snap: Snapshot, tr: Translator = ZH) -> list[Alert]:
    out = []
    for p in snap.projects.itertuples():
        name = tr.value(p.name)
        if p.schedule in ("late", "risk"):
            out.append(Alert(HIGH if p.schedule == "late" else MEDIUM, "digital",
                             tr("alert.project", name=name, status=tr.value(p.schedule_text), pct=p.actual_pct, days=p.days_late), {"project": p.project_code}, illustrative=snap.is_sample("digital"),
                             rule="digital.schedule", subject=p.project_code))
        if p.cost == "over":
            earned = p.budget_wan * p.actual_pct / 100
            out.append(Alert(MEDIUM, "digital", tr("alert.cost", name=name, spent=p.spent_wan, earned=earned, budget=p.budget_wan, cpi=p.cpi), {"project": p.project_code, "view": "cost"}, illustrative=snap.is_sample("digital"),
                             rule="digital.cost", subject=p.project_code))
    return out


def legislation_alerts(snap: Snapshot, tr: Translator = ZH) -> list[Alert]:
    """One alert per breach; the snapshot's violations are already worded in tr's language."""
    return [Alert(HIGH if v.rule_code == leg.COMMENT_PERIOD else MEDIUM, "legislation", tr("alert.legislation", rule=v.rule, detail=v.detail), {"project": v.project_id}, illustrative=snap.is_sample("legislation"),
                  rule=f"legislation.{v.rule_code}", subject=f"{v.project_id}:{v.stage}:{'' if pd.isna(v.event_id) else v.event_id}")
            for v in snap.violations.itertuples()]


def fireworks_alerts(db: Database, tr: Translator = ZH) -> list[Alert]:
    out, sample = [], provenance.illustrative(db, "fw_incidents")
    for z in fw.zone_spikes(db, ratio=SPIKE_RATIO).itertuples():
        district = z.district_code if z.district_code in vocab.DISTRICT_NAMES else (z.parent_code or "")
        out.append(Alert(HIGH if z.ratio >= 2 else MEDIUM, "fireworks",
                         tr("alert.spike", zone=tr.value(z.zone_name), year=z.season_year, n=z.incidents, baseline=z.baseline, ratio=z.ratio), {"period": fw.PERIODS[3]}, district, sample,
                         "fireworks.zone_spike", f"{z.zone_id}:{z.season_year}"))
    for d in fw.tonight_hot_districts(db).itertuples():  # live: tonight against the same lunar night of earlier seasons
        out.append(Alert(HIGH, "fireworks", tr("alert.tonight", district=tr.value(vocab.DISTRICT_NAMES.get(d.district_code, d.district_code)),
                                               n=d.incidents, baseline=d.baseline), {}, d.district_code, sample,
                         "fireworks.tonight", f"{d.district_code}:{d.night:%Y-%m-%d}"))
    return out


def all_alerts(db: Database, district: str = "", tr: Translator = ZH, snap: Snapshot | None = None) -> list[Alert]:
    """Every alert, most severe first; a district keeps city-wide alerts and its own. Pass the run's snapshot to share it."""
    snap = snap or take(db, tr)
    found = (bonded_alerts(snap, tr) + fireworks_alerts(db, tr) + catalog_alerts(snap, tr) + programme_alerts(snap, tr)
             + legislation_alerts(snap, tr))
    if district:
        found = [a for a in found if a.district in ("", district) and not (a.domain == "bonded" and district not in BONDED_DISTRICTS)]
    return sorted(found, key=lambda a: (a.severity, a.domain))
