"""Read geometry files (GeoJSON, zipped Shapefile, GeoPackage) into WGS84, with the coordinate system from the file."""
from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd

from lyg.geo import gcj02_to_wgs84
from lyg.importer.readers import ImportFileError

GEOMETRY_SUFFIXES = (".geojson", ".json", ".zip", ".gpkg")


def read_geometry_file(path: Path, crs: str | None = None, gcj02: bool = False, layer: str | None = None) -> pd.DataFrame:
    """Attributes as text plus a WGS84 shapely `geometry` column.

    The coordinate system comes from the file (GeoJSON is WGS84 by definition); a Shapefile without
    .prj is refused unless `crs` names one. `gcj02=True` says the coordinates are AMap's GCJ-02.
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".zip":
            frame = _read_zipped_shapefile(path, crs, layer)
        else:
            frame = gpd.read_file(path, layer=layer, engine="pyogrio")
    except ImportFileError:
        raise
    except Exception as exc:  # damaged or not what the name says
        raise ImportFileError(f"{path.name}：无法读取几何文件（{type(exc).__name__}）") from exc
    if frame.empty:
        raise ImportFileError(f"{path.name}：没有要素")
    if frame.crs is None:
        if suffix in (".geojson", ".json"):
            frame = frame.set_crs(4326)
        elif crs:
            frame = frame.set_crs(crs)
        else:
            raise ImportFileError(f"{path.name}：文件未声明坐标系，请指定坐标系（如 EPSG:4490、EPSG:4326）")
    frame = frame.to_crs(4326)
    if gcj02:
        frame["geometry"] = frame.geometry.map(gcj02_to_wgs84)
    out = pd.DataFrame(frame.drop(columns="geometry")).astype(object).where(frame.drop(columns="geometry").notna(), "")
    out = out.apply(lambda col: col.map(lambda v: str(v).lower() if isinstance(v, bool) else str(v)))
    out["geometry"] = list(frame.geometry)
    return out


def _read_zipped_shapefile(path: Path, crs: str | None, layer: str | None) -> gpd.GeoDataFrame:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    shapes = [n for n in names if n.lower().endswith(".shp")]
    if not shapes:
        raise ImportFileError(f"{path.name}：压缩包内没有 .shp 文件")
    shape = next((s for s in shapes if layer and Path(s).stem == layer), shapes[0])
    has_prj = any(n.lower() == shape[:-4].lower() + ".prj" for n in names)
    if not has_prj and not crs:
        raise ImportFileError(f"{path.name}：Shapefile 缺少 .prj 坐标系文件，请指定坐标系（如 EPSG:4490、EPSG:4326）")
    return gpd.read_file(f"zip://{path}!{shape}", engine="pyogrio")
