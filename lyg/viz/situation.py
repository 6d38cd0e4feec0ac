"""The overview's situational map: every layer switchable, no internet basemap."""
from __future__ import annotations

import pandas as pd
import pydeck as pdk

from lyg.geo import from_wkb
from lyg.i18n import ZH, Translator
from lyg.viz import maps

LAYERS = ("districts", "functional", "ban_zones", "bonded", "incidents")


def situation_map(units: pd.DataFrame, zones: pd.DataFrame, blocks: pd.DataFrame, grid: pd.DataFrame, cell: float,
                  shown: set[str], district: str = "", height: int = 620, basemap_url: str = "", background: str = "#f8fafc",
                  label_colour: list[int] | None = None, tr: Translator = ZH, cells_sample: bool = False) -> pdk.Deck:
    """Every layer the overview offers; units' names are expected in the UI language already."""
    layers = []
    if "districts" in shown:
        layers += maps.district_base(units, label_colour=label_colour)
    if "functional" in shown:
        layers.append(maps.polygon_layer("functional", maps.features(units[units["kind"] == "功能区"], ["name"]),
                                         maps.COLOURS["functional"], maps.COLOURS["functional_line"]))
    if "incidents" in shown:
        layers.append(maps.grid_layer("incident-cells", grid, cell, tr("map.cell_sample" if cells_sample else "map.cell")))
    if "ban_zones" in shown:
        layers.append(maps.polygon_layer("ban-zones", maps.features(zones, ["name"]), maps.COLOURS["zone"], maps.COLOURS["zone_line"], line_px=2))
    if "bonded" in shown:
        layers.append(maps.polygon_layer("bonded-blocks", maps.features(blocks, ["name"], tolerance=0), maps.COLOURS["block"],
                                         maps.COLOURS["block_line"], line_px=3))
    centre, zoom = (119.17, 34.62), 8.7
    if district:
        unit = units[units["code"] == district]
        if not unit.empty:
            geom = from_wkb(unit["geometry"].iat[0])
            centre = (geom.centroid.x, geom.centroid.y)
            zoom = 10.2 if unit["kind"].iat[0] == "县区" else 11.0
    return maps.deck(layers, centre=centre, zoom=zoom, height=height, basemap_url=basemap_url, background=background)
