"""Experiment (issue #10, tenth round, gen10): does the MiniLM embedding of the title phrase help the learned post
linker of `learned_posts.py` (round 8) on unseen publishers?

The candidates, hand features, labels, model and `of` rule are `learned_posts.py`'s, imported, not copied.
Two feature sets are compared leave-one-publisher-out on the same candidates: its hand features alone
("hand"), and the hand features plus the title phrase's MiniLM embedding and its greatest cosine to the
titles of the training folds' gold posts ("hand + emb"; a title the rules never saw, "Governor-General",
is near known ones). The rules' posts are kept, the model's are added for persons the rules gave none,
and everything is scored with `graph.ingest.gold.score`. Data: `rules_output.py` files (today's rules on
dev-study; optionally old rules on then-test articles), never the check half or test.

Result (2026-12-02, gen10): LOPO posts F1 on dev-study (112 texts) 0.914 → 0.916 (hand) / 0.912
(hand + emb); on the time-travel pool (62 texts) 0.702 → 0.693 (hand) / 0.690 (hand + emb): no gain.

Usage:
  TKG_ARTICLE_CACHE=/work/article-cache python benchmarks/learned_posts_emb.py --now /tmp/gen10/now.json \\
      [--tt /tmp/gen10/tt-….json …] [--threshold 0.4] [--scale 4]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
for _p in (ROOT, ROOT / "benchmarks"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import learned_entities as le
import learned_posts as lp

from graph.ingest.gold import score

Extra = dict[str, float]


def title_extras(titles: list[str], known: list[str], embed: le.Embedder, *, scale: float) -> list[Extra]:
    """For each title: its embedding (times ``scale``, keys ``te0``…) and its greatest cosine to ``known``."""
    if not titles:
        return []
    vecs = le._unit(embed(titles))
    near = (vecs @ le._unit(embed(known)).T).max(axis=1) if known else np.zeros(len(titles))
    return [{**{f"te{i}": float(scale * v) for i, v in enumerate(row)}, "near_known": float(n)}
            for row, n in zip(vecs, near)]


class WithExtras:
    """A fitted model whose inputs, lp's feature dicts of one article's candidates (in `lp.candidates`
    order), get the extras of those candidates added before it predicts (so `lp.predict_posts` works)."""

    def __init__(self, model: Any, extras: list[Extra]):
        self.model, self.extras = model, extras

    def predict_proba(self, feats: list[dict[str, Any]]) -> np.ndarray:
        assert len(feats) == len(self.extras)
        return np.asarray(self.model.predict_proba([{**f, **x} for f, x in zip(feats, self.extras)]))


def doc_extras(doc: lp.Doc, known: list[str], embed: le.Embedder | None, scale: float) -> list[Extra]:
    cands = lp.candidates(doc)
    if embed is None:
        return [{} for _ in cands]
    return title_extras([c.tspan.title for c in cands], known, embed, scale=scale)


def gold_titles(docs: list[lp.Doc]) -> list[str]:
    return sorted({str(p["title"]) for d in docs for p in d.gold.get("posts", []) if p.get("title")})


def lopo(docs: list[lp.Doc], embed: le.Embedder | None, *, threshold: float, scale: float) -> list[lp.Fold]:
    """Each publisher's articles predicted by a model trained on the others' (``embed`` None: hand features)."""
    out = []
    for pub in sorted({d.publisher for d in docs}):
        train = [d for d in docs if d.publisher != pub]
        known = gold_titles(train)
        rows = []
        for d in train:
            rows += [({**f, **x}, y) for (f, y), x in zip(lp.labelled(d), doc_extras(d, known, embed, scale))]
        model = lp.train(rows)
        for d in (d for d in docs if d.publisher == pub):
            added = lp.predict_posts(WithExtras(model, doc_extras(d, known, embed, scale)), d, threshold=threshold)
            pred = dict(d.pred, posts=[*d.pred.get("posts", []), *added])
            out.append(lp.Fold(d.id, score(d.gold, d.pred), score(d.gold, pred), added))
    return out


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="learned_posts_emb.py", description=__doc__.split("\n")[0])
    p.add_argument("--now", type=Path, required=True, help="today's rules on dev-study (rules_output.py)")
    p.add_argument("--tt", type=Path, action="append", default=[], help="old rules on then-test articles")
    p.add_argument("--study", type=Path, default=Path("/work/coord/dev-study.txt"), help="the ids to use")
    p.add_argument("--threshold", type=float, default=0.4, help="least probability of an added post (0.4, lp's)")
    p.add_argument("--scale", type=float, default=4.0, help="the embedding's scale in the regression (4)")
    p.add_argument("--cache", type=Path, default=Path("/tmp/gen10/emb"), help="embedding cache folder")
    args = p.parse_args(argv)
    import real_cache

    started = time.time()
    study = set(real_cache.read_ids(args.study))
    pools = {"now": le.load_docs(args.now, "now", study)}
    if args.tt:
        pools["tt"] = [d for f in args.tt for d in le.load_docs(f, "tt", study)]
    embed = le.minilm_embedder(args.cache)
    print("| articles | rules: posts tp/pred/gold | rules + model | Δ F1 | overall F1 |")
    print("|---|---|---|---|---|")
    for pool, ds in pools.items():
        docs = [lp.Doc(d.id, d.publisher, d.text, d.pred, d.gold) for d in ds]
        for name, emb in (("hand", None), ("hand + emb", embed)):
            folds = lopo(docs, emb, threshold=args.threshold, scale=args.scale)
            print(lp._line(f"{pool}, LOPO, {name}", len(folds), *lp.sums(folds)))
    print(f"\nrun time {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
