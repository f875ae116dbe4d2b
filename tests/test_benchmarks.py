"""The benchmarks run without the test suite, and their report is written as documented."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("script", sorted(p.name for p in BENCH.glob("*.py")))
def test_benchmarks_do_not_import_the_tests(script: str) -> None:
    assert not _imports(BENCH / script) & {"tests", "pytest", "conftest"}


def _fake_report() -> dict:  # type: ignore[type-arg]
    def size(quads: int, scale: float) -> dict:  # type: ignore[type-arg]
        return {"quads": quads, "build_s": 2.0 * scale, "build_peak_mb": 100.0 * scale, "load_raw_s": [0.1 * scale],
                "server_load_s": {"Oxigraph server": 0.5 * scale},
                "startup": {"oxigraph": 0.3, "oxigraph-memory": 0.4 * scale},
                "queries": [{"query": "members_on_date",
                             "times": {"embedded (default, on disk)": [0.002 * scale], "Oxigraph server": [0.004 * scale]},
                             "notes": {"embedded (default, on disk)": None, "Oxigraph server": None}},
                            {"query": "summits",
                             "times": {"embedded (default, on disk)": [0.010 * scale], "Oxigraph server": []},
                             "notes": {"embedded (default, on disk)": None, "Oxigraph server": ">20s"}}]}
    return {"date": "2026-12-01", "machine": "x86_64, 2 cores", "quick": True, "command": "python benchmarks/run.py",
            "seconds": 12.0, "sizes": {"10k": size(19_000, 1.0), "100k": size(182_000, 10.0)},
            "others": {"views": {"status": "not present"}}}


def test_report_tables_and_plots(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from report import write_report
    finally:
        sys.path.remove(str(BENCH))
    written = write_report(_fake_report(), tmp_path)
    assert sorted(p.name for p in written) == ["README.md", "load.png", "queries.png", "results.json", "startup.png"]
    for png in tmp_path.glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    md = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "Measured 2026-12-01 on x86_64, 2 cores" in md
    assert "| members_on_date | 2.0 ms | 4.0 ms | 2.0× |" in md
    assert "| summits | 10.0 ms | >20s | – |" in md
    assert "- build (parse, infer, validate, write, store): 20.0 s = 9,100 quads/s, peak memory 1,000 MB" in md
    assert json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["sizes"]["10k"]["quads"] == 19_000


def _bench_module(name: str):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(BENCH))


def test_merge_keeps_the_sizes_this_run_did_not_measure(tmp_path: Path) -> None:
    report_mod, run = _bench_module("report"), _bench_module("run")
    old = _fake_report()
    report_mod.write_report(old, tmp_path)
    new = _fake_report()
    new["sizes"] = {"10M": dict(old["sizes"]["100k"], quads=17_970_000, build_s=None, build_peak_mb=None,
                                prebuilt="/data/p10M")}
    new.update(command="python benchmarks/run.py --sizes 10M --prebuilt 10M=/data/p10M --merge", seconds=300.0)
    merged = run._merged(new, tmp_path)
    assert list(merged["sizes"]) == ["10k", "100k", "10M"]
    assert [r["seconds"] for r in merged["runs"]] == [12.0, 300.0]
    report_mod.write_report(merged, tmp_path)
    md = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert ("Measured on x86_64, 2 cores in 2 runs, merged with `--merge`: 2026-12-01 `python benchmarks/run.py` "
            "(12 s); 2026-12-01 `python benchmarks/run.py --sizes 10M --prebuilt 10M=/data/p10M --merge` (300 s).") in md
    assert "### 10M: 17,970,000 quads\n\n- build (parse, infer, validate, write, store): not measured in this run " \
           "(built beforehand)" in md


def test_prebuilt_wants_a_known_size_and_a_build(tmp_path: Path) -> None:
    run = _bench_module("run")
    with pytest.raises(SystemExit, match="--prebuilt 5M="):
        run._prebuilt([f"5M={tmp_path}"])
    with pytest.raises(SystemExit, match="DIR/build/manifest.json"):
        run._prebuilt([f"10M={tmp_path}"])
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "manifest.json").write_text("{}", encoding="utf-8")
    assert run._prebuilt([f"10M={tmp_path}"]) == {"10M": tmp_path}


def test_unknown_size_is_one_line(tmp_path: Path) -> None:
    import subprocess

    proc = subprocess.run([sys.executable, str(BENCH / "run.py"), "--sizes", "10k,5M", "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == (
        "run.py: error: --sizes: unknown size '5M'; known: 10k, 100k, 1M, 10M")
    assert not list(tmp_path.iterdir())
