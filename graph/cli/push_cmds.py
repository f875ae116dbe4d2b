"""``tkg push``: load the built dataset into a remote server, named graphs kept, and check the counts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..settings import UNION_GRAPH
from ._common import settings_of


@contextmanager
def _graph_progress(total: int) -> Iterator:  # type: ignore[type-arg]
    """A progress bar over graphs on stderr (only when stderr is a terminal); yields ``on_graph``."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    with Progress(TextColumn("Pushing"), BarColumn(), MofNCompleteColumn(), TextColumn("graphs"),
                  TimeElapsedColumn(), TextColumn("{task.description}"), console=console,
                  transient=True) as bar:
        task = bar.add_task("", total=total)

        def on_graph(graph: str, _triples: int) -> None:
            bar.update(task, advance=1, description=graph.rsplit("/", 1)[-1])

        yield on_graph


@click.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="SPARQL query endpoint where the counts are checked (and updates sent, unless --update).")
@click.option("--store", default=None, metavar="URL",
              help="Graph Store Protocol endpoint: one PUT per named graph (replaces it).")
@click.option("--update", default=None, metavar="URL",
              help="SPARQL Update endpoint, when it is not --endpoint (Oxigraph server: /update).")
@click.option("--user", default=None, help="User name for HTTP authentication.")
@click.option("--password", default=None, help="Password for HTTP authentication.")
@click.option("--digest", is_flag=True, help="Use HTTP digest authentication (Virtuoso) instead of basic.")
@click.option("--chunk-size", default=1000, show_default=True, type=click.IntRange(1),
              help="Triples per SPARQL Update request.")
@click.option("--union-graph", default=UNION_GRAPH, show_default=True, metavar="IRI",
              help="The named graph that receives the union of all graphs, each triple once; `tkg query "
                   "--endpoint` uses it as the default graph (see docs/remote.md).")
@click.option("--timeout", default=None, type=click.FloatRange(min=0.1),
              help="Seconds for each request, start to end (default: TKG_TIMEOUT or 30).")
@click.pass_context
def push(ctx: click.Context, endpoint: str, store: str | None, update: str | None, user: str | None,
         password: str | None, digest: bool, chunk_size: int, union_graph: str,
         timeout: float | None) -> None:
    """Load the built dataset into a remote server and check every graph's triple count.

    Every graph is first loaded under a temporary name: with --store by a Graph Store Protocol PUT
    (N-Triples), without it by SPARQL Update (INSERT in chunks); graphs that share blank nodes
    always go together by SPARQL Update. Then one SPARQL Update moves them all into place (MOVE),
    so an interrupted push leaves the server's previous copy and says so; pushing again finishes.
    Besides the build's graphs, push sends the union of all graphs (each triple once) and a graph
    describing the dataset, which `tkg query --endpoint` reads to give the same answers as the
    build with no option. Then one SELECT COUNT per graph on --endpoint must give the build's count.

    Exit 0 when every count matches, 1 on a mismatch (one line naming the graph and both counts),
    2 when there is no build or a URL is not http(s), 3 when a server is unreachable, refuses,
    drops the connection or does not answer in time.
    """
    from ..export import built_quads
    from ..push import push as run_push

    settings = settings_of(ctx)
    quads = built_quads(settings)
    graphs = len({q.graph_name for q in quads}) + 2  # the union and the description
    with _graph_progress(graphs) as on_graph:
        report = run_push(quads, endpoint=endpoint, store=store, update=update, user=user, password=password,
                          digest=digest, chunk_size=chunk_size, union_graph=union_graph,
                          timeout=timeout if timeout is not None else settings.timeout,
                          max_bytes=settings.max_response_bytes, on_graph=on_graph)
    click.echo(report.line())


COMMANDS = (push,)
