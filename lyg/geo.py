"""Geometry helpers: WKB in DuckDB, shapely in Python, WGS84 (EPSG:4326) everywhere in storage."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import box, shape

from lyg.i18n import Message

# Loose bounds of 连云港市 (WGS84), for rejecting geometry that is obviously elsewhere.
CITY_BOUNDS = (118.3, 33.9, 119.95, 35.2)
CITY_BOX = box(*CITY_BOUNDS)
CITY_CENTRE = (119.17, 34.60)


@lru_cache(maxsize=1)
def _to_utm():
    # UTM zone 50N covers Lianyungang; metres for areas and buffers.
    return Transformer.from_crs(4326, 32650, always_xy=True)


@lru_cache(maxsize=1)
def _from_utm():
    return Transformer.from_crs(32650, 4326, always_xy=True)


def _reproject(geom, transformer):
    return shapely.transform(geom, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def area_km2(geom) -> float:
    return _reproject(geom, _to_utm()).area / 1e6


def buffer_m(geom, metres: float):
    """Buffer a WGS84 geometry by metres (through UTM 50N)."""
    return _reproject(_reproject(geom, _to_utm()).buffer(metres), _from_utm())


def to_wkb(geom) -> bytes:
    return shapely.to_wkb(geom)


def from_wkb(blob) -> shapely.Geometry:
    return shapely.from_wkb(bytes(blob))


MIN_AREA_KM2 = 1e-4  # 100 m²: smaller is a drawing slip, not a zone


def geometry_problem(geom) -> Message | None:
    """Why a zone geometry is unusable (str() gives Chinese); None when it is fine."""
    if geom is None or geom.is_empty:
        return Message("geo.empty")
    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        return Message("geo.not_polygon", kind=geom.geom_type)
    if not geom.is_valid:
        return Message("geo.invalid", reason=shapely.is_valid_reason(geom))
    if area_km2(geom) < MIN_AREA_KM2:
        return Message("geo.degenerate", area=f"{area_km2(geom) * 1e6:.1f}")
    if not CITY_BOX.contains(geom):
        return Message("geo.outside")
    return None


def parse_geojson_geometry(obj):
    return None if not obj else shape(obj)


# GCJ-02 -> WGS84 (the widely used one-step inverse; about 1-2 m off, enough at city scale).
_A = 6378245.0
_EE = 0.00669342162296594323


def _delta(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y = lon - 105.0, lat - 35.0
    dlat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
            + (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
            + (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
            + (160.0 * np.sin(y / 12.0 * np.pi) + 320 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0)
    dlon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
            + (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
            + (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
            + (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0)
    rad = lat / 180.0 * np.pi
    magic = 1 - _EE * np.sin(rad) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * np.cos(rad) * np.pi)
    return dlon, dlat


def gcj02_to_wgs84(geom):
    """Convert a geometry from GCJ-02 (AMap) to WGS84."""
    def fn(xy: np.ndarray) -> np.ndarray:
        dlon, dlat = _delta(xy[:, 0], xy[:, 1])
        return np.column_stack([xy[:, 0] - dlon, xy[:, 1] - dlat])
    return shapely.transform(geom, fn)
