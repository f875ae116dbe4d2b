"""A city carried across sentences: where the text puts a person, the unnamed events he takes part in are.

News prose states a traveller's city once, for the visit or the arrival ("X paid a visit to Istanbul and
met Y", "X arrived in Bishkek on Monday. He met Y. He also held talks with Z"), and then reports the
meetings of that stay without repeating it; the gold places each of them in that city (docs/ingest.md,
"How the gold files are written": a city is given where the text states it). This pass runs after all the
sentences were read, and gives such a city to an unnamed event that has none, no venue and no parent:

- a *stay* is a person's own presence in a city the text states in the past or present ("paid / is on a
  visit to <City>", "during his visit to <City>", "arrived in <City>", "visited <City>", "while in
  <City>"); not an invitation, a plan or the future ("invited X to visit Baku", "will visit");
- the event takes the city of the last stay stated at or before its sentence by one of its participants
  (the stay's subject: the persons named before the stay's words, else the sentence's first person),
  when their days agree (the event on the stay's day or within a week after, or either undated);
- telephone calls, video calls and online meetings never take a city; nor does an event of an
  organization's own (a summit, a session) that is not a meeting, talks or a visit's part.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import MARK, sentences
from .dates import FUTURE, find_dates

if TYPE_CHECKING:
    from .events import EventReader

__all__ = ["carry_stay_cities"]

# a person's own presence in a city: "paid a visit to Istanbul", "during his visit to Baku", "arrived in Astana"
_STAY = re.compile(
    rf"\b(?:(?:paid|pays|paying|made|makes|is\s+on|was\s+on|are\s+on|were\s+on|during|(?:in|within)\s+the\s+(?:course|framework)\s+of|"
    rf"as\s+part\s+of|on\s+the\s+occasion\s+of)"
    rf"\s+(?:an?\s+|his\s+|her\s+|their\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?visits?\s+to\s+(?:the\s+)?(?:{MARK}['’]s\s+)?"
    rf"(?:capital\s+(?:city\s+)?(?:of\s+{MARK},?\s+)?)?({MARK})"
    rf"|\b(?:arrived|arrives|arriving)\s+in\s+(?:the\s+)?(?:{MARK}['’]s\s+)?(?:(?:[A-Z][a-z]+\s+)?capital(?:\s+city)?,?\s+)?({MARK})"
    rf"|\bvisited\s+(?:the\s+)?({MARK})"
    rf"|\b(?:[Ww]hile|[Ww]hilst)\s+(?:in|visiting)\s+({MARK}))")
# what keeps a stay's words from being one: an invitation, a plan, the future
_NOT_STAY = re.compile(r"\b(?:invit\w*|plans?|planned|planning|intends?|expected|would|upcoming|next|proposed|agreed)\b", re.I)
# events that take place nowhere
_REMOTE = re.compile(r"\b(?:(?:tele)?phone|video|online|virtual(?:ly)?|videoconference|via\s+videolink)\b", re.I)
# the events a stay's city is carried to: what a traveller does there
_CARRIED = ("Meeting", "Talks", "Welcome", "Reception", "Ceremony")


@dataclass(frozen=True)
class Stay:
    """A person's presence in a city stated at ``start`` (on ``date``, if the sentence says)."""
    start: int
    persons: frozenset[str]
    city: str
    date: dt.date | None


def _stays(er: EventReader) -> list[Stay]:
    """The stays the article states, in the order of the text."""
    out: list[Stay] = []
    text, masked, reader = er.text, er.masked, er.reader
    for s, e in sentences(text):
        sm = masked[s:e]
        if FUTURE.search(sm):
            continue
        for m in _STAY.finditer(sm):
            if _NOT_STAY.search(sm[:m.start()]):
                continue
            group = next(g for g in (1, 2, 3, 4) if m.group(g))
            cm = reader.at(s + m.start(group))
            if cm is None or er.out.entities[cm[2]].kind != "City":
                continue
            persons = [mm for mm in er.by_start[bisect.bisect_left(er.by_start, (s,)):] if mm[0] < e and mm[3] == "Person"]
            subject = [mm[2] for mm in persons if mm[1] <= s + m.start()] or [mm[2] for mm in persons[:1]]
            if not subject:
                continue
            days = [d.date for d in find_dates(text, er.ref, start=s, end=e)]
            out.append(Stay(s, frozenset(subject), cm[2], days[0] if days else None))
    return out


def _sentence_start(starts: list[int], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    return starts[i] if i >= 0 else 0


def carry_stay_cities(er: EventReader) -> None:
    """Give the unnamed events with no place the city of their participant's stay stated before them."""
    stays = _stays(er)
    if not stays:
        return
    spans = list(sentences(er.text))
    starts = [s for s, _e in spans]
    ends = dict(spans)
    who: dict[str, set[str]] = {}
    for p in er.out.participations:
        who.setdefault(p.event, set()).add(p.participant)
    for ev in er.out.events:
        if (ev.named or ev.city is not None or ev.venue is not None or ev.parent is not None
                or not ev.label.startswith(_CARRIED) or ev.label.startswith("Telephone")):
            continue
        s = _sentence_start(starts, ev.span[0])
        if _REMOTE.search(er.masked[s:ends.get(s, ev.span[1])]):
            continue
        people = who.get(ev.key, set())
        before = [st for st in stays if st.start <= s and st.persons & people]
        if not before:
            continue
        stay = before[-1]
        if stay.date is not None and ev.date is not None and not 0 <= (ev.date - stay.date).days <= 7:
            continue
        ev.city = stay.city
