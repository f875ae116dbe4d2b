"""Score `tkg ingest` on the test articles: precision, recall and F1 per list, summed over articles.

Usage: python benchmarks/eval_ingest.py [ARTICLES_DIR] [--per-article]

Every ARTICLES_DIR/**/NN-slug.txt with a NN-slug.gold.json beside it is ingested (its date is the
gold file's) and scored as /work/shared/GOLD-FORMAT.md defines; the table is the micro-average
over all articles. Entities are linked with the project's build (or its data files).
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph.cli._common import echo_table
from graph.ingest.gazetteer import load_gazetteer
from graph.ingest.gold import evaluate_articles, format_scores
from graph.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    folder = Path(args[0]) if args else ROOT / "tests" / "articles"
    pairs = [(p, p.with_name(p.stem + ".gold.json")) for p in sorted(folder.rglob("*.txt"))
             if p.with_name(p.stem + ".gold.json").is_file()]
    if not pairs:
        print(f"no articles with gold files in {folder}", file=sys.stderr)
        return 2
    total, each = evaluate_articles(pairs, load_gazetteer(load_settings(root=ROOT)))
    if "--per-article" in argv:
        rows = [(name, *(f"{s[k].f1:.2f}" for k in ("entities", "posts", "events", "participations",
                                                   "memberships", "figures", "overall"))) for name, s in each]
        echo_table(rows, ["article", "entities", "posts", "events", "particip.", "members.", "figures", "overall"],
                   title="F1 per article")
        print()
    echo_table(format_scores(total), ["list", "tp", "predicted", "gold", "precision", "recall", "F1"],
               title=f"{len(pairs)} articles in {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
