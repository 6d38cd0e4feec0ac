"""`python -m lyg fireworks check|zones`: the rule engine for integration and checking."""
from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

from lyg import vocab
from lyg.build import ensure_built
from lyg.db import Database
from lyg.fireworks import analysis
from lyg.geo import CITY_BOUNDS
from lyg.i18n import translator


class InputError(ValueError):
    pass


def parse_point(lon: str, lat: str) -> tuple[float, float]:
    try:
        x, y = float(lon), float(lat)
    except ValueError:
        raise InputError(f"经纬度应为数字：{lon} {lat}") from None
    if not (-180 <= x <= 180 and -90 <= y <= 90):
        raise InputError(f"经纬度超出有效范围（经度 -180～180，纬度 -90～90）：{lon} {lat}")
    return x, y


def parse_local_time(text: str) -> datetime:
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    raise InputError(f"时间无效，应为“YYYY-MM-DD HH:MM”（北京时间）的真实日期：{text}")


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"日期无效，应为 YYYY-MM-DD：{text}") from None


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def run(args, settings) -> int:
    db_path, data_dir = Path(settings.db_path), Path(settings.data_dir)
    try:
        if args.fw_command == "check":
            lon, lat = parse_point(args.lon, args.lat)
            when = parse_local_time(args.when)
        else:
            day = parse_day(args.on) if args.on else None
    except InputError as exc:
        return _fail(str(exc))
    ensure_built(data_dir, db_path)
    db = Database(db_path)
    if args.fw_command == "check":
        tr = translator(settings.language)  # LYG_LANGUAGE=en gives the verdict in English
        verdict = analysis.rules(db).check(lon, lat, when, tr, getattr(args, "kind", None) or vocab.ORDINARY_KIND)
        if not (CITY_BOUNDS[0] <= lon <= CITY_BOUNDS[2] and CITY_BOUNDS[1] <= lat <= CITY_BOUNDS[3]):
            verdict["summary"] = tr("ban_rule.outside_city")
        print(json.dumps(verdict, ensure_ascii=False, indent=2))
        return 0
    day = day or analysis.as_of(db)
    print(json.dumps(analysis.zones_geojson(db, day), ensure_ascii=False))
    return 0
