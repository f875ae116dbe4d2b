"""Experiment (issue #10, tenth round, gle10): does a LEARNED filter over the rules' events transfer to
unseen publishers?

For each article the rules run (`graph.ingest.pipeline.ingest_text`, as `eval_ingest.py --real` runs
them) and every event they extract is a candidate. Each is featurized by the MiniLM embedding
(`all-MiniLM-L6-v2`, 384-d) of the sentence its span starts in, plus structural features (named or
not, date present, equal to / before / after the article date, the date's day written in the
sentence, city and venue present and written in the sentence, number of participants, position in
the article, events per article …) and labelled from the gold with the project's scorer
(`graph.ingest.gold.match_events` / `event_differences`), counterfactually: `drop` when the event
matches no gold event (dropping it is then a pure gain for events and participations), `nodate` /
`nocity` when setting its date / city to null makes it match and be right where it was not. One
logistic regression per decision is trained and evaluated leave-one-publisher-out (LOPO): every
article is predicted by models that never saw its publisher; the decisions are applied to the rules'
events and everything is scored with `graph.ingest.gold.score`.

Two pools of rules' output are used: today's rules on the dev-study articles (fitted to them), and
the BLIND pool: each dev-study article run through the rules of the latest of five older commits
at which it was still a test article (a temporary git worktree per commit), i.e. the rules' errors on
text they had never seen. Both pools train every fold (minus the held-out publisher); both are
reported. The check half (`--check FILE`) is never trained on and only its sums are printed.
Test articles are refused.

Usage:
  TKG_ARTICLE_CACHE=/work/article-cache HF_HUB_OFFLINE=1 python benchmarks/learned_events.py \\
      --study /work/coord/dev-study.txt [--check /work/coord/check-half.txt] [--threshold 0.5] [--show]

This is an experiment, not part of `tkg`; scikit-learn is in the `bench` extra, sentence-transformers
and the model package are needed only for the real embedder (imported lazily).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from learned_common import OLD_COMMITS as BLIND_COMMITS
from learned_common import cell as _cell
from learned_common import (
    dev_items,
    gold_of,
    last_test_commit,
    lopo_folds,
    minilm,
    rules_at,
    run_rules,
    splits_at,
    sum_scores,
)

from graph.ingest.gold import (
    Score,
    event_differences,
    match_events,
    score,
    scoring_names,
)
from graph.ingest.text import sentences

Span = tuple[int, int]
Embedder = Callable[[list[str]], list[list[float]]]
ACTIONS = ("drop", "nodate", "nocity")
WORK = Path(tempfile.gettempdir()) / "gle10-learned-events"


# ------------------------------------------------------------------------------ data of one article

@dataclass
class Doc:
    """One article run through some rules: its text, the rules' extraction in the gold format, the gold."""

    id: str
    publisher: str
    date: str
    text: str
    pred: dict[str, Any]
    gold: dict[str, Any]
    pool: str = "today"          # "today" or "blind@<commit>"


def blind_commit(doc_id: str, splits: dict[str, dict[str, str]]) -> str | None:
    """The latest of BLIND_COMMITS at which the article was still a test article (None: none)."""
    return last_test_commit(doc_id, splits, BLIND_COMMITS)


def collect(ids: list[str], *, blind: bool, cache: Path) -> list[Doc]:
    """The articles of ``ids`` (dev only: a test id is refused) run through today's rules, and with
    ``blind`` also through the rules of the commit at which each was last a test article. Cached."""
    items, skipped = dev_items(ids, "learned_events.py")
    if skipped:
        print(f"skipped {len(skipped)} articles whose text is missing from the cache: {' '.join(skipped)}")
    file = cache / f"docs-{_ids_key([it['id'] for it in items], blind)}.json"
    if file.is_file():
        return [Doc(**d) for d in json.loads(file.read_text(encoding="utf-8"))]
    runs: list[tuple[str, Path, list[dict[str, Any]]]] = [("today", ROOT, items)]
    if blind:
        splits = {c: splits_at(c) for c in BLIND_COMMITS}
        for c in BLIND_COMMITS:       # the latest blind version of each article is evaluated, older ones only train
            mine = [it for it in items if splits[c].get(it["id"]) == "test"]
            for it in mine:
                it.setdefault("pools", {})[c] = "blind" if blind_commit(it["id"], splits) == c else "older"  # type: ignore[index]
            if mine:
                runs.append((c, Path(), mine))
    docs: list[Doc] = []
    for commit, root, its in runs:
        preds = rules_at(commit, its) if commit != "today" else run_rules(root, its)
        for it in its:
            pool = "today" if commit == "today" else f"{it['pools'][commit]}@{commit}"  # type: ignore[index]
            docs.append(Doc(it["id"], it["publisher"], it["date"], it["text"], preds[it["id"]],
                            gold_of(it["id"]), pool))
    cache.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps([d.__dict__ for d in docs]), encoding="utf-8")
    return docs


def _ids_key(items: Sequence[str], blind: bool) -> str:
    return hashlib.sha256(json.dumps([sorted(items), blind]).encode()).hexdigest()[:12]


# ------------------------------------------------------------------------------ candidates and labels

@dataclass(frozen=True)
class Candidate:
    """One event of the rules: its index in the article's events and the sentence its span starts in."""

    doc: str
    index: int
    sentence: Span
    sentence_no: int
    sentences: int


def candidates(doc: Doc) -> list[Candidate]:
    """Every event the rules extracted, with its sentence (the article's first if it has no span)."""
    sents = sentences(doc.text) or [(0, len(doc.text))]
    out = []
    for i, ev in enumerate(doc.pred.get("events", [])):
        start = (ev.get("offsets") or [0])[0]
        k = next((n for n, s in enumerate(sents) if s[0] <= start < s[1]),
                 max((n for n, s in enumerate(sents) if s[0] <= start), default=0))
        out.append(Candidate(doc.id, i, sents[k], k, len(sents)))
    return out


def _events_tp(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[int, set[int]]:
    """The right events of ``pred`` and the indexes of its matched events (the scorer's matching)."""
    names = scoring_names(gold, pred)
    g, p = gold.get("events", []), pred.get("events", [])
    match = match_events(g, p, names)
    return sum(1 for pi, gi in match.items() if not event_differences(p[pi], g[gi], names)), set(match)


def with_event(pred: dict[str, Any], index: int, **changes: Any) -> dict[str, Any]:
    """``pred`` with one event's fields changed (a copy)."""
    events = [dict(e, **changes) if i == index else e for i, e in enumerate(pred.get("events", []))]
    return dict(pred, events=events)


def without_events(pred: dict[str, Any], drop: set[int]) -> dict[str, Any]:
    return dict(pred, events=[e for i, e in enumerate(pred.get("events", [])) if i not in drop])


def labels(doc: Doc) -> list[dict[str, int]]:
    """For each event of the rules, from the scorer, the others left as they are: `nodate` / `nocity`
    when a null date / city adds a right event, `drop` when the event matches no gold event and no
    such fix makes it right (dropping it then loses nothing)."""
    base_tp, matched = _events_tp(doc.gold, doc.pred)
    out = []
    for i, ev in enumerate(doc.pred.get("events", [])):
        y = {}
        for action, field in (("nodate", "date"), ("nocity", "city")):
            y[action] = int(ev.get(field) is not None
                            and _events_tp(doc.gold, with_event(doc.pred, i, **{field: None}))[0] > base_tp)
        y["drop"] = int(i not in matched and not (y["nodate"] or y["nocity"]))
        out.append(y)
    return out


# ------------------------------------------------------------------------------ features

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:today|yesterday|tomorrow|this week|last week|earlier|recently|on the sidelines)\b",
                       re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|is to|are to|to be held|plans? to|next)\b", re.IGNORECASE)
_PAST_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6+"


def _date_written(sentence: str, date: dt.date) -> float:
    """1 when the sentence writes the date's day with its month ("12 May", "May 12", "12.05")."""
    s = sentence.lower()
    month = _MONTHS[date.month - 1]
    day = str(date.day)
    return float(bool(re.search(rf"\b0?{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{month[:3]}", s)
                      or re.search(rf"\b{month[:3]}[a-z]*\.?\s+0?{day}\b", s)
                      or re.search(rf"\b0?{day}[./]0?{date.month}[./]", s)))


def _name_in(text: str, name: Any) -> float:
    if not name:
        return 0.0
    words = [w for w in re.findall(r"\w+", str(name)) if len(w) > 3] or re.findall(r"\w+", str(name))
    return float(any(w.lower() in text.lower() for w in words))


def features(c: Candidate, doc: Doc) -> dict[str, Any]:
    """The structural features of one event (strings are one-hot, numbers are values)."""
    ev = doc.pred["events"][c.index]
    sent = doc.text[c.sentence[0]:c.sentence[1]]
    art = dt.date.fromisoformat(doc.date)
    f: dict[str, Any] = {"named": float(ev.get("named", True)), "has_date": float(ev.get("date") is not None),
                         "has_city": float(ev.get("city") is not None), "has_venue": float(ev.get("venue") is not None),
                         "has_end": float(bool(ev.get("end_date"))), "part_of": float(bool(ev.get("part_of"))),
                         "organizer": float(bool(ev.get("organizer"))),
                         "participants": _bucket(len(ev.get("participants", []))),
                         "events_in_article": _bucket(len(doc.pred.get("events", []))),
                         "event_no": _bucket(c.index), "first_sentence": float(c.sentence_no == 0),
                         "position": c.sentence_no / max(1, c.sentences - 1),
                         "head": (str(ev.get("label") or "").split() or ["NONE"])[0].lower(),
                         "weekday_in_sentence": float(bool(_WEEKDAY.search(sent))),
                         "relative_in_sentence": float(bool(_RELATIVE.search(sent))),
                         "future_in_sentence": float(bool(_FUTURE.search(sent))),
                         "year_in_sentence": float(bool(_PAST_YEAR.search(sent))),
                         "city_in_sentence": _name_in(sent, ev.get("city")),
                         "participants_in_sentence": sum(_name_in(sent, p) for p in ev.get("participants", []))
                         / max(1, len(ev.get("participants", [])))}
    if ev.get("date"):
        d = dt.date.fromisoformat(ev["date"])
        days = (d - art).days
        f["date_rel"] = ("same" if days == 0 else "1 before" if days == -1 else "2-7 before" if -7 <= days < 0
                         else "older" if days < -7 else "after")
        f["date_written"] = _date_written(sent, d)
        f["date_written_anywhere"] = _date_written(doc.text, d)
    else:
        f["date_rel"] = "none"
    return f


def sentence_text(c: Candidate, doc: Doc) -> str:
    """What is embedded for an event: its sentence."""
    return re.sub(r"\s+", " ", doc.text[c.sentence[0]:c.sentence[1]]).strip()[:1000]


# ------------------------------------------------------------------------------ proposed extra events

@dataclass(frozen=True)
class Proposal:
    """An unnamed event proposed for a sentence where the rules found none: its persons take part, the
    first date the project's date reader finds in the sentence and its first city (or null) are its."""

    sentence: Span
    sentence_no: int
    sentences: int
    event: dict[str, Any]


def _mentions(doc: Doc) -> list[tuple[int, int, str, str]]:
    return sorted((o[0], o[1], e["label"], e["type"]) for e in doc.pred.get("entities", []) for o in e.get("offsets", []))


def proposals(doc: Doc) -> list[Proposal]:
    """One proposal per sentence that names a person and holds no event span of the rules."""
    from graph.ingest.rules.dates import find_dates

    starts = [(e.get("offsets") or [-1])[0] for e in doc.pred.get("events", [])]
    ments = _mentions(doc)
    sents = sentences(doc.text)
    out = []
    for k, (s0, s1) in enumerate(sents):
        if any(s0 <= x < s1 for x in starts):
            continue
        inside = [m for m in ments if s0 <= m[0] < s1]
        persons = list(dict.fromkeys(m[2] for m in inside if m[3] == "Person"))
        if not persons:
            continue
        cities = [m[2] for m in inside if m[3] == "City"]
        dates = find_dates(doc.text, dt.date.fromisoformat(doc.date), start=s0, end=s1)
        ev = {"label": "Meeting of " + " and ".join(persons[:2]), "date": dates[0].date.isoformat() if dates else None,
              "venue": None, "city": cities[0] if cities else None, "participants": persons, "organizer": None,
              "named": False, "offsets": [s0, s1]}
        out.append(Proposal((s0, s1), k, len(sents), ev))
    return out


def proposal_labels(doc: Doc, props: list[Proposal]) -> list[dict[str, int]]:
    """`add` when adding the proposal alone to the rules' events adds a right event."""
    base, _ = _events_tp(doc.gold, doc.pred)
    return [{"add": int(_events_tp(doc.gold, dict(doc.pred, events=[*doc.pred.get("events", []), p.event]))[0] > base)}
            for p in props]


def proposal_features(p: Proposal, doc: Doc) -> dict[str, Any]:
    """The structural features of one proposal."""
    ev, sent = p.event, doc.text[p.sentence[0]:p.sentence[1]]
    inside = [m for m in _mentions(doc) if p.sentence[0] <= m[0] < p.sentence[1]]
    rules = doc.pred.get("events", [])
    taken = {x for e in rules for x in e.get("participants", [])}
    f: dict[str, Any] = {"persons": _bucket(len(ev["participants"])), "has_city": float(ev["city"] is not None),
                         "states": _bucket(sum(1 for m in inside if m[3] == "State")),
                         "orgs": _bucket(sum(1 for m in inside if m[3] == "Organization")),
                         "rules_events": _bucket(len(rules)),
                         "rules_unnamed": _bucket(sum(1 for e in rules if not e.get("named", True))),
                         "same_key": float(any(not e.get("named", True) and e.get("date") == ev["date"]
                                               and e.get("city") == ev["city"] for e in rules)),
                         "persons_in_events": sum(x in taken for x in ev["participants"]) / len(ev["participants"]),
                         "first_sentence": float(p.sentence_no == 0),
                         "position": p.sentence_no / max(1, p.sentences - 1),
                         "weekday_in_sentence": float(bool(_WEEKDAY.search(sent))),
                         "relative_in_sentence": float(bool(_RELATIVE.search(sent))),
                         "future_in_sentence": float(bool(_FUTURE.search(sent))),
                         "quote": float('"' in sent or "“" in sent)}
    if ev["date"]:
        days = (dt.date.fromisoformat(ev["date"]) - dt.date.fromisoformat(doc.date)).days
        f["date_rel"] = "same" if days == 0 else "before" if -7 <= days < 0 else "older" if days < -7 else "after"
    else:
        f["date_rel"] = "none"
    return f


# ------------------------------------------------------------------------------ the embedder

def minilm_embedder(cache: Path) -> Embedder:
    """The MiniLM sentence embedder (offline), with an on-disk cache keyed by the text's hash; vectors
    rounded to 5 decimals."""
    embed = minilm(cache / "minilm.json", digits=5, batch_size=32)
    return lambda texts: embed(texts).tolist()  # type: ignore[no-any-return]


# ------------------------------------------------------------------------------ model and decisions

@dataclass
class Rows:
    """The featurized events of some articles: structural features, embeddings, labels."""

    feats: list[dict[str, Any]]
    vecs: list[list[float]]
    ys: list[dict[str, int]]


def _embed(embed: Embedder | None, texts: list[str]) -> list[list[float]]:
    return embed(texts) if embed is not None and texts else [[] for _ in texts]


def featurize(doc: Doc, embed: Embedder | None) -> tuple[Rows, Rows]:
    """The rows of the rules' events and of the proposed extra events of one article."""
    cands = candidates(doc)
    events = Rows([features(c, doc) for c in cands], _embed(embed, [sentence_text(c, doc) for c in cands]), labels(doc))
    props = proposals(doc)
    texts = [re.sub(r"\s+", " ", doc.text[p.sentence[0]:p.sentence[1]]).strip()[:1000] for p in props]
    extra = Rows([proposal_features(p, doc) for p in props], _embed(embed, texts), proposal_labels(doc, props))
    return events, extra


EMBED_SCALE = 384 ** 0.5       # unit vectors of 384 dimensions: each coordinate brought to about unit size


def _matrix(vec: Any, pca: Any, rows: Rows) -> Any:
    """One-hot structural features, then the embedding: whitened principal components when ``pca`` is
    given, else the scaled vector."""
    import numpy as np

    x = vec.transform(rows.feats).toarray()
    if rows.vecs and rows.vecs[0]:
        v = np.asarray(rows.vecs, dtype=float)
        x = np.hstack([x, pca.transform(v) if pca is not None else EMBED_SCALE * v])
    return x


@dataclass
class Model:
    vectorizer: Any
    pca: Any                        # the embedding's principal components (None: the whole embedding)
    heads: dict[str, Any]           # action -> fitted classifier, or a constant probability


def train(rows: Rows, *, c: float = 0.3, balanced: bool = False, actions: Sequence[str] = ACTIONS,
          components: int = 0) -> Model:
    """One logistic regression per action over one-hot structural features and the embedding (or its
    first ``components`` whitened principal components, fitted on these rows)."""
    from sklearn.decomposition import PCA  # type: ignore[import-untyped]
    from sklearn.feature_extraction import DictVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    if not rows.feats:
        return Model(None, None, {a: 0.0 for a in actions})
    vec = DictVectorizer().fit(rows.feats)
    pca = None
    if components and rows.vecs and rows.vecs[0]:
        pca = PCA(n_components=min(components, len(rows.vecs)), whiten=True, random_state=0).fit(rows.vecs)
    x = _matrix(vec, pca, rows)
    heads: dict[str, Any] = {}
    for a in actions:
        y = [r[a] for r in rows.ys]
        if len(set(y)) < 2:
            heads[a] = float(y[0]) if y else 0.0
            continue
        heads[a] = LogisticRegression(C=c, max_iter=3000,
                                      class_weight="balanced" if balanced else None).fit(x, y)
    return Model(vec, pca, heads)


def probabilities(model: Model, rows: Rows) -> list[dict[str, float]]:
    if not rows.feats:
        return []
    x = _matrix(model.vectorizer, model.pca, rows) if model.vectorizer is not None else None
    out: list[dict[str, float]] = [{} for _ in rows.feats]
    for a, head in model.heads.items():
        ps = [head] * len(out) if isinstance(head, float) else head.predict_proba(x)[:, 1]
        for o, p in zip(out, ps):
            o[a] = float(p)
    return out


def decide(pred: dict[str, Any], probs: list[dict[str, float]], thresholds: dict[str, float],
           extra: Sequence[tuple[dict[str, Any], float]] = ()) -> dict[str, Any]:
    """The rules' extraction with the learned decisions applied: a fix (null date, null city) where its
    probability reaches its threshold, else a drop where the drop's does; then the proposed extra events
    (event, probability) whose probability reaches the `add` threshold, the likeliest first, one per
    date and city (a second of the same date and city could match no other unnamed gold event)."""
    events, drop = [], set()
    for i, (ev, p) in enumerate(zip(pred.get("events", []), probs)):
        fixed = dict(ev)
        for action, field in (("nodate", "date"), ("nocity", "city")):
            if fixed.get(field) is not None and p.get(action, 0.0) >= thresholds[action]:
                fixed[field] = None
        if fixed == ev and p.get("drop", 0.0) >= thresholds["drop"]:
            drop.add(i)
        events.append(fixed)
    out = without_events(dict(pred, events=events), drop)
    keys = {(e.get("date"), e.get("city")) for e in out["events"] if not e.get("named", True)}
    for new, q in sorted(extra, key=lambda x: -x[1]):
        if q >= thresholds.get("add", 2.0) and (new.get("date"), new.get("city")) not in keys:
            keys.add((new.get("date"), new.get("city")))
            out["events"].append(new)
    return out


# ------------------------------------------------------------------------------ evaluation

@dataclass
class Fold:
    doc: str
    pool: str
    publisher: str
    rules: dict[str, Score]
    model: dict[str, Score]
    changes: list[str]


def _changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    kept = {json.dumps(e, sort_keys=True) for e in after.get("events", [])}
    return [f"{e.get('label')!r} {e.get('date')} {e.get('city')}" for e in before.get("events", [])
            if json.dumps(e, sort_keys=True) not in kept]


Probs = dict[tuple[str, str], tuple[list[dict[str, float]], list[dict[str, float]]]]


def lopo_probabilities(docs: list[Doc], rows: dict[tuple[str, str], tuple[Rows, Rows]], *, never_train: set[str],
                       c: float, train_pools: Iterable[str] = ("today", "blind", "older"), balanced: bool = False,
                       components: int = 0) -> Probs:
    """Leave one publisher out: the action probabilities of each publisher's events (of every pool) from
    models trained on the other publishers' articles (never on ``never_train``)."""
    pools = tuple(train_pools)
    out: Probs = {}
    for _, others, held in lopo_folds(docs, lambda d: d.publisher):
        ev_rows, extra_rows = Rows([], [], []), Rows([], [], [])
        for d in others:
            if d.id not in never_train and d.pool.startswith(pools):
                for acc, r in zip((ev_rows, extra_rows), rows[(d.id, d.pool)]):
                    acc.feats += r.feats
                    acc.vecs += r.vecs
                    acc.ys += r.ys
        model = train(ev_rows, c=c, balanced=balanced, components=components)
        adder = train(extra_rows, c=c, balanced=balanced, actions=("add",), components=components)
        for d in held:
            ev, extra = rows[(d.id, d.pool)]
            out[(d.id, d.pool)] = (probabilities(model, ev), probabilities(adder, extra))
    return out


def evaluate(docs: list[Doc], probs: Probs, thresholds: dict[str, float]) -> list[Fold]:
    """Each article scored with the rules' events and with the decisions at ``thresholds``."""
    out = []
    for d in docs:
        ev_probs, extra_probs = probs[(d.id, d.pool)]
        extra = [(p.event, q["add"]) for p, q in zip(proposals(d), extra_probs)]
        new = decide(d.pred, ev_probs, thresholds, extra)
        out.append(Fold(d.id, d.pool, d.publisher, score(d.gold, d.pred), score(d.gold, new), _changes(d.pred, new)))
    return out


def sums(folds: Iterable[Fold]) -> tuple[dict[str, Score], dict[str, Score]]:
    return sum_scores((f.rules, f.model) for f in folds)


def table(name: str, folds: list[Fold]) -> list[str]:
    """Rules alone vs rules + learned layer, per list touched (events, participations) and overall."""
    r, m = sums(folds)
    lines = [f"{name} ({len(folds)} articles)", "| list | rules tp/pred/gold | rules + learned | Δ F1 |", "|---|---|---|---|"]
    for k in ("events", "participations", "entities", "overall"):
        lines.append(f"| {k} | {_cell(r[k])} | {_cell(m[k])} | {m[k].f1 - r[k].f1:+.3f} |")
    return lines


def scan(docs: list[Doc], probs: Probs, check: set[str]) -> None:
    """Events and overall F1 (both pools of dev-study) over a grid of drop/fix thresholds, then of add."""
    study = [d for d in docs if d.id not in check and not d.pool.startswith("older")]
    grid = [(t, f, 2.0) for t in (0.3, 0.5, 0.7, 1.01) for f in (0.3, 0.5, 0.7, 1.01)]
    grid += [(1.01, 1.01, a) for a in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)]
    print("drop fix add | today: events/participations/overall F1 | blind: events/participations/overall F1")
    for t_drop, t_fix, t_add in grid:
        folds = evaluate(study, probs, {"drop": t_drop, "nodate": t_fix, "nocity": t_fix, "add": t_add})
        parts = []
        for pool in ("today", "blind"):
            _, m = sums(f for f in folds if f.pool.startswith(pool))
            parts.append(f"{m['events'].f1:.3f}/{m['participations'].f1:.3f}/{m['overall'].f1:.3f}" if m else "-")
        print(f"{t_drop:.2f} {t_fix:.2f} {t_add:.2f} | " + " | ".join(parts))
    print()


def ranking(docs: list[Doc], rows: dict[tuple[str, str], tuple[Rows, Rows]], probs: Probs, check: set[str]) -> list[str]:
    """The LOPO ROC AUC of each decision per pool (how well the probabilities rank the labels)."""
    from sklearn.metrics import roc_auc_score  # type: ignore[import-untyped]

    out = []
    for pool in ("today", "blind"):
        mine = [d for d in docs if d.pool.startswith(pool) and d.id not in check]
        cells = []
        for k, actions in ((0, ACTIONS), (1, ("add",))):
            for a in actions:
                y = [r[a] for d in mine for r in rows[(d.id, d.pool)][k].ys]
                p = [q[a] for d in mine for q in probs[(d.id, d.pool)][k]]
                cells.append(f"{a} {roc_auc_score(y, p):.3f} ({sum(y)}/{len(y)})" if 0 < sum(y) < len(y) else f"{a} -")
        out.append(f"LOPO ROC AUC, {pool} rules: " + ", ".join(cells))
    return out


def oracle(rows: dict[tuple[str, str], tuple[Rows, Rows]]) -> Probs:
    """The labels as probabilities: what perfect decisions would reach (the layer's ceiling)."""
    return {k: ([{a: float(y[a]) for a in ACTIONS} for y in ev.ys], [{"add": float(y["add"])} for y in extra.ys])
            for k, (ev, extra) in rows.items()}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="learned_events.py", description=__doc__.split("\n")[0])
    p.add_argument("--study", type=Path, required=True, help="the ids to train and evaluate on (LOPO)")
    p.add_argument("--check", type=Path, default=None, help="held-out ids: never trained on, sums only")
    p.add_argument("--no-blind", action="store_true", help="without the blind pool (old rules on then-test articles)")
    p.add_argument("--no-embed", action="store_true", help="structural features only (no MiniLM)")
    p.add_argument("--train-pools", default="today,blind,older",
                   help="pools to train on (default: today,blind,older; older = a blind article at an earlier commit)")
    p.add_argument("--threshold", type=float, default=0.5, help="least probability of a drop (default 0.5)")
    p.add_argument("--fix-threshold", type=float, default=0.5, help="least probability of a null date/city")
    p.add_argument("--add-threshold", type=float, default=2.0,
                   help="least probability of a proposed extra event (default 2: none added)")
    p.add_argument("--pca", type=int, default=16,
                   help="whitened principal components of the embedding used (default 16; 0: the whole scaled vector)")
    p.add_argument("-C", dest="c", type=float, default=0.3, help="inverse regularization of the regressions")
    p.add_argument("--cache", type=Path, default=WORK, help=f"cache of rules' output and embeddings ({WORK})")
    p.add_argument("--balanced", action="store_true", help="class weights balanced in the regressions")
    p.add_argument("--scan", action="store_true", help="also print dev-study events/overall F1 over a grid of thresholds")
    p.add_argument("--oracle", action="store_true",
                   help="decide by the labels themselves (the ceiling of the layer; no model is trained)")
    p.add_argument("--show", action="store_true", help="print the changed events (never for --check ids)")
    return p


def main(argv: list[str]) -> int:
    import real_cache

    args = _parser().parse_args(argv)
    study = real_cache.read_ids(args.study)
    check = real_cache.read_ids(args.check) if args.check else []
    if set(study) & set(check):
        raise SystemExit("learned_events.py: the study and check ids overlap")
    docs = collect(study, blind=not args.no_blind, cache=args.cache)
    if check:
        docs += collect(check, blind=False, cache=args.cache)
    embed = None if args.no_embed else minilm_embedder(args.cache)
    rows = {(d.id, d.pool): featurize(d, embed) for d in docs}
    th = {"drop": args.threshold, "nodate": args.fix_threshold, "nocity": args.fix_threshold, "add": args.add_threshold}
    if args.oracle and check:
        raise SystemExit("learned_events.py: --oracle reads the labels: never with --check")
    probs = oracle(rows) if args.oracle else lopo_probabilities(
        docs, rows, never_train=set(check), c=args.c, train_pools=args.train_pools.split(","),
        balanced=args.balanced, components=args.pca)
    if args.scan:
        scan(docs, probs, set(check))
    print("\n".join(ranking(docs, rows, probs, set(check))) + "\n")
    folds = evaluate(docs, probs, th)
    study_folds = [f for f in folds if f.doc not in check and not f.pool.startswith("older")]
    for pool in ("today", "blind", "older"):
        pf = [f for f in study_folds if f.pool.startswith(pool)]
        if pf:
            print("\n".join(table(f"dev-study, {pool} rules, LOPO", pf)) + "\n")
            y = [r for d in docs if d.pool.startswith(pool) and d.id not in check for r in rows[(d.id, d.pool)][0].ys]
            z = [r["add"] for d in docs if d.pool.startswith(pool) and d.id not in check for r in rows[(d.id, d.pool)][1].ys]
            print(f"labels ({pool}): {len(y)} events; " + ", ".join(f"{a} {sum(r[a] for r in y)}" for a in ACTIONS)
                  + f"; {len(z)} proposals, add {sum(z)}\n")
    size = {pub: sum(1 for d in docs if d.publisher == pub and d.pool == "today" and d.id not in check)
            for pub in {d.publisher for d in docs}}
    for pool in ("today", "blind"):
        for name, big in (("publishers of 5+ articles", True), ("publishers of 1-4 articles", False)):
            pf = [f for f in study_folds if f.pool.startswith(pool) and (size[f.publisher] >= 5) == big]
            if pf:
                r, m = sums(pf)
                print(f"{pool}, {name} ({len(pf)} articles): events F1 {r['events'].f1:.3f} -> {m['events'].f1:.3f}, "
                      f"participations {r['participations'].f1:.3f} -> {m['participations'].f1:.3f}, "
                      f"overall {r['overall'].f1:.3f} -> {m['overall'].f1:.3f}")
    print()
    if check:
        print("\n".join(table("check half, today's rules (sums only)", [f for f in folds if f.doc in check])))
    if args.show:
        for f in study_folds:
            for ch in f.changes:
                print(f"{f.pool:16s} {f.doc[:50]:50s} changed/dropped: {ch}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
