"""Bonded-zone arithmetic on hand-checked numbers, the share rule, units, and the page."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lyg import i18n
from lyg.bonded import analysis, metrics
from tests.apptest import open_app_page

ROOT = Path(__file__).resolve().parent.parent
FLAT = pd.Series([1.0] * 12)
RAMP = pd.Series([float(m) for m in range(1, 13)])  # previous year: 1..12, total 78


def test_cumulative_progress_hand_checked():
    # 6 months of 1.5 = 9.0 against a 15 target; previous year ramps 1..12 (first half = 21/78)
    p = metrics.cumulative_progress("x", "工业总产值", "亿元", 2020, 15.0, pd.Series([1.5] * 6), RAMP)
    assert p.actual == pytest.approx(9.0)
    assert p.expected_linear == pytest.approx(7.5)
    assert p.expected_seasonal == pytest.approx(15.0 * 21 / 78)
    assert p.variance_expected == pytest.approx(9.0 - 15.0 * 21 / 78)
    assert p.forecast == pytest.approx(9.0 / (21 / 78))
    assert p.variance_target == pytest.approx(-6.0) and p.variance_target_pct == pytest.approx(-40.0)
    assert p.status == "on" and p.arrow == "▲" and p.status_text == "正常"


def test_linear_fallback_without_previous_year():
    p = metrics.cumulative_progress("x", "x", "亿元", 2019, 12.0, pd.Series([0.5] * 4), None)
    assert p.expected_seasonal == pytest.approx(4.0)
    assert p.forecast == pytest.approx(6.0)
    assert p.status == "off"  # 2.0 < 0.9 × 4.0


def test_status_thresholds():
    # expected 6.0 (linear, 6 months of a 12 target): 5.4 is exactly 90% -> at risk; just below -> off
    risk = metrics.cumulative_progress("x", "x", "亿元", 2019, 12.0, pd.Series([0.9] * 6), None)
    off = metrics.cumulative_progress("x", "x", "亿元", 2019, 12.0, pd.Series([0.899] * 6), None)
    assert (risk.status, off.status) == ("risk", "off")


def test_complete_year_judged_against_target():
    met = metrics.cumulative_progress("x", "x", "亿元", 2020, 12.0, FLAT, FLAT)
    missed = metrics.cumulative_progress("x", "x", "亿元", 2020, 12.5, FLAT, FLAT)
    assert (met.status_text, missed.status_text) == ("已达成", "未达成")
    assert met.forecast == 12.0


def test_share_is_met_only_above_the_target():
    exactly = metrics.share_progress("s", "主导产业集聚度", 2020, 50.0, pd.Series([50.0] * 12), pd.Series([100.0] * 12))
    above = metrics.share_progress("s", "主导产业集聚度", 2020, 50.0, pd.Series([50.1] * 12), pd.Series([100.0] * 12))
    assert exactly.actual == pytest.approx(50.0) and exactly.status == "off"
    assert above.status == "on"


def test_share_is_a_ratio_of_sums_not_a_sum_of_shares():
    p = metrics.share_progress("s", "x", 2020, 50.0, pd.Series([90.0, 10.0]), pd.Series([100.0, 100.0]))
    assert p.actual == pytest.approx(50.0)  # not 90% + 10%


def test_currencies_are_never_mixed():
    with pytest.raises(ValueError, match="未给出汇率"):
        metrics.monthly_in_target_unit(pd.Series([1.0]), "万元", "亿美元")
    assert metrics.monthly_in_target_unit(pd.Series([30000.0]), "万美元", "亿美元").iat[0] == pytest.approx(3.0)


def test_amounts_carry_units():
    assert i18n.amount(15.0, "亿元") == "15.00亿元"
    assert i18n.amount(3.0, "亿美元") == "3.00亿美元"
    assert i18n.amount(53.24, "%") == "53.2%"


def test_2020_against_the_real_targets(db):
    progress = {p.indicator_code: p for p in analysis.progress(db, 2020)}
    assert progress["industrial_output"].target == 15.0 and progress["industrial_output"].unit == "亿元"
    assert progress["trade_total"].target == 3.0 and progress["trade_total"].unit == "亿美元"
    assert progress["leading_share"].comparison == "share_above"
    assert all(p.complete for p in progress.values())
    monthly = db.query("bonded.monthly_totals")
    io_2020 = monthly[(monthly.indicator_code == "industrial_output") & (monthly.month.dt.year == 2020)]["value"].sum() / 1e4
    assert progress["industrial_output"].actual == pytest.approx(io_2020)


def test_current_year_has_a_forecast(db):
    progress = analysis.progress(db, 2026)
    assert {p.months for p in progress} == {10}
    assert all(not p.complete for p in progress)
    paths = analysis.paths(db, 2026)
    assert set(paths) == {"industrial_output", "logistics_revenue", "trade_total"}
    assert paths["trade_total"]["forecast"].notna().sum() == 3  # October to December


def test_subzone_split_keeps_units(db):
    split = analysis.subzone_split(db, 2020)
    units = dict(zip(split["indicator_code"], split["unit"]))
    assert units == {"industrial_output": "亿元", "logistics_revenue": "亿元", "trade_total": "亿美元", "leading_share": "%"}


def _page(year: str | None = None) -> AppTest:
    return open_app_page("pages/bonded.py", **({"year": year} if year else {}))


def test_page_year_selector_drives_the_bullets(app_env):
    at = _page("2020")
    assert not at.exception, at.exception
    bullet = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert "工业总产值（亿元）" in bullet["layout"]["title"]["text"]
    target_lines = [s for s in bullet["layout"]["shapes"] if s["type"] == "line"]
    assert target_lines[0]["x0"] == 15.0
    text = " ".join(m.value for m in at.markdown)
    assert "已达成" in text and "▲" in text and "15.00亿元" in text and "3.00亿美元" in text
    at.selectbox(key="url-year").select(2026).run()
    text = " ".join(m.value for m in at.markdown)
    assert "预计全年" in text and "1—10月" in text


def test_page_shows_sample_note_and_as_of(app_env):
    at = _page()
    assert any("示例数据" in w.value for w in at.warning)
    assert any("数据截至 2026年10月31日" in m.value for m in at.markdown)
    deck = at.get("deck_gl_json_chart")[0].proto.json
    assert "bonded-blocks" in deck
