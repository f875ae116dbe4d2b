"""The rules' extraction (gold format) of dev articles, by the rules of this checkout or of an older commit.

Usage:
  TKG_ARTICLE_CACHE=/work/article-cache python benchmarks/rules_output.py --ids FILE --out OUT.json \\
      [--rules-at COMMIT]

Writes ``{id: extraction}`` for each listed dev article whose text the cache holds (test ids are
refused, missing texts skipped and named on stderr). With ``--rules-at`` the rules are those of
COMMIT, checked out in a temporary git worktree and run in a child process, so that its ``graph``
package is the one imported (the "time-travel" held-out of docs/ingest.md: an article that was
test at COMMIT is text those rules never saw). The machinery is `learned_common.py`'s; the files are
read by `learned_entities.py`; an experiment, not `tkg`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learned_common import ROOT, dev_items, rules_at, run_rules


def _entries(path: Path) -> list[dict[str, Any]]:
    """The listed dev articles with their cached texts (test ids refused, missing texts skipped)."""
    import real_cache

    items, skipped = dev_items(real_cache.read_ids(path), "rules_output.py")
    for i in skipped:
        print(f"skipped {i}: text missing from the cache or altered", file=sys.stderr)
    return items


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="rules_output.py", description=__doc__.split("\n")[0])
    p.add_argument("--ids", type=Path, required=True, help="a file of dev ids, one a line")
    p.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    p.add_argument("--rules-at", metavar="COMMIT", help="the rules of this commit (a temporary worktree)")
    args = p.parse_args(argv)
    entries = _entries(args.ids)
    out = run_rules(ROOT, entries) if args.rules_at is None else rules_at(args.rules_at, entries)
    args.out.write_text(json.dumps(out), encoding="utf-8")
    print(f"{len(out)} articles written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
