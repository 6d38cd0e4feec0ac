"""Each domain's Excel template: headers the importer reads, a 填写说明 sheet from the contract, dropdowns on vocabulary
columns; the template filled with its own example row imports without edits."""
from __future__ import annotations

import io

import openpyxl
import pytest

from lyg.importer.cli import import_any
from lyg.importer.template import DATA_SHEET, GUIDE_SHEET, TEMPLATE_DOMAINS, example_row, fields, template_bytes


@pytest.mark.parametrize("domain", TEMPLATE_DOMAINS)
def test_a_filled_template_imports_without_edits(live, tmp_path, domain):
    data_dir, db_path = live
    book = openpyxl.load_workbook(io.BytesIO(template_bytes(domain, data_dir)))
    assert book.sheetnames[:2] == [DATA_SHEET, GUIDE_SHEET]
    sheet = book[DATA_SHEET]
    headers = [c.value for c in sheet[1]]
    assert headers == [f.header for f in fields(domain, data_dir)] and all(headers)
    guide = list(book[GUIDE_SHEET].iter_rows(min_row=2, max_row=len(headers) + 1, values_only=True))
    assert [row[0] for row in guide] == headers and all(row[1] and row[4] for row in guide)  # meaning and rule for each
    vocabulary = [f.header for f in fields(domain, data_dir) if f.accepted]
    assert vocabulary and len(sheet.data_validations.dataValidation) == len(vocabulary)
    sheet.append(example_row(domain, data_dir))
    filled = tmp_path / f"{domain}.xlsx"
    book.save(filled)
    result = import_any(domain, filled, data_dir, db_path, user="模板")
    assert result.added + result.replaced == 1


def test_catalog_template_uses_the_national_headers(live):
    data_dir, _ = live
    headers = [f.header for f in fields("catalog", data_dir)]
    assert headers[:4] == ["信息资源代码", "信息资源名称", "信息资源分类", "信息资源提供方"]
    assert "信息资源格式" in headers and "共享方式" in headers and "更新周期" in headers


def test_no_template_for_outlines(live):
    with pytest.raises(ValueError, match="GeoJSON"):
        fields("ban_zones", live[0])
