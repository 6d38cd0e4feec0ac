"""The build: all or nothing, deterministic, and every broken source named by file, row, column and rule."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from lyg.build import build, ensure_built, needs_build
from lyg.contracts import TABLES
from lyg.db import Database
from lyg.validate import ContractError


def _contents(path) -> dict[str, pd.DataFrame]:
    db = Database(path)
    out = {t.name: db.execute(f'SELECT * FROM "{t.name}" ORDER BY ALL') for t in TABLES}
    db.close()
    return out


def test_build_twice_gives_the_same_tables(data_copy, tmp_path):
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    build(data_copy, first)
    build(data_copy, second)
    a, b = _contents(first), _contents(second)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def test_every_contract_table_is_filled(db):
    for table in TABLES:
        assert db.execute(f'SELECT count(*) AS n FROM "{table.name}"')["n"].iat[0] > 0, table.name


def _break_csv(data_dir, stem, edit):
    path = data_dir / f"{stem}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    edit(frame)
    frame.to_csv(path, index=False)


BROKEN = {
    "missing column": ("incidents", lambda f: f.pop("type"), ("incidents.csv", None, "type", "缺少必需的列")),
    "wrong type": ("incidents", lambda f: f.__setitem__("lon", f["lon"].where(f.index != 4, "东经119")), ("incidents.csv", 6, "lon", "不是有效的数值")),
    "duplicate key": ("bonded_targets", lambda f: f.__setitem__("target_year", f["target_year"].where(f.index != 1, "2020")), ("bonded_targets.csv", 3, "indicator_code、target_year", "主键重复")),
    "outside accepted set": ("catalog_entries", lambda f: f.__setitem__("share_type", f["share_type"].where(f.index != 9, "随便共享")), ("catalog_entries.csv", 11, "share_type", "不在允许值之内")),
    "target in an unknown unit": ("bonded_targets", lambda f: f.__setitem__("unit", f["unit"].where(f.index != 3, "千元")),
                                  ("bonded_targets.csv", 5, "unit", "不在允许值之内")),  # the page converts only 亿元, 亿美元 and %
    "out of range": ("dg_progress", lambda f: f.__setitem__("actual_pct", f["actual_pct"].where(f.index != 0, "130")), ("dg_progress.csv", 2, "actual_pct", "大于上限")),
    "impossible date": ("leg_events", lambda f: f.__setitem__("start_on", f["start_on"].where(f.index != 2, "2021-02-30")), ("leg_events.csv", 4, "start_on", "不是有效的日期")),
    "dangling reference": ("bonded_monthly", lambda f: f.__setitem__("block_code", f["block_code"].where(f.index != 7, "B9")), ("bonded_monthly.csv", 9, "block_code", "不存在")),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_source_stops_the_build_and_keeps_the_old_database(case, data_copy, tmp_path):
    stem, edit, (file, row, column, rule) = BROKEN[case]
    db_path = tmp_path / "lyg.duckdb"
    build(data_copy, db_path)
    before = db_path.read_bytes()
    _break_csv(data_copy, stem, edit)
    with pytest.raises(ContractError) as caught:
        build(data_copy, db_path)
    problem = caught.value.problems[0]
    assert (problem.file, problem.row, problem.column) == (file, row, column)
    assert rule in str(problem.rule)
    message = str(caught.value)
    assert file in message and rule in message
    assert db_path.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_bad_geometry_is_named(data_copy, tmp_path):
    path = data_copy / "ban_zones.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["features"][2]["geometry"] = {"type": "Polygon", "coordinates": [[[119.1, 34.5], [119.2, 34.6], [119.2, 34.5], [119.1, 34.6], [119.1, 34.5]]]}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ContractError) as caught:
        build(data_copy, tmp_path / "x.duckdb")
    problem = caught.value.problems[0]
    assert (problem.file, problem.row, problem.column) == ("ban_zones.geojson", 3, "geometry")
    assert "几何无效" in str(problem.rule)
    assert not (tmp_path / "x.duckdb").exists()


def test_geometry_outside_the_city_is_refused(data_copy, tmp_path):
    path = data_copy / "bonded_blocks.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [[[116.4, 39.9], [116.5, 39.9], [116.5, 40.0], [116.4, 39.9]]]}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ContractError, match="超出连云港市范围"):
        build(data_copy, tmp_path / "x.duckdb")


def test_gbk_csv_is_read(data_copy, tmp_path):
    path = data_copy / "departments.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    build(data_copy, tmp_path / "x.duckdb")
    names = Database(tmp_path / "x.duckdb").execute("SELECT name FROM cat_departments")["name"]
    assert "市公安局" in set(names)


def test_missing_file_is_reported(data_copy, tmp_path):
    (data_copy / "fireworks_survey.csv").unlink()
    with pytest.raises(ContractError, match="缺少数据文件 fireworks_survey"):
        build(data_copy, tmp_path / "x.duckdb")


def test_needs_build_follows_source_times(data_copy, tmp_path):
    db_path = tmp_path / "lyg.duckdb"
    assert needs_build(data_copy, db_path)
    assert ensure_built(data_copy, db_path) is True
    assert not needs_build(data_copy, db_path)
    assert ensure_built(data_copy, db_path) is False
    later = db_path.stat().st_mtime + 10
    import os
    os.utime(data_copy / "units.csv", (later, later))
    assert needs_build(data_copy, db_path)


def test_a_refused_build_is_not_retried_until_the_data_changes(data_copy, tmp_path, monkeypatch):
    import lyg.build as building
    db_path = tmp_path / "lyg.duckdb"
    ensure_built(data_copy, db_path)
    good = db_path.read_bytes()
    survey = data_copy / "fireworks_survey.csv"
    text = survey.read_text(encoding="utf-8")
    survey.write_text(text.replace("\n", "\n2019-02-30,", 1), encoding="utf-8")  # a broken row
    builds = []
    real_build = building.build
    monkeypatch.setattr(building, "build", lambda *a: builds.append(1) or real_build(*a))
    for _ in range(3):  # three page views
        with pytest.raises(ContractError):
            ensure_built(data_copy, db_path)
    assert len(builds) == 1 and db_path.read_bytes() == good  # tried once; the last good database is served
    assert building.last_failure(db_path) is not None
    survey.write_text(text, encoding="utf-8")  # the department fixes the file
    assert ensure_built(data_copy, db_path) is True and len(builds) == 2
    assert building.last_failure(db_path) is None


def test_readers_do_not_wait_for_someone_elses_build(data_copy, tmp_path):
    import threading

    from lyg.filelock import data_lock
    db_path = tmp_path / "lyg.duckdb"
    ensure_built(data_copy, db_path)
    (data_copy / "units.csv").touch()  # data newer than the database: a build is due
    held, release = threading.Event(), threading.Event()
    def builder():
        with data_lock(db_path):
            held.set()
            release.wait(30)
    t = threading.Thread(target=builder)
    t.start()
    held.wait(10)
    try:
        assert ensure_built(data_copy, db_path) is False  # at once: the current database is served meanwhile
    finally:
        release.set()
        t.join()
    assert ensure_built(data_copy, db_path) is True


def test_pages_keep_serving_the_last_good_database_and_tell_administrators(data_copy, tmp_path, monkeypatch):
    from tests.apptest import open_app_page
    db_path = tmp_path / "lyg.duckdb"
    ensure_built(data_copy, db_path)
    survey = data_copy / "fireworks_survey.csv"
    survey.write_text(survey.read_text(encoding="utf-8").replace("\n", "\n2019-02-30,", 1), encoding="utf-8")
    monkeypatch.setenv("LYG_DATA_DIR", str(data_copy))
    monkeypatch.setenv("LYG_DB_PATH", str(db_path))
    at = open_app_page("pages/bonded.py")  # demo mode: an administrator
    assert not at.exception and at.title[0].value == "综合保税区"
    assert any("数据库未更新" in e.label for e in at.expander)
    assert "fireworks_survey" in " ".join(t.value for t in at.text)


def _incidents_as_parquet(data_dir, edit=lambda f: f) -> None:
    """incidents.csv replaced by a Parquet file (how large incident tables come), optionally edited."""
    csv = data_dir / "incidents.csv"
    frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
    edit(frame).to_parquet(data_dir / "incidents.parquet", index=False)
    csv.unlink()


def test_incidents_written_in_pieces_equal_those_written_at_once(data_copy, tmp_path, monkeypatch):
    """The chunked load (checked, classified and appended piece by piece, then sorted inside DuckDB when the file is
    out of time order) gives exactly the table of a one-piece load, rollups included."""
    import lyg.build
    _incidents_as_parquet(data_copy, lambda f: f.sample(frac=1, random_state=3))  # shuffled: keys and times out of order
    whole = tmp_path / "whole.duckdb"
    build(data_copy, whole)
    monkeypatch.setattr(lyg.build, "CHUNK_ROWS", 499)  # an odd size: no piece boundary falls on a round row number
    pieces = tmp_path / "pieces.duckdb"
    report = build(data_copy, pieces)
    assert report.rows["fw_incidents"] > 499 * 10
    a, b = Database(whole), Database(pieces)
    for table in ("fw_incidents", "fw_daily", "fw_cells_monthly", "build_provenance"):
        order = "occurred_at, incident_id" if table == "fw_incidents" else "ALL"
        pd.testing.assert_frame_equal(a.execute(f"SELECT * FROM {table} ORDER BY {order}"),
                                      b.execute(f"SELECT * FROM {table} ORDER BY {order}"), obj=table)
    times = b.execute("SELECT occurred_at FROM fw_incidents")["occurred_at"]  # stored in time order
    assert times.is_monotonic_increasing
    a.close(), b.close()


def test_a_key_repeated_in_another_piece_is_named_with_its_row(data_copy, tmp_path, monkeypatch):
    import lyg.build
    def repeat_first_id_at_row_500(frame):
        frame.loc[498, "incident_id"] = frame.loc[0, "incident_id"]  # file row 499 repeats row 1 (Parquet counts from 1)
        return frame
    _incidents_as_parquet(data_copy, repeat_first_id_at_row_500)
    monkeypatch.setattr(lyg.build, "CHUNK_ROWS", 400)  # rows 1 and 499 in different pieces
    with pytest.raises(ContractError) as refused:
        build(data_copy, tmp_path / "lyg.duckdb")
    [problem] = refused.value.problems
    assert (problem.file, problem.row, problem.column) == ("incidents.parquet", 499, "incident_id")
    assert "主键重复" in problem.render()
    assert not (tmp_path / "lyg.duckdb").exists()


def test_incident_problems_are_listed_even_when_another_file_is_broken(data_copy, tmp_path):
    _break_csv(data_copy, "bonded_monthly", lambda f: f.__setitem__("block_code", f["block_code"].where(f.index != 7, "B9")))
    _break_csv(data_copy, "incidents", lambda f: f.__setitem__("lon", f["lon"].where(f.index != 4, "东经119")))
    with pytest.raises(ContractError) as refused:
        build(data_copy, tmp_path / "lyg.duckdb")
    assert {(p.file, p.row) for p in refused.value.problems} >= {("bonded_monthly.csv", 9), ("incidents.csv", 6)}
