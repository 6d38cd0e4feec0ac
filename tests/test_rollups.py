"""Each fireworks query that reads the daily rollup answers exactly what a scan of every incident answers."""
from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from lyg import sqlfiles, vocab

# The same questions asked of fw_incidents row by row (the queries as they were before the rollup).
SCANS = {
    "fireworks.by_year_type": """SELECT year(occurred_at) AS year, type, count(*) AS incidents, sum(casualties) AS casualties,
                                        sum(fine_yuan) AS fines_yuan
                                 FROM fw_incidents WHERE list_contains($types, type) GROUP BY ALL ORDER BY year, type""",
    "fireworks.season_profile": """SELECT season_year, days_from_chuxi, count(*) AS incidents FROM fw_incidents
                                   WHERE abs(days_from_chuxi) <= $window AND list_contains($types, type)
                                   GROUP BY ALL ORDER BY season_year, days_from_chuxi""",
    "fireworks.by_district": """SELECT u.name AS district, f.district_code, f.type, count(*) AS incidents
                                FROM fw_incidents f JOIN units u ON u.code = f.district_code
                                WHERE f.occurred_at >= $start AND f.occurred_at < $end AND list_contains($types, f.type)
                                GROUP BY ALL ORDER BY district, type""",
    "fireworks.inside_outside": """SELECT season_year, in_ban_zone, count(*) AS incidents FROM fw_incidents
                                   WHERE list_contains($types, type) AND district_code IN ('320703', '320706', '320707')
                                     AND abs(days_from_chuxi) <= $window
                                   GROUP BY ALL ORDER BY season_year, in_ban_zone""",
    "fireworks.season_counts": """SELECT season_year, count(*) AS incidents FROM fw_incidents
                                  WHERE abs(days_from_chuxi) <= $window AND ($district = '' OR district_code = $district)
                                  GROUP BY ALL ORDER BY season_year""",
    "fireworks.zone_season_counts": """SELECT i.zone_id, z.name AS zone_name, z.district_code, u.parent_code, i.season_year,
                                              count(*) AS incidents
                                       FROM fw_incidents i JOIN fw_zones z USING (zone_id) JOIN units u ON u.code = z.district_code
                                       WHERE abs(i.days_from_chuxi) <= $window GROUP BY ALL ORDER BY i.zone_id, i.season_year""",
}
ALL, SOME = list(vocab.INCIDENT_TYPES), ["交通事故", "违规燃放查处"]
PARAMS = {
    "fireworks.by_year_type": [{"types": ALL}, {"types": SOME}],
    "fireworks.season_profile": [{"types": ALL, "window": 20}, {"types": SOME, "window": 3}],
    "fireworks.by_district": [{"types": ALL, "start": datetime(2015, 1, 1), "end": datetime(2026, 11, 1)},
                              {"types": SOME, "start": datetime(2019, 2, 20), "end": datetime(2022, 1, 28)}],
    "fireworks.inside_outside": [{"types": ALL, "window": 30}, {"types": SOME, "window": 7}],
    "fireworks.season_counts": [{"window": 20, "district": ""}, {"window": 20, "district": "320707"}],
    "fireworks.zone_season_counts": [{"window": 20}, {"window": 5}],
}


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype({c: "float64" for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])})
    return frame.sort_values(list(frame.columns)[:-1] if len(frame.columns) > 1 else list(frame.columns)).reset_index(drop=True)


@pytest.mark.parametrize("name", SCANS)
def test_the_rollup_answers_what_the_scan_answers(db, name):
    assert "fw_daily" in sqlfiles.get(name).sql  # the page's query reads the rollup
    for params in PARAMS[name]:
        db.clear_cache()
        from_rollup = db.query(name, **params)
        from_scan = db.execute(SCANS[name], {p: params[p] for p in sqlfiles.get(name).params})
        assert len(from_rollup) > 0, (name, params)
        pd.testing.assert_frame_equal(_sorted(from_rollup), _sorted(from_scan), check_dtype=False), (name, params)


def test_the_rollup_is_much_smaller_than_the_incidents(db):
    rows = db.execute("SELECT (SELECT count(*) FROM fw_daily) AS rollup, (SELECT count(*) FROM fw_incidents) AS incidents").iloc[0]
    assert 0 < rows["rollup"] < rows["incidents"]


def test_a_period_must_be_whole_days(db):
    from lyg.fireworks import analysis as fw
    with pytest.raises(ValueError):
        fw.by_district(db, datetime(2020, 1, 1, 12, 0), datetime(2021, 1, 1))


GRID_SCAN = """SELECT floor(lon / $cell)::BIGINT * $cell AS lon0, floor(lat / $cell)::BIGINT * $cell AS lat0, count(*) AS incidents
               FROM fw_incidents WHERE occurred_at >= $start AND occurred_at < $end AND list_contains($types, type)
               GROUP BY ALL"""


@pytest.mark.parametrize("start, end", [
    (datetime(2015, 1, 1), datetime(2026, 11, 1)),        # whole months only
    (datetime(2019, 2, 20), datetime(2022, 1, 28)),       # partial months at both ends
    (datetime(2020, 1, 10), datetime(2020, 1, 31)),       # inside one month
    (datetime(2020, 1, 10, 18, 30), datetime(2020, 2, 3, 6)),  # across a month boundary, not whole days
])
def test_the_map_grid_answers_what_the_scan_answers(db, start, end):
    from lyg.fireworks import analysis as fw
    assert "fw_cells_monthly" in sqlfiles.get("fireworks.incident_grid").sql
    for types in (None, SOME):
        db.clear_cache()
        grid = fw.incident_grid(db, start, end, types)
        scan = db.execute(GRID_SCAN, {"cell": fw.CELL_DEG, "start": start, "end": end, "types": list(types or ALL)})
        assert len(grid) > 0
        pd.testing.assert_frame_equal(_sorted(grid), _sorted(scan), check_dtype=False)


def test_whole_months_of_a_period():
    from lyg.fireworks.analysis import whole_months
    assert whole_months(datetime(2019, 2, 20), datetime(2022, 1, 28)) == (datetime(2019, 3, 1), datetime(2022, 1, 1))
    assert whole_months(datetime(2015, 1, 1), datetime(2026, 11, 1)) == (datetime(2015, 1, 1), datetime(2026, 11, 1))
    assert whole_months(datetime(2020, 12, 5), datetime(2021, 1, 20)) == (datetime(2021, 1, 20), datetime(2021, 1, 20))
    assert whole_months(datetime(2020, 11, 5), datetime(2021, 1, 20)) == (datetime(2020, 12, 1), datetime(2021, 1, 1))
