"""Digital-government and legislation rules on hand-checked cases, and both pages."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lyg.db import Database
from lyg.digital import analysis as dg
from lyg.legislation import analysis as leg
from tests.apptest import open_app_page

ROOT = Path(__file__).resolve().parent.parent


def test_days_late_from_the_linear_plan():
    # 2020-01-01 .. 2020-12-31 (365 days); 50% is reached by plan on 2020-07-01 (day 182.5)
    assert dg.days_late(date(2020, 1, 1), date(2020, 12, 31), 50.0, date(2020, 7, 1)) == 0
    assert dg.days_late(date(2020, 1, 1), date(2020, 12, 31), 50.0, date(2020, 10, 1)) == 91
    assert dg.days_late(date(2020, 1, 1), date(2020, 12, 31), 80.0, date(2020, 7, 1)) == 0  # ahead


@pytest.mark.parametrize("late,expected", [(0, "on"), (30, "on"), (31, "risk"), (90, "risk"), (91, "late")])
def test_schedule_thresholds(late, expected):
    assert dg.schedule_status(50.0, late, started=True) == expected


def test_schedule_special_cases():
    assert dg.schedule_status(100.0, 400, started=True) == "done"
    assert dg.schedule_status(0.0, 0, started=False) == "not_started"


def test_cost_status_by_earned_value():
    assert dg.cost_status(1000, 50, 500) == (1.0, "on")
    cpi, status = dg.cost_status(1000, 50, 550)  # CPI 0.909
    assert status == "risk" and cpi == pytest.approx(500 / 550)
    assert dg.cost_status(1000, 50, 600)[1] == "over"  # CPI 0.833
    assert dg.cost_status(1000, 100, 1001)[1] == "over"  # beyond the whole budget
    assert dg.cost_status(1000, 0, 0) == (None, "none")


def test_assessed_projects_put_the_worst_first(db):
    day = dg.as_of(db)
    projects = dg.projects(db, day)
    assert len(projects) == 18
    ranks = projects["schedule"].map(dg.SEVERITY).tolist()
    assert ranks == sorted(ranks)


def test_component_status_is_the_worst_of_its_projects():
    components = pd.DataFrame({"component_code": ["C1", "C2"], "name": ["a", "b"]})
    projects = pd.DataFrame({"component_codes": ["C1", "C1;C2", None], "schedule": ["done", "late", "on"]})
    out = dg.component_status(components, projects).set_index("component_code")
    assert out.loc["C1", "worst"] == "late" and out.loc["C2", "worst"] == "late" and out.loc["C1", "projects"] == 2


def test_phases_and_indicators(db):
    day = date(2020, 12, 31)
    phases = dg.phases(dg.projects(db, day), day).set_index("phase_year")
    assert list(phases["motto"]) == ["一年打基础", "二年求突破", "三年快提升"]
    assert phases["projects"].sum() == 18
    frame = pd.DataFrame({"indicator_code": ["I"] * 3, "name": ["x"] * 3, "unit": ["%"] * 3, "year": [2018, 2019, 2022],
                          "target": [None, 60.0, 100.0], "actual": [40.0, 55.0, None]})
    row = dg.indicator_attainment(frame).iloc[0]
    assert row["attainment_pct"] == pytest.approx(55 / 60 * 100) and row["toward_goal_pct"] == pytest.approx(25.0)


def _events(**overrides) -> pd.DataFrame:
    base = {"event_id": "E1", "project_id": "L1", "title": "某办法", "stage": "起草", "method": "向社会公布征求意见",
            "start_on": pd.Timestamp("2021-03-01"), "end_on": pd.Timestamp("2021-03-31"), "days": 31, "period_days": 30,
            "opinions_received": 10, "opinions_adopted": 2, "feedback_published": True}
    base.update(overrides)
    return pd.DataFrame([base])


def test_comment_period_of_exactly_30_days_passes_and_29_fails():
    """Counted as the law counts periods (民法典 第二百零一条): the opening day is not counted."""
    assert leg.comment_period(_events()) == []
    found = leg.comment_period(_events(end_on=pd.Timestamp("2021-03-30"), days=30, period_days=29))
    assert len(found) == 1 and "期间仅 29 日（首日不计）" in found[0]["detail"] and found[0]["stage"] == "起草"


def test_the_events_query_counts_the_period_without_its_first_day(db):
    events = db.query("legislation.events")
    assert (events["period_days"] == (events["end_on"] - events["start_on"]).dt.days).all()
    assert (events["days"] == events["period_days"] + 1).all()


def test_comment_period_applies_only_to_public_comment_at_the_three_stages():
    assert leg.comment_period(_events(method="座谈会", days=1, period_days=0)) == []
    assert leg.comment_period(_events(stage="实施", days=10, period_days=9)) == []


def test_hearing_required_for_major_public_interest():
    projects = pd.DataFrame([{"project_id": "L1", "title": "某办法", "major_public_interest": True, "stage": "审查"}])
    assert len(leg.hearing_for_major_interest(projects, _events())) == 1
    assert leg.hearing_for_major_interest(projects, _events(method="听证会")) == []
    still_drafting = projects.assign(stage="起草")
    assert leg.hearing_for_major_interest(still_drafting, _events()) == []


def test_feedback_must_be_published():
    assert leg.feedback_published(_events()) == []
    assert len(leg.feedback_published(_events(feedback_published=False))) == 1
    assert leg.feedback_published(_events(feedback_published=False, opinions_received=0)) == []


def test_participation_sufficient_before_review_ends():
    projects = pd.DataFrame([{"project_id": "L1", "title": "某办法", "review_ended_on": pd.Timestamp("2021-06-01")}])
    only_comment = _events()
    assert len(leg.sufficient_before_review(projects, only_comment)) == 1
    with_meeting = pd.concat([only_comment, _events(event_id="E2", method="座谈会", days=1)])
    assert leg.sufficient_before_review(projects, with_meeting) == []


def test_adoption_rates():
    events = pd.concat([_events(), _events(event_id="E2", opinions_received=30, opinions_adopted=8, feedback_published=False)])
    rates = leg.adoption_rates(events, "method").iloc[0]
    assert rates["adoption_pct"] == pytest.approx(25.0) and rates["feedback_pct"] == pytest.approx(50.0)


def test_sample_data_has_violations_of_each_kind(db):
    projects, events = leg.load(db)
    rules = set(leg.violations(projects, events)["rule"])
    assert {"征求意见期不少于30日", "应当公开意见采纳情况"} <= rules


def _page(path: str, **query) -> AppTest:
    return open_app_page(path, **query)


def test_digital_page_as_of_and_component(app_env):
    at = _page("pages/digital.py", asof="2020-12-31", component="C5")
    assert not at.exception, at.exception
    assert any("数据截至 2020年12月31日" in m.value for m in at.markdown)
    assert any("智慧城市运营中心（城市大脑）：相关工程" in m.value for m in at.markdown)
    framework = at.get("plotly_chart")[0].proto.spec
    assert "城市血站" in framework.encode().decode("unicode_escape") or "城市血站" in framework


def test_legislation_page_lists_violations(app_env):
    at = _page("pages/legislation.py")
    assert not at.exception, at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "征求意见期不少于30日" in text and "处不符合" in text
    at.selectbox(key="url-project").set_value("L03").run()
    assert at.query_params["project"] in ("L03", ["L03"])
    projects, events = leg.load(Database(app_env))
    assert set(at.dataframe[-1].value["编号"]) == set(events[events["project_id"] == "L03"]["event_id"])
    assert not at.exception
