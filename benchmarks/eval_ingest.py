"""Score `tkg ingest` against hand-written gold: precision, recall and F1 per list, summed over articles.

Usage:
  python benchmarks/eval_ingest.py [ARTICLES_DIR] [--per-article]
  python benchmarks/eval_ingest.py --real [--split dev|test|all] [--gold DIR] [--per-article] [--record [--note TEXT]]
  python benchmarks/eval_ingest.py --real --ids FILE [--per-article]

Self-written articles: every ARTICLES_DIR/**/NN-slug.txt with a NN-slug.gold.json beside it is
ingested (its date is the gold file's) and scored as /work/shared/GOLD-FORMAT.md defines; the table
is the micro-average over all articles.

Real articles (`--real`): every article of `benchmarks/real/articles.json` in the split whose text
the cache holds unaltered (`$TKG_ARTICLE_CACHE`, else `benchmarks/real/cache/`; see
`benchmarks/real_cache.py`) is ingested with its date and URL and scored against
`benchmarks/real/gold/<id>.gold.json` with the same scorer; texts missing from the cache are listed
and skipped. `--record` appends the run to the "Runs on real articles" table of docs/ingest.md.
Entities are linked with the project's build (or its data files). The test split is scored once
per change of the rules, and every run of it is recorded (docs/ingest.md says why).

`--ids FILE` scores only the dev articles FILE lists (one id per line) and prints only their sums
(add `--per-article` for each one's row): a held-out part of dev, such as the eighth round's check
half, is measured without being read. Test ids are refused and such a run is never recorded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:            # run as a script: the checkout's own `graph`, not an installed one
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import real_cache  # noqa: E402  (benchmarks/ is this script's folder)

from graph.cli._common import echo_table  # noqa: E402
from graph.errors import GraphError  # noqa: E402
from graph.ingest.gazetteer import load_gazetteer  # noqa: E402
from graph.ingest.gold import LISTS, Score, add_scores, evaluate_articles, format_scores, load_gold, score, to_gold  # noqa: E402
from graph.settings import load_settings  # noqa: E402

DOC = ROOT / "docs" / "ingest.md"
RUNS_HEADER = "| date | commit | split | articles | entities | posts | events | particip. | members. | figures | overall | entity P | note |"
COLUMNS = ("entities", "posts", "events", "participations", "memberships", "figures", "overall")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="eval_ingest.py", description=__doc__.split("\n")[0])
    p.add_argument("folder", nargs="?", help="self-written articles (default tests/articles)")
    p.add_argument("--per-article", action="store_true",
                   help="also print F1 per article (always on for the real dev split; off for test, which is not studied)")
    p.add_argument("--real", action="store_true", help="score the real articles of benchmarks/real/ instead")
    p.add_argument("--split", choices=("dev", "test", "all"), default="dev", help="which real articles (default dev)")
    p.add_argument("--record", action="store_true", help="append this real-article run to docs/ingest.md")
    p.add_argument("--note", default="", help="the note of the recorded run")
    p.add_argument("--ids", type=Path, default=None, metavar="FILE",
                   help="score only the dev articles FILE lists (one id per line), printing only their sums "
                        "unless --per-article; never recorded")
    p.add_argument("--gold", type=Path, default=None, metavar="DIR",
                   help="score the real articles against the gold files of DIR (default benchmarks/real/gold; "
                        "e.g. a second annotator's); a recorded run's note names it")
    return p


def _per_article_table(each: list[tuple[str, dict[str, Score]]], *, with_pr: bool) -> None:
    headers = ["article", "entities", "posts", "events", "particip.", "members.", "figures", "overall"]
    rows = []
    for name, s in each:
        row = [name, *(f"{s[k].f1:.2f}" for k in COLUMNS)]
        if with_pr:
            row += [f"{s['overall'].precision:.2f}", f"{s['overall'].recall:.2f}", f"{s['entities'].precision:.2f}"]
        rows.append(tuple(row))
    if with_pr:
        headers += ["P", "R", "entity P"]
    echo_table(rows, headers, title="F1 per article")
    print()


def self_written(args: argparse.Namespace) -> int:
    folder = Path(args.folder) if args.folder else ROOT / "tests" / "articles"
    pairs = [(p, p.with_name(p.stem + ".gold.json")) for p in sorted(folder.rglob("*.txt"))
             if p.with_name(p.stem + ".gold.json").is_file()]
    if not pairs:
        print(f"no articles with gold files in {folder}", file=sys.stderr)
        return 2
    total, each = evaluate_articles(pairs, load_gazetteer(load_settings(root=ROOT)))
    if args.per_article:
        _per_article_table(each, with_pr=False)
    echo_table(format_scores(total), ["list", "tp", "predicted", "gold", "precision", "recall", "F1"],
               title=f"{len(pairs)} articles in {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}")
    return 0


def score_real(entries: list[real_cache.Entry], *, cache: Path, gold_dir: Path,
               gz) -> tuple[dict[str, Score], list[tuple[str, dict[str, Score]]], list[str]]:  # type: ignore[no-untyped-def]
    """Ingest and score every entry whose text the cache holds; returns the summed scores, the
    scores per article and the ids whose text is missing or altered."""
    from graph.ingest.pipeline import ingest_text
    from graph.ingest.text import article_from_text, parse_iso_date

    total: dict[str, Score] = {}
    each: list[tuple[str, dict[str, Score]]] = []
    missing: list[str] = []
    for e in entries:
        text = real_cache.cached_text(e, cache)
        if text is None:
            missing.append(e.id)
            continue
        gold = load_gold(gold_dir / f"{e.id}.gold.json")
        article = article_from_text(text, date=parse_iso_date(e.date, what=e.id), path=f"{e.id}.txt", url=e.url,
                                    publisher=e.publisher)      # as `tkg ingest --url … --publisher …`
        scores = score(gold, to_gold(ingest_text(article, gz)))
        each.append((e.id, scores))
        total = add_scores(total, scores)
    return total, each, missing


def _commit() -> str:
    def git(*a: str) -> str:
        return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "graph")
    return head + ("+changes" if dirty else "")


def run_row(total: dict[str, Score], *, split: str, n: int, note: str, date: dt.date | None = None,
            commit: str | None = None) -> str:
    """One row of the "Runs on real articles" table."""
    cells = [(date or dt.date.today()).isoformat(), commit or _commit(), split, str(n),
             *(f"{total[k].f1:.3f}" for k in COLUMNS), f"{total['entities'].precision:.3f}", note.replace("|", "/")]
    return "| " + " | ".join(cells) + " |"


def record(row: str, doc: Path = DOC) -> None:
    """Append ``row`` at the end of the runs table of ``doc`` (the table must exist)."""
    lines = doc.read_text(encoding="utf-8").split("\n")
    try:
        at = lines.index(RUNS_HEADER) + 2
    except ValueError:
        raise real_cache.CacheError(f"{doc}: no runs table (a line {RUNS_HEADER!r})") from None
    while at < len(lines) and lines[at].startswith("|"):
        at += 1
    lines.insert(at, row)
    doc.write_text("\n".join(lines), encoding="utf-8")


def _shown(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _listed(path: Path, index: list[real_cache.Entry]) -> list[real_cache.Entry]:
    """The dev articles of an id list (see :func:`real_cache.read_ids`)."""
    try:
        ids = real_cache.read_ids(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise GraphError(f"{path}: cannot read the id list ({exc.__class__.__name__})") from exc
    bad = real_cache.not_dev(ids, index)
    if bad:
        raise GraphError(f"{path}: not dev articles (the test split is not studied): {', '.join(bad)}")
    by_id = {e.id: e for e in index}
    return [by_id[i] for i in ids]


def real(args: argparse.Namespace) -> int:
    cache = real_cache.cache_dir()
    if args.ids is not None and args.record:
        print("eval_ingest.py: error: --ids runs are not recorded (only whole splits are)", file=sys.stderr)
        return 2
    index = real_cache.load_index()
    entries = (_listed(args.ids, index) if args.ids is not None
               else [e for e in index if args.split in ("all", e.split)])
    if not entries:
        print(f"no real articles in the split {args.split!r}", file=sys.stderr)
        return 2
    gold_dir = args.gold or real_cache.GOLD_DIR
    if not gold_dir.is_dir():
        print(f"eval_ingest.py: error: {gold_dir}: not a folder of gold files", file=sys.stderr)
        return 2
    no_gold = [e.id for e in entries if not (gold_dir / f"{e.id}.gold.json").is_file()]
    for id_ in no_gold:
        print(f"skipped {id_}: no gold file in {gold_dir}")
    total, each, missing = score_real([e for e in entries if e.id not in no_gold], cache=cache, gold_dir=gold_dir,
                                      gz=load_gazetteer(load_settings(root=ROOT)))
    for id_ in missing:
        print(f"skipped {id_}: its text is missing from the cache or altered ({cache})")
    if not each:
        print(f"none of the {len(entries)} {args.split} texts is in the cache {cache}", file=sys.stderr)
        return 1
    if args.per_article or (args.split == "dev" and args.ids is None):   # test and held-out ids: sums only
        _per_article_table(each, with_pr=True)
    which = f"listed in {_shown(args.ids)}" if args.ids is not None else f"split {args.split}"
    echo_table(format_scores(total), ["list", "tp", "predicted", "gold", "precision", "recall", "F1"],
               title=f"{len(each)} of {len(entries)} real articles, {which} (micro-averaged)")
    print(f"entity precision {total['entities'].precision:.3f}; scored {len(each)}, skipped {len(missing) + len(no_gold)}")
    if args.record:
        note = args.note if args.gold is None else f"gold: {_shown(gold_dir)}; {args.note}"
        row = run_row(total, split=args.split, n=len(each), note=note)
        record(row, DOC)
        print(f"recorded in {_shown(DOC)}: {row}")
    return 0


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        return real(args) if args.real else self_written(args)
    except GraphError as exc:
        print(f"eval_ingest.py: error: {exc}", file=sys.stderr)
        return 2


__all__ = ["LISTS", "score_real", "run_row", "record", "main"]

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
