"""Comprehensive bonded zone: targets (2020 real), blocks, monthly indicators, facilities, enterprises."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from shapely.affinity import scale
from shapely.geometry import Polygon

from lyg.geo import area_km2
from lyg.sample.io import write_csv, write_geojson

SEED_SOURCE = "市政府第34次常务会新闻发布会（2018-12-29）"
TARGETS_2020 = [
    ("industrial_output", "工业总产值", 15.0, "亿元", "CNY", "cumulative_at_least", "", "industrial_output"),
    ("logistics_revenue", "物流企业经营收入", 2.0, "亿元", "CNY", "cumulative_at_least", "", "logistics_revenue"),
    ("trade_total", "进出口总额", 3.0, "亿美元", "USD", "cumulative_at_least", "", "trade_total"),
    ("leading_share", "主导产业集聚度", 50.0, "%", "", "share_above", "leading_industry_output", "industrial_output"),
]
GROWTH = {"industrial_output": 0.10, "logistics_revenue": 0.11, "trade_total": 0.12, "leading_share": 0.0}

# (code, name, subzone, host unit, stated km², centre lon, lat)
BLOCKS = [
    ("B1", "一号区块（徐圩新区）", "徐圩片区", "3207L1", 0.53, 119.555, 34.545),
    ("B2", "二号区块（开发区，原出口加工区）", "开发区片区", "320771", 1.93, 119.262, 34.690),
    ("B3", "三号区块（开发区，原出口加工区）", "开发区片区", "320771", 0.51, 119.300, 34.705),
]
# Yearly totals for 2019–2026 (万元 / 万美元), illustrative; 2020 lands near the targets.
ANNUAL = {
    "industrial_output": [98000, 156000, 182000, 205000, 231000, 262000, 281000, 306000],
    "logistics_revenue": [12500, 18400, 22600, 25100, 28800, 31500, 34800, 37600],
    "trade_total": [16800, 31200, 36500, 41800, 44100, 49500, 53800, 55200],
}
LEADING_SHARE = [0.46, 0.53, 0.55, 0.56, 0.57, 0.585, 0.59, 0.60]
BLOCK_SPLIT = {"B1": 0.30, "B2": 0.55, "B3": 0.15}
MONTH_PROFILE = np.array([0.070, 0.055, 0.080, 0.082, 0.084, 0.088, 0.085, 0.086, 0.088, 0.090, 0.092, 0.100])


def block_polygon(stated_km2: float, lon: float, lat: float) -> Polygon:
    """An irregular quadrilateral scaled so its area matches the stated area."""
    shape = Polygon([(lon - 0.006, lat - 0.004), (lon + 0.007, lat - 0.005), (lon + 0.006, lat + 0.005), (lon - 0.005, lat + 0.004)])
    factor = (stated_km2 / area_km2(shape)) ** 0.5
    return scale(shape, factor, factor)


def targets() -> pd.DataFrame:
    rows = []
    for code, name, value, unit, cur, rule, num, den in TARGETS_2020:
        rows.append((code, name, 2020, value, unit, cur, rule, num, den, "real", SEED_SOURCE))
        for year in range(2021, 2027):
            later = value if rule == "share_above" else round(value * (1 + GROWTH[code]) ** (year - 2020), 2)
            rows.append((code, name, year, later, unit, cur, rule, num, den, "illustrative", "推算目标：以2020年目标按年均增速外推，非官方目标"))
    return pd.DataFrame(rows, columns=["indicator_code", "indicator_name", "target_year", "target_value", "unit",
                                       "currency", "comparison", "numerator_code", "denominator_code", "provenance", "source"])


def monthly(rng: np.random.Generator, last_month: date) -> pd.DataFrame:
    rows = []
    for y_index, year in enumerate(range(2019, last_month.year + 1)):
        months = 12 if year < last_month.year else last_month.month
        profile = MONTH_PROFILE * (1 + rng.normal(0, 0.05, 12))
        profile = profile / profile.sum()
        for code, annual in ANNUAL.items():
            for block, split in BLOCK_SPLIT.items():
                noise = 1 + rng.normal(0, 0.04, 12)
                values = annual[y_index] * split * profile * noise
                unit = "万美元" if code == "trade_total" else "万元"
                rows += [(date(year, m + 1, 1), block, code, round(values[m], 1), unit) for m in range(months)]
                if code == "industrial_output":
                    share = np.clip(LEADING_SHARE[y_index] + rng.normal(0, 0.02, 12), 0, 1)
                    rows += [(date(year, m + 1, 1), block, "leading_industry_output", round(values[m] * share[m], 1), "万元")
                             for m in range(months)]
    frame = pd.DataFrame(rows, columns=["month", "block_code", "indicator_code", "value", "unit"])
    frame["provenance"] = "illustrative"
    return frame.sort_values(["month", "block_code", "indicator_code"])


FACILITIES = [
    ("F1", "查验场站", "查验服务平台", 32000, 32000, "", "real"),
    ("F2", "检验检疫处理区", "查验服务平台", 2100, 2100, "", "real"),
    ("F3", "保税仓库", "保税物流服务平台", 50000, 41000, "", "illustrative"),
    ("F4", "标准厂房", "保税物流服务平台", 180000, 152000, "", "illustrative"),
    ("F5", "进口商品展示中心", "保税物流服务平台", None, 6000, "2019年上半年", "illustrative"),
]

PLATFORMS = [
    ("XW1", "徐圩片区", "产业平台", "石化下游产业链产品保税服务平台", ""),
    ("XW2", "徐圩片区", "产业平台", "中西部地区产品展示交流平台", ""),
    ("XW3", "徐圩片区", "产业平台", "高端配套产品制造平台", ""),
    ("KF1", "开发区片区", "产业基地", "出口型制造业基地", "整合“一带一路”资源"),
    ("KF2", "开发区片区", "产业基地", "保税物流和仓储分拨基地", "医药、食品、农产品"),
    ("KF3", "开发区片区", "产业基地", "水产品、特色水果进口基地", ""),
    ("KF4", "开发区片区", "产业基地", "跨境电商产业基地", ""),
    ("SP1", "", "服务平台", "查验服务平台", "查验场站3.2万平方米、检验检疫处理区2100平方米"),
    ("SP2", "", "服务平台", "保税物流服务平台", "保税仓库5万平方米、标准厂房18万平方米、进口商品展示中心"),
    ("SP3", "", "服务平台", "跨境电子商务平台", ""),
    ("SP4", "", "服务平台", "研发检测维修平台", ""),
    ("SP5", "", "服务平台", "政务服务平台", "24小时预约通关报检、一站式综合服务"),
]
INDUSTRIES = ("高端装备", "新医药", "新材料", "保税物流", "跨境电商", "食品加工", "电子信息")


def _split_total(total: float, n: int, rng: np.random.Generator) -> np.ndarray:
    """n positive amounts (one decimal) that add up to total exactly."""
    raw = rng.gamma(2.0, 1.0, n)
    parts = np.round(raw / raw.sum() * total, 1)
    parts[-1] = round(total - parts[:-1].sum(), 1)
    return parts


def enterprises(rng: np.random.Generator, last_day: date) -> pd.DataFrame:
    acceptance = pd.Timestamp("2019-08-20")
    rows = []
    groups = [("外资", 18, 29000.0, "万美元"), ("内资", 21, 185000.0, "万元")]
    for owner, n, total, unit in groups:
        amounts = _split_total(total, n, rng)
        for amount in amounts:
            day = acceptance - pd.Timedelta(days=int(rng.integers(0, 420)))
            rows.append((owner, day, amount, unit))
    later_days = pd.date_range("2019-08-21", last_day, freq="D")
    for day in sorted(rng.choice(later_days, size=46, replace=False)):
        owner = "外资" if rng.random() < 0.4 else "内资"
        amount = round(float(rng.gamma(2.0, 800 if owner == "外资" else 4500)), 1)
        rows.append((owner, pd.Timestamp(day), amount, "万美元" if owner == "外资" else "万元"))
    rows.sort(key=lambda r: (r[1], r[0], r[2]))
    frame = pd.DataFrame(rows, columns=["ownership", "registered_on", "investment", "investment_unit"])
    frame.insert(0, "enterprise_id", [f"E{i:03d}" for i in range(1, len(frame) + 1)])
    frame.insert(1, "name", [f"示例企业{i:03d}" for i in range(1, len(frame) + 1)])
    frame.insert(3, "subzone", np.where(rng.random(len(frame)) < 0.3, "徐圩片区", "开发区片区"))
    frame.insert(4, "industry", rng.choice(INDUSTRIES, len(frame)))
    frame["registered_on"] = frame["registered_on"].dt.strftime("%Y-%m-%d")
    frame["provenance"] = "illustrative"
    return frame


def write(data_dir: Path, rng: np.random.Generator, last_day: date) -> None:
    write_csv(targets(), data_dir / "bonded_targets.csv")
    rows = [{"block_code": c, "name": n, "subzone": s, "district_code": u, "stated_area_km2": a,
             "geometry": block_polygon(a, lon, lat)} for c, n, s, u, a, lon, lat in BLOCKS]
    write_geojson(rows, data_dir / "bonded_blocks.geojson",
                  "面积为公布值（2.97平方公里：0.53、1.93、0.51）；形状与位置为示意")
    write_csv(monthly(rng, last_day), data_dir / "bonded_monthly.csv")
    fac = pd.DataFrame(FACILITIES, columns=["facility_id", "name", "platform", "planned_area_m2", "built_area_m2",
                                            "planned_completion", "provenance"])
    fac.insert(6, "status_as_of", last_day.isoformat())
    fac["source"] = "规划面积：" + SEED_SOURCE + "；建成面积：示例"
    write_csv(fac, data_dir / "bonded_facilities.csv")
    plat = pd.DataFrame(PLATFORMS, columns=["platform_id", "subzone", "kind", "name", "focus"])
    plat["provenance"] = "real"
    write_csv(plat, data_dir / "bonded_platforms.csv")
    write_csv(enterprises(rng, last_day), data_dir / "bonded_enterprises.csv")
    write_csv(pd.DataFrame([
        ("2018-05-31", "国务院批复连云港出口加工区整合优化为连云港综合保税区（国函〔2018〕76号）", "real", SEED_SOURCE),
        ("2018-12-24", "市政府第34次常务会议审议《关于进一步加快连云港综合保税区发展的若干意见》", "real", SEED_SOURCE),
        ("2019-08-20", "通过国家正式验收；区内企业39家（外资18家、内资21家）", "real", "连云港发布（转载）"),
    ], columns=["milestone_on", "event", "provenance", "source"]), data_dir / "bonded_milestones.csv")
