"""The leader's headline figures, each computed by its domain's own functions (no second copy of the logic)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lyg import vocab
from lyg.bonded import analysis as bz
from lyg.bonded.metrics import format_value
from lyg.catalog import search as cat
from lyg.db import Database
from lyg.digital import programme as dg
from lyg.fireworks import analysis as fw
from lyg.legislation import compliance as leg

STATUS_WORDS = {"on": "正常", "risk": "预警", "off": "告警", "info": "情况"}
STATUS_MARKS = {"on": "▲", "risk": "■", "off": "▼", "info": "●"}
BONDED_DISTRICTS = {"", "320703", "320771", "3207L1"}  # the blocks lie in 开发区 and 徐圩新区, both in 连云区


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

    @property
    def status_text(self) -> str:
        return f"{STATUS_MARKS[self.status]} {STATUS_WORDS[self.status]}"


def bonded(db: Database, district: str = "") -> list[Headline]:
    if district not in BONDED_DISTRICTS:
        return []
    day, year = bz.as_of(db), bz.years(db)[0]
    out = []
    for p in bz.progress(db, year):
        if p.comparison == "share_above":
            comparison = f"目标：高于{format_value(p.target, '%')}（{p.variance_target:+.1f}个百分点）"
        else:
            comparison = (f"应达 {format_value(p.expected_seasonal, p.unit)}（{p.variance_expected_pct:+.1f}%）；"
                          f"全年目标 {format_value(p.target, p.unit)}，预计 {format_value(p.forecast, p.unit)}")
        out.append(Headline("bonded", f"综保区·{p.indicator_name}（{year}年1—{p.months}月）", format_value(p.actual, p.unit),
                            comparison, p.status, day, "pages/bonded.py", {"year": str(year)}))
    return out


def catalog(db: Database) -> list[Headline]:
    day = cat.as_of(db)
    head = cat.headline(db, day)
    fresh_status = "on" if head["fresh_pct"] >= 80 else "risk" if head["fresh_pct"] >= 60 else "off"
    return [
        Headline("catalog", "资源目录·无条件共享占比", f"{head['unconditional_pct']:.1f}%",
                 f"共 {int(head['entries']):,} 条资源；向社会开放 {head['open_pct']:.1f}%", "info", day, "pages/catalog.py"),
        Headline("catalog", "资源目录·及时更新率", f"{head['fresh_pct']:.1f}%",
                 f"目标 ≥ 80%；逾期 {int(head['overdue'])} 条、严重逾期 {int(head['delinquent'])} 条", fresh_status, day,
                 "pages/catalog.py", {"fresh": ["严重逾期"]}),
    ]


def programme(db: Database) -> list[Headline]:
    day = dg.as_of(db)
    projects = dg.projects(db, day)
    late, risk = int((projects["schedule"] == "late").sum()), int((projects["schedule"] == "risk").sum())
    done, over = int((projects["schedule"] == "done").sum()), int((projects["cost"] == "over").sum())
    status = "off" if late else "risk" if risk or over else "on"
    return [Headline("digital", "数字政府·18项重点工程", f"已完成 {done} 项", f"滞后 {late} 项、预警 {risk} 项、超支 {over} 项",
                     status, day, "pages/digital.py")]


def legislation(db: Database) -> list[Headline]:
    day = leg.as_of(db)
    projects, events = leg.load(db)
    comments = events[(events["method"] == leg.PUBLIC_COMMENT) & events["stage"].isin(leg.COMMENT_STAGES)]
    compliant = 100.0 * (comments["days"] >= leg.MIN_COMMENT_DAYS).mean() if len(comments) else 100.0
    violations = leg.violations(projects, events)
    status = "off" if (violations["rule"] == "征求意见期不少于30日").any() else "risk" if len(violations) else "on"
    return [Headline("legislation", "立法参与·征求意见期达标率", f"{compliant:.1f}%",
                     f"{len(comments)} 次公开征求意见；不符合《办法》{len(violations)} 处", status, day, "pages/legislation.py")]


def fireworks(db: Database, district: str = "") -> list[Headline]:
    day = fw.as_of(db)
    season = fw.season_vs_previous(db, district if district in vocab.DISTRICT_NAMES else "")
    change = season["change_pct"]
    status = "info" if change is None else "on" if change <= 0 else "risk" if change <= 20 else "off"
    where = vocab.DISTRICT_NAMES.get(district, "全市")
    compared = "上一春节季无记录" if change is None else f"上一春节季 {season['previous']} 起（{change:+.1f}%）"
    return [Headline("fireworks", f"烟花爆竹·{season['season_year']}年春节季事件（{where}，除夕前后20天）", f"{season['this']} 起",
                     compared, status, day, "pages/fireworks.py")]


def headlines(db: Database, district: str = "") -> list[Headline]:
    """Every domain's headline figures; a district narrows those that have one."""
    return bonded(db, district) + fireworks(db, district) + catalog(db) + programme(db) + legislation(db)
