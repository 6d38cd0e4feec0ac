"""Read geometry files (GeoJSON, zipped Shapefile, GeoPackage) into WGS84, with the coordinate system from the file."""
from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from lyg.geo import gcj02_to_wgs84
from lyg.i18n import Message
from lyg.importer.readers import ImportFileError, check_size

GEOMETRY_SUFFIXES = (".geojson", ".json", ".zip", ".gpkg")
MAX_FEATURES = 10_000  # zones, places and blocks number in the hundreds
MAX_VERTICES = 2_000_000


def read_geometry_file(path: Path, crs: str | None = None, gcj02: bool = False, layer: str | None = None) -> pd.DataFrame:
    """Attributes as text plus a WGS84 shapely `geometry` column.

    The coordinate system comes from the file (GeoJSON is WGS84 by definition); a Shapefile without
    .prj is refused unless `crs` names one. `gcj02=True` says the coordinates are AMap's GCJ-02.
    """
    suffix = path.suffix.lower()
    if not path.exists():
        raise ImportFileError(Message("import_file.missing", file=path.name))
    check_size(path)
    try:
        if suffix == ".zip":
            frame = _read_zipped_shapefile(path, crs, layer)
        else:
            _check_features(path, path, layer)
            frame = gpd.read_file(path, layer=layer, engine="pyogrio")
    except ImportFileError:
        raise
    except Exception as exc:  # damaged or not what the name says
        raise ImportFileError(Message("import_file.geo_unreadable", file=path.name, error=type(exc).__name__)) from exc
    if frame.empty:
        raise ImportFileError(Message("import_file.no_features", file=path.name))
    if frame.crs is None:
        if suffix in (".geojson", ".json"):
            frame = frame.set_crs(4326)
        elif crs:
            frame = frame.set_crs(crs)
        else:
            raise ImportFileError(Message("import_file.no_crs", file=path.name))
    vertices = int(shapely.get_num_coordinates(frame.geometry.values).sum())
    if vertices > MAX_VERTICES:
        raise ImportFileError(Message("import_file.too_many_vertices", file=path.name, n=f"{vertices:,}", limit=f"{MAX_VERTICES:,}"))
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
        raise ImportFileError(Message("import_file.no_shp", file=path.name))
    shape = next((s for s in shapes if layer and Path(s).stem == layer), shapes[0])
    has_prj = any(n.lower() == shape[:-4].lower() + ".prj" for n in names)
    if not has_prj and not crs:
        raise ImportFileError(Message("import_file.no_prj", file=path.name))
    _check_features(f"zip://{path}!{shape}", path, None)
    return gpd.read_file(f"zip://{path}!{shape}", engine="pyogrio")


def _check_features(source, path: Path, layer: str | None) -> None:
    """The number of features, read from the file's header before its geometries are."""
    n = pyogrio.read_info(source, layer=layer).get("features", 0)
    if n > MAX_FEATURES:
        raise ImportFileError(Message("import_file.too_many_features", file=path.name, n=f"{n:,}", limit=f"{MAX_FEATURES:,}"))
