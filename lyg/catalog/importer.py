"""Import a catalog sheet in the national template (Chinese headers) into data/, all or nothing.

Entries whose code already exists replace the old entry and its data items; new codes are added.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pandas as pd

from lyg import vocab
from lyg.contracts import BY_NAME
from lyg.i18n import Message
from lyg.importer.generic import formula_cells
from lyg.importer.readers import read_table_file
from lyg.importer.staging import ImportResult, apply_files, csv_bytes
from lyg.sources import read_csv_text
from lyg.validate import FALSE_WORDS, TRUE_WORDS, ContractError, Problem, check_frame, coerce_frame

HEADERS = {  # column -> accepted Chinese headers (first is the template's own)
    "resource_code": ("信息资源代码", "资源代码", "代码"),
    "name": ("信息资源名称", "资源名称", "名称"),
    "class_category": ("类", "信息资源分类", "分类"),
    "class_item": ("项",), "class_target": ("目",), "class_detail": ("细目",),
    "provider": ("信息资源提供方", "提供方", "提供单位"),
    "provider_code": ("提供方代码", "信息资源提供方代码"),
    "summary": ("信息资源摘要", "摘要"),
    "format": ("信息资源格式", "格式"),
    "items": ("信息项", "信息项名称及类型"),
    "share_type": ("共享类型",), "share_condition": ("共享条件",), "share_method": ("共享方式",),
    "open_to_public": ("是否向社会开放", "向社会开放"), "open_condition": ("开放条件",),
    "update_cycle": ("更新周期",), "published_on": ("发布日期",), "last_updated_on": ("最近更新日期", "更新日期"),
    "related_codes": ("关联资源代码",),
}
REQUIRED = ("resource_code", "name", "provider", "summary", "format", "items", "share_type", "update_cycle", "published_on")  # columns the sheet must have
CODE = re.compile(r"^(?P<cls>[1-3])(?P<item>\d{2})(?P<target>\d{3})(?P<detail>\d*)/(?P<seq>\d+)$")
CLASS_BY_DIGIT = {"1": "基础信息资源", "2": "主题信息资源", "3": "部门信息资源"}
ITEM = re.compile(r"^\s*(?P<name>[^:：（(]+?)\s*[:：（(]\s*(?P<type>[^)）]+?)\s*[)）]?\s*$")


def _header_map(columns: list[str], file: str) -> tuple[dict[str, str], list[Problem]]:
    found, problems = {}, []
    for column, names in HEADERS.items():
        hit = next((c for c in columns if c in names), None)
        if hit:
            found[column] = hit
        elif column in REQUIRED:
            problems.append(Problem(file, None, names[0], None, Message("catalog_import.missing_column")))
    return found, problems


def parse_items(text: str) -> list[tuple[str, str]]:
    """'姓名:字符型;出生日期:日期型' (also ；、 separators and 名称（类型） form) -> [(name, type)]."""
    parts = [p for p in re.split(r"[;；、\n]", text) if p.strip()]
    out = []
    for part in parts:
        m = ITEM.match(part)
        if not m:
            raise ValueError(Message("catalog_import.item_form", item=part.strip()))
        if m["type"] not in vocab.DATA_TYPES:
            raise ValueError(Message("catalog_import.item_type", item=m["name"], type=m["type"], allowed=vocab.DATA_TYPES))
        out.append((m["name"], m["type"]))
    return out


class _Checker:
    def __init__(self, file: str, frame: pd.DataFrame, headers: dict[str, str]):
        self.file, self.frame, self.headers, self.problems = file, frame, headers, []

    def add(self, index: int, column: str, value, rule: Message) -> None:
        self.problems.append(Problem(self.file, int(self.frame.at[index, "_row"]), self.headers.get(column, HEADERS[column][0]),
                                     None if value is None else str(value), rule))

    def value(self, index: int, column: str) -> str:
        return self.frame.at[index, self.headers[column]] if column in self.headers else ""


TEMPLATE_REQUIRED = ("summary", "items")  # the template asks for these; the stored contract lets old entries miss a summary
ENTRIES, ITEMS = BY_NAME["cat_entries"], BY_NAME["cat_items"]


def _check_row(c: _Checker, i: int, departments: dict[str, str], known_codes: set[str], file_codes: set[str]) -> list:
    """The template's own rules, which the contract cannot state: code structure and its class digit, a condition for
    conditional sharing, a registered provider, related codes that exist, data items written 名称:类型."""
    for column in TEMPLATE_REQUIRED:
        if not c.value(i, column):
            c.add(i, column, None, Message("val.required"))
    code = c.value(i, "resource_code")
    m = CODE.match(code)
    if code and not m:
        c.add(i, "resource_code", code, Message("catalog_import.code_form"))
    declared = c.value(i, "class_category")
    if m and declared and CLASS_BY_DIGIT[m["cls"]] != declared:
        c.add(i, "class_category", declared, Message("catalog_import.class_digit", digit=m["cls"], cls=CLASS_BY_DIGIT[m["cls"]]))
    if c.value(i, "share_type") == "有条件共享" and not c.value(i, "share_condition"):
        c.add(i, "share_condition", None, Message("catalog_import.condition"))
    if c.value(i, "open_to_public") and c.value(i, "open_to_public").lower() not in TRUE_WORDS | FALSE_WORDS:
        c.add(i, "open_to_public", c.value(i, "open_to_public"), Message("catalog_import.yes_no"))
    provider = c.value(i, "provider")
    if provider and provider not in departments:
        c.add(i, "provider", provider, Message("catalog_import.provider"))
    elif provider and c.value(i, "provider_code") and departments[provider] != c.value(i, "provider_code"):
        c.add(i, "provider_code", c.value(i, "provider_code"), Message("catalog_import.provider_code", provider=provider, code=departments[provider]))
    for related in _codes(c.value(i, "related_codes")):
        if related not in known_codes | file_codes:
            c.add(i, "related_codes", related, Message("catalog_import.related"))
    items = []
    if c.value(i, "items"):
        try:
            items = parse_items(c.value(i, "items"))
        except ValueError as exc:
            c.add(i, "items", c.value(i, "items"), exc.args[0])
    return items


def _codes(text: str) -> list[str]:
    return [r.strip() for r in re.split(r"[;；]", text) if r.strip()]


def _onto_contract(c: _Checker, frame: pd.DataFrame, departments: dict[str, str]) -> pd.DataFrame:
    """The template's rows as the contract's columns, still text: classes from the code where the sheet leaves them out,
    the provider's code from the department register, the last update defaulting to the publication date."""
    rows = []
    for i in frame.index:
        m = CODE.match(c.value(i, "resource_code"))
        parts = m.groupdict() if m else {"cls": "", "item": "", "target": "", "detail": ""}
        published = c.value(i, "published_on")
        rows.append({
            "_row": frame.at[i, "_row"], "resource_code": c.value(i, "resource_code"), "name": c.value(i, "name"),
            "class_category": CLASS_BY_DIGIT.get(parts["cls"], c.value(i, "class_category")),
            "class_item": c.value(i, "class_item") or parts["item"], "class_target": c.value(i, "class_target") or parts["target"],
            "class_detail": c.value(i, "class_detail") or parts["detail"],
            "provider_code": departments.get(c.value(i, "provider"), c.value(i, "provider_code")), "provider": c.value(i, "provider"),
            "summary": c.value(i, "summary"), "format": c.value(i, "format"), "share_type": c.value(i, "share_type"),
            "share_condition": c.value(i, "share_condition"), "share_method": c.value(i, "share_method"),
            "open_to_public": c.value(i, "open_to_public") or "否", "open_condition": c.value(i, "open_condition"),
            "update_cycle": c.value(i, "update_cycle"), "published_on": published, "last_updated_on": c.value(i, "last_updated_on") or published,
            "related_codes": ";".join(_codes(c.value(i, "related_codes"))), "provenance": "real",
        })
    return pd.DataFrame(rows, columns=["_row", *(col.name for col in ENTRIES.columns)], dtype="string")


def _contract_problems(c: _Checker, mapped: pd.DataFrame, file: str) -> pd.DataFrame:
    """The common validation every importer uses (formulas, types, dates, accepted values, keys, cross-column rules),
    each finding named by the file's own header; a cell the template rules already refused is reported once."""
    found = formula_cells(ENTRIES, mapped, file)
    typed, unreadable = coerce_frame(ENTRIES, mapped, file)
    unreadable_cells = {(u.row, u.column) for u in unreadable}
    found += unreadable + [p for p in check_frame(ENTRIES, typed, file) if (p.row, p.column) not in unreadable_cells]
    seen = {(p.row, p.column) for p in c.problems}
    refused_provider = {p.row for p in c.problems if p.column == c.headers.get("provider")}
    for p in found:
        header = c.headers.get(p.column, HEADERS[p.column][0] if p.column in HEADERS else p.column)
        if (p.row, header) in seen or (p.column == "provider_code" and p.row in refused_provider):
            continue
        c.problems.append(replace(p, column=header))
    return typed


def validate(frame: pd.DataFrame, file: str, data_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(entries, items) in the contract's columns; raises ContractError listing every problem."""
    headers, problems = _header_map(list(frame.columns), file)
    if problems:
        raise ContractError(problems)
    departments = dict(read_csv_text(data_dir / "departments.csv")[["name", "dept_code"]].itertuples(index=False))
    known = set(read_csv_text(data_dir / "catalog_entries.csv")["resource_code"])
    c = _Checker(file, frame, headers)
    codes = frame[headers["resource_code"]]
    items_by_row = {i: _check_row(c, i, departments, known, set(codes)) for i in frame.index}
    typed = _contract_problems(c, _onto_contract(c, frame, departments), file)
    if c.problems:
        raise ContractError(sorted(c.problems, key=lambda p: (p.row or 0, p.column or "")))
    return _entries(typed), _items(frame, headers, items_by_row)


def _entries(typed: pd.DataFrame) -> pd.DataFrame:
    """The validated entries as the source file writes them."""
    out = typed.drop(columns="_row").astype(object)
    for column in ("published_on", "last_updated_on"):
        out[column] = typed[column].dt.strftime("%Y-%m-%d")
    out["open_to_public"] = typed["open_to_public"].map({True: "true", False: "false"})
    return out.fillna("")


def _items(frame: pd.DataFrame, headers: dict, items_by_row: dict) -> pd.DataFrame:
    rows = [(frame.at[i, headers["resource_code"]], n, name, dtype)
            for i, items in items_by_row.items() for n, (name, dtype) in enumerate(items, start=1)]
    return pd.DataFrame(rows, columns=["resource_code", "item_no", "item_name", "data_type"])


def import_catalog(path: Path, data_dir: Path, db_path: Path, user: str = "cli", sheet: str | None = None) -> ImportResult:
    """Validate the file, merge it into the catalog sources, rebuild; nothing changes if anything fails."""
    path = Path(path)
    known = {name for names in HEADERS.values() for name in names}
    entries, items = validate(read_table_file(path, sheet, known_headers=known), path.name, data_dir)
    old_entries = read_csv_text(data_dir / "catalog_entries.csv")
    old_items = read_csv_text(data_dir / "catalog_items.csv")
    replaced = int(old_entries["resource_code"].isin(entries["resource_code"]).sum())
    merged_entries = pd.concat([old_entries[~old_entries["resource_code"].isin(entries["resource_code"])],
                                entries], ignore_index=True)
    merged_items = pd.concat([old_items[~old_items["resource_code"].isin(entries["resource_code"])], items.astype(str)],
                             ignore_index=True)
    apply_files(data_dir, db_path, {"catalog_entries.csv": csv_bytes(merged_entries), "catalog_items.csv": csv_bytes(merged_items)},
                domain="catalog", source=path, user=user, rows=len(entries))
    return ImportResult(added=len(entries) - replaced, replaced=replaced, items=len(items))
