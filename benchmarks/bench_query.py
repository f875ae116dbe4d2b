"""Benchmarks: every library query (queries/*.rq) on embedded pyoxigraph, rdflib and Oxigraph server,
plus build and load throughput and peak memory, on synthetic graphs from ``benchmarks/generate.py``.

    python benchmarks/bench_query.py --quick                  # 10k only, under two minutes
    python benchmarks/bench_query.py --sizes 10k,100k,1M --rdflib-max 100k

Prints medians (min–max) and ratios. "project" is the project's code (``load_dataset_store``,
``OxigraphEngine`` with its set-semantics default graph, ``OxigraphEngine.query`` → ``Result``);
"raw" is pyoxigraph alone (``Store.bulk_load``; ``Store.query`` on the engine's store, materialized
to a list). Each measurement runs in a forked child that is killed
at the time limit, so a runaway query cannot hold the machine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import warnings  # noqa: E402

import pyoxigraph as ox  # noqa: E402

# graph.store's RemoteEngine asks SPARQLWrapper for 'nt', which it ignores with a warning (told the lead)
warnings.filterwarnings("ignore", "Ignore format 'nt'")

from generate import generate  # noqa: E402
from graph.build import build, write_nquads  # noqa: E402
from graph.infer import infer  # noqa: E402
from graph.library import load_library, render  # noqa: E402
from graph.load import read_sources  # noqa: E402
from graph.settings import load_settings  # noqa: E402
from graph.store import OxigraphEngine, RdflibEngine, RemoteEngine, load_dataset_store  # noqa: E402

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}


# ------------------------------------------------------------------------------------------ timing

def _child(fn: Callable[[], object], repeats: int, conn) -> None:  # type: ignore[no-untyped-def]
    times = []
    try:
        for _ in range(repeats):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
            conn.send(("time", times[-1]))
        conn.send(("done", None))
    except BaseException as exc:  # noqa: BLE001 - report anything to the parent
        conn.send(("error", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"))


def measure(fn: Callable[[], object], *, repeats: int, limit: float) -> tuple[list[float], str | None]:
    """Run ``fn`` ``repeats`` times in a forked child; stop at ``limit`` seconds in all."""
    parent, child = mp.get_context("fork").Pipe()
    proc = mp.get_context("fork").Process(target=_child, args=(fn, repeats, child), daemon=True)
    proc.start()
    times: list[float] = []
    deadline = time.monotonic() + limit
    note = None
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not parent.poll(left):
            note = f">{limit:g}s" if not times else None
            break
        kind, value = parent.recv()
        if kind == "time":
            times.append(value)
            if len(times) == repeats:
                break
        elif kind == "error":
            note = value
            break
        else:
            break
    if proc.is_alive():
        proc.kill()
    proc.join()
    return times, note


def fmt(times: list[float], note: str | None = None) -> str:
    if not times:
        return note or "–"
    med = statistics.median(times)
    return f"{_ms(med)} ({_ms(min(times))}–{_ms(max(times))})"


def _ms(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def ratio(a: list[float], b: list[float]) -> str:
    if not a or not b:
        return "–"
    return f"{statistics.median(a) / statistics.median(b):.1f}×"


def _materialize(answer: object) -> object:
    """What a query answers, read to the end (pyoxigraph streams solutions lazily)."""
    return bool(answer) if isinstance(answer, ox.QueryBoolean) else list(answer)  # type: ignore[call-overload]


def peak_rss(code: str) -> tuple[float, float]:
    """Run ``code`` in a fresh interpreter; its wall time and peak resident memory (MB)."""
    script = ("import resource, time, sys; sys.path.insert(0, %r)\nt = time.perf_counter()\n%s\n"
              "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
              % (str(ROOT), code))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    seconds, mb = out.split()[-2:]
    return float(seconds), float(mb)


# ------------------------------------------------------------------------------------------ data

def make_project(folder: Path, triples: int, *, validate: bool) -> tuple[Path, dict[str, float]]:
    """A temporary project with the ontology and one synthetic data file, built; returns the
    dataset path and the build figures."""
    shutil.copytree(ROOT / "ontology", folder / "ontology")
    (folder / "data").mkdir(parents=True)
    t = time.perf_counter()
    (folder / "data" / "synthetic.trig").write_text(generate(triples), encoding="utf-8")
    figures = {"generate_s": time.perf_counter() - t}
    settings = load_settings(root=folder, build_dir=folder / "build")
    t = time.perf_counter()
    if validate:  # the full build: parse, infer, SHACL, write, store
        result = build(settings)
        figures.update(build_s=time.perf_counter() - t, asserted=result.asserted, inferred=result.inferred)
    else:  # SHACL takes minutes at this size: parse, infer, write only (the same functions)
        settings.build_dir.mkdir(parents=True)
        sources = read_sources(settings.ontology_dir, settings.data_dir)
        inferred = infer(sources.quads)
        write_nquads([*sources.quads, *inferred], settings.dataset_path)
        figures.update(build_s=time.perf_counter() - t, asserted=len(set(sources.quads)), inferred=len(inferred))
    return settings.dataset_path, figures


# ------------------------------------------------------------------------------------------ server

def start_server(dataset: Path, union: ox.Store, folder: Path):  # type: ignore[no-untyped-def]
    """``oxigraph load`` (the named graphs, and their union once into the default graph, as the
    embedded engine has it), then ``oxigraph serve`` on 127.0.0.1; returns (process, query URL)."""
    from servers import free_port, wait_for_http

    binary = shutil.which("oxigraph")
    if binary is None:
        return None, None
    location = folder / "oxigraph-server"
    union_file = folder / "union.nt"
    with union_file.open("wb") as out:
        ox.serialize((q.triple for q in union.quads_for_pattern(None, None, None, ox.DefaultGraph())), out,
                     format=ox.RdfFormat.N_TRIPLES)
    for path in (dataset, union_file):
        subprocess.run([binary, "load", "--location", str(location), "--file", str(path)], check=True,
                       capture_output=True)
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                                stdout=out, stderr=subprocess.STDOUT)
    wait_for_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", proc, timeout=60, log=log)
    return proc, f"http://127.0.0.1:{port}/query"


# ------------------------------------------------------------------------------------------ main

def run_size(label: str, triples: int, args: argparse.Namespace, report: dict) -> None:  # type: ignore[type-arg]
    folder = Path(tempfile.mkdtemp(prefix=f"tkg-bench-{label}-"))
    try:
        print(f"\n## {label}: generating and building …", flush=True)
        dataset, figures = make_project(folder, triples, validate=triples <= 10_000)
        quads = figures["asserted"] + figures["inferred"]
        print(f"{figures['asserted']} asserted + {figures['inferred']} inferred = {quads} quads; "
              f"generate {figures['generate_s']:.1f} s; "
              f"{'build (with SHACL)' if triples <= 10_000 else 'build without SHACL (parse + infer + write)'} "
              f"{figures['build_s']:.1f} s = {quads / figures['build_s']:,.0f} quads/s")

        # Loading into the embedded store: project vs raw, medians, and peak memory in fresh processes.
        repeats = args.load_repeats
        project_load, _ = measure(lambda: OxigraphEngine(load_dataset_store(dataset)), repeats=repeats, limit=600)
        raw_load, _ = measure(lambda: ox.Store().bulk_load(path=str(dataset), format=ox.RdfFormat.N_QUADS),
                              repeats=repeats, limit=600)
        _, project_mb = peak_rss(f"from graph.store import OxigraphEngine, load_dataset_store; "
                                 f"from pathlib import Path; e = OxigraphEngine(load_dataset_store(Path({str(dataset)!r})))")
        _, raw_mb = peak_rss(f"import pyoxigraph as ox; s = ox.Store(); "
                             f"s.bulk_load(path={str(dataset)!r}, format=ox.RdfFormat.N_QUADS)")
        rd_load: list[float] = []
        rd_mb = None
        if triples <= args.rdflib_max:
            rd_load, _ = measure(lambda: RdflibEngine.from_store(load_dataset_store(dataset)), repeats=1, limit=900)
            _, rd_mb = peak_rss(f"from graph.store import RdflibEngine, load_dataset_store; from pathlib import Path; "
                                f"e = RdflibEngine.from_store(load_dataset_store(Path({str(dataset)!r})))")
        print(f"load into embedded store: project {fmt(project_load)} vs raw bulk_load {fmt(raw_load)} "
              f"= {ratio(project_load, raw_load)} ({quads / statistics.median(project_load):,.0f} quads/s); "
              f"peak memory {project_mb:.0f} MB vs {raw_mb:.0f} MB")
        if rd_load:
            print(f"rdflib Dataset from the store: {fmt(rd_load)}; peak memory {rd_mb:.0f} MB")

        engine = OxigraphEngine(load_dataset_store(dataset))
        store = engine.store
        rdf = RdflibEngine.from_store(load_dataset_store(dataset)) if triples <= args.rdflib_max else None
        server, url = start_server(dataset, store, folder) if not args.no_server else (None, None)
        remote = RemoteEngine(url, timeout=args.timeout) if url else None
        rows = []
        try:
            library = load_library(ROOT / "queries")
            print("\n| query | rows | embedded (project) | raw pyoxigraph | overhead | rdflib | rdflib/embedded "
                  "| Oxigraph server | server/embedded |\n|---|---|---|---|---|---|---|---|---|")
            for name, q in library.items():
                text = render(q)
                try:
                    n = len(engine.query(text, timeout=args.timeout))
                except Exception as exc:  # noqa: BLE001 - a slow query is a finding, not a crash
                    n = f"({type(exc).__name__})"
                emb, emb_note = measure(lambda: engine.query(text), repeats=args.repeats, limit=args.timeout)
                raw, raw_note = measure(lambda: _materialize(store.query(text)),
                                        repeats=args.repeats, limit=args.timeout)
                rd, rd_note = ([], "not run")
                if rdf is not None:
                    rd, rd_note = measure(lambda: rdf.query(text), repeats=max(1, args.repeats // 2),
                                          limit=args.rdflib_timeout)
                sv, sv_note = ([], "not run")
                if remote is not None:
                    sv, sv_note = measure(lambda: remote.query(text), repeats=args.repeats, limit=args.timeout)
                overhead = (f"{(statistics.median(emb) / statistics.median(raw) - 1) * 100:+.0f}%"
                            if emb and raw else "–")
                rd_ratio = ratio(rd, emb) if rd else (f"≥{args.rdflib_timeout / statistics.median(emb):.0f}×"
                                                      if emb and rd_note and rd_note.startswith(">") else "–")
                line = (f"| {name} | {n} | {fmt(emb, emb_note)} | {fmt(raw, raw_note)} | {overhead} | "
                        f"{fmt(rd, rd_note)} | {rd_ratio} | {fmt(sv, sv_note)} | {ratio(sv, emb)} |")
                print(line, flush=True)
                rows.append({"query": name, "rows": n, "embedded": emb, "raw": raw, "rdflib": rd, "server": sv,
                             "notes": [emb_note, raw_note, rd_note, sv_note]})
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
        report[label] = {"figures": figures, "load_project": project_load, "load_raw": raw_load,
                         "peak_mb_project": project_mb, "peak_mb_raw": raw_mb, "rdflib_load": rd_load,
                         "peak_mb_rdflib": rd_mb, "queries": rows}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10k only, rdflib included, fewer repeats")
    parser.add_argument("--sizes", default="10k,100k", help="comma-separated: 10k, 100k, 1M")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--load-repeats", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="limit per query and engine, seconds")
    parser.add_argument("--rdflib-max", default="100k", help="largest size rdflib runs at (cap)")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0, help="limit per rdflib query, seconds")
    parser.add_argument("--no-server", action="store_true", help="leave out Oxigraph server")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats, args.load_repeats, args.timeout, args.rdflib_timeout = "10k", 3, 2, 20.0, 10.0
    args.rdflib_max = SIZES.get(args.rdflib_max, 0) if isinstance(args.rdflib_max, str) else args.rdflib_max
    print(f"pyoxigraph {ox.__version__}; {os.cpu_count()} cores; repeats {args.repeats}; limit {args.timeout:g} s "
          f"per query (rdflib {args.rdflib_timeout:g} s, up to {args.rdflib_max:,} triples)")
    report: dict = {}  # type: ignore[type-arg]
    started = time.perf_counter()
    for label in args.sizes.split(","):
        run_size(label, SIZES[label], args, report)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
