"""The one benchmark entry point: build, load, start-up, every library query on every engine, and the
view, ingest and endpoint benchmarks; a markdown report and PNG plots in ``docs/benchmarks/``.

    python benchmarks/run.py --quick                       # 10k, under two minutes
    python benchmarks/run.py --sizes 10k,100k,1M,10M       # the full run (about an hour at 10M)

Engines per size: the project's default (``oxigraph``: the build's on-disk store, read-only), the
build loaded into memory (``oxigraph-memory``), raw pyoxigraph on that in-memory store, rdflib (up to
``--rdflib-max``), Oxigraph server and Virtuoso 7 (each bulk-loaded by its own loader; left out when
not installed). Every measurement runs in a forked child killed at its time limit
(:func:`bench_query.measure`), so a runaway query cannot hold the machine; ratios are taken side by
side in one run. Needs only the package and matplotlib (``pip install '.[bench]'``), not the tests.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_query import measure  # noqa: E402
from report import write_report  # noqa: E402
from sizes import SIZES, build_project, prebuilt_project, startup_times  # noqa: E402

#: Benchmarks of other parts, run as scripts when present: (name, script, arguments for --quick).
#: --quick keeps to two minutes: views at 1k nodes with pyvis's wait capped at 10 s (its defaults
#: never settle at 1k: ">10 s" is the answer), the endpoint on the 10k build just made (no second
#: build of the project's data) with one round of 20 requests per client.
OTHER_BENCHMARKS = [
    ("views", "bench_views.py", ["--quick", "--sizes", "1000", "--cap", "10"]),
    ("ingest", "eval_ingest.py", []),
    ("endpoint", "bench_serve.py", ["--rounds", "1", "--requests", "20", "--build-dir", "{build_dir}"]),
]


def _engines(settings, label: str, args: argparse.Namespace, servers: dict):  # type: ignore[no-untyped-def]
    """name → function running a query text, for every engine measured at this size."""
    import pyoxigraph as ox

    from bench_query import _materialize
    from graph.store import OxigraphEngine, RdflibEngine, RemoteEngine
    from servers import with_union

    disk = OxigraphEngine.from_build(settings, on_disk=True)
    engines = {"embedded (default, on disk)": disk.query}
    if SIZES[label] <= args.memory_max:
        memory = OxigraphEngine.from_build(settings)
        engines["embedded (in memory)"] = memory.query
        engines["raw pyoxigraph (in memory)"] = lambda text: _materialize(memory.store.query(text))
        if SIZES[label] <= args.rdflib_max:
            rdf = RdflibEngine.from_store(memory.store)
            engines["rdflib"] = rdf.query
    for name, running in servers.items():
        remote = RemoteEngine(running.query_url, timeout=args.timeout)
        engines[name] = (lambda text, r=remote: r.query(with_union(text))) if name == "Virtuoso" else remote.query
    del ox
    return engines


def _query_rows(engines: dict, args: argparse.Namespace) -> list[dict]:  # type: ignore[type-arg]
    from graph.library import load_library, render

    rows = []
    for name, q in load_library(ROOT / "queries").items():
        text = render(q)
        row: dict = {"query": name, "times": {}, "notes": {}}  # type: ignore[type-arg]
        for engine, run in engines.items():
            repeats = 1 if engine == "rdflib" else args.repeats
            times, note = measure(lambda run=run: run(text), repeats=repeats, limit=args.timeout)
            row["times"][engine], row["notes"][engine] = times, note
        print(f"  {name}: " + ", ".join(f"{e} {statistics.median(t) * 1000:.1f} ms" if t else f"{e} {row['notes'][e]}"
                                         for e, t in row["times"].items()), flush=True)
        rows.append(row)
    return rows


def bench_size(label: str, args: argparse.Namespace) -> dict:  # type: ignore[type-arg]
    from contextlib import ExitStack

    from servers import UNION_GRAPH, oxigraph_server, virtuoso_server, write_union

    print(f"\n## {label}", flush=True)
    prebuilt = args.prebuilt.get(label)
    if prebuilt is not None:
        folder = prebuilt
        settings, figures = prebuilt_project(folder)
    else:
        folder = Path(tempfile.mkdtemp(prefix=f"tkg-bench-{label}-", dir=args.tmp))
        settings, figures = build_project(folder, SIZES[label])
    print(f"build: {figures['quads']:,} quads in {figures['build_s']:.1f} s "
          f"({figures['quads'] / figures['build_s']:,.0f} quads/s), peak {figures['build_peak_mb']:.0f} MB", flush=True)
    in_memory = SIZES[label] <= args.memory_max
    figures["startup"] = startup_times(folder, repeats=args.startup_repeats,
                                       engines=("oxigraph", "oxigraph-memory") if in_memory else ("oxigraph",))
    print(f"start to last row: {figures['startup']}", flush=True)
    import pyoxigraph as ox

    dataset = settings.dataset_path
    figures["load_raw_s"], _ = measure(lambda: ox.Store().bulk_load(path=str(dataset), format=ox.RdfFormat.N_QUADS),
                                       repeats=args.load_repeats, limit=1800)
    work = Path(tempfile.mkdtemp(prefix=f"tkg-bench-{label}-servers-", dir=args.tmp)) if prebuilt else folder
    with ExitStack() as stack:
        servers = {}
        if "oxigraph" in args.servers:
            union_nt = write_union(dataset, work / "union.nt", graph=None)
            running = stack.enter_context(oxigraph_server(work / "oxigraph", [dataset, union_nt]))
            if running:
                servers[running.name] = running
        if "virtuoso" in args.servers:
            union_nq = write_union(dataset, work / "union.nq", graph=UNION_GRAPH)
            running = stack.enter_context(virtuoso_server(work / "virtuoso", [dataset, union_nq]))
            if running:
                servers[running.name] = running
        figures["server_load_s"] = {name: r.load_seconds for name, r in servers.items()}
        print(f"server loads: {figures['server_load_s']}", flush=True)
        engines = _engines(settings, label, args, servers)
        figures["queries"] = _query_rows(engines, args)
    if prebuilt:
        import shutil

        shutil.rmtree(work, ignore_errors=True)  # the prebuilt project is the user's: only the servers' files go
    figures["folder"] = str(folder)  # a generated one is removed by main() once the other benchmarks ran
    return figures


def _prebuilt(values: list[str]) -> dict[str, Path]:
    """``--prebuilt 10M=DIR`` → {"10M": DIR}, checked: a known size and a folder holding a build."""
    out = {}
    for value in values:
        label, _, folder = value.partition("=")
        path = Path(folder)
        if label not in SIZES or not (path / "build" / "manifest.json").is_file():
            raise SystemExit(f"run.py: error: --prebuilt {value}: want SIZE=DIR with SIZE one of "
                             f"{', '.join(SIZES)} and DIR/build/manifest.json present")
        out[label] = path
    return out


def _merged(report: dict, out: Path) -> dict:  # type: ignore[type-arg]
    """The report with the sizes and benchmarks of ``out/results.json`` that this run did not measure."""
    import json

    try:
        old = json.loads((out / "results.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return report
    report["sizes"] = {**old.get("sizes", {}), **report["sizes"]}
    report["others"] = {**old.get("others", {}), **report["others"]}
    report["runs"] = [*old.get("runs", [{k: old[k] for k in ("date", "command", "seconds") if k in old}]),
                      {k: report[k] for k in ("date", "command", "seconds")}]
    return report


def run_other(name: str, script: str, extra: list[str], args: argparse.Namespace, *,
              build_dir: Path | None = None) -> dict:  # type: ignore[type-arg]
    path = ROOT / "benchmarks" / script
    if not path.is_file():
        return {"status": "not present"}
    started = time.perf_counter()
    if "{build_dir}" in extra:  # a build of this run, when there is one; else the script builds its own
        extra = ([a.replace("{build_dir}", str(build_dir)) for a in extra] if build_dir is not None
                 else extra[:extra.index("--build-dir")] + extra[extra.index("--build-dir") + 2:])
    proc = subprocess.run([sys.executable, str(path), *(extra if args.quick else [])], capture_output=True,
                          text=True, timeout=args.other_timeout)
    return {"status": "ok" if proc.returncode == 0 else f"exit {proc.returncode}",
            "seconds": round(time.perf_counter() - started, 1), "output": proc.stdout[-6000:],
            "error": proc.stderr[-1500:] if proc.returncode else ""}


def _machine() -> str:
    import os

    mem = ""
    try:
        kb = int(next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB"
    except (OSError, StopIteration):
        pass
    return f"{platform.machine()}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="10k only, fewer repeats, Oxigraph server only, no rdflib: under two minutes")
    parser.add_argument("--sizes", default="10k,100k,1M",
                        help="comma-separated of " + ", ".join(SIZES) + " ('' for the other benchmarks only)")
    parser.add_argument("--servers", default="oxigraph,virtuoso", help="servers to compare (or 'none')")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--load-repeats", type=int, default=2)
    parser.add_argument("--startup-repeats", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="limit per query and engine, seconds")
    parser.add_argument("--rdflib-max", default="100k", help="largest size rdflib runs at")
    parser.add_argument("--memory-max", default="1M",
                        help="largest size the in-memory engines run at (at 10M they need about 16 GB)")
    parser.add_argument("--skip-others", action="store_true", help="leave out the view, ingest, endpoint benchmarks")
    parser.add_argument("--other-timeout", type=float, default=1800.0)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks")
    parser.add_argument("--tmp", type=Path, default=None, help="where the synthetic builds go (default: /tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic builds")
    parser.add_argument("--prebuilt", action="append", default=[], metavar="SIZE=DIR",
                        help="measure a synthetic project built beforehand (e.g. 10M=/data/p10M) instead of "
                             "generating and building one; its build figures come from DIR/build-figures.json")
    parser.add_argument("--merge", action="store_true",
                        help="keep the sizes and benchmarks of OUT/results.json that this run does not measure")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.servers, args.repeats, args.load_repeats, args.startup_repeats, args.timeout = (
            "10k", "oxigraph", 3, 1, 2, 20.0)
        args.rdflib_max = "0"  # rdflib takes seconds per query even at 10k: the full run has it
    args.prebuilt = _prebuilt(args.prebuilt)
    unknown = [s for s in args.sizes.split(",") if s and s not in SIZES]
    if unknown:
        parser.error(f"--sizes: unknown size {unknown[0]!r}; known: {', '.join(SIZES)}")
    args.rdflib_max = SIZES.get(str(args.rdflib_max), 0)
    args.memory_max = SIZES.get(str(args.memory_max), 0)  # "0" or an unknown size: rdflib is left out
    started = time.perf_counter()
    report: dict = {"date": datetime.date.today().isoformat(), "machine": _machine(), "quick": args.quick,  # type: ignore[type-arg]
                    "command": "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
                    "sizes": {}, "others": {}}
    for label in [s for s in args.sizes.split(",") if s]:  # --sizes "" runs only the other benchmarks
        report["sizes"][label] = bench_size(label, args)
    folders = [Path(f.pop("folder")) for f in report["sizes"].values()]
    if not args.skip_others:
        for name, script, extra in OTHER_BENCHMARKS:
            print(f"\n## {name} ({script})", flush=True)
            report["others"][name] = run_other(name, script, extra, args, build_dir=folders[0] / "build" if folders else None)
            print(f"{report['others'][name]['status']} ({report['others'][name].get('seconds', 0):.0f} s)", flush=True)
    if not args.keep:
        import shutil

        for folder in folders:
            if folder not in args.prebuilt.values():
                shutil.rmtree(folder, ignore_errors=True)
    report["seconds"] = round(time.perf_counter() - started, 1)
    if args.merge:
        report = _merged(report, args.out)
    written = write_report(report, args.out)
    print(f"\ntotal {report['seconds']:.0f} s; wrote " + ", ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
