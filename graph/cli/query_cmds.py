"""``tkg query`` and ``tkg queries``: run and list the SPARQL library."""

from __future__ import annotations

import sys

import click

from ..settings import DEFAULT_ENGINE, ENGINES
from ._common import echo_table, parse_params, settings_of

FORMATS = ["table", "csv", "tsv", "json", "turtle", "jsonld"]


@click.command()
@click.argument("query", required=False)
@click.option("-e", "--expr", "text", default=None, help="Run this SPARQL text instead of a file or library query.")
@click.option("-p", "--param", "params", multiple=True, metavar="K=V",
              help="A parameter of a library query (repeatable), e.g. --param date=2026-01-14.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: table in a terminal, csv otherwise for SELECT, turtle for graphs).")
@click.option("--csv-raw", "csv_raw", is_flag=True,
              help="CSV/TSV values exactly as in the data, for programs: no leading ' before a value that begins "
                   "with =, +, -, @, tab or CR (by default such values, other than plain numbers, get one so "
                   "that a spreadsheet shows them as text instead of running them as formulas).")
@click.option("--lang", default=None, metavar="LANGS",
              help="Label preference, e.g. 'ky,ru,en': the query's 'lang' parameter, and IRIs shown with labels in tables.")
@click.option("--endpoint", default=None, metavar="URL", help="Query a remote SPARQL 1.1 endpoint instead of the build.")
@click.option("--user", default=None, help="User name for the endpoint.")
@click.option("--password", default=None, help="Password for the endpoint.")
@click.option("--engine", type=click.Choice(list(ENGINES)), default=DEFAULT_ENGINE, show_default=True,
              help="Embedded engine: the on-disk store read-only (oxigraph, instant start), the build loaded "
                   "into memory (oxigraph-memory, for long runs), or rdflib (reference).")
@click.option("--timeout", type=float, default=None, metavar="SECONDS",
              help="Time limit for the query (default: TKG_TIMEOUT, else the library query's own "
                   "'# timeout:' line, else 30); on an endpoint, for the whole request.")
@click.option("--allow-service", is_flag=True,
              help="Let a query on the build call SERVICE (a request to another server); refused otherwise.")
@click.pass_context
def query(ctx: click.Context, query: str | None, text: str | None, params: tuple[str, ...], fmt: str | None,
          csv_raw: bool, lang: str | None, endpoint: str | None, user: str | None, password: str | None, engine: str,
          timeout: float | None, allow_service: bool) -> None:
    """Run a SPARQL query: QUERY is a library name (see `tkg queries`), a .rq file, or use -e TEXT.

    SELECT, ASK, CONSTRUCT and DESCRIBE. Results go to stdout and nothing else does. CSV/TSV
    cells that a spreadsheet would run as formulas get a leading ' (see --csv-raw); tables show
    control characters as visible \\xNN. On the build, a query never reaches out: SERVICE is
    refused unless --allow-service, and FROM names graphs of the build, never files. On an endpoint
    (http or https) that `tkg push` filled, queries see the pushed union as their default graph, as
    on the build, with no option needed. Exit 2 on a syntax error (with line and column), a refused
    SERVICE or a bad URL; 3 when the endpoint is unreachable, answers nonsense or too much
    (TKG_MAX_RESPONSE_BYTES), or the time limit passes.
    """
    from ..api import query_timeout, resolve_query, run_text
    from ..formats import format_result
    from ..names import preferred_labels
    from ..store import open_engine

    settings = settings_of(ctx)
    parsed = parse_params(params)
    if lang and "lang" not in parsed:
        parsed["lang"] = lang
    sparql = resolve_query(settings, query, text, parsed, lang_given=lang is not None)
    eng = open_engine(settings, engine=engine, endpoint=endpoint, user=user, password=password,
                      allow_service=allow_service)
    limit = query_timeout(settings, query if text is None else None, given=timeout)
    result = run_text(eng, sparql, timeout=limit)
    if fmt is None:
        if sys.stdout.isatty():
            fmt = "table"
        else:
            fmt = "turtle" if result.kind == "graph" else "csv"
    labels = preferred_labels(eng, lang.split(",")) if lang and fmt == "table" else None
    click.echo(format_result(result, fmt, labels=labels, formula_escape=not csv_raw), nl=False)



@click.command()
@click.option("--qc", is_flag=True, help="List the data-quality checks instead.")
@click.pass_context
def queries(ctx: click.Context, qc: bool) -> None:
    """List the query library: name, parameters, title."""
    from ..library import load_library

    settings = settings_of(ctx)
    rows = []
    for name, q in load_library(settings.queries_dir).items():
        if name.startswith("qc_") != qc:
            continue
        params = " ".join(f"{p.name}={p.default}" if p.default else p.name for p in q.params)
        rows.append((name, params, q.title))
    echo_table(rows, ["name", "parameters (defaults)", "title"])


COMMANDS = (query, queries)
