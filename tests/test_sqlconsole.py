"""The SQL console refuses or stops everything but one read-only query; and its page."""
from __future__ import annotations

import shutil
import threading

import duckdb
import pytest

from lyg.i18n import render
from lyg.sqlconsole import Limits, QueryRefused, open_console, run_query, schema
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
    "settings": "SELECT name, value FROM duckdb_settings()",
    "one setting": "SELECT current_setting('temp_directory')",
    "secrets": "SELECT * FROM duckdb_secrets()",
    "database paths": "SELECT path FROM duckdb_databases()",
    "environment": "SELECT getenv('HOME')",
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
        run_query(console, "SELECT count(*) FROM range(1000000000000) a, range(1000) b", Limits(seconds=1.0))


def test_row_cap_and_truncation(console):
    result = run_query(console, "SELECT * FROM fw_incidents", Limits(rows=100))
    assert len(result.frame) == 100 and result.truncated
    small = run_query(console, "WITH t AS (SELECT 1 AS a) SELECT * FROM t", Limits(rows=100))
    assert not small.truncated and small.frame["a"].tolist() == [1]


def test_configuration_is_locked(console):
    with pytest.raises(duckdb.Error):
        console.execute("SET enable_external_access = true")


def test_schema_comes_from_the_contracts():
    frame = schema()
    row = frame[(frame["table"] == "bz_monthly") & (frame["column"] == "value")].iloc[0]
    assert row["type"] == "DOUBLE" and row["description"] == "当月值" and not row["derived"]
    assert "fw_incidents" in set(frame["table"]) and "banned" in set(frame[frame["table"] == "fw_incidents"]["column"])


def test_a_query_in_a_link_is_shown_and_not_run(app_env):
    at = open_app_page("pages/sql.py", sql="SELECT count(*) AS n FROM cat_departments")
    assert not at.exception and not at.error
    assert at.text_area(key="sql-text").value == "SELECT count(*) AS n FROM cat_departments"
    assert len(at.dataframe) == 1  # the schema only: no result until the analyst presses Run (in the browser test)
    assert any("请检查后点击" in i.value for i in at.info)


def test_refusals_speak_the_readers_language(console):
    with pytest.raises(QueryRefused) as refused:
        run_query(console, "DROP TABLE units")
    assert "只允许只读查询" in str(refused.value)
    assert render(refused.value.message, "en").startswith("Only read-only queries")


def test_a_memory_bomb_fails_cleanly_within_the_bound(built_db_path, tmp_path):
    """A query that would build a 2 GB string stops at the instance's memory bound with a clear message."""
    copy = tmp_path / "own-instance.duckdb"  # its own DuckDB instance, so the bound here is this test's
    shutil.copy(built_db_path, copy)
    limits = Limits(memory="300MB", seconds=20)
    con = open_console(copy, limits)
    with pytest.raises(QueryRefused) as refused:
        run_query(con, "SELECT string_agg(repeat('x', 1000), '') FROM range(2000000)", limits)
    assert "内存超过上限（300MB）" in str(refused.value)
    assert "memory limit (300MB)" in render(refused.value.message, "en")
    assert run_query(con, "SELECT 1 AS a", limits).frame["a"].tolist() == [1]  # and the console still works
    con.close()


def test_results_are_bounded_in_bytes_not_only_rows(console):
    result = run_query(console, "SELECT repeat('x', 10000) AS s FROM range(1000)", Limits(result_bytes=1_000_000))
    assert result.truncated_by_bytes and len(result.frame) <= 100


def test_only_so_many_console_queries_run_at_once(console):
    limits = Limits(concurrent=1, seconds=3.0)
    slow = threading.Thread(target=lambda: pytest.raises(QueryRefused, run_query, console,
                                                         "SELECT count(*) FROM range(1000000000000) a, range(1000) b", limits))
    slow.start()
    import time
    time.sleep(0.5)
    with pytest.raises(QueryRefused, match="正忙"):
        run_query(console, "SELECT 1", limits)
    slow.join()
    assert run_query(console, "SELECT 1 AS a", limits).frame["a"].tolist() == [1]


def test_import_page_shows_domains_and_log(app_env):
    at = open_app_page("pages/import.py")
    assert not at.exception, at.exception
    assert at.title[0].value == "数据导入"
    assert "incidents" in at.selectbox(key="imp-domain").options or "烟花爆竹相关事件" in at.selectbox(key="imp-domain").options


def test_consoles_can_be_opened_again_and_again(built_db_path):
    for _ in range(3):
        con = open_console(built_db_path)
        assert run_query(con, "SELECT 1 AS a").frame["a"].tolist() == [1]
        con.close()
