"""Import for every domain: a corpus of bad files, each refused with the right message and nothing changed;
good files in each format accepted."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import geopandas as gpd
import openpyxl
import pytest
from shapely.geometry import Polygon, box

from lyg.db import Database
from lyg.i18n import render
from lyg.importer.cli import import_any
from lyg.importer.readers import MAX_BYTES, ImportFileError
from lyg.validate import ContractError

CJK = re.compile(r"[\u4e00-\u9fff]")

INCIDENT_HEADER = "发生时间,事件类型,县区代码,经度,纬度,伤亡人数,罚款,来源性质"
INCIDENT_ROW = "2026-02-17 23:10,违规燃放查处,320706,119.17,34.60,0,200,illustrative"
MONTHLY_HEADER = "month,block_code,indicator_code,value,unit,provenance"
MONTHLY_ROW = "2026-11-01,B1,trade_total,1200.5,万美元,illustrative"


def snapshot(data_dir: Path, db_path: Path) -> dict[str, bytes]:
    files = {p.relative_to(data_dir).as_posix(): p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    return {**files, "__db__": db_path.read_bytes()}


def write(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def geojson(tmp_path: Path, geometry, name="zones.geojson", **props) -> Path:
    base = {"zone_id": "FW2022-NEW", "notice_id": "FW2022", "district_code": "320706", "name": "新增禁放区",
            "roads": "示例路、示例街", "approximate": True}
    feature = {"type": "Feature", "properties": {**base, **props}, "geometry": geometry}
    return write(tmp_path, name, json.dumps({"type": "FeatureCollection", "features": [feature]}, ensure_ascii=False))


def xlsx_with_merged_cells(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(INCIDENT_HEADER.split(","))
    sheet.append(INCIDENT_ROW.split(","))
    sheet.append(INCIDENT_ROW.split(","))
    sheet.merge_cells("B2:B3")  # the second row's type is now empty
    path = tmp_path / "merged.xlsx"
    book.save(path)
    return path


def shapefile_zip(tmp_path: Path, with_prj: bool, crs="EPSG:4490") -> Path:
    frame = gpd.GeoDataFrame({"zone_id": ["FW2022-SHP"], "notice_id": ["FW2022"], "district_code": ["320706"],
                              "name": ["测绘禁放区"], "roads": ["测绘路"], "approximate": ["false"]},
                             geometry=[box(119.13, 34.57, 119.15, 34.59)], crs=crs)
    folder = tmp_path / "shp"
    folder.mkdir()
    frame.to_file(folder / "zones.shp", encoding="utf-8")
    path = tmp_path / "zones.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for part in folder.iterdir():
            if with_prj or part.suffix != ".prj":
                archive.write(part, part.name)
    return path


def oversized(tmp_path: Path) -> Path:
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.write((INCIDENT_HEADER + "\n").encode())
        fh.truncate(MAX_BYTES + 1)
    return path


BOWTIE = {"type": "Polygon", "coordinates": [[[119.10, 34.55], [119.14, 34.59], [119.14, 34.55], [119.10, 34.59], [119.10, 34.55]]]}
BEIJING = {"type": "Polygon", "coordinates": [[[116.3, 39.9], [116.4, 39.9], [116.4, 40.0], [116.3, 40.0], [116.3, 39.9]]]}

EVENT_HEADER = "event_id,project_id,stage,method,start_on,end_on,participants,opinions_received,opinions_adopted,feedback_published,provenance"
EVENT_ROW = "EV900,L01,起草,座谈会,2021-02-01,2021-03-01,10,5,1,true,illustrative"
FACILITY_HEADER = "facility_id,name,platform,planned_area_m2,built_area_m2,planned_completion,status_as_of,provenance"
FACILITY_ROW = "F9,新建仓库,查验服务平台,100,50,,2026-10-31,illustrative"
PROGRESS_HEADER = "project_code,month,planned_pct,actual_pct,spent_wan,provenance"
PROGRESS_ROW = "P01,2026-10-01,90,80,100,illustrative"
TINY = {"type": "Polygon", "coordinates": [[[119.1, 34.6], [119.10001, 34.6], [119.10001, 34.60001], [119.1, 34.60001], [119.1, 34.6]]]}


def csv_file(header: str, row: str):
    return lambda t: write(t, "a.csv", header + "\n" + row + "\n")


def many_polygons_zip(tmp_path: Path, n: int = 12_000) -> Path:
    """A zipped Shapefile of more small identical polygons than any zone layer holds."""
    frame = gpd.GeoDataFrame({"zone_id": [f"Z{i}" for i in range(n)], "notice_id": ["FW2022"] * n, "district_code": ["320706"] * n,
                              "name": ["区"] * n, "roads": ["路"] * n, "approximate": ["false"] * n},
                             geometry=[box(119.13, 34.57, 119.131, 34.571)] * n, crs="EPSG:4326")
    folder = tmp_path / "many"
    folder.mkdir()
    frame.to_file(folder / "zones.shp", encoding="utf-8")
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in folder.iterdir():
            archive.write(part, part.name)
    return path


def oversized_geojson(tmp_path: Path) -> Path:
    path = tmp_path / "huge.geojson"
    with path.open("wb") as fh:
        fh.write(b'{"type": "FeatureCollection", "features": [')
        fh.truncate(MAX_BYTES + 1)
    return path


def xlsx_bomb(tmp_path: Path) -> Path:
    """A small .xlsx whose worksheet unpacks to 250 MB."""
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            block = b" " * (1 << 20)
            for _ in range(250):
                sheet.write(block)
    return path


CORPUS = {  # name -> (domain, file maker, expected message fragment)
    "wrong encoding": ("incidents", lambda t: write(t, "u16.csv", (INCIDENT_HEADER + "\n" + INCIDENT_ROW).encode("utf-16")), "二进制"),
    "missing column": ("incidents", lambda t: write(t, "a.csv", "发生时间,事件类型\n2026-02-17 23:10,投诉举报\n"), "缺少必需的列"),
    "extra header rows": ("incidents", lambda t: write(t, "a.csv", "说明\n" * 12 + INCIDENT_HEADER + "\n" + INCIDENT_ROW), "找不到表头"),
    "merged cells": ("incidents", xlsx_with_merged_cells, "必填项为空"),
    "duplicate keys": ("bonded_monthly", lambda t: write(t, "a.csv", "\n".join([MONTHLY_HEADER, MONTHLY_ROW, MONTHLY_ROW])), "主键重复"),
    "unknown category": ("incidents", lambda t: write(t, "a.csv", INCIDENT_HEADER + "\n" + INCIDENT_ROW.replace("违规燃放查处", "放鞭炮")), "不在允许值之内"),
    "negative amount": ("bonded_monthly", lambda t: write(t, "a.csv", MONTHLY_HEADER + "\n" + MONTHLY_ROW.replace("1200.5", "-5")), "小于下限"),
    "impossible date": ("legislation_events", lambda t: write(t, "a.csv",
                        "event_id,project_id,stage,method,start_on,end_on,participants,opinions_received,opinions_adopted,feedback_published,provenance\n"
                        "EV900,L01,起草,座谈会,2021-02-30,2021-03-01,10,5,1,true,illustrative"), "不是有效的日期"),
    "dangling reference": ("bonded_monthly", lambda t: write(t, "a.csv", MONTHLY_HEADER + "\n" + MONTHLY_ROW.replace("B1", "B9")), "不存在"),
    "self-intersecting polygon": ("ban_zones", lambda t: geojson(t, BOWTIE), "几何无效"),
    "polygon outside the city": ("ban_zones", lambda t: geojson(t, BEIJING), "超出连云港市范围"),
    "missing prj": ("ban_zones", lambda t: shapefile_zip(t, with_prj=False), "缺少 .prj"),
    "empty file": ("incidents", lambda t: write(t, "a.csv", b""), "文件为空"),
    "binary garbage": ("incidents", lambda t: write(t, "a.csv", bytes(range(256)) * 8), "二进制"),
    "oversized file": ("incidents", oversized, "超过上限"),
    "formula in a cell": ("bonded_facilities", lambda t: write(t, "a.csv",
                          "facility_id,name,platform,planned_area_m2,built_area_m2,planned_completion,status_as_of,provenance\n"
                          'F9,"=HYPERLINK(""http://x"")",查验服务平台,100,50,,2026-10-31,illustrative'), "疑似公式"),
    "table for a geometry domain": ("places", lambda t: write(t, "a.csv", "place_id,name\nP9,某地\n"), "须为 GeoJSON"),
    "garbage xlsx": ("progress", lambda t: write(t, "a.xlsx", b"PK\x03\x04 not really a workbook"), "无法读取"),
    # numbers that are not finite, or far out of range
    "inf amount": ("bonded_monthly", lambda t: write(t, "a.csv", MONTHLY_HEADER + "\n" + MONTHLY_ROW.replace("1200.5", "inf")), "不是有限数值"),
    "1e309 fine": ("incidents", lambda t: write(t, "a.csv", INCIDENT_HEADER + "\n" + INCIDENT_ROW.replace(",200,", ",1e309,")), "不是有限数值"),
    "NaN fine": ("incidents", lambda t: write(t, "a.csv", INCIDENT_HEADER + "\n" + INCIDENT_ROW.replace(",200,", ",NaN,")), "不是有效的"),
    "inf built area": ("bonded_facilities", csv_file(FACILITY_HEADER, FACILITY_ROW.replace(",50,", ",inf,")), "不是有限数值"),
    "huge built area": ("bonded_facilities", csv_file(FACILITY_HEADER, FACILITY_ROW.replace(",50,", ",5e12,")), "大于上限"),
    "inf spending": ("progress", csv_file(PROGRESS_HEADER, PROGRESS_ROW.replace(",100,", ",inf,")), "不是有限数值"),
    "5000 casualties": ("incidents", lambda t: write(t, "a.csv", INCIDENT_HEADER + "\n" + INCIDENT_ROW.replace(",0,200", ",5000,200")), "大于上限"),
    # places and times that cannot be
    "point in Shandong": ("incidents", lambda t: write(t, "a.csv", INCIDENT_HEADER + "\n" + INCIDENT_ROW.replace("119.17,34.60", "118.40,35.30")),
                          "不在所填县区"),
    "point in another district": ("incidents", lambda t: write(t, "a.csv", INCIDENT_HEADER + "\n" + INCIDENT_ROW.replace("320706", "320723")),
                                  "不在所填县区"),
    "incident in 2099": ("incidents", lambda t: write(t, "a.csv", INCIDENT_HEADER + "\n" + INCIDENT_ROW.replace("2026-02-17", "2099-01-01")),
                         "晚于今天"),
    "bonded month in 2099": ("bonded_monthly", lambda t: write(t, "a.csv", MONTHLY_HEADER + "\n" + MONTHLY_ROW.replace("2026-11-01", "2099-01-01")),
                             "晚于今天"),
    "event in 1900": ("legislation_events", csv_file(EVENT_HEADER, EVENT_ROW.replace("2021-02-01", "1900-02-01")), "早于 1949"),
    "event ends before it starts": ("legislation_events", csv_file(EVENT_HEADER, EVENT_ROW.replace("2021-03-01", "2021-01-01")), "早于"),
    "more adopted than received": ("legislation_events", csv_file(EVENT_HEADER, EVENT_ROW.replace(",10,5,1,", ",10,5,9,")), "多于"),
    "zero-area zone": ("ban_zones", lambda t: geojson(t, TINY), "面积过小"),
    # spreadsheet formulas, every prefix OWASP names
    "formula behind a number": ("bonded_facilities", csv_file(FACILITY_HEADER, FACILITY_ROW.replace("新建仓库", "-1+1+cmd|' /C calc'!A0")), "疑似公式"),
    "full-width formula": ("bonded_facilities", csv_file(FACILITY_HEADER, FACILITY_ROW.replace("新建仓库", "＝1+1")), "疑似公式"),
    "at formula": ("bonded_facilities", csv_file(FACILITY_HEADER, FACILITY_ROW.replace("新建仓库", "@SUM(A1)")), "疑似公式"),
    "plus formula": ("legislation_events", csv_file(EVENT_HEADER, EVENT_ROW.replace("座谈会", "+cmd|x")), "疑似公式"),
    # files that must be refused before they are parsed
    "unit that cannot be converted": ("incidents", lambda t: write(t, "a.csv", INCIDENT_HEADER.replace("罚款", "罚款（千元）") + "\n" + INCIDENT_ROW),
                                      "无法换算"),
    "degrees out of range": ("incidents", lambda t: write(t, "a.csv", INCIDENT_HEADER + "\n" + INCIDENT_ROW.replace("119.17", "119°75'")),
                             "不是有效的数值"),
    "duplicate header": ("incidents", lambda t: write(t, "a.csv", INCIDENT_HEADER + ",事件类型\n" + INCIDENT_ROW + ",投诉举报"), "出现了两次"),
    "300k-style polygon flood": ("ban_zones", many_polygons_zip, "要素"),
    "oversized geojson": ("ban_zones", oversized_geojson, "超过上限"),
    "xlsx that unpacks to 250 MB": ("progress", xlsx_bomb, "解压后"),
}


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_bad_file_is_refused_and_nothing_changes(live, tmp_path, case):
    data_dir, db_path = live
    domain, make, message = CORPUS[case]
    path = make(tmp_path)
    before = snapshot(data_dir, db_path)
    with pytest.raises((ContractError, ImportFileError)) as caught:
        import_any(domain, path, data_dir, db_path, user="test")
    assert message in str(caught.value), str(caught.value)
    if isinstance(caught.value, ContractError):
        first = caught.value.problems[0]
        assert first.file == path.name and first.rule
        english = [render(p.rule, "en") for p in caught.value.problems]
    else:
        english = [render(caught.value.message, "en")]
    # the English UI gets the same finding in English; only quoted user text may stay Chinese
    assert not [e for e in english if CJK.search(re.sub(r"“[^”]*”", "", e))], english
    assert snapshot(data_dir, db_path) == before


def test_corpus_is_large_enough():
    assert len(CORPUS) >= 40


def test_incidents_with_title_rows_gbk_and_chinese_dates(live, tmp_path):
    data_dir, db_path = live
    text = "连云港市公安局烟花爆竹事件登记表\n\n" + INCIDENT_HEADER + "\n" + INCIDENT_ROW + "\n" + \
        "2026年2月17日 23时40分,投诉举报,320707,119.12,34.84,0,,illustrative\n"
    result = import_any("incidents", write(tmp_path, "inc.csv", text.encode("gbk")), data_dir, db_path, user="张三")
    assert (result.added, result.replaced) == (2, 0)
    db = Database(db_path)
    rows = db.execute("SELECT occurred_at, in_ban_zone, banned FROM fw_incidents WHERE occurred_at = TIMESTAMP '2026-02-17 23:40'")
    assert len(rows) >= 1
    assert "张三" in (data_dir / "imports" / "log.csv").read_text(encoding="utf-8")


def test_numbers_dates_units_and_degrees_as_departments_write_them(live, tmp_path):
    """Full-width digits, thousands separators, a unit in the header (万元 into 元 and back), 20190820 dates and
    degrees-minutes-seconds are read into the contract's form, each with a warning naming row, column and both values."""
    data_dir, db_path = live
    header = INCIDENT_HEADER.replace("罚款", "罚款（万元）")
    row = "2026-02-17 23:10,违规燃放查处,320706,119°10'12\",34°36'0\",０,0.02,illustrative"
    result = import_any("incidents", write(tmp_path, "inc.csv", (header + "\n" + row + "\n").encode()), data_dir, db_path, user="t")
    shown = {(w.row, w.column, w.original, w.value) for w in result.warnings}
    assert {(2, "经度", "119°10'12\"", "119.17000"), (2, "纬度", "34°36'0\"", "34.60000"), (2, "伤亡人数", "０", "0"),
            (2, "罚款（万元）", "0.02万元", "200元")} <= shown
    stored = Database(db_path).execute("SELECT lon, lat, fine_yuan FROM fw_incidents ORDER BY incident_id DESC LIMIT 1").iloc[0]
    assert (stored["lon"], stored["lat"], stored["fine_yuan"]) == (119.17, 34.6, 200.0)
    progress = "工程代码,月份,计划累计进度,实际累计进度,累计支出（元）,来源性质\nP01,20190601,4.5,0.0,\"1,200,000\",illustrative\n"
    result = import_any("progress", write(tmp_path, "p.csv", progress.encode()), data_dir, db_path, user="t")
    assert {(w.column, w.original, w.value) for w in result.warnings} >= {("月份", "20190601", "2019-06-01"),
                                                                          ("累计支出（元）", "1,200,000", "1200000"),
                                                                          ("累计支出（元）", "1200000元", "120万元")}
    assert Database(db_path).execute("SELECT spent_wan FROM dg_progress WHERE project_code = 'P01' AND month = DATE '2019-06-01'")["spent_wan"].iat[0] == 120


def test_bonded_monthly_upsert(live, tmp_path):
    data_dir, db_path = live
    result = import_any("bonded_monthly", write(tmp_path, "m.csv", MONTHLY_HEADER + "\n" + MONTHLY_ROW), data_dir, db_path, user="t")
    assert (result.added, result.replaced) == (1, 0)
    again = import_any("bonded_monthly", write(tmp_path, "m2.csv", MONTHLY_HEADER + "\n" + MONTHLY_ROW.replace("1200.5", "1300")),
                       data_dir, db_path, user="t")
    assert (again.added, again.replaced) == (0, 1)
    value = Database(db_path).execute("SELECT value FROM bz_monthly WHERE month = DATE '2026-11-01' AND block_code = 'B1' AND indicator_code = 'trade_total'")
    assert value["value"].tolist() == [1300.0]


def test_geojson_zone_and_shapefile_with_prj(live, tmp_path):
    data_dir, db_path = live
    square = {"type": "Polygon", "coordinates": [[[119.13, 34.57], [119.15, 34.57], [119.15, 34.59], [119.13, 34.59], [119.13, 34.57]]]}
    assert import_any("ban_zones", geojson(tmp_path, square), data_dir, db_path, user="t").added == 1
    assert import_any("ban_zones", shapefile_zip(tmp_path, with_prj=True), data_dir, db_path, user="t").added == 1
    zones = Database(db_path).execute("SELECT zone_id, area_km2 FROM fw_zones WHERE zone_id IN ('FW2022-NEW', 'FW2022-SHP')")
    assert len(zones) == 2 and (zones["area_km2"] > 3).all()


def test_shapefile_without_prj_when_the_user_names_the_crs(live, tmp_path):
    data_dir, db_path = live
    path = shapefile_zip(tmp_path, with_prj=False)
    assert import_any("ban_zones", path, data_dir, db_path, user="t", crs="EPSG:4490").added == 1


def test_gcj02_is_converted(live, tmp_path):
    data_dir, db_path = live
    square = {"type": "Polygon", "coordinates": [[[119.13, 34.57], [119.15, 34.57], [119.15, 34.59], [119.13, 34.59], [119.13, 34.57]]]}
    import_any("ban_zones", geojson(tmp_path, square, zone_id="FW2022-GCJ"), data_dir, db_path, user="t", gcj02=True)
    doc = json.loads((data_dir / "ban_zones.geojson").read_text(encoding="utf-8"))
    stored = next(f for f in doc["features"] if f["properties"]["zone_id"] == "FW2022-GCJ")
    lon, lat = stored["geometry"]["coordinates"][0][0]
    # the same point through cnmaps' converter (the one used for the district boundaries): 119.124291, 34.570909
    assert lon == pytest.approx(119.124291, abs=2e-6) and lat == pytest.approx(34.570909, abs=2e-6)
    assert Polygon(stored["geometry"]["coordinates"][0]).is_valid
