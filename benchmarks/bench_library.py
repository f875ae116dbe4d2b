"""Every library query on one build, with the CLI's time limit (or each query's own ``# timeout:``).

For the 10M build, where loading into memory is out of reach of this machine's RAM: which queries
answer within their limit, and how long each takes (median of ``--repeats``, each in a forked child
killed at the limit, :func:`bench_query.measure`). ``--engine oxigraph-memory`` loads the build into
memory first (its load time is printed, not counted); ``--queries DIR`` (repeatable) times the
queries of several folders side by side, e.g. a copy of the library before a rewrite and after.

    python benchmarks/bench_library.py /tmp/synth-10M --repeats 2 --json out.json
    python benchmarks/bench_library.py /tmp/synth-1M --only find_by_name,source_list \\
        --queries /tmp/before --queries queries --engine oxigraph-memory
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_query import fmt, measure


def _engine(project: Path, engine: str):  # type: ignore[no-untyped-def]
    from graph.settings import load_settings
    from graph.store import OxigraphEngine

    settings = load_settings(root=project, build_dir=project / "build")
    start = time.perf_counter()
    eng = OxigraphEngine.from_build(settings, on_disk=engine == "oxigraph")
    print(f"<!-- {engine}: opened in {time.perf_counter() - start:.1f} s -->", flush=True)
    return eng


def bench_library(project: Path, *, repeats: int, limit: float | None, engine: str = "oxigraph",
                  folders: list[Path] | None = None, only: set[str] | None = None,
                  count_rows: bool = True) -> list[dict]:  # type: ignore[type-arg]
    """One row per library query and folder: name, rows (first run), times, note (``>30s`` past the limit).

    ``limit`` None: each query's own limit (its ``# timeout:`` header, else the settings' default)."""
    from graph.library import load_library, render
    from graph.settings import DEFAULT_TIMEOUT

    eng = _engine(project, engine)
    folders = folders or [ROOT / "queries"]
    libraries = [load_library(folder) for folder in folders]
    rows = []
    for name in sorted(set().union(*libraries)):
        if only and name not in only:
            continue
        cells = []
        for folder, library in zip(folders, libraries):
            if name not in library:
                continue
            q = library[name]
            text = render(q)
            lim = limit if limit is not None else (q.timeout or DEFAULT_TIMEOUT)
            times, note = measure(lambda text=text: eng.query(text), repeats=repeats, limit=lim)
            count = len(eng.query(text).rows) if times and count_rows else None  # once more, outside the timing
            rows.append({"query": name, "folder": str(folder), "rows": count, "times": times, "note": note,
                         "limit": lim, "within_limit": bool(times) and statistics.median(times) <= lim})
            cells.append(f"{count if count is not None else '–'} | {fmt(times, note)} | {lim:g} s")
        print(f"| {name} | {' | '.join(cells)} |", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="a project folder with a build/ (e.g. from generate.py)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--limit", type=float, default=None,
                        help="seconds for every query (default: each query's own limit, as `tkg query`)")
    parser.add_argument("--engine", choices=["oxigraph", "oxigraph-memory"], default="oxigraph",
                        help="the on-disk store (default) or the build loaded into memory")
    parser.add_argument("--queries", type=Path, action="append", default=None,
                        help="a folder of .rq files (repeatable: side by side); default the library")
    parser.add_argument("--only", default="", help="comma-separated query names")
    parser.add_argument("--no-rows", action="store_true", help="do not run each query once more to count its rows")
    parser.add_argument("--json", type=Path, default=None, help="write the rows here")
    args = parser.parse_args(argv)
    folders = args.queries or [ROOT / "queries"]
    head = " | ".join(f"{f.name}: rows | {args.engine}, median (min–max) | limit" for f in folders)
    print(f"| query | {head} |\n|---|{'---:|' * 3 * len(folders)}", flush=True)
    rows = bench_library(args.project, repeats=args.repeats, limit=args.limit, engine=args.engine,
                         folders=folders, only={n for n in args.only.split(",") if n} or None,
                         count_rows=not args.no_rows)
    over = [f"{r['query']} ({Path(r['folder']).name})" for r in rows if not r["within_limit"]]
    print(f"\nover their limit: {', '.join(over) or 'none'}")
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
