"""Count the candidate title words of benchmarks/title_candidates.py on dev articles: how often each
stands as a title near a person the gold names, how the gold treats that person's post (listed with
this word in its title, listed with another title, not listed) and what today's rules extract.

Usage: python benchmarks/count_titles.py --ids FILE [--show WORD ...]

A title "with a named person" is an occurrence of the word (capitalised as written in the list, or
all lower case) with a gold Person's name (its label, an alias or its last word) within 80 characters
of it in the same sentence; the nearest such person is its holder. Longer words of the list win over
shorter ones at the same place ("Deputy Speaker" over "Speaker"). Never run on the check half or test.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import real_cache  # noqa: E402
from title_candidates import HEADS  # noqa: E402

from graph.ingest.gazetteer import load_gazetteer  # noqa: E402
from graph.ingest.gold import load_gold, post_key, scoring_names, to_gold  # noqa: E402
from graph.ingest.rules.post_recall import HEADS as KNOWN  # noqa: E402
from graph.settings import load_settings  # noqa: E402

_SENT = re.compile(r"[.!?]\s|\n")


def _occurrences(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of every candidate word, longest first, none overlapping."""
    taken: list[tuple[int, int]] = []
    out = []
    for word in sorted(HEADS, key=len, reverse=True):
        pat = re.escape(word).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]")
        for m in re.finditer(rf"(?<![\w-])(?:{pat}|{pat.lower()})(?![\w-])", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            out.append((word, m.start(), m.end()))
    return out


def _names(gold: dict) -> dict[str, list[str]]:
    """Gold person label -> the strings that name it in a text."""
    out = {}
    for e in gold.get("entities", []):
        if e["type"] != "Person":
            continue
        forms = [e["label"], *e.get("aliases", [])]
        forms += [f.split()[-1] for f in forms if len(f.split()) > 1 and len(f.split()[-1]) > 3]
        out[e["label"]] = forms
    return out


def _holder(text: str, start: int, end: int, names: dict[str, list[str]]) -> str | None:
    """The gold person named nearest the word at [start, end) within its sentence and 80 characters."""
    lo = max([0, start - 80] + [m.end() for m in _SENT.finditer(text, max(0, start - 80), start)])
    stops = [m.start() for m in _SENT.finditer(text, end, end + 80)]
    hi = stops[0] if stops else min(len(text), end + 80)
    best = None
    for label, forms in names.items():
        for f in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", text[lo:hi]):
                a, b = lo + m.start(), lo + m.end()
                d = start - b if b <= start else a - end if a >= end else 0
                if d >= 0 and (best is None or d < best[0]):
                    best = (d, label)
    return best[1] if best else None


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="count_titles.py", description=__doc__.split("\n")[0])
    ap.add_argument("--ids", required=True, help="a file of dev article ids (test ids are refused)")
    ap.add_argument("--show", nargs="*", default=[], help="list each occurrence of these words (ALL: every word)")
    ap.add_argument("--json", help="write the rows to this file")
    args = ap.parse_args(argv)
    from graph.ingest.pipeline import ingest_text
    from graph.ingest.text import article_from_text, parse_iso_date

    ids = real_cache.read_ids(Path(args.ids))
    index = real_cache.load_index()
    unknown = real_cache.not_dev(ids, index)
    if unknown:
        print(f"count_titles.py: error: not dev articles (the test split is not studied): {', '.join(unknown)}",
              file=sys.stderr)
        return 2
    entries = [e for e in index if e.id in set(ids)]
    gz = load_gazetteer(load_settings())
    cache = real_cache.cache_dir()
    rows = collections.defaultdict(lambda: collections.Counter())
    arts, pubs = collections.defaultdict(set), collections.defaultdict(set)
    shown = []
    for e in entries:
        text = real_cache.cached_text(e, cache)
        if text is None:
            continue
        gold = load_gold(ROOT / "benchmarks/real/gold" / f"{e.id}.gold.json")
        article = article_from_text(text, date=parse_iso_date(e.date, what=e.id), path=f"{e.id}.txt", url=e.url,
                                    publisher=e.publisher)
        pred = to_gold(ingest_text(article, gz))
        names = scoring_names(gold, pred)
        gkeys = {post_key(p, names) for p in gold.get("posts", [])}
        people = _names(gold)
        seen = set()
        for word, a, b in _occurrences(text):
            person = _holder(text, a, b, people)
            if person is None or (word, person) in seen:
                continue
            seen.add((word, person))
            c = names.canon
            g = [p for p in gold.get("posts", []) if c(p["person"]) == c(person)]
            gw = [p for p in g if re.search(rf"(?i)(?<![\w]){re.escape(word)}(?!\w)", p["title"] or "")]
            pr = [p for p in pred.get("posts", []) if c(p["person"]) == c(person)]
            prw = [p for p in pr if re.search(rf"(?i)(?<![\w]){re.escape(word)}(?!\w)", p["title"] or "")]
            r = rows[word]
            r["n"] += 1
            arts[word].add(e.id)
            pubs[word].add(e.publisher)
            r["gold_word"] += bool(gw)
            r["gold_other"] += bool(g) and not gw
            r["gold_none"] += not g
            r["pred_word"] += bool(prw)
            r["pred_word_right"] += any(post_key(p, names) in gkeys for p in prw)
            r["gold_word_missed"] += bool(gw) and not any(post_key(p, names) in {post_key(q, names) for q in pr} for p in gw)
            r["pred_any_right"] += any(post_key(p, names) in gkeys for p in pr)
            if word in args.show or "ALL" in args.show:
                ctx = " ".join(text[max(0, a - 90):b + 90].split())
                shown.append(f"[{word}] {e.id} ({e.publisher}) person={person}\n   gold={[(p['title'], p['of'], p['to']) for p in g]}"
                             f"\n   pred={[(p['title'], p['of'], p['to']) for p in pr]}\n   … {ctx} …")
    print(f"{'word':28} {'known':5} {'n':>3} {'art':>3} {'pub':>3} {'g=w':>4} {'g=oth':>5} {'g=none':>6} {'p=w':>4} {'p=w ok':>6} {'g=w miss':>8}")
    for word in sorted(rows, key=lambda w: -rows[w]["n"]):
        r = rows[word]
        known = word.split()[-1] in KNOWN or word in KNOWN
        print(f"{word:28} {'yes' if known else '':5} {r['n']:>3} {len(arts[word]):>3} {len(pubs[word]):>3} {r['gold_word']:>4} "
              f"{r['gold_other']:>5} {r['gold_none']:>6} {r['pred_word']:>4} {r['pred_word_right']:>6} {r['gold_word_missed']:>8}")
    if args.json:
        Path(args.json).write_text(json.dumps({w: {**rows[w], "articles": len(arts[w]), "publishers": sorted(pubs[w])} for w in rows},
                                              indent=1))
    for s in shown:
        print(s)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
