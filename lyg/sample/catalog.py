"""The data-resource catalog: real municipal departments, illustrative entries following the national guide."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from lyg import vocab as v
from lyg.codes import credit_code
from lyg.sample.io import write_csv

DEPARTMENTS = (
    "市发展和改革委员会", "市教育局", "市科学技术局", "市工业和信息化局", "市公安局", "市民政局", "市司法局",
    "市财政局", "市人力资源和社会保障局", "市自然资源和规划局", "市生态环境局", "市住房和城乡建设局",
    "市城市管理局", "市交通运输局", "市水利局", "市农业农村局", "市商务局", "市文化广电和旅游局",
    "市卫生健康委员会", "市退役军人事务局", "市应急管理局", "市审计局", "市市场监督管理局", "市统计局",
    "市医疗保障局", "市体育局", "市信访局", "市政务服务管理办公室", "市机关事务管理局", "市人民防空办公室",
    "市住房公积金管理中心", "市气象局", "市消防救援支队", "市税务局", "连云港海关", "市地方金融监督管理局",
)
BASE_ITEMS = ("人口", "法人", "自然资源和空间地理", "社会信用", "电子证照")
THEME_ITEMS = ("公共服务", "健康保障", "社会保障", "食品药品安全", "安全生产", "价格监管", "能源安全",
               "信用体系", "城乡建设", "社区治理", "生态环保", "应急维稳")
SUBJECTS = ("登记信息", "许可信息", "处罚信息", "统计数据", "监测数据", "档案信息", "台账", "名录", "办件信息",
            "补贴发放信息", "检查记录", "投诉信息", "项目信息", "设施信息", "资质信息")
ITEM_POOL = [("统一社会信用代码", "字符型"), ("名称", "字符型"), ("身份证件号码", "字符型"), ("登记日期", "日期型"),
             ("地址", "字符型"), ("金额（元）", "数值型"), ("数量", "数值型"), ("经度", "数值型"), ("纬度", "数值型"),
             ("状态", "字符型"), ("是否有效", "布尔型"), ("办理部门", "字符型"), ("附件", "二进制"),
             ("空间范围", "地理空间"), ("更新时间", "日期型"), ("联系电话", "字符型"), ("行政区划代码", "字符型")]
CYCLE_WEIGHTS = (0.05, 0.15, 0.10, 0.28, 0.13, 0.04, 0.20, 0.05)
CYCLE_DAYS = {"实时": 1, "每日": 1, "每周": 7, "每月": 30, "每季度": 90, "每半年": 182, "每年": 365, "不定期": 365}
SUBFORMATS = {"电子文件": ("OFD", "PDF", "DOCX"), "电子表格": ("xlsx", "et", "xls"), "数据库": ("DM", "KingbaseES", "Oracle", "MySQL"),
              "图形图像": ("JPG", "PNG", "TIFF"), "流媒体": ("MP4", "FLV"), "自描述格式": ("XML", "JSON"), "服务接口": ("REST", "WebService")}
SHARE_WAYS = (("共享平台方式", "接口"), ("共享平台方式", "文件下载"), ("共享平台方式", "数据库交换"), ("共享平台方式", "在线查询"),
              ("邮件", ""), ("介质交换", ""), ("拷贝", ""))
SHARE_WAY_WEIGHTS = (0.40, 0.25, 0.15, 0.10, 0.04, 0.04, 0.02)


def dept_code(index: int) -> str:
    """An invented 统一社会信用代码 in the standard's form (机关, 连云港市 320700, valid check characters)."""
    return credit_code("11", "320700", f"{index + 1:03d}12345")


def departments() -> pd.DataFrame:
    """The city's departments by name, with invented credit codes (so the rows are illustrative)."""
    return pd.DataFrame({"dept_code": [dept_code(i) for i in range(len(DEPARTMENTS))],
                         "name": list(DEPARTMENTS), "provenance": "illustrative"})


def _classify(rng: np.random.Generator, dept_index: int) -> tuple[str, int, str, int]:
    roll = rng.random()
    if roll < 0.2:
        item = int(rng.integers(0, len(BASE_ITEMS)))
        return "基础信息资源", 1, BASE_ITEMS[item], item + 1
    if roll < 0.5:
        item = int(rng.integers(0, len(THEME_ITEMS)))
        return "主题信息资源", 2, THEME_ITEMS[item], item + 1
    return "部门信息资源", 3, DEPARTMENTS[dept_index], dept_index + 1


def entries(rng: np.random.Generator, n: int, as_of: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, items = [], []
    for seq in range(1, n + 1):
        dept = int(rng.integers(0, len(DEPARTMENTS)))
        category, cat_digit, item_name, item_no = _classify(rng, dept)
        target_no = int(rng.integers(1, 30))
        subject = SUBJECTS[int(rng.integers(0, len(SUBJECTS)))]
        dept_short = DEPARTMENTS[dept].removeprefix("市")
        code = f"{cat_digit}{item_no:02d}{target_no:03d}/{seq:06d}"
        share = rng.choice(v.SHARE_TYPES, p=(0.55, 0.38, 0.07))
        cycle = rng.choice(v.UPDATE_CYCLES, p=CYCLE_WEIGHTS)
        published = date(2019, 1, 1) + timedelta(days=int(rng.integers(0, 2200)))
        lag = int(rng.exponential(CYCLE_DAYS[cycle] * (0.8 if rng.random() < 0.8 else 3.0)))
        last = max(published, as_of - timedelta(days=lag))
        is_open = share == "无条件共享" and rng.random() < 0.45
        kind = str(rng.choice(v.FORMATS, p=(0.12, 0.25, 0.35, 0.06, 0.02, 0.05, 0.15)))
        way, way_detail = SHARE_WAYS[int(rng.choice(len(SHARE_WAYS), p=SHARE_WAY_WEIGHTS))]
        rows.append({
            "resource_code": code, "name": f"{dept_short}{item_name if cat_digit < 3 else ''}{subject}",
            "class_category": category, "class_item": item_name, "class_target": f"{target_no:03d}",
            "class_detail": "", "class_path": f"{category}/{item_name}", "provider_code": dept_code(dept), "provider": DEPARTMENTS[dept],
            "summary": f"{DEPARTMENTS[dept]}在履职过程中产生的{subject}，用于{item_name}相关业务协同与决策分析。",
            "format": kind, "format_detail": SUBFORMATS[kind][int(rng.integers(0, len(SUBFORMATS[kind])))],
            "share_type": share,
            "share_condition": "仅向具有相应职责的政府部门共享，需经提供方审核" if share == "有条件共享" else "",
            "share_method": "" if share == "不予共享" else way, "share_method_detail": "" if share == "不予共享" else way_detail,
            "open_to_public": bool(is_open), "open_condition": "无" if is_open else "",
            "update_cycle": cycle, "published_on": published.isoformat(), "last_updated_on": last.isoformat(),
            "related_codes": "", "provenance": "illustrative",
        })
        for k, (name, dtype) in enumerate(_pick_items(rng), start=1):
            items.append((code, k, name, dtype))
    frame = pd.DataFrame(rows)
    _link_related(frame, rng)
    items = pd.DataFrame(items, columns=["resource_code", "item_no", "item_name", "data_type"])
    return _legacy_flaws(frame, items, rng)


def _legacy_flaws(frame: pd.DataFrame, items: pd.DataFrame, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """About 1% of entries carry the flaws real legacy catalogs have, for the quality check to find."""
    n = len(frame)
    picks = rng.choice(n, size=max(4, n // 100), replace=False)
    for k, i in enumerate(picks):
        flaw = k % 4
        if flaw == 0:  # code without the "/" between classification and sequence
            old = frame.at[i, "resource_code"]
            new = old.replace("/", "")
            frame.at[i, "resource_code"] = new
            items.loc[items["resource_code"] == old, "resource_code"] = new
        elif flaw == 1:
            frame.at[i, "summary"] = ""
        elif flaw == 2:
            frame.at[i, "related_codes"] = "199999/999999"
        elif frame.at[i, "share_type"] == "有条件共享":
            frame.at[i, "share_condition"] = ""
        else:
            if frame.at[i, "share_type"] != "不予共享":
                frame.loc[i, ["share_method", "share_method_detail"]] = ""
    return frame, items


def _pick_items(rng: np.random.Generator) -> list[tuple[str, str]]:
    k = int(rng.integers(3, 9))
    return [ITEM_POOL[i] for i in sorted(rng.choice(len(ITEM_POOL), size=k, replace=False))]


def _link_related(frame: pd.DataFrame, rng: np.random.Generator) -> None:
    """About one entry in five names one or two related entries from the same provider."""
    by_provider = frame.groupby("provider_code").indices
    codes = frame["resource_code"].to_numpy()
    related = []
    for i, provider in enumerate(frame["provider_code"]):
        peers = by_provider[provider]
        if len(peers) > 1 and rng.random() < 0.2:
            picks = {int(j) for j in rng.choice(peers, size=min(len(peers), 3), replace=False) if j != i}
            related.append(";".join(codes[sorted(picks)[: int(rng.integers(1, 3))]]))
        else:
            related.append("")
    frame["related_codes"] = related


def write(data_dir: Path, rng: np.random.Generator, as_of: date, n: int = 3200) -> None:
    write_csv(departments(), data_dir / "departments.csv")
    frame, items = entries(rng, n, as_of)
    write_csv(frame, data_dir / "catalog_entries.csv")
    write_csv(items, data_dir / "catalog_items.csv")
