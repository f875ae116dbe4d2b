"""The build's store writing against raw pyoxigraph ``bulk_load``, side by side (issue #13 item 2).

For one build's ``dataset.nq``, each in a fresh process (time and peak memory):

* ``raw-disk``: ``pyoxigraph.Store(path).bulk_load(dataset.nq)`` into an empty on-disk store;
* ``raw-memory``: ``pyoxigraph.Store().bulk_load(dataset.nq)`` in memory;
* ``raw-disk-union``: the same on-disk load, then the union default graph (``union.nt``, written
  beforehand, not timed) bulk-loaded too: the same quads the build's store holds;
* ``project-memory``: what ``--engine oxigraph-memory`` does to open a build: the raw in-memory
  load, then the union copied into the default graph (``graph.store.materialize_default_union``);
* ``build-step``: what the build does (``graph/build_check.py``, ``graph/build.py``): the asserted
  quads as lists of ``Quad`` objects (one per source file; the ontology's and the data's graphs),
  then each inference rule's conclusions (one list per inferred predicate, as each rule adds one),
  each with ``Store.bulk_extend``, then the union from the in-memory store with one
  ``bulk_extend(union.quads_for_pattern(..., DefaultGraph()))``, then ``flush``. Only the writes
  into the on-disk store are timed (the lists are made before, as the parser makes them).

Each kind runs ``--repeats`` times, the kinds interleaved, and the fastest run counts (the machine
is shared: the slowest runs measure the neighbours). Peak memory is each child's own (the parent
stays small: the union file is written by a child too).

    python benchmarks/bench_store_load.py /tmp/synth-1M/build --tmp /tmp/load --repeats 2
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's own `graph`, as the other benchmarks

from servers import write_union as write_distinct_union

from graph.load import INFERRED_GRAPH as INFERRED
from graph.load import ONTOLOGY_GRAPH as ONTOLOGY

NQ, NT = ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw(dataset: Path, target: Path | None, union: Path | None = None) -> dict[str, float]:
    store = ox.Store(str(target)) if target is not None else ox.Store()
    start = time.perf_counter()
    store.bulk_load(path=str(dataset), format=NQ)
    if union is not None:
        store.bulk_load(path=str(union), format=NT, to_graph=ox.DefaultGraph())
    if target is not None:
        store.flush()
    return {"seconds": time.perf_counter() - start}


def build_step(dataset: Path, target: Path) -> dict[str, float]:
    memory = ox.Store()
    memory.bulk_load(path=str(dataset), format=NQ)
    disk = ox.Store(str(target))
    timed = {"asserted": 0.0, "inferred": 0.0, "union": 0.0, "flush": 0.0}
    loads = 0
    for name, graphs in (("ontology", [ONTOLOGY]), ("data", None)):
        quads = [q for q in memory.quads_for_pattern(None, None, None, graphs[0] if graphs else None)
                 if (graphs is not None or q.graph_name not in (ONTOLOGY, INFERRED)) and q.graph_name != ox.DefaultGraph()]
        start = time.perf_counter()
        disk.bulk_extend(quads)
        timed["asserted"] += time.perf_counter() - start
        loads += 1
        del quads
    predicates = sorted({q.predicate.value for q in memory.quads_for_pattern(None, None, None, INFERRED)})
    for p in predicates:  # one rule's conclusions at a time
        quads = list(memory.quads_for_pattern(None, ox.NamedNode(p), None, INFERRED))
        start = time.perf_counter()
        disk.bulk_extend(quads)
        timed["inferred"] += time.perf_counter() - start
        loads += 1
        del quads
    memory.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")  # the union, as the check holds it
    start = time.perf_counter()
    disk.bulk_extend(memory.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    timed["union"] = time.perf_counter() - start
    start = time.perf_counter()
    disk.flush()
    timed["flush"] = time.perf_counter() - start
    return {"seconds": sum(timed.values()), **timed, "bulk_loads": loads + 1}


def _child(kind: str, dataset: Path, tmp: Path) -> dict[str, float]:
    target = tmp / kind
    shutil.rmtree(target, ignore_errors=True)
    if kind == "union":
        return {"triples": write_union(dataset, tmp / "union.nt")}
    if kind == "raw-memory":
        out = raw(dataset, None)
    elif kind == "project-memory":
        from graph.store import materialize_default_union

        start = time.perf_counter()
        store = ox.Store()
        store.bulk_load(path=str(dataset), format=NQ)
        materialize_default_union(store)
        out = {"seconds": time.perf_counter() - start}
    elif kind == "raw-disk":
        out = raw(dataset, target)
    elif kind == "raw-disk-union":
        out = raw(dataset, target, union=tmp / "union.nt")
    else:
        out = build_step(dataset, target)
    out["peak_mb"] = _peak_mb()
    shutil.rmtree(target, ignore_errors=True)
    return out


def write_union(dataset: Path, path: Path) -> int:
    """The union of the build's graphs, each triple once, as N-Triples (the servers' loader); its size."""
    with write_distinct_union(dataset, path, graph=None).open("rb") as lines:
        return sum(1 for _ in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build_dir", type=Path, help="a build folder with dataset.nq")
    parser.add_argument("--tmp", type=Path, required=True, help="scratch folder for the stores")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--kinds", default="raw-disk,raw-memory,raw-disk-union,project-memory,build-step")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args(argv)
    dataset = args.build_dir / "dataset.nq"
    if args.child:
        print(json.dumps(_child(args.child, dataset, args.tmp)))
        return 0
    args.tmp.mkdir(parents=True, exist_ok=True)

    def child(kind: str) -> dict[str, float]:
        proc = subprocess.run([sys.executable, __file__, str(args.build_dir), "--tmp", str(args.tmp), "--child", kind],
                              capture_output=True, text=True, check=True)
        return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]

    if not (args.tmp / "union.nt").is_file():
        print(f"union triples: {child('union')['triples']:,} (written beforehand, not timed)", flush=True)
    results: dict[str, list[dict[str, float]]] = {}
    kinds = args.kinds.split(",")
    for round_ in range(args.repeats):
        for kind in (kinds if round_ % 2 == 0 else kinds[::-1]):
            results.setdefault(kind, []).append(child(kind))
            print(f"{kind}: {results[kind][-1]}", flush=True)
    best = {kind: min(runs, key=lambda r: r["seconds"]) for kind, runs in results.items()}
    base = best.get("raw-disk", {}).get("seconds")
    print("\n| step | fastest of runs | all runs | peak memory | / raw on-disk bulk_load |\n|---|---:|---:|---:|---:|")
    for kind, r in best.items():
        runs = ", ".join(f"{x['seconds']:.1f}" for x in results[kind])
        ratio = f"{r['seconds'] / base:.2f}x" if base else "–"
        print(f"| {kind} | {r['seconds']:.1f} s | {runs} | {r['peak_mb']:.0f} MB | {ratio} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
