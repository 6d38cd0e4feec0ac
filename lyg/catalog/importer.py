"""Import a catalog sheet in the national template (Chinese headers) into data/, all or nothing.

Entries whose code already exists replace the old entry and its data items; new codes are added. Cells written the
guide's way (a format with its sub-format, the sharing platform with its sub-way, a class path, 每天 for 每日) are read
into the contract's values with a warning each (lyg.catalog.guide); a department not yet registered is added when its
name and 统一社会信用代码 agree with the register.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from lyg import vocab
from lyg.catalog import guide
from lyg.codes import credit_code_problem
from lyg.contracts import BY_NAME
from lyg.i18n import Message
from lyg.importer.generic import formula_cells
from lyg.importer.readers import read_table_file
from lyg.importer.staging import ImportResult, apply_files, csv_bytes
from lyg.sources import read_csv_text
from lyg.validate import FALSE_WORDS, TRUE_WORDS, ContractError, Normalised, Problem, check_frame, coerce_frame

HEADERS = {  # column -> accepted Chinese headers (first is the template's own)
    "resource_code": ("信息资源代码", "资源代码", "代码"),
    "name": ("信息资源名称", "资源名称", "名称"),
    "class_category": ("类",),
    "class_path": ("信息资源分类", "分类", "分类路径"),
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
    """The sheet's cells by contract column, the problems found, the values read another way (with their warnings)."""

    def __init__(self, file: str, frame: pd.DataFrame, headers: dict[str, str]):
        self.file, self.frame, self.headers = file, frame, headers
        self.problems: list[Problem] = []
        self.warnings: list[Normalised] = []
        self.read: dict[tuple[int, str], str] = {}  # (row index, contract column) -> the value as read

    def header(self, column: str) -> str:
        return self.headers.get(column, HEADERS[column][0] if column in HEADERS else column)

    def add(self, index: int, column: str, value, rule: Message) -> None:
        self.problems.append(Problem(self.file, int(self.frame.at[index, "_row"]), self.header(column),
                                     None if value is None else str(value), rule))

    def value(self, index: int, column: str) -> str:
        if (index, column) in self.read:
            return self.read[index, column]
        return self.frame.at[index, self.headers[column]] if column in self.headers else ""

    def set(self, index: int, column: str, value: str, *, shown_as: str, from_column: str) -> None:
        """Store a value read from another form (shown_as: the value and its detail); warn when the cell said it
        differently."""
        original = self.value(index, from_column)
        self.read[index, column] = value
        if original != value:
            self.warnings.append(Normalised(self.file, int(self.frame.at[index, "_row"]), self.header(from_column), original, shown_as))


TEMPLATE_REQUIRED = ("summary", "items")  # the template asks for these; the stored contract lets old entries miss a summary
ENTRIES, ITEMS, DEPARTMENTS = BY_NAME["cat_entries"], BY_NAME["cat_items"], BY_NAME["cat_departments"]


def _check_row(c: _Checker, i: int, register: dict[str, str], known_codes: set[str], file_codes: set[str]) -> list:
    """The template's own rules, which the contract cannot state: code structure and its class, the guide's ways of
    writing a format, a sharing way and a cycle, a condition for conditional sharing, the provider against the register,
    related codes that exist, data items written 名称:类型."""
    for column in TEMPLATE_REQUIRED:
        if not c.value(i, column):
            c.add(i, column, None, Message("val.required"))
    code = c.value(i, "resource_code")
    m = CODE.match(code)
    if code and not m:
        c.add(i, "resource_code", code, Message("catalog_import.code_form"))
    _read_class(c, i, m)
    _read_guide_values(c, i)
    if c.value(i, "share_type") == "有条件共享" and not c.value(i, "share_condition"):
        c.add(i, "share_condition", None, Message("catalog_import.condition"))
    if c.value(i, "open_to_public") and c.value(i, "open_to_public").lower() not in TRUE_WORDS | FALSE_WORDS:
        c.add(i, "open_to_public", c.value(i, "open_to_public"), Message("catalog_import.yes_no"))
    _check_provider(c, i, register)
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


def _read_class(c: _Checker, i: int, code) -> None:
    """The class from 类 or from the path's first part (类/项/目/细目), which must agree with the code's first digit."""
    path = guide.read_class_path(c.value(i, "class_path"))
    if path and path[0] not in vocab.CATALOG_CLASSES:
        c.add(i, "class_path", c.value(i, "class_path"), Message("catalog_import.class_path_first", allowed=vocab.CATALOG_CLASSES))
        return
    declared, column = (c.value(i, "class_category"), "class_category") if c.value(i, "class_category") else (path[0] if path else "", "class_path")
    if code and declared and CLASS_BY_DIGIT[code["cls"]] != declared:
        c.add(i, column, c.value(i, column), Message("catalog_import.class_digit", digit=code["cls"], cls=CLASS_BY_DIGIT[code["cls"]]))
    if path:
        c.read[i, "class_path"] = "/".join(path)


def _read_guide_values(c: _Checker, i: int) -> None:
    """Format as type and sub-format, sharing way and detail, and the update cycle, read the guide's ways."""
    readers = (("format", "format_detail", guide.read_format), ("share_method", "share_method_detail", guide.read_share_method))
    for column, detail_column, reader in readers:
        text = c.value(i, column)
        if not text:
            continue
        try:
            kind, detail = reader(text)
        except ValueError as exc:
            c.add(i, column, text, exc.args[0])
            continue
        c.set(i, column, kind, shown_as=f"{kind} + {detail}" if detail else kind, from_column=column)
        c.read[i, detail_column] = detail
    cycle = c.value(i, "update_cycle")
    if cycle:
        try:
            read = guide.read_cycle(cycle)
            c.set(i, "update_cycle", read, shown_as=read, from_column="update_cycle")
        except ValueError as exc:
            c.add(i, "update_cycle", cycle, exc.args[0])


def _check_provider(c: _Checker, i: int, register: dict[str, str]) -> None:
    """A registered department's code must be its registered code; a new department brings a code no one else holds
    (its check digit is verified by the departments' contract)."""
    provider, code = c.value(i, "provider"), c.value(i, "provider_code")
    if not provider or (code and credit_code_problem(code)):
        return  # a wrong check character is named by the contract's own rule
    holder = {v: k for k, v in register.items()}.get(code)
    if provider in register:
        if code and code != register[provider]:
            c.add(i, "provider_code", code, Message("catalog_import.code_taken", other=holder, provider=provider) if holder
                  else Message("catalog_import.provider_code", provider=provider, code=register[provider]))
    elif not code:
        c.add(i, "provider", provider, Message("catalog_import.provider"))
    elif holder:
        c.add(i, "provider_code", code, Message("catalog_import.code_taken", other=holder, provider=provider))


def _codes(text: str) -> list[str]:
    return [r.strip() for r in re.split(r"[;；]", text) if r.strip()]


def _onto_contract(c: _Checker, frame: pd.DataFrame, register: dict[str, str]) -> pd.DataFrame:
    """The template's rows as the contract's columns, still text: classes from the code where the sheet leaves them out,
    the provider's code from the register, the last update defaulting to the publication date."""
    rows = []
    for i in frame.index:
        m = CODE.match(c.value(i, "resource_code"))
        parts = m.groupdict() if m else {"cls": "", "item": "", "target": "", "detail": ""}
        published = c.value(i, "published_on")
        path = c.value(i, "class_path").split("/") if c.value(i, "class_path") else []
        rows.append({
            "_row": frame.at[i, "_row"], "resource_code": c.value(i, "resource_code"), "name": c.value(i, "name"),
            "class_category": CLASS_BY_DIGIT.get(parts["cls"], c.value(i, "class_category") or (path[0] if path else "")),
            "class_item": c.value(i, "class_item") or (path[1] if len(path) > 1 else parts["item"]),
            "class_target": c.value(i, "class_target") or parts["target"],
            "class_detail": c.value(i, "class_detail") or parts["detail"], "class_path": c.value(i, "class_path"),
            "provider_code": c.value(i, "provider_code") or register.get(c.value(i, "provider"), ""), "provider": c.value(i, "provider"),
            "summary": c.value(i, "summary"), "format": c.value(i, "format"), "format_detail": c.value(i, "format_detail"),
            "share_type": c.value(i, "share_type"), "share_condition": c.value(i, "share_condition"),
            "share_method": c.value(i, "share_method"), "share_method_detail": c.value(i, "share_method_detail"),
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
    refused_provider = {p.row for p in c.problems if p.column == c.header("provider")}
    for p in found:
        header = c.header(p.column)
        if (p.row, header) in seen or (p.column == "provider_code" and p.row in refused_provider):
            continue
        c.problems.append(replace(p, column=header))
    return typed


@dataclass(frozen=True)
class Checked:
    """A catalog file that passed: its entries and data items as the source files write them, the departments it
    registers, and the values it read another way."""
    entries: pd.DataFrame
    items: pd.DataFrame
    new_departments: pd.DataFrame
    warnings: list[Normalised]


def validate(frame: pd.DataFrame, file: str, data_dir: Path) -> Checked:
    """The file checked against the template, the guide and the contract; raises ContractError listing every problem."""
    headers, problems = _header_map(list(frame.columns), file)
    if problems:
        raise ContractError(problems)
    register = dict(read_csv_text(data_dir / "departments.csv")[["name", "dept_code"]].itertuples(index=False))
    known = set(read_csv_text(data_dir / "catalog_entries.csv")["resource_code"])
    c = _Checker(file, frame, headers)
    codes = frame[headers["resource_code"]]
    items_by_row = {i: _check_row(c, i, register, known, set(codes)) for i in frame.index}
    typed = _contract_problems(c, _onto_contract(c, frame, register), file)
    new_departments = _new_departments(c, typed, register, file)
    if c.problems:
        raise ContractError(sorted(c.problems, key=lambda p: (p.row or 0, p.column or "")))
    return Checked(_entries(typed), _items(frame, headers, items_by_row), new_departments, c.warnings)


def _new_departments(c: _Checker, typed: pd.DataFrame, register: dict[str, str], file: str) -> pd.DataFrame:
    """Departments the file brings, one code per name, checked by the departments' contract (the credit code's check
    digit); a name given two codes in one file is refused."""
    fresh = typed[~typed["provider"].isin(list(register)) & typed["provider"].notna()]
    codes = fresh.groupby("provider")["provider_code"].unique()
    for name, given in codes.items():
        if len(given) > 1:
            row = fresh[fresh["provider"] == name]["_row"].iloc[-1]
            c.problems.append(Problem(file, int(row), c.header("provider_code"), "、".join(map(str, given)),
                                      Message("catalog_import.provider_code", provider=name, code=given[0])))
    departments = pd.DataFrame({"_row": fresh.groupby("provider")["_row"].first().reindex(codes.index).to_numpy(),
                                "dept_code": [str(g[0]) for g in codes], "name": list(codes.index), "provenance": "real"})
    found = check_frame(DEPARTMENTS, departments, file)
    c.problems += [replace(p, column=c.header("provider_code")) for p in found if p.column == "dept_code"]
    return departments.drop(columns="_row")


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


def import_catalog(path: Path, data_dir: Path, db_path: Path, user: str = "cli", sheet: str | None = None,
                   dry_run: bool = False) -> ImportResult:
    """Validate the file, merge it into the catalog sources, rebuild; nothing changes if anything fails, or on a dry run."""
    path = Path(path)
    known = {name for names in HEADERS.values() for name in names}
    checked = validate(read_table_file(path, sheet, known_headers=known), path.name, data_dir)
    old_entries = read_csv_text(data_dir / "catalog_entries.csv")
    old_items = read_csv_text(data_dir / "catalog_items.csv")
    entries, items = checked.entries, checked.items
    replaced = int(old_entries["resource_code"].isin(entries["resource_code"]).sum())
    result = ImportResult(added=len(entries) - replaced, replaced=replaced, items=len(items), warnings=tuple(checked.warnings),
                          new_departments=len(checked.new_departments), preview=entries)
    if dry_run:
        return result
    merged_entries = pd.concat([old_entries[~old_entries["resource_code"].isin(entries["resource_code"])],
                                entries], ignore_index=True)
    merged_items = pd.concat([old_items[~old_items["resource_code"].isin(entries["resource_code"])], items.astype(str)],
                             ignore_index=True)
    files = {"catalog_entries.csv": csv_bytes(merged_entries), "catalog_items.csv": csv_bytes(merged_items)}
    if len(checked.new_departments):
        files["departments.csv"] = csv_bytes(pd.concat([read_csv_text(data_dir / "departments.csv"), checked.new_departments], ignore_index=True))
    apply_files(data_dir, db_path, files, domain="catalog", source=path, user=user, rows=len(entries), warnings=checked.warnings)
    return result
