"""The leader's headline figures, each computed by its domain's own functions (no second copy of the logic)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from lyg import provenance, vocab
from lyg.bonded.figures import target_text
from lyg.db import Database
from lyg.fireworks import analysis as fw
from lyg.i18n import ZH, Translator
from lyg.legislation import analysis as leg
from lyg.snapshot import Snapshot, take
from lyg.status import STATUS_MARK

BONDED_DISTRICTS = {"", "320703", "320771", "3207L1"}  # the blocks lie in 开发区 and 徐圩新区, both in 连云区
FRESH_ON, FRESH_RISK = 80.0, 60.0  # % of assessed catalog entries up to date
SEASON_RISK_PCT = 20.0  # more incidents than last season: up to +20% is at risk, beyond it an alert


@dataclass(frozen=True)
class Headline:
    domain: str
    title: str
    value: str
    comparison: str
    status: str  # on | risk | off | info
    as_of: date
    query: dict = field(default_factory=dict)  # the view to open on the domain's page (lyg.ui.navigation maps domain to page)
    status_text: str = ""  # the mark and the status word, in the language the headline was built in
    illustrative: bool = True  # built from any illustrative row: shown with the 示例 mark
    by_district: bool = False  # narrows with the chosen district; otherwise a city-wide (or zone-wide) figure

    @property
    def city_wide(self) -> bool:
        return not self.by_district


def _headline(tr: Translator, domain: str, title: str, value: str, comparison: str, status: str, day: date,
              query: dict | None = None, illustrative: bool = True) -> Headline:
    return Headline(domain, title, value, comparison, status, day, query or {},
                    f"{STATUS_MARK[status]} {tr(f'status.{status}')}", illustrative)



def bonded(snap: Snapshot, district: str = "", tr: Translator = ZH) -> list[Headline]:
    if district not in BONDED_DISTRICTS:
        return []
    out = []
    for p in snap.progress:
        if p.comparison == "share_above":
            comparison = tr("headline.bonded_share", target=target_text(p, tr), pp=p.variance_target)
        else:
            comparison = tr("headline.bonded_sum", expected=tr.amount(p.expected_seasonal, p.unit), pct=p.variance_expected_pct,
                            target=target_text(p, tr), forecast=tr.amount(p.forecast, p.unit))
        title = tr("headline.bonded_title", name=tr.value(p.indicator_name), year=snap.bonded_year, months=p.months)
        out.append(_headline(tr, "bonded", title, tr.amount(p.actual, p.unit), comparison, p.status, snap.bonded_as_of, {"year": str(snap.bonded_year)}, snap.is_sample("bonded")))
    return out


def catalog(snap: Snapshot, tr: Translator = ZH) -> list[Headline]:
    head, day = snap.catalog_head, snap.catalog_as_of
    return [
        _headline(tr, "catalog", tr("headline.cat_shared_title"), f"{head['unconditional_pct']:.1f}%",
                  tr("headline.cat_shared", entries=int(head["entries"]), open=head["open_pct"]), "info", day,
                  illustrative=snap.is_sample("catalog")),
        _headline(tr, "catalog", tr("headline.cat_fresh_title"), f"{head['fresh_pct']:.1f}%",
                  tr("headline.cat_fresh", target=FRESH_ON, overdue=int(head["overdue"]), delinquent=int(head["delinquent"])),
                  fresh_status(head["fresh_pct"]), day, {"fresh": ["严重逾期"]}, snap.is_sample("catalog")),
    ]


def programme(snap: Snapshot, tr: Translator = ZH) -> list[Headline]:
    projects = snap.projects
    late, risk = int((projects["schedule"] == "late").sum()), int((projects["schedule"] == "risk").sum())
    done, over = int((projects["schedule"] == "done").sum()), int((projects["cost"] == "over").sum())
    status = "off" if late else "risk" if risk or over else "on"
    return [_headline(tr, "digital", tr("headline.dg_title"), tr("headline.dg_done", n=done), tr("headline.dg", late=late, risk=risk, over=over),
                      status, snap.digital_as_of, illustrative=snap.is_sample("digital"))]


def legislation(snap: Snapshot, tr: Translator = ZH) -> list[Headline]:
    comments, violations = snap.comment_events, snap.violations
    compliant = leg.comment_period_compliance(comments)  # counted as the rule counts (the first day not counted)
    status = "off" if (violations["rule_code"] == leg.COMMENT_PERIOD).any() else "risk" if len(violations) else "on"
    return [_headline(tr, "legislation", tr("headline.leg_title"), f"{compliant:.1f}%",
                      tr("headline.leg", comments=len(comments), breaches=len(violations)), status, snap.legislation_as_of, illustrative=snap.is_sample("legislation"))]


def season_status(change_pct: float | None) -> str:
    """No more incidents than last season is on track; no previous season to compare is information only."""
    if change_pct is None:
        return "info"
    return "on" if change_pct <= 0 else "risk" if change_pct <= SEASON_RISK_PCT else "off"


def fresh_status(fresh_pct: float) -> str:
    return "on" if fresh_pct >= FRESH_ON else "risk" if fresh_pct >= FRESH_RISK else "off"


def fireworks(db: Database, district: str = "", tr: Translator = ZH) -> list[Headline]:
    day = fw.as_of(db)
    season = fw.season_vs_previous(db, district if district in vocab.DISTRICT_NAMES else "")
    change = season["change_pct"]
    status = season_status(change)
    where = tr.value(vocab.DISTRICT_NAMES.get(district, "全市"))
    compared = tr("headline.fw_no_previous") if change is None else tr("headline.fw_previous", n=season["previous"], pct=change)
    head = _headline(tr, "fireworks", tr("headline.fw_title", year=season["season_year"], where=where), tr("headline.fw_value", n=season["this"]),
                     compared, status, day, illustrative=provenance.illustrative(db, "fw_incidents"))
    return [replace(head, by_district=True)]


def headlines(db: Database, district: str = "", tr: Translator = ZH, snap: Snapshot | None = None) -> list[Headline]:
    """Every domain's headline figures; a district narrows those that have one. Pass the run's snapshot to share it."""
    snap = snap or take(db, tr)
    return bonded(snap, district, tr) + fireworks(db, district, tr) + catalog(snap, tr) + programme(snap, tr) + legislation(snap, tr)
