"""``tkg viz`` (interactive HTML views), ``tkg analyze`` (network analytics), ``tkg path``."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import InputError
from ..settings import LAYOUT_THRESHOLD
from ._common import echo_table, parse_params, progress, settings_of

if TYPE_CHECKING:
    from ..settings import Settings

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _langs(lang: str) -> list[str]:
    langs = [x.strip() for x in lang.split(",") if x.strip()]
    return langs or ["en"]


def _day(value: datetime.datetime | None) -> datetime.date | None:
    return value.date() if value is not None else None


def _resolve(engine, G, names: tuple[str, ...]) -> list[str]:  # type: ignore[no-untyped-def]
    """The entities of ``G`` the names stand for (an IRI or prefixed name must be in ``G``); an
    inexact match of free text is said on stderr: ``matched "X" to Label <iri> (score N)``."""
    from ..names import NameIndex, resolve_name

    index: list[NameIndex] = []

    def names_index() -> NameIndex:
        if not index:
            index.append(NameIndex.from_engine(engine))
        return index[0]

    found = [resolve_name(name, exists=G.__contains__, index=names_index) for name in names]
    for r in found:
        if r.note():
            click.echo(r.note(), err=True)
    return [r.iri for r in found]



@click.command()
@click.option("--entity", metavar="NAME", default=None,
              help="One entity's neighbourhood; NAME is any of its labels (any script; an inexact match is said "
                   "on stderr), or an IRI or prefixed name, which must be in the graph.")
@click.option("--hops", type=click.IntRange(0, 10), default=1, show_default=True,
              help="How far the neighbourhood of --entity reaches.")
@click.option("--query", "query_ref", metavar="FILE|NAME", default=None,
              help="The result of a CONSTRUCT/DESCRIBE, or of a SELECT with ?source ?target (and optional "
                   "?edgeLabel, ?sourceLabel, ?targetLabel): a .rq file or a library query name.")
@click.option("-p", "--param", "params", multiple=True, metavar="K=V", help="A parameter of the --query (repeatable).")
@click.option("--path", "ends", nargs=2, metavar="A B", default=None,
              help="The shortest connections between two entities, each edge labelled with its relation.")
@click.option("--as-of", "as_of", type=_DATE, default=None, metavar="YYYY-MM-DD",
              help="Only the posts and memberships valid on that date.")
@click.option("--lang", default="en", show_default=True, metavar="LANGS",
              help="Label languages in order of preference, e.g. 'ky,ru'; English, then any label, follow.")
@click.option("--all", "write_all", is_flag=True,
              help="Write the overview, views of the most central entities and of the graph-shaped library "
                   "queries, and the index page.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write this one view to FILE (no index page) instead of the build's views folder.")
@click.option("--layout-threshold", type=click.IntRange(0), default=LAYOUT_THRESHOLD, show_default=True,
              help="Above this many nodes, positions are precomputed and physics is off.")
@click.option("--diplomacy", is_flag=True,
              help="The state-to-state network of diplomatic missions: resident missions (solid) and "
                   "accreditation from a third capital (dashed), coloured by sender.")
@click.option("--state", metavar="NAME", default=None,
              help="With --diplomacy: one state's missions, sent and received (any of its names, or state:ISO).")
@click.option("--layout", type=click.Choice(["map", "force"]), default="map", show_default=True,
              help="With --diplomacy: states at their capitals' coordinates, or a force-directed layout.")
@click.pass_context
def viz(ctx: click.Context, entity: str | None, hops: int, query_ref: str | None, params: tuple[str, ...],
        ends: tuple[str, str] | None, as_of: datetime.datetime | None, lang: str, write_all: bool,
        output: str | None, layout_threshold: int, diplomacy: bool, state: str | None, layout: str) -> None:
    """Write interactive network views as self-contained HTML (they work offline, opened from disk).

    With no view option: the overview of the whole graph, into BUILD/views with the index page.
    Prints one line per page written, and last the path of the index page.
    """
    from ..api import resolve_query
    from ..store import open_engine
    from ..viz import views as V

    settings = settings_of(ctx)
    chosen = [name for name, given in (("--entity", entity), ("--query", query_ref), ("--path", ends),
                                       ("--all", write_all), ("--diplomacy", diplomacy)) if given]
    if len(chosen) > 1:
        raise InputError(f"give one view at a time: {' and '.join(chosen)}")
    if (state or layout != "map") and not diplomacy:
        raise InputError("--state and --layout go with --diplomacy")
    if diplomacy:
        if as_of:
            raise InputError("--as-of does not apply to --diplomacy (missions have no dates)")
        _diplomacy_view(settings, state=state, layout=layout, langs=_langs(lang), output=output)
        return
    if output and write_all:
        raise InputError("--all writes several pages into the views folder; -o takes one view")
    if query_ref and as_of:
        raise InputError("--as-of applies to the overview, entity and path views, not to --query")
    langs, day = _langs(lang), _day(as_of)
    kw = {"layout_threshold": layout_threshold}
    with progress("Drawing") as step:
        step("loading the graph")
        engine = open_engine(settings)
        skipped: list[str] = []
        if entity or ends:
            from ..viz.model import graph_model

            G = graph_model(engine, langs=langs, as_of=day)
        if entity:
            [iri] = _resolve(engine, G, (entity,))
            views = [V.entity_view(engine, f"<{iri}>", hops=hops, langs=langs, as_of=day, G=G, **kw)]
        elif query_ref:
            sparql = resolve_query(settings, query_ref, None, parse_params(params))
            name = Path(query_ref).stem
            views = [V.query_view(engine, sparql, name=name, title=f"Query {name}", langs=langs,
                                  timeout=settings.timeout, **kw)]
        elif ends:
            ia, ib = _resolve(engine, G, ends)
            views = [V.path_view(engine, f"<{ia}>", f"<{ib}>", langs=langs, as_of=day, G=G, **kw)]
        else:
            from ..viz.model import graph_model

            G = graph_model(engine, langs=langs, as_of=day)
            views = [V.overview_view(engine, langs=langs, as_of=day, G=G, **kw)]
            if write_all:
                step("entity views")
                for iri in V.central_entities(G):
                    views.append(V.entity_view(engine, iri, hops=1, langs=langs, as_of=day, G=G, **kw))
                step("query views")
                qviews, skipped = V.library_views(engine, settings, langs=langs, **kw)
                views += qviews
        step("writing")
        if output:
            from ..viz.html import write_view

            v = views[0]
            path = write_view(v.network, Path(output), title=v.title, subtitle=v.subtitle)
            click.echo(f"wrote {path} ({v.graph.number_of_nodes()} entities, {v.graph.number_of_edges()} relations)")
            return
        written, index = V.write_views(views, settings.views_dir, settings=settings)
    for note in skipped:
        click.echo(f"skipped query {note}", err=True)
    for v, path in zip(views, written):
        click.echo(f"wrote {path} ({v.graph.number_of_nodes()} entities, {v.graph.number_of_edges()} relations)")
    click.echo(f"index: {index}")


def _diplomacy_view(settings: Settings, *, state: str | None, layout: str, langs: list[str], output: str | None) -> None:
    from ..store import open_engine
    from ..viz.diplomacy import diplomacy_view, write_diplomacy_view
    from ..viz.index import ViewEntry, record_views, write_index
    from ..library import load_library

    with progress("Drawing") as step:
        step("loading the graph")
        view = diplomacy_view(open_engine(settings), state=state, layout=layout, langs=langs, timeout=settings.timeout)
        step("writing")
        counts = f"({view.graph.number_of_nodes()} states, {view.graph.number_of_edges()} links)"
        if output:
            click.echo(f"wrote {write_diplomacy_view(view, Path(output))} {counts}")
            return
        path = write_diplomacy_view(view, settings.views_dir / f"{view.name}.html", index_href="index.html")
        entries = record_views(settings.views_dir, [ViewEntry(file=path.name, title=view.title, kind="diplomacy",
                                                              nodes=view.graph.number_of_nodes(),
                                                              edges=view.graph.number_of_edges())])
        index = write_index(settings.views_dir, entries, load_library(settings.queries_dir))
    click.echo(f"wrote {path} {counts}")
    click.echo(f"index: {index}")


@click.command()
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many entities per ranking.")
@click.option("--as-of", "as_of", type=_DATE, default=None, metavar="YYYY-MM-DD",
              help="Only the posts and memberships valid on that date.")
@click.option("--lang", default="en", show_default=True, metavar="LANGS", help="Label languages in order of preference.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@click.option("--diplomacy", is_flag=True,
              help="Per state: resident missions sent and hosted, partners, reciprocity, states covered from a "
                   "third capital, and degree, betweenness and PageRank centrality of the mission network.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True,
              help="With --diplomacy: an aligned table or CSV.")
@click.pass_context
def analyze(ctx: click.Context, top: int, as_of: datetime.datetime | None, lang: str, as_json: bool,
            diplomacy: bool, fmt: str) -> None:
    """Network analytics of the entity graph: degree and betweenness centrality rankings, connected
    components, communities (Louvain, seeded: the same answer every run). With --diplomacy, the
    state-to-state network of diplomatic missions instead, one row per state."""
    from ..analyze import analyze as run
    from ..store import open_engine
    from ..viz.model import graph_model

    settings = settings_of(ctx)
    if diplomacy:
        if as_of:
            raise InputError("--as-of does not apply to --diplomacy (missions have no dates)")
        _diplomacy_analysis(settings, langs=_langs(lang), fmt="json" if as_json else fmt)
        return
    if fmt != "table":
        raise InputError("--format goes with --diplomacy (use --json for the entity analysis)")
    G = graph_model(open_engine(settings), langs=_langs(lang), as_of=_day(as_of))
    a = run(G, top=top)
    if as_json:
        click.echo(json.dumps({
            "nodes": a.nodes, "edges": a.edges,
            "degree": [r.__dict__ for r in a.degree], "betweenness": [r.__dict__ for r in a.betweenness],
            "components": a.components, "modularity": a.modularity,
            "communities": [{"size": c.size, "members": list(c.members)} for c in a.communities],
        }, ensure_ascii=False, indent=1))
        return
    click.echo(f"{a.nodes} entities, {a.edges} relations, {len(a.components)} components "
               f"(largest {a.components[0] if a.components else 0}), {len(a.communities)} communities "
               f"(modularity {a.modularity})")
    click.echo()
    echo_table([(i + 1, r.label, r.cls, f"{r.score:.4f}") for i, r in enumerate(a.degree)],
               ["#", "entity", "class", "degree"], title="Degree centrality")
    click.echo()
    echo_table([(i + 1, r.label, r.cls, f"{r.score:.4f}") for i, r in enumerate(a.betweenness)],
               ["#", "entity", "class", "betweenness"], title="Betweenness centrality")
    click.echo()
    sizes: dict[int, int] = {}
    for s in a.components:
        sizes[s] = sizes.get(s, 0) + 1
    echo_table([(s, n) for s, n in sorted(sizes.items(), reverse=True)], ["size", "components"],
               title="Connected components")
    click.echo()
    echo_table([(i + 1, c.size, ", ".join(c.members)) for i, c in enumerate(a.communities[:top])],
               ["#", "size", "best connected members"], title="Communities")


def _diplomacy_analysis(settings: Settings, *, langs: list[str], fmt: str) -> None:
    import csv
    import io

    from ..analyze_diplomacy import MEASURE_COLUMNS, load_network, state_measures
    from ..store import open_engine

    rows = state_measures(load_network(open_engine(settings), langs=langs, timeout=settings.timeout))
    headers = ["state", *MEASURE_COLUMNS[1:]]
    if fmt == "json":
        click.echo(json.dumps([dict(zip(headers, r.row())) for r in rows], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows([["" if c is None else c for c in r.row()] for r in rows])
        click.echo(out.getvalue(), nl=False)
    else:
        echo_table([tuple("" if c is None else c for c in r.row()) for r in rows], headers,
                   title=f"Diplomatic network: {len(rows)} states (resident bilateral missions)")


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True, help="At most this many shortest paths.")
@click.option("--as-of", "as_of", type=_DATE, default=None, metavar="YYYY-MM-DD",
              help="Only the posts and memberships valid on that date.")
@click.option("--lang", default="en", show_default=True, metavar="LANGS", help="Label languages in order of preference.")
@click.pass_context
def path(ctx: click.Context, a: str, b: str, limit: int, as_of: datetime.datetime | None, lang: str) -> None:
    """The shortest connections between entities A and B (any of their names), one per line, each
    step with its relation: `A --holds--> P <--post in-- M`. Exit 1 when they are not connected.

    An IRI or prefixed name (state:KGZ) must name an entity of the graph (exit 2 otherwise); other
    text is matched by name, and an inexact match is said on stderr."""
    from ..analyze import format_path, shortest_paths
    from ..store import open_engine
    from ..viz.model import graph_model

    settings = settings_of(ctx)
    engine = open_engine(settings)
    G = graph_model(engine, langs=_langs(lang), as_of=_day(as_of))
    ia, ib = _resolve(engine, G, (a, b))
    for p in shortest_paths(G, ia, ib, limit=limit):
        click.echo(format_path(G, p))


COMMANDS = (viz, analyze, path)
