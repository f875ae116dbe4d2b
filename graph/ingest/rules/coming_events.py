"""Coming events named as the next or first of a series: "it was decided to hold the next meeting of the Council
on 10 May in B", "the sides are preparing for holding the first meeting of the Cooperation Council in 2020",
"A will represent his country at the Council's next summit in C on 15 October".

Read on each sentence after :func:`.event_mentions.recall_event`. The gold of dev lists such a coming event
(unnamed, with the day and city its sentence writes) in 10 of the 12 sentences that name one with "next",
"upcoming", "first" or an ordinal and of what it is, in a sentence that speaks of the future by a verb; it has
none where only "the upcoming summit of B" is spoken of with no verb of the future ("reviewed the preparations
for the upcoming summit of B") or for a bare "the next summit in our country". Who "will attend / take part in /
represent A at" it takes part (the gold counts them); no one else does (see
:func:`.event_mentions.drop_recalled_repeats`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..facts import Participation
from .dates import FUTURE
from .event_mentions import _NOUN, _WISH, _add_event, _noun_phrase

if TYPE_CHECKING:
    from .events import EventReader, Sentence

__all__ = ["coming_in_series"]

_ORDINAL = (r"(?:next|upcoming|forthcoming|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
            r"\d+(?:st|nd|rd|th))")
# "hold / holding the next <noun>", "the next <noun>", "the Council's next <noun>"
_SERIES = re.compile(rf"\b(?P<hold>(?:to\s+)?(?:hold|holding|convene|convening)\s+)?(?:the|its|their|"
                     rf"(?P<owner>the\s+(?:[A-Z][\w-]+\s+){{0,3}}?[A-Z][\w-]+)['’]s)\s+(?P<ord>{_ORDINAL})\s+"
                     rf"(?:(?:[\w-]+)\s+){{0,2}}?(?P<noun>{_NOUN})\b", re.I)
# who will be there: "A will attend / take part in / represent B at"
_WILL_ATTEND = re.compile(r"\b(?:will|is\s+(?:expected|set|due)\s+to|are\s+(?:expected|set|due)\s+to)\s+"
                          r"(?:attend|take\s+part\s+in|participate\s+in|represent\s+(?:[\w-]+\s+){1,3}?at)\s+$", re.I)


def coming_in_series(er: EventReader, sn: Sentence) -> None:
    """A coming event named as the next, upcoming or first of its kind (see the module's docstring): unnamed, a day
    and city only from its sentence, and who will attend it. Not a plural or bilateral noun, not what is wished or
    conditional, and not an event the rules already found."""
    for m in _SERIES.finditer(sn.sm):
        noun = m.group("noun").lower()
        if noun.endswith("s") and noun not in ("congress", "talks") or noun == "talks" or _WISH.search(sn.sm):
            continue
        if not (m.group("hold") or re.match(r"next|upcoming|forthcoming", m.group("ord"), re.I)):
            continue       # "the first summit of B was held in 2009": only "hold the first …" is to come
        rest = sn.sm[:m.start()] + " " + sn.sm[m.end():]
        if not (FUTURE.search(rest) or m.group("hold")):
            continue       # "reviewed the preparations for the upcoming summit of B": no verb of the future
        _make(er, sn, m)


def _make(er: EventReader, sn: Sentence, m: re.Match[str]) -> None:
    """The event of a match of :data:`_SERIES`, its label "<noun phrase>" or "<Noun> of <owner>"."""
    ns, ne = m.start("noun"), m.end("noun")
    phrase = _noun_phrase(er, sn, ns, ne)
    if phrase is None and m.group("owner"):
        phrase = f"{m.group('noun').lower()} of {m.group('owner')}"
    if phrase is None:
        return          # "the next summit in our country": of nothing named
    phrase = re.sub(rf"^(?:{_ORDINAL})\s+", "", phrase, flags=re.I) if m.group("ord").lower() in (
        "next", "upcoming", "forthcoming") else phrase
    low = phrase.lower()
    if any(low in x.label.lower() or x.label.lower() in low for x in er.out.events):
        return
    span = (sn.s + m.start("noun"), sn.s + m.end("noun"))
    if any(x.span[0] < span[1] and span[0] < x.span[1] for x in er.out.events):
        return
    ev = _add_event(er, sn, phrase[:1].upper() + phrase[1:], span, named=False, confidence=0.5)
    er.coming.append((ev, bool(sn.dates)))
    who = _WILL_ATTEND.search(sn.sm[:m.start()])
    if who is None:
        return
    persons = [mm for mm in sn.persons if mm[1] <= sn.s + who.start()]
    for mm in persons[-1:]:
        p = Participation(ev.key, mm[2], "attendee", [], mm[:2], 0.5)
        er.out.participations.append(p)
        er.coming_attendees.add((ev.key, mm[2]))

