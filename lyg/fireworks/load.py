"""Build the rule engine from validated frames (at build time) or from the database (at run time)."""
from __future__ import annotations

import pandas as pd
from shapely.ops import unary_union

from lyg import vocab
from lyg.fireworks.rules import Area, BanRules, Notice
from lyg.geo import from_wkb


def _date(value):
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _geom(value):
    return value if hasattr(value, "geom_type") else from_wkb(value)


def rules_from_frames(notices: pd.DataFrame, zones: pd.DataFrame, places: pd.DataFrame,
                      district_shapes: pd.DataFrame) -> BanRules:
    notice_list = [Notice(r.notice_id, r.title, None if pd.isna(r.doc_number) else r.doc_number,
                          _date(r.effective_from), _date(r.effective_to), r.time_rule)
                   for r in notices.itertuples()]
    zone_list = [Area(r.zone_id, r.name, _geom(r.geometry), r.roads, notice_id=r.notice_id)
                 for r in zones.itertuples()]
    place_list = [Area(r.place_id, r.name, _geom(r.geometry), r.category, legal_basis=r.legal_basis)
                  for r in places.itertuples()]
    urban = district_shapes[district_shapes["code"].isin(vocab.URBAN_DISTRICTS)]
    return BanRules(notice_list, zone_list, place_list, unary_union([_geom(g) for g in urban["geometry"]]))
