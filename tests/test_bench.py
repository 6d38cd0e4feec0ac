"""The benchmark must work end to end at a small scale (its timings are not asserted: shared machine)."""
from lyg.bench import run_bench
from tests.conftest import DATA


def test_small_bench_runs(tmp_path, capsys):
    results = run_bench(scale=2_000, repeats=1, workdir=tmp_path)
    assert results["build_peak_mb"] > 0 and results["build_s"] > 0
    assert set(results["pages"]) >= {"overview", "fireworks", "catalog (search+facets)"}
    assert all(page["total_ms"] > 0 for page in results["pages"].values())  # every page's queries ran
    runs = results["page_runs"]
    assert set(runs) == {"overview", "fireworks", "bonded", "catalog", "digital", "legislation"}
    assert not any(row["exception"] for row in runs.values())  # every page ran through app.py without an error
    assert all(row["bytes"] > 10_000 and row["warm_ms"] > 0 for row in runs.values())
    out = capsys.readouterr().out
    assert "构建" in out and "发送字节" in out and "100万条事件分类" in out


def test_payloads_stay_bounded_at_a_million_incidents(tmp_path):
    """The map sends positions and counts, not polygons: its JSON stays under 300 KB however many incidents there are."""
    from lyg.bench import prepare, timed_build
    from lyg.ui.pagebench import measure_pages
    data = prepare(tmp_path, 1_000_000, 3200)
    timed_build(data, tmp_path / "lyg.duckdb")
    runs = measure_pages(tmp_path / "lyg.duckdb", data, repeats=1)
    assert not any(row["exception"] for row in runs.values())
    assert runs["fireworks"]["deck_bytes"] < 300_000 and runs["overview"]["deck_bytes"] < 300_000, runs
    assert all(row["bytes"] < 1_000_000 for row in runs.values()), runs


def test_concurrent_readers_are_driven_over_loopback(app_env):
    from lyg.ui.pagebench import concurrent_readers
    rounds = concurrent_readers(app_env, DATA, rounds=(1, 3))
    assert [r["sessions"] for r in rounds] == [1, 3]
    assert all(r["errors"] == 0 and r["median_s"] > 0 and r["server_rss_mb"] > 50 for r in rounds), rounds


def test_ingest_section_measures_throughput_and_visibility(data_copy, tmp_path):
    from lyg.bench import ingest_rounds
    from lyg.build import build
    build(data_copy, tmp_path / "lyg.duckdb")
    result = ingest_rounds(tmp_path / "lyg.duckdb", data_copy, seconds=2.0, batch=200)
    assert result["incidents"] >= 200 and result["batches"] >= 1 and result["visible_p95_s"] > 0
