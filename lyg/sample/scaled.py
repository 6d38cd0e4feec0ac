"""Large synthetic incident tables for the benchmark, generated vectorised (no per-row Python)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from lyg import vocab
from lyg.sample.fireworks import HOTSPOTS, _hour_profile, _season_weight

TYPE_WEIGHTS = np.array([0.01, 0.03, 0.01, 0.25, 0.70])


def _inside(lon: np.ndarray, lat: np.ndarray, codes: np.ndarray, centres: tuple[np.ndarray, np.ndarray],
            districts: dict) -> tuple[np.ndarray, np.ndarray]:
    """A point drawn outside its district's outline moves to its hotspot's centre (the build refuses strays)."""
    for code, outline in districts.items():
        rows = np.flatnonzero(codes == code)
        if len(rows):
            stray = rows[~shapely.contains_xy(outline, lon[rows], lat[rows])]
            lon[stray], lat[stray] = centres[0][stray], centres[1][stray]
    return lon, lat


def incidents(n: int, rng: np.random.Generator, last_day: date, districts: dict | None = None) -> pd.DataFrame:
    days = pd.date_range("2015-01-01", last_day, freq="D")
    day_index = rng.choice(len(days), size=n, p=_season_weight(days))
    minutes = rng.choice(24, size=n, p=_hour_profile()) * 60 + rng.integers(0, 60, n)
    when = days.to_numpy()[day_index] + (minutes * 60_000_000_000).astype("timedelta64[ns]")
    weights = np.array([h[4] for h in HOTSPOTS])
    spot = rng.choice(len(HOTSPOTS), size=n, p=weights / weights.sum())
    centre_lon = np.array([h[1] for h in HOTSPOTS])[spot]
    centre_lat = np.array([h[2] for h in HOTSPOTS])[spot]
    spread = np.array([h[3] for h in HOTSPOTS])[spot]
    kinds = pd.Categorical.from_codes(rng.choice(len(vocab.INCIDENT_TYPES), size=n, p=TYPE_WEIGHTS / TYPE_WEIGHTS.sum()),
                                      categories=list(vocab.INCIDENT_TYPES))
    codes = pd.Categorical(np.array([h[0] for h in HOTSPOTS])[spot], categories=list(vocab.DISTRICT_NAMES))
    lon = (centre_lon + rng.normal(0, 1, n) * spread).round(5)
    lat = (centre_lat + rng.normal(0, 1, n) * spread).round(5)
    if districts:
        lon, lat = _inside(lon, lat, np.asarray(codes), (centre_lon, centre_lat), districts)
    frame = pd.DataFrame({
        "incident_id": np.arange(1, n + 1, dtype=np.int64),
        "occurred_at": when,
        "type": kinds,
        "district_code": codes,
        "lon": lon,
        "lat": lat,
        "casualties": np.where(kinds.codes == 2, 1, 0).astype(np.int32),
        "fine_yuan": np.where(kinds.codes == 3, 200.0, np.nan),
        "provenance": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=["illustrative"]),
    })
    return frame.sort_values("occurred_at", kind="stable").reset_index(drop=True)


def write_incidents(path: Path, n: int, rng: np.random.Generator, last_day: date, districts: dict | None = None) -> None:
    incidents(n, rng, last_day, districts).to_parquet(path, index=False)
