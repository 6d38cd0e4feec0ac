"""Large synthetic incident tables for the benchmark, generated vectorised (no per-row Python)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
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


def _days(last_day: date) -> pd.DatetimeIndex:
    return pd.date_range("2015-01-01", last_day, freq="D")


def _on_days(days: pd.DatetimeIndex, per_day: np.ndarray, first_id: int, rng: np.random.Generator,
             districts: dict | None) -> pd.DataFrame:
    """per_day[i] incidents on days[i], in time order, numbered from first_id."""
    n = int(per_day.sum())
    day_index = np.repeat(np.arange(len(days)), per_day)
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
    order = np.argsort(when, kind="stable")
    frame = pd.DataFrame({
        "incident_id": np.arange(first_id, first_id + n, dtype=np.int64),
        "occurred_at": when[order],
        "type": kinds[order],
        "district_code": codes[order],
        "lon": lon[order],
        "lat": lat[order],
        "casualties": np.where(kinds.codes[order] == 2, 1, 0).astype(np.int32),
        "fine_yuan": np.where(kinds.codes[order] == 3, 200.0, np.nan),
        "provenance": pd.Categorical.from_codes(np.zeros(n, dtype=np.int8), categories=["illustrative"]),
    })
    return frame


def incidents(n: int, rng: np.random.Generator, last_day: date, districts: dict | None = None) -> pd.DataFrame:
    days = _days(last_day)
    return _on_days(days, rng.multinomial(n, _season_weight(days)), 1, rng, districts)


def write_incidents(path: Path, n: int, rng: np.random.Generator, last_day: date, districts: dict | None = None,
                    rows_per_piece: int = 4_000_000) -> None:
    """n incidents written to Parquet a run of days at a time: the file is in time order and ids rise with time, and
    100 M rows never sit in memory at once."""
    days = _days(last_day)
    per_day = rng.multinomial(n, _season_weight(days))
    piece = np.cumsum(per_day) // rows_per_piece  # consecutive days share a piece until it holds rows_per_piece
    writer, next_id = None, 1
    try:
        for k in np.unique(piece):
            which = piece == k
            table = pa.Table.from_pandas(_on_days(days[which], per_day[which], next_id, rng, districts), preserve_index=False)
            writer = writer or pq.ParquetWriter(path, table.schema)
            writer.write_table(table, row_group_size=1_000_000)
            next_id += table.num_rows
    finally:
        if writer:
            writer.close()
