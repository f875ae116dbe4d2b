"""``tkg build``, ``tkg validate``, ``tkg export``, ``tkg stats``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import ValidationError
from ._common import echo_table, progress, settings_of


@click.command()
@click.pass_context
def build(ctx: click.Context) -> None:
    """Parse ontology/ and data/, validate with SHACL, infer, and write the build folder.

    Writes BUILD/dataset.nq (one named graph per source, plus the ontology and the inferred graph),
    BUILD/store (the embedded pyoxigraph store) and BUILD/manifest.json, and keeps BUILD/views.
    Atomic: a failed build leaves the previous build as it was, and a reader always finds a
    complete build. One build at a time (a lock file .BUILD.lock beside BUILD). Exit 1 on SHACL
    violations, 2 on a syntax error or a folder that cannot be written, 3 when another build runs.
    """
    from ..build import build as run_build

    settings = settings_of(ctx)
    with progress("Building") as step:
        result = run_build(settings, step=step)
    click.echo(f"built {result.build_dir}: {result.files} files, {result.graphs} graphs, "
               f"{result.asserted} asserted + {result.inferred} inferred triples "
               f"({result.warnings} warnings) in {result.seconds:.2f} s")
    if result.views_kept:
        pages = f"{result.views_kept} page{'s' if result.views_kept != 1 else ''}"
        click.echo(f"kept {settings.views_dir} ({pages} drawn from the previous data; `tkg viz --all` redraws them)")


@click.command()
@click.option("--no-qc", is_flag=True, help="Skip the data-quality queries (queries/qc_*.rq).")
@click.pass_context
def validate(ctx: click.Context, no_qc: bool) -> None:
    """Run the checks alone, writing nothing: syntax, SHACL shapes, data-quality queries.

    Prints one line per problem (file: entity property: message [rule]). Exit 0 when all pass,
    1 on violations, 2 on a syntax error.
    """
    from ..build import check
    from ..qc import run_qc

    settings = settings_of(ctx)
    with progress("Validating") as step:
        checked = check(settings, step=step)
        problems = list(checked.errors)
        if not problems and not no_qc:
            step("quality checks")
            problems = run_qc(settings, checked)
    for v in checked.warnings:
        click.echo(f"warning: {v.line()}", err=True)
    if problems:
        for v in problems:
            click.echo(v.line())
        raise ValidationError(problems)
    click.echo(f"valid: {len(checked.sources.files)} files, {checked.asserted} triples, "
               f"0 violations")


@click.command()
@click.option("-f", "--format", "fmt", default="trig", show_default=True,
              type=click.Choice(["trig", "nquads", "turtle", "ntriples", "jsonld", "xml"]),
              help="Output format; turtle, ntriples and xml get the union of all graphs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE (atomically) instead of stdout.")
@click.pass_context
def export(ctx: click.Context, fmt: str, output: str | None) -> None:
    """Write the built graph in an RDF format."""
    from ..export import export_dataset

    settings = settings_of(ctx)
    data = export_dataset(settings, fmt)
    if output is None:
        sys.stdout.buffer.write(data)
        return
    from ..fileio import write_atomic

    write_atomic(Path(output), data)
    click.echo(f"wrote {output} ({len(data)} bytes)", err=True)


@click.command()
@click.option("--endpoint", default=None, help="Count on a remote SPARQL endpoint instead of the build.")
@click.pass_context
def stats(ctx: click.Context, endpoint: str | None) -> None:
    """Print counts per class, per source, per label language, and the coverage figures."""
    from ..stats import graph_stats
    from ..store import open_engine

    settings = settings_of(ctx)
    s = graph_stats(open_engine(settings, endpoint=endpoint))
    echo_table(s.coverage, ["coverage", "count"], title="Coverage")
    click.echo()
    echo_table(s.classes, ["class", "instances"], title="Instances per class")
    click.echo()
    echo_table(s.languages, ["language", "labels"], title="Labels per language")
    click.echo()
    echo_table(s.sources, ["graph", "published", "triples"], title="Triples per source graph")


COMMANDS = (build, validate, export, stats)
