"""Functional zones and unit attributes. The six county-level boundaries are real (data/districts.geojson)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from shapely.geometry import Polygon, box, shape
from shapely.ops import unary_union

from lyg.sample.io import write_csv, write_geojson

# Approximate outlines (WGS84) drawn to sit where each zone lies; clipped to the real districts.
ZONE_OUTLINES = {
    "320771": ("开发区", "320703", box(119.20, 34.665, 119.345, 34.73)),
    "320772": ("高新区", "320706", box(119.19, 34.60, 119.27, 34.655)),
    "3207L1": ("徐圩新区", "320703", Polygon([(119.45, 34.47), (119.70, 34.47), (119.70, 34.63), (119.52, 34.63), (119.45, 34.56)])),
    "3207L2": ("云台山风景名胜区", None, box(119.28, 34.62, 119.40, 34.70)),
}

UNITS = [
    # code, name, kind, parent, urban, population_2020, provenance, source
    ("320703", "连云区", "县区", None, True, 292762, "real", "连云区第七次全国人口普查公报（含开发区、徐圩新区）"),
    ("320706", "海州区", "县区", None, True, 1010000, "illustrative", "示例估计值"),
    ("320707", "赣榆区", "县区", None, True, 1003844, "real", "赣榆区第七次全国人口普查公报"),
    ("320722", "东海县", "县区", None, False, 970000, "illustrative", "示例估计值"),
    ("320723", "灌云县", "县区", None, False, 800000, "illustrative", "示例估计值"),
    ("320724", "灌南县", "县区", None, False, 620000, "illustrative", "示例估计值"),
    ("320771", "开发区", "功能区", "320703", True, 90248, "real", "连云区第七次全国人口普查公报"),
    ("320772", "高新区", "功能区", "320706", True, 120000, "illustrative", "示例估计值"),
    ("3207L1", "徐圩新区", "功能区", "320703", True, 42124, "real", "连云区第七次全国人口普查公报"),
    ("3207L2", "云台山风景名胜区", "功能区", "320706", True, 30000, "illustrative", "示例估计值；横跨海州区、连云区"),
]


def load_districts(data_dir: Path) -> dict[str, object]:
    doc = json.loads((data_dir / "districts.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["code"]: shape(f["geometry"]) for f in doc["features"]}


def functional_zones(districts: dict[str, object]) -> dict[str, object]:
    """Approximate zone polygons, each inside its district(s); 云台山 excludes the other zones."""
    zones = {}
    for code, (_, parent, outline) in ZONE_OUTLINES.items():
        host = districts[parent] if parent else unary_union([districts["320703"], districts["320706"]])
        zones[code] = outline.intersection(host)
    zones["3207L2"] = zones["3207L2"].difference(unary_union([zones["320771"], zones["320772"]]))
    return {c: g.buffer(0) for c, g in zones.items()}


def write(data_dir: Path) -> dict[str, object]:
    districts = load_districts(data_dir)
    zones = functional_zones(districts)
    rows = [{"code": c, "name": ZONE_OUTLINES[c][0], "geometry": g} for c, g in zones.items()]
    write_geojson(rows, data_dir / "functional_zones.geojson",
                  "示意边界（approximate）：无公开边界，按所在县区手绘后裁剪至县区边界")
    units = pd.DataFrame(UNITS, columns=["code", "name", "kind", "parent_code", "in_urban_area",
                                         "population_2020", "population_provenance", "source"])
    units.insert(7, "approximate", units["kind"] == "功能区")
    write_csv(units, data_dir / "units.csv")
    return {**districts, **zones}
