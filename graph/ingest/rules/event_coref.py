"""One named event told twice: a later, shorter mention of a named event is that event again.

News prose names an event in full once ("the 11th Summit of Heads of State of the Organization of
Turkic States") and then again by a shorter name ("The 11th Summit of the OTS commenced on 6 November
in Bishkek", "the OTS Ministers' Meeting") or by its bare noun ("The conference was organized in Baku
on 2 May" after "the conference entitled '…'"). Read as two events, the first keeps no day, city or
participants and the second matches no gold event. This pass, run after the sentence loop, gives the
later mention's date, city, venue, organizer and participants to the first and drops it, when:

- both are named, with the same head noun (summit, meeting, session, forum, conference, congress …),
  no different ordinal, the later one's organizations among the first one's (by gazetteer IRI, so an
  acronym is its full name) and its other words among the first one's words; or
- the later one is an unnamed event labelled by the bare noun only ("Conference"), told in a sentence
  that opens "The <noun> was held / took place / opened / commenced / was organized …", and the first
  is the last named event before it with that head noun (in its name, or just before it: "the
  conference entitled …");

and their days and cities, where both have one, agree. Two meetings of one body with other words
("Council of Foreign Ministers", "Senior Officials Committee") or other ordinals stay two.
"""

from __future__ import annotations

import re

from ..facts import Event
from ..text import Reader

__all__ = ["merge_retold"]

_HEADS = r"summit|meeting|session|forum|conference|congress|assembly|festival|symposium|seminar|games|olympiad"
_HEAD = re.compile(rf"\b({_HEADS})s?\b", re.I)
_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_ORDINAL = re.compile(r"\b(?:(\d+)(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\b", re.I)
_STOP = {"the", "of", "and", "for", "on", "in", "at", "a", "an", "to", "with", "its", "s"}
# "the conference entitled “…”": the noun a quoted title is the name of
_TITLED_BEFORE = re.compile(rf"\b({_HEADS})\s+(?:entitled|titled|themed|called|named|under\s+the\s+(?:title|theme))\s*[\"“«']?\s*$", re.I)
_BARE_TOLD = re.compile(rf"(?:^|[.!?]\s+|\n)(?:The|This)\s+({_HEADS})\s+(?:was\s+(?:held|organi[sz]ed|opened|hosted|convened)|"
                        r"took\s+place|opened|commenced|began|started|kicked\s+off)\b")


def _head(ev: Event, text: str) -> str | None:
    """The head noun of an event: the last event noun of its label, else the noun a title is given to."""
    found = _HEAD.findall(ev.label)
    if found:
        return found[-1].lower()
    before = _TITLED_BEFORE.search(text[max(0, ev.span[0] - 40):ev.span[0]])
    return before.group(1).lower() if before else None


def _ordinal(label: str) -> int | None:
    m = _ORDINAL.search(label)
    if m is None:
        return None
    return int(m.group(1)) if m.group(1) else _ORDINAL_WORDS[m.group(2).lower()]


def _orgs(reader: Reader, ev: Event) -> tuple[set[str], set[str]]:
    """The organizations named in an event's label (gazetteer IRIs, and the body the phrase rules found)
    and the words those names take up."""
    iris: set[str] = set()
    words: set[str] = set()
    for hit in reader.gz.scan(ev.label):
        if hit.kind == "Organization":
            iris.add(hit.iri)
            words |= _words(hit.text)
    body = reader.event_bodies.get(ev.key)
    if body is not None and body in reader.out.entities:
        ent = reader.out.entities[body]
        iris.add(ent.known_iri or body)
    return iris, words


def _words(label: str) -> set[str]:
    """The content words of a name, lower case, without a possessive or plural ending."""
    out = set()
    for w in re.findall(r"[\w-]+", label.lower().replace("’", "'")):
        w = re.sub(r"'s?$", "", w)
        if w in _STOP or _ORDINAL.fullmatch(w):
            continue
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def _cities(reader: Reader, ev: Event) -> set[str]:
    """Where an event was: its city (gazetteer IRI, else entity key) and a city its name holds ("the Istanbul Summit")."""
    out = set()
    if ev.city is not None:
        ent = reader.out.entities.get(ev.city)
        out.add(ent.known_iri or ev.city if ent is not None else ev.city)
    out |= {hit.iri for hit in reader.gz.scan(ev.label) if hit.kind == "City"}
    return out


def _agree(reader: Reader, a: Event, b: Event) -> bool:
    """Whether two mentions may be one event: no two different days, no two different cities."""
    ca, cb = _cities(reader, a), _cities(reader, b)
    return (a.date is None or b.date is None or a.date == b.date) and (not ca or not cb or bool(ca & cb))


def _same_named(reader: Reader, first: Event, later: Event) -> bool:
    """Whether a later named event is a shorter name of a first one (see the module's docstring)."""
    text = reader.text
    head = _head(later, text)
    if head is None or head != _head(first, text) or not _agree(reader, first, later):
        return False
    o_first, o_later = _ordinal(first.label), _ordinal(later.label)
    if o_later is not None and o_later != o_first:
        return False
    orgs_first, taken_first = _orgs(reader, first)
    orgs_later, taken_later = _orgs(reader, later)
    if not orgs_later <= orgs_first:
        return False
    rest = _words(later.label) - taken_later
    if not rest <= _words(first.label) - taken_first | {head}:
        return False
    return len(later.label) < len(first.label) or bool(orgs_later) or o_later is not None


def _bare_told(reader: Reader, ev: Event) -> str | None:
    """The head noun of an unnamed event labelled by that noun alone and told as "The <noun> was held …"."""
    if ev.named or ev.parent is not None or not _HEAD.fullmatch(ev.label.strip()):
        return None
    text = reader.text
    m = _BARE_TOLD.search(text, max(0, ev.span[0] - 6), ev.span[1] + 40)
    if m is None or not (m.start(1) <= ev.span[0] < m.end(1)):
        return None
    return m.group(1).lower()


def _antecedent(reader: Reader, ev: Event, gone: dict[str, Event]) -> Event | None:
    """The earlier event a later mention tells again, if any."""
    before = [x for x in reader.out.events if x.span[0] < ev.span[0] and x is not ev and x.key not in gone and x.named]
    if ev.named:
        same = [x for x in before if x.parent is None and _same_named(reader, x, ev)]
        return same[-1] if same else None
    head = _bare_told(reader, ev)
    if head is None:
        return None
    last = [x for x in before if _head(x, reader.text) == head]
    return last[-1] if last and last[-1].parent is None and _agree(reader, last[-1], ev) else None


def _absorb(first: Event, later: Event) -> None:
    first.date, first.end_date = (first.date, first.end_date) if first.date else (later.date, later.end_date)
    first.city = first.city or later.city
    first.venue = first.venue or later.venue
    first.organizer = first.organizer or later.organizer


def merge_retold(reader: Reader) -> None:
    """Merge each later mention of a named event into the event it tells again (see the module's docstring)."""
    out = reader.out
    gone: dict[str, Event] = {}
    for ev in sorted(out.events, key=lambda x: x.span[0]):
        first = _antecedent(reader, ev, gone)
        if first is None:
            continue
        _absorb(first, ev)
        if ev.named and first.key in out.entities:
            out.entities[first.key].add(ev.label, ev.span)
        gone[ev.key] = first
    out.fold_events(gone)
