"""Time to interactive of large views in headless Chromium: pyvis defaults vs the project's views.

For synthetic institution-shaped graphs of 1k, 5k and 20k entities (graph.viz.synthetic), the same
nodes and edges are drawn twice:

* **pyvis defaults**: ``Network()`` with its default options (physics on, Barnes-Hut, 1,000
  stabilization iterations, curved edges) and its default template (inlined scripts so no network is
  needed). Interactive = drawn after stabilization. Waiting is capped (``--cap``, 60 s).
* **views**: ``graph.viz.network.build_network`` (igraph layout precomputed, physics off, straight
  edges) and the project's template. Interactive = first frame drawn.

Times are milliseconds from navigation start to that moment (``performance.now()`` in the page), in
a fresh browser context each repetition; medians are printed with the ratio pyvis / views.

    python benchmarks/bench_views.py            # 1k, 5k, 20k; 3 repetitions
    python benchmarks/bench_views.py --quick    # 1k and 5k, one repetition
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pyvis.network import Network

from graph.fileio import write_atomic
from graph.viz.html import write_view
from graph.viz.network import build_network, node_id
from graph.viz.synthetic import synthetic_graph

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]

#: Appended to pyvis's page: record when the network is drawn after stabilizing.
_PYVIS_HOOK = """
<script>
(function () {
  var stable = false;
  window.__bench = {drawn: null};
  network.once("stabilizationIterationsDone", function () { stable = true; });
  network.on("afterDrawing", function () {
    if ((stable || !network.physics.options.enabled) && window.__bench.drawn === null) {
      window.__bench.drawn = performance.now();
    }
  });
})();
</script>
</body>"""


def pyvis_default_page(G, path: Path) -> Path:  # type: ignore[no-untyped-def]
    """The graph with pyvis's defaults; nodes and edges are filled in directly (``add_edge`` checks
    the node list linearly and would take minutes at 20k), as ``add_node`` / ``add_edge`` would."""
    net = Network(cdn_resources="in_line", directed=True)
    for key, data in G.nodes(data=True):
        node = {"id": node_id(key), "label": data["label"], "shape": "dot", "color": "#97c2fc",
                "title": data["label"], "font": {"color": False}}
        net.nodes.append(node)
        net.node_ids.append(node["id"])
        net.node_map[node["id"]] = node
    for u, v, data in G.edges(data=True):
        net.edges.append({"from": node_id(u), "to": node_id(v), "title": data["label"], "arrows": "to"})
    html = net.generate_html(name="pyvis.html")
    head, sep, _tail = html.rpartition("</body>")
    write_atomic(path, head + _PYVIS_HOOK + _tail if sep else html + _PYVIS_HOOK)
    return path


def time_page(browser, path: Path, ready_js: str, when_js: str, cap: float) -> float | None:  # type: ignore[no-untyped-def]
    """Milliseconds from navigation start until ``ready_js`` holds (None when past ``cap`` seconds)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # bypass_csp: Playwright's polling evaluates text, which the views' policy forbids; the policy
    # does not change how fast a page draws.
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        start = time.perf_counter()
        try:
            # "commit": pyvis's page can block its load event for minutes at 20k nodes.
            page.goto(path.as_uri(), wait_until="commit", timeout=cap * 1000)
            left = max(1.0, cap - (time.perf_counter() - start))
            page.wait_for_function(ready_js, timeout=left * 1000, polling=100)
        except PlaywrightTimeout:
            return None
        return float(page.evaluate(when_js))
    finally:
        context.close()


def fmt(ms: float | None, cap: float) -> str:
    return f">{cap:.0f} s" if ms is None else f"{ms / 1000:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 5k nodes, one repetition")
    parser.add_argument("--sizes", default=None, help="comma-separated node counts (default 1000,5000,20000)")
    parser.add_argument("--reps", type=int, default=None, help="repetitions (default 3; 1 with --quick)")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds to wait for pyvis defaults (default 60)")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")] if args.sizes else ([1000, 5000] if args.quick else [1000, 5000, 20000])
    reps = args.reps or (1 if args.quick else 3)

    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        # Warm the browser up once, as a user's running browser would be.
        warm = write_view(build_network(synthetic_graph(50)), Path(tmp) / "warm.html", title="warm")
        time_page(browser, warm, "window.tkgView && tkgView.ready", "tkgView.timings.drawn", 30)
        for n in sizes:
            G = synthetic_graph(n, seed=1)
            start = time.perf_counter()
            net = build_network(G)
            build_s = time.perf_counter() - start
            ours = write_view(net, Path(tmp) / f"views-{n}.html", title=f"{n} entities")
            theirs = pyvis_default_page(G, Path(tmp) / f"pyvis-{n}.html")
            ours_ms = [time_page(browser, ours, "window.tkgView && tkgView.ready", "tkgView.timings.drawn", args.cap)
                       for _ in range(reps)]
            pyvis_ms: list[float | None] = []
            for _ in range(reps):
                pyvis_ms.append(time_page(browser, theirs, "window.__bench && __bench.drawn !== null",
                                          "__bench.drawn", args.cap))
                if pyvis_ms[-1] is None:
                    break  # capped: more repetitions only cost minutes
            ours_med = statistics.median([x for x in ours_ms if x is not None]) if all(x is not None for x in ours_ms) else None
            pyvis_med = None if any(x is None for x in pyvis_ms) else statistics.median(pyvis_ms)  # type: ignore[type-var]
            if pyvis_med is not None and ours_med:
                ratio = f"{pyvis_med / ours_med:.0f}×"
            elif ours_med:
                ratio = f">{args.cap * 1000 / ours_med:.0f}×"
            else:
                ratio = "?"
            rows.append((n, G.number_of_edges(), fmt(pyvis_med, args.cap), fmt(ours_med, args.cap), ratio,
                         f"{build_s:.2f} s", f"{ours.stat().st_size / 1e6:.1f} MB",
                         ", ".join(fmt(x, args.cap) for x in ours_ms)))
            print(f"{n} nodes: pyvis defaults {fmt(pyvis_med, args.cap)}, views {fmt(ours_med, args.cap)}, "
                  f"ratio {ratio}", file=sys.stderr, flush=True)
        browser.close()

    headers = ("nodes", "edges", "pyvis defaults", "views (precomputed)", "ratio", "layout+network (Python)",
               "HTML size", "views, each run")
    print(f"Time to interactive in headless Chromium, median of {reps} run(s); pyvis capped at {args.cap:.0f} s")
    print("| " + " | ".join(headers) + " |")
    print("|" + "---|" * len(headers))
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
