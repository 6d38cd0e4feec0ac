"""Write the whole sample data set into a folder, deterministically."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from lyg.sample import bonded, catalog, fireworks, geography, press, programme

SEED = 20181229  # the day of the press conference
LAST_DAY = date(2026, 10, 31)  # the sample data's "as of"


def generate(data_dir: Path, seed: int = SEED, last_day: date = LAST_DAY) -> None:
    """Regenerate every illustrative file; data/districts.geojson (real) must already be there."""
    units = geography.write(data_dir)
    fireworks.write(data_dir, units, np.random.default_rng(seed), last_day)
    bonded.write(data_dir, np.random.default_rng(seed + 1), last_day)
    catalog.write(data_dir, np.random.default_rng(seed + 2), last_day)
    programme.write(data_dir, np.random.default_rng(seed + 3), last_day)
    press.write(data_dir)
