"""Time to interactive of the diplomacy view (``tkg viz --diplomacy``) in headless Chromium.

Two networks, each drawn with the map layout and the force layout:

* **world (synthetic)**: 200 states at random coordinates and 9,852 missions (the size of the whole
  database-of-embassies table, ``--scope all``) between them, senders and hosts drawn with a skewed
  weight as real networks are (a few states send and host most), 2,000 accreditations from a third capital;
* **build**: the network of the current build (``--build-dir``, default ``build/``), if there is one.

Interactive = the first frame drawn with every node and link (``tkgView.timings.drawn``, milliseconds
from navigation start, in a fresh offline browser context); medians of ``--reps`` runs. Also printed:
the Python time to make the page (model, layout, network, HTML) and the page's size.

    python benchmarks/bench_diplomacy_view.py [--reps 3] [--build-dir build]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's graph package

from bench_views import ARGS, CHROMIUM, time_page  # type: ignore[import-not-found]  # noqa: E402

from graph.analyze_diplomacy import Accreditation, DiplomacyNetwork, Mission
from graph.viz.diplomacy import (
    DiplomacyView,
    build_diplomacy_network,
    capitals,
    diplomacy_model,
    diplomacy_view,
    map_positions,
    write_diplomacy_view,
)
from graph.viz.network import layout_positions

S = "https://w3id.org/turkic-kg/id/state/"


def synthetic_world(*, states: int = 200, missions: int = 9852, accreditations: int = 2000, seed: int = 1) -> DiplomacyNetwork:
    rng = random.Random(seed)
    codes = ["AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM", "NCY"] + [f"X{i:02d}" for i in range(states - 8)]
    iris = [S + c for c in codes]
    weight = [1 / (i + 1) ** 0.8 for i in range(states)]
    where = {s: (rng.uniform(-50, 65), rng.uniform(-170, 175)) for s in iris}
    out = []
    for i in range(missions):
        s, h = rng.choices(iris, weight, k=2)
        if s == h:
            continue
        lat, long = where[h]
        out.append(Mission(f"m{i}", s, h, rng.random() > 0.1, f"city-{h}", lat, long))
    accs = []
    for i in range(accreditations):
        m = rng.choice(out)
        accs.append(Accreditation(m.iri, m.sender, m.host, rng.choice(iris)))
    return DiplomacyNetwork(labels={s: f"State {c}" for s, c in zip(iris, codes)}, missions=out, accreditations=accs)


def page_of(net: DiplomacyNetwork, layout: str, path: Path) -> tuple[Path, float, int, int]:
    start = time.perf_counter()
    G = diplomacy_model(net, focus=None)  # every pair, as a world-scope import would be drawn in full
    caps = capitals(net)
    pos, unplaced = map_positions(G, caps) if layout == "map" else (layout_positions(sorted(G), G.edges()), [])
    view = DiplomacyView("bench", "Synthetic world", "", G, build_diplomacy_network(net, G, pos, caps, unplaced,
                                                                                    layout=layout), [])
    write_diplomacy_view(view, path)
    return path, time.perf_counter() - start, G.number_of_nodes(), G.number_of_edges()


def build_page(build_dir: Path, layout: str, path: Path) -> tuple[Path, float, int, int]:
    from graph.settings import load_settings
    from graph.store import OxigraphEngine

    settings = load_settings(build_dir=build_dir)
    engine = OxigraphEngine.from_build(settings)
    start = time.perf_counter()
    view = diplomacy_view(engine, layout=layout)
    write_diplomacy_view(view, path)
    return path, time.perf_counter() - start, view.graph.number_of_nodes(), view.graph.number_of_edges()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--build-dir", type=Path, default=Path("build"))
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        cases = [("world (synthetic)", lay, lambda lay, p: page_of(synthetic_world(), lay, p)) for lay in ("map", "force")]
        if (args.build_dir / "dataset.nq").is_file():
            cases += [("build", lay, lambda lay, p: build_page(args.build_dir, lay, p)) for lay in ("map", "force")]
        warm = page_of(synthetic_world(states=20, missions=50, accreditations=5), "map", Path(tmp) / "warm.html")[0]
        time_page(browser, warm, "window.tkgView && tkgView.ready", "tkgView.timings.drawn", 30)
        for name, layout, make in cases:
            path, seconds, nodes, edges = make(layout, Path(tmp) / f"{name[:5]}-{layout}.html")
            runs = [time_page(browser, path, "window.tkgView && tkgView.ready", "tkgView.timings.drawn", 60)
                    for _ in range(args.reps)]
            med = statistics.median([r for r in runs if r is not None]) / 1000 if all(r is not None for r in runs) else None
            rows.append((name, layout, nodes, edges, f"{seconds:.2f} s", f"{path.stat().st_size / 1e6:.1f} MB",
                         f"{med:.2f} s" if med is not None else "> 60 s",
                         ", ".join(f"{r / 1000:.2f}" if r is not None else "-" for r in runs)))
            print(f"{name} {layout}: {rows[-1][-2]}", file=sys.stderr, flush=True)
        browser.close()
    headers = ("network", "layout", "states", "links", "page made in (Python)", "HTML size",
               "time to interactive (median)", "each run (s)")
    print(f"Diplomacy view in headless Chromium, median of {args.reps} run(s)")
    print("| " + " | ".join(headers) + " |")
    print("|" + "---|" * len(headers))
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
