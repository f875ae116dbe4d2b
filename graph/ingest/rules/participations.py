"""Participations: who spoke, attended or performed at an event, in what capacity (their posts in the
sentence) and on whose behalf ("representing Azerbaijan's Chairmanship of the OTS"); states that
sent delegations; "the Ambassador", "the two ministers" as the persons named before."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..facts import Event, Participation
from ..text import LIST, MARK, Mention

if TYPE_CHECKING:
    from ..facts import Extraction
    from .events import EventReader, Sentence

__all__ = ["SPEAK", "ATTEND", "PERFORM", "PLURAL_REF", "drop_represented", "participations"]

SPEAK = re.compile(r"\b(?:address(?:ed|es|ing)?|remarks?|speech(?:es)?|spoke|speaking|talked\s+(?:about|of|on)|said|noted|stressed|emphasi[sz]ed|underlined|"
                   r"highlighted|underscored|welcomed|opened|delivered|briefed|presented|informed|pointed\s+out|called|expressed|thanked|"
                   r"congratulated|shared)\b"
                   # "as reported by X … at the same forum", "announced by X at the business forum"
                   r"|\b(?:announced|stated|reported\s+by)\b(?=[^.;]{0,200}\bat\s+the\s+(?:same\s+)?(?:[\w-]+\s+){0,3}"
                   r"(?:forum|meeting|conference|summit|session|event|ceremony|briefing)\b)", re.I)
ATTEND = re.compile(r"\b(?:arrived\s+in\s+\S+\s+(?:for|to\s+attend)|(?:is|was|are|were)\s+(?:currently\s+|now\s+|also\s+)?in\s+\S+\s+"
                    r"(?:for|as\s+part\s+of)(?=\s+(?:the\s+)?[\U000F0000-\U0010FFFD])|(?:departed|departs|left|leaves|flew|headed|travell?ed|set\s+off)\s+"
                    r"(?:for|to)\s+[^.;]{0,60}?\bto\s+(?:attend|participate|take\s+part)|(?:expected|scheduled|set|due|will|going)\s+(?:also\s+)?(?:to\s+)?"
                    r"(?:participate|attend|take\s+part)|attended|attending|participation|participated|participat(?:e|es|ing)|(?:took|take|takes|taking)\s+part|joined|were\s+present|was\s+present|guests?|"
                     r"present\s+were|also\s+present|those\s+present|present\s+included|in\s+attendance|participants\s+included|in\s+the\s+presence\s+of|"
                     r"credentials|credence|"
                     r"brought\s+together|gathered|represented\s+by|chaired|hosted|hosting|led\s+by|headed\s+by|"
                     r"met|meet|meeting|talks|received|receiving|hosted|welcomed|among\s+those|present(?:ed)?\s+(?:his|her)\s+credentials|"
                     r"present(?:ed)?\s+(?:copies|letters)|(?:was|were)\s+(?:awarded|decorated|honou?red)|accepted\s+(?:an?|the)\s+(?:[\w-]+\s+)?"
                     r"(?:medal|order|award|prize))\b", re.I)
PERFORM = re.compile(r"\b(?:performed|performances?\s+by|(?:concert|recital)\s+by|performing|sang|played)\b", re.I)
PLURAL_REF = re.compile(r"^\s*They\b|\b(?:the|both)\s+(?:two\s+)?(?:prime\s+ministers|ministers|foreign\s+ministers|presidents|leaders|heads\s+of\s+state|"
                         r"heads\s+of\s+government|sides|parties|co-chairs|delegations|participants)\b", re.I)
_MENTIONED_ONLY = re.compile(r"(?:greetings|message|letter|congratulations|invitation|regards|name|instructions?|"
                             r"decree|portrait|memory|legacy|works?|poems?|initiatives?|decisions?|polic(?:y|ies)|efforts|leadership|"
                             r"vision|role|contributions?|proposals?|ideas?|orders?|visits?)\s+(?:of|from|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}$"
                             # "the decisions adopted by President X", "the summit to be chaired by Y"
                             r"|\b(?:adopted|initiated|proposed|put\s+forward|founded|established|approved|to\s+be\s+(?:chaired|hosted|attended))\s+by\s+"
                             r"(?:the\s+)?(?:[\w-]+\s+){0,6}$"
                             r"|\bon\s+behalf\s+of\s+(?:[\w-]+\s+){0,6}$"
                             # "an evening dedicated to the birth anniversary of national leader X": honoured, not present
                             r"|\b(?:dedicated|devoted)\s+to\s+(?:[\w'’-]+\s+){0,8}$|\b(?:anniversary|memory|honou?r|tribute\s+to)\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,4}$"
                             r"|\bnamed\s+after\s+(?:[\w-]+\s+){0,4}$"
                             # "asked him to convey his gratitude to Mr. X": X is thanked from afar
                             r"|\b(?:convey(?:ed|s|ing)?|pass(?:ed)?\s+on|extend(?:ed|s)?|sen[dt]s?)\s+(?:his|her|their|the|my|our|its)\s+"
                             r"(?:sincere\s+|deep\s+|warm\s+|best\s+|heartfelt\s+)?(?:gratitude|greetings|regards|thanks|wishes|condolences|"
                             r"congratulations|invitation)\s+to\s+(?:the\s+)?(?:[\w.-]+\s+){0,6}$", re.I)
# "attended by the presidents of A, B and C", "the heads of the foreign ministries of A and B took part": the states
# take part through their office holders, who are not named
_LEADERS_OF = re.compile(r"\b(?:representatives|officials|(?:foreign\s+|prime\s+)?ministers|heads|presidents|leaders|speakers|"
                         r"chairm[ae]n|chairpersons|ambassadors|envoys|delegates|parliamentarians)"
                         r"(?:\s+of\s+(?:the\s+)?(?:state|government|delegation|foreign\s+ministries|(?:[\w-]+\s+){0,3}?(?:ministries|"
                         r"parliaments|governments|agencies|committees|delegations))s?)?\s+(?:of|from)\b", re.I)
# "the Intergovernmental Commission on trade, co-chaired by the head of the Cabinet and Vice President X": who chairs a
# standing body, not who took part in the event
_BODY_CHAIR = re.compile(r"\b(?:Commission|Council|Committee|Board|Working\s+Group|Task\s+Force)\b(?:\s+(?:on|for)\s+[^.;,]{0,80})?"
                         r"(?:\s*\([^)]{1,20}\))?\s*,\s+(?:which\s+is\s+|that\s+is\s+)?(?:co-?)?(?:chaired|headed|led)\s+by\s+[^.;:]{0,120}$")
# a photo caption that lists who is in the picture: "In the image below (from left to right): A, B and C", "Pictured (L-R): …"
_CAPTION = re.compile(r"\b(?:(?:in\s+the\s+|on\s+the\s+)?(?:photo(?:graph)?|picture|image)s?(?:\s+(?:above|below))?|pictured)\s*"
                      r"(?:\(?(?:from\s+)?(?:left\s+to\s+right|right\s+to\s+left|l\s*-\s*r|from\s+left)\)?\s*)?:"
                      r"|\(?\b(?:from\s+left\s+to\s+right|l\s*-\s*r|left\s+to\s+right)\)?\s*:", re.I)
_ALL_MEETINGS = re.compile(r"\b(?:took\s+part|participated|(?:was|were)\s+(?:also\s+)?present|attended|joined)\s+(?:(?:in|at)\s+)?(?:all\s+)?"
                           r"(?:the|these|those|both|all)\s+(?:\w+\s+)?(?:meetings|talks)\b", re.I)
# "X did not attend the concert due to …", "X, who was unable to take part, …", "in the absence of X": not there
_ABSENT = re.compile(r"[^.;]{0,60}?\b(?:did\s+not|didn['’]t|could\s+not|couldn['’]t|(?:was|were)\s+(?:unable|not\s+able)\s+to|failed\s+to|"
                     r"will\s+not|won['’]t|would\s+not|(?:has|have|had)\s+not)\s+(?:be\s+able\s+to\s+)?(?:personally\s+)?"
                     r"(?:attend(?:ed)?|participate[ds]?|take\s+part|taken\s+part|join(?:ed)?|be\s+present|come)\b|\s*,?\s*(?:who\s+(?:was|were)\s+)?absent\b", re.I)
_ABSENT_BEFORE = re.compile(r"\b(?:in\s+the\s+absence\s+of|absent\s+(?:was|were))\s+(?:the\s+)?(?:[\w-]+\s+){0,5}$", re.I)
# "A conveyed warm greetings and best wishes from President B to C": B and C are only named (the sender and the
# addressee of a message), whatever the distance; who conveys them (before the verb) takes part
_GREETING = re.compile(r"\b(?:convey(?:ed|s|ing)?|pass(?:ed|es)?\s+on|extend(?:ed|s)?|deliver(?:ed|s)?|sen[dt]s?|handed\s+over|"
                       r"transmitted|relayed)\s+(?:(?:his|her|their|the|my|our|its|an?)\s+)?(?:[\w'’-]+\s+){0,3}?"
                       r"(?:greetings|wishes|regards|message|congratulations|gratitude|thanks|condolences)\b", re.I)
# "X has informed the news agency that on Thursday A received …", "X said, pointing out that … at the Summit": who reports
# an event in a clause of "that" is its source, not one who took part (unless "he / she" goes on: "X said that he met B")
_REPORTS = re.compile(r"[,\s]*(?:(?:has|have|had)\s+)?(?:said|says|told|informed|noted|stated|stressed|added|explained|announced|"
                      r"reported|emphasi[sz]ed|pointed\s+out|recalled|underlined)\b[^.;\"“”]{0,60}?\bthat\s+(?!(?:he|she|they|we|I)\b)", re.I)
# "the Head of the Permanent Delegation of A", "Delegation of A to the OSCE": a standing mission and its post, not a
# delegation at the event
_STANDING = re.compile(r"\b(?:[Hh]ead|[Cc]hief|[Mm]ember|[Dd]eputy\s+[Hh]ead)\s+of\s+(?:the\s+)?(?:[Pp]ermanent\s+)?$|\b[Pp]ermanent\s+$")
_INVITED = re.compile(r"\binvit(?:ed|es|ing)\b[^.;]{0,120}?\bto\s+(?:take\s+part\s+in|participate\s+in|attend|join)\b", re.I)
_THE_TITLE = re.compile(r"\b[Tt]he\s+(Ambassador|[Mm]inister|Secretary[\s-]General|Consul[\s-]General|President|"
                        r"Governor|Mayor|Chairman|Speaker)\b(?!\s+(?:of|to)\b)(?!\s*[\U000F0000-\U0010FFFD])")


def participations(er: EventReader, sn: Sentence) -> None:
    """The participations a sentence states, in the events it reports or the current one."""
    delegations(er, sn)
    _delegation_of_demonym(er, sn)
    anaphora(er, sn)
    if sn.split:
        _separate(er, sn)
        return
    current = er.current
    targets = [x for x in sn.new_events if x.date is not None or not x.named] or ([current] if current else [])
    if not targets or not sn.persons:
        return
    subs = [x for x in targets if x.parent is not None]
    targets = subs[-1:] if subs else targets[-1:]
    if current is not None and current in targets and _ALL_MEETINGS.search(sn.sm):     # "… also took part in the meetings"
        targets = [x for x in er.out.events if not x.named and x.kind == "Meeting" and x.date == current.date
                   and x.date is not None and x.label.startswith("Meeting of ")] or targets
    role = _role(sn)
    if role is None or (_INVITED.search(sn.sm) and all(x in sn.new_events for x in targets)):
        return        # "A invited B to take part in a meeting … to be held in Moscow": neither is there yet
    text = er.text
    persons = [mm for mm in sn.persons if not _MENTIONED_ONLY.search(text[max(sn.s, mm[0] - 80):mm[0]])
               and not _in_quotation(text[sn.s:mm[0]])
               and not _GREETING.search(text[sn.s:mm[0]])
               and not _reports(text, mm, targets)
               and not any(a <= mm[0] < b for a, b in er.datelines)      # a name in "(APP - … News - 29th Apr, 2025)"
               and not _BODY_CHAIR.search(text[max(sn.s, mm[0] - 220):mm[0]])
               and not _ABSENT.match(text[mm[1]:sn.e]) and not _ABSENT_BEFORE.search(text[max(sn.s, mm[0] - 60):mm[0]])]
    for ev in targets:
        for ms, me, key, _kind in persons:
            same = [p for p in er.out.participations if p.event == ev.key and p.participant == key]
            if same:
                if same[0].role == "attendee" and role != "attendee":
                    same[0].role = role
                continue
            capacity = [f"post:{i}" for i in er.posts_by_person.get(key, [])
                        if sn.s <= er.out.posts[i].span[1] and er.out.posts[i].span[0] <= sn.e + 1]
            if not capacity:
                capacity = [f"post:{i}" for i in er.posts_by_person.get(key, [])]
            nxt = [p for p in persons if p[0] > me]
            behalf = _on_behalf_of(er, me, nxt[0][0] if nxt else sn.e)
            er.out.participations.append(Participation(ev.key, key, role, capacity, (ms, me),
                                                       round(min(ev.confidence, 0.85), 2), on_behalf_of=behalf))


def _separate(er: EventReader, sn: Sentence) -> None:
    """"meetings with A, B and C": the one who held them and each of A, B, C in their own meeting."""
    for ev, mm in sn.split:
        for ms, me, key, _kind in [x for x in (sn.subject, mm) if x is not None]:
            if not any(p.event == ev.key and p.participant == key for p in er.out.participations):
                capacity = [f"post:{i}" for i in er.posts_by_person.get(key, [])]
                er.out.participations.append(Participation(ev.key, key, "attendee", capacity, (ms, me), 0.7))


def _reports(text: str, mm: Mention, targets: list[Event]) -> bool:
    """Whether the person ``mm`` only reports the events ``targets``, named in a clause of "that" after it."""
    m = _REPORTS.match(text, mm[1])
    return m is not None and all(ev.span[0] >= m.end() for ev in targets)


def _in_quotation(before: str) -> bool:
    """Whether a name comes inside a quotation ("“… President X visited Baku in 2017,” he said"): the
    speaker's words about others, not who took part."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1 or before.count("«") > before.count("»")


def _role(sn: Sentence) -> str | None:
    """speaker, attendee or performer, by the sentence's verbs; None when it says no one took part."""
    if re.search(r"credential|credence", sn.sm, re.I) or _CAPTION.search(sn.sm):
        return "attendee"
    if PERFORM.search(sn.sm):
        return "performer"
    if SPEAK.search(sn.sm):
        return "speaker"
    if ATTEND.search(sn.sm) or any(not x.named and x.kind == "Meeting" for x in sn.new_events if x not in sn.refs):
        return "attendee"
    return None


def _on_behalf_of(er: EventReader, me: int, limit: int) -> str | None:
    """"representing Azerbaijan's Chairmanship of the OTS" after a name (up to the next name)."""
    masked, reader = er.masked, er.reader
    bm = re.search(rf"\b(?:representing|on\s+behalf\s+of)\s+(?:the\s+)?({MARK})(?:['’]s)?(?:\s+(Chairmanship|Presidency|chairmanship|presidency))?",
                   masked[me:limit])
    if not bm:
        return None
    mention = reader.at(me + bm.start(1))
    if not mention:
        return None
    behalf = mention[2]
    if bm.group(2):
        org = re.match(rf"\s*(?:of|in)\s+(?:the\s+)?({MARK})", masked[me + bm.end():])
        if org:
            om = reader.at(me + bm.end() + org.start(1))
            if om and er.out.entities[om[2]].kind == "Organization":
                behalf = f"chair:{mention[2]}:{om[2]}"
                er.out.chair_of[behalf] = (mention[2], om[2])
    return behalf


# "a summit began with Central Asian countries (A, B and C)", "a meeting with the participation of A and B": the states
# an event reported in the sentence is held with (when no person is named)
_WITH_STATES = re.compile(rf"\b(?:summit|meeting|forum|conference|talks|consultations|session|began|commenced|started|opened|held)\b"
                          rf"[^.;]{{0,40}}?\bwith\s+(?:the\s+participation\s+of\s+)?(?:the\s+)?(?:[^.;()]{{0,80}}?\(\s*)?{LIST}"
                          rf"(?!\s*['’]s)", re.I)


# "brought together representatives of the Ministry of …, the Office of … and …": the bodies take part through them
_REPRESENTATIVES_OF = re.compile(rf"\b(?:representatives|officials|staff|members|delegates)\s+of\s+(?:the\s+)?({MARK}(?:\s*,\s*(?:and\s+)?"
                                 rf"(?:the\s+)?{MARK})*(?:\s*,?\s+and\s+(?:the\s+)?{MARK})?)")
_GATHERING = re.compile(r"\b(?:brought\s+together|gathered|attended|took\s+part|participated|joined|were\s+present|was\s+attended)\b", re.I)


def delegations(er: EventReader, sn: Sentence) -> None:
    """States taking part without a named person: "delegations of A, B and C", "A was represented by a delegation"."""
    if er.current is None:
        return
    sm = sn.sm
    groups = [m.group(1) for m in re.finditer(
        rf"\b[Dd]elegations?\s+(?:of|from)\s+(?:the\s+(?:parliaments?|governments?|ministries)\s+of\s+)?(?:the\s+)?{LIST}", sm)
        if not _STANDING.search(sm[:m.start()]) and not re.match(rf"\s+to\s+(?:the\s+)?{MARK}", sm[m.end():])]
    deleg = re.search(r"\b[Dd]elegations?\s+(?:of|from)\b", sm) or (None if sn.persons else _LEADERS_OF.search(sm))   # unless named
    if deleg and re.search(r"\b(?:brought\s+together|gathered|attended|attend|attendance|took\s+part|participated|participate|participation|"
                           r"joined|present)\b", sm, re.I):
        groups.append(sm[deleg.end():])
    groups += [m.group(1) for m in re.finditer(rf"{LIST}\s+(?:sent|dispatched)\s+(?:their\s+|its\s+)?(?:\w+\s+)?delegations?", sm)]
    groups += [m.group(1) for m in re.finditer(rf"({MARK})(?:,[^,]{{0,80}},)?\s+(?:was|were)\s+represented\s+by\s+(?:a|its|their)\s+(?:\w+\s+)?delegation", sm)]
    if not sn.persons:     # "Azerbaijan participated in the meeting …": a state takes part, no person named for it
        groups += [m.group(1) for m in re.finditer(rf"{LIST}\s+(?:also\s+)?(?:participated|took\s+part|take\s+part|attended)\b", sm)]
        groups += [m.group(1) for m in _WITH_STATES.finditer(sm) if sn.new_events]
    out = er.out
    bodies = [m.group(1) for m in _REPRESENTATIVES_OF.finditer(sm)] if _GATHERING.search(sm) else []
    for group in groups + bodies:
        pos = sn.s + sm.index(group)
        for mm in re.finditer(MARK, group):
            mention = er.reader.at(pos + mm.start())
            kinds = ("State", "Organization") if group in bodies else ("State",)
            if mention and out.entities[mention[2]].kind in kinds and mention[3] != "Demonym":
                target = ([x for x in sn.new_events if x.date is not None] or [er.current])[-1]
                if not any(p.event == target.key and p.participant == mention[2] for p in out.participations):
                    out.participations.append(Participation(target.key, mention[2], "attendee", [], mention[:2], 0.7))


def _delegation_of_demonym(er: EventReader, sn: Sentence) -> None:
    """"the Kyrgyz delegation's participation in the <Event>", "the Kazakh delegation took part in the <Event>":
    the state of the demonym takes part in that event."""
    for m in re.finditer(rf"({MARK})\s+(?:parliamentary\s+|official\s+|government\s+)?delegation(?:['’]s\s+participation\s+in|"
                         rf"\s+(?:also\s+)?(?:took\s+part\s+in|participated\s+in|attended))\s+(?:the\s+)?({MARK})", sn.sm):
        state = er.reader.at(sn.s + m.start(1))
        event = er.reader.at(sn.s + m.start(2))
        ev = er.event(event[2]) if event else None
        if state is None or ev is None or er.out.entities[state[2]].kind != "State":
            continue
        if not any(p.event == ev.key and p.participant == state[2] for p in er.out.participations):
            er.out.participations.append(Participation(ev.key, state[2], "attendee", [], state[:2], 0.7))


def anaphora(er: EventReader, sn: Sentence) -> None:
    """"the Ambassador", "the minister": the last person named with that title; "the two ministers",
    "They": the persons of the previous event."""
    out = er.out
    for dm in _THE_TITLE.finditer(sn.sm):
        word = re.sub(r"[\s-]+", " ", dm.group(1)).lower()
        holders = [(p.span[0], p.person) for p in out.posts if p.span[0] < sn.s + dm.start()
                   and (p.title.lower() == word or p.title.lower().endswith(word) or
                        (word == "minister" and "minister" in p.title.lower()))]
        if holders and not any(mm[2] == holders[-1][1] for mm in sn.persons):
            sn.persons.append((sn.s + dm.start(), sn.s + dm.end(), holders[-1][1], "Person"))
    plural = PLURAL_REF.search(sn.sm)
    if sn.prev_current is not None and plural:
        for p in [p for p in out.participations
                  if p.event == sn.prev_current.key and out.entities[p.participant].kind == "Person"]:
            if not any(mm[2] == p.participant for mm in sn.persons):
                sn.persons.append((sn.s + plural.start(), sn.s + plural.end(), p.participant, "Person"))


def drop_represented(out: Extraction) -> None:
    """"the heads of the foreign ministries of A, B and C attended", with A's minister named in the event: a
    state or body takes part through a named person who holds a post of it, and is then no participant itself
    (the dev gold never lists the owner of a taking-part person's post: 0 of 216 pairs)."""
    owners: dict[str, set[str]] = {}
    kinds = {key: e.kind for key, e in out.entities.items()}
    for p in out.participations:
        if kinds.get(p.participant) == "Person":
            owners.setdefault(p.event, set()).update(
                post.of for post in out.posts if post.person == p.participant and post.of is not None and not post.past)
    out.participations = [p for p in out.participations if kinds.get(p.participant) not in ("State", "Organization")
                          or p.participant not in owners.get(p.event, set())]
