"""Entity linking: every extracted entity gets an IRI, and a status a reviewer can act on.

* ``linked``: an exact name of an entity of the same kind (after transliteration and case
  folding), or a transliteration variant of a person's name ("Ömüraliyev" → Omuraliev);
* ``fuzzy``: a near name (rapidfuzz score at least :data:`FUZZY_CUTOFF`) — linked, but flagged;
* ``new``: no entity of that kind has the name: a new IRI by the conventions of
  ``docs/data-conventions.md``, flagged. An IRI that the built-in lists know (``state:HUN``) but the
  graph does not hold yet is also ``new``.

A person named by a family name alone ("Ambassador Aliyev") is merged with a person of the graph
only on evidence (:func:`family_link`): the graph's person has that family name, holds the same
post (role, state or organization, and where accredited) as the text gives this person, and the
tenure overlaps the dates of the article. Then the link is ``fuzzy`` (flagged) with the evidence
in its note; without evidence the person is ``new``, and the note names the namesakes not merged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..names import normalize
from ..namespaces import local_name as local  # …/state/TUR → TUR (callers import it from here)
from .facts import Entity, Extraction
from .gazetteer import KIND_TYPES, STATES, Gazetteer, Holder, iri, slugify, variant_key

__all__ = ["FUZZY_CUTOFF", "TENURE_SPAN", "Link", "link_entities", "family_link", "local"]

#: The lowest rapidfuzz score at which a name is linked (flagged) to an entity of the graph.
FUZZY_CUTOFF = 90.0

#: How far beyond the first and last attested dates a tenure with no stated start or end is assumed to reach.
TENURE_SPAN = dt.timedelta(days=4 * 365)

_ISO_BY_IRI = {iri("state", iso): iso for iso, *_ in STATES}


@dataclass(frozen=True)
class Link:
    key: str
    iri: str
    status: str          # linked, fuzzy, new
    score: float         # 0-100
    matched: str         # the graph's name it matched, or "" when new
    note: str = ""

    @property
    def flagged(self) -> bool:
        return self.status != "linked"


def _mint(ent: Entity, gz: Gazetteer, ex: Extraction) -> str | None:
    label = ent.label
    if ent.kind == "Person":
        return iri("person", slugify(label))
    if ent.kind == "State":
        return ent.known_iri  # only states of the built-in list have an ISO code
    if ent.kind == "Organization":
        acronyms = [n for n in ent.names if n.isupper() and 2 <= len(n) <= 8]
        return iri("organization", slugify(acronyms[0]) if acronyms else slugify(label))
    if ent.kind == "City":
        return iri("city", slugify(label))
    if ent.kind == "Venue":
        name = label.rsplit(" in ", 1)[0] if " in " in label else label
        city = ex.entities[ent.city].label if ent.city and ent.city in ex.entities else None
        slug = slugify(name)
        if city and not slug.endswith(slugify(city)):
            slug += "-" + slugify(city)
        return iri("venue", slug)
    if ent.kind == "Event":
        ev = next((e for e in ex.events if e.key == ent.key), None)
        if ev is None or ev.date is None:
            return None
        words = slugify(ev.label).split("-")
        stop = {"the", "of", "a", "an", "and", "in", "on", "for", "with", "to"}
        short = "-".join(w for w in words if w not in stop)[:60].strip("-")
        if ev.parent:
            parent = next((e for e in ex.events if e.key == ev.parent), None)
            if parent is not None and parent.date is not None:
                return None  # sub-events are named after their parent, see link_entities
        return iri("event", f"{short}-{ev.date.isoformat()}")
    return None


def _find(ent: Entity, gz: Gazetteer) -> tuple[str, float, str] | None:
    types = KIND_TYPES.get(ent.kind)
    best: tuple[str, float, str] | None = None
    for name in sorted({ent.label, *ent.names}, key=len, reverse=True):
        for m in gz.index.find(name, limit=5, cutoff=FUZZY_CUTOFF - 10, types=types):
            score = m.score
            if m.score < 100 and ent.kind in ("Person", "Event"):
                # persons and events: whole-name similarity, never a part of a longer name
                score = min(99.0, fuzz.token_sort_ratio(normalize(name), m.matched))
            if best is None or score > best[1]:
                best = (m.iri, score, m.matched)
    if best is None or best[1] < FUZZY_CUTOFF:
        return None
    return best


def link_entities(ex: Extraction, gz: Gazetteer) -> dict[str, Link]:
    """A :class:`Link` for every entity of the extraction that can have an IRI."""
    links: dict[str, Link] = {}
    index = gz.index
    for key, ent in sorted(ex.entities.items(), key=lambda kv: kv[1].spans[0] if kv[1].spans else (0, 0)):
        if ent.kind == "Event" or ent.family_only:
            continue
        if ent.known_iri is not None:
            if index.has(ent.known_iri):
                exact = any(normalize(n) in index.names_of(ent.known_iri) for n in ent.names)
                links[key] = Link(key, ent.known_iri, "linked", 100.0 if exact else 97.0, index.label(ent.known_iri),
                                  "" if exact else "transliteration variant")
            else:
                links[key] = Link(key, ent.known_iri, "new", 0.0, "", "known name, not yet in the graph")
            continue
        found = _find(ent, gz)
        if found is not None:
            iri_, score, matched = found
            status = "linked" if score >= 100 else "fuzzy"
            links[key] = Link(key, iri_, status, score, index.label(iri_),
                              "" if status == "linked" else f"near name {matched!r}")
            continue
        minted = _mint(ent, gz, ex)
        if minted is None:
            continue
        note = "new entity"
        if index.has(minted):
            note = f"the IRI exists with the name {index.label(minted)!r}: check that it is the same"
            links[key] = Link(key, minted, "fuzzy", 50.0, index.label(minted), note)
        else:
            links[key] = Link(key, minted, "new", 0.0, "", note)
    for key, ent in ex.entities.items():
        if ent.family_only:
            links[key] = family_link(key, ex, gz, links)
    # events: linked by exact name and the same date, else new
    def depth(ev) -> int:  # type: ignore[no-untyped-def]
        d, seen = 0, set()
        while ev.parent and ev.parent not in seen:
            seen.add(ev.parent)
            ev = next((e for e in ex.events if e.key == ev.parent), None)
            if ev is None:
                break
            d += 1
        return d

    for ev in sorted(ex.events, key=lambda e: (depth(e), e.span)):
        if ev.date is None:
            continue
        ent = ex.entities[ev.key]
        hit = None
        for m in index.find(ev.label, limit=5, cutoff=FUZZY_CUTOFF, types=KIND_TYPES["Event"]):
            if gz.event_dates.get(m.iri) == ev.date.isoformat():
                hit = m
                break
        if hit is not None:
            status = "linked" if hit.score >= 100 else "fuzzy"
            links[ev.key] = Link(ev.key, hit.iri, status, hit.score, hit.label,
                                 "" if status == "linked" else f"near name {hit.matched!r}")
            continue
        minted = _mint(ent, gz, ex)
        if minted is None and ev.parent and ev.parent in links:
            words = [w for w in slugify(ev.label).split("-") if w not in {"the", "of", "a", "an", "and", "in", "on"}]
            parent_label = slugify(next(e.label for e in ex.events if e.key == ev.parent)).split("-")
            short = "-".join(w for w in words if w not in parent_label)[:40].strip("-") or "part"
            minted = f"{links[ev.parent].iri}-{short}"
        if minted is None:
            continue
        links[ev.key] = Link(ev.key, minted, "new", 0.0, "", "new event")
    return links


def iso_of(iri_: str) -> str | None:
    return _ISO_BY_IRI.get(iri_) or (local(iri_) if "/state/" in iri_ else None)


def _overlaps(h: Holder, days: set[dt.date]) -> bool:
    """Whether a holder's tenure (stated, else attested ± :data:`TENURE_SPAN`) covers one of ``days``."""
    first = h.start or h.first
    last = h.end or h.last
    if first is None and last is None:
        return False
    lo = dt.date.fromisoformat(first) - (TENURE_SPAN if h.start is None else dt.timedelta(0)) if first else dt.date.min
    hi = dt.date.fromisoformat(last) + (TENURE_SPAN if h.end is None else dt.timedelta(0)) if last else dt.date.max
    return any(lo <= d <= hi for d in days)


def family_link(key: str, ex: Extraction, gz: Gazetteer, links: dict[str, Link]) -> Link:
    """The link of a person named by a family name alone: merged only on evidence (see the module)."""
    ent = ex.entities[key]
    family = variant_key(ent.label)
    days = {ex.article.date} | {ev.date for ev in ex.events for p in ex.participations
                                if p.participant == key and p.event == ev.key and ev.date}

    def iri_of(k: str | None) -> str | None:
        if k is None:
            return None
        return links[k].iri if k in links else ex.entities[k].known_iri

    for post in (p for p in ex.posts if p.person == key and not p.past):
        post_iri = gz.posts.get((post.role, iri_of(post.of) or "", iri_of(post.to)))
        for h in gz.holders.get(post_iri or "", []):
            if variant_key(gz.index.label(h.person).split()[-1]) == family and _overlaps(h, days):
                held = f"{h.start or h.first or '?'}–{h.end or h.last or '?'}"
                return Link(key, h.person, "fuzzy", 95.0, gz.index.label(h.person),
                            f"family name only, merged on evidence: holds {local(post_iri or '')} ({held})")
    namesakes = sorted({i for i, name, _pref, types in gz.index.entries
                        if "Person" in types and variant_key(name.split()[-1]) == family})
    note = "family name only" + (f"; not merged with {', '.join(local(n) for n in namesakes)}: no same post "
                                 "with overlapping dates" if namesakes else "")
    return Link(key, iri("person", slugify(ent.label)), "new", 0.0, "", note)
