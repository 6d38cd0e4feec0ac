"""Excel templates for departments to fill: `python -m lyg template DOMAIN`, and a button on 数据导入.

Each template has the headers the importer reads (Chinese labels; the national template's for the catalog), a 填写说明
sheet generated from the contract (meaning, unit, required, accepted values or range, one example), and a dropdown on
every vocabulary column. The example is a row the importer accepts as it stands (tests/test_templates.py imports it).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from lyg import vocab
from lyg.contracts import BY_NAME, Col
from lyg.importer.generic import DOMAINS
from lyg.sources import read_raw

DATA_SHEET, GUIDE_SHEET, LISTS_SHEET = "数据", "填写说明", "选项"
TEMPLATE_DOMAINS = ("catalog", *(d for d, t in DOMAINS.items() if not BY_NAME[t].has_geometry))  # outlines come as GIS files
DERIVED_OR_AUTOMATIC = {"fw_incidents": {"incident_id"}}  # numbered by the importer when left out


@dataclass(frozen=True)
class Field:
    header: str
    meaning: str
    unit: str
    required: bool
    accepted: tuple
    rule: str
    example: str


def _short(label: str) -> str:
    return re.split(r"[（(]", label)[0].strip()


def _rule(col: Col) -> str:
    if col.accepted:
        return "、".join(str(a) for a in col.accepted)
    if col.type == "BOOLEAN":
        return "是、否"
    if col.type == "DATE":
        return "日期，如 2019-08-20、2019年8月20日、2019/8/20"
    if col.type == "TIMESTAMP":
        return "时间，如 2019-02-05 22:30"
    if col.min is not None or col.max is not None:
        return f"{'' if col.min is None else f'≥ {col.min:g}'} {'' if col.max is None else f'≤ {col.max:g}'}".strip()
    return "文本"


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if str(value).lower() in ("true", "false"):
        return "是" if str(value).lower() == "true" else "否"
    return str(value)


def contract_fields(domain: str, data_dir: Path) -> list[Field]:
    """A generic domain's columns, with the first stored row as the example (it passed the build, so it imports)."""
    table = BY_NAME[DOMAINS[domain]]
    stored, _ = read_raw(table, data_dir)
    example = stored.iloc[0] if len(stored) else pd.Series(dtype=object)
    skip = DERIVED_OR_AUTOMATIC.get(table.name, set())
    return [Field(_short(c.label), c.label, c.unit, c.required, c.accepted if c.type != "BOOLEAN" else ("是", "否"), _rule(c),
                  _text(example.get(c.name)))
            for c in table.columns if c.type != "GEOMETRY" and c.name not in skip]


CATALOG_EXAMPLE = {  # one entry in the guide's style; its provider and code are read from the register
    "resource_code": "314001/000101", "name": "公交线路信息", "class_path": "部门信息资源/市交通运输局",
    "summary": "全市公交线路及站点", "format": "电子表格（xlsx）", "items": "线路名称:字符型;站点数:数值型",
    "share_type": "无条件共享", "share_condition": "", "share_method": "共享平台方式（接口）", "open_to_public": "是",
    "open_condition": "", "update_cycle": "每月", "published_on": "2019-03-15", "last_updated_on": "", "related_codes": "",
}
CATALOG_MEANINGS = {
    "class_path": "信息资源分类，写作 类/项/目/细目（可只写到类或项），首段须与代码首位一致",
    "format": "类型或 类型（子格式），如 电子表格（xlsx）、数据库（DM）、服务接口（REST）",
    "share_method": "共享平台方式，可加子方式，如 共享平台方式（接口）；无法通过平台时写 邮件、拷贝、介质交换，或 其他（具体方式）",
    "items": "信息项名称:数据类型，多个以分号分隔；数据类型为 " + "、".join(vocab.DATA_TYPES),
    "provider_code": "提供方的统一社会信用代码（18位，校验位须正确）；新部门由此登记",
    "update_cycle": "更新周期；也接受 每天、月度、季度、半年、年度、按需 等写法",
}


def catalog_fields(data_dir: Path) -> list[Field]:
    from lyg.catalog.importer import HEADERS, REQUIRED
    from lyg.sources import read_csv_text
    register = read_csv_text(data_dir / "departments.csv")
    provider = "市交通运输局" if "市交通运输局" in set(register["name"]) else register["name"].iat[0]
    example = {**CATALOG_EXAMPLE, "provider": provider,
               "provider_code": register.loc[register["name"] == provider, "dept_code"].iat[0]}
    entries = BY_NAME["cat_entries"]
    accepted = {"share_type": vocab.SHARE_TYPES, "format": vocab.FORMATS, "share_method": vocab.SHARE_METHODS,
                "update_cycle": vocab.UPDATE_CYCLES, "open_to_public": ("是", "否"), "provider": tuple(register["name"])}
    fields = []
    for column in ("resource_code", "name", "class_path", "provider", "provider_code", "summary", "format", "items", "share_type",
                   "share_condition", "share_method", "open_to_public", "open_condition", "update_cycle", "published_on",
                   "last_updated_on", "related_codes"):
        label = next((c.label for c in entries.columns if c.name == column), "信息项名称及类型")
        meaning = CATALOG_MEANINGS.get(column, label)
        rule = "、".join(accepted[column]) if column in accepted else ("日期，如 2019-08-20" if column.endswith("_on") else "文本")
        fields.append(Field(HEADERS[column][0], meaning, "", column in REQUIRED, accepted.get(column, ()), rule, example.get(column, "")))
    return fields


def fields(domain: str, data_dir: Path) -> list[Field]:
    if domain not in TEMPLATE_DOMAINS:
        raise ValueError(f"没有“{domain}”的 Excel 模板：可用 {'、'.join(TEMPLATE_DOMAINS)}（区域图形请以 GeoJSON、Shapefile 或 GeoPackage 导入）")
    return catalog_fields(data_dir) if domain == "catalog" else contract_fields(domain, data_dir)


def template_bytes(domain: str, data_dir: Path) -> bytes:
    """The .xlsx template of a domain: the data sheet to fill and the 填写说明 sheet."""
    columns = fields(domain, Path(data_dir))
    book = openpyxl.Workbook()
    data = book.active
    data.title = DATA_SHEET
    data.append([f.header for f in columns])
    for k, f in enumerate(columns, start=1):
        cell = data.cell(row=1, column=k)
        cell.font = Font(bold=True, color="FFFFFF" if f.required else "000000")
        cell.fill = PatternFill("solid", fgColor="1F4E79" if f.required else "D9E1F2")
        data.column_dimensions[cell.column_letter].width = max(12, min(40, len(f.header) * 2 + 4))
        if f.accepted:
            _dropdown(book, data, cell.column_letter, f)
    data.freeze_panes = "A2"
    _guide_sheet(book, columns)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _dropdown(book, sheet, letter: str, f: Field) -> None:
    """A list on the column; values are kept on a hidden sheet (a list written inline is limited to 255 characters).
    Writing another form the importer reads (电子表格（xlsx）) is allowed: the list only suggests."""
    lists = book[LISTS_SHEET] if LISTS_SHEET in book.sheetnames else book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    column = lists.max_column + 1 if lists.max_row > 1 or lists["A1"].value else 1
    for row, value in enumerate(f.accepted, start=1):
        lists.cell(row=row, column=column, value=str(value))
    ref_letter = lists.cell(row=1, column=column).column_letter
    rule = DataValidation(type="list", formula1=f"='{LISTS_SHEET}'!${ref_letter}$1:${ref_letter}${len(f.accepted)}", allow_blank=True,
                          showErrorMessage=False, promptTitle=f.header[:32], prompt=f.rule[:255], showInputMessage=True)
    sheet.add_data_validation(rule)
    rule.add(f"{letter}2:{letter}10000")


def _guide_sheet(book, columns: list[Field]) -> None:
    guide = book.create_sheet(GUIDE_SHEET, 1)
    guide.append(["列名", "含义", "单位", "是否必填", "允许值或范围", "示例"])
    for f in columns:
        guide.append([f.header, f.meaning, f.unit, "必填" if f.required else "可空", f.rule, f.example])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEF", (18, 50, 8, 10, 50, 30)):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    guide.append([])
    guide.append(["说明：在“数据”表第1行表头下逐行填写；深色表头为必填列。日期写作 2019-08-20 或 2019年8月20日。"
                  "导入时先校验并预览，全部通过后由管理员确认写入。"])


def example_row(domain: str, data_dir: Path) -> list[str]:
    """The example of every column, in the template's order: a row the importer accepts."""
    return [f.example for f in fields(domain, Path(data_dir))]
