"""The leader's overview: headline figures and alert rules on hand-checked cases, and the district drill-down."""
from __future__ import annotations

import json
from datetime import date, timedelta

import duckdb
import pandas as pd
import pytest

from lyg import alerts, i18n, lunar, overview
from lyg.bonded.metrics import Progress
from lyg.fireworks import analysis as fw
from lyg.snapshot import Snapshot, take
from tests.apptest import open_app_page

DAY = date(2026, 10, 31)


def _progress(code="industrial_output", status="on", comparison="cumulative_at_least", **values) -> Progress:
    base = dict(indicator_code=code, indicator_name="工业总产值", unit="亿元", comparison=comparison, year=2026, months=10,
                target=26.6, actual=24.3, expected_linear=22.2, expected_seasonal=21.7, variance_target=-2.3,
                variance_target_pct=-8.6, variance_expected=2.6, variance_expected_pct=12.0, forecast=29.7, status=status,
                complete=False)
    return Progress(**{**base, **values})


def _snapshot(**fields) -> Snapshot:
    base = dict(bonded_as_of=DAY, bonded_year=2026, progress=[], catalog_as_of=DAY,
                catalog_head={"entries": 100, "unconditional_pct": 50.0, "open_pct": 20.0, "fresh_pct": 85.0, "overdue": 3, "delinquent": 2},
                scorecard=pd.DataFrame(columns=["department", "entries", "delinquent"]), digital_as_of=DAY,
                projects=pd.DataFrame(columns=["project_code", "name", "schedule", "schedule_text", "cost", "actual_pct", "days_late",
                                               "budget_wan", "spent_wan", "cpi"]),
                legislation_as_of=DAY, comment_events=pd.DataFrame({"days": pd.Series([], dtype=int)}),
                violations=pd.DataFrame(columns=["project_id", "rule_code", "rule", "detail"]))
    return Snapshot(**{**base, **fields})


# --- headline figures ---------------------------------------------------------------------------

@pytest.mark.parametrize("fresh,status", [(80.0, "on"), (79.9, "risk"), (60.0, "risk"), (59.9, "off")])
def test_catalog_freshness_status_edges(fresh, status):
    snap = _snapshot(catalog_head={**_snapshot().catalog_head, "fresh_pct": fresh})
    shared, freshness = overview.catalog(snap)
    assert shared.status == "info" and shared.value == "50.0%"
    assert freshness.status == status and freshness.value == f"{fresh:.1f}%"
    assert "逾期 3 条、严重逾期 2 条" in freshness.comparison and freshness.query == {"fresh": ["严重逾期"]}


@pytest.mark.parametrize("change,status", [(None, "info"), (-5.0, "on"), (0.0, "on"), (0.1, "risk"), (20.0, "risk"), (20.1, "off")])
def test_season_status_edges(change, status):
    assert overview.season_status(change) == status


def test_programme_headline_counts_and_worst_status():
    projects = pd.DataFrame({"schedule": ["done", "done", "on", "risk"], "cost": ["on", "on", "on", "over"]})
    head, = overview.programme(_snapshot(projects=projects))
    assert (head.value, head.status) == ("已完成 2 项", "risk")
    assert head.comparison == "滞后 0 项、预警 1 项、超支 1 项"
    late = pd.DataFrame({"schedule": ["late", "done"], "cost": ["on", "on"]})
    assert overview.programme(_snapshot(projects=late))[0].status == "off"


def test_legislation_headline_share_of_comment_periods_of_30_days():
    # a period of 30 days (the first day not counted) passes, 29 fails: 3 of 4; the calendar days span one more
    comments = pd.DataFrame({"method": "向社会公布征求意见", "stage": "起草", "days": [31, 30, 46, 32], "period_days": [30, 29, 45, 31]})
    breach = pd.DataFrame([{"project_id": "L1", "rule_code": "comment_period", "rule": "征求意见期不少于30日", "detail": "…"}])
    head, = overview.legislation(_snapshot(comment_events=comments, violations=breach))
    assert (head.value, head.status) == ("75.0%", "off")
    assert head.comparison == "4 次公开征求意见；不符合《办法》1 处"
    other = breach.assign(rule_code="feedback")
    assert overview.legislation(_snapshot(comment_events=comments, violations=other))[0].status == "risk"


def test_the_legislation_headline_and_the_findings_count_comment_periods_the_same_way(db):
    from lyg import snapshot
    snap = snapshot.take(db)
    short = (snap.violations["rule_code"] == "comment_period").sum()
    head, = overview.legislation(snap)
    assert head.value == f"{100.0 * (1 - short / len(snap.comment_events)):.1f}%"


def test_bonded_headlines_carry_value_target_variance_and_date():
    snap = _snapshot(progress=[_progress(), _progress("leading_share", comparison="share_above", indicator_name="主导产业集聚度",
                                                      unit="%", target=50.0, actual=60.6, variance_target=10.6)])
    output, share = overview.bonded(snap)
    assert output.value == "24.30亿元" and output.as_of == DAY and output.query == {"year": "2026"}
    assert output.comparison == "应达 21.70亿元（+12.0%）；全年目标 26.60亿元，预计 29.70亿元"
    assert share.comparison == "目标：高于50.0%（+10.6个百分点）"
    assert overview.bonded(snap, district="320706") == []  # 海州区 has no block
    english = overview.bonded(snap, tr=i18n.EN)[0]
    assert english.value == "2.43 bn yuan" and english.status_text == "● On track"


def test_fireworks_headline_is_the_lunar_season_counted_by_hand(db, built_db_path):
    """±20 days of 除夕, this season against the one before, recounted here from the raw incidents."""
    head, = overview.fireworks(db)
    year = fw.season_vs_previous(db)["season_year"]
    counts = {}
    with duckdb.connect(str(built_db_path), read_only=True) as con:
        for y in (year, year - 1):
            eve = lunar.chuxi(y)
            counts[y] = con.execute("SELECT count(*) FROM fw_incidents WHERE occurred_at::DATE BETWEEN ? AND ?",
                                    [eve - timedelta(days=20), eve + timedelta(days=20)]).fetchone()[0]
    assert head.value == f"{counts[year]} 起"
    expected = 100.0 * (counts[year] - counts[year - 1]) / counts[year - 1]
    assert head.comparison == f"上一春节季 {counts[year - 1]} 起（{expected:+.1f}%）"
    assert head.status == overview.season_status(expected)


# --- alert rules --------------------------------------------------------------------------------

def test_bonded_alerts_only_off_course_targets_most_severe_first():
    snap = _snapshot(progress=[_progress(status="on"), _progress("logistics_revenue", status="risk", indicator_name="物流企业经营收入",
                                                                 variance_expected_pct=-0.9),
                               _progress("trade_total", status="off", indicator_name="进出口总额", unit="亿美元", variance_expected_pct=-15.0)])
    found = alerts.bonded_alerts(snap)
    assert [(a.severity, a.domain) for a in found] == [(alerts.MEDIUM, "bonded"), (alerts.HIGH, "bonded")]
    assert found[1].text.startswith("综保区进出口总额滞后：落后应达进度 15.0%") and found[1].district == "320703"


@pytest.mark.parametrize("delinquent,severity", [(24, None), (25, alerts.MEDIUM), (34, alerts.MEDIUM), (35, alerts.HIGH)])
def test_catalog_alert_thresholds(delinquent, severity):
    card = pd.DataFrame({"department": ["市统计局"], "entries": [100], "delinquent": [delinquent]})
    found = alerts.catalog_alerts(_snapshot(scorecard=card))
    assert [a.severity for a in found] == ([severity] if severity else [])
    if severity:
        assert found[0].text == f"市统计局资源目录严重逾期 {delinquent} 条，占其资源 {delinquent}%"
        assert found[0].query == {"provider": ["市统计局"], "fresh": ["严重逾期"]}


def test_programme_alerts_late_risk_and_cost():
    projects = pd.DataFrame([
        {"project_code": "P1", "name": "城市大脑", "schedule": "late", "schedule_text": "滞后", "cost": "on", "actual_pct": 40.0,
         "days_late": 120, "budget_wan": 1000.0, "spent_wan": 300.0, "cpi": 1.33},
        {"project_code": "P2", "name": "政务云", "schedule": "risk", "schedule_text": "预警", "cost": "over", "actual_pct": 50.0,
         "days_late": 45, "budget_wan": 1000.0, "spent_wan": 800.0, "cpi": 0.62},
        {"project_code": "P3", "name": "电子证照库", "schedule": "done", "schedule_text": "已完成", "cost": "on", "actual_pct": 100.0,
         "days_late": 0, "budget_wan": 500.0, "spent_wan": 480.0, "cpi": 1.04},
    ])
    found = alerts.programme_alerts(_snapshot(projects=projects))
    assert [(a.severity, a.query.get("project"), a.query.get("view")) for a in found] == [
        (alerts.HIGH, "P1", None), (alerts.MEDIUM, "P2", None), (alerts.MEDIUM, "P2", "cost")]
    assert found[0].text == "重点工程“城市大脑”滞后：实际进度 40%，落后计划 120 天"
    assert "已支出 800 万元，完成工作量对应 500 万元" in found[2].text and "成本绩效指数 0.62" in found[2].text


def test_legislation_alerts_rank_the_30_day_rule_highest():
    breaches = pd.DataFrame([{"project_id": "L1", "stage": "起草", "rule_code": "feedback", "rule": "应当公开意见采纳情况", "detail": "甲", "event_id": "E1"},
                             {"project_id": "L2", "stage": "审查", "rule_code": "comment_period", "rule": "征求意见期不少于30日", "detail": "乙",
                              "event_id": "E2"}])
    found = alerts.legislation_alerts(_snapshot(violations=breaches))
    assert [(a.severity, a.query["project"], a.text) for a in found] == [
        (alerts.MEDIUM, "L1", "应当公开意见采纳情况：甲"), (alerts.HIGH, "L2", "征求意见期不少于30日：乙")]


def test_zone_spike_rule_on_hand_counts():
    counts = pd.DataFrame([
        # zone A: earlier seasons 10 and 12 (mean 11); 17 > 1.5 × 11 = 16.5 -> spike, ratio 1.55
        *[{"zone_id": "A", "zone_name": "海州区禁放区", "district_code": "320706", "parent_code": None, "season_year": y, "incidents": n}
          for y, n in ((2024, 10), (2025, 12), (2026, 17))],
        # zone B: 16 is not more than 16.5 -> no spike
        *[{"zone_id": "B", "zone_name": "连云区禁放区", "district_code": "320703", "parent_code": None, "season_year": y, "incidents": n}
          for y, n in ((2024, 10), (2025, 12), (2026, 16))],
        # zone C: 9 incidents is below the minimum of 10, however low the baseline
        *[{"zone_id": "C", "zone_name": "赣榆区禁放区", "district_code": "320707", "parent_code": None, "season_year": y, "incidents": n}
          for y, n in ((2025, 2), (2026, 9))],
        # zone D: a first season has no baseline
        {"zone_id": "D", "zone_name": "开发区禁放区", "district_code": "320771", "parent_code": "320703", "season_year": 2026, "incidents": 50},
    ])
    found = fw.spikes(counts, 2026)
    assert list(found["zone_id"]) == ["A"]
    assert found["baseline"].iat[0] == pytest.approx(11.0) and found["ratio"].iat[0] == pytest.approx(17 / 11)


def test_alerts_are_sorted_and_narrowed_by_district(db):
    snap = take(db)
    every = alerts.all_alerts(db, snap=snap)
    assert [a.severity for a in every] == sorted(a.severity for a in every)
    haizhou = alerts.all_alerts(db, "320706", snap=snap)
    assert all(a.district in ("", "320706") for a in haizhou)
    assert not [a for a in haizhou if a.domain == "bonded"]
    assert len(haizhou) < len(every)
    lianyun = alerts.all_alerts(db, "320703", snap=snap)
    assert [a for a in every if a.domain == "bonded"] and [a for a in lianyun if a.domain == "bonded"]


def test_a_shared_snapshot_gives_the_same_figures(db):
    snap = take(db)
    assert overview.headlines(db, snap=snap) == overview.headlines(db)
    assert alerts.all_alerts(db, snap=snap) == alerts.all_alerts(db)


def test_snapshot_holds_every_domain(db):
    snap = take(db)
    assert len(snap.progress) == 4 and len(snap.projects) == 18 and not snap.scorecard.empty
    assert set(snap.comment_events["method"]) == {"向社会公布征求意见"}


# --- the page -----------------------------------------------------------------------------------

def _deck_centre(at) -> tuple[float, float]:
    view = json.loads(at.get("deck_gl_json_chart")[0].proto.json)["initialViewState"]
    return view["longitude"], view["latitude"]


def test_overview_page_shows_every_domain_and_alerts(app_env):
    at = open_app_page("pages/overview.py")
    assert not at.exception, at.exception
    titles = " ".join(m.value for m in at.markdown)
    for domain in ("综保区·工业总产值", "烟花爆竹·", "资源目录·及时更新率", "数字政府·18项重点工程", "立法参与·征求意见期达标率"):
        assert domain in titles, domain
    assert "数据截至" in " ".join(c.value for c in at.caption)
    severities = [m.value for m in at.markdown if m.value.startswith((":red-background", ":orange-background"))]
    assert severities and severities[0].startswith(":red-background")  # most severe first


def test_district_drill_down_narrows_the_figures_and_the_map(app_env):
    city = open_app_page("pages/overview.py")
    haizhou = open_app_page("pages/overview.py", district="320706")
    assert not haizhou.exception, haizhou.exception
    text = " ".join(m.value for m in haizhou.markdown)
    assert "（海州区，除夕前后20天）" in text and "综保区·" not in text
    assert any("没有综保区区块" in c.value for c in haizhou.caption)
    city_alerts = [m.value for m in city.markdown if "-background[" in m.value]
    haizhou_alerts = [m.value for m in haizhou.markdown if "-background[" in m.value]
    assert len(haizhou_alerts) <= len(city_alerts) and not [a for a in haizhou_alerts if "综保区" in a]
    assert _deck_centre(haizhou) != _deck_centre(city)
    lianyun = open_app_page("pages/overview.py", district="320703")
    assert "综保区·工业总产值" in " ".join(m.value for m in lianyun.markdown)


def test_one_meaning_per_mark_across_the_product(db):
    """The same status has the same shape and colour on the overview, the bonded page and the digital page, and no
    status is drawn as an arrow (an arrow is a direction: a rise marked ▼ read as a fall)."""
    from lyg.bonded import analysis as bz
    from lyg.bonded import figures as bz_fig
    from lyg.digital import figures as dg_fig
    from lyg.status import STATUS_HEX, STATUS_MARK
    from lyg.viz.charts import STATUS_COLOURS
    assert not set(STATUS_MARK.values()) & {"▲", "▼"}  # the arrows are kept for directions
    for h in overview.headlines(db):
        assert h.status_text.startswith(STATUS_MARK[h.status]), h
    for p in bz.progress(db, 2020):
        assert bz_fig.status_line(p).startswith(STATUS_MARK[p.status]), p
    assert (dg_fig.SCHEDULE_MARK["on"], dg_fig.SCHEDULE_MARK["risk"], dg_fig.SCHEDULE_MARK["late"]) == (
        STATUS_MARK["on"], STATUS_MARK["risk"], STATUS_MARK["off"])
    assert (dg_fig.SCHEDULE_COLOURS["on"], dg_fig.SCHEDULE_COLOURS["late"]) == (STATUS_HEX["on"], STATUS_HEX["off"])
    assert STATUS_COLOURS is STATUS_HEX
