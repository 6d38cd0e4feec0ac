"""The committed sample data agrees with every real figure in FACTS.md and with its own contracts."""
from __future__ import annotations

import pandas as pd
import pytest

from lyg import vocab


def test_press_conference_statistics_are_kept_as_stated(db):
    stats = db.execute("SELECT * FROM fw_statistics").set_index("type")
    assert "30余起" in stats.loc["交通事故", "stated"] and stats.loc["交通事故", "count_at_least"] == 30
    assert "11起" in stats.loc["伤亡事故", "stated"] and stats.loc["伤亡事故", "count_at_least"] == 11
    assert "几乎年年" in stats.loc["绿化带火灾", "stated"] and pd.isna(stats.loc["绿化带火灾", "count_at_least"])
    assert set(stats["area"]) == {"市区"} and set(stats["year_from"]) == {2015}
    assert set(stats["provenance"]) == {"real"} and stats["source"].str.contains("新闻发布会").all()


def test_generated_incidents_are_illustrative_and_agree_with_the_stated_totals(db):
    totals = db.execute("""SELECT type, count(*) AS n, count(DISTINCT year(occurred_at)) AS years
                           FROM fw_incidents WHERE occurred_at < DATE '2019-01-01' GROUP BY type""").set_index("type")
    assert totals.loc["交通事故", "n"] >= 30  # "30余起"
    assert totals.loc["伤亡事故", "n"] == 11
    assert totals.loc["绿化带火灾", "years"] >= 3  # "几乎每年"
    assert set(db.execute("SELECT DISTINCT provenance FROM fw_incidents")["provenance"]) == {"illustrative"}


def test_survey_share(db):
    row = db.execute("SELECT share_pct, provenance FROM fw_survey WHERE answer = '赞成禁放'").iloc[0]
    assert row["share_pct"] == 75.5 and row["provenance"] == "real"


def test_bonded_targets_as_stated(db):
    t = db.execute("SELECT * FROM bz_targets WHERE target_year = 2020").set_index("indicator_code")
    assert (t.loc["industrial_output", "target_value"], t.loc["industrial_output", "unit"]) == (15.0, "亿元")
    assert (t.loc["logistics_revenue", "target_value"], t.loc["logistics_revenue", "unit"]) == (2.0, "亿元")
    assert (t.loc["trade_total", "target_value"], t.loc["trade_total", "unit"], t.loc["trade_total", "currency"]) == (3.0, "亿美元", "USD")
    assert (t.loc["leading_share", "target_value"], t.loc["leading_share", "comparison"]) == (50.0, "share_above")
    assert set(t["provenance"]) == {"real"}


def test_bonded_blocks_match_stated_areas(db):
    blocks = db.execute("SELECT block_code, stated_area_km2, area_km2 FROM bz_blocks ORDER BY block_code")
    assert list(blocks["stated_area_km2"]) == [0.53, 1.93, 0.51]
    assert ((blocks["area_km2"] - blocks["stated_area_km2"]).abs() / blocks["stated_area_km2"] < 0.05).all()
    assert round(blocks["stated_area_km2"].sum(), 2) == 2.97


def test_enterprises_at_acceptance(db):
    e = db.execute("""SELECT ownership, count(*) AS n, sum(investment) AS total, any_value(investment_unit) AS unit
                      FROM bz_enterprises WHERE registered_on <= DATE '2019-08-20' GROUP BY ownership""").set_index("ownership")
    assert e.loc["外资", "n"] == 18 and e.loc["外资", "total"] == pytest.approx(29000) and e.loc["外资", "unit"] == "万美元"
    assert e.loc["内资", "n"] == 21 and e.loc["内资", "total"] == pytest.approx(185000) and e.loc["内资", "unit"] == "万元"


def test_facilities_planned_areas(db):
    f = db.execute("SELECT name, planned_area_m2, planned_completion FROM bz_facilities").set_index("name")
    assert f.loc["查验场站", "planned_area_m2"] == 32000
    assert f.loc["检验检疫处理区", "planned_area_m2"] == 2100
    assert f.loc["保税仓库", "planned_area_m2"] == 50000
    assert f.loc["标准厂房", "planned_area_m2"] == 180000
    assert f.loc["进口商品展示中心", "planned_completion"] == "2019年上半年"


def test_milestones(db):
    days = set(db.execute("SELECT milestone_on FROM bz_milestones")["milestone_on"].dt.strftime("%Y-%m-%d"))
    assert {"2018-05-31", "2019-08-20"} <= days


def test_notices_and_switch_date(db):
    n = db.execute("SELECT * FROM fw_notices ORDER BY effective_from")
    assert list(n["time_rule"]) == ["night_22_06_lunar_exceptions", "all_day"]
    assert n["effective_from"].iloc[1] == pd.Timestamp("2022-01-28")
    assert n["doc_number"].iloc[1] == "连政发〔2022〕9号"
    assert n["effective_to"].iloc[0] == pd.Timestamp("2022-01-27")


def test_zones_carry_their_roads_and_are_approximate(db):
    z = db.execute("SELECT zone_id, roads, approximate FROM fw_zones")
    assert z["approximate"].all()
    assert any("义塘路" in r for r in z["roads"]) and any("204国道" in r for r in z["roads"])


def test_division_codes(db):
    u = db.execute("SELECT code, name FROM units").set_index("code")["name"]
    for code, name in {**vocab.DISTRICT_NAMES, **vocab.FUNCTIONAL_ZONE_NAMES}.items():
        assert u[code] == name


def test_functional_zones_lie_inside_their_districts(db):
    from shapely.ops import unary_union

    from lyg.geo import from_wkb
    units = db.execute("SELECT code, parent_code, kind, geometry FROM units")
    shapes = {r.code: from_wkb(r.geometry) for r in units.itertuples()}
    for r in units[units["kind"] == "功能区"].itertuples():
        host = unary_union([shapes["320703"], shapes["320706"]])
        assert host.buffer(1e-6).contains(shapes[r.code]), r.code


def test_named_projects_and_framework(db):
    names = set(db.execute("SELECT name FROM dg_projects WHERE named_in_source")["name"])
    assert {"政府网站总门户", "政务云", "城市大脑", "数据共享平台", "“我的连云港”APP", "领导决策支持平台"} <= names
    assert db.execute("SELECT count(*) AS n FROM dg_projects")["n"].iat[0] == 18
    metaphors = set(db.execute("SELECT metaphor FROM dg_components")["metaphor"])
    assert metaphors == {"城市门面", "城市骨架", "城市移动客户端", "城市血管", "城市大脑", "城市心脏", "城市血站"}


def test_catalog_size_and_departments(db):
    counts = db.execute("SELECT count(*) AS entries, count(DISTINCT provider_code) AS providers FROM cat_entries").iloc[0]
    assert counts["entries"] >= 3000 and counts["providers"] >= 30
    per_entry = db.execute("SELECT min(n) AS least FROM (SELECT resource_code, count(*) AS n FROM cat_items GROUP BY ALL)")
    assert per_entry["least"].iat[0] >= 3


def test_every_table_has_provenance_marks(db):
    from lyg.contracts import TABLES
    for table in TABLES:
        if any(c.name == "provenance" for c in table.columns):
            marks = set(db.execute(f'SELECT DISTINCT provenance FROM "{table.name}"')["provenance"])
            assert marks <= set(vocab.PROVENANCE), table.name


def test_data_readme_is_current(tmp_path):
    """The contracts and the committed files' rows by provenance (as the build counts them) match data/README.md."""
    from lyg.build import build
    from lyg.docs import data_readme, read_statements
    from tests.conftest import COMMITTED_DATA
    readme = COMMITTED_DATA / "README.md"
    counts = build(COMMITTED_DATA, tmp_path / "committed.duckdb").counts
    assert readme.read_text(encoding="utf-8") == data_readme(counts, read_statements(COMMITTED_DATA)), "run: python -m lyg docs"


def test_committed_sample_data_is_what_the_generator_writes(tmp_path):
    import filecmp
    import shutil
    from pathlib import Path

    from lyg.sample.generate import generate
    data = Path(__file__).resolve().parent.parent / "data"
    shutil.copy(data / "districts.geojson", tmp_path / "districts.geojson")
    generate(tmp_path)
    written = sorted(p.name for p in tmp_path.iterdir())
    mismatched = [name for name in written if not filecmp.cmp(tmp_path / name, data / name, shallow=False)]
    assert not mismatched, f"run python -m lyg sample: {mismatched}"

