"""The benchmark report: ``docs/benchmarks/README.md`` (tables, with the date and the machine),
``results.json`` (every figure), and PNG plots of time against size on log axes, one line per engine."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from sizes import SIZES


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _median(times: list[float]) -> float | None:
    return statistics.median(times) if times else None


def _engines(report: dict) -> list[str]:  # type: ignore[type-arg]
    names: list[str] = []
    for figures in report["sizes"].values():
        for row in figures["queries"]:
            for engine in row["times"]:
                if engine not in names:
                    names.append(engine)
    return names


def _total(figures: dict, engine: str, only: set[str] | None = None) -> float | None:  # type: ignore[type-arg]
    """Sum of the median times of every library query (or of those in ``only``); None if one did not finish."""
    medians = [_median(row["times"].get(engine, [])) for row in figures["queries"] if only is None or row["query"] in only]
    return None if not medians or any(m is None for m in medians) else sum(medians)  # type: ignore[arg-type]


def _build_line(figures: dict) -> str:  # type: ignore[type-arg]
    seconds, peak = figures.get("build_s"), figures.get("build_peak_mb")
    line = "- build (parse, infer, validate, write, store): " + (
        f"{seconds:.1f} s = {figures['quads'] / seconds:,.0f} quads/s, peak memory {peak:,.0f} MB"
        if seconds and peak else "not measured in this run")
    if figures.get("prebuilt"):
        line += f" (built beforehand{': ' + figures['build_note'] if figures.get('build_note') else ''})"
    return line


def _size_tables(label: str, figures: dict, engines: list[str]) -> list[str]:  # type: ignore[type-arg]
    base = engines[0]
    lines = [f"### {label}: {figures['quads']:,} quads", "", _build_line(figures),
             f"- raw pyoxigraph `bulk_load` in memory: {_ms(_median(figures['load_raw_s']))}; server loads: "
             + (", ".join(f"{n} {_ms(s)}" for n, s in figures["server_load_s"].items()) or "none"),
             "- process start to last row of `members_on_date`: "
             + ", ".join(f"`{e}` {_ms(s)}" for e, s in figures["startup"].items()), "",
             "| query | " + " | ".join(engines) + " | " + " | ".join(f"{e} / {base}" for e in engines[1:]) + " |",
             "|---|" + "---|" * (2 * len(engines) - 1)]
    for row in figures["queries"]:
        meds = {e: _median(row["times"].get(e, [])) for e in engines}
        cells = [_ms(meds[e]) if meds[e] is not None else (row["notes"].get(e) or "–") for e in engines]
        ratios = [f"{meds[e] / meds[base]:.1f}×" if meds[e] and meds[base] else "–" for e in engines[1:]]
        lines.append(f"| {row['query']} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
    lines.append("| **all queries (sum of medians)** | " + " | ".join(_ms(_total(figures, e)) for e in engines)
                 + " | " + " | ".join("–" for _ in engines[1:]) + " |")
    return lines + [""]


def _common_queries(report: dict, engines: list[str]) -> set[str]:  # type: ignore[type-arg]
    """The queries every engine answered at every size where it ran: the plot's sums compare like with like."""
    common: set[str] | None = None
    for figures in report["sizes"].values():
        done = {row["query"] for row in figures["queries"]
                if all(row["times"].get(e) or e not in row["times"] for e in engines)}
        common = done if common is None else common & done
    return common or set()


def _plot(path: Path, title: str, ylabel: str, series: dict[str, list[tuple[int, float]]]) -> Path | None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = {k: v for k, v in series.items() if v}
    if not series:
        return None
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    for name, points in series.items():
        xs, ys = zip(*sorted(points))
        ax.plot(xs, ys, marker="o", label=name)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("quads in the build")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def _plots(report: dict, out: Path) -> list[Path]:  # type: ignore[type-arg]
    sizes = report["sizes"]
    engines = _engines(report)
    common = _common_queries(report, engines)
    q = {e: [(f["quads"], t) for f in sizes.values() if (t := _total(f, e, common)) is not None] for e in engines}
    load: dict[str, list[tuple[int, float]]] = {"tkg build (all steps)": [], "raw pyoxigraph bulk_load": []}
    start: dict[str, list[tuple[int, float]]] = {}
    for f in sizes.values():
        if f.get("build_s"):
            load["tkg build (all steps)"].append((f["quads"], f["build_s"]))
        if (m := _median(f["load_raw_s"])) is not None:
            load["raw pyoxigraph bulk_load"].append((f["quads"], m))
        for name, seconds in f["server_load_s"].items():
            load.setdefault(f"{name} load", []).append((f["quads"], seconds))
        for engine, seconds in f["startup"].items():
            start.setdefault(f"tkg query --engine {engine}", []).append((f["quads"], seconds))
    total = max((len(f["queries"]) for f in sizes.values()), default=0)
    made = [_plot(out / "queries.png", f"Library queries answered by every engine ({len(common)} of {total}), "
                  "sum of medians", "seconds", q),
            _plot(out / "load.png", "Building and loading", "seconds", load),
            _plot(out / "startup.png", "Process start to last row (members_on_date)", "seconds", start)]
    return [p for p in made if p is not None]


def _measured(report: dict) -> str:  # type: ignore[type-arg]
    runs = report.get("runs") or []
    if len(runs) < 2:
        return (f"Measured {report['date']} on {report['machine']} with `{report['command']}` "
                f"({report['seconds']:.0f} s in all).")
    return f"Measured on {report['machine']} in {len(runs)} runs, merged with `--merge`: " + "; ".join(
        f"{r['date']} `{r['command']}` ({r['seconds']:.0f} s)" for r in runs) + "."


def write_report(report: dict, out: Path) -> list[Path]:  # type: ignore[type-arg]
    out.mkdir(parents=True, exist_ok=True)
    engines = _engines(report)
    plots = _plots(report, out)
    lines = ["# Benchmark results", "",
             _measured(report) + " Written by `benchmarks/run.py`; medians of repeated runs, "
             "each engine side by side in the same run. Sizes: " + ", ".join(report["sizes"]) + ".", ""]
    lines += [f"![{p.stem}]({p.name})" for p in plots] + [""]
    for label in SIZES:
        if label in report["sizes"]:
            lines += _size_tables(label, report["sizes"][label], engines)
    for name, other in report["others"].items():
        lines += [f"### {name}", "", f"status: {other['status']}" + (f", {other['seconds']} s" if "seconds" in other else ""), ""]
        if other.get("output"):
            lines += ["```", other["output"].strip()[-3000:], "```", ""]
    md = out / "README.md"
    md.write_text("\n".join(lines), encoding="utf-8")
    js = out / "results.json"
    js.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    return [md, js, *plots]
