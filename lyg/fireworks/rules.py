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
from lyg.vocab import ORDINARY_KIND

NIGHT_START, NIGHT_END = 22, 6


REGULATION_FROM = date(2006, 1, 21)  # 《烟花爆竹安全管理条例》(国务院令第455号) in force: Article 30 items 一–六 apply from here
ITEM_SEVEN = "（七）"  # places a local government names: banned only while a notice that lists them is in force
NEAR_EDGE_M = 300.0  # within this distance of an approximate outline, a verdict depends on where the line is drawn
UNDRAWN = ("partial", "not_found")


@dataclass(frozen=True)
class Notice:
    notice_id: str
    title: str
    doc_number: str | None
    effective_from: date
    effective_to: date | None
    time_rule: str
    adopted_on: date | None = None
    effective_from_assumed: bool = False
    effective_from_note: str = ""
    banned_kinds: tuple[str, ...] | None = None  # the kinds citizens may not set off; None: not verified in the notice

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    def start_unknown_on(self, day: date) -> bool:
        """Adopted, but whether it applied yet is unknown: its first day is assumed, not published."""
        return self.effective_from_assumed and self.adopted_on is not None and self.adopted_on <= day < self.effective_from

    def label(self, tr: Translator = ZH) -> str:
        return tr("ban_rule.notice_label", title=tr.value(self.title)) + (tr("ban_rule.doc_number", number=tr.value(self.doc_number))
                                                                      if self.doc_number else "")


@dataclass
class Area:
    area_id: str
    name: str
    geometry: shapely.Geometry
    detail: str  # roads for a zone, category for a place, name for a unit
    notice_id: str | None = None
    legal_basis: str = ""
    approximate: bool = True
    listed_by: tuple[str, ...] = ()  # notices that list a place
    provenance: str = "real"
    _prepared: object = field(default=None, repr=False)

    def contains(self, lon: float, lat: float) -> bool:
        if self._prepared is None:
            self._prepared = prep(self.geometry)
        return self._prepared.contains(shapely.Point(lon, lat))

    def near_edge(self, lon: float, lat: float, metres: float = NEAR_EDGE_M) -> bool:
        """Within `metres` of the outline (degrees scaled at this latitude; enough for a few hundred metres)."""
        scale = 111_320.0 * np.cos(np.radians(lat))
        return self.geometry.boundary.distance(shapely.Point(lon, lat)) * scale <= metres

    @property
    def item_seven(self) -> bool:
        return self.detail.startswith(ITEM_SEVEN)


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
    """Notices, their zones, the always-banned places, the urban units and how far each notice's zones
    could be drawn in each unit, ready to answer banned / not banned / unknown."""

    def __init__(self, notices: list[Notice], zones: list[Area], places: list[Area], urban_area,
                 units: list[Area] = (), coverage: dict[tuple[str, str], tuple[str, str]] | None = None, city_area=None):
        self.notices = sorted(notices, key=lambda n: n.effective_from)
        self.zones = zones
        self.places = places
        self.urban_area = urban_area
        self.units = list(units)  # urban districts and functional zones (area_id = unit code)
        self.coverage = coverage or {}  # (notice_id, unit_code) -> (zones_status, note)
        self._urban_prepared = prep(urban_area)
        self._city_prepared = prep(city_area if city_area is not None else urban_area)

    def notice_on(self, day: date) -> Notice | None:
        """The notice in force on a day; a later notice supersedes an earlier one from its first day."""
        current = [n for n in self.notices if n.in_force(day)]
        return current[-1] if current else None

    def pending_on(self, day: date) -> Notice | None:
        """A notice adopted but whose (assumed) first day has not come: whether it applied is unknown."""
        return next((n for n in self.notices if n.start_unknown_on(day)), None)

    def zones_of(self, notice_id: str) -> list[Area]:
        return [z for z in self.zones if z.notice_id == notice_id]

    def place_applies(self, place: Area, day: date) -> bool | None:
        """Items 一–六 from the Regulation's first day; item 七 only while a notice listing the place is in force."""
        if not place.item_seven:
            return day >= REGULATION_FROM
        notice = self.notice_on(day)
        if notice is not None and notice.notice_id in place.listed_by:
            return True
        pending = self.pending_on(day)
        return None if pending is not None and pending.notice_id in place.listed_by else False

    def undrawn_units(self, notice_id: str, lon: float, lat: float) -> list[tuple[Area, str, str]]:
        """Units holding the point whose zones under this notice were not (all) digitised."""
        out = []
        for unit in self.units:
            status, note = self.coverage.get((notice_id, unit.area_id), ("drawn", ""))
            if status in UNDRAWN and unit.contains(lon, lat):
                out.append((unit, status, note))
        return out

    def check(self, lon: float, lat: float, when: datetime, tr: Translator = ZH, kind: str = ORDINARY_KIND) -> dict:
        """Banned True / False / None (unknown), with every reason, every unknown and every caveat in plain words.
        kind: what is set off (vocab.PRODUCT_KINDS); a kind the notice bans is banned in its zones at any hour."""
        day = when.date()
        reasons, unknowns, used = [], [], []
        for place in self.places:
            if not place.contains(lon, lat):
                continue
            applies = self.place_applies(place, day)
            if applies:
                used.append(place)
                reasons.append({"kind": "place", "place_id": place.area_id, "name": place.name, "category": place.detail,
                                "legal_basis": place.legal_basis, "approximate": place.approximate, "provenance": place.provenance,
                                "text": tr("ban_rule.place", name=place.name, category=tr.value(place.detail), basis=place.legal_basis)})
            elif applies is None:
                unknowns.append(tr("ban_rule.unknown_listing", name=place.name, notice=self.pending_on(day).label(tr)))
        in_urban = bool(self._urban_prepared.contains(shapely.Point(lon, lat)))
        notice = self.notice_on(day) if in_urban else None
        pending = self.pending_on(day) if in_urban and notice is None else None
        zone = next((z for z in self.zones_of(notice.notice_id) if z.contains(lon, lat)), None) if notice else None
        if zone and in_ban_hours(notice.time_rule, when):
            used.append(zone)
            rule = tr(f"ban_rule.rule.{notice.time_rule}")
            reasons.append({"kind": "zone", "notice_id": notice.notice_id, "notice": notice.label(tr),
                            "zone_id": zone.area_id, "zone": zone.name, "roads": zone.detail, "time_rule": rule,
                            "approximate": zone.approximate, "provenance": zone.provenance,
                            "text": tr("ban_rule.zone", zone=tr.value(zone.name), roads=zone.detail, rule=rule, notice=notice.label(tr))})
        if pending is not None and in_ban_hours(pending.time_rule, when) and self._may_be_zoned(pending, lon, lat):
            unknowns.append(tr("ban_rule.unknown_start", notice=pending.label(tr), adopted=tr.date(pending.adopted_on),
                               assumed=tr.date(pending.effective_from)))
        if notice is not None and zone is None and in_ban_hours(notice.time_rule, when):
            for unit, status, _note in self.undrawn_units(notice.notice_id, lon, lat):
                unknowns.append(tr(f"ban_rule.unknown_{status}", unit=tr.value(unit.name), notice=notice.label(tr)))
        if not in_urban:
            unknowns.append(tr("ban_rule.unknown_county") if self._in_city(lon, lat) else tr("ban_rule.outside_city"))
        if kind != ORDINARY_KIND and notice is not None:
            self._kind_rule(notice, zone, kind, reasons, unknowns, used, tr)
        banned = True if reasons else None if unknowns else False
        approximate = any(a.approximate for a in used) or self._near_approximate(lon, lat, notice or pending)
        sample = any(a.provenance == "illustrative" for a in used)
        caveats = self._caveats(notice or pending, approximate, sample, banned, tr)
        return {
            "lon": lon, "lat": lat, "local_time": when.strftime("%Y-%m-%d %H:%M"), "product_kind": kind,
            "banned": banned, "verdict": {True: "banned", False: "not_banned", None: "unknown"}[banned],
            "in_urban_area": in_urban,
            "notice_in_force": notice.label(tr) if notice else None,
            "zone": zone.name if zone else None,
            "reasons": reasons, "unknowns": unknowns if banned is None else [], "caveats": caveats,
            "approximate": approximate, "provenance": "illustrative" if sample else "real",
            "penalty": tr("ban_rule.penalty") if reasons else None,
            "summary": _summary(banned, in_urban, notice, zone, when, tr, unknowns),
            "allowed_because": _allowed_because(banned, notice, zone, when),
        }

    @staticmethod
    def _kind_rule(notice: Notice, zone: Area | None, kind: str, reasons: list, unknowns: list, used: list, tr: Translator) -> None:
        """The notice's banned kinds. Where the notice's own text on kinds was not found, or outside its zones (the
        press conference does not say the kinds clause reaches further), the answer is unknown, never "allowed"."""
        if notice.banned_kinds is None:
            unknowns.append(tr("ban_rule.kind_unverified", kind=tr.value(kind), notice=notice.label(tr)))
        elif kind in notice.banned_kinds and zone is not None:
            used.append(zone)
            reasons.append({"kind": "product", "notice_id": notice.notice_id, "product": kind, "zone_id": zone.area_id,
                            "approximate": zone.approximate, "provenance": zone.provenance,
                            "text": tr("ban_rule.product", kind=tr.value(kind), zone=tr.value(zone.name), notice=notice.label(tr))})
        elif kind in notice.banned_kinds:
            unknowns.append(tr("ban_rule.kind_outside_zone", kind=tr.value(kind), notice=notice.label(tr)))

    def _may_be_zoned(self, notice: Notice, lon: float, lat: float) -> bool:
        """Inside one of the notice's drawn zones, or in a unit where its zones could not be drawn."""
        return any(z.contains(lon, lat) for z in self.zones_of(notice.notice_id)) or bool(self.undrawn_units(notice.notice_id, lon, lat))

    def _in_city(self, lon: float, lat: float) -> bool:
        return bool(self._city_prepared.contains(shapely.Point(lon, lat)))

    def _near_approximate(self, lon: float, lat: float, notice: Notice | None) -> bool:
        candidates = list(self.places) + (self.zones_of(notice.notice_id) if notice else [])
        return any(a.approximate and a.near_edge(lon, lat) for a in candidates)

    def _caveats(self, notice: Notice | None, approximate: bool, sample: bool, banned: bool | None, tr: Translator) -> list[str]:
        out = []
        if approximate:
            out.append(tr("ban_rule.caveat_approximate", metres=int(NEAR_EDGE_M)))
        if notice is not None and notice.effective_from_assumed:
            out.append(tr("ban_rule.caveat_assumed", notice=notice.label(tr), day=tr.date(notice.effective_from),
                          note=tr.value(notice.effective_from_note)))
        if sample:
            out.append(tr("ban_rule.caveat_sample_place"))
        if banned is False:
            out.append(tr("ban_rule.caveat_places", n=len(self.places)))
        return out

    def classify(self, lon: np.ndarray, lat: np.ndarray, when: pd.Series) -> pd.DataFrame:
        """Vectorised: for each point-time, the notice in force, its zone, whether ban hours apply, and what is unknown.

        in_ban_zone and banned are nullable: unknown where the point lies in a unit whose zones under the notice in
        force were not (all) digitised, or in the urban area while an adopted notice's assumed first day is pending.
        """
        n = len(lon)
        notice_code = np.full(n, -1, dtype=np.int16)
        zone_code = np.full(n, -1, dtype=np.int16)
        ban_hours = np.zeros(n, dtype=bool)
        unknown = np.zeros(n, dtype=bool)  # whether the point is in a zone of the notice (in force or pending) is unknown
        unknown_place = np.zeros(n, dtype=bool)  # in an item 七 place whose listing notice's start is unknown
        days = when.dt.normalize().to_numpy()
        urban = _within(self.urban_area, lon, lat)
        inside = {a.area_id: _within(a.geometry, lon, lat) for a in self.places + self.units}  # each shape tested once
        in_place = np.zeros(n, dtype=bool)
        for place in self.places:
            if not place.item_seven:
                in_place |= inside[place.area_id] & (days >= np.datetime64(REGULATION_FROM, "ns"))
        zone_ids = []
        for i, notice in enumerate(self.notices):
            active = _active(notice, days)
            notice_code[active] = i
            pending = np.zeros(n, dtype=bool)
            if notice.effective_from_assumed and notice.adopted_on:
                pending = (days >= np.datetime64(notice.adopted_on, "ns")) & (days < np.datetime64(notice.effective_from, "ns")) & urban
            scope = active | pending
            may_be_zoned = np.zeros(n, dtype=bool)
            for zone in self.zones_of(notice.notice_id):
                in_zone_now = _within(zone.geometry, lon, lat)
                zone_code[active & in_zone_now] = len(zone_ids)
                zone_ids.append(zone.area_id)
                may_be_zoned |= in_zone_now
            ban_hours[scope] = _ban_hours_vector(notice.time_rule, when[scope])
            for place in self.places:
                if place.item_seven and notice.notice_id in place.listed_by:
                    in_place |= active & inside[place.area_id]
                    unknown_place |= pending & inside[place.area_id] & (notice_code < 0)
            for unit in self.units:
                if self.coverage.get((notice.notice_id, unit.area_id), ("drawn",))[0] in UNDRAWN:
                    unknown |= active & (zone_code < 0) & inside[unit.area_id]
                    may_be_zoned |= inside[unit.area_id]
            unknown |= pending & (notice_code < 0) & may_be_zoned
        in_zone = pd.array(zone_code >= 0, dtype="boolean")
        in_zone[unknown] = pd.NA
        place_flag = pd.array(in_place, dtype="boolean")
        place_flag[unknown_place & ~in_place] = pd.NA
        banned = place_flag | (in_zone & pd.array(ban_hours, dtype="boolean"))
        return pd.DataFrame({
            "notice_id": pd.Categorical.from_codes(notice_code, categories=[n.notice_id for n in self.notices]),
            "zone_id": pd.Categorical.from_codes(zone_code, categories=zone_ids),
            "in_ban_zone": in_zone, "in_always_banned_place": in_place, "during_ban_hours": ban_hours,
            "banned": banned,
        })


def _active(notice: Notice, days: np.ndarray) -> np.ndarray:
    active = days >= np.datetime64(notice.effective_from, "ns")
    if notice.effective_to:
        active &= days <= np.datetime64(notice.effective_to, "ns")
    return active


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


def _summary(banned: bool | None, in_urban: bool, notice: Notice | None, zone: Area | None, when: datetime,
             tr: Translator = ZH, unknowns: list[str] = ()) -> str:
    if banned:
        return tr("fw.banned")
    if banned is None:
        return tr("ban_rule.unknown", why=tr("ban_rule.sentence_sep").join(unknowns))
    if notice is None:
        return tr("ban_rule.no_notice", day=tr.date(when.date()))
    if zone is None:
        return tr("ban_rule.outside_zone", notice=notice.label(tr))
    festival = _festival_of_night(when)
    if festival and NIGHT_END <= when.hour < NIGHT_START:
        festival = None
    rule = tr(f"ban_rule.rule.{notice.time_rule}")
    if festival:
        return tr("ban_rule.festival", zone=tr.value(zone.name), festival=tr.value(festival), rule=rule)
    return tr("ban_rule.outside_hours", zone=tr.value(zone.name), rule=rule)


def _allowed_because(banned: bool | None, notice: Notice | None, zone: Area | None, when: datetime) -> str | None:
    """Why a point is not banned, for the heading: inside a zone on a festival night or outside its hours says so,
    so "not banned" never hides that the point lies in a ban zone."""
    if banned is not False:
        return None
    if notice is None:
        return "no_notice"
    if zone is None:
        return "outside_zone"
    festival = _festival_of_night(when)
    return "festival" if festival and not NIGHT_END <= when.hour < NIGHT_START else "outside_hours"


def _festival_of_night(when: datetime) -> str | None:
    """The lunar festival whose day or night covers this time, if any."""
    for day in (when.date(), when.date() - timedelta(days=1) if when.hour < NIGHT_END else when.date()):
        name = lunar.festival_days(day.year).get(day)
        if name:
            return name
    return None
