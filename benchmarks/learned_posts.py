"""Experiment (issue #10, eighth round, gl8): does a LEARNED post linker transfer to unseen publishers?

For each dev article the current rules run (`graph.ingest.pipeline.ingest_text`, as
`eval_ingest.py --real` runs them); every person they found but gave no post is paired with each
title-like span of a sentence that names the person (a head noun of office, widened over its
modifiers and an "of …" tail); each pair is featurized (order, distance, words and punctuation
between, head noun, a rival person nearer the title, a demonym or state before the title …) and
labelled from the dev gold. A logistic regression (scikit-learn) is trained and evaluated
leave-one-publisher-out: each publisher's articles are predicted by a model trained on the other
publishers' articles, the predicted posts are added to the rules' posts, and everything is scored
with `graph.ingest.gold.score`. `of` is chosen by a rule (the entity of an "of" tail, else a
demonym or possessive state just before the title, else the only state of the sentence).

The held-out check half of the eighth round (`--check FILE`) is never trained on, in any fold, and
only its sums are printed; so are the other id groups (`--group NAME=FILE`). Test is never read.

Usage:
  TKG_ARTICLE_CACHE=/work/article-cache python benchmarks/learned_posts.py \\
      [--check /work/coord/r8-check.txt] [--group old20=/work/r7/old20.txt …] [--threshold 0.5] [--show]

This is an experiment, not part of `tkg`; scikit-learn is in the `bench` extra.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from graph.ingest.gazetteer import STATES
from graph.ingest.gold import Score, _title, add_scores, score, scoring_names
from graph.ingest.text import sentences

Span = tuple[int, int]

# ------------------------------------------------------------------------------ lexicon of offices

HEADS = ("minister", "ambassador", "president", "chancellor", "envoy", "prince", "princess", "king", "queen",
         "chairman", "chairwoman", "chairperson", "chair", "speaker", "commissioner", "adviser", "advisor",
         "director", "head", "chief", "secretary", "rector", "ceo", "member", "governor", "mayor", "consul",
         "counsellor", "counselor", "attaché", "attache", "representative", "spokesperson", "spokesman",
         "spokeswoman", "coordinator", "senator", "deputy", "officer", "manager", "founder", "editor", "emir",
         "sultan", "ombudsman", "akim", "hokim", "judge", "dean", "leader", "executive", "delegate", "premier",
         "chargé", "president-elect", "vice-president", "governor-general", "mp", "lawmaker", "diplomat")
MODIFIERS = {"deputy", "vice", "first", "second", "prime", "foreign", "acting", "senior", "chief", "executive",
             "general", "special", "permanent", "honorary", "assistant", "crown", "press", "trade", "interim",
             "state", "principal", "managing", "founding", "regional", "national", "economic", "military",
             "defence", "defense", "finance", "culture", "cultural", "education", "energy", "political"}
AFTER_HEAD = {"general", "officer", "representative", "secretary", "minister", "director", "affairs"}
TENURE = {"former", "new", "newly", "appointed", "outgoing", "incoming", "current", "then", "recently", "elected"}
DEMONYMS: dict[str, str] = {}
STATE_NAMES: dict[str, str] = {}
for _iso, _short, _official, _dem, _others in STATES:
    for _d in _dem:
        DEMONYMS[_d.lower()] = _short
    for _n in (_short, _official, *_others):
        STATE_NAMES[_n.lower()] = _short
_EXTRA_DEMONYMS = {"pakistani": "Pakistan", "hungarian": "Hungary", "mongolian": "Mongolia", "russian": "Russia",
                   "chinese": "China", "korean": "South Korea", "american": "United States", "indian": "India",
                   "iranian": "Iran", "georgian": "Georgia", "afghan": "Afghanistan", "tajik": "Tajikistan",
                   "saudi": "Saudi Arabia", "emirati": "United Arab Emirates", "japanese": "Japan",
                   "ukrainian": "Ukraine", "german": "Germany", "french": "France", "british": "United Kingdom",
                   "italian": "Italy", "polish": "Poland", "qatari": "Qatar", "malaysian": "Malaysia",
                   "bashkir": "Bashkortostan", "tatar": "Tatarstan", "belarusian": "Belarus", "egyptian": "Egypt"}
for _k, _v in _EXTRA_DEMONYMS.items():
    DEMONYMS.setdefault(_k, _v)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſƏə'’.-]+|\S")
_HEAD_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted((re.escape(h) for h in HEADS), key=len, reverse=True))
                      + r")s?(?![\w-])", re.IGNORECASE)


# ------------------------------------------------------------------------------ data of one article

@dataclass
class Mention:
    label: str
    kind: str
    span: Span


@dataclass
class Doc:
    """One ingested article: its text, the rules' extraction in the gold format and the gold."""

    id: str
    publisher: str
    text: str
    pred: dict[str, Any]
    gold: dict[str, Any]
    mentions: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.mentions:
            self.mentions = sorted((Mention(e["label"], e["type"], (o[0], o[1]))
                                    for e in self.pred.get("entities", []) for o in e.get("offsets", [])),
                                   key=lambda m: m.span)

    def postless(self) -> list[str]:
        """The persons the rules found and gave no post."""
        have = {p["person"] for p in self.pred.get("posts", [])}
        return [e["label"] for e in self.pred.get("entities", []) if e["type"] == "Person" and e["label"] not in have]


@dataclass(frozen=True)
class TitleSpan:
    span: Span                 # the title as written, modifiers and "of" tail included
    title: str                 # the title as the gold writes it (no demonym, tenure word or owner)
    head: str                  # the head noun, lower case
    of: str | None             # the owner the span itself names ("of Azerbaijan", "Kazakh", "Turkey's")
    to: str | None             # "… to Hungary"
    owner_by: str              # tail, before, none


@dataclass(frozen=True)
class Candidate:
    doc: str
    person: str
    pspan: Span
    tspan: TitleSpan
    sentence: Span


# ------------------------------------------------------------------------------ title spans

def _entity_at(mentions: list[Mention], start: int, end: int, kinds: Iterable[str]) -> Mention | None:
    for m in mentions:
        if m.kind in kinds and m.span[0] >= start and m.span[1] <= end + 1 and m.span[0] - start <= 9:
            return m
    return None


def _tail(text: str, end: int, limit: int) -> tuple[int, str]:
    """An "of/for <Capitalized words …>" right after a title: its end and its words ("" if none)."""
    m = re.match(r"[ \t]+(?:of|for)[ \t]+((?:the[ \t]+)?[A-Z][\w'’-]*(?:(?:[ \t]+|,[ \t]+)(?:and[ \t]+|of[ \t]+(?:the[ \t]+)?|for[ \t]+)?"
                 r"[A-Z][\w'’-]*)*)", text[end:limit])
    if not m:
        return end, ""
    return end + m.end(), m.group(1)


def _owner_in_tail(text: str, end: int, t_end: int, mentions: list[Mention]) -> tuple[int, str | None]:
    """Where the title ends in a tail, and the owner the tail names: the first "of/for (the) X" whose
    X is a state, organization or city ("Minister of Foreign Affairs | of Azerbaijan"), else none."""
    for m in re.finditer(r"\b(?:of|for)\s+(?:the\s+)?", text[end:t_end]):
        at = end + m.end()
        ent = next((x for x in mentions if x.span[0] == at and x.kind in ("State", "Organization", "City")), None)
        rest = text[at:t_end].strip().lower()
        if ent is not None or rest in STATE_NAMES:
            return end + m.start() - (1 if text[end + m.start() - 1].isspace() else 0), \
                (ent.label if ent is not None else STATE_NAMES[rest])
    return t_end, None


def _left(text: str, start: int, floor: int, mentions: list[Mention]) -> int:
    """Widen a head noun to the left over modifiers (capitalized words or known lower-case ones)."""
    while True:
        m = re.search(r"([\w'’-]+)\s+$", text[floor:start])
        if not m:
            return start
        word = m.group(1)
        w0 = floor + m.start(1)
        if any(x.span[0] <= w0 < x.span[1] for x in mentions) or word.lower() in DEMONYMS:
            return start
        if word.lower() in TENURE or word.lower() in ("the", "a", "an", "his", "her", "its", "their", "and"):
            return start
        if not (word.lower() in MODIFIERS or (word[0].isupper() and not word.endswith(("'s", "’s"))
                                              and word.lower() not in STATE_NAMES)):
            return start
        start = w0


def _owner_before(text: str, start: int, floor: int, mentions: list[Mention]) -> str | None:
    """A demonym or a state's possessive just before a title (tenure words skipped)."""
    before = text[floor:start]
    m = re.search(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*?)(?:'s|’s)?\s+(?:(?:" + "|".join(TENURE) + r")\s+)*$", before)
    if not m:
        return None
    words = m.group(1)
    if words.lower() in DEMONYMS:
        return DEMONYMS[words.lower()]
    if words.lower() in STATE_NAMES and re.search(r"(?:'s|’s)\s+(?:\w+\s+)*$", before):
        return STATE_NAMES[words.lower()]
    last = words.split()[-1].lower()
    return DEMONYMS.get(last)


def _clean_title(raw: str) -> str:
    words = raw.split()
    while words and (words[0].lower() in TENURE or words[0].lower() in ("the", "a", "an")):
        words = words[1:]
    return " ".join(w.capitalize() if w.islower() and w not in ("of", "for", "and", "the") else w for w in words)


def title_spans(text: str, sentence: Span, mentions: list[Mention]) -> list[TitleSpan]:
    """The title-like spans of one sentence, right to left, none inside another."""
    s0, s1 = sentence
    found: list[TitleSpan] = []
    covered_from = s1 + 1
    heads = list(_HEAD_RE.finditer(text, s0, s1))
    for h in reversed(heads):
        if h.start() >= covered_from or any(m.kind == "Person" and m.span[0] <= h.start() < m.span[1] for m in mentions):
            continue
        end = h.end()
        while (m := re.match(r"[\s-]+([A-Za-z]+)", text[end:s1])) and m.group(1).lower() in AFTER_HEAD:
            end += m.end()
        start = _left(text, h.start(), s0, mentions)
        stop = min([m.span[0] for m in mentions if m.kind == "Person" and m.span[0] >= end] + [s1])
        t_end, tail = _tail(text, end, stop)
        of, owner_by = None, "none"
        title = text[start:end]
        if tail:
            title_end, of = _owner_in_tail(text, end, t_end, mentions)
            title, owner_by = text[start:title_end], ("tail" if of else "none")
        if of is None:
            of = _owner_before(text, start, s0, mentions)
            owner_by = "before" if of else "none"
        after = t_end if tail else end
        to = None
        if to_m := re.match(r"\s+to\s+(?:the\s+)?", text[after:s1]):
            ent = _entity_at(mentions, after + to_m.end(), s1, ("State", "Organization", "City"))
            to = ent.label if ent is not None and ent.span[0] == after + to_m.end() else None
        found.append(TitleSpan((start, after), _clean_title(title), h.group(1).lower(),
                               of, to, owner_by))
        covered_from = start
    return list(reversed(found))


# ------------------------------------------------------------------------------ candidates and features

def candidates(doc: Doc, *, every_person: bool = False) -> list[Candidate]:
    """Every (postless person, title span) pair of a sentence that names the person (with
    ``every_person``, the persons the rules gave a post too: more examples to learn from)."""
    out: list[Candidate] = []
    postless = {e["label"] for e in doc.pred.get("entities", []) if e["type"] == "Person"} if every_person \
        else set(doc.postless())
    sents = sentences(doc.text)
    cache: dict[Span, list[TitleSpan]] = {}
    for m in doc.mentions:
        if m.kind != "Person" or m.label not in postless:
            continue
        for s in sents:
            if not (s[0] <= m.span[0] < s[1]):
                continue
            if s not in cache:
                cache[s] = title_spans(doc.text, s, doc.mentions)
            out += [Candidate(doc.id, m.label, m.span, t, s) for t in cache[s]
                    if t.span[1] <= m.span[0] or t.span[0] >= m.span[1]]
    return out


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _WORD.findall(text)]


def features(c: Candidate, doc: Doc) -> dict[str, Any]:
    """The features of one candidate pair (strings are one-hot, numbers are values)."""
    text, (p0, p1), (t0, t1) = doc.text, c.pspan, c.tspan.span
    title_first = t1 <= p0
    gap = text[t1:p0] if title_first else text[p1:t0]
    toks = _tokens(gap)
    f: dict[str, Any] = {"order": "title_first" if title_first else "person_first", "head": c.tspan.head,
                         "owner_by": c.tspan.owner_by, "gap_tokens": _bucket(len(toks)),
                         "commas": _bucket(gap.count(",")), "has_to": float(c.tspan.to is not None),
                         "title_cap": float(text[t0].isupper()), "of_in_title": float(" of " in c.tspan.title),
                         "title_words": _bucket(len(c.tspan.title.split()))}
    f["between"] = " ".join(toks) if len(toks) <= 3 else "LONG"
    for t in set(toks[:8]):
        f[f"bw:{t}"] = 1.0
    f["paren"] = float("(" in gap or ")" in gap)
    f["dash"] = float(bool(re.search(r"[—–]| - ", gap)))
    f["semicolon"] = float(";" in gap)
    lo, hi = (t1, p0) if title_first else (p1, t0)
    others = [m for m in doc.mentions if m.kind == "Person" and m.label != c.person and c.sentence[0] <= m.span[0] < c.sentence[1]]
    f["person_between"] = float(any(lo <= m.span[0] < hi for m in others))
    near_right = [m for m in others if 0 <= m.span[0] - t1 <= 3]
    near_left = [m for m in others if 0 <= t0 - m.span[1] <= 3]
    f["rival_adjacent"] = float(bool(near_right if not title_first else near_left))
    own_gap = p0 - t1 if title_first else t0 - p1
    f["nearest"] = float(all(min(abs(m.span[0] - t1), abs(t0 - m.span[1])) >= own_gap for m in others))
    prev = _tokens(text[max(c.sentence[0], t0 - 25):t0])
    f["prev"] = prev[-1] if prev else "START"
    nxt = _tokens(text[p1:min(c.sentence[1], p1 + 20)])
    f["after_person"] = nxt[0] if nxt else "END"
    f["in_rival_post"] = float(any(p.get("offsets") and p["offsets"][0] <= t0 and t1 <= p["offsets"][1]
                                   and p["person"] != c.person for p in doc.pred.get("posts", [])))
    f["state_in_sentence"] = float(any(m.kind == "State" and c.sentence[0] <= m.span[0] < c.sentence[1]
                                       for m in doc.mentions))
    f["person_first_in_sentence"] = float(not text[c.sentence[0]:p0].strip())
    f["plural"] = float(bool(re.search(r"s$", text[t0:t1].split(" of ")[0])) and c.tspan.head + "s" in text[t0:t1].lower())
    f["postless"] = float(c.person in doc.postless())
    return f


def choose_of(c: Candidate, doc: Doc) -> str | None:
    """The post's owner: the span's own ("of A", "A's", a demonym), else the only state of the sentence
    for a head of state or government, a minister or an ambassador, else none."""
    if c.tspan.of:
        return c.tspan.of
    if c.tspan.head in ("president", "minister", "ambassador", "premier", "speaker", "king", "prince"):
        states = {m.label for m in doc.mentions if m.kind == "State" and c.sentence[0] <= m.span[0] < c.sentence[1]}
        if len(states) == 1:
            return states.pop()
    return None


def labels(cands: list[Candidate], doc: Doc) -> list[int]:
    """1 when the gold gives the candidate's person a post with the candidate's title."""
    names = scoring_names(doc.gold, doc.pred)
    gold = {(names.canon(p["person"]), _title(p["title"])) for p in doc.gold.get("posts", [])}
    return [int((names.canon(c.person), _title(c.tspan.title)) in gold) for c in cands]


# ------------------------------------------------------------------------------ the dev articles

def collect(ids: set[str] | None = None, *, cache_file: Path | None = None) -> list[Doc]:
    """Ingest every dev article the cache holds (never a test article) with the current rules."""
    import real_cache

    from graph.ingest.gazetteer import load_gazetteer
    from graph.ingest.gold import load_gold, to_gold
    from graph.ingest.pipeline import ingest_text
    from graph.ingest.text import article_from_text, parse_iso_date
    from graph.settings import load_settings

    if cache_file is not None and cache_file.is_file():
        return [Doc(**d) for d in json.loads(cache_file.read_text(encoding="utf-8"))]
    gz = load_gazetteer(load_settings(root=ROOT))
    docs: list[Doc] = []
    for e in real_cache.load_index():
        if e.split != "dev" or (ids is not None and e.id not in ids):
            continue
        text = real_cache.cached_text(e, real_cache.cache_dir())
        if text is None:
            continue
        article = article_from_text(text, date=parse_iso_date(e.date, what=e.id), path=f"{e.id}.txt", url=e.url,
                                    publisher=e.publisher)
        pred = to_gold(ingest_text(article, gz))
        docs.append(Doc(e.id, e.publisher, text, pred, load_gold(real_cache.GOLD_DIR / f"{e.id}.gold.json")))
    if cache_file is not None:
        cache_file.write_text(json.dumps([{"id": d.id, "publisher": d.publisher, "text": d.text, "pred": d.pred,
                                           "gold": d.gold} for d in docs]), encoding="utf-8")
    return docs


# ------------------------------------------------------------------------------ model and evaluation

def labelled(doc: Doc, *, every_person: bool = False) -> list[tuple[dict[str, Any], int]]:
    """The featurized, labelled candidates of one article (for training)."""
    cands = candidates(doc, every_person=every_person)
    return [(features(c, doc), y) for c, y in zip(cands, labels(cands, doc))]


def train(rows: list[tuple[dict[str, Any], int]], *, c: float = 1.0) -> Any:
    """A logistic regression over one-hot features (a scikit-learn pipeline)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=2000))
    model.fit([f for f, _ in rows], [y for _, y in rows])
    return model


def predict_posts(model: Any, doc: Doc, *, threshold: float) -> list[dict[str, Any]]:
    """The posts the model adds: for each postless person, its likeliest title if above ``threshold``."""
    cands = candidates(doc)
    if not cands:
        return []
    probs = model.predict_proba([features(c, doc) for c in cands])[:, 1]
    best: dict[str, tuple[float, Candidate]] = {}
    for c, p in zip(cands, probs):
        if p >= threshold and p > best.get(c.person, (-1.0, c))[0]:
            best[c.person] = (float(p), c)
    return [{"person": c.person, "title": c.tspan.title, "of": choose_of(c, doc), "to": c.tspan.to,
             "offsets": [min(c.pspan[0], c.tspan.span[0]), max(c.pspan[1], c.tspan.span[1])],
             "confidence": round(p, 2)} for p, c in best.values()]


def reach(doc: Doc) -> tuple[int, int]:
    """The gold posts of the persons the rules gave no post, and how many of them a candidate of the
    right title reaches (the most the model could add, before `of`)."""
    names = scoring_names(doc.gold, doc.pred)
    postless = {names.canon(p) for p in doc.postless()}
    cands = candidates(doc)
    have = {(names.canon(c.person), _title(c.tspan.title)) for c, y in zip(cands, labels(cands, doc)) if y}
    keys = {(names.canon(p["person"]), _title(p["title"])) for p in doc.gold.get("posts", [])}
    keys = {k for k in keys if k[0] in postless}
    return len(keys), len(keys & have)


@dataclass
class Fold:
    doc: str
    rules: dict[str, Score]
    model: dict[str, Score]
    added: list[dict[str, Any]]


def lopo(docs: list[Doc], *, never_train: set[str], threshold: float, c: float = 1.0,
         every_person: bool = False) -> list[Fold]:
    """Leave one publisher out: each publisher's articles predicted by a model of the others'
    (never trained on ``never_train``)."""
    rows = {d.id: labelled(d, every_person=every_person) for d in docs if d.id not in never_train}
    out: list[Fold] = []
    for pub in sorted({d.publisher for d in docs}):
        train_rows = [r for d in docs if d.publisher != pub and d.id in rows for r in rows[d.id]]
        model = train(train_rows, c=c)
        for d in (d for d in docs if d.publisher == pub):
            added = predict_posts(model, d, threshold=threshold)
            pred = dict(d.pred, posts=[*d.pred.get("posts", []), *added])
            out.append(Fold(d.id, score(d.gold, d.pred), score(d.gold, pred), added))
    return out


def sums(folds: Iterable[Fold]) -> tuple[dict[str, Score], dict[str, Score]]:
    r: dict[str, Score] = {}
    m: dict[str, Score] = {}
    for f in folds:
        r, m = add_scores(r, f.rules), add_scores(m, f.model)
    return r, m


def _line(name: str, n: int, r: dict[str, Score], m: dict[str, Score]) -> str:
    def cell(s: Score) -> str:
        return f"{s.tp}/{s.predicted}/{s.gold} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"

    return (f"| {name} ({n}) | {cell(r['posts'])} | {cell(m['posts'])} | {m['posts'].f1 - r['posts'].f1:+.3f} "
            f"| {r['overall'].f1:.3f} → {m['overall'].f1:.3f} |")


def _ids(path: Path) -> set[str]:
    import real_cache

    return set(real_cache.read_ids(path))


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="learned_posts.py", description=__doc__.split("\n")[0])
    p.add_argument("--check", type=Path, default=None, help="held-out ids: never trained on, sums only")
    p.add_argument("--group", action="append", default=[], metavar="NAME=FILE", help="more id groups (sums only)")
    p.add_argument("--threshold", type=float, default=0.4,
                   help="least probability of an added post (default 0.4, the best on dev without the check half)")
    p.add_argument("-C", dest="c", type=float, default=1.0, help="inverse regularization of the regression")
    p.add_argument("--every-person", action="store_true",
                   help="train on the candidates of every person, not only of those the rules gave no post")
    p.add_argument("--cache", type=Path, default=None, help="a JSON file caching the rules' output (outside git)")
    p.add_argument("--show", action="store_true", help="print the added posts (never for --check ids)")
    args = p.parse_args(argv)
    check = _ids(args.check) if args.check else set()
    docs = collect(cache_file=args.cache)
    folds = lopo(docs, never_train=check, threshold=args.threshold, c=args.c, every_person=args.every_person)
    print("| articles | rules: posts tp/pred/gold | rules + model | Δ F1 | overall F1 |")
    print("|---|---|---|---|---|")
    print(_line("dev, LOPO", len(folds), *sums(folds)))
    if check:
        print(_line("dev without check", len(folds) - len(check), *sums(f for f in folds if f.doc not in check)))
        print(_line("check half", len(check), *sums(f for f in folds if f.doc in check)))
    for g in args.group:
        name, _, file = g.partition("=")
        ids = _ids(Path(file))
        print(_line(name, sum(f.doc in ids for f in folds), *sums(f for f in folds if f.doc in ids)))
    by_id = {d.id: reach(d) for d in docs}
    for name, ids in (("dev without check", {d.id for d in docs} - check), ("check half", check)):
        if ids:
            print(f"{name}: {sum(by_id[i][0] for i in ids if i in by_id)} gold posts of persons the rules gave "
                  f"no post; a candidate of the right title for {sum(by_id[i][1] for i in ids if i in by_id)}")
    if args.show:
        for f in folds:
            if f.doc not in check:
                for a in f.added:
                    print(f"{f.doc}: {a['person']} | {a['title']} | of {a['of']} | to {a['to']} | {a['confidence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
