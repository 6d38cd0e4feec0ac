"""Writing sample files the same way every time (stable order, rounding, line endings)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from shapely.geometry import mapping


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def _round(coords):
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), 6) for c in coords]
    return [_round(c) for c in coords]


def write_geojson(rows: list[dict], path: Path, source: str) -> None:
    features = []
    for row in rows:
        gj = mapping(row["geometry"])
        props = {k: v for k, v in row.items() if k != "geometry"}
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": gj["type"], "coordinates": _round(gj["coordinates"])}})
    doc = {"type": "FeatureCollection", "source": source, "features": features}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=None) + "\n", encoding="utf-8")
