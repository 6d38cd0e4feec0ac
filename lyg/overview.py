"""The leader's headline figures, each computed by its domain's own functions (no second copy of the logic)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lyg import vocab
from lyg.bonded import analysis as bz
from lyg.catalog import search as cat
from lyg.db import Database
from lyg.digital import programme as dg
from lyg.fireworks import analysis as fw
from lyg.i18n import ZH, Translator
from lyg.legislation import compliance as leg

STATUS_MARKS = {"on": "▲", "risk": "■", "off": "▼", "info": "●"}
BONDED_DISTRICTS = {"", "320703", "320771", "3207L1"}  # the blocks lie in 开发区 and 徐圩新区, both in 连云区
FRESH_ON, FRESH_RISK = 80.0, 60.0  # % of assessed catalog entries up to date


@dataclass(frozen=True)
class Headline:
    domain: str
    title: str
    value: str
    comparison: str
    status: str  # on | risk | off | info
    as_of: date
    page: str
    query: dict = field(default_factory=dict)
    status_text: str = ""  # the mark and the status word, in the language the headline was built in


def _headline(tr: Translator, domain: str, title: str, value: str, comparison: str, status: str, day: date, page: str,
              query: dict | None = None) -> Headline:
    return Headline(domain, title, value, comparison, status, day, page, query or {},
                    f"{STATUS_MARKS[status]} {tr(f'status.{status}')}")


def bonded(db: Database, district: str = "", tr: Translator = ZH) -> list[Headline]:
    if district not in BONDED_DISTRICTS:
        return []
    day, year = bz.as_of(db), bz.years(db)[0]
    out = []
    for p in bz.progress(db, year):
        if p.comparison == "share_above":
            comparison = tr("hl.bonded_share", target=tr.amount(p.target, "%"), pp=p.variance_target)
        else:
            comparison = tr("hl.bonded_sum", expected=tr.amount(p.expected_seasonal, p.unit), pct=p.variance_expected_pct,
                            target=tr.amount(p.target, p.unit), forecast=tr.amount(p.forecast, p.unit))
        out.append(_headline(tr, "bonded", tr("hl.bonded_title", name=tr.value(p.indicator_name), year=year, months=p.months),
                             tr.amount(p.actual, p.unit), comparison, p.status, day, "pages/bonded.py", {"year": str(year)}))
    return out


def catalog(db: Database, tr: Translator = ZH) -> list[Headline]:
    day = cat.as_of(db)
    head = cat.headline(db, day)
    fresh_status = "on" if head["fresh_pct"] >= FRESH_ON else "risk" if head["fresh_pct"] >= FRESH_RISK else "off"
    return [
        _headline(tr, "catalog", tr("hl.cat_shared_title"), f"{head['unconditional_pct']:.1f}%",
                  tr("hl.cat_shared", entries=int(head["entries"]), open=head["open_pct"]), "info", day, "pages/catalog.py"),
        _headline(tr, "catalog", tr("hl.cat_fresh_title"), f"{head['fresh_pct']:.1f}%",
                  tr("hl.cat_fresh", target=FRESH_ON, overdue=int(head["overdue"]), delinquent=int(head["delinquent"])),
                  fresh_status, day, "pages/catalog.py", {"fresh": ["严重逾期"]}),
    ]


def programme(db: Database, tr: Translator = ZH) -> list[Headline]:
    day = dg.as_of(db)
    projects = dg.projects(db, day)
    late, risk = int((projects["schedule"] == "late").sum()), int((projects["schedule"] == "risk").sum())
    done, over = int((projects["schedule"] == "done").sum()), int((projects["cost"] == "over").sum())
    status = "off" if late else "risk" if risk or over else "on"
    return [_headline(tr, "digital", tr("hl.dg_title"), tr("hl.dg_done", n=done), tr("hl.dg", late=late, risk=risk, over=over),
                      status, day, "pages/digital.py")]


def legislation(db: Database, tr: Translator = ZH) -> list[Headline]:
    day = leg.as_of(db)
    projects, events = leg.load(db)
    comments = events[(events["method"] == leg.PUBLIC_COMMENT) & events["stage"].isin(leg.COMMENT_STAGES)]
    compliant = 100.0 * (comments["days"] >= leg.MIN_COMMENT_DAYS).mean() if len(comments) else 100.0
    violations = leg.violations(projects, events)
    status = "off" if (violations["rule_code"] == leg.COMMENT_PERIOD).any() else "risk" if len(violations) else "on"
    return [_headline(tr, "legislation", tr("hl.leg_title"), f"{compliant:.1f}%",
                      tr("hl.leg", comments=len(comments), breaches=len(violations)), status, day, "pages/legislation.py")]


def fireworks(db: Database, district: str = "", tr: Translator = ZH) -> list[Headline]:
    day = fw.as_of(db)
    season = fw.season_vs_previous(db, district if district in vocab.DISTRICT_NAMES else "")
    change = season["change_pct"]
    status = "info" if change is None else "on" if change <= 0 else "risk" if change <= 20 else "off"
    where = tr.value(vocab.DISTRICT_NAMES.get(district, "全市"))
    compared = tr("hl.fw_no_previous") if change is None else tr("hl.fw_previous", n=season["previous"], pct=change)
    return [_headline(tr, "fireworks", tr("hl.fw_title", year=season["season_year"], where=where), tr("hl.fw_value", n=season["this"]),
                      compared, status, day, "pages/fireworks.py")]


def headlines(db: Database, district: str = "", tr: Translator = ZH) -> list[Headline]:
    """Every domain's headline figures; a district narrows those that have one."""
    return (bonded(db, district, tr) + fireworks(db, district, tr) + catalog(db, tr) + programme(db, tr)
            + legislation(db, tr))
