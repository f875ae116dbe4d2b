"""``tkg ingest``: news articles into reviewed, sourced facts (see ``docs/ingest.md``)."""

from __future__ import annotations

import functools
import json
import re
import sys
from pathlib import Path

import click

from ..errors import InputError
from ..settings import REVIEW_BELOW
from ._common import echo_table, settings_of


def _articles(paths: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".txt")
            if not found:
                raise InputError(f"{path}: no article files (*.txt) in the folder")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def _defined_graphs(data_dir: Path, slug: str) -> list[Path]:
    needle = f"graph:{slug} "
    out = []
    for p in sorted(data_dir.glob("*.trig")):
        try:
            if needle in p.read_text(encoding="utf-8"):
                out.append(p)
        except (OSError, UnicodeDecodeError):
            continue
    return out


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--date", "date_", default=None, metavar="YYYY-MM-DD",
              help="The article's publication date (relative dates are resolved against it); else the "
                   "article's 'date YYYY-MM-DD' header line.")
@click.option("--url", default=None, help="The article's address (schema:url of the source).")
@click.option("--publisher", default=None, help="The publisher's name, linked to an organization of the graph.")
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Write here (a .trig file, or a folder for many articles); default data/<slug>.trig.")
@click.option("--dry-run", is_flag=True, help="Print the review table (linked vs new, confidence); write nothing.")
@click.option("-f", "--format", "fmt", type=click.Choice(["trig", "gold-json"]), default="trig", show_default=True,
              help="trig writes a source file; gold-json prints the extraction in the gold format.")
@click.option("--force", is_flag=True, help="Overwrite an output file that exists.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True, metavar="X",
              help="Keep only the facts whose confidence is at least X (entities stay); applies to every output.")
@click.option("--review-below", type=click.FloatRange(0.0, 1.0), default=REVIEW_BELOW, show_default=True, metavar="X",
              help="Write facts whose confidence is below X commented out under '# REVIEW (confidence …)' "
                   "lines, so they enter the graph only when a reviewer uncomments them.")
@click.option("--evaluate", "gold_path", type=click.Path(dir_okay=False), default=None, metavar="GOLD.json",
              help="Score the extraction of ARTICLE against a gold file: precision, recall, F1 per list.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], date_: str | None, url: str | None, publisher: str | None,
           output: str | None, dry_run: bool, fmt: str, force: bool, min_confidence: float, review_below: float,
           gold_path: str | None) -> None:
    """Extract persons and posts, events, participations, memberships and figures from news
    articles (UTF-8 text) and write them as a source file in the curated shape.

    Entities are linked to the built graph by any of their names; new ones get IRIs by the data
    conventions and are marked REVIEW in the file. A folder ingests every *.txt in it, with a
    progress display. Exit 2 on bad input (empty, binary, not UTF-8, too large, output exists
    without --force, text that is not English); nothing is written then.
    Facts below --review-below are written commented out for review.
    """
    from ..fileio import write_atomic
    from ..ingest.gazetteer import load_gazetteer
    from ..ingest.gold import format_scores, load_gold, score, to_gold
    from ..ingest.pipeline import ingest_fresh
    from ..ingest.text import parse_iso_date, read_article

    settings = settings_of(ctx)
    date = parse_iso_date(date_, what="--date") if date_ else None
    if url is not None and not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]+", url):
        raise InputError(f"not an absolute URL for --url: {url!r}")
    files = _articles(paths)
    if (url or gold_path) and len(files) > 1:
        raise InputError("--url and --evaluate take one article")
    gold = load_gold(Path(gold_path)) if gold_path else None
    if gold is not None and date is None and gold.get("date"):
        date = parse_iso_date(str(gold["date"]), what=f"the date of {gold_path}")
    # read and check every article before anything is written
    articles = [read_article(p, date=date, url=url, publisher=publisher) for p in files]
    load_gazetteer(settings)
    many = len(articles) > 1
    run = functools.partial(ingest_fresh, min_confidence=min_confidence, review_below=review_below)
    results = list(_with_progress(articles, settings, run, enabled=many))
    if gold is not None:
        scores = score(gold, to_gold(results[0]))
        echo_table(format_scores(scores), ["list", "tp", "predicted", "gold", "precision", "recall", "F1"],
                   title=f"{files[0]} against {gold_path}")
        return
    if fmt == "gold-json":
        docs = [to_gold(ing) for ing in results]
        text = json.dumps(docs[0] if not many else docs, ensure_ascii=False, indent=2) + "\n"
        if output and not dry_run:
            target = Path(output)
            if target.exists() and not force:
                raise InputError(f"{target}: exists; give --force to overwrite")
            write_atomic(target, text)
            click.echo(f"wrote {target}", err=True)
        else:
            sys.stdout.write(text)
        return
    if dry_run:
        for ing in results:
            _dry_run(ing, review_below=review_below)
        return
    targets = _targets(results, output, settings.data_dir, many=many)
    for ing, target in zip(results, targets):
        if target.exists() and not force:
            raise InputError(f"{target}: exists; give --force to overwrite (nothing was written)")
        others = [p for p in _defined_graphs(target.parent if output else settings.data_dir, ing.slug)
                  if p.resolve() != target.resolve()]
        if others:
            raise InputError(f"graph:{ing.slug} is already defined in {others[0]}; "
                             "the article was ingested before (nothing was written)")
    if len({t.resolve() for t in targets}) < len(targets):
        raise InputError("two articles would be written to the same file; give each its own slug or folder")
    for ing, target in zip(results, targets):
        if target.exists() and target.read_text(encoding="utf-8") == ing.trig:
            click.echo(f"unchanged {target}: nothing new")
            continue
        write_atomic(target, ing.trig)
        ex = ing.extraction
        click.echo(f"wrote {target}: source:{ing.slug}, {len(ex.posts)} posts, {len(ex.events)} events, "
                   f"{len(ex.participations)} participations, {len(ex.memberships)} memberships, "
                   f"{len(ex.figures)} figures; {ing.flagged} to review, {len(ing.draft.held)} held back "
                   f"(confidence below {review_below:.2f})")


def _dry_run(ing, *, review_below: float) -> None:  # type: ignore[no-untyped-def]
    """The review table of one article and its summary line."""
    ex = ing.extraction
    _review_table(ing, title=f"{ing.article.path}: source:{ing.slug} (dry run, nothing written)")
    named = [k for k, e in ex.entities.items() if e.kind != "Event"]
    click.echo(f"{len(named)} entities ({_count(ing, 'linked')} linked, {_count(ing, 'fuzzy')} fuzzy, "
               f"{_count(ing, 'new')} new), {len(ex.posts)} posts, {len(ex.events)} events, "
               f"{len(ex.participations)} participations, {len(ex.memberships)} memberships, "
               f"{len(ex.figures)} figures; {sum(r.status == 'review' for r in ing.review)} held for review "
               f"(confidence below {review_below:.2f})")


def _review_table(ing, *, title: str) -> None:  # type: ignore[no-untyped-def]
    """The review table: IRIs are never cut, long texts wrap."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    click.echo(title)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("what")
    table.add_column("text", max_width=48, overflow="fold")
    table.add_column("chars", no_wrap=True)
    table.add_column("IRI", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("conf", no_wrap=True, justify="right")
    table.add_column("sentence", max_width=64, overflow="fold")
    for r in ing.review:
        table.add_row(r.what, r.text, r.chars, r.iri, r.status, r.confidence, r.sentence)
    width = 48 + max((len(r.iri) for r in ing.review), default=10) + max((len(r.what) for r in ing.review), default=8) + 40 + 66
    Console(width=max(120, width), color_system=None, highlight=False, markup=False, soft_wrap=False).print(table)


def _count(ing, status: str) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for key, ent in ing.extraction.entities.items()
               if ent.kind != "Event" and key in ing.links and ing.links[key].status == status)


def _targets(results, output: str | None, data_dir: Path, *, many: bool) -> list[Path]:  # type: ignore[no-untyped-def]
    if output is None:
        return [data_dir / f"{ing.slug}.trig" for ing in results]
    out = Path(output)
    if many or out.is_dir():
        return [out / f"{ing.slug}.trig" for ing in results]
    if out.suffix != ".trig":
        raise InputError(f"{out}: the output of a source file ends in .trig")
    return [out]


def _with_progress(articles, settings, run, *, enabled: bool):  # type: ignore[no-untyped-def]
    """Ingest articles one by one, showing progress on stderr: a bar on a terminal, else one line each."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not enabled:
        for a in articles:
            yield run(a, settings)
        return
    if console.is_terminal:
        with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                      TimeElapsedColumn(), console=console) as bar:
            task = bar.add_task("", total=len(articles))
            for a in articles:
                bar.update(task, description=Path(a.path).name if a.path else "")
                yield run(a, settings)
                bar.advance(task)
        return
    for n, a in enumerate(articles, start=1):
        ing = run(a, settings)
        click.echo(f"ingest [{n}/{len(articles)}] {a.path}: {len(ing.extraction.posts)} posts, "
                   f"{len(ing.extraction.events)} events, {ing.flagged} to review", err=True)
        yield ing


COMMANDS = (ingest,)
