"""Synthetic projects of a given size: generated, built by ``tkg build`` in a fresh process (time,
quads per second, peak memory), and timed from process start to last row of a library query."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "10M": 10_000_000}

#: A simple library query with a parameter: the members of the OTS on a date.
STARTUP_QUERY = ["query", "members_on_date", "--param", "date=2022-12-31", "-f", "csv"]

_MEASURED = ("import resource, runpy, sys, time\nsys.argv = {argv!r}\nt = time.perf_counter()\ncode = 0\n"
             "try:\n    runpy.run_module('graph.cli', run_name='__main__')\n"
             "except SystemExit as exc:\n    code = exc.code or 0\n"
             "sys.stderr.write('\\nMEASURED %f %f %s\\n' % (time.perf_counter() - t, "
             "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, code))\n")


def run_cli(argv: list[str], *, cwd: Path) -> tuple[float, float, str]:
    """``tkg ARGV`` in a fresh interpreter: wall seconds (process start to exit), peak MB, stdout."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _MEASURED.format(argv=["tkg", *argv])], cwd=cwd,
                          capture_output=True, text=True, env=_env())
    wall = time.perf_counter() - started
    line = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    if not line.startswith("MEASURED") or line.split()[3] != "0":
        raise RuntimeError(f"tkg {' '.join(argv)} failed: {proc.stderr[-1500:]}")
    return wall, float(line.split()[2]), proc.stdout


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def build_project(folder: Path, triples: int):  # type: ignore[no-untyped-def]
    """Generate ``triples`` synthetic triples into a new project in ``folder`` and build it."""
    from generate import write_data

    from graph.settings import load_settings

    shutil.copytree(ROOT / "ontology", folder / "ontology")
    shutil.copytree(ROOT / "queries", folder / "queries")
    started = time.perf_counter()
    write_data(folder / "data", triples)  # files of at most 48 MiB: the build reads at most 64 MiB per file
    figures: dict = {"triples_asked": triples, "generate_s": time.perf_counter() - started}  # type: ignore[type-arg]
    wall, peak, _ = run_cli(["--root", str(folder), "build"], cwd=folder)
    figures.update(build_s=wall, build_peak_mb=peak, **_counts(folder))
    return load_settings(root=folder, build_dir=folder / "build"), figures


def _counts(folder: Path) -> dict[str, int]:
    """Asserted, inferred and all quads of the project's build, from its manifest."""
    manifest = json.loads((folder / "build" / "manifest.json").read_text(encoding="utf-8"))
    return {"asserted": manifest["asserted"], "inferred": manifest["inferred"],
            "quads": manifest["asserted"] + manifest["inferred"]}


def prebuilt_project(folder: Path):  # type: ignore[no-untyped-def]
    """A synthetic project built beforehand (a 10M build takes over an hour): its settings, and the build
    figures recorded beside it in ``build-figures.json`` (``build_s``, ``build_peak_mb``)."""
    from graph.settings import load_settings

    recorded = folder / "build-figures.json"
    figures: dict = json.loads(recorded.read_text(encoding="utf-8")) if recorded.is_file() else {}  # type: ignore[type-arg]
    figures.update(_counts(folder), prebuilt=str(folder))
    figures.setdefault("build_s", None)
    figures.setdefault("build_peak_mb", None)
    return load_settings(root=folder, build_dir=folder / "build"), figures


def startup_times(folder: Path, *, repeats: int,
                  engines: tuple[str, ...] = ("oxigraph", "oxigraph-memory")) -> dict[str, float]:
    """Median seconds from process start to last row of :data:`STARTUP_QUERY`, per embedded engine."""
    out = {}
    for engine in engines:
        times = [run_cli(["--root", str(folder), *STARTUP_QUERY, "--engine", engine], cwd=folder)[0]
                 for _ in range(repeats)]
        out[engine] = statistics.median(times)
    return out
