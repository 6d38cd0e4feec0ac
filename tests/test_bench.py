"""The benchmark must work end to end at a small scale (its timings are not asserted: shared machine)."""
from lyg.bench import run_bench


def test_small_bench_runs(tmp_path, capsys):
    results = run_bench(scale=2_000, repeats=1, workdir=tmp_path)
    assert results["build_s"] > 0 and results["build_peak_mb"] > 0
    assert {"overview", "fireworks"} <= set(results["pages"])
    assert all(ms >= 0 for page in results["pages"].values() for ms in page["queries"].values())
    out = capsys.readouterr().out
    assert "构建" in out and "本页合计" in out and "倍数" in out
