"""The catalog: search and facet arithmetic, freshness edges, the import's acceptance and rejections, exports, page."""
from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lyg.catalog import analysis as cat
from lyg.catalog.importer import import_catalog, parse_items
from lyg.db import Database
from lyg.export import csv_bytes, xlsx_bytes
from lyg.importer.readers import ImportFileError
from lyg.validate import ContractError
from tests.apptest import open_app_page

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2026, 10, 31)


def test_facets_sum_to_the_total_and_narrow_each_other(db):
    everything, total = cat.search(db, cat.Filters(), DAY)
    counts = cat.facets(db, cat.Filters(), DAY)
    for key in cat.FACETS:
        assert counts[key]["n"].sum() == total, key
    police = cat.Filters(providers=("市公安局",))
    narrowed = cat.facets(db, police, DAY)
    _, police_total = cat.search(db, police, DAY)
    assert narrowed["share"]["n"].sum() == police_total
    assert narrowed["provider"]["n"].sum() == total  # a facet is not narrowed by its own selection
    both = cat.Filters(providers=("市公安局",), shares=("不予共享",))
    _, both_total = cat.search(db, both, DAY)
    share_counts = dict(zip(narrowed["share"]["value"], narrowed["share"]["n"]))
    assert both_total == share_counts.get("不予共享", 0)


def test_search_reaches_data_items_and_paginates(db):
    results, total = cat.search(db, cat.Filters(q="统一社会信用代码", full_detail=True), DAY, page=1, page_size=10)
    assert total > 10 and len(results) == 10
    code = results["resource_code"].iat[0]
    assert "统一社会信用代码" in set(cat.entry_items(db, code)["item_name"])
    page2, _ = cat.search(db, cat.Filters(q="统一社会信用代码", full_detail=True), DAY, page=2, page_size=10)
    assert not set(page2["resource_code"]) & set(results["resource_code"])


def test_search_text_is_bound_not_sql(db):
    _, total = cat.search(db, cat.Filters(q="' OR 1=1 --"), DAY)
    assert total == 0


def _monthly_entry(db) -> tuple[str, date]:
    row = db.execute("SELECT resource_code, last_updated_on FROM cat_entries WHERE update_cycle = '每月' ORDER BY resource_code LIMIT 1").iloc[0]
    return row["resource_code"], row["last_updated_on"].date()


@pytest.mark.parametrize("days,expected", [(0, "及时"), (30, "及时"), (31, "待更新"), (44, "待更新"), (45, "逾期"),
                                           (60, "逾期"), (61, "严重逾期")])
def test_freshness_edges_for_a_monthly_entry(db, days, expected):
    code, last = _monthly_entry(db)
    assert cat.entry(db, code, last + timedelta(days=days))["freshness"] == expected


def test_irregular_entries_are_not_assessed(db):
    code = db.execute("SELECT resource_code FROM cat_entries WHERE update_cycle = '不定期' LIMIT 1")["resource_code"].iat[0]
    assert cat.entry(db, code, DAY)["freshness"] == "不适用"


def test_headline_and_scorecard_agree(db):
    head = cat.headline(db, DAY)
    card = cat.scorecard(db, DAY)
    assert head["entries"] == card["entries"].sum()
    assert head["delinquent"] == card["delinquent"].sum()
    assert head["unconditional_pct"] + head["conditional_pct"] + head["not_shared_pct"] == pytest.approx(100)


def test_quality_check_finds_the_legacy_flaws(db):
    problems = cat.quality(db, full_detail=True)["problem"]
    assert problems.str.startswith("代码格式不符").any()
    dangling = cat.quality(db, full_detail=True).query("problem == '关联资源代码不存在'")
    assert len(dangling) and dangling["detail"].notna().all()
    assert (problems == "缺少信息资源摘要").any()


def test_parse_items_forms():
    assert parse_items("姓名:字符型；出生日期：日期型、照片（二进制）") == [("姓名", "字符型"), ("出生日期", "日期型"), ("照片", "二进制")]
    with pytest.raises(ValueError, match="数据类型"):
        parse_items("姓名:文本")


GOOD = """信息资源代码,信息资源名称,信息资源提供方,信息资源摘要,信息资源格式,信息项,共享类型,共享条件,共享方式,是否向社会开放,更新周期,发布日期,关联资源代码
101001/990001,户籍人口基本信息,市公安局,全市户籍人口的基本信息,数据库,姓名:字符型;出生日期:日期型,有条件共享,仅限履职需要,接口共享,否,每日,2019年8月20日,
301005/990002,烟花爆竹禁放区域,市公安局,禁放区域的四至与图形,图形图像,区域名称:字符型;边界:地理空间,无条件共享,,文件下载,是,不定期,2022/1/28,101001/990001
"""
HEADER = GOOD.splitlines()[0]
ROW = "101001/990003,示例资源,市公安局,摘要,数据库,名称:字符型,无条件共享,,接口共享,否,每月,2020-01-01,"
REJECTIONS = {
    "code structure": (ROW.replace("101001/990003", "101001990003"), "信息资源代码", "代码结构"),
    "class mismatch": (None, "类", "不一致"),
    "share type": (ROW.replace("无条件共享", "随便共享"), "共享类型", "不在允许值之内"),
    "update cycle": (ROW.replace("每月", "每两天"), "更新周期", "不在允许值之内"),
    "format": (ROW.replace(",数据库,", ",图纸,"), "信息资源格式", "不在允许值之内"),
    "condition required": (ROW.replace("无条件共享", "有条件共享"), "共享条件", "必须写明共享条件"),
    "impossible date": (ROW.replace("2020-01-01", "2020-02-30"), "发布日期", "不是有效的日期"),
    "unknown provider": (ROW.replace("市公安局", "市火星局"), "信息资源提供方", "不是已登记的市级部门"),
    "item type": (ROW.replace("名称:字符型", "名称:文本"), "信息项", "数据类型"),
    "dangling related code": (ROW[:-1] + ",999999/1", "关联资源代码", "不存在"),
    "formula": (ROW.replace(",摘要,", ",=HYPERLINK(1),"), "信息资源摘要", "疑似公式"),
    "missing value": (ROW.replace(",摘要,", ",,"), "信息资源摘要", "必填项为空"),
}


def _write(tmp_path, text: str, name="in.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _snapshot(data_dir: Path, db_path: Path) -> dict:
    return {p.name: p.read_bytes() for p in [*data_dir.glob("catalog_*.csv"), db_path]}


def test_import_accepts_gbk_and_rebuilds(live, tmp_path):
    data_dir, db_path = live
    result = import_catalog(_write(tmp_path, GOOD, encoding="gbk"), data_dir, db_path, user="张三")
    assert (result.added, result.replaced, result.items) == (2, 0, 4)
    db = Database(db_path)
    entry = cat.entry(db, "101001/990001", DAY)
    assert entry["share_condition"] == "仅限履职需要" and str(entry["published_on"])[:10] == "2019-08-20"
    assert len(cat.entry_items(db, "301005/990002")) == 2
    log = (data_dir / "imports" / "log.csv").read_text(encoding="utf-8")
    assert "张三" in log and "in.csv" in log
    assert list((data_dir / "imports" / "history").iterdir())


def test_import_replaces_an_existing_code(live, tmp_path):
    data_dir, db_path = live
    import_catalog(_write(tmp_path, GOOD), data_dir, db_path)
    again = GOOD.replace("户籍人口基本信息", "户籍人口基本信息（第二版）")
    result = import_catalog(_write(tmp_path, again, "again.csv"), data_dir, db_path)
    assert (result.added, result.replaced) == (0, 2)
    assert cat.entry(Database(db_path), "101001/990001", DAY)["name"] == "户籍人口基本信息（第二版）"


def test_import_accepts_xlsx_with_bom_free_headers(live, tmp_path):
    data_dir, db_path = live
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "目录"
    for line in GOOD.splitlines():
        sheet.append(line.split(","))
    path = tmp_path / "in.xlsx"
    book.save(path)
    assert import_catalog(path, data_dir, db_path, sheet="目录").added == 2


@pytest.mark.parametrize("case", sorted(REJECTIONS))
def test_import_rejections_name_row_column_and_rule(live, tmp_path, case):
    data_dir, db_path = live
    row, column, rule = REJECTIONS[case]
    text = HEADER + "\n" + (row or ROW) + "\n"
    if case == "class mismatch":
        text = "类," + HEADER + "\n主题信息资源," + ROW + "\n"
    before = _snapshot(data_dir, db_path)
    with pytest.raises(ContractError) as caught:
        import_catalog(_write(tmp_path, text), data_dir, db_path)
    problem = caught.value.problems[0]
    assert (problem.file, problem.row, problem.column) == ("in.csv", 2, column)
    assert rule in str(problem.rule)
    assert _snapshot(data_dir, db_path) == before
    assert not (data_dir / "imports" / "log.csv").exists()


def test_import_reports_every_problem_and_adds_nothing(live, tmp_path):
    data_dir, db_path = live
    bad = HEADER + "\n" + ROW.replace("101001/990003", "x") + "\n" + ROW.replace("每月", "每两天") + "\n"
    with pytest.raises(ContractError) as caught:
        import_catalog(_write(tmp_path, bad), data_dir, db_path)
    assert {p.row for p in caught.value.problems} == {2, 3}


@pytest.mark.parametrize("content,message", [(b"", "文件为空"), (b"\x00\x01\x02garbage\xff\xfe" * 10, "二进制"),
                                             (HEADER.encode() + b"\n", "没有数据行")])
def test_unreadable_files(live, tmp_path, content, message):
    data_dir, db_path = live
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    with pytest.raises((ImportFileError, ContractError), match=message):
        import_catalog(path, data_dir, db_path)


def test_missing_template_column(live, tmp_path):
    data_dir, db_path = live
    text = "\n".join(",".join(cell for k, cell in enumerate(line.split(",")) if k != 6) for line in GOOD.splitlines())
    with pytest.raises(ContractError, match="共享类型.*缺少必需的列"):
        import_catalog(_write(tmp_path, text), data_dir, db_path)


def test_export_round_trip_and_formula_neutralised():
    frame = pd.DataFrame({"名称": ["公安局台账", "=1+1", "-危险", "@x"], "数量": [1, 2, 3, 4]})
    back = pd.read_csv(io.BytesIO(csv_bytes(frame)), encoding="utf-8-sig")
    assert csv_bytes(frame).startswith(b"\xef\xbb\xbf")
    assert list(back["名称"]) == ["公安局台账", "'=1+1", "'-危险", "'@x"]
    from_xlsx = pd.read_excel(io.BytesIO(xlsx_bytes(frame)))
    assert list(from_xlsx["名称"]) == ["公安局台账", "'=1+1", "'-危险", "'@x"] and list(from_xlsx["数量"]) == [1, 2, 3, 4]


def _page(**query) -> AppTest:
    return open_app_page("pages/catalog.py", **query)


def test_page_search_and_facets_from_the_url(app_env):
    at = _page(q="公安", share="有条件共享")
    assert not at.exception, at.exception
    assert at.text_input(key="url-q").value == "公安"
    [share] = [m for m in at.multiselect if m.key.startswith("url-share-")]
    assert share.value == ["有条件共享"]
    caption = " ".join(c.value for c in at.caption)
    db = Database(app_env)
    _, total = cat.search(db, cat.Filters(q="公安", shares=("有条件共享",)), DAY)
    assert f"共 {total:,} 条" in caption
    assert "公安局" in at.get("markdown")[-1].value or any("公安局" in m.value for m in at.markdown)


def test_page_detail_shows_items(app_env):
    at = _page(q="统一社会信用代码")
    assert any("信息项" in m.value for m in at.markdown)
    assert len(at.dataframe) >= 2


def test_common_rules_reach_template_files(live, tmp_path):
    """The template is mapped onto the contract and checked by the common validation: a date in the future, a code
    repeated in the file and a last update before the publication date are refused as in any other import."""
    data_dir, db_path = live
    cases = {
        "future.csv": (ROW.replace("2020-01-01", "2099-01-01"), "晚于今天"),
        "repeated.csv": (ROW + "\n" + ROW, "主键重复"),
        "before.csv": (ROW + ",2019-06-01", "早于 published_on"),
    }
    for name, (body, rule) in cases.items():
        header = HEADER + (",最近更新日期" if name == "before.csv" else "")
        with pytest.raises(ContractError) as caught:
            import_catalog(_write(tmp_path, header + "\n" + body + "\n", name), data_dir, db_path)
        assert rule in str(caught.value), (name, str(caught.value))
        assert all(p.file == name and p.row for p in caught.value.problems)


def _facet(at: AppTest, key: str):
    [widget] = [m for m in at.multiselect if m.key.startswith(f"url-{key}-") or m.key == f"url-{key}"]
    return widget


def test_facets_keep_values_not_labels_through_later_reruns(app_env):
    """Two facets set, then a new search: the URL and the query keep the values (the labels carry counts that change
    with every other facet; once the label came back as the value and the page showed 共 0 条)."""
    at = _page(q="人口")
    _facet(at, "share").set_value(["无条件共享"]).run()
    _facet(at, "format").set_value(["数据库"]).run()
    caption = " ".join(c.value for c in at.caption)
    at.text_input(key="url-q").set_value("人口信息").run()
    at.text_input(key="url-q").set_value("人口").run()
    assert at.query_params["share"] in ("无条件共享", ["无条件共享"]) and at.query_params["format"] in ("数据库", ["数据库"])
    assert _facet(at, "share").value == ["无条件共享"] and _facet(at, "format").value == ["数据库"]
    assert " ".join(c.value for c in at.caption) == caption and "共 0 条" not in caption
