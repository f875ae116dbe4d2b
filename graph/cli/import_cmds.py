"""``tkg import``: public structured sources into data files (see ``docs/diplomacy-data.md``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ._common import CONTEXT_SETTINGS, progress, settings_of


@click.group("import", context_settings=CONTEXT_SETTINGS)
def import_group() -> None:
    """Import a public structured source as a reproducible data file."""


def _write(text: str, output: str, *, what: str) -> None:
    from ..fileio import write_atomic

    if output == "-":
        sys.stdout.write(text)
        return
    write_atomic(Path(output), text)
    click.echo(f"wrote {output}: {what}", err=True)


@import_group.command("embassies")
@click.argument("csv_path", metavar="CSV", type=click.Path(dir_okay=False, exists=True))
@click.option("--scope", type=click.Choice(["turkic", "all"]), default="turkic", show_default=True,
              help="turkic: missions whose sender, host or a jurisdiction is one of the eight; all: the world.")
@click.option("-o", "--output", default=None, metavar="FILE",
              help="Where to write ('-' for stdout; default data/database-of-embassies.trig).")
@click.pass_context
def embassies(ctx: click.Context, csv_path: str, scope: str, output: str | None) -> None:
    """Diplomatic missions from the database-of-embassies table (semicolon CSV) as one sourced TriG file.

    The same CSV and data/ give the same bytes. Entities already in data/ keep their IRIs (states by
    code, cities by name, missions by sender, host, kind and city); where the table and a curated
    file disagree, or a quirk of the table was decided, a review table is printed on stderr.
    """
    from ..importers.embassies import import_embassies

    settings = settings_of(ctx)
    with progress("importing embassies") as step:
        result = import_embassies(Path(csv_path), settings.data_dir, scope=scope, step=step)
    model = result.model
    target = output or str(settings.data_dir / "database-of-embassies.trig")
    states = sum(p.kind == "State" for p in model.places.values())
    cities = sum(p.kind == "City" for p in model.places.values())
    matched = sum(m.curated for m in model.missions)
    _write(result.text, target, what=f"{len(model.missions)} missions ({matched} already curated), {states} states, "
                                     f"{cities} cities; {len(model.skipped)} rows skipped (scope {scope})")
    if result.review:
        _review_table(result.review)


def _review_table(review: list) -> None:  # type: ignore[type-arg]
    """The review table on stderr: what the table and a curated file disagree on, and decided quirks."""
    import pyoxigraph as ox
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from ..importers.trig import term

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title=f"{len(review)} points to review",
                  title_justify="left")
    for h in ("review", "entity", "curated", "table"):
        table.add_column(h, no_wrap=True)
    for r in review:
        entity = term(ox.NamedNode(r.entity)) if r.entity.startswith("http") else r.entity
        table.add_row(r.kind, entity, r.curated, r.table)
    Console(file=sys.stderr, width=400, color_system=None, highlight=False, markup=False).print(table)


@import_group.command("cldr-names")
@click.option("-o", "--output", default=None, metavar="FILE",
              help="Where to write ('-' for stdout; default data/cldr-names.trig).")
@click.pass_context
def cldr_names(ctx: click.Context, output: str | None) -> None:
    """Names of every state in data/ and of the capitals of the eight, in az, kk, ky, tr, uz, tk,
    hu, ru, en and de, from Unicode CLDR through Babel (and ISO 3166-1 codes through pycountry)."""
    from ..importers.cldr import import_cldr_names

    settings = settings_of(ctx)
    text, counts = import_cldr_names(settings.data_dir)
    target = output or str(settings.data_dir / "cldr-names.trig")
    _write(text, target, what=", ".join(f"{v} {k}" for k, v in counts.items()))


COMMANDS = [import_group]
