"""Catalog files as departments send them, in the style of the national guide: class paths, formats with sub-formats,
the guide's sharing ways, cycle variants, 统一社会信用代码, title rows, GBK and .xlsx."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lyg.catalog import guide
from lyg.catalog.importer import import_catalog
from lyg.codes import credit_code, credit_code_problem
from lyg.db import Database
from lyg.sources import read_csv_text
from lyg.validate import ContractError

TRANSPORT = "11320700014123458K"  # 市交通运输局's code in the sample register (GB 32100 check character K)
TITLE = "连云港市交通运输局政务信息资源目录（2019年）"
HEADER = ["信息资源分类", "信息资源名称", "信息资源代码", "信息资源提供方", "信息资源提供方代码", "信息资源摘要", "信息资源格式",
          "信息项", "共享类型", "共享条件", "共享方式", "是否向社会开放", "更新周期", "发布日期"]
ROWS = [
    ["部门信息资源/市交通运输局", "公交线路信息", "314001/000101", "市交通运输局", TRANSPORT, "全市公交线路及站点", "电子表格（xlsx）",
     "线路名称:字符型;站点数:数值型", "无条件共享", "", "共享平台方式（接口）", "是", "每天", "2019年3月15日"],
    ["部门信息资源/市交通运输局", "出租车营运信息", "314002/000102", "市交通运输局", TRANSPORT, "出租车营运记录", "数据库/DM",
     "车牌号:字符型;营运日期:日期型", "有条件共享", "仅限履职需要", "共享平台方式", "否", "月度", "2019/2/20"],
    ["基础信息资源/法人单位", "道路运输经营业户", "102003/000103", "市交通运输局", TRANSPORT, "道路运输经营业户登记", "服务接口（REST）",
     "统一社会信用代码:字符型;名称:字符型", "无条件共享", "", "邮件", "否", "季度", "2019/2/20"],
    ["部门信息资源/市交通运输局", "港口作业计划", "314004/000104", "市交通运输局", TRANSPORT, "港口作业计划与执行", "电子文件",
     "船名:字符型;作业日期:日期型", "不予共享", "", "", "否", "按需", "2019年3月15日"],
]
CODES = [row[2] for row in ROWS]


def _xlsx(tmp_path: Path, rows=ROWS, name="交通局目录.xlsx") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([TITLE])  # the title row departments put above the header
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _gbk_csv(tmp_path: Path, rows=ROWS, name="交通局目录.csv") -> Path:
    lines = [TITLE, ",".join(HEADER), *(",".join(row) for row in rows)]
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def _snapshot(data_dir: Path, db_path: Path) -> dict:
    return {p.name: p.read_bytes() for p in [*data_dir.glob("*.csv"), db_path]}


@pytest.mark.parametrize("write", [_xlsx, _gbk_csv])
def test_the_four_row_department_file_imports_with_warnings(live, tmp_path, write):
    data_dir, db_path = live
    result = import_catalog(write(tmp_path), data_dir, db_path, user="交通局")
    assert (result.added, result.replaced, result.new_departments) == (4, 0, 0)
    shown = {(w.row, w.column, w.original, w.value) for w in result.warnings}
    assert (3, "信息资源格式", "电子表格（xlsx）", "电子表格 + xlsx") in shown
    assert (3, "共享方式", "共享平台方式（接口）", "共享平台方式 + 接口") in shown
    assert (3, "更新周期", "每天", "每日") in shown and (6, "更新周期", "按需", "不定期") in shown
    assert not any(w.row == 4 and w.column == "共享方式" for w in result.warnings)  # 共享平台方式 alone is the guide's word
    db = Database(db_path)
    stored = db.execute("SELECT * FROM cat_entries WHERE list_contains(?, resource_code) ORDER BY resource_code", [CODES])
    assert list(stored["provider_code"]) == [TRANSPORT] * 4
    by_code = stored.set_index("resource_code")
    assert tuple(by_code.loc["314001/000101", ["format", "format_detail", "share_method", "share_method_detail", "update_cycle"]]) == (
        "电子表格", "xlsx", "共享平台方式", "接口", "每日")
    assert tuple(by_code.loc["314002/000102", ["format", "format_detail", "update_cycle"]]) == ("数据库", "DM", "每月")
    assert by_code.loc["102003/000103", "class_category"] == "基础信息资源"
    assert by_code.loc["102003/000103", "class_path"] == "基础信息资源/法人单位"
    assert str(by_code.loc["314001/000101", "published_on"])[:10] == "2019-03-15"
    log = (data_dir / "imports" / "log.csv").read_text(encoding="utf-8")
    assert "“电子表格（xlsx）”按“电子表格 + xlsx”读入" in log  # every warning is in the import log too
    db.close()


@pytest.mark.parametrize("edit, value, rule", [
    (lambda r: r.__setitem__(4, TRANSPORT[:-1] + "J"), TRANSPORT[:-1] + "J", "校验位"),
    (lambda r: r.__setitem__(8, "部分共享"), "部分共享", "不在允许值之内"),
    (lambda r: r.__setitem__(6, "图纸（dwg）"), "图纸（dwg）", "不在允许值之内"),
    (lambda r: r.__setitem__(10, "其他"), "其他", "须写明具体方式"),
    (lambda r: r.__setitem__(0, "主题信息资源/交通"), "主题信息资源/交通", "不一致"),
])
def test_one_wrong_cell_refuses_the_file_and_changes_nothing(live, tmp_path, edit, value, rule):
    data_dir, db_path = live
    rows = [list(r) for r in ROWS]
    edit(rows[1])
    before = _snapshot(data_dir, db_path)
    with pytest.raises(ContractError) as refused:
        import_catalog(_xlsx(tmp_path, rows), data_dir, db_path)
    [problem] = [p for p in refused.value.problems if p.value == value]
    assert problem.row == 4 and rule in str(problem.rule), str(refused.value)
    assert _snapshot(data_dir, db_path) == before


def test_a_new_department_is_registered_when_its_code_is_valid_and_free(live, tmp_path):
    data_dir, db_path = live
    code = credit_code("11", "320700", "09912345")
    rows = [[*ROWS[0][:3], "市数据局", code, *ROWS[0][5:]]]
    result = import_catalog(_xlsx(tmp_path, rows), data_dir, db_path)
    assert result.new_departments == 1
    register = read_csv_text(data_dir / "departments.csv")
    assert register.loc[register["name"] == "市数据局", "dept_code"].tolist() == [code]
    assert register.loc[register["name"] == "市数据局", "provenance"].tolist() == ["real"]
    assert Database(db_path).execute("SELECT provider FROM cat_entries WHERE provider_code = ?", [code])["provider"].tolist() == ["市数据局"]


def test_a_known_department_with_another_code_is_refused_naming_both(live, tmp_path):
    data_dir, db_path = live
    other = credit_code("11", "320700", "09912345")
    rows = [[*ROWS[0][:4], other, *ROWS[0][5:]]]
    with pytest.raises(ContractError) as refused:
        import_catalog(_xlsx(tmp_path, rows), data_dir, db_path)
    text = str(refused.value)
    assert other in text and TRANSPORT in text


def test_a_new_department_may_not_take_a_registered_code(live, tmp_path):
    data_dir, db_path = live
    rows = [[*ROWS[0][:3], "市数据局", TRANSPORT, *ROWS[0][5:]]]
    with pytest.raises(ContractError, match="已登记为“市交通运输局”"):
        import_catalog(_xlsx(tmp_path, rows), data_dir, db_path)


def test_dry_run_reports_and_writes_nothing(live, tmp_path):
    data_dir, db_path = live
    before = _snapshot(data_dir, db_path)
    result = import_catalog(_xlsx(tmp_path), data_dir, db_path, dry_run=True)
    assert result.added == 4 and result.warnings and len(result.preview) == 4
    assert _snapshot(data_dir, db_path) == before


def test_guide_readers():
    assert guide.read_format("电子表格（xlsx）") == ("电子表格", "xlsx")
    assert guide.read_format("数据库/DM") == ("数据库", "DM")
    assert guide.read_format("服务接口(REST)") == ("服务接口", "REST")
    assert guide.read_format("图形图像") == ("图形图像", "")
    assert guide.read_share_method("共享平台方式（文件下载）") == ("共享平台方式", "文件下载")
    assert guide.read_share_method("接口共享") == ("共享平台方式", "接口")
    assert guide.read_share_method("其他（光盘）") == ("其他", "光盘")
    assert guide.read_share_method("其他：专线") == ("其他", "专线")
    with pytest.raises(ValueError):
        guide.read_share_method("其他")
    assert [guide.read_cycle(c) for c in ("每天", "月度", "季度", "年度", "半年", "按需")] == ["每日", "每月", "每季度", "每年", "每半年", "不定期"]
    assert guide.read_class_path("部门信息资源/市交通运输局") == ["部门信息资源", "市交通运输局"]


def test_credit_codes():
    assert credit_code_problem(TRANSPORT) is None
    assert credit_code("11", "320700", "01412345") == TRANSPORT
    assert "校验位" in str(credit_code_problem(TRANSPORT[:-1] + "J"))
    assert "18位" in str(credit_code_problem("3207014"))
