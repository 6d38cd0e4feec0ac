"""The Database class and the named-query files."""
from __future__ import annotations

import duckdb
import pytest

from lyg import sqlfiles
from lyg.build import build
from lyg.db import Database


def test_connection_is_read_only(db):
    with pytest.raises(duckdb.Error):
        db.execute("CREATE TABLE x (a INTEGER)")


def test_named_query_binds_parameters(db):
    frame = db.query("fireworks.season_profile", types=["交通事故"], window=3)
    assert frame["days_from_chuxi"].abs().max() <= 3


def test_missing_parameter_is_an_error(db):
    with pytest.raises(TypeError, match="window"):
        db.query("fireworks.season_profile", types=["交通事故"])


def test_bound_values_are_not_sql(db):
    frame = db.query("fireworks.by_year_type", types=["交通事故'); DROP TABLE fw_incidents; --"])
    assert frame.empty
    assert db.execute("SELECT count(*) AS n FROM fw_incidents")["n"].iat[0] > 0


def test_every_named_query_has_a_doc_line():
    for name, query in sqlfiles.all_queries().items():
        assert query.doc, name
        assert query.sql.strip(), name


def test_reopens_after_a_rebuild(data_copy, tmp_path):
    path = tmp_path / "lyg.duckdb"
    build(data_copy, path)
    database = Database(path)
    first = database.execute("SELECT count(*) AS n FROM cat_departments")["n"].iat[0]
    departments = data_copy / "departments.csv"
    departments.write_text(departments.read_text(encoding="utf-8") + "11320700999123451K,市新部门,illustrative\n", encoding="utf-8")
    build(data_copy, path)
    assert database.execute("SELECT count(*) AS n FROM cat_departments")["n"].iat[0] == first + 1


def test_as_of_comes_from_the_data(db):
    from lyg import meta
    assert str(meta.as_of(db)) == "2026-10-31"
    assert str(meta.as_of(db, "bonded")) == "2026-10-31"
    with pytest.raises(ValueError):
        meta.as_of(db, "weather")


def test_named_query_results_are_shared_copies_and_dropped_on_rebuild(data_copy, tmp_path):
    path = tmp_path / "lyg.duckdb"
    build(data_copy, path)
    database = Database(path)
    first = database.query("meta.units")
    first["name"] = "changed by a caller"
    again = database.query("meta.units")
    assert "changed by a caller" not in set(again["name"])  # each caller gets its own copy
    assert len(database._cache) == 1
    def departments_rows() -> int:
        rows = database.query("meta.table_rows")
        return int(rows.loc[rows["table_name"] == "cat_departments", "rows"].iat[0])
    before = departments_rows()
    departments = data_copy / "departments.csv"
    departments.write_text(departments.read_text(encoding="utf-8") + "1132070099812345X4,市另一新部门,illustrative\n", encoding="utf-8")
    build(data_copy, path)
    assert departments_rows() == before + 1  # the rebuilt file is a new database: nothing stale is served


def test_derived_values_are_built_once_per_file_and_rebuilt_after_a_rebuild(data_copy, tmp_path):
    from lyg import provenance
    path = tmp_path / "lyg.duckdb"
    build(data_copy, path)
    database = Database(path)
    calls = []
    def departments():
        calls.append(1)
        return database.execute("SELECT * FROM cat_departments")
    first = database.memo(("departments",), departments)
    first["name"] = "changed by a caller"
    again = database.memo(("departments",), departments)
    assert len(calls) == 1 and "changed by a caller" not in set(again["name"])  # built once, handed out as copies
    assert "cat_departments" in provenance.illustrative_tables(database)
    path_csv = data_copy / "departments.csv"
    path_csv.write_text(path_csv.read_text(encoding="utf-8") + "11320700997123458W,市又一新部门,illustrative\n", encoding="utf-8")
    build(data_copy, path)
    assert len(database.memo(("departments",), departments)) == len(again) + 1 and len(calls) == 2
