"""The gold format (``/work/shared/GOLD-FORMAT.md``): the extraction printed in it, and the scorer.

Scoring, list by list, with precision, recall and F1, and micro-averaged over all lists:

* **entities**: name (any label or alias) and type; a predicted entity whose names belong to two
  gold entities (a false merge) is wrong, and does not make them one;
* **posts**: person, title, of, to (null matches only null);
* **events**: a predicted event is matched to a gold one by name, or, where one of them is
  unnamed, by date and city; it is correct when its date, venue and city equal the gold's;
* **participations**: the pairs (event, participant) of matched events;
* **memberships**: member, organization, status;
* **figures**: subject, measure, counterparty, and value within 0.5 % in the same unit.

Names are compared folded (transliterated, case-insensitive, a leading "the" dropped), and two
names are one when any entity of the gold or the prediction lists both (as label or alias), or when
both are names of one state of the gazetteer ("Turkey" and "Türkiye", "Kyrgyzstan" and "Kyrgyz
Republic"): a state named only by a demonym is no entity, yet a post's `of` still names it, and the
guide leaves open which of its names.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from networkx.utils import UnionFind
from rapidfuzz import fuzz

from ..errors import InputError
from ..names import normalize
from .pipeline import Ingested

__all__ = ["LISTS", "to_gold", "Score", "score", "load_gold", "format_scores", "add_scores"]

LISTS = ("entities", "posts", "events", "participations", "memberships", "figures")
_GOLD_TYPES = {"Person", "State", "Organization", "Venue", "Event", "City", "Post"}
_MEASURE_LABEL = {"trade-volume": "trade volume", "exports": "exports", "imports": "imports",
                  "investment": "investment", "population": "population"}
_UNIT_LABEL = {"usd-billion": "USD billion", "usd-million": "USD million", "person": "persons"}


# ---------------------------------------------------------------------------------- output

def to_gold(ing: Ingested, *, article: str | None = None) -> dict[str, Any]:
    """The extraction of one article in the gold format, with offsets, confidence and IRIs added."""
    ex, links = ing.extraction, ing.links
    entities = []
    for key, ent in sorted(ex.entities.items(), key=lambda kv: kv[1].spans[0] if kv[1].spans else (0, 0)):
        if ent.kind == "Event":
            ev = next((e for e in ex.events if e.key == key), None)
            if ev is None or not ev.named:
                continue
        if not ent.spans:
            continue        # named only by a demonym ("Uzbek"): referred to, not named
        link = links.get(key)
        aliases = [n for n in ent.names if n != ent.label]
        if link is not None and link.status == "linked" and ent.kind in ("State", "Organization", "City"):
            aliases += [n for n in ing.graph_names.get(link.iri, []) if n != ent.label and n not in aliases]
        if ent.kind == "State" and ent.known_iri:
            aliases += [n for n in _builtin_state_names(ent.known_iri) if n != ent.label and n not in aliases]
        if ent.kind == "Person" and ent.family_only and link is not None and link.status != "new" and link.matched:
            aliases.append(link.matched)     # merged with the graph's person: the scorer sees the merge
        item: dict[str, Any] = {"label": ent.label, "type": ent.kind}
        if aliases:
            item["aliases"] = aliases
        item["offsets"] = [list(s) for s in ent.spans]
        if link is not None:
            item["iri"] = link.iri
            item["link"] = link.status
            item["confidence"] = round(link.score / 100, 2) if link.status != "new" else ent.confidence
        entities.append(item)
    posts = [{"person": ex.label(p.person), "title": p.title, "of": ex.label(p.of), "to": ex.label(p.to),
              "offsets": list(p.span), "confidence": p.confidence} for p in ex.posts]
    events = []
    for ev in ex.events:
        participants = []
        for p in ex.participations:
            if p.event == ev.key and ex.label(p.participant) not in participants:
                participants.append(ex.label(p.participant))
        item = {"label": ev.label, "date": ev.date.isoformat() if ev.date else None,
                "venue": ex.label(ev.venue), "city": ex.label(ev.city), "participants": participants,
                "organizer": ex.label(ev.organizer)}
        if not ev.named:
            item["named"] = False
        if ev.end_date:
            item["end_date"] = ev.end_date.isoformat()
        if ev.parent:
            item["part_of"] = ex.label(ev.parent)
        item["offsets"] = list(ev.span)
        item["confidence"] = ev.confidence
        events.append(item)
    memberships = [{"member": ex.label(m.member), "organization": ex.label(m.organization), "status": m.status,
                    "offsets": list(m.span), "confidence": m.confidence} for m in ex.memberships]
    figures = []
    for f in ex.figures:
        item = {"subject": ex.label(f.subject), "measure": _MEASURE_LABEL[f.measure], "value": f.value,
                "unit": _UNIT_LABEL[f.unit], "counterparty": ex.label(f.counterparty)}
        if f.period:
            item["period"] = f.period
        item["offsets"] = list(f.span)
        item["confidence"] = f.confidence
        figures.append(item)
    return {"article": article or ing.article.url or ing.article.path or "", "date": ing.article.date.isoformat(),
            "entities": entities, "posts": posts, "events": events, "memberships": memberships,
            "figures": figures}


def _builtin_state_names(iri_: str) -> list[str]:
    from .gazetteer import STATES, iri

    for iso, short, official, _demonyms, others in STATES:
        if iri("state", iso) == iri_:
            return [short, official, *others]
    return []


# ---------------------------------------------------------------------------------- scoring

@dataclass(frozen=True)
class Score:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)


def load_gold(path: Path) -> dict[str, Any]:
    """A gold file, checked for the lists the scorer reads."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a JSON gold file: {exc}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a gold file is one JSON object")
    for name in ("entities", "posts", "events", "memberships", "figures"):
        if not isinstance(data.get(name, []), list):
            raise InputError(f"{path}: {name!r} must be a list")
    for ent in data.get("entities", []):
        if not isinstance(ent, dict) or "label" not in ent or ent.get("type") not in _GOLD_TYPES:
            raise InputError(f"{path}: every entity needs a label and a type of {sorted(_GOLD_TYPES)}: {ent!r}")
    return data


def _fold(name: Any) -> str | None:
    """A name folded for comparison.

    >>> _fold("The Republic of Türkiye")
    'republic of turkiye'
    """
    if name is None:
        return None
    key = normalize(str(name))
    return re.sub(r"^the ", "", key)


class _Names:
    """Union-find over folded names: names listed on one entity are one."""

    def __init__(self, *docs: dict[str, Any]):
        self._sets = UnionFind()
        from .gazetteer import STATES

        for _iso, short, official, _demonyms, others in STATES:   # "Turkey" and "Türkiye" are one state
            keys = [k for k in (_fold(n) for n in (short, official, *others)) if k]
            for k in keys[1:]:
                self._sets.union(keys[0], k)
        for doc in docs:
            for ent in doc.get("entities", []):
                names = [ent.get("label"), *ent.get("aliases", [])]
                keys = [k for k in (_fold(n) for n in names) if k]
                for k in keys[1:]:
                    self._sets.union(keys[0], k)

    def canon(self, name: Any) -> str | None:
        k = _fold(name)
        return None if k is None else self._sets[k]


_TITLES = {
    "foreign minister": "minister of foreign affairs", "deputy foreign minister": "deputy minister of foreign affairs",
    "vice minister of foreign affairs": "deputy minister of foreign affairs",
    "secretary-general": "secretary general", "consul-general": "consul general",
    "chair": "chairman", "chairperson": "chairman", "chairwoman": "chairman",
    "ambassador extraordinary and plenipotentiary": "ambassador",
}


def _title(t: Any) -> str:
    key = re.sub(r"\s+", " ", str(t or "").lower().replace("-", " ")).strip()
    key = key.replace("secretary general", "secretary general")
    return _TITLES.get(key, _TITLES.get(key.replace(" ", "-"), key))


def _measure(m: Any) -> str:
    key = normalize(str(m or "")).replace("turnover", "volume")
    return {"trade": "trade volume", "trade turnover": "trade volume", "volume of trade": "trade volume",
            "export": "exports", "import": "imports", "investments": "investment"}.get(key, key)


def _unit(u: Any) -> str:
    key = normalize(str(u or "")).replace("us dollars", "usd").replace("dollars", "usd")
    words = sorted(key.replace("-", " ").split())
    return " ".join(words)


def _set_score(gold: set[Any], pred: set[Any]) -> Score:
    return Score(len(gold & pred), len(pred), len(gold))


def _same_name(a: Any, b: Any, names: _Names) -> bool:
    if a is None or b is None:
        return a is None and b is None
    ca, cb = names.canon(a), names.canon(b)
    if ca == cb:
        return True
    fa, fb = _fold(a) or "", _fold(b) or ""
    return fuzz.token_sort_ratio(fa, fb) >= 90


def _false_merges(gold: dict[str, Any], pred: dict[str, Any]) -> set[int]:
    """Indexes of predicted entities whose names belong to two or more gold entities of their type:
    a false merge ("Aliyev" linked to the wrong person). Each counts as a wrong prediction, and its
    names do not make the gold entities one."""
    g_names = _Names(gold)
    owners: dict[tuple[str | None, str], int] = {}
    for gi, ent in enumerate(gold.get("entities", [])):
        owners.setdefault((g_names.canon(ent["label"]), ent["type"]), gi)
    out = set()
    for pi, ent in enumerate(pred.get("entities", [])):
        hit = {owners[k] for n in [ent.get("label"), *ent.get("aliases", [])]
               if (k := (g_names.canon(n), ent.get("type"))) in owners}
        if len(hit) > 1:
            out.add(pi)
    return out


def scoring_names(gold: dict[str, Any], pred: dict[str, Any], merges: set[int] | None = None) -> _Names:
    """The names the scorer treats as one: those listed together on a gold entity or on a predicted
    entity that is not a false merge."""
    merges = _false_merges(gold, pred) if merges is None else merges
    return _Names(gold, {"entities": [e for i, e in enumerate(pred.get("entities", [])) if i not in merges]})


def post_key(post: dict[str, Any], names: _Names) -> tuple[Any, ...]:
    """What the scorer compares of a post: person, title (a few spellings as one), of, to."""
    c = names.canon
    return (c(post.get("person")), _title(post.get("title")), c(post.get("of")), c(post.get("to")))


def match_events(g_events: list[dict[str, Any]], p_events: list[dict[str, Any]], names: _Names) -> dict[int, int]:
    """Predicted events matched to gold ones (predicted index -> gold index), one to one: by name first,
    then an unnamed one (on either side) by date and city; when several gold events share that date and
    city, the one with the most participants in common, else the first."""
    c = names.canon
    match: dict[int, int] = {}
    taken: set[int] = set()
    for pi, pe in enumerate(p_events):   # by name first
        for gi, ge in enumerate(g_events):
            if gi not in taken and _same_name(pe.get("label"), ge.get("label"), names):
                match[pi] = gi
                taken.add(gi)
                break
    for pi, pe in enumerate(p_events):   # then unnamed ones by date and city
        if pi in match:
            continue
        candidates = [gi for gi, ge in enumerate(g_events)
                      if gi not in taken and not (ge.get("named", True) and pe.get("named", True))
                      and pe.get("date") == ge.get("date") and c(pe.get("city")) == c(ge.get("city"))]
        if candidates:
            people = {c(x) for x in pe.get("participants", [])}
            # among events of the same date and city, the one sharing the most participants
            gi = max(candidates, key=lambda g: (len(people & {c(x) for x in g_events[g].get("participants", [])}), -g))
            match[pi] = gi
            taken.add(gi)
    return match


def event_differences(pe: dict[str, Any], ge: dict[str, Any], names: _Names) -> list[str]:
    """Which of date, venue and city of a matched predicted event differ from the gold's (none: correct)."""
    c = names.canon
    out = []
    if pe.get("date") != ge.get("date"):
        out.append("date")
    if not _same_name(pe.get("venue"), ge.get("venue"), names):
        out.append("venue")
    if c(pe.get("city")) != c(ge.get("city")):
        out.append("city")
    return out


def score(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Score]:
    """Precision, recall and F1 of ``pred`` against ``gold``, per list (see the module's docstring).

    >>> g = {"entities": [{"label": "Republic of Türkiye", "type": "State", "aliases": ["Türkiye"]}],
    ...      "posts": [{"person": "A B", "title": "Ambassador", "of": "Türkiye", "to": None}]}
    >>> p = {"entities": [{"label": "Turkey", "type": "State", "aliases": ["Republic of Turkiye"]}],
    ...      "posts": [{"person": "a b", "title": "Ambassador", "of": "Turkey", "to": None}]}
    >>> s = score(g, p)
    >>> s["entities"].f1, s["posts"].f1
    (1.0, 1.0)
    """
    merges = _false_merges(gold, pred)
    names = scoring_names(gold, pred, merges)
    c = names.canon
    out: dict[str, Score] = {}
    g_ents = {(c(e["label"]), e["type"]) for e in gold.get("entities", [])}
    p_ents = {(c(e["label"]), e["type"]) if i not in merges else ("false merge", i)
              for i, e in enumerate(pred.get("entities", []))}
    out["entities"] = _set_score(g_ents, p_ents)

    out["posts"] = _set_score({post_key(p, names) for p in gold.get("posts", [])},
                              {post_key(p, names) for p in pred.get("posts", [])})

    g_events, p_events = gold.get("events", []), pred.get("events", [])
    match = match_events(g_events, p_events, names)
    correct = sum(1 for pi, gi in match.items() if not event_differences(p_events[pi], g_events[gi], names))
    out["events"] = Score(correct, len(p_events), len(g_events))
    g_pairs = {(gi, c(x)) for gi, ge in enumerate(g_events) for x in ge.get("participants", [])}
    p_pairs = {(match.get(pi, -1 - pi), c(x)) for pi, pe in enumerate(p_events) for x in pe.get("participants", [])}
    out["participations"] = _set_score(g_pairs, p_pairs)

    def mem_key(m: dict[str, Any]) -> tuple[Any, ...]:
        return (c(m.get("member")), c(m.get("organization")), str(m.get("status", "")).lower())

    out["memberships"] = _set_score({mem_key(m) for m in gold.get("memberships", [])},
                                    {mem_key(m) for m in pred.get("memberships", [])})
    g_figs = list(gold.get("figures", []))
    used: set[int] = set()
    tp = 0
    for pf in pred.get("figures", []):
        for gi, gf in enumerate(g_figs):
            if gi in used:
                continue
            if (c(pf.get("subject")) == c(gf.get("subject")) and _measure(pf.get("measure")) == _measure(gf.get("measure"))
                    and c(pf.get("counterparty")) == c(gf.get("counterparty")) and _unit(pf.get("unit")) == _unit(gf.get("unit"))
                    and gf.get("value") is not None and pf.get("value") is not None
                    and abs(float(pf["value"]) - float(gf["value"])) <= 0.005 * abs(float(gf["value"]))):
                used.add(gi)
                tp += 1
                break
    out["figures"] = Score(tp, len(pred.get("figures", [])), len(g_figs))
    total = Score(0, 0, 0)
    for name in LISTS:
        total = total + out[name]
    out["overall"] = total
    return out


def add_scores(a: dict[str, Score], b: dict[str, Score]) -> dict[str, Score]:
    """Two score tables summed (micro-averaging over articles)."""
    return {k: a.get(k, Score(0, 0, 0)) + b.get(k, Score(0, 0, 0)) for k in (*LISTS, "overall")}


def format_scores(scores: dict[str, Score]) -> list[tuple[str, int, int, int, str, str, str]]:
    """Rows for a table: list, tp, predicted, gold, precision, recall, F1."""
    return [(name, s.tp, s.predicted, s.gold, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
            for name, s in ((n, scores[n]) for n in (*LISTS, "overall"))]


def evaluate_articles(pairs: list[tuple[Path, Path]], gz) -> tuple[dict[str, Score], list[tuple[str, dict[str, Score]]]]:  # type: ignore[no-untyped-def]
    """Score every (article, gold file) pair; returns the summed scores and the scores per article.
    The article's date is the gold file's ``date``."""
    from .text import parse_iso_date, read_article
    from .pipeline import ingest_text

    total: dict[str, Score] = {}
    each: list[tuple[str, dict[str, Score]]] = []
    for article_path, gold_path in pairs:
        gold = load_gold(gold_path)
        article = read_article(article_path, date=parse_iso_date(str(gold["date"]), what=str(gold_path)))
        scores = score(gold, to_gold(ingest_text(article, gz)))
        each.append((article_path.name, scores))
        total = add_scores(total, scores)
    return total, each
