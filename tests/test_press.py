"""The press conference, statement by statement: each quote is in the transcript word for word, each shown statement
is on its page in its section, each data value is in its data file, and data/README.md maps every one of them; plus
the rules the statements brought (product kinds in the checker, the legal way to count a comment period)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from lyg import press, vocab
from lyg.fireworks import analysis as fw
from lyg.i18n import ZH, t
from tests.conftest import COMMITTED_DATA
from tests.test_pages import run_page

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPT = (ROOT / "docs" / "seed" / "press-conference-2018-12-29.txt").read_text(encoding="utf-8")
STATEMENTS = pd.read_csv(COMMITTED_DATA / "press_statements.csv", dtype=str, keep_default_na=False)
PAGES = {"digital": "pages/digital.py", "fireworks": "pages/fireworks.py", "legislation": "pages/legislation.py",
         "bonded": "pages/bonded.py"}

# What issue 20 lists as missing, each to be found among the statements the dashboard shows
REQUIRED = ["大平台、大数据、大系统、大服务", "全国领先的数字政府典范", "共七章", "先急后缓", "数据主管(CDO)制度", "项目管理办法", "联席会议制度",
            "专业燃放类", "非正规渠道来源", "连政办发〔2018〕76号", "十大重点民生工程", "直至市区全部区域禁放", "八章四十条", "在外的连云港籍人士",
            "列席市政府常务会议", "给予奖励", "实施后评估", "八个方面", "长三角", "一般纳税人资格试点", "单独考核"]


def test_every_quote_is_word_for_word_in_the_transcript():
    missing = [s.statement_id for s in STATEMENTS.itertuples() if s.statement not in TRANSCRIPT]
    assert not missing, missing
    assert STATEMENTS["statement_id"].is_unique


def test_what_the_issue_lists_is_shown_somewhere():
    shown = " ".join(STATEMENTS.loc[STATEMENTS["shown_on"] != "", "statement"])
    assert [phrase for phrase in REQUIRED if phrase not in shown] == []


def test_each_statement_is_shown_with_a_section_or_says_why_not():
    for s in STATEMENTS.itertuples():
        if s.shown_on:
            assert s.shown_on in vocab.STATEMENT_PAGES and s.section in vocab.STATEMENT_SECTIONS and not s.not_shown, s.statement_id
            assert t(f"press.{s.shown_on}.{s.section}", "zh") != f"press.{s.shown_on}.{s.section}", s.statement_id
        else:
            assert s.not_shown and not s.section, s.statement_id


def test_each_data_value_is_in_its_data_file():
    for s in STATEMENTS[STATEMENTS["data_file"] != ""].itertuples():
        text = (COMMITTED_DATA / s.data_file).read_text(encoding="utf-8")
        assert not s.data_value or s.data_value in text, (s.statement_id, s.data_file, s.data_value)


def test_the_data_readme_maps_every_statement_to_where_it_is_shown():
    readme = (COMMITTED_DATA / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## The press conference, statement by statement"):]
    for s in STATEMENTS.itertuples():
        line = next((row for row in table.splitlines() if row.startswith(f"| {s.statement_id} |")), "")
        assert s.statement.replace("|", "\\|") in line and press.where_shown(s, ZH) in line, s.statement_id


@pytest.mark.apptest
@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_shows_its_statements_in_their_sections(app_env, page):
    at = run_page(PAGES[page])
    assert not at.exception
    labels = [e.label for e in at.expander]
    text = " ".join(m.value for m in at.markdown)
    for s in STATEMENTS[STATEMENTS["shown_on"] == page].itertuples():
        assert t(f"press.{page}.{s.section}", "zh") in labels, (s.statement_id, labels)
        assert f"「{s.statement}」" in text.replace("\\", ""), s.statement_id
        if page == "digital" and s.section == "governance":  # who and when, or plainly not said: never blank
            assert "责任主体：" + (s.who or t("press.not_said", "zh")) in text


def test_the_legislation_page_says_how_the_comment_period_is_counted(app_env):
    at = run_page("pages/legislation.py")
    text = " ".join(m.value for m in at.markdown)
    assert "民法典》第二百零一条" in text and "开始的当日不计入" in text
    assert all("首日不计" in v for v in [m.value for m in at.markdown] if "征求意见期不少于30日" in v and "仅" in v)


def test_a_banned_kind_is_banned_in_a_zone_at_any_hour_and_unknown_outside(db):
    rules = fw.rules(db)
    noon = datetime(2020, 3, 1, 12, 0)  # the 2019 notice is in force; noon is outside its night hours
    inside, outside = (119.180, 34.590), (119.100, 34.700)  # 海州区's 2019 zone; 市区, outside every 2019 zone
    ordinary = rules.check(*inside, noon, ZH)
    assert ordinary["banned"] is False and ordinary["product_kind"] == vocab.ORDINARY_KIND
    professional = rules.check(*inside, noon, ZH, "专业燃放类")
    assert professional["banned"] is True and [r["kind"] for r in professional["reasons"]] == ["product"]
    assert "专业燃放类" in professional["reasons"][0]["text"] and "不分时段" in professional["reasons"][0]["text"]
    assert rules.check(*outside, noon, ZH, "非正规渠道来源")["banned"] is None  # not said to reach beyond the zones
    later = rules.check(*outside, datetime(2023, 3, 1, 12, 0), ZH, "专业燃放类")  # 2022 notice: its kinds clause not verified
    assert later["banned"] is None and any("未核实" in u for u in later["unknowns"])


def test_both_development_zone_blocks_are_labelled_as_the_former_export_processing_zone():
    import json
    features = json.loads((COMMITTED_DATA / "bonded_blocks.geojson").read_text(encoding="utf-8"))["features"]
    names = {f["properties"]["block_code"]: f["properties"]["name"] for f in features}
    assert "原出口加工区" in names["B2"] and "原出口加工区" in names["B3"] and "原出口加工区" not in names["B1"]
