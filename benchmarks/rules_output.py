"""The rules' extraction (gold format) of dev articles, by the rules of this checkout or of an older commit.

Usage:
  TKG_ARTICLE_CACHE=/work/article-cache python benchmarks/rules_output.py --ids FILE --out OUT.json \\
      [--rules-at COMMIT]

Writes ``{id: extraction}`` for each listed dev article whose text the cache holds (test ids are
refused, missing texts skipped and named on stderr). With ``--rules-at`` the rules are those of
COMMIT, checked out in a temporary git worktree and run in a child process, so that its ``graph``
package is the one imported (the "time-travel" held-out of docs/ingest.md: an article that was
test at COMMIT is text those rules never saw). Used by `learned_entities.py`; an experiment, not `tkg`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from graph.ingest.gazetteer import load_gazetteer
from graph.ingest.gold import to_gold
from graph.ingest.pipeline import ingest_text
from graph.ingest.text import article_from_text, parse_iso_date
from graph.settings import load_settings
from pathlib import Path
gz = load_gazetteer(load_settings(root=Path(sys.argv[1])))
out = {}
for e in json.load(sys.stdin):
    art = article_from_text(e["text"], date=parse_iso_date(e["date"], what=e["id"]), path=e["id"] + ".txt",
                            url=e["url"], publisher=e["publisher"])
    out[e["id"]] = to_gold(ingest_text(art, gz))
json.dump(out, sys.stdout)
"""


def _entries(path: Path) -> list[dict[str, Any]]:
    """The listed dev articles with their cached texts (test ids refused, missing texts skipped)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    import real_cache

    ids = real_cache.read_ids(path)
    index = real_cache.load_index()
    bad = sorted(set(real_cache.not_dev(ids, index)))
    if bad:
        raise SystemExit(f"rules_output.py: not dev articles (never run): {', '.join(bad)}")
    by_id = {e.id: e for e in index}
    out = []
    for i in ids:
        e = by_id[i]
        text = real_cache.cached_text(e, real_cache.cache_dir())
        if text is None:
            print(f"skipped {i}: text missing from the cache or altered", file=sys.stderr)
            continue
        out.append({"id": i, "text": text, "date": e.date, "url": e.url, "publisher": e.publisher})
    return out


def run_rules(root: Path, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The extraction of each entry by the rules of the checkout at ``root`` (a child process)."""
    res = subprocess.run([sys.executable, "-c", _CHILD, str(root)], input=json.dumps(entries),
                         capture_output=True, text=True, check=True)
    out: dict[str, Any] = json.loads(res.stdout)
    return out


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="rules_output.py", description=__doc__.split("\n")[0])
    p.add_argument("--ids", type=Path, required=True, help="a file of dev ids, one a line")
    p.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    p.add_argument("--rules-at", metavar="COMMIT", help="the rules of this commit (a temporary worktree)")
    args = p.parse_args(argv)
    entries = _entries(args.ids)
    if args.rules_at is None:
        out = run_rules(ROOT, entries)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            wt = Path(tmp) / "rules"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(wt), args.rules_at],
                           check=True)
            try:
                out = run_rules(wt, entries)
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(wt)], check=True)
    args.out.write_text(json.dumps(out), encoding="utf-8")
    print(f"{len(out)} articles written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
