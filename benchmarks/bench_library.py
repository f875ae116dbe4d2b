"""Every library query on one build's default engine (the on-disk store), with the CLI's time limit.

For the 10M build, where loading into memory is out of reach of this machine's RAM: which queries
answer within ``tkg query``'s limit (``TKG_TIMEOUT``, 30 s), and how long each takes (median of
``--repeats``, each in a forked child killed at the limit, :func:`bench_query.measure`).

    python benchmarks/bench_library.py /tmp/synth-10M --repeats 2 --json out.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_query import fmt, measure


def bench_library(project: Path, *, repeats: int, limit: float) -> list[dict]:  # type: ignore[type-arg]
    """One row per library query: name, rows (first run), times, note (``>30s`` past the limit)."""
    from graph.library import load_library, render
    from graph.settings import load_settings
    from graph.store import OxigraphEngine

    settings = load_settings(root=project, build_dir=project / "build")
    engine = OxigraphEngine.from_build(settings, on_disk=True)
    rows = []
    for name, q in load_library(ROOT / "queries").items():
        text = render(q)
        times, note = measure(lambda text=text: engine.query(text), repeats=repeats, limit=limit)
        count = len(engine.query(text).rows) if times else None  # once more, outside the timing
        row = {"query": name, "rows": count, "times": times, "note": note,
               "within_limit": bool(times) and statistics.median(times) <= limit}
        print(f"| {name} | {row['rows'] if row['rows'] is not None else '–'} | {fmt(times, note)} |", flush=True)
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="a project folder with a build/ (e.g. from generate.py)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--limit", type=float, default=30.0, help="seconds (tkg query's default limit)")
    parser.add_argument("--json", type=Path, default=None, help="write the rows here")
    args = parser.parse_args(argv)
    print("| query | rows | default engine (on disk), median (min–max) |\n|---|---:|---:|", flush=True)
    rows = bench_library(args.project, repeats=args.repeats, limit=args.limit)
    over = [r["query"] for r in rows if not r["within_limit"]]
    print(f"\nover the {args.limit:g} s limit: {', '.join(over) or 'none'}")
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
