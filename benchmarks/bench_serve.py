"""Benchmark: ``tkg serve`` against ``oxigraph serve-read-only`` on the same built store.

    python benchmarks/bench_serve.py                       # the project's data, 8 clients × 200 requests
    python benchmarks/bench_serve.py --clients 16 --requests 300 --build-dir build

Both servers read the same on-disk store (the build's ``build/store``; its default graph is the
de-duplicated union, so the same queries give the same answers on both). Every client sends the
library queries (default parameters) in turn, by POST (URL-encoded), asking for SPARQL JSON or
N-Triples. Prints throughput (requests/s), p50 and p99 latency of each server, and the ratios
(``tkg serve`` / ``oxigraph``; ≥ 1 is better for throughput, ≤ 1 for latency). Both servers are
started on 127.0.0.1 on free ports and stopped by PID.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.library import load_library, render  # noqa: E402
from servers import free_port, stop, wait_for_http  # noqa: E402
from graph.settings import load_settings  # noqa: E402


def drive(url: str, queries: list[tuple[str, str]], *, clients: int, requests: int) -> tuple[float, list[float], int]:
    """Requests per second, every latency (s) and the number of errors."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def client(n: int) -> None:
        mine, bad = [], 0
        for i in range(requests):
            accept, text = queries[(n * requests + i) % len(queries)]
            data = urllib.parse.urlencode({"query": text}).encode()
            req = urllib.request.Request(url, data=data, headers={"Accept": accept})
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=120) as r:
                    r.read()
            except OSError:
                bad += 1
            mine.append(time.perf_counter() - t)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return len(latencies) / wall, latencies, errors[0]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", type=Path, default=None, help="a built folder (default: build the project's data into a temporary folder)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=200, help="requests per client")
    parser.add_argument("--workers", type=int, default=None, help="tkg serve's query workers (default: its own)")
    parser.add_argument("--rounds", type=int, default=2, help="alternate the servers this many times; the best round counts")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    try:
        if args.build_dir is None:
            from graph.build import build

            settings = load_settings(root=ROOT, build_dir=tmp / "build")
            build(settings)
        else:
            settings = load_settings(root=ROOT, build_dir=args.build_dir)
        library = load_library(settings.queries_dir)
        queries = [("application/n-triples" if q.kind in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json",
                    render(q)) for q in library.values()]
        # tkg serve accepts undeclared project prefixes; oxigraph does not: send both the full text
        from graph.library import with_prefixes

        queries = [(accept, with_prefixes(text)[0]) for accept, text in queries]

        ox_port, tkg_port = free_port(), free_port()
        oxigraph = shutil.which("oxigraph")
        if oxigraph is None:
            raise SystemExit("oxigraph is not installed (pip install oxigraph)")
        ox_proc = subprocess.Popen([oxigraph, "serve-read-only", "--location", str(settings.store_path),
                                    "--bind", f"127.0.0.1:{ox_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        serve_args = [sys.executable, "-m", "graph.cli", "--root", str(settings.root), "--build-dir", str(settings.build_dir),
                      "serve", "--port", str(tkg_port)] + (["--workers", str(args.workers)] if args.workers else [])
        tkg_proc = subprocess.Popen(serve_args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            quiet = Path(os.devnull)  # the servers' output is discarded: no log to show
            wait_for_http(f"http://127.0.0.1:{ox_port}/query?query=ASK%7B%7D", ox_proc, timeout=60, log=quiet)
            wait_for_http(f"http://127.0.0.1:{tkg_port}/sparql", tkg_proc, timeout=60, log=quiet)
            urls = {"oxigraph": f"http://127.0.0.1:{ox_port}/query", "tkg serve": f"http://127.0.0.1:{tkg_port}/sparql"}
            best: dict[str, tuple[float, list[float], int]] = {}
            for _ in range(args.rounds):
                for name, url in urls.items():
                    drive(url, queries, clients=args.clients, requests=5)  # warm-up
                    got = drive(url, queries, clients=args.clients, requests=args.requests)
                    if name not in best or got[0] > best[name][0]:
                        best[name] = got
        finally:
            stop(tkg_proc)
            stop(ox_proc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"{len(queries)} library queries, {args.clients} clients × {args.requests} requests, best of {args.rounds} rounds, "
          f"{os.cpu_count()} cores")
    print("| server | requests/s | p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|")
    for name, (rps, lat, errs) in best.items():
        print(f"| {name} | {rps:.0f} | {pct(lat, 50) * 1000:.1f} | {pct(lat, 99) * 1000:.1f} | {errs} |")
    (a_rps, a_lat, _), (b_rps, b_lat, _) = best["tkg serve"], best["oxigraph"]
    print(f"| ratio tkg serve / oxigraph | {a_rps / b_rps:.2f}× | {pct(a_lat, 50) / pct(b_lat, 50):.2f}× | "
          f"{pct(a_lat, 99) / pct(b_lat, 99):.2f}× | |")
    print(f"median latency: tkg serve {statistics.median(a_lat) * 1000:.1f} ms, oxigraph {statistics.median(b_lat) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
