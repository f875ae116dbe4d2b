"""Where the extractor's entities, posts, events and memberships go wrong, by kind of error, on real dev articles.

Usage:
  python benchmarks/error_profile.py [--rules-at COMMIT] [--show] [ID ...]

F1 says how much is wrong; this says what: for entities, whether an extracted one has no gold
entity of its name or the wrong type, and which types are missed; for events, whether a gold event
was not extracted at all, extracted with one of date, venue or city off, or matched and right; for
posts, whether the person got no post at all or a post with the wrong title, `of` or `to`; for
memberships, whether a gold one was missed or got the wrong status. The matching is the
scorer's own (`graph.ingest.gold`), so the counts add up to its figures.

Only the dev split is profiled (the test split is scored, never studied). `--rules-at COMMIT` runs
the rules of an older commit (a temporary git worktree) on today's dev articles and gold: on the
articles that were still test articles at that commit, this is the profile of articles those rules
had never seen, the "time-travel" held-out of docs/ingest.md.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import real_cache

from graph.ingest.gold import (
    event_differences,
    load_gold,
    match_events,
    post_key,
    scoring_names,
)

Counts = collections.Counter  # a profile: kind of outcome -> count


def event_profile(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[Counts[str], list[str]]:
    """The events of one article by outcome, and one line per miss or wrong event."""
    names = scoring_names(gold, pred)
    g_ev, p_ev = gold.get("events", []), pred.get("events", [])
    match = match_events(g_ev, p_ev, names)
    out: Counts[str] = Counts(gold=len(g_ev), predicted=len(p_ev))
    lines = []
    for pi, gi in sorted(match.items()):
        diff = event_differences(p_ev[pi], g_ev[gi], names)
        out["matched, right" if not diff else "matched, wrong " + "+".join(diff)] += 1
        for how in (_how_off(k, p_ev[pi].get(k), g_ev[gi].get(k), names.canon) for k in ("date", "city") if k in diff):
            if how:
                out[f"  of which {how}"] += 1
        if diff:
            lines.append(f"wrong {'+'.join(diff)}: {g_ev[gi].get('label')!r} / extracted {p_ev[pi].get('label')!r}")
    matched_gold = set(match.values())
    for gi, ge in enumerate(g_ev):
        if gi not in matched_gold:
            kind = "named" if ge.get("named", True) else "unnamed"
            out[f"gold {kind}, not extracted"] += 1
            out["participant pairs lost with them"] += len(ge.get("participants", []))
            lines.append(f"missed ({kind}): {ge.get('label')!r} {ge.get('date')} {ge.get('city')}")
    missed = [gi for gi in range(len(g_ev)) if gi not in matched_gold]
    for pi, pe in enumerate(p_ev):
        if pi not in match:
            out["extracted, matches no gold event"] += 1
            near = _near_miss(pe, [g_ev[gi] for gi in missed], names)
            if near:
                out[f"  of which a missed gold event's participants, {near} off"] += 1
            lines.append(f"extra: {pe.get('label')!r} {pe.get('date')} {pe.get('city')}"
                         + (f" (a missed gold event's participants, {near} off)" if near else ""))
    return out, lines


def _how_off(key: str, pred: Any, gold: Any, canon: Any) -> str | None:
    """How one attribute of an extracted event differs from the gold's: None if it does not; "city (none
    extracted)", "city (gold has none)" or "city (another)" otherwise (likewise for the date)."""
    p, g = (pred, gold) if key == "date" else (canon(pred), canon(gold))
    if p == g:
        return None
    return f"{key} ({'none extracted' if p is None else 'gold has none' if g is None else 'another'})"


def _near_miss(pe: dict[str, Any], missed: list[dict[str, Any]], names: Any) -> str | None:
    """For an extracted event that matched nothing: if a missed gold event shares a participant with it, what
    kept them apart (date, city, or a name on both sides), the one sharing the most participants taken."""
    c = names.canon
    people = {c(x) for x in pe.get("participants", [])}
    best = max(missed, key=lambda ge: len(people & {c(x) for x in ge.get("participants", [])}), default=None)
    if best is None or not people & {c(x) for x in best.get("participants", [])}:
        return None
    off = [o for o in (_how_off(k, pe.get(k), best.get(k), c) for k in ("date", "city")) if o]
    if not off and best.get("named", True) and pe.get("named", True):
        off = ["name"]
    return "+".join(off) or "nothing"


def post_profile(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[Counts[str], list[str]]:
    """The posts of one article by outcome: a missed post is of a person who got no post at all, or
    who got one with some of title, of, to wrong."""
    names = scoring_names(gold, pred)
    g = {post_key(p, names): p for p in gold.get("posts", [])}
    p = {post_key(q, names): q for q in pred.get("posts", [])}
    out: Counts[str] = Counts(gold=len(g), predicted=len(p), right=len(g.keys() & p.keys()))
    lines = []
    wrong = [k for k in p if k not in g]
    for k, post in g.items():
        if k in p:
            continue
        same = [q for q in wrong if q[0] == k[0]]
        if not same:
            out["person got no post"] += 1
            lines.append(f"no post: {post.get('person')!r} {post.get('title')!r}")
            continue
        fields = [f for f, i in (("title", 1), ("of", 2), ("to", 3)) if same[0][i] != k[i]]
        out["post with wrong " + "+".join(fields)] += 1
        lines.append(f"wrong {'+'.join(fields)}: gold {post} / extracted {p[same[0]]}")
    missed_people = {k[0] for k in g if k not in p}
    out["extracted post of a person with no gold post"] = sum(1 for q in wrong if q[0] not in missed_people)
    return out, lines


def entity_profile(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[Counts[str], list[str]]:
    """The entities of one article by outcome: extracted with no gold entity of that name (by type),
    with the name right and the type wrong, or missed (by type). False merges count as extracted."""
    names = scoring_names(gold, pred)
    c = names.canon
    g = {(c(e["label"]), e["type"]): e for e in gold.get("entities", [])}
    p = {(c(e["label"]), e["type"]): e for e in pred.get("entities", [])}
    out: Counts[str] = Counts(gold=len(g), predicted=len(p), right=len(g.keys() & p.keys()))
    lines = []
    g_names = {k[0]: k[1] for k in g}
    for k, e in p.items():
        if k in g:
            continue
        if k[0] in g_names:
            out[f"extracted {k[1]}, gold type {g_names[k[0]]}"] += 1
            lines.append(f"wrong type: {e['label']!r} {k[1]} (gold {g_names[k[0]]})")
        else:
            out[f"extracted {k[1]}, no gold entity"] += 1
            lines.append(f"extra {k[1]}: {e['label']!r}")
    p_names = {k[0] for k in p}
    for k, e in g.items():
        if k[0] not in p_names:
            out[f"gold {k[1]}, not extracted"] += 1
            lines.append(f"missed {k[1]}: {e['label']!r}")
    return out, lines


def membership_profile(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[Counts[str], list[str]]:
    """The memberships of one article by outcome: missed, with the status wrong, or extra."""
    names = scoring_names(gold, pred)
    c = names.canon

    def pair(m: dict[str, Any]) -> tuple[Any, Any]:
        return c(m.get("member")), c(m.get("organization"))

    g = {(*pair(m), str(m.get("status", "")).lower()): m for m in gold.get("memberships", [])}
    p = {(*pair(m), str(m.get("status", "")).lower()): m for m in pred.get("memberships", [])}
    out: Counts[str] = Counts(gold=len(g), predicted=len(p), right=len(g.keys() & p.keys()))
    lines = []
    p_pairs = {k[:2] for k in p}
    for k, m in g.items():
        if k in p:
            continue
        kind = "status wrong" if k[:2] in p_pairs else "not extracted"
        out[f"gold, {kind}"] += 1
        lines.append(f"{kind}: {m.get('member')!r} in {m.get('organization')!r} ({m.get('status')})")
    for k, m in p.items():
        if k not in g and k[:2] not in {q[:2] for q in g}:
            out["extracted, matches no gold pair"] += 1
            lines.append(f"extra: {m.get('member')!r} in {m.get('organization')!r} ({m.get('status')})")
    return out, lines


PROFILES = (("entities", entity_profile), ("posts", post_profile), ("events", event_profile),
            ("memberships", membership_profile))


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="error_profile.py", description=__doc__.split("\n")[0])
    p.add_argument("ids", nargs="*", metavar="ID", help="dev articles to profile (default: all of dev)")
    p.add_argument("--rules-at", metavar="COMMIT", help="run the rules of this commit (a temporary worktree)")
    p.add_argument("--show", action="store_true", help="also list each miss and wrong item")
    return p


def profile(entries: list[real_cache.Entry], *, root: Path, show: bool) -> dict[str, Counts[str]]:
    """The profiles summed over ``entries``, with the extractor of the checkout at ``root``."""
    sys.path.insert(0, str(root))          # the rules of that checkout
    for mod in [m for m in sys.modules if m == "graph" or m.startswith("graph.")]:
        del sys.modules[mod]
    from graph.ingest.gazetteer import load_gazetteer
    from graph.ingest.gold import to_gold
    from graph.ingest.pipeline import ingest_text
    from graph.ingest.text import article_from_text, parse_iso_date
    from graph.settings import load_settings

    gz = load_gazetteer(load_settings(root=root))
    total: dict[str, Counts[str]] = {name: Counts() for name, _ in PROFILES}
    for e in entries:
        text = real_cache.cached_text(e, real_cache.cache_dir())
        if text is None:
            print(f"skipped {e.id}: its text is missing from the cache or altered")
            continue
        art = article_from_text(text, date=parse_iso_date(e.date, what=e.id), path=f"{e.id}.txt", url=e.url,
                                publisher=e.publisher)
        gold, pred = load_gold(real_cache.GOLD_DIR / f"{e.id}.gold.json"), to_gold(ingest_text(art, gz))
        for name, fn in PROFILES:
            counts, lines = fn(gold, pred)
            total[name] += counts
            if show:
                for line in lines:
                    print(f"{e.id[:40]:40s} {name}: {line}")
    return total


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    index = real_cache.load_index()
    dev = [e for e in index if e.split == "dev"]
    unknown = sorted(set(real_cache.not_dev(args.ids, index)))
    if unknown:
        print(f"error_profile.py: error: not dev articles (the test split is not studied): {', '.join(unknown)}",
              file=sys.stderr)
        return 2
    entries = [e for e in dev if not args.ids or e.id in args.ids]
    if args.rules_at is None:
        total = profile(entries, root=ROOT, show=args.show)
    else:
        from learned_common import worktree

        with worktree(args.rules_at) as wt:
            total = profile(entries, root=wt, show=args.show)
    for name, counts in total.items():
        print(f"\n{name} ({len(entries)} dev articles)")
        for key, n in counts.most_common():
            print(f"  {key:48s} {n:5d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
