"""The ban rule engine: is setting off fireworks banned at this place and this local time, and why.

Interpretation of the first notice's lunar exceptions: on 除夕, 正月初一 and 正月十五 the night ban
does not apply, and a night that begins on one of those days stays exempt until 06:00 next morning.
Windows cross midnight: 22:00 is banned, 06:00 is not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
import shapely
from shapely.prepared import prep

from lyg import lunar
from lyg.i18n import ZH, Translator

NIGHT_START, NIGHT_END = 22, 6


@dataclass(frozen=True)
class Notice:
    notice_id: str
    title: str
    doc_number: str | None
    effective_from: date
    effective_to: date | None
    time_rule: str

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def label(self, tr: Translator = ZH) -> str:
        return tr("fwr.notice_label", title=tr.value(self.title)) + (tr("fwr.doc_number", number=tr.value(self.doc_number))
                                                                      if self.doc_number else "")


@dataclass
class Area:
    area_id: str
    name: str
    geometry: shapely.Geometry
    detail: str  # roads for a zone, category for a place
    notice_id: str | None = None
    legal_basis: str = ""
    _prepared: object = field(default=None, repr=False)

    def contains(self, lon: float, lat: float) -> bool:
        if self._prepared is None:
            self._prepared = prep(self.geometry)
        return self._prepared.contains(shapely.Point(lon, lat))


def exempt_days(year_range: range) -> set[date]:
    days: set[date] = set()
    for year in year_range:
        days |= set(lunar.festival_days(year))
    return days


def night_ban_applies(when: datetime) -> bool:
    """Whether the 22:00–06:00 rule with lunar exceptions bans this local time."""
    if NIGHT_END <= when.hour < NIGHT_START:
        return False
    night_of = when.date() if when.hour >= NIGHT_START else when.date() - timedelta(days=1)
    exempt = exempt_days(range(night_of.year - 1, night_of.year + 2))
    return night_of not in exempt and when.date() not in exempt


def in_ban_hours(time_rule: str, when: datetime) -> bool:
    return True if time_rule == "all_day" else night_ban_applies(when)


class BanRules:
    """Notices, their zones, the always-banned places and the urban area, ready to answer."""

    def __init__(self, notices: list[Notice], zones: list[Area], places: list[Area], urban_area):
        self.notices = sorted(notices, key=lambda n: n.effective_from)
        self.zones = zones
        self.places = places
        self.urban_area = urban_area
        self._urban_prepared = prep(urban_area)

    def notice_on(self, day: date) -> Notice | None:
        """The notice in force on a day; a later notice supersedes an earlier one from its first day."""
        current = [n for n in self.notices if n.in_force(day)]
        return current[-1] if current else None

    def zones_of(self, notice_id: str) -> list[Area]:
        return [z for z in self.zones if z.notice_id == notice_id]

    def check(self, lon: float, lat: float, when: datetime, tr: Translator = ZH) -> dict:
        """Verdict with every reason, in plain words (Chinese unless tr says otherwise)."""
        reasons = []
        for place in self.places:
            if place.contains(lon, lat):
                reasons.append({"kind": "place", "place_id": place.area_id, "name": place.name,
                                "category": place.detail, "legal_basis": place.legal_basis,
                                "text": tr("fwr.place", name=place.name, category=tr.value(place.detail), basis=place.legal_basis)})
        in_urban = bool(self._urban_prepared.contains(shapely.Point(lon, lat)))
        notice = self.notice_on(when.date()) if in_urban else None
        zone = next((z for z in self.zones_of(notice.notice_id) if z.contains(lon, lat)), None) if notice else None
        if zone and in_ban_hours(notice.time_rule, when):
            rule = tr(f"fwr.rule.{notice.time_rule}")
            reasons.append({"kind": "zone", "notice_id": notice.notice_id, "notice": notice.label(tr),
                            "zone_id": zone.area_id, "zone": zone.name, "roads": zone.detail, "time_rule": rule,
                            "text": tr("fwr.zone", zone=tr.value(zone.name), roads=zone.detail, rule=rule, notice=notice.label(tr))})
        return {
            "lon": lon, "lat": lat, "local_time": when.strftime("%Y-%m-%d %H:%M"),
            "banned": bool(reasons), "in_urban_area": in_urban,
            "notice_in_force": notice.label(tr) if notice else None,
            "zone": zone.name if zone else None,
            "reasons": reasons,
            "penalty": tr("fwr.penalty") if reasons else None,
            "summary": _summary(bool(reasons), in_urban, notice, zone, when, tr),
        }

    def classify(self, lon: np.ndarray, lat: np.ndarray, when: pd.Series) -> pd.DataFrame:
        """Vectorised: for each point-time, the notice in force, its zone, and whether ban hours apply."""
        n = len(lon)
        notice_code = np.full(n, -1, dtype=np.int16)
        zone_code = np.full(n, -1, dtype=np.int16)
        ban_hours = np.zeros(n, dtype=bool)
        in_place = _within_any(self.places, lon, lat)
        days = when.dt.normalize().to_numpy()
        zone_ids = []
        for i, notice in enumerate(self.notices):
            start = np.datetime64(notice.effective_from, "ns")
            active = days >= start
            if notice.effective_to:
                active &= days <= np.datetime64(notice.effective_to, "ns")
            notice_code[active] = i
            for zone in self.zones_of(notice.notice_id):
                zone_code[active & _within(zone.geometry, lon, lat)] = len(zone_ids)
                zone_ids.append(zone.area_id)
            ban_hours[active] = _ban_hours_vector(notice.time_rule, when[active])
        in_zone = zone_code >= 0
        return pd.DataFrame({
            "notice_id": pd.Categorical.from_codes(notice_code, categories=[n.notice_id for n in self.notices]),
            "zone_id": pd.Categorical.from_codes(zone_code, categories=zone_ids),
            "in_ban_zone": in_zone, "in_always_banned_place": in_place, "during_ban_hours": ban_hours,
            "banned": in_place | (in_zone & ban_hours),
        })


def _within(geom, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Points inside a polygon, testing only those inside its bounding box."""
    minx, miny, maxx, maxy = geom.bounds
    near = (lon >= minx) & (lon <= maxx) & (lat >= miny) & (lat <= maxy)
    out = np.zeros(len(lon), dtype=bool)
    if near.any():
        shapely.prepare(geom)
        out[near] = shapely.contains_xy(geom, lon[near], lat[near])
    return out


def _within_any(areas: list[Area], lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    out = np.zeros(len(lon), dtype=bool)
    for area in areas:
        out |= _within(area.geometry, lon, lat)
    return out


def _ban_hours_vector(time_rule: str, when: pd.Series) -> np.ndarray:
    if time_rule == "all_day":
        return np.ones(len(when), dtype=bool)
    hours = when.dt.hour.to_numpy()
    night = (hours >= NIGHT_START) | (hours < NIGHT_END)
    day = when.dt.normalize()
    night_of = day.where(hours >= NIGHT_START, day - pd.Timedelta(days=1))
    years = range(int(day.dt.year.min()) - 1, int(day.dt.year.max()) + 2) if len(day) else range(0)
    exempt = pd.to_datetime(sorted(exempt_days(years)))
    exempted = night_of.isin(exempt).to_numpy() | day.isin(exempt).to_numpy()
    return night & ~exempted


def _summary(banned: bool, in_urban: bool, notice: Notice | None, zone: Area | None, when: datetime, tr: Translator = ZH) -> str:
    if banned:
        return tr("fw.banned")
    if not in_urban:
        return tr("fwr.not_urban")
    if notice is None:
        return tr("fwr.no_notice", day=tr.date(when.date()))
    if zone is None:
        return tr("fwr.outside_zone", notice=notice.label(tr))
    festival = _festival_of_night(when)
    if festival and NIGHT_END <= when.hour < NIGHT_START:
        festival = None
    rule = tr(f"fwr.rule.{notice.time_rule}")
    if festival:
        return tr("fwr.festival", festival=tr.value(festival), rule=rule)
    return tr("fwr.outside_hours", rule=rule)


def _festival_of_night(when: datetime) -> str | None:
    """The lunar festival whose day or night covers this time, if any."""
    for day in (when.date(), when.date() - timedelta(days=1) if when.hour < NIGHT_END else when.date()):
        name = lunar.festival_days(day.year).get(day)
        if name:
            return name
    return None
