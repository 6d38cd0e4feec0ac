"""Fireworks notices, zones, always-banned places, incidents and the survey."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point, box

from lyg import lunar
from lyg.geo import buffer_m
from lyg.sample.io import write_csv, write_geojson

FIRST, SECOND = "FW2019", "FW2022"
NOTICES = [
    {"notice_id": FIRST, "title": "关于市区部分区域禁止燃放烟花爆竹的通告", "doc_number": "",
     "adopted_on": "2018-12-24", "effective_from": "2019-02-20", "effective_to": "2022-01-27",
     "time_rule": "night_22_06_lunar_exceptions", "effective_from_assumed": True,
     "effective_from_note": "施行首日未公开；发布会称“春节后”施行，取2019年元宵节（2019-02-19）后的第一天",
     "banned_kinds": "专业燃放类;非正规渠道来源", "provenance": "real", "source": "市政府第34次常务会议（2018-12-24）；市发改委网站2020-01-15转载"},
    {"notice_id": SECOND, "title": "连云港市人民政府关于在限制区域和地点全时段禁止燃放烟花爆竹的通告",
     "doc_number": "连政发〔2022〕9号", "adopted_on": "2022-01-18", "effective_from": "2022-01-28",
     "effective_to": "", "time_rule": "all_day", "effective_from_assumed": False, "effective_from_note": "",
     "banned_kinds": "", "provenance": "real", "source": "连政发〔2022〕9号（转载文本）"},
]

# (zone_id, notice, host unit, name, roads, outline). Outlines follow the named roads roughly: 示意.
ZONES = [
    ("FW2019-GY", FIRST, "320707", "赣榆区禁放区", "义塘路、金海路、青年路、青口河沿线", box(119.10, 34.82, 119.15, 34.855)),
    ("FW2019-HZ", FIRST, "320706", "海州区禁放区", "幸福路、解放路、凌洲路、东盐河沿线、龙尾河沿线、秦东门大街", box(119.15, 34.57, 119.22, 34.615)),
    ("FW2019-LY", FIRST, "320703", "连云区禁放区", "陇海铁路沿线、海滨大道、中山路、港城大道、万福路", box(119.36, 34.715, 119.43, 34.75)),
    ("FW2019-KF", FIRST, "320771", "开发区禁放区", "龙桥路、银台路、花果山大道、黄海大道（其余四至未公开）", box(119.24, 34.67, 119.30, 34.70)),
    ("FW2022-HZ", SECOND, "320706", "海州区禁放区", "新海电厂铁路、陇海铁路、兴云路、港城大道、郁林北路、霞辉路、文苑北路、振华东路、郁林路、云台山第小区东侧小路至马涧、新滩官庄路、双拥路、科苑南路、九岭路、瀛洲路、香海湖路、锦屏路、西门路", box(119.10, 34.54, 119.26, 34.66)),
    ("FW2022-GY1", SECOND, "320707", "赣榆区禁放区（一）", "204国道、香港路、怀仁路、时代路、228国道、徐福路", box(119.06, 34.80, 119.18, 34.88)),
    ("FW2022-GY2", SECOND, "320707", "赣榆区禁放区（二）", "柘汪镇港区临海大道与外环路及向海延伸陆域", box(119.20, 35.02, 119.27, 35.08)),
    ("FW2022-LY1", SECOND, "320703", "连云区禁放区（一）", "后云台山隧道交汇口、中山路、海滨大道、汇海路、平山北路、陇海铁路、万福路、港城大道、新光路、沃壤山路、云台山北麓", box(119.33, 34.70, 119.47, 34.78)),
    ("FW2022-LY2", SECOND, "320703", "连云区禁放区（二）", "烧香河沿线、海滨大道、徐新路、烧香河支流沿线", box(119.44, 34.53, 119.52, 34.59)),
    ("FW2022-KF1", SECOND, "320771", "开发区禁放区（一）", "龙桥路、银台路、花果山大道、黄海大道", box(119.24, 34.67, 119.30, 34.70)),
    ("FW2022-KF2", SECOND, "320771", "开发区禁放区（二）", "花果山大道、盐坨西路、松竹路、汇银路", box(119.20, 34.67, 119.24, 34.70)),
    ("FW2022-KF3", SECOND, "320771", "开发区禁放区（三）", "陇海铁路沿线、万福路、港城大道、排淡河", box(119.30, 34.67, 119.345, 34.71)),
    ("FW2022-XW1", SECOND, "3207L1", "徐圩新区禁放区（一）", "徐新路、海滨大道、古泊善后河、烧香河", box(119.52, 34.50, 119.60, 34.57)),
    ("FW2022-XW2", SECOND, "3207L1", "徐圩新区禁放区（二）", "西防波堤、海滨大道、东防波堤", box(119.60, 34.56, 119.68, 34.62)),
    ("FW2022-YT", SECOND, "3207L2", "云台山风景名胜区禁放区", "云台街道老环山路毗邻林场辖区（其余四至未公开）", box(119.30, 34.62, 119.36, 34.66)),
]

SEED = "市政府第34次常务会议新闻发布会（2018-12-29）"
FIRST_REPORT = "市发改委网站2020-01-15“今年起我市区部分区域禁止燃放烟花爆竹”"
SECOND_TEXT = "连政发〔2022〕9号（转载文本）"
# How far each notice's zones could be drawn in each urban unit (units not listed: every zone drawn).
COVERAGE = [
    (FIRST, "320707", "drawn", "", FIRST_REPORT), (FIRST, "320706", "drawn", "", FIRST_REPORT),
    (FIRST, "320703", "drawn", "", FIRST_REPORT),
    (FIRST, "320771", "partial", "四至仅见龙桥路、银台路、花果山大道、黄海大道，其余文字未找到", FIRST_REPORT),
    (FIRST, "3207L1", "not_found", "通告所列四至道路未找到，未能数字化", FIRST_REPORT),
    (FIRST, "320772", "not_found", "通告所列四至道路未找到，未能数字化", FIRST_REPORT),
    (FIRST, "3207L2", "not_found", "通告所列四至道路未找到，未能数字化", FIRST_REPORT),
    (SECOND, "320706", "drawn", "", SECOND_TEXT), (SECOND, "320707", "drawn", "", SECOND_TEXT),
    (SECOND, "320703", "drawn", "", SECOND_TEXT), (SECOND, "320771", "drawn", "", SECOND_TEXT),
    (SECOND, "3207L1", "drawn", "", SECOND_TEXT),
    (SECOND, "3207L2", "partial", "仅见“云台街道老环山路毗邻林场辖区”，其余文字未找到", SECOND_TEXT),
    (SECOND, "320772", "not_found", "通告所列四至道路未找到，未能数字化", SECOND_TEXT),
]
# The press conference's totals for 2015 to 2018, exactly as stated (no record-level data is public).
STATISTICS = [
    ("S1-GREEN", 2015, 2018, "市区", "绿化带火灾", "小区绿化带着火事件几乎年年发生", None),
    ("S2-TRAFFIC", 2015, 2018, "市区", "交通事故", "引发的交通事故30余起", 30),
    ("S3-CASUALTY", 2015, 2018, "市区", "伤亡事故", "因为不正确地燃放烟花爆竹，引发的伤亡事故11起", 11),
]
ART30 = "《烟花爆竹安全管理条例》第三十条第{}项"
# (place_id, name, category index 0-6, host unit, outline or (lon, lat, radius m), extra basis, listed by, provenance).
# Places the first notice lists are real (outlines approximate); the other Article 30 sites are examples of
# their category, placed by hand, and named so.
LISTED = "；市政府禁放通告列明"
PLACES = [
    ("P-YTS", "云台山风景名胜区（山林重点防火区）", 5, "3207L2", None, LISTED, FIRST, "real"),
    ("P-BQ", "板桥工业园区（烧香河沿线、海滨大道、徐新路、烧香河支流沿线）", 6, "320703", box(119.445, 34.535, 119.515, 34.585), LISTED, FIRST, "real"),
    ("P-XWCY", "徐圩新区产业区（徐新路、江苏大道、张圩河路、海滨大道、复堆河路、西安路、驳盐支河）", 6, "3207L1", box(119.53, 34.51, 119.59, 34.56), LISTED, FIRST, "real"),
    ("P-ZGQ", "连云港主港区（西大堤、海滨大道、中山路、连高公路交叉口）", 1, "320703", box(119.42, 34.73, 119.48, 34.76), LISTED, FIRST, "real"),
    ("P-GYG", "赣榆港区（临海高等级公路与外环路及向海延伸陆域）", 1, "320707", box(119.21, 35.03, 119.26, 35.07), LISTED, FIRST, "real"),
    ("P-XWG", "徐圩港区（西防波堤、海滨大道、东防波堤）", 1, "3207L1", box(119.61, 34.57, 119.67, 34.61), LISTED, FIRST, "real"),
    ("P-KWS", "孔望山摩崖造像（示例地点）", 0, "320706", (119.213, 34.593, 250), "", "", "illustrative"),
    ("P-LYGZ", "连云港站及铁路线路安全保护区（示例地点）", 1, "320706", (119.176, 34.582, 300), "", "", "illustrative"),
    ("P-YY1", "市第一人民医院（示例地点）", 4, "320706", (119.186, 34.600, 150), "", "", "illustrative"),
    ("P-DC", "新海发电厂输变电设施安全保护区（示例地点）", 3, "320706", (119.230, 34.620, 300), "", "", "illustrative"),
]
CATEGORIES = ("（一）文物保护单位", "（二）交通枢纽及铁路线路安全保护区", "（三）易燃易爆物品生产储存单位",
              "（四）输变电设施安全保护区", "（五）医疗机构、幼儿园、中小学校、敬老院", "（六）山林、草原等重点防火区",
              "（七）县级以上地方人民政府规定的其他地点")
ITEM_WORDS = ("一", "二", "三", "四", "五", "六", "七")

# Urban cores where incidents cluster: (district, lon, lat, spread in degrees, weight)
HOTSPOTS = [
    ("320706", 119.185, 34.595, 0.035, 0.40), ("320707", 119.125, 34.84, 0.03, 0.22),
    ("320703", 119.39, 34.73, 0.03, 0.14), ("320703", 119.27, 34.685, 0.025, 0.10),
    ("320722", 118.77, 34.54, 0.04, 0.05), ("320723", 119.25, 34.29, 0.04, 0.05),
    ("320724", 119.35, 34.09, 0.04, 0.04),
]
# Illustrative 2015-2018 counts consistent with the stated totals (30余起, 11起, "几乎年年"); the split is invented.
CONSISTENT_2015_2018 = {"交通事故": 34, "伤亡事故": 11}
GREEN_FIRES_2015_2018 = {2015: 2, 2016: 1, 2017: 0, 2018: 3}


def zone_rows(units: dict) -> list[dict]:
    rows = []
    for zone_id, notice, host, name, roads, outline in ZONES:
        geom = outline.intersection(units[host]).buffer(0)
        rows.append({"zone_id": zone_id, "notice_id": notice, "district_code": host, "name": name,
                     "roads": roads, "approximate": True, "geometry": geom})
    return rows


def place_rows(units: dict) -> list[dict]:
    rows = []
    for place_id, name, cat, host, outline, extra, listed_by, provenance in PLACES:
        if outline is None:
            geom = units[host]
        elif isinstance(outline, tuple):
            geom = buffer_m(Point(outline[0], outline[1]), outline[2])
        else:
            geom = outline.intersection(units[host]).buffer(0)
        rows.append({"place_id": place_id, "name": name, "category": CATEGORIES[cat],
                     "legal_basis": ART30.format(ITEM_WORDS[cat]) + extra, "district_code": host,
                     "listed_by": listed_by, "approximate": True, "provenance": provenance, "geometry": geom})
    return rows


def _season_weight(days: pd.DatetimeIndex) -> np.ndarray:
    """Most incidents fall around the Spring Festival, a few around other holidays."""
    w = np.full(len(days), 0.15)
    for year in range(days.min().year, days.max().year + 2):
        eve = pd.Timestamp(lunar.chuxi(year))
        offset = (days - eve).days.to_numpy()
        w += 6.0 * np.exp(-0.5 * (offset / 4.0) ** 2) + 2.0 * ((offset >= 14) & (offset <= 16))
    return w / w.sum()


def _yearly_counts(year: int, rng: np.random.Generator) -> dict[str, int]:
    """Illustrative counts that fall after the ban (2019) and again after the full-time ban (2022)."""
    level = 1.0 if year < 2019 else 0.7 if year < 2022 else 0.4
    return {
        "绿化带火灾": int(rng.poisson(3 * level)),
        "交通事故": int(rng.poisson(9 * level)),
        "伤亡事故": int(rng.poisson(2.5 * level)),
        "违规燃放查处": 0 if year < 2019 else int(rng.poisson(160 if year < 2022 else 260)),
        "投诉举报": int(rng.poisson(520 * (1.0 if year < 2019 else 0.8 if year < 2022 else 0.55))),
    }


def _points(n: int, rng: np.random.Generator, districts: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    weights = np.array([h[4] for h in HOTSPOTS])
    pick = rng.choice(len(HOTSPOTS), size=n * 2, p=weights / weights.sum())
    lon = np.array([HOTSPOTS[i][1] for i in pick]) + rng.normal(0, 1, n * 2) * np.array([HOTSPOTS[i][3] for i in pick])
    lat = np.array([HOTSPOTS[i][2] for i in pick]) + rng.normal(0, 1, n * 2) * np.array([HOTSPOTS[i][3] for i in pick])
    code = np.array([HOTSPOTS[i][0] for i in pick], dtype=object)
    inside = np.zeros(n * 2, dtype=bool)
    for c in set(code):
        sel = code == c
        inside[sel] = shapely.contains_xy(districts[c], lon[sel], lat[sel])
    keep = np.flatnonzero(inside)[:n]
    return lon[keep], lat[keep], code[keep]


def incidents(districts: dict, rng: np.random.Generator, last_day: date) -> pd.DataFrame:
    days = pd.date_range("2015-01-01", last_day, freq="D")
    probs = _season_weight(days)
    frames = []
    for year in range(2015, last_day.year + 1):
        counts = _yearly_counts(year, rng)
        if year <= 2018:
            counts["绿化带火灾"] = GREEN_FIRES_2015_2018[year]
        frames += [(year, kind, n) for kind, n in counts.items()]
    # totals consistent with the seed's for 2015-2018, spread over the four years at random (illustrative)
    for kind, total in CONSISTENT_2015_2018.items():
        split = rng.multinomial(total, [0.25] * 4)
        for i, year in enumerate(range(2015, 2019)):
            frames = [(y, k, split[i] if (y, k) == (year, kind) else n) for y, k, n in frames]
    rows = []
    for year, kind, n in frames:
        in_year = (days.year == year)
        p = probs[in_year] / probs[in_year].sum()
        chosen = rng.choice(np.flatnonzero(in_year), size=n, p=p)
        hour = rng.choice(24, size=n, p=_hour_profile())
        minute = rng.integers(0, 60, size=n)
        when = days[chosen] + pd.to_timedelta(hour, unit="h") + pd.to_timedelta(minute, unit="m")
        lon, lat, code = _points(n, rng, districts)
        rows.append(pd.DataFrame({"occurred_at": when, "type": kind, "district_code": code,
                                  "lon": lon.round(5), "lat": lat.round(5)}))
    rows.append(_spike(rng, districts, last_day))
    frame = pd.concat(rows).sort_values(["occurred_at", "type", "lon"]).reset_index(drop=True)
    frame = frame[frame["occurred_at"].dt.date <= last_day]
    return _finish(frame, rng)


def _spike(rng: np.random.Generator, districts: dict, last_day: date) -> pd.DataFrame:
    """An illustrative cluster in 青口 around the latest 除夕, so the overview has a zone spike to flag."""
    eve = pd.Timestamp(lunar.chuxi(last_day.year if lunar.chuxi(last_day.year) <= last_day else last_day.year - 1))
    n = 90
    when = eve + pd.to_timedelta(rng.integers(-4, 6, n), unit="D") + pd.to_timedelta(rng.integers(18 * 60, 24 * 60, n), unit="m")
    lon, lat = 119.125 + rng.normal(0, 0.006, n), 34.838 + rng.normal(0, 0.005, n)
    inside = shapely.contains_xy(districts["320707"], lon, lat)
    return pd.DataFrame({"occurred_at": when[inside], "type": rng.choice(["投诉举报", "违规燃放查处"], n)[inside],
                         "district_code": "320707", "lon": lon[inside].round(5), "lat": lat[inside].round(5)})


def _hour_profile() -> np.ndarray:
    p = np.array([6, 4, 2, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 7, 9, 10, 10, 9, 8], float)
    return p / p.sum()


def _finish(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    n = len(frame)
    kind = frame["type"].to_numpy()
    casualties = np.where(kind == "伤亡事故", rng.integers(1, 4, n), 0)
    fine = np.where(kind == "违规燃放查处", rng.choice([100, 200, 300, 500], n), np.nan)
    frame = frame.assign(casualties=casualties, fine_yuan=fine, provenance="illustrative")  # every record is generated
    frame.insert(0, "incident_id", np.arange(1, n + 1))
    frame["occurred_at"] = frame["occurred_at"].dt.strftime("%Y-%m-%d %H:%M")
    return frame


def survey() -> pd.DataFrame:
    return pd.DataFrame([
        ("RA2018", "2018-06-01", "2018-07-31", "赞成禁放", 75.5, "real", "新闻发布会：社会稳定风险评估问卷"),
        ("RA2018", "2018-06-01", "2018-07-31", "不赞成或无所谓", 24.5, "derived", "100% − 75.5%"),
    ], columns=["survey_id", "conducted_from", "conducted_to", "answer", "share_pct", "provenance", "source"])


def coverage() -> pd.DataFrame:
    frame = pd.DataFrame(COVERAGE, columns=["notice_id", "unit_code", "zones_status", "note", "source"])
    frame.insert(4, "provenance", "real")
    return frame


def statistics() -> pd.DataFrame:
    frame = pd.DataFrame(STATISTICS, columns=["stat_id", "year_from", "year_to", "area", "type", "stated", "count_at_least"])
    frame["count_at_least"] = frame["count_at_least"].astype("Int64")
    return frame.assign(provenance="real", source=SEED + "：“据不完全统计，2015年以来……”")


def write(data_dir: Path, units: dict, rng: np.random.Generator, last_day: date) -> None:
    write_csv(pd.DataFrame(NOTICES), data_dir / "fireworks_notices.csv")
    write_csv(coverage(), data_dir / "fireworks_notice_coverage.csv")
    write_csv(statistics(), data_dir / "fireworks_statistics.csv")
    write_geojson(zone_rows(units), data_dir / "ban_zones.geojson",
                  "示意边界：按通告所列四至道路手绘，非测绘成果")
    write_geojson(place_rows(units), data_dir / "always_banned_places.geojson",
                  "《烟花爆竹安全管理条例》第三十条及禁放通告列明地点；边界为示意")
    districts = {c: units[c] for c in ("320703", "320706", "320707", "320722", "320723", "320724")}
    write_csv(incidents(districts, rng, last_day), data_dir / "incidents.csv")
    write_csv(survey(), data_dir / "fireworks_survey.csv")
