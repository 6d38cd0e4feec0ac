"""Fireworks domain functions: each takes the Database and returns a DataFrame or plain values."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd

from lyg import lunar, vocab
from lyg.db import Database
from lyg.fireworks.load import rules_from_frames
from lyg.fireworks.rules import BanRules
from lyg.geo import from_wkb

PERIODS = ("全部", "禁放前（2015–2018）", "首个通告期（2019-02-20 至 2022-01-27）", "全时段禁放期（2022-01-28 起）")
CELL_DEG = 0.01  # the incident map's grid cell, about 1 km; lyg/sql/derived.sql rolls incidents up by this cell
CHECK_HOUR = 23  # the checker opens on the night that matters most: 除夕, late evening


def rules(db: Database) -> BanRules:
    """The rule engine for the database as it is now (built once per database file and shared)."""
    return db.memo(("fireworks.rules",), lambda: rules_from_frames(
        db.query("fireworks.notices"), db.query("fireworks.zones"), db.query("fireworks.places"), db.query("meta.units"),
        db.query("fireworks.coverage")), live=False)  # notices and zones are not ingested


def as_of(db: Database) -> date:
    return pd.Timestamp(db.query("fireworks.incident_range")["last_at"].iat[0]).date()


def notices(db: Database) -> pd.DataFrame:
    return db.query("fireworks.notices")


def notice_name(doc_number, title) -> str:
    """A notice as a reader names it: its document number, or its title when it has none."""
    return doc_number if isinstance(doc_number, str) and doc_number else title


def notice_titles(notices_frame: pd.DataFrame, tr) -> dict[str, str]:
    """Each notice as a reader names it: document number (or title when it has none), first day, 推定 when assumed."""
    out = {}
    for r in notices_frame.itertuples():
        name = notice_name(r.doc_number, r.title)
        start = f"{pd.Timestamp(r.effective_from):%Y-%m-%d}" + (tr("fw.assumed") if r.effective_from_assumed else "")
        out[r.notice_id] = tr("fw.notice_line", title=tr.value(name), start=start)
    return out


def zones(db: Database) -> pd.DataFrame:
    """Every notice's zones with their geometry, dates and time rule."""
    return db.query("fireworks.zones")


def places(db: Database) -> pd.DataFrame:
    """Always-banned places with their category, basis, listing notices and provenance."""
    return db.query("fireworks.places")


def statistics(db: Database) -> pd.DataFrame:
    """The press conference's totals for before the ban, as stated (real)."""
    return db.query("fireworks.statistics")


def zones_in_force(db: Database, day: date) -> pd.DataFrame:
    """Zones of the notice in force on a day (a later notice supersedes an earlier one)."""
    notice = rules(db).notice_on(day)
    frame = db.query("fireworks.zones")
    return frame[frame["notice_id"] == notice.notice_id] if notice else frame.iloc[0:0]


def zones_geojson(db: Database, day: date) -> dict:
    """The zones in force on a day as GeoJSON, saying which outlines are approximate and where zones were never drawn."""
    features = []
    for r in zones_in_force(db, day).itertuples():
        features.append({"type": "Feature", "geometry": from_wkb(r.geometry).__geo_interface__, "properties": {
            "zone_id": r.zone_id, "notice_id": r.notice_id, "name": r.name, "unit": r.unit_name,
            "roads": r.roads, "approximate": bool(r.approximate), "area_km2": round(float(r.area_km2), 3),
            "time_rule": r.time_rule, "provenance": "real"}})  # the roads are the notice's; "approximate" flags the outline
    notice = rules(db).notice_on(day)
    coverage = db.query("fireworks.coverage")
    undrawn = coverage[(coverage["notice_id"] == (notice.notice_id if notice else "")) & (coverage["zones_status"] != "drawn")]
    return {"type": "FeatureCollection", "crs_note": "WGS84 (EPSG:4326)", "on": day.isoformat(),
            "notice_effective_from_assumed": bool(notice.effective_from_assumed) if notice else None,
            "not_digitised": [{"unit": r.unit_name, "status": r.zones_status, "note": r.note} for r in undrawn.itertuples()],
            "features": features}


def period_bounds(period: str, last: date) -> tuple[datetime, datetime]:
    """[start, end) of a named period; the end is the day after the as-of date."""
    end = datetime.combine(last + timedelta(days=1), datetime.min.time())
    bounds = {
        PERIODS[0]: (datetime(2015, 1, 1), end),
        PERIODS[1]: (datetime(2015, 1, 1), datetime(2019, 1, 1)),
        PERIODS[2]: (datetime(2019, 2, 20), datetime(2022, 1, 28)),
        PERIODS[3]: (datetime(2022, 1, 28), end),
    }
    if period not in bounds:
        raise ValueError(f"未知时期：{period}")
    return bounds[period]


def _types(types) -> list[str]:
    chosen = list(types) if types else list(vocab.INCIDENT_TYPES)
    unknown = [t for t in chosen if t not in vocab.INCIDENT_TYPES]
    if unknown:
        raise ValueError(f"未知事件类型：{'、'.join(unknown)}")
    return chosen


def whole_months(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """[first, last) of the calendar months that lie wholly inside [start, end); first == last == end when none does."""
    first = start if (start.day, start.time()) == (1, datetime.min.time()) else _next_month(start)
    last = datetime(end.year, end.month, 1)
    return (first, last) if first < last else (end, end)


def _next_month(moment: datetime) -> datetime:
    return datetime(moment.year + moment.month // 12, moment.month % 12 + 1, 1)


def incident_grid(db: Database, start: datetime, end: datetime, types=None) -> pd.DataFrame:
    """Incidents in [start, end) by map cell of CELL_DEG (the cell of the build's monthly rollup, fw_cells_monthly)."""
    first_month, end_month = whole_months(start, end)
    return db.query("fireworks.incident_grid", start=start, end=end, first_month=first_month, end_month=end_month,
                    types=_types(types), cell=CELL_DEG)


def situation_grid(db: Database) -> pd.DataFrame:
    """Every incident of the twelve months up to the as-of date, by map cell: the overview's and the wall's map."""
    start, end = period_bounds(PERIODS[0], as_of(db))
    return incident_grid(db, max(start, end - timedelta(days=365)), end)


def default_check_moment(db: Database) -> datetime:
    """The checker's first question: the latest 除夕 on or before the as-of date, at 23:00."""
    day = as_of(db)
    eve = lunar.chuxi(day.year) if lunar.chuxi(day.year) <= day else lunar.chuxi(day.year - 1)
    return datetime.combine(eve, datetime.min.time()).replace(hour=CHECK_HOUR)


def by_year_type(db: Database, types=None) -> pd.DataFrame:
    return db.query("fireworks.by_year_type", types=_types(types))


def season_profile(db: Database, types=None, window: int = 20) -> pd.DataFrame:
    """Daily incidents around 除夕, with the regime each Spring-Festival season fell under."""
    frame = db.query("fireworks.season_profile", types=_types(types), window=window)
    frame["regime"] = frame["season_year"].map(season_regime)
    return frame


def season_regime(season_year: int) -> str:
    """Which rule governed a Spring-Festival season (除夕 of that year)."""
    if season_year <= 2019:  # the 2019 festival (2019-02-04) came before the first notice took effect
        return "禁放前"
    return "限时段禁放" if season_year <= 2021 else "全时段禁放"


def season_comparison(db: Database, types=None, window: int = 20) -> pd.DataFrame:
    """Average incidents per season day, by regime: the before/after picture aligned on the lunar calendar."""
    profile = season_profile(db, types, window)
    seasons = profile.groupby("regime")["season_year"].nunique()
    summed = profile.groupby(["regime", "days_from_chuxi"], as_index=False)["incidents"].sum()
    summed["per_season"] = summed["incidents"] / summed["regime"].map(seasons)
    return summed


def by_district(db: Database, start: datetime, end: datetime, types=None) -> pd.DataFrame:
    """Incidents per district and type in [start, end); whole days, as the daily rollup answers them."""
    if any(pd.Timestamp(t) != pd.Timestamp(t).normalize() for t in (start, end)):
        raise ValueError(f"时期应以整日为界：{start} 至 {end}")
    return db.query("fireworks.by_district", start=start, end=end, types=_types(types))


def inside_outside(db: Database, types=None, window: int = 30) -> pd.DataFrame:
    """Season incidents inside versus outside the zones; only seasons whose window lies within the data."""
    frame = db.query("fireworks.inside_outside", types=_types(types), window=window)
    last = as_of(db)
    complete = [y for y in frame["season_year"].unique() if lunar.chuxi(int(y)) + timedelta(days=window) <= last]
    frame = frame[frame["season_year"].isin(complete)].copy()
    frame["where"] = frame["in_ban_zone"].map({True: "禁放区域内", False: "禁放区域外"}).fillna(vocab.ZONE_UNKNOWN)
    return frame


def survey(db: Database) -> pd.DataFrame:
    return db.query("fireworks.survey")


def zone_growth(db: Database) -> pd.DataFrame:
    return db.query("fireworks.zone_growth")


SEASON_WINDOW = 20  # the Spring-Festival season: this many days either side of 除夕


def in_season(days_from_chuxi: int) -> bool:
    """Whether a night lies in the Spring-Festival season, when the live map and the latest reports are opened unasked."""
    return abs(days_from_chuxi) <= SEASON_WINDOW


def season_vs_previous(db: Database, district: str = "") -> dict:
    """This Spring-Festival season's incidents (±20 days of 除夕) against the previous season, on the same lunar days."""
    last = as_of(db)
    frame = db.query("fireworks.season_counts", window=SEASON_WINDOW, district=district).set_index("season_year")["incidents"]
    season = max(y for y in frame.index if lunar.chuxi(int(y)) - timedelta(days=SEASON_WINDOW) <= last)
    this, previous = int(frame.get(season, 0)), int(frame.get(season - 1, 0))
    change = 100.0 * (this - previous) / previous if previous else None
    return {"season_year": int(season), "this": this, "previous": previous, "change_pct": change}


def zone_spikes(db: Database, ratio: float = 1.5, minimum: int = 10) -> pd.DataFrame:
    """Zones whose incidents this season exceed `ratio` × their average over the previous seasons."""
    frame = db.query("fireworks.zone_season_counts", window=SEASON_WINDOW)
    return spikes(frame, season_vs_previous(db)["season_year"], ratio, minimum)


def spikes(frame: pd.DataFrame, season: int, ratio: float = 1.5, minimum: int = 10) -> pd.DataFrame:
    """From per-zone season counts: zones with at least `minimum` incidents in `season` and more than `ratio` × the
    mean of their earlier seasons (a zone with no earlier season has no baseline and never spikes)."""
    rows = []
    for zone_id, part in frame.groupby("zone_id"):
        now = part[part["season_year"] == season]["incidents"].sum()
        before = part[part["season_year"] < season]["incidents"]
        baseline = before.mean() if len(before) else None
        if baseline and now >= minimum and now > ratio * baseline:
            first = part.iloc[0]
            rows.append({"zone_id": zone_id, "zone_name": first["zone_name"], "district_code": first["district_code"],
                         "parent_code": first["parent_code"], "season_year": season, "incidents": int(now),
                         "baseline": float(baseline), "ratio": float(now / baseline)})
    return pd.DataFrame(rows, columns=["zone_id", "zone_name", "district_code", "parent_code", "season_year", "incidents", "baseline", "ratio"])


NIGHT_STARTS = 18  # a night of fireworks runs from 18:00 to 06:00


def latest_moment(db: Database) -> datetime:
    """The newest incident's time: "now" for the live view (the data's clock, so a replay or the sample reads true)."""
    return pd.Timestamp(db.query("fireworks.incident_range")["last_at"].iat[0]).to_pydatetime()


def latest_reports(db: Database, limit: int = 20) -> pd.DataFrame:
    return db.query("fireworks.latest_reports", limit=limit)


LIVE_HOURS, NEW_MINUTES, LIVE_POINTS = 6, 15, 5000  # the live map: the last 6 hours, the last 15 minutes as new


def recent(db: Database, hours: int = LIVE_HOURS, new_minutes: int = NEW_MINUTES, limit: int = LIVE_POINTS) -> pd.DataFrame:
    """The last `hours` of incidents up to the newest (at most `limit`, newest first), with `new` for those of the last
    `new_minutes`: the points of the live map."""
    now = latest_moment(db)
    frame = db.query("fireworks.recent_points", start=now - timedelta(hours=hours), end=now, limit=limit)
    return frame.assign(new=frame["occurred_at"] >= pd.Timestamp(now - timedelta(minutes=new_minutes)))


def tonight(db: Database) -> dict:
    """Tonight so far (from 18:00 up to the newest report) against the same lunar night, same hours, of every earlier
    season: the count, last season's, and the earlier seasons' mean."""
    now = latest_moment(db)
    start = datetime.combine(now.date() - timedelta(days=1 if now.hour < NIGHT_STARTS - 12 else 0), datetime.min.time()) \
        + timedelta(hours=NIGHT_STARTS)
    start = start if start <= now else start - timedelta(days=1)
    season = lunar.days_from_chuxi(pd.Series([pd.Timestamp(start)])).iloc[0]
    offset = int(season["days_from_chuxi"])
    elapsed = now - start + timedelta(seconds=1)  # the newest report itself counts
    earlier = {}
    for year in range(int(season["season_year"]) - 1, 2014, -1):
        begin = same_night(year, offset)
        earlier[year] = _count(db, begin, begin + elapsed)
    return {"start": start, "now": now, "this": _count(db, start, start + elapsed), "days_from_chuxi": offset,
            "season_year": int(season["season_year"]), "previous": earlier.get(int(season["season_year"]) - 1),
            "earlier_mean": sum(earlier.values()) / len(earlier) if earlier else None, "earlier": earlier}


def same_night(season_year: int, days_from_chuxi: int) -> datetime:
    """18:00 of the night that lies days_from_chuxi days from that season's 除夕: the same lunar night in another year."""
    return datetime.combine(lunar.chuxi(season_year) + timedelta(days=days_from_chuxi), datetime.min.time()) + timedelta(hours=NIGHT_STARTS)


def _count(db: Database, start: datetime, end: datetime) -> int:
    return int(db.query("fireworks.count_between", start=start, end=end)["incidents"].iat[0])


TONIGHT_RATIO, TONIGHT_MINIMUM = 2.0, 10  # a district's night runs hot at twice its usual count, and at least 10 reports


def tonight_hot_districts(db: Database, ratio: float = TONIGHT_RATIO, minimum: int = TONIGHT_MINIMUM) -> pd.DataFrame:
    """Districts whose reports tonight (18:00 to the newest report) exceed `ratio` × their mean over the same lunar night
    and hours of earlier seasons, with at least `minimum` reports (district_code, incidents, baseline, ratio, and the
    night: the date its 18:00 falls on)."""
    night = tonight(db)
    elapsed = night["now"] - night["start"] + timedelta(seconds=1)
    now = db.query("fireworks.count_by_district_between", start=night["start"], end=night["start"] + elapsed).set_index("district_code")["incidents"]
    earlier = []
    for year in night["earlier"]:
        begin = same_night(year, night["days_from_chuxi"])
        earlier.append(db.query("fireworks.count_by_district_between", start=begin, end=begin + elapsed).set_index("district_code")["incidents"])
    seasons = max(len(earlier), 1)
    baseline = pd.concat(earlier, axis=1).fillna(0).sum(axis=1) / seasons if earlier else pd.Series(dtype=float)
    rows = [{"district_code": code, "night": night["start"].date(), "incidents": int(n), "baseline": float(baseline.get(code, 0.0)),
             "ratio": n / baseline.get(code, 0.0) if baseline.get(code, 0.0) else None}
            for code, n in now.items() if n >= minimum and n > ratio * baseline.get(code, 0.0)]
    return pd.DataFrame(rows, columns=["district_code", "night", "incidents", "baseline", "ratio"])
