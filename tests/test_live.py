"""Live ingest: batches appended without a rebuild, checked per record, classified, idempotent, read by the same named
queries (rollups included), over the command line and HTTP."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime

import pandas as pd
import pytest

from lyg import live
from lyg.build import build
from lyg.db import Database
from lyg.fireworks import analysis as fw
from tests.browser import ROOT, free_port

NIGHT = datetime(2026, 2, 16, 23, 10)  # 除夕 2026, late evening


def _records(n: int, first_id: int = 900_000_001) -> list[dict]:
    return [{"incident_id": first_id + i, "occurred_at": (NIGHT + pd.Timedelta(minutes=i % 50)).isoformat(sep=" "),
             "type": "违规燃放查处", "district_code": "320706", "lon": 119.17 + (i % 10) * 0.001, "lat": 34.60,
             "casualties": 0, "fine_yuan": 200, "provenance": "illustrative"} for i in range(n)]


@pytest.fixture
def live_db(built_copy):
    return Database(built_copy)


def test_a_batch_is_visible_to_every_named_query_and_resending_it_changes_nothing(live_db):
    db = live_db
    before_total = int(fw.by_year_type(db)["incidents"].sum())
    before_grid = int(fw.incident_grid(db, datetime(2026, 2, 1), datetime(2026, 3, 1))["incidents"].sum())
    report = live.ingest(db, _records(300))
    assert (report.accepted, report.duplicates, report.rejected) == (300, 0, [])
    assert int(fw.by_year_type(db)["incidents"].sum()) == before_total + 300  # the daily rollup view
    assert int(fw.incident_grid(db, datetime(2026, 2, 1), datetime(2026, 3, 1))["incidents"].sum()) == before_grid + 300  # monthly cells
    stored = db.execute("SELECT zone_id, during_ban_hours, banned, season_year FROM fw_incidents WHERE incident_id = 900000001")
    assert stored["season_year"].iat[0] == 2026 and stored["zone_id"].notna().all()  # classified at ingest
    again = live.ingest(db, _records(300))
    assert (again.accepted, again.duplicates) == (0, 300)
    assert int(fw.by_year_type(db)["incidents"].sum()) == before_total + 300


def test_bad_records_are_reported_per_line_and_the_good_ones_kept(live_db):
    records = _records(5)
    records[1]["type"] = "放鞭炮"
    records[3]["lon"] = 118.40  # in Shandong, filed under 海州区
    records[4]["occurred_at"] = "2099-01-01 00:00"
    report = live.ingest(live_db, records)
    assert report.accepted == 2
    assert {(r["line"], r["column"]) for r in report.rejected} == {(2, "type"), (4, "lon、lat"), (5, "occurred_at")}
    assert all(r["rule"] for r in report.rejected)


def test_the_rollup_views_answer_what_a_rebuild_would(live_db, data_copy, tmp_path):
    """Base plus deltas through the views equals a database built with the same incidents in its source."""
    db = live_db
    batch = _records(120)
    live.ingest(db, batch)
    source = pd.read_csv(data_copy / "incidents.csv", dtype=str, keep_default_na=False)
    pd.concat([source, pd.DataFrame(batch).astype(str).replace({"nan": ""})], ignore_index=True).to_csv(data_copy / "incidents.csv", index=False)
    rebuilt = Database(tmp_path / "rebuilt.duckdb")
    build(data_copy, rebuilt.path)
    queries = ("""SELECT day, type, district_code, zone_id, in_ban_zone, season_year, days_from_chuxi, sum(incidents) AS n,
                         sum(casualties) AS casualties, sum(fines_yuan) AS fines FROM fw_daily GROUP BY ALL ORDER BY ALL""",
               "SELECT month, type, gx, gy, sum(incidents) AS n FROM fw_cells_monthly GROUP BY ALL ORDER BY ALL")
    for sql in queries:
        pd.testing.assert_frame_equal(db.execute(sql), rebuilt.execute(sql), check_dtype=False)


def _cli(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lyg", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_http_ingest_then_the_sql_command_sees_it(live_db, tmp_path):
    """The endpoint over loopback with real requests: a token is needed, 1,000 records come back per record, a repeat
    adds nothing, and `python -m lyg sql` reads them."""
    import os

    import uvicorn

    from lyg.auth import accounts
    from lyg.ingest_server import app
    users = tmp_path / "users.json"
    token = accounts.new_ingest_token(users)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app(live_db.path, users), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        def post(records, bearer=token):
            request = urllib.request.Request(f"http://127.0.0.1:{port}/incidents", data=json.dumps(records).encode(), method="POST",
                                             headers={"Authorization": f"Bearer {bearer}", "Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=60) as reply:
                return json.loads(reply.read())
        with pytest.raises(urllib.error.HTTPError) as refused:
            post(_records(1), bearer="wrong")
        assert refused.value.code == 401
        assert post(_records(1000, 910_000_001)) == {"accepted": 1000, "duplicates": 0, "rejected": []}
        assert post(_records(1000, 910_000_001))["duplicates"] == 1000
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    env = {**os.environ, "LYG_DB_PATH": str(live_db.path), "LYG_DATA_DIR": str(tmp_path / "data")}
    done = _cli("sql", "SELECT count(*) AS n FROM fw_incidents WHERE incident_id >= 910000001", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["n", "1000"]
    refused_sql = _cli("sql", "DELETE FROM fw_incidents", env=env)
    assert refused_sql.returncode == 2 and "查询被拒绝" in refused_sql.stderr


def test_ingest_file_command_prints_json(live_db, tmp_path):
    import os
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _records(3, 920_000_001)), encoding="utf-8")
    env = {**os.environ, "LYG_DB_PATH": str(live_db.path), "LYG_DATA_DIR": str(tmp_path / "data")}
    done = _cli("ingest", "file", str(path), env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"accepted": 3, "duplicates": 0, "rejected": []}


def test_an_ingested_batch_reaches_the_overview_page_at_once(live_db, monkeypatch):
    """The page's shared figures are keyed on the deltas too: the next page run after a batch shows it."""
    import re

    from tests.apptest import open_app_page
    monkeypatch.setenv("LYG_DB_PATH", str(live_db.path))
    monkeypatch.setenv("LYG_DATA_DIR", str(live_db.path.parent / "data"))

    def season_count() -> int:
        at = open_app_page("pages/overview.py")
        assert not at.exception, at.exception
        [n] = [int(m[1].replace(",", "")) for e in at.markdown if (m := re.search(r"lyg-value'>([\d,]+) 起<", e.value))]
        return n
    before = season_count()
    assert live.ingest(live_db, _records(1000, 930_000_001)).accepted == 1000
    assert season_count() == before + 1000


@pytest.mark.skipif(not __import__("tests.pg", fromlist=["available"]).available(), reason="PostgreSQL 15 is installed by scripts/test.sh")
def test_the_postgresql_poller_picks_up_rows_inserted_after_it_started(live_db):
    """A real PostgreSQL: rows already there and rows inserted while the poller runs are ingested once each; a
    source that is down is recorded as such and retried."""
    import psycopg

    from lyg import pg_source
    from tests.pg import temporary_postgres
    with temporary_postgres() as dsn, psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("""CREATE TABLE reports (incident_id bigint PRIMARY KEY, occurred_at timestamp, type text, district_code text,
                            lon double precision, lat double precision, casualties int, fine_yuan numeric, provenance text,
                            received_at timestamp DEFAULT clock_timestamp())""")
        def insert(records):
            with conn.cursor() as cur:
                cur.executemany("""INSERT INTO reports (incident_id, occurred_at, type, district_code, lon, lat, casualties, fine_yuan,
                                       provenance) VALUES (%(incident_id)s, %(occurred_at)s, %(type)s, %(district_code)s, %(lon)s,
                                       %(lat)s, %(casualties)s, %(fine_yuan)s, %(provenance)s)""", records)
        insert(_records(50, 940_000_001))
        source = pg_source.Source(dsn, "reports", "received_at")
        stop = threading.Event()
        poller = threading.Thread(target=pg_source.run, args=(live_db, source), kwargs={"interval": 0.2, "stop": stop}, daemon=True)
        poller.start()
        try:
            deadline = time.time() + 30
            while time.time() < deadline and _count(live_db, 940000001) != 50:
                time.sleep(0.2)
            insert(_records(30, 940_000_051))  # after the poller started
            while time.time() < deadline and _count(live_db, 940000001) != 80:
                time.sleep(0.2)
        finally:
            stop.set()
            poller.join(timeout=10)
        assert _count(live_db, 940_000_001) == 80
        state = pg_source.load_state(live_db.path, source)
        assert state["error"] is None and state["last_success"]
    with pytest.raises(psycopg.Error):  # the cluster is gone: the poller records the failure
        pg_source.run(live_db, source, once=True)
    assert pg_source.load_state(live_db.path, source)["error"]


def _count(db, first_id: int) -> int:
    return int(db.execute("SELECT count(*) AS n FROM fw_incidents WHERE incident_id >= ?", [first_id])["n"].iat[0])


def test_source_status_lists_the_waiting_batches(live_db):
    from lyg.deltas import source_status
    assert source_status(live_db.path).empty
    live.ingest(live_db, _records(3, 950_000_001))
    status = source_status(live_db.path)
    assert status.set_index("feed").loc["deltas", "rows"] == 1


def test_tonight_counts_from_18_00_and_compares_the_same_lunar_night(live_db):
    night = [{**r, "occurred_at": f"2026-11-28 19:{i:02d}"} for i, r in enumerate(_records(25, 960_000_001))]
    live.ingest(live_db, night)
    tonight = fw.tonight(live_db)
    assert tonight["start"] == datetime(2026, 11, 28, 18, 0) and tonight["now"] == datetime(2026, 11, 28, 19, 24)
    assert tonight["this"] == 25
    assert set(tonight["earlier"]) == set(range(2015, tonight["season_year"]))  # every earlier season, same lunar night
    latest = fw.latest_reports(live_db, 3)
    assert list(latest["occurred_at"].dt.strftime("%H:%M")) == ["19:24", "19:23", "19:22"]


def test_a_drop_folder_is_ingested_file_by_file(live_db, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _records(4, 970_000_001)), encoding="utf-8")
    (drop / "b.csv").write_text("this is not,an incident file\n1,2\n", encoding="utf-8")
    (drop / "c.part").write_text("still being written", encoding="utf-8")
    results = dict(live.ingest_folder(live_db, drop))
    assert results["a.jsonl"].accepted == 4 and results["b.csv"].accepted == 0
    assert (drop / "done" / "a.jsonl").exists() and (drop / "rejected" / "b.csv").exists() and (drop / "c.part").exists()
    assert json.loads((drop / "done" / "a.jsonl.report.json").read_text(encoding="utf-8"))["accepted"] == 4


def test_a_batch_renews_only_the_results_that_read_incidents(live_db, monkeypatch):
    db = live_db
    db.query("meta.units"), fw.by_year_type(db), fw.rules(db)
    live.ingest(db, _records(3, 980_000_001))
    calls, run = [], db.execute
    monkeypatch.setattr(db, "execute", lambda sql, params=None: calls.append(sql) or run(sql, params))
    db.query("meta.units"), fw.rules(db)  # the districts and the rule engine do not change with a batch
    assert calls == []
    fw.by_year_type(db)  # the incidents did
    assert len(calls) == 1


def test_a_district_running_hot_tonight_raises_an_alert(live_db):
    from lyg import alerts
    night = [{**r, "occurred_at": f"2026-11-28 19:{i % 60:02d}"} for i, r in enumerate(_records(30, 986_000_001))]
    live.ingest(live_db, night)
    hot = fw.tonight_hot_districts(live_db)
    assert list(hot["district_code"]) == ["320706"] and hot["incidents"].iat[0] == 30
    found = [a for a in alerts.all_alerts(live_db) if "今夜" in a.text]
    assert len(found) == 1 and "海州区" in found[0].text and found[0].district == "320706"


def test_the_live_map_holds_the_last_hours_and_rings_the_newest(db):
    from datetime import timedelta

    from lyg import meta
    from lyg.fireworks import figures as fw_fig
    now = fw.latest_moment(db)
    recent = fw.recent(db, hours=24 * 30)
    assert len(recent) and (recent["occurred_at"] >= now - timedelta(days=30)).all()
    assert recent["new"].tolist() == (recent["occurred_at"] >= now - timedelta(minutes=fw.NEW_MINUTES)).tolist()
    points = pd.DataFrame({"occurred_at": pd.to_datetime(["2026-02-16 23:50", "2026-02-16 21:00", "2026-02-16 20:00"]),
                           "type": ["违规燃放查处"] * 3, "lon": [119.2, 119.3, 119.4], "lat": [34.6] * 3,
                           "banned": pd.array([True, False, pd.NA], dtype="boolean"), "new": [True, False, False]})
    deck = json.loads(fw_fig.recent_map(meta.units(db), fw.zones_in_force(db, fw.as_of(db)), points, sample=True).to_json())
    layers = {layer["id"]: layer for layer in deck["layers"]}
    assert [p["name"] for p in layers["recent-new"]["data"]] == ["02-16 23:50 违规燃放查处 禁止燃放 · 示例"]
    assert [p["name"] for p in layers["recent-earlier"]["data"]] == ["02-16 21:00 违规燃放查处 不禁止燃放 · 示例",
                                                                     "02-16 20:00 违规燃放查处 未知 · 示例"]  # unknown, never "not banned"
    assert layers["recent-new"]["radiusMinPixels"] > layers["recent-earlier"]["radiusMinPixels"]
    assert deck["layers"][-1]["id"] == "recent-new"  # drawn on top


def _stored(db: Database) -> tuple[int, int]:
    """Rows and distinct ids of the new incidents as every reader sees them (database plus deltas). One Database per
    file in a process, as the app has: it reopens when the file is replaced (DuckDB shares an open file's instance)."""
    frame = db.execute("SELECT count(*) AS n, count(DISTINCT incident_id) AS ids FROM fw_incidents "
                                      "WHERE incident_id >= 900000000", {})
    return int(frame["n"].iat[0]), int(frame["ids"].iat[0])


def test_compaction_folds_the_deltas_into_data_and_the_database_and_nobody_counts_twice(live_db, data_copy):
    import shutil

    from lyg import deltas
    from lyg.compact import compact
    db = live_db
    assert live.ingest(db, _records(300, 930_000_001)).accepted == 300
    assert live.ingest(db, _records(200, 930_001_001)).accepted == 200
    totals = int(fw.by_year_type(db)["incidents"].sum())
    folded = deltas.delta_files(db.path)
    kept = {p.name: p.read_bytes() for p in folded}
    report = compact(data_copy, db.path)
    assert (report.batches, report.rows) == (2, 500)
    assert deltas.delta_files(db.path) == []  # removed by the commit
    assert _stored(db) == (500, 500) and int(fw.by_year_type(db)["incidents"].sum()) == totals
    assert "930001200," in (data_copy / "incidents.csv").read_text(encoding="utf-8")  # in data/: a rebuild keeps them
    for name, content in kept.items():  # a reader between the new database and the files' removal: still no double count
        (deltas.live_dir(db.path) / name).write_bytes(content)
    assert _stored(db) == (500, 500)
    assert live.ingest(db, _records(300, 930_000_001)).duplicates == 300
    for p in deltas.delta_files(db.path):
        p.unlink()
    rebuilt = data_copy.parent / "rebuilt.duckdb"
    build(data_copy, rebuilt)
    assert _stored(Database(rebuilt)) == (500, 500)
    shutil.rmtree(deltas.live_dir(db.path), ignore_errors=True)
    assert compact(data_copy, db.path).batches == 0  # nothing to fold: nothing changes


def test_a_killed_ingest_server_loses_no_acknowledged_record_and_duplicates_none(live_db, tmp_path):
    """Batches posted while the server is killed with SIGKILL: every batch it acknowledged is stored; posting them all
    again after a restart stores each record exactly once."""
    import os
    import signal

    from lyg.auth import accounts
    users = tmp_path / "users.json"
    token = accounts.new_ingest_token(users)
    env = {**os.environ, "LYG_DB_PATH": str(live_db.path), "LYG_DATA_DIR": str(tmp_path / "data"), "LYG_USERS_FILE": str(users)}
    batches = [_records(400, 940_000_001 + 1000 * k) for k in range(40)]

    def start() -> tuple[subprocess.Popen, int]:
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "lyg", "ingest", "serve", "--port", str(port)], cwd=ROOT, env=env,
                                stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)
                return proc, port
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("ingest server did not start")

    def post(port: int, records: list[dict]) -> dict:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/incidents", data=json.dumps(records).encode(), method="POST",
                                         headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=30) as reply:
            return json.loads(reply.read())

    proc, port = start()
    acknowledged: list[int] = []

    def kill_mid_stream() -> None:  # once eight batches are in, 20 ms into the next request (whatever the machine's speed)
        while len(acknowledged) < 400 * 8:
            time.sleep(0.002)
        time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    killer = threading.Thread(target=kill_mid_stream, daemon=True)
    killer.start()
    try:
        for batch in batches:
            if post(port, batch)["accepted"] == len(batch):
                acknowledged += [r["incident_id"] for r in batch]
    except (urllib.error.URLError, ConnectionError, OSError):
        pass  # the server died mid-request: that batch was not acknowledged
    proc.wait(timeout=30)
    assert 0 < len(acknowledged) < 400 * len(batches), "the kill should land mid-stream"
    stored = set(live_db.execute("SELECT incident_id FROM fw_incidents WHERE incident_id >= 940000000", {})["incident_id"])
    assert set(acknowledged) <= stored
    proc, port = start()
    try:
        for batch in batches:
            post(port, batch)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert _stored(live_db) == (400 * len(batches), 400 * len(batches))
    assert not list(live.live_dir(live_db.path).glob("*.tmp"))  # a half-written batch is never read, and is not left about


def test_a_half_written_batch_of_a_killed_writer_is_removed_by_the_next_batch(live_db):
    """A writer killed while writing leaves incidents-….tmp: it is never read, and the next batch (under the same lock
    no writer writes without) removes it."""
    folder = live.live_dir(live_db.path)
    folder.mkdir(parents=True, exist_ok=True)
    abandoned = folder / "incidents-00000000000000000001-99999.tmp"
    abandoned.write_bytes(b"PAR1 half a file")
    assert _stored(live_db) == (0, 0)
    live.ingest(live_db, _records(3, 960_000_001))
    assert not abandoned.exists() and _stored(live_db) == (3, 3)


def test_a_batch_renews_the_shared_figures_of_pages_that_show_incidents_only(live_db):
    from lyg.config import load_settings
    from lyg.ui.context import PageContext
    from lyg.ui.shared import shared
    built: list[str] = []
    fireworks = PageContext(live_db, "zh", load_settings(), None, reads_incidents=True)
    bonded = PageContext(live_db, "zh", load_settings(), None, reads_incidents=False)
    for _ in range(2):  # the second round: a batch arrived in between
        shared(fireworks, ("test-fw",), lambda: built.append("fireworks"))
        shared(bonded, ("test-bz",), lambda: built.append("bonded"))
        shared(fireworks, ("test-snapshot",), lambda: built.append("snapshot"), live=False)
        live.ingest(live_db, _records(5, 950_000_001 + len(built)))
    assert built == ["fireworks", "bonded", "snapshot", "fireworks"]
