"""`python -m lyg bench`: build time, each page's query latencies, each page's whole script run and bytes sent, peak
memory, and the naive way for comparison.

Targets (2-core machine): on the sample data, all queries of one page together under 150 ms; at
10 million incidents each page's queries under 1 s, the build under 60 s, peak memory under 2 GB.
"""
from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from lyg import alerts, meta, overview, snapshot
from lyg.bonded import analysis as bz
from lyg.catalog import analysis as cat
from lyg.config import PROJECT_ROOT
from lyg.db import Database
from lyg.digital import analysis as dg
from lyg.fireworks import analysis as fw
from lyg.legislation import analysis as leg
from lyg.sample import catalog, scaled
from lyg.sample.generate import LAST_DAY, SEED
from lyg.sample.geography import load_districts

DATA = PROJECT_ROOT / "data"
SAMPLE_CATALOG = 3200
NAIVE_UP_TO = 10_000_000  # the naive comparison loads every incident into pandas: not at 100 M


def _headlines_and_alerts(db):
    """What the overview does: one snapshot of the domains, read by the headlines and the alerts."""
    snap = snapshot.take(db)
    return overview.headlines(db, snap=snap), alerts.all_alerts(db, snap=snap)


def page_workloads(last_day) -> dict[str, list[tuple[str, callable]]]:
    """What each page asks of the database on one run, as (query name, call)."""
    start, end = fw.period_bounds(fw.PERIODS[0], last_day)
    view = cat.Filters(q="信息", shares=("无条件共享",))
    return {
        "catalog (search+facets)": [
            ("catalog.count+search", lambda db: cat.search(db, view, last_day)),
            ("catalog.facets", lambda db: cat.facets(db, view, last_day)),
        ],
        "catalog (rest)": [
            ("catalog.headline", lambda db: cat.headline(db, last_day)),
            ("catalog.export", lambda db: cat.export(db, view, last_day)),
            ("catalog.scorecard", lambda db: cat.scorecard(db, last_day)),
            ("catalog.freshness_by_cycle", lambda db: cat.freshness_by_cycle(db, last_day)),
            ("catalog.quality", cat.quality),
        ],
        "bonded": [
            ("bonded.progress", lambda db: bz.progress(db, 2026)),
            ("bonded.paths", lambda db: bz.paths(db, 2026)),
            ("bonded.share_by_month", lambda db: bz.share_by_month(db, 2026)),
            ("bonded.subzone_split", lambda db: bz.subzone_split(db, 2026)),
            ("bonded.monthly_table", lambda db: bz.monthly_table(db, 2026)),
            ("bonded.blocks+facilities+milestones", lambda db: (bz.blocks(db), bz.facilities(db), bz.milestones(db))),
        ],
        "overview": [("meta.as_of", meta.domain_as_of), ("meta.units", meta.units),
                     ("snapshot+headlines+alerts", _headlines_and_alerts),
                     ("fireworks.incident_grid (12 months)", lambda db: fw.incident_grid(db, end - timedelta(days=365), end)),
                     ("fireworks.zones_in_force", lambda db: fw.zones_in_force(db, last_day))],
        "digital": [("digital.projects", lambda db: dg.projects(db, dg.as_of(db))), ("digital.indicators", lambda db: db.query("digital.indicators"))],
        "legislation": [("legislation.load+violations", lambda db: leg.violations(*leg.load(db)))],
        "fireworks": [
            ("fireworks.notices", fw.notices),
            ("fireworks.zones", lambda db: db.query("fireworks.zones")),
            ("fireworks.places", lambda db: db.query("fireworks.places")),
            ("fireworks.incident_grid", lambda db: fw.incident_grid(db, start, end)),
            ("fireworks.by_year_type", fw.by_year_type),
            ("fireworks.season_profile", fw.season_profile),
            ("fireworks.by_district", lambda db: fw.by_district(db, start, end)),
            ("fireworks.inside_outside", fw.inside_outside),
            ("fireworks.zone_growth", fw.zone_growth),
            ("fireworks.survey", fw.survey),
        ],
    }


def prepare(workdir: Path, incidents: int, catalog_entries: int) -> Path:
    """A data folder like data/ with `incidents` rows (Parquet) and `catalog_entries` catalog rows."""
    data = workdir / "data"
    shutil.rmtree(data, ignore_errors=True)  # the bench's own copy from an earlier run: a rerun starts afresh
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("README.md", "incidents.csv"))
    scaled.write_incidents(data / "incidents.parquet", incidents, np.random.default_rng(SEED), LAST_DAY, load_districts(data))
    if catalog_entries != SAMPLE_CATALOG:
        catalog.write(data, np.random.default_rng(SEED + 2), LAST_DAY, n=catalog_entries)
    return data


def timed_build(data: Path, db_path: Path) -> tuple[float, float]:
    """(seconds, peak MB) of `python -m lyg build` in a child process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lyg", "build", "--data", str(data), "--db", str(db_path), "--report-peak"],
                          check=True, cwd=PROJECT_ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    # the child reports its own peak: RUSAGE_CHILDREN would also count the parent's pages copied at fork
    return seconds, float(done.stdout.strip().splitlines()[-1].split("=")[1])


def median_ms(call, db: Database, repeats: int) -> float:
    """Median latency of a call with no shared result to fall back on (each run asks DuckDB again)."""
    db.clear_cache()
    call(db)  # warm-up
    times = []
    for _ in range(repeats):
        db.clear_cache()
        started = time.perf_counter()
        call(db)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def page_runs(db_path: Path, data: Path, repeats: int) -> dict:
    """Each page's whole script run and the bytes it sends (see lyg.ui.pagebench)."""
    from lyg.ui.pagebench import measure_pages  # Streamlit is loaded only for this section
    pages = measure_pages(db_path, data, repeats)
    print(f"\n{'页面（整页脚本）':<18}{'首次 ms':>10}{'再次 ms（中位）':>16}{'发送字节':>12}{'地图字节':>12}")
    for name, row in pages.items():
        flag = "  出错" if row["exception"] else ""
        print(f"{name:<22}{row['cold_ms']:>10.0f}{row['warm_ms']:>14.0f}{row['bytes']:>14,}{row['deck_bytes']:>14,}{flag}")
    return pages


def chromium_rounds(db_path: Path, data: Path) -> dict:
    """Each dashboard in headless Chromium: seconds from navigation to a finished page."""
    from lyg.ui.pagebench import browser_times
    found = browser_times(db_path, data)
    print(f"\n{'Chromium 1920×1080':<20}{'首次 s':>10}{'再次 s':>10}")
    for name, row in found.items():
        print(f"{name:<20}{row['first_s']:>10.2f}{row['again_s']:>10.2f}")
    return found


def reader_rounds(db_path: Path, data: Path, rounds: tuple[int, ...]) -> list[dict]:
    """N readers at once on one server, each opening a dashboard and waiting until its script finished; then the same
    while an analyst runs a query that would build a 2 GB string in the console, again and again."""
    from lyg.ui.pagebench import HOSTILE_QUERY, concurrent_readers
    found = []
    for label, hostile in (("", None), ("（同时运行恶意查询）", HOSTILE_QUERY)):
        rows = concurrent_readers(db_path, data, rounds, hostile=hostile)
        print(f"\n{'并发会话' + label:<10}{'中位 s':>10}{'p95 s':>10}{'出错':>8}{'服务器内存 MB':>16}")
        for row in rows:
            print(f"{row['sessions']:<12}{row['median_s']:>10.2f}{row['p95_s']:>10.2f}{row['errors']:>8}{row['server_rss_mb']:>16,.0f}")
            found.append({**row, "hostile_query": bool(hostile)})
    return found


def live_batch(n: int, first_id: int, when: datetime) -> list[dict]:
    """n reports in 海州区 around `when`, as a sender would post them."""
    return [{"incident_id": first_id + i, "occurred_at": f"{when + timedelta(seconds=i % 3600):%Y-%m-%d %H:%M:%S}", "type": "违规燃放查处",
             "district_code": "320706", "lon": round(119.16 + (i % 60) * 0.0008, 5), "lat": round(34.585 + (i % 40) * 0.0005, 5),
             "casualties": 0, "fine_yuan": 200, "provenance": "illustrative"} for i in range(n)]


def ingest_rounds(db_path: Path, data: Path, seconds: float = 20.0, batch: int = 5_000) -> dict:
    """Sustained ingest for `seconds` in batches (throughput), the time from a batch's arrival until the fireworks map
    query shows it (visibility), and every page's script run while ingest goes on in another thread."""
    import threading

    from lyg import live
    db = Database(db_path)
    fw.rules(db)  # the rule engine is built once per database, before the clock starts
    when, first = datetime.combine(meta.as_of(db), datetime.min.time()) + timedelta(hours=20), 990_000_000_000
    stop, done, seen = threading.Event(), [0], []

    def sender() -> None:
        k = 0
        while not stop.is_set():
            started = time.perf_counter()
            live.ingest(db, live_batch(batch, first + k * batch, when))
            grid = fw.incident_grid(Database(db_path), when - timedelta(hours=1), when + timedelta(hours=2))
            seen.append((time.perf_counter() - started, int(grid["incidents"].sum())))
            done[0] += batch
            k += 1
    thread = threading.Thread(target=sender, daemon=True)
    started = time.perf_counter()
    thread.start()
    pages = {}
    try:
        if seconds > 5:
            from lyg.ui.pagebench import measure_pages
            pages = measure_pages(db_path, data, repeats=1)
        time.sleep(max(0.0, seconds - (time.perf_counter() - started)))
    finally:
        stop.set()
        thread.join(timeout=120)
    elapsed = time.perf_counter() - started
    visible = sorted(s for s, _ in seen)
    result = {"incidents": done[0], "per_second": done[0] / elapsed, "batches": len(seen),
              "visible_p95_s": visible[int(0.95 * (len(visible) - 1))] if visible else None, "pages_during": pages}
    print(f"\n实时接入：{elapsed:.0f} 秒内接入 {done[0]:,} 条（每批 {batch:,} 条，{result['per_second']:,.0f} 条/秒）；"
          f"从到达到地图查询可见 p95 {result['visible_p95_s'] or 0:.2f} 秒")
    for name, row in pages.items():
        print(f"  接入进行中 {name:<12}首次 {row['cold_ms']:>6.0f} ms，再次 {row['warm_ms']:>6.0f} ms")
    return result


def naive_ratio(db: Database, repeats: int) -> tuple[float, float]:
    """Incidents per year and type: pandas after loading every row, against the named query."""
    def naive(d):
        frame = d.execute("SELECT occurred_at, type FROM fw_incidents")
        return frame.groupby([frame["occurred_at"].dt.year, "type"]).size()
    naive_ms = median_ms(naive, db, max(1, repeats // 2))
    sql_ms = median_ms(fw.by_year_type, db, repeats)
    return naive_ms, sql_ms


def rule_speed(db: Database) -> tuple[float, float]:
    """(one check after warm-up in ms, seconds to classify 1 million incidents)."""
    rules = fw.rules(db)
    when = datetime(2020, 3, 10, 23, 0)
    rules.check(119.16, 34.605, when)
    started = time.perf_counter()
    for i in range(1000):
        rules.check(119.10 + i * 1e-4, 34.60, when)
    one_ms = (time.perf_counter() - started)
    frame = scaled.incidents(1_000_000, np.random.default_rng(1), LAST_DAY)
    started = time.perf_counter()
    rules.classify(frame["lon"].to_numpy(), frame["lat"].to_numpy(), frame["occurred_at"])
    return one_ms, time.perf_counter() - started


def run_bench(scale: int = 1_000_000, repeats: int = 5, workdir: Path | None = None, catalog_entries: int | None = None,
              pages: bool = True, readers: tuple[int, ...] = (), browser: bool = False, ingest: bool = False) -> dict:
    if not 1_000 <= scale <= 100_000_000:
        raise ValueError("--scale 应在 1,000 与 100,000,000 之间")
    catalog_entries = catalog_entries or max(SAMPLE_CATALOG, min(100_000, scale // 100))
    own = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="lyg-bench-")) if own else workdir
    try:
        print(f"基准：事件 {scale:,} 行，目录 {catalog_entries:,} 条；工作目录 {workdir}")
        data = prepare(workdir, scale, catalog_entries)
        build_s, build_mb = timed_build(data, workdir / "lyg.duckdb")
        db = Database(workdir / "lyg.duckdb")
        last_day = meta.as_of(db)
        results = {"scale": scale, "catalog_entries": catalog_entries, "build_s": build_s, "build_peak_mb": build_mb, "pages": {}}
        print(f"\n构建：{build_s:.1f} 秒，峰值内存 {build_mb:,.0f} MB")
        print(f"\n{'页面':<22}{'命名查询':<34}{'中位延迟 ms':>12}")
        for page, calls in page_workloads(last_day).items():
            per_query = {name: median_ms(call, db, repeats) for name, call in calls}
            for name, ms in per_query.items():
                print(f"{page:<24}{name:<38}{ms:>10.1f}")
            total = sum(per_query.values())
            results["pages"][page] = {"queries": per_query, "total_ms": total}
            print(f"{page:<24}{'（本页合计）':<32}{total:>10.1f}\n")
        if scale <= NAIVE_UP_TO:
            naive_ms, sql_ms = naive_ratio(db, repeats)
            results.update(naive_ms=naive_ms, sql_ms=sql_ms)
            print(f"按年按类型汇总：pandas 全量载入 {naive_ms:.1f} ms，命名查询 {sql_ms:.1f} ms，倍数 {naive_ms / sql_ms:.1f}×")
        results["page_runs"] = page_runs(workdir / "lyg.duckdb", data, max(1, repeats // 2)) if pages else {}
        results["readers"] = reader_rounds(workdir / "lyg.duckdb", data, readers) if readers else []
        results["chromium"] = chromium_rounds(workdir / "lyg.duckdb", data) if browser else {}
        results["ingest"] = ingest_rounds(workdir / "lyg.duckdb", data) if ingest else {}  # last: it adds incidents
        one_ms, classify_s = rule_speed(db)
        results.update(check_ms=one_ms, classify_1m_s=classify_s)
        print(f"禁放规则：单次判断 {one_ms:.3f} ms；100万条事件分类 {classify_s:.2f} 秒")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results["bench_peak_mb"] = peak
        print(f"基准进程峰值内存 {peak:,.0f} MB")
        db.close()
        return results
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)



