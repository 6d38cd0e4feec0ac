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


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _kinds(value) -> tuple[str, ...] | None:
    """The notice's banned kinds; None when the notice was not checked for them (never "none banned")."""
    text = _text(value)
    return tuple(k for k in text.split(";") if k) or None


def rules_from_frames(notices: pd.DataFrame, zones: pd.DataFrame, places: pd.DataFrame, units: pd.DataFrame,
                      coverage: pd.DataFrame) -> BanRules:
    """units: code, name, kind, in_urban_area, approximate and geometry of every district and functional zone."""
    notice_list = [Notice(r.notice_id, r.title, _text(r.doc_number) or None, _date(r.effective_from), _date(r.effective_to),
                          r.time_rule, _date(r.adopted_on), bool(r.effective_from_assumed), _text(r.effective_from_note),
                          _kinds(getattr(r, "banned_kinds", None)))
                   for r in notices.itertuples()]
    zone_list = [Area(r.zone_id, r.name, _geom(r.geometry), r.roads, notice_id=r.notice_id, approximate=bool(r.approximate))
                 for r in zones.itertuples()]
    place_list = [Area(r.place_id, r.name, _geom(r.geometry), r.category, legal_basis=r.legal_basis, approximate=bool(r.approximate),
                       listed_by=tuple(x for x in _text(r.listed_by).split(";") if x), provenance=r.provenance)
                  for r in places.itertuples()]
    urban = units[units["in_urban_area"].astype(bool)]
    unit_list = [Area(r.code, r.name, _geom(r.geometry), r.name, approximate=bool(r.approximate)) for r in urban.itertuples()]
    districts = units[units["kind"] == "县区"]
    urban_districts = districts[districts["code"].isin(vocab.URBAN_DISTRICTS)]
    cover = {(r.notice_id, r.unit_code): (r.zones_status, _text(r.note)) for r in coverage.itertuples()}
    return BanRules(notice_list, zone_list, place_list, unary_union([_geom(g) for g in urban_districts["geometry"]]),
                    unit_list, cover, unary_union([_geom(g) for g in districts["geometry"]]))
