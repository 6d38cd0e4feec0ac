"""pydeck map builders. No internet basemap: the district outlines are the base layer."""
from __future__ import annotations

import json
import math
from urllib.parse import quote

import numpy as np
import pandas as pd
import pydeck as pdk
import shapely
from pydeck.bindings.json_tools import default_serialize
from shapely.geometry import mapping

from lyg.geo import CITY_CENTRE, from_wkb

FONT = '"Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif"'
COLOURS = {
    "district": [226, 232, 240, 160], "district_line": [71, 85, 105, 255],
    "urban": [203, 213, 225, 200], "functional": [59, 130, 246, 60], "functional_line": [37, 99, 235, 255],
    "zone": [239, 68, 68, 90], "zone_line": [185, 28, 28, 255], "place": [245, 158, 11, 110],
    "place_line": [180, 83, 9, 255], "block": [16, 185, 129, 140], "block_line": [4, 120, 87, 255],
}


def features(frame: pd.DataFrame, props: list[str], geometry: str = "geometry", tolerance: float = 0.0005) -> dict:
    """FeatureCollection from rows with WKB geometry, simplified for the browser."""
    out = []
    for row in frame.itertuples(index=False):
        geom = from_wkb(getattr(row, geometry))
        if tolerance:
            geom = shapely.simplify(geom, tolerance, preserve_topology=True)
        inside = geom.representative_point()  # where a click on this feature puts the checked point
        out.append({"type": "Feature", "geometry": mapping(geom),
                    "properties": {**{p: _plain(getattr(row, p)) for p in props},
                                   "pick_lon": round(inside.x, 5), "pick_lat": round(inside.y, 5)}})
    return {"type": "FeatureCollection", "features": out}


def _plain(value):
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return None if value is pd.NA else value


def polygon_layer(layer_id: str, collection: dict, fill: list[int], line: list[int], line_px: float = 1.5,
                  pickable: bool = True) -> pdk.Layer:
    return pdk.Layer("GeoJsonLayer", collection, id=layer_id, stroked=True, filled=True, pickable=pickable,
                     get_fill_color=fill, get_line_color=line, line_width_min_pixels=line_px)


def label_layer(layer_id: str, frame: pd.DataFrame, text: str = "name", lon: str = "centroid_lon",
                lat: str = "centroid_lat", size: int = 14, colour: list[int] | None = None) -> pdk.Layer:
    data = frame[[text, lon, lat]].rename(columns={text: "label", lon: "lon", lat: "lat"})
    return pdk.Layer("TextLayer", data, id=layer_id, get_position=["lon", "lat"], get_text="label",
                     get_size=size, get_color=colour or [15, 23, 42, 255], character_set='"auto"',
                     font_family=FONT, get_text_anchor='"middle"', get_alignment_baseline='"center"',
                     outline_width=2, outline_color=[255, 255, 255, 255], font_settings={"sdf": True})


METRES_PER_DEGREE = 111_320.0


def cell_metres(cell: float) -> int:
    """A square cell's east-west size in metres at the city's latitude (deck.gl's cell_size)."""
    return round(cell * METRES_PER_DEGREE * math.cos(math.radians(34.6)))


def grid_layer(layer_id: str, grid: pd.DataFrame, cell: float, label: str = "{n} 起") -> pdk.Layer:
    """Incident counts per square cell (lower-left corner lon0/lat0) as a GridCellLayer: per cell only its centre, its
    count and its tooltip travel to the browser; the colour is computed there from the count. label takes {n}."""
    top = max(int(grid["incidents"].max()), 1) if len(grid) else 1
    half = cell / 2
    rows = [{"x": round(x + half, 5), "y": round(y + half, 5), "n": int(n), "name": label.format(n=int(n))}
            for x, y, n in zip(grid["lon0"], grid["lat0"], grid["incidents"])]
    metres = cell_metres(cell)
    return pdk.Layer("GridCellLayer", rows, id=layer_id, pickable=True, extruded=False, cell_size=metres, coverage=1,
                     get_position=f"[x - {half}, y - {half}]",
                     get_fill_color=f"[254 - 120 * n / {top}, 217 - 190 * n / {top}, 118 - 100 * n / {top}, 110 + 120 * n / {top}]")


def click_cells(districts: pd.DataFrame, avoid: list, covered: pd.DataFrame, cell: float) -> pd.DataFrame:
    """The squares a click on open ground picks, so the checker checks near the spot clicked (within half a cell), not
    a district's middle: every cell whose centre is inside one of the districts, that touches no shape in `avoid`
    (zones and places pick themselves, and a square across an edge would check the other side) and holds no incident
    cell (which picks its own centre). x, y: the centre; name: the district (the tooltip)."""
    urban = districts
    blocked = shapely.union_all(list(avoid)) if len(avoid) else None
    taken = set(zip((covered["lon0"] / cell).round().astype(int), (covered["lat0"] / cell).round().astype(int))) if len(covered) else set()
    rows = []
    for name, wkb in zip(urban["name"], urban["geometry"]):
        shape = from_wkb(wkb)
        west, south, east, north = shape.bounds
        i, j = np.meshgrid(np.arange(math.floor(west / cell), math.ceil(east / cell)), np.arange(math.floor(south / cell), math.ceil(north / cell)))
        i, j = i.ravel(), j.ravel()
        keep = shapely.contains_xy(shape, (i + 0.5) * cell, (j + 0.5) * cell)
        keep &= ~np.array([(a, b) in taken for a, b in zip(i, j)], dtype=bool)
        if blocked is not None:
            keep &= ~shapely.intersects(blocked, shapely.box(i * cell, j * cell, (i + 1) * cell, (j + 1) * cell))
        rows += [{"x": round((a + 0.5) * cell, 4), "y": round((b + 0.5) * cell, 4), "name": name} for a, b in zip(i[keep], j[keep])]
    return pd.DataFrame(rows, columns=["x", "y", "name"])


def click_layer(layer_id: str, cells: pd.DataFrame, cell: float) -> pdk.Layer:
    """Invisible squares that catch clicks (alpha 1: deck.gl does not pick what is fully transparent)."""
    half = cell / 2
    metres = cell_metres(cell)
    return pdk.Layer("GridCellLayer", cells.to_dict("records"), id=layer_id, pickable=True, extruded=False, cell_size=metres,
                     coverage=1, get_position=f"[x - {half}, y - {half}]", get_fill_color=[0, 0, 0, 1])


def point_layer(layer_id: str, lon: float, lat: float, colour: list[int] | None = None) -> pdk.Layer:
    return pdk.Layer("ScatterplotLayer", pd.DataFrame({"lon": [lon], "lat": [lat]}), id=layer_id,
                     get_position=["lon", "lat"], get_radius=250, radius_min_pixels=7,
                     get_fill_color=colour or [37, 99, 235, 255], get_line_color=[255, 255, 255, 255],
                     stroked=True, line_width_min_pixels=2)


def offline_style(background: str = "#f8fafc") -> str:
    """A MapLibre style with only a background colour, inline as a data URL.

    Streamlit fills in a Carto basemap from the internet whenever a map view has no style; an inline
    style keeps every byte local. An intranet basemap (style.json with CORS) can replace it.
    """
    style = {"version": 8, "sources": {}, "layers": [{"id": "background", "type": "background",
                                                        "paint": {"background-color": background}}]}
    return "data:application/json;charset=utf-8," + quote(json.dumps(style, separators=(",", ":")))


class CompactDeck(pdk.Deck):
    """A Deck serialised without indentation: pydeck indents by two spaces, which more than doubles what a map sends
    and forces Python's slow pure-Python encoder (0.3 s for one map); without an indent the C encoder runs."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"), ensure_ascii=False)


def deck(layers: list[pdk.Layer], centre: tuple[float, float] = CITY_CENTRE, zoom: float = 8.6,
         tooltip_field: str = "name", height: int = 560, basemap_url: str = "", background: str = "#f8fafc") -> pdk.Deck:
    """A deck whose base is the layers themselves: no basemap provider, nothing fetched from the internet."""
    view = pdk.ViewState(longitude=centre[0], latitude=centre[1], zoom=zoom, pitch=0, bearing=0)
    return CompactDeck(layers=layers, initial_view_state=view, map_provider=None,
                    map_style=basemap_url or offline_style(background),
                    tooltip={"text": "{" + tooltip_field + "}"}, height=height)


def district_base(units: pd.DataFrame, with_labels: bool = True, label_colour: list[int] | None = None,
                  pickable: bool = True) -> list[pdk.Layer]:
    """County-level outlines (urban districts darker) and optional Chinese labels (larger and in label_colour on a dark
    background). pickable=False where something else catches clicks on open ground."""
    counties = units[units["kind"] == "县区"].copy()
    counties["fill"] = counties["in_urban_area"].map(lambda urban: COLOURS["urban"] if urban else COLOURS["district"])
    collection = features(counties, ["name", "code", "fill"], tolerance=0.001)
    layers = [pdk.Layer("GeoJsonLayer", collection, id="districts", stroked=True, filled=True, pickable=pickable,
                        get_fill_color="properties.fill", get_line_color=COLOURS["district_line"],
                        line_width_min_pixels=1.5)]
    if with_labels:
        layers.append(label_layer("district-labels", counties, size=18 if label_colour else 16, colour=label_colour))
    return layers


def picked_point(selection: dict) -> tuple[float, float] | None:
    """The point of the first feature clicked on a deck (from Streamlit's selection state), if any."""
    for objects in (selection or {}).get("objects", {}).values():
        for obj in objects:
            props = obj.get("properties", obj) if isinstance(obj, dict) else {}
            if "pick_lon" in props and "pick_lat" in props:
                return float(props["pick_lon"]), float(props["pick_lat"])
            if "x" in props and "y" in props:  # an incident cell: its centre
                return float(props["x"]), float(props["y"])
    return None
