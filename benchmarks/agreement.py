"""How far two annotators agree: one folder of gold files scored against another, with the scorer of `--evaluate`.

Usage:
  python benchmarks/agreement.py A_DIR B_DIR [--ids ID ...] [--split dev|test] [--per-article]

Every `<id>.gold.json` present in both folders (or only the given ids, or only the ids of one split of
`benchmarks/real/articles.json`) is scored, B's file as the prediction and A's as the gold, and the
table is the micro-average over the articles. F1 per list is the agreement of the two annotators on
that list (swapping A and B swaps precision and recall and leaves F1 as it is, false merges aside).
It is the ceiling against which an extractor's F1 on the same gold is read: an extractor cannot be
expected to agree with one annotator more than a second careful annotator does. Exit codes: 0 done,
2 bad input (a folder missing, no file in common, a file that is not a gold file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:            # run as a script: the checkout's own `graph`, not an installed one
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import real_cache

from graph.cli._common import echo_table
from graph.errors import GraphError, InputError
from graph.ingest.gold import LISTS, Score, add_scores, format_scores, load_gold, score

SUFFIX = ".gold.json"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="agreement.py", description=__doc__.split("\n")[0])
    p.add_argument("a", type=Path, help="the first annotator's gold folder (scored as the gold)")
    p.add_argument("b", type=Path, help="the second annotator's gold folder (scored as the prediction)")
    p.add_argument("--ids", nargs="+", metavar="ID", help="only these articles")
    p.add_argument("--split", choices=real_cache.SPLITS, help="only the articles of this split of articles.json")
    p.add_argument("--per-article", action="store_true", help="also print F1 per article")
    return p


def common_ids(a: Path, b: Path, *, only: set[str] | None = None) -> list[str]:
    """The ids with a gold file in both folders (and in ``only``, if given), sorted."""
    for folder in (a, b):
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder of gold files")

    def ids(folder: Path) -> set[str]:
        return {p.name[: -len(SUFFIX)] for p in folder.glob(f"*{SUFFIX}")}

    found = ids(a) & ids(b)
    if only is not None:
        found &= only
    if not found:
        raise InputError(f"{a} and {b}: no gold file in common" + (" among the ids asked for" if only else ""))
    return sorted(found)


def agreement(a: Path, b: Path, ids: list[str]) -> tuple[dict[str, Score], list[tuple[str, dict[str, Score]]]]:
    """B's gold scored against A's, article by article; the summed scores and the scores per article."""
    total: dict[str, Score] = {}
    each: list[tuple[str, dict[str, Score]]] = []
    for id_ in ids:
        s = score(load_gold(a / f"{id_}{SUFFIX}"), load_gold(b / f"{id_}{SUFFIX}"))
        each.append((id_, s))
        total = add_scores(total, s)
    return total, each


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        only = set(args.ids) if args.ids else None
        if args.split:
            in_split = {e.id for e in real_cache.load_index() if e.split == args.split}
            only = in_split if only is None else only & in_split
        ids = common_ids(args.a, args.b, only=only)
        total, each = agreement(args.a, args.b, ids)
    except GraphError as exc:
        print(f"agreement.py: error: {exc}", file=sys.stderr)
        return 2
    if args.per_article:
        rows = [(id_, *(f"{s[k].f1:.2f}" for k in (*LISTS, "overall"))) for id_, s in each]
        echo_table(rows, ["article", "entities", "posts", "events", "particip.", "members.", "figures", "overall"],
                   title="agreement (F1) per article")
        print()
    echo_table(format_scores(total), ["list", "both", "B", "A", "B in A", "A in B", "F1"],
               title=f"{args.b} against {args.a}: {len(ids)} articles (micro-averaged)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
