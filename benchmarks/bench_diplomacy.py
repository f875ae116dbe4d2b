"""Benchmark: the embassies import at the default (Turkic) scope beside the world scope.

    python benchmarks/bench_diplomacy.py              # both scopes, every library query 3 times
    python benchmarks/bench_diplomacy.py --repeat 1

For each scope: the import (table → TriG) and the names file, then `tkg build` in a child process
under /usr/bin/time -v (wall time and peak resident memory), then every library query on the
embedded engine (median of the repeats). Prints one table per measure with the world/default ratio.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.api import run_text  # noqa: E402
from graph.importers.world import world_project  # noqa: E402
from graph.library import load_library, render  # noqa: E402
from graph.settings import load_settings  # noqa: E402
from graph.store import OxigraphEngine  # noqa: E402


def _build(root: Path) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MB, and the build's own summary line."""
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "graph.cli", "--root", str(root),
           "--build-dir", str(root / "build"), "build"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", proc.stderr).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1)) // 1024
    return seconds, rss, proc.stdout.strip() or proc.stderr.splitlines()[0]


def measure(scope: str, repeat: int) -> dict[str, float | str]:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        root = world_project(ROOT, Path(tmp) / scope, scope=scope)
        out: dict[str, float | str] = {"import s": time.perf_counter() - t0}
        out["build s"], out["build peak MB"], out["summary"] = _build(root)
        engine = OxigraphEngine.from_build(load_settings(root=root, build_dir=root / "build"))
        for name, query in sorted(load_library(root / "queries").items()):
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                run_text(engine, render(query), timeout=300)
                times.append(time.perf_counter() - t)
            out[f"query {name} ms"] = statistics.median(times) * 1000
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    default, world = measure("turkic", args.repeat), measure("all", args.repeat)
    print(f"default: {default.pop('summary')}\nworld:   {world.pop('summary')}\n")
    print(f"{'measure':<44}{'default':>12}{'world':>12}{'ratio':>8}")
    for key in default:
        d, w = float(default[key]), float(world[key])
        print(f"{key:<44}{d:>12.1f}{w:>12.1f}{(w / d if d else float('nan')):>8.1f}")


if __name__ == "__main__":
    main()
