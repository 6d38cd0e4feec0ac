"""The SQL console refuses or stops everything but one read-only query; and its page."""
from __future__ import annotations

import pytest

from lyg.sqlconsole import QueryRefused, open_console, run_query, schema
from tests.apptest import open_app_page

REFUSED = {
    "file read": "SELECT * FROM read_csv('/etc/passwd')",
    "file by name": "SELECT * FROM 'data/units.csv'",
    "copy": "COPY fw_incidents TO '/tmp/leak.csv'",
    "attach": "ATTACH '/tmp/other.duckdb' AS other",
    "install": "INSTALL httpfs",
    "load": "LOAD httpfs",
    "set": "SET threads = 1",
    "pragma": "PRAGMA enable_external_access",
    "insert": "INSERT INTO cat_departments VALUES ('x', 'y')",
    "update": "UPDATE cat_departments SET name = 'x'",
    "drop": "DROP TABLE units",
    "create": "CREATE TEMP TABLE units AS SELECT 1",
    "second statement": "SELECT 1; DROP TABLE units",
    "http": "SELECT * FROM read_parquet('https://example.com/x.parquet')",
}


@pytest.fixture
def console(built_db_path):
    con = open_console(built_db_path)
    yield con
    con.close()


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused(console, case):
    with pytest.raises(QueryRefused):
        run_query(console, REFUSED[case])
    assert run_query(console, "SELECT count(*) AS n FROM units").frame["n"].iat[0] == 10


def test_runaway_query_is_stopped(console):
    with pytest.raises(QueryRefused, match="已中止"):
        run_query(console, "SELECT count(*) FROM range(1000000000000) a, range(1000) b", timeout_s=1.0)


def test_row_cap_and_truncation(console):
    result = run_query(console, "SELECT * FROM fw_incidents", row_cap=100)
    assert len(result.frame) == 100 and result.truncated
    small = run_query(console, "WITH t AS (SELECT 1 AS a) SELECT * FROM t", row_cap=100)
    assert not small.truncated and small.frame["a"].tolist() == [1]


def test_configuration_is_locked(console):
    with pytest.raises(Exception):
        console.execute("SET enable_external_access = true")


def test_schema_comes_from_the_contracts():
    frame = schema()
    row = frame[(frame["table"] == "bz_monthly") & (frame["column"] == "value")].iloc[0]
    assert row["type"] == "DOUBLE" and row["description"] == "当月值" and not row["derived"]
    assert "fw_incidents" in set(frame["table"]) and "banned" in set(frame[frame["table"] == "fw_incidents"]["column"])


def test_console_page_runs_the_query_from_the_url(app_env):
    at = open_app_page("pages/sql.py", sql="SELECT count(*) AS n FROM cat_departments")
    assert not at.exception and not at.error
    assert at.dataframe[0].value["n"].tolist() == [36]


def test_console_page_refuses_writes(app_env):
    at = open_app_page("pages/sql.py", sql="DROP TABLE units")
    assert any("只允许只读查询" in e.value for e in at.error)


def test_import_page_shows_domains_and_log(app_env):
    at = open_app_page("pages/data_import.py")
    assert not at.exception, at.exception
    assert at.title[0].value == "数据导入"
    assert "incidents" in at.selectbox(key="imp-domain").options or "烟花爆竹相关事件" in at.selectbox(key="imp-domain").options


def test_consoles_can_be_opened_again_and_again(built_db_path):
    for _ in range(3):
        con = open_console(built_db_path)
        assert run_query(con, "SELECT 1 AS a").frame["a"].tolist() == [1]
        con.close()
