"""Event recall: a sentence that reports an event the rules of :mod:`.events` did not turn into one.

A broad, lexicon-driven layer run on each sentence after those rules found nothing in it (no new event,
no reference to one): the sentence reports an event when its predicate is an event verb ("met", "held
talks", "received", "hosted", "visited", "signed", "attended", "took place", "was held", "opened",
"discussed … by phone") or it names an event noun ("meeting", "talks", "visit", "forum", "summit",
"ceremony", "signing", "press conference" …) with at least one person, state or organization that
takes part, and it neither plans, invites nor speaks of the future. The event is unnamed (a label in
the gold's style, "Meeting of A and B", "Visit of A to B", "Signing of …") unless the text names it
with capitals ("the Samarkand Summit"); its day, city and participants come from the machinery of
:mod:`.events` and :mod:`.participations`, as for any event the rules find.

The lexicons were read from the event labels of all dev gold files (their head nouns: meeting 67,
summit 22, session 10, visit 9, presentation 8, forum 7, concert, ceremony, opening, talks, signing,
welcome, press conference …) and from the verbs of the sentences that state them (held, met,
attended, presented, welcomed, received, arrived, took part, discussed, signed, hosted, visited …).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..facts import Event, Participation
from ..text import LIST, MARK, Mention
from .dates import FUTURE, WEEKDAYS, find_dates
from .lexicon import TITLE_WORDS, event_kind

if TYPE_CHECKING:
    from .events import EventReader, Sentence

__all__ = ["EVENT_NOUNS", "coming_by_day", "coordinated_names", "drop_recalled_repeats", "placed_mentions", "recall_event"]

#: The head nouns of events (singular; plurals are matched too).
EVENT_NOUNS = ("meeting", "talks", "negotiations", "consultations", "visit", "forum", "summit", "ceremony", "signing",
               "handover", "conference", "press conference", "briefing", "workshop", "seminar", "symposium", "mission",
               "concert", "gala", "celebration", "reception", "session", "congress", "round table", "roundtable",
               "exhibition", "festival", "presentation", "opening", "inauguration", "commemoration", "dinner", "gathering")
_NOUN = r"(?:press\s+conference|round\s?table|" + "|".join(n for n in EVENT_NOUNS if " " not in n) + r")(?:e?s)?"
_ADJ = r"(?:(?:an?|the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,3}?"

# (pattern, kind of trigger): a verb of the sentence's predicate, in its tenses and voices
_VERBS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:(?:tele)?phone\s+(?:call|conversation|talks)|video\s+(?:call|conference|conversation)|"
                r"(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone)\b", re.I), "call"),
    (re.compile(rf"\b(?:held|holds|hold|had|has\s+had|have\s+had|conducted|conducts)\s+{_ADJ}(talks|negotiations|consultations|"
                r"discussions?|meetings?|conversations?|press\s+conferences?|briefings?)\b", re.I), "held"),
    (re.compile(r"\b(?:laid|lays|placed|places)\s+(?:a\s+)?(?:wreaths?|flowers|a\s+bouquet)\b", re.I), "wreath"),
    # "handed over the chairmanship to B", "took over the duties of Secretary General from A"
    (re.compile(r"\b(?:handed|hands|passed|passes|transferred|transfers)\s+(?:over\s+|on\s+)?(?:the\s+|his\s+|her\s+|its\s+)?"
                r"((?:[\w-]+\s+){0,2}?(?:chairmanship|presidency|post|duties|office|baton|leadership|powers))\b"
                r"|\b(?:took|takes|assumed|assumes)\s+over\s+(?:the\s+|his\s+|her\s+)?((?:[\w-]+\s+){0,2}?(?:chairmanship|presidency|post|"
                r"duties|office|leadership|powers))\b", re.I), "handover"),
    # "presented A with the Order of …", "A was awarded the Medal of … by B", "conferred the title on A"
    (re.compile(rf"\b(?:presented|presents|awarded|awards|conferred|confers|bestowed|handed)\s+(?:(?:(?:[\w-]+\s+){{0,3}}?{MARK}\s+)?with\s+)?"
                r"(?:the\s+|an?\s+)?((?:[\w-]+\s+){0,3}?(?:order|medal|award|prize|decoration|title|diploma)\b(?:\s+of\s+[^,.;]{2,60}?)?)"
                r"(?=\s+(?:to|on|at|in|by|for|during)\b|[,.;]|$)", re.I), "award"),
    # "inaugurated the new building of the embassy", "unveiled a monument to …"
    (re.compile(r"\b(?:inaugurated|inaugurates|unveiled|unveils|opened|opens)\s+(?:the\s+|an?\s+)((?:[\w-]+\s+){0,3}?(?:building|office|"
                r"monument|memorial|bust|statue|cent(?:er|re)|museum|embassy|consulate|school|library|park|plaque|house|corner|hall|"
                r"representation)\b(?:\s+(?:of|to)\s+[^,.;]{2,60}?)?)(?=\s+(?:in|on|at|during|by)\b|[,.;]|$)", re.I), "opening"),
    (re.compile(r"\b(?:gave|gives|delivered|delivers)\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,2}?(press\s+conferences?|briefings?|lectures?)\b",
                re.I), "held"),
    (re.compile(r"\b(?:met|meets|(?:was|were)\s+met\s+by|meeting\s+(?:with|between)|(?:talked|spoke|conferred|sat\s+down)\s+with"
                r"|paid\s+an?\s+(?:courtesy|farewell|introductory)\s+(?:call|visit)\s+(?:on|to)|called\s+on(?![^.;]{0,80}?\bto\s+(?!the\b)[a-z]+)"
                r"|(?:was|were)\s+briefed\s+by"
                r"|exchanged\s+(?:views|opinions)|(?:had|held)\s+an?\s+exchange\s+of\s+views)\b"),
     "meeting"),
    # "X briefed (journalists) about / on …": a briefing given by the subject, to no one named
    (re.compile(r"\b(?:briefed|briefs|has\s+briefed)\s+(?:(?:the\s+)?(?:[\w-]+\s+)?(?:press|journalists|reporters|media|"
                r"participants|audience|guests|attendees|diplomats|members)\s+)?(?:about|on)\b"), "briefing"),
    (re.compile(r"\b(?:received|receives|has\s+received|hosted|hosts|welcomed|welcomes|"
                r"(?:was|were)\s+(?:warmly\s+|officially\s+)?(?:received|hosted|welcomed|greeted)\b[^.;]{0,60}?\bby)\s"), "received"),
    # "A and B (have) discussed …": the two first persons of the sentence, joined by "and"
    (re.compile(r"\b(?:have\s+|has\s+|had\s+|also\s+)?discussed\b"), "discussed"),
    (re.compile(rf"\b(?:visited|visits|has\s+visited|(?:paid|pays|made|makes|is\s+on|was\s+on|began|begins|concluded|completed|ended|ends|wrapped\s+up|undertook|undertakes|"
                rf"embarked\s+on|embarks\s+on|set\s+off\s+on|set\s+out\s+on|kicked\s+off)\s+{_ADJ}visit"
                rf"|(?:arrived|arrives)\s+in\s+(?:the\s+)?\S+\s+(?:for|on)\s+{_ADJ}visit)\b"), "visit"),
    (re.compile(r"\b(?:present(?:ed|s)?|hand(?:ed|s)?(?:\s+over)?|submit(?:ted|s)?|accept(?:ed|s)?|receiv(?:ed|es))\s+"
                r"(?:(?:his|her|their|the)\s+)?(?:(?:an?\s+)?cop(?:y|ies)\s+of\s+(?:(?:his|her|the)\s+)?)?(?:letters?\s+of\s+credence|credentials)"
                r"|\b(?:credentials|letters?\s+of\s+credence)\b[^.;]{0,80}?\b(?:were|was)\s+(?:presented|handed|submitted|accepted|received)",
                re.I), "credentials"),
    (re.compile(r"\b(?:signed|signs|has\s+signed|have\s+signed|(?:was|were|has\s+been|have\s+been)\s+signed|inked)\b"), "signing"),
    (re.compile(rf"\b(?:attended|attends|took\s+part\s+in|takes\s+part\s+in|participated\s+in|participates\s+in|joined|"
                rf"(?:after|before|while|when|upon|on|by)\s+(?:attending|taking\s+part\s+in|participating\s+in)|"
                rf"addressed|spoke\s+at|(?:was|were)\s+present\s+at)\s+{_ADJ}(?:(?:[\w-]+|{MARK})\s+){{0,4}}?({_NOUN})\b", re.I), "attended"),
    (re.compile(rf"\b({_NOUN})\b[^.;]{{0,120}}?\b(?:took\s+place|takes\s+place|(?:is|are|was|were)\s+(?:now\s+)?taking\s+place|(?:was|were|has\s+been|have\s+been)\s+"
                r"(?:held|organi[sz]ed|hosted|opened|launched|inaugurated|staged|convened))\b", re.I), "held-noun"),
    # "a meeting of the Council with A is expected shortly", "the Fourth meeting of the Commission … to be organized in B":
    # a coming event (only for a sentence of the future, see :func:`_coming`)
    (re.compile(rf"\b({_NOUN})\b[^.;]{{0,120}}?\b(?:will\s+(?:also\s+)?(?:be\s+(?:held|organi[sz]ed|hosted|convened)|take\s+place)|"
                r"(?:is|are)\s+(?:also\s+)?(?:expected|scheduled|planned|set|due)\b(?!\s+to\s+(?!be\b|take\s+place))|"
                r"to\s+be\s+(?:held|organi[sz]ed|hosted|convened))", re.I), "coming"),
    (re.compile(rf"\b(?:opened|organi[sz]ed|launched|inaugurated|staged|convened|chaired|co-chaired|hosted|presided\s+over|toured|"
                rf"visited)\s+{_ADJ}({_NOUN})\b", re.I),
     "organized"),
]
# "visited the Secretary of …", "visited Minister X": the visit is paid to a person or an office holder
_VISITED_HOLDER = re.compile(rf"\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{TITLE_WORDS})\b(?!['’]s|\s+(?:House|Palace|Office|Residence|Building))")
# a noun of the lexicon, when no verb reports it: "at a ceremony in Ankara, X …", "during talks with Y"
_NOUN_AT = re.compile(rf"\b(?:at|during|in\s+the\s+course\s+of|on\s+the\s+occasion\s+of|following|after)\s+(?:an?\s+(?:[\w-]+\s+){{0,3}}?"
                      rf"({_NOUN})|(talks|negotiations|consultations)\s+with)\b", re.I)
# a place after the trigger: "in Baku", "at the Palace of …"
_PLACE = re.compile(rf"\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?({MARK})")
# "during the visit of A to B, … was signed": the frame is the event reported (a noun with what it is of or to, when definite)
_FRAME = re.compile(rf"\b(?:during|in\s+the\s+course\s+of|on\s+the\s+occasion\s+of|within|as\s+part\s+of|at)\s+"
                    rf"(?:(?:an?|his|her|their)\s+(?:[\w-]+\s+){{0,5}}?({_NOUN})\b"
                    rf"|the\s+(?:[\w-]+\s+){{0,5}}?({_NOUN})(?=\s+(?:of|to)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{MARK}))", re.I)
# what is only wished, proposed, invited or conditional (no coming event)
_WISH_WORDS = (r"would|could|should|may|might|must|proposed|proposes|invit(?:ed|es|ing|ation)|hope[sd]?|wish(?:es|ed)?|"
               r"if|unless|ready\s+to|aims?\s+to|intends?|intention")
_WISH = re.compile(rf"\b(?:{_WISH_WORDS})\b", re.I)
# what plans, invites, wishes or speaks of what has not happened
_NOT_YET = re.compile(rf"\b(?:{_WISH_WORDS}|plans?|planned|planning|agreed\s+to|decided\s+to|expected|expects|"
                      r"next\s+(?:week|month|year|time|meeting|summit|session|visit)|looking\s+forward|ahead\s+of|"
                      r"preparations?\s+for|preparing|prepare|upcoming|forthcoming|future|soon|scheduled|"
                      r"(?:is|are|was|were)\s+to|going\s+to)\b", re.I)
# what sums up or repeats events rather than reporting one
_HABITUAL = re.compile(r"\b(?:since\s+(?:\d{4}|then)|more\s+than\s+\d+|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades|months)|"
                       r"so\s+far|to\s+date|(?:several|many|numerous|two|three|four|five|\d+)\s+times|every\s+(?:year|month|week)|annually|regularly|"
                       r"traditionally|usually|often)\b", re.I)
# a capitalized name of an event written with a place or a body: "the Samarkand Summit", "the Baku Forum"
_CAP_NAME = re.compile(rf"\bthe\s+((?:{MARK}|[A-Z][\w'’-]+)\s+(?:[A-Z][\w'’-]+\s+){{0,2}}?(?:Summit|Forum|Congress|Conference))\b")
# "the Istanbul, Samarkand and Ankara Summits": one named event for each place
_NAME_PART = rf"(?:{MARK}|[A-Z][\w'’-]+)"
_COORDINATED = re.compile(rf"\b(?:the\s+({_NAME_PART}(?:\s*,\s*{_NAME_PART})*\s*,?\s+and\s+{_NAME_PART})\s+(summits|forums|congresses|conferences)"
                          rf"|(?:at|of|in|from|since)\s+({_NAME_PART}(?:\s*,\s*{_NAME_PART})*\s*,?\s+and\s+{_NAME_PART})\s+"
                          r"(Summits|Forums|Congresses|Conferences))\b", re.I)
# "an online conference titled “X”": the event's name
_TITLED = re.compile(r"\s*,?\s+(?:titled|entitled|called|themed|under\s+the\s+(?:title|theme|motto))\s+[\"“«]([^\"”»]{3,120})[\"”»]")
_NO_PERSON_PREDICATES = re.compile(r"\b(?:signed|signs|inked|took\s+part|participated|attended|held|hosted|organi[sz]ed|met|visited)\b")


def recall_event(er: EventReader, sn: Sentence) -> None:
    """One event for a sentence that reports one the rules missed (see the module's docstring)."""
    trigger = _trigger(er, sn)
    if trigger is None:
        return
    kind, m = trigger
    said = er.text[sn.s:sn.s + m.start()]
    near = sn.sm[max(0, m.start() - 60):m.end()]
    if said.count('"') % 2 == 1 or said.count("“") > said.count("”"):
        return          # in a quotation
    if kind == "coming":
        _coming(er, sn, m)
        return
    if FUTURE.search(near) or _NOT_YET.search(near):
        return          # planned, invited, wished, to come: a meeting, talks, a visit of persons (the gold has none)
    if _HABITUAL.search(sn.sm):
        return          # "have signed more than 100 agreements since 1991", "hosts a reception every year": no one event
    states = _taking_part(er, sn, m) if not sn.persons else []
    if not sn.persons and not states:
        return
    if kind in ("attended", "noun") and not (sn.dates or sn.day_of or len(sn.persons) + len(states) >= 2
                                           or _place(er, sn, m)):
        return          # "took part in an OTS summit for the first time": an event noun, and no day, place or second party
    titled = _TITLED.match(er.text[sn.s + m.end():sn.e])
    capital = next((c for c in _CAP_NAME.finditer(sn.sm) if m.lastindex and c.start() <= m.start(m.lastindex) < c.end()), None)
    named = bool(titled or capital)
    label = (titled.group(1) if titled else er.text[sn.s + capital.start(1):sn.s + capital.end(1)] if capital
             else _label(er, sn, kind, m))
    label = " ".join(label.split())
    if titled:
        sn.happening = True       # "spoke during an online conference titled “X”": reported, on the sentence's day
    key = _add_event(er, sn, label, (sn.s + m.start(), sn.s + m.end()), named=named, confidence=0.55).key
    if kind == "wreath":       # no verb of attending: who laid the wreath (the subject) takes part
        states = states + [mm for mm in sn.persons if mm[1] <= sn.s + m.start()]
    if kind in ("handover", "award", "opening"):     # who hands over and receives, awards and is awarded, opens
        states = states + sn.persons
    if kind == "organized" and re.match(r"(?:presided|toured|visited)\b", m.group(0)):    # no verb of attending
        states = states + [mm for mm in sn.persons if mm[1] <= sn.s + m.start()]
    visitor = re.match(rf"\s+of\s+(?:the\s+)?(?:(?:[\w-]+|{MARK})\s+){{0,4}}?({MARK})(?=\s+to\b)", sn.sm[m.end():]) if kind == "visit" else None
    if visitor and (vm := er.reader.at(sn.s + m.end() + visitor.start(1))) is not None and vm[3] == "Person":
        states = states + [vm]     # "during the visit of President A to B": A (only mentioned, for the rules of participations)
    for mm in states:
        er.out.participations.append(Participation(key, mm[2], "attendee", [], mm[:2], 0.55))
    if not sn.dates and (day := _day_said(er, sn, m)) is not None:
        er.event(key).date = day      # type: ignore[union-attr]


_SAID_AT = re.compile(r"\b(?:said|says|told\s+(?:reporters|journalists|the\s+press)|stated|noted|announced)\s+(?:(?:at|during)\s+)?$", re.I)
_SAID_ON = re.compile(r"\b(?:said|says|told\s+(?:reporters|journalists|the\s+press)|stated|noted|announced)\s+(?:on\s+)?$", re.I)


def _day_said(er: EventReader, sn: Sentence, m: re.Match[str]) -> dt.date | None:
    """"A said on Tuesday. … "…," A said at a joint press conference": the event A spoke at, with no day of its own,
    is on the day the sentence just before says A said it (the same speaker, "said on <day>")."""
    if not _SAID_AT.search(sn.sm[:m.start()]):
        return None
    speaker = [mm for mm in sn.persons if mm[1] <= sn.s + m.start()][-1:]
    start = max(er.text.rfind(". ", 0, sn.s - 2), er.text.rfind("\n", 0, sn.s - 1)) + 1
    before = [mm for mm in er.reader.mentions if start <= mm[0] < sn.s and mm[3] == "Person"]
    if not speaker or not any(mm[2] == speaker[0][2] for mm in before):
        return None
    for d in find_dates(er.text, er.ref, start=start, end=sn.s):
        if _SAID_ON.search(er.text[start:d.start]):
            return d.date
    return None


def _add_event(er: EventReader, sn: Sentence, label: str, span: tuple[int, int], *, named: bool,
               confidence: float) -> Event:
    """A recalled event of ``label`` at ``span``, with no day, venue or city yet (the events machinery
    gives them), added to the extraction and to the sentence's new events."""
    key = er.reader.entity("Event", label, span, unique=True)
    ev = Event(key=key, label=label, kind=event_kind(label), named=named, date=None, end_date=None, venue=None,
               city=None, span=span, confidence=confidence)
    er.out.events.append(ev)
    er.recalled.append(ev)
    sn.new_events.append(ev)
    return ev


def _coming(er: EventReader, sn: Sentence, m: re.Match[str]) -> None:
    """A coming event named by its noun phrase, as the gold keeps one: "a meeting of the Intergovernmental Council
    with A is expected shortly", "the Fourth meeting of the Commission on B … to be organized in C" (unnamed,
    no participants, a day only if the sentence writes one). Not a plural or bilateral noun ("several ministerial
    meetings will be held", "bilateral talks are planned"), nor a bare one ("the business forum to be held in
    Baku"), nor what is wished, invited or conditional."""
    last = list(re.finditer(rf"\b({_NOUN})\b", sn.sm[:m.end()], re.I))[-1]      # the subject: the noun nearest the verb
    noun = last.group(1).lower()
    if noun.endswith("s") and noun != "congress" or _WISH.search(sn.sm) or _HABITUAL.search(sn.sm):
        return
    if re.search(r"\b(?:bilateral|several|many|other|various|a\s+number\s+of|series\s+of)\s+(?:[\w-]+\s+){0,2}$", sn.sm[:last.start(1)], re.I):
        return
    phrase = _noun_phrase(er, sn, last.start(1), last.end(1), with_=True)
    phrase = re.sub(r"^(?:upcoming|forthcoming|next|coming)\s+", "", phrase or "", flags=re.I)
    if not phrase or any(phrase.lower() in x.label.lower() or x.label.lower() in phrase.lower() for x in er.out.events):
        return          # no phrase, or an event the rules already found ("the upcoming annual forum of …")
    label = phrase[:1].upper() + phrase[1:]
    ev = _add_event(er, sn, label, (sn.s + last.start(1), sn.s + last.end(1)), named=False, confidence=0.5)
    er.coming.append((ev, bool(sn.dates)))     # see :func:`drop_recalled_repeats`


def _trigger(er: EventReader, sn: Sentence) -> tuple[str, re.Match[str]] | None:
    """The first verb of the lexicon in the sentence, else a noun after "at", "during" …; a definite noun
    ("the meeting") after an event reported before is that event again, not a new one."""
    for pattern, kind in _VERBS:
        m = pattern.search(sn.sm)
        if m is None:
            continue
        if kind == "meeting" and not (len(sn.persons) >= 2 or _others(sn, m)):
            continue
        if kind == "discussed" and not er._two_discussed(sn, m):
            continue
        if kind in ("attended", "held-noun", "organized") and _reference(er, sn, m):
            continue
        guest = any(mm[0] >= sn.s + m.end() for mm in sn.persons) or re.match(r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}?delegation", sn.sm[m.end():])
        if kind == "received" and (not guest or (er.current is not None and (
                not any(mm[0] >= sn.s + m.end() for mm in sn.persons) or re.match(r"welcome", m.group(0), re.I)))):
            continue         # "received an award"; "welcomed the delegations / the leaders": at the event reported
        if kind == "visit" and re.match(r"visit", m.group(0)) and (_VISITED_HOLDER.match(sn.sm, m.end()) or (
                (vm := re.match(rf"\s+({MARK})", sn.sm[m.end():])) and (pm := er.reader.at(sn.s + m.end() + vm.start(1)))
                and pm[3] == "Person")):
            return "called", m       # "A visited the Secretary General of B": a call on the office holder, a meeting
        if kind == "signing" and (frame := _FRAME.search(sn.sm)) is not None and not _reference(er, sn, frame):
            return ("visit" if frame.group(frame.lastindex).lower().startswith("visit") else "noun"), frame   # signed during the visit
        if kind == "signing" and er.current is not None and not sn.dates:
            return None      # "A protocol was signed" while a meeting is reported: signed there, not a new event
        return kind, m
    m = _NOUN_AT.search(sn.sm)
    return ("noun", m) if m is not None else None


def _place(er: EventReader, sn: Sentence, m: re.Match[str]) -> bool:
    """Whether a city, venue or state follows the trigger after "in" or "at"."""
    for pm in _PLACE.finditer(sn.sm, m.start()):
        mention = er.reader.at(sn.s + pm.start(1))
        if mention is not None and er.out.entities[mention[2]].kind in ("City", "Venue", "State"):
            return True
    return False


def _others(sn: Sentence, m: re.Match[str]) -> bool:
    """"X met with the diaspora / a delegation of A": another party after the verb."""
    return any(mm[0] >= sn.s + m.end() for mm in sn.in_sentence if mm[3] != "Person") or bool(
        re.match(r"(?:[\w-]+\s+){0,3}?(?:diaspora|community|delegation|representatives|students|members|staff|officials|"
                 r"business(?:men|\s+circles)|leaders|heads)\b", sn.sm[m.end():]))


def _reference(er: EventReader, sn: Sentence, m: re.Match[str]) -> bool:
    """Whether the event noun of a trigger is one reported before: "took part in the session" (the/this/that)
    after any event was found, whatever its head word ("the session" of a "Term Meeting")."""
    noun = m.group(m.lastindex) if m.lastindex else ""
    art = re.search(r"\b(?:the|this|that|these|its|their)\s+(?:[\w-]+\s+){0,3}?" + re.escape(noun), sn.sm[m.start():m.end()], re.I) if noun else None
    if art is not None and re.match(rf"\s+(?:of|to)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{MARK}", sn.sm[m.end(m.lastindex):]):
        return any(noun.lower().rstrip("s")[:5] in x.label.lower() for x in er.out.events if x.span[0] < sn.s)   # "the visit of A to B"
    return art is not None and any(x.span[0] < sn.s for x in er.out.events)


def _taking_part(er: EventReader, sn: Sentence, m: re.Match[str]) -> list[Mention]:
    """States and organizations named as taking part without a person: the subject of the predicate
    ("Azerbaijan, Kazakhstan and Uzbekistan signed …"), named before it."""
    if not _NO_PERSON_PREDICATES.search(sn.sm[m.start():m.end() + 1]):
        return []
    by = re.match(rf"\s+by\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?(?:of\s+)?(?:the\s+)?{LIST}", sn.sm[m.end():])
    if by:          # "an agreement signed by the heads of parliaments of A, B and C"
        lo, hi = sn.s + m.end() + by.start(1), sn.s + m.end() + by.end(1)
        return [mm for mm in sn.in_sentence if lo <= mm[0] < hi and mm[3] in ("State", "Organization")
                and er.out.entities[mm[2]].kind in ("State", "Organization")]
    subject = er.masked[sn.s:sn.s + m.start()]
    leaders = re.search(r"\b(?:ministers|heads|leaders|presidents|prime\s+ministers|representatives|delegations|speakers|chairm[ae]n)"
                        r"\s+(?:[\w-]+\s+){0,3}(?:of|from)\s+", subject, re.I)    # "the ministers of culture of A and B"
    rest = subject[leaders.end():] if leaders else subject
    if re.search(r"\b(?:by|of|to|for|from|with|between)\s+(?:the\s+)?[^,;]*$", rest):
        return []
    return [mm for mm in sn.in_sentence if mm[1] <= sn.s + m.start() and mm[3] in ("State", "Organization")
            and er.out.entities[mm[2]].kind in ("State", "Organization")]


def _label(er: EventReader, sn: Sentence, kind: str, m: re.Match[str]) -> str:
    """A descriptive label in the gold's style: "Meeting of A and B", "Visit of A to B", "Signing of the …"."""
    out, text = er.out, er.text
    names = [out.entities[mm[2]].label for mm in sn.persons[:2]]
    of = (" of " + " and ".join(names)) if names else ""
    if kind == "visit":
        where = [mm for mm in sn.in_sentence if mm[0] >= sn.s + m.end() and mm[3] in ("State", "City")][:1]
        return "Visit" + (f" of {names[0]}" if names else "") + (f" to {out.entities[where[0][2]].label}" if where else "")
    if kind == "call":
        return "Telephone conversation" + of
    if kind == "briefing":
        return "Briefing" + (f" by {names[0]}" if names else "")
    if kind == "wreath":
        at = re.search(r"\b(?:at|to)\s+the\s+((?:[\w-]+\s+){0,3}?(?:monument|memorial|grave|tomb|mausoleum|statue|bust)\b(?:\s+(?:to|of)\s+[^,.;]{2,60}?)?)"
                       r"(?=\s+(?:in|on|at|during)\b|[,.;]|$)", text[sn.s + m.end():sn.e])
        return "Wreath-laying ceremony" + (f" at the {' '.join(at.group(1).split())}" if at else of)
    if kind in ("handover", "award", "opening"):
        thing = " ".join(text[sn.s + m.start(m.lastindex):sn.s + m.end(m.lastindex)].split())
        if kind == "handover":
            return f"Handover ceremony of the {thing}"
        if kind == "opening":
            return f"Opening of the {thing}"
        to = [mm for mm in sn.persons if mm[0] >= sn.s + m.start()] if re.search(r"\bwith\b", m.group(0)) is None else [
            mm for mm in sn.persons if sn.s + m.start() <= mm[0] < sn.s + m.start(m.lastindex)]
        passive = re.search(r"\b(?:was|were|has\s+been|have\s+been)\s+$", sn.sm[max(0, m.start() - 20):m.start()])
        to = [mm for mm in sn.persons if mm[1] <= sn.s + m.start()] if passive else to
        return f"Presentation of the {thing}" + (f" to {out.entities[to[0][2]].label}" if to else "")
    if kind == "credentials":
        return "Presentation of credentials" + (f" by {names[0]}" if names else "")
    if kind == "signing" and re.match(r"\s+by\b", text[sn.s + m.end():sn.e]):
        obj = re.search(r"\b(?:an?|the)\s+((?:[\w-]+\s+){0,4}?(?:agreement|memorandum|protocol|treaty|declaration|contract|deal|"
                        r"document|programme|program|plan|roadmap|charter|communiqu[eé])s?(?:\s+(?:on|of|for|between|in)\s+[^,;]{3,60}?)?)"
                        r"\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?$",
                        text[sn.s:sn.s + m.start()], re.I)
        return "Signing of the " + " ".join(obj.group(1).split()) if obj else "Signing"
    if kind == "signing":
        obj = re.match(r"\s+(?:an?\s+|the\s+)?([^,.;]{3,80}?)(?=\s+(?:on|in|at|with|between|by|during|which|that)\b|[,.;]|$)",
                       text[sn.s + m.end():sn.e])
        return "Signing of the " + " ".join(obj.group(1).split()) if obj else "Signing" + of
    if kind == "received" and re.search(r"\bairport\b", text[sn.s:sn.e]) and names:
        return f"Welcome of {names[0]} at the airport"
    if kind == "received":
        return "Reception" + of if re.search(r"\breception\b", text[sn.s:sn.e], re.I) else "Meeting" + of
    if kind in ("held", "attended", "held-noun", "organized", "noun") and m.lastindex:
        noun = " ".join(text[sn.s + m.start(m.lastindex):sn.s + m.end(m.lastindex)].split()).lower()
        noun = noun[:-1] if noun.endswith("s") and noun not in ("talks", "negotiations", "consultations") else noun
        noun = "meeting" if noun in ("discussion", "discussions") else noun
        host = re.match(r"(hosted|organi[sz]ed)\b", m.group(0), re.I) if kind == "organized" else None
        by = f" {host.group(1).lower()} by {names[0]}" if host and names else of
        phrase = _noun_phrase(er, sn, m.start(m.lastindex), m.end(m.lastindex))
        return phrase[:1].upper() + phrase[1:] if phrase else noun[:1].upper() + noun[1:] + by
    group = re.match(r"\s*(?:with\s+)?((?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?(?:diaspora|community|delegation|representatives|students|"
                     r"members|staff|officials|business(?:men|\s+circles)|compatriots|youth)\b(?:\s+of\s+[^,.;]{2,60}?)?)"
                     r"(?=\s+(?:in|at|on|during|to|and)\b|[,.;]|$)", text[sn.s + m.end():sn.e]) if kind == "meeting" and len(names) == 1 else None
    if group:            # "X met with the Azerbaijani diaspora in Odesa": a meeting with a group, not with persons
        return f"Meeting of {names[0]} with {' '.join(group.group(1).split())}"
    return "Meeting" + of


def _noun_phrase(er: EventReader, sn: Sentence, ns: int, ne: int, *, with_: bool = False) -> str | None:
    """"the first meeting of the joint working group on energy": the event noun with its modifiers and what it
    is of, on or for, when the sentence writes them (else None: "a meeting" alone is labelled by its people)."""
    text = er.text
    pre = re.search(r"\b(?:an?|the|his|her|their|its)\s+((?:(?!(?:and|or|with|by|to)\s)[\w-]+\s+){0,3})$", sn.sm[max(0, ns - 60):ns], re.I)
    post = re.match(r"\s+(?:of|on|for|dedicated\s+to|devoted\s+to)\s+[^,.;:()]{2,80}?(?=\s+(?:in|at|held|was|were|which|that|where|with|"
                    r"by|from|to|and\s+(?:the\s+)?\w+ed|on\s+(?:\d+|the\s+\d+|[A-Z][a-z]+day|(?:January|February|March|April|May|June|"
                    r"July|August|September|October|November|December)\b))\b|[,.;:()]|$)", text[sn.s + ne:sn.e])
    if post is None:
        return None
    more = re.match(r"\s+with\s+(?:the\s+)?[^,.;:()]{2,40}?(?=\s+(?:is|are|was|were|will|to|in|at|on)\b|[,.;:()]|$)",
                    text[sn.s + ne + post.end():sn.e]) if with_ else None
    end = sn.s + ne + post.end() + (more.end() if more else 0)
    start = sn.s + ns - (len(pre.group(1)) if pre else 0)
    return " ".join(text[start:end].split())


def drop_recalled_repeats(er: EventReader) -> None:
    """A recalled event with the head noun, day and city of an event found before it (a meeting: among the
    same people) is that event again
    ("… organized a visit of the diplomatic corps to Sumgait on 30 January" after the visit was reported):
    it is dropped and its participants go to the first."""
    out = er.out
    coming = er.coming
    again = {ev.key for ev, head in er.placed if any(x is not ev and x.city == ev.city and head in x.label.lower() for x in out.events)}
    out.events = [ev for ev in out.events if ev.key not in again]     # "holding its summit in Budapest" and the summit reported
    for ev, dated in coming:       # a coming event: no one has taken part yet; a day only if its sentence writes one
        ev.date = ev.date if dated else None
    out.participations = [p for p in out.participations if all(p.event != ev.key for ev, _ in coming)
                          or (p.event, p.participant) in er.coming_attendees]    # who "will attend" it
    later = {ev.key for ev in out.events if ev.date is not None and er.ref is not None and ev.date > er.ref
             and _told_as_coming(er.text, ev.span)}
    out.participations = [p for p in out.participations if not (p.event in later and p.role == "speaker")]
    gone: dict[str, Event] = {}
    for ev in er.recalled:
        head = ev.label.split()[0].lower() if ev.label else ""
        who = {p.participant for p in out.participations if p.event == ev.key}
        same = [x for x in out.events if x is not ev and x.key not in gone and x.span[0] < ev.span[0] and x.date == ev.date
                and (x.city == ev.city or ev.city is None) and head in x.label.lower()
                and (ev.kind != "Meeting" or head == "visit"
                     or who <= {p.participant for p in out.participations if p.event == x.key})]   # a meeting: the same people
        if not same and (prev := _met_before(er, ev, who, gone)) is not None:
            same = [prev]
        if same:
            gone[ev.key] = same[-1]
    seen = {(p.event, p.participant) for p in out.participations if p.event not in gone}
    kept = []
    for p in out.participations:
        if p.event in gone:
            p.event = gone[p.event].key
            if (p.event, p.participant) in seen:
                continue
            seen.add((p.event, p.participant))
        kept.append(p)
    out.participations = kept
    out.events = [ev for ev in out.events if ev.key not in gone]


def _met_before(er: EventReader, ev: Event, who: set[str], gone: dict[str, Event]) -> Event | None:
    """"A visited the Secretary of B on 18 March. The Minister met with the Secretary General C": a recalled meeting
    with no day of its own, right after a dated meeting in its city (or none) of which it names the same people,
    or of one person with the other party unnamed, is that meeting again (not "also", "then", "another" …)."""
    out = er.out
    if ev.kind != "Meeting" or not ev.label.startswith("Meeting") or ev.date is not None:
        return None
    before = [x for x in out.events if x.span[0] < ev.span[0] and x.key not in gone and x is not ev]
    prev = max(before, key=lambda x: x.span[0], default=None)
    if prev is None or prev.named or prev.date is None or not prev.label.startswith("Meeting") or (ev.city not in (None, prev.city)):
        return None
    start = max(er.text.rfind(". ", 0, ev.span[0]), er.text.rfind("\n", 0, ev.span[0])) + 1
    if re.search(r"\b(?:also|then|later|afterwards|another|separately|too|as\s+well|next)\b", er.text[start:ev.span[1] + 40], re.I):
        return None
    had = {p.participant for p in out.participations if p.event == prev.key and out.entities[p.participant].kind == "Person"}
    persons = {w for w in who if out.entities[w].kind == "Person"}
    return prev if persons and (persons <= had or (len(had) == 1 and had <= persons)) else None


def _told_as_coming(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence that names an event speaks of it as to come ("… which would take place in Ankara")."""
    start = max(text.rfind(". ", 0, span[0]), text.rfind("\n", 0, span[0])) + 1
    end = min((i for i in (text.find(". ", span[1]), text.find("\n", span[1])) if i >= 0), default=len(text))
    return bool(FUTURE.search(text[start:end]) or _NOT_YET.search(text[start:end]))


def coordinated_names(er: EventReader, sn: Sentence) -> None:
    """"the decisions taken at the Istanbul, Samarkand and Ankara Summits": three named events, only mentioned
    (no day, no participants), "Istanbul Summit", "Samarkand Summit", "Ankara Summit"."""
    for m in _COORDINATED.finditer(sn.sm):
        g = 1 if m.group(1) else 3       # "the A and B summits", or "at A and B Summits" (capitalized)
        if g == 3 and not m.group(4)[0].isupper():
            continue
        head = m.group(g + 1)[:-2] if m.group(g + 1).lower().endswith("sses") else m.group(g + 1)[:-1]
        for part in re.finditer(_NAME_PART, m.group(g)):
            a, b = sn.s + m.start(g) + part.start(), sn.s + m.start(g) + part.end()
            label = f"{' '.join(er.text[a:b].split())} {head}"
            if any(x.label.lower() == label.lower() for x in er.out.events):
                continue
            key = er.reader.entity("Event", label, (a, sn.s + m.end()))
            ev = Event(key=key, label=label, kind=event_kind(label), named=True, date=None, end_date=None, venue=None,
                       city=None, span=(a, sn.s + m.end()), confidence=0.6)
            er.out.events.append(ev)
            sn.referenced.append(ev)


# "last year's summit in Uzbekistan", "the informal summit held in Shusha", "a summit of the leaders in the Uzbek city of
# Samarkand": an event noun phrase with the place it was held in, spoken of without anyone taking part
_PLACED = re.compile(rf"\b(?:an?|the|(?:last|this)\s+year['’]s|its|their)\s+((?:(?:(?!(?:of|the|and|in|at|on|for|to)\s)[\w-]+|{MARK})\s+){{0,3}}?"
                     rf"(?:summit|meeting|session|forum|conference|congress)(?:\s+(?:of|for|on|between)\s+(?:the\s+)?[^,.;]{{2,80}}?)?)"
                     rf"(?:\s*,?\s+(?:(?:which|that)\s+was\s+)?held)?\s+in\s+(?:the\s+)?"
                     rf"(?:(?:{MARK}|[a-z]+)\s+(?:city|capital)\s+of\s+)?({MARK})(?!\s*['’]s)", re.I)

_PREDICATE = re.compile(r"\b(?:began|begins|opened|opens|started|starts|commenced|continued|continues|took|takes|was|were|is|are|"
                        r"has|have|had|will|would|gathered|convened|met|ended|closed|concluded)\b", re.I)
_NOUN_IN_CITY = re.compile(rf"the\s+(?:(?:[\w-]+|{MARK})\s+)?(?:summit|forum|congress|conference)\s+in\s", re.I)


def placed_mentions(er: EventReader, sn: Sentence) -> None:
    """An event only spoken of, by its noun phrase and the place it was held in (see :data:`_PLACED`): unnamed,
    with no participants, its city (or no city, for a state) and a day only from its own sentence. Not what plans
    or speaks of the future, not a noun phrase of an event found before, and not one with the head word and
    place of an event found before ("the summit in Samarkand" after the Samarkand Summit)."""
    for m in _PLACED.finditer(sn.sm):
        place = er.reader.at(sn.s + m.start(2))
        if place is None or er.out.entities[place[2]].kind not in ("City", "State"):
            continue
        a, b = sn.s + m.start(1), sn.s + m.end(1)
        if any(mm[3] == "Event" and a <= mm[0] < sn.s + m.end() for mm in sn.in_sentence) or any(
                ev.span[0] < sn.s + m.end() and a < ev.span[1] for ev in er.out.events):
            continue        # a name, or an event found in these words
        if FUTURE.search(sn.sm) or _NOT_YET.search(sn.sm):
            continue        # "wished success to the participants of … the business forum in Baku": not held yet
        head = re.search(r"(summit|meeting|session|forum|conference|congress)", m.group(1), re.I).group(1)  # type: ignore[union-attr]
        if head[0].isupper():
            continue        # "on the occasion of the Summit in Samarkand": the named summit again
        head = head.lower()
        if re.search(r"\b(?:at|during|of|from|since|after)\s+$", sn.sm[:m.start()], re.I) and _NOUN_IN_CITY.match(sn.sm, m.start()):
            continue        # "at the summit in Samarkand": the summit reported, or one only mentioned (events._noun_in_city)
        if any(head in x.label.lower() and (x.city == place[2] or er.out.entities[place[2]].label.lower() in x.label.lower())
               for x in er.out.events):
            continue
        phrase = " ".join(er.text[a:b].split())
        if _PREDICATE.search(phrase):
            continue        # "the annual congress of journalists began in Astana": a clause, reported or not, no noun phrase
        label = phrase[:1].upper() + phrase[1:] + " in " + er.out.entities[place[2]].label
        ev = _add_event(er, sn, label, (a, b), named=False, confidence=0.5)
        sn.new_events.remove(ev)
        er.recalled.remove(ev)
        sn.referenced.append(ev)
        er.placed.append((ev, head))
        if er.out.entities[place[2]].kind == "City":
            ev.city = place[2]
        dated = [d for d in sn.dates if 0 <= d.start - (sn.s + m.end()) <= 4]
        if dated:
            ev.date, ev.end_date = dated[0].date, dated[0].end_date


# "with a view to preparing Monday's meeting of the council's heads of state", "ahead of Tuesday's summit of …"
_COMING_DAY = re.compile(r"\b(?:ahead\s+of|in\s+preparation\s+for|prepar(?:e|es|ed|ing)(?:\s+for)?|preparations?\s+for|"
                         r"on\s+the\s+eve\s+of)\s+(?:the\s+)?(?P<day>" + "|".join(WEEKDAYS) + r"|tomorrow)['’]s\s+"
                         r"(?P<np>(?:[\w-]+\s+){0,2}?(?:meeting|summit|session|talks|forum|conference|congress)"
                         r"(?:\s+(?:of|on|between)\s+[^,.;:()]{2,80}?)?)(?=[,.;:()]|\s+(?:in|at|which|that|where|to|and)\b|$)", re.I)


def coming_by_day(er: EventReader, sn: Sentence) -> None:
    """"preparing Monday's meeting of the council's heads of state", "ahead of Tuesday's summit": a coming event
    named by the day it is to be held on (the next such weekday, or tomorrow), unnamed, with no participants."""
    if er.ref is None:
        return
    for m in _COMING_DAY.finditer(er.text, sn.s, sn.e):
        a, b = m.start("np"), m.end("np")
        if any(ev.span[0] < b and a < ev.span[1] for ev in er.out.events):
            continue
        word = m.group("day").lower()
        days = 1 if word == "tomorrow" else (WEEKDAYS[word] - er.ref.weekday()) % 7
        phrase = " ".join(er.text[a:b].split())
        ev = _add_event(er, sn, phrase[:1].upper() + phrase[1:], (a, b), named=False, confidence=0.5)
        sn.new_events.remove(ev)
        er.recalled.remove(ev)
        sn.referenced.append(ev)
        ev.date = er.ref + dt.timedelta(days=days)
