"""Names the gazetteer does not know: organizations, venues and named events as capitalized phrases
with a head word ("… Cultural Center", "… Concert Hall", "… Forum"), event titles in quotes after
"titled", places after "at", the name a group of states is known by ('known as the "C5"'), and news
outlets by the acronym one tells something ("told MTI"); a state's government ("the Turkish Government")
is the state, no organization, and a state's name in a currency's ("U.S. dollars") no mention of it."""

from __future__ import annotations

import re

from ..text import CAP_WORD, MARK, Reader, is_marker
from .dates import MONTHS, WEEKDAYS
from .lexicon import EVENT_HEADS, KNOWN_AS, LEFT_STOP, NOT_NAME, ORG_HEADS, STOP, TITLE_WORDS, TOPICS, VENUE_HEADS, base_kind, event_kind

__all__ = ["QUOTED", "phrases", "titled_events", "places_after_at"]

QUOTED = re.compile(r"[\"“«]([^\"”»\n]{2,80})[\"”»]")
_TITLED = re.compile(r"\b(?:titled|entitled|called|named|under\s+the\s+(?:title|name))\s+[\"“«]([^\"”»\n]{2,80})[\"”»]"
                     r"|[\"“«]([^\"”»\n]{2,80})[\"”»](?=\s+(?:program(?:me)?|festival|forum|exhibition|project|competition|contest|"
                     r"conference|campaign|marathon|games|olympiad|tournament)\b)"
                     # "the international exercise “Baku-2023”", "the forum “Turkic World Today”"
                     r"|\b(?:exercises?|drills|games|festival|forum|conference|competition|contest|olympiad|tournament|exhibition|"
                     r"marathon|summit|congress|symposium|seminar|round\s?table)\s+[\"“«]([^\"”»\n]{2,80})[\"”»]", re.I)
_VENUE_NOUNS = r"(?:concert\s+hall|hall|palace|hotel|centre|center|museum|theat(?:er|re)|residence|building|headquarters|premises|complex|library|gallery)"


_PHRASE_TAIL = re.compile(rf"(?:\s+(?:of|for|on|and)\s+(?:the\s+)?{CAP_WORD}(?:\s+{CAP_WORD})*)*")


_HEADS = sorted([*EVENT_HEADS, *ORG_HEADS, *VENUE_HEADS], key=len, reverse=True)
_HEAD_RE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in _HEADS) + r")s?\b")
_DATE_WORD = r"\s+(?:of|for|on|and)\s+(?:the\s+)?(?:" + "|".join(
    [*(mo.capitalize() for mo in MONTHS), *(d.capitalize() for d in WEEKDAYS), r"\d"]) + r")"
_AT_PLACE = re.compile(rf"\bat\s+(?:the\s+)?((?:{CAP_WORD})(?:\s+(?:{CAP_WORD}))*)(?:\s+({_VENUE_NOUNS}))?(?=[\s,.;:)]|$)")


def phrases(reader: Reader) -> None:
    """Unknown organizations, venues and named events: capitalized phrases with a head word;
    quoted titles of events; places after "at"."""
    titled_events(reader)
    for m in _HEAD_RE.finditer(reader.masked_text):
        if not reader.free(m.start(), m.end()):
            continue
        if m.group(0) not in _HEADS and (m.group(0)[:-1] in ORG_HEADS or m.group(0)[:-1] in EVENT_HEADS):
            continue   # a plural head ("the Parliaments of A and B", "Turkic Cooperation Organizations") names no one body
        left, right = _extend_left(reader, m.start()), _extend_right(reader, m)
        if left == m.start() and right == m.end():
            continue   # a head word alone ("the Summit") is not a name
        if reader.text[left:right][:1].islower():
            continue
        right = _cut_holder(reader, left, right, m.end())
        if _STATE_GOVERNMENT.fullmatch(reader.window(left, right)) and _of_a_state(reader, left, right):
            continue   # "the Turkish Government", "the Government of Turkey": the state itself
        if re.search(r"\s(?:of|in)\s+the\s+(?:Organi[sz]ation|Council|Assembly|Union)$", reader.text[left:right]):
            continue   # "the Secretariat of the Organization": a part of a body named before, by a common noun, no name
        _add_phrase(reader, left, right, m.group(0))
    company_names(reader)
    numbered_sessions(reader)
    body_summits(reader)
    city_documents(reader)
    places_after_city(reader)
    places_after_at(reader)
    state_prefixes(reader)
    bodies_before_titles(reader)
    group_names(reader)
    currency_names(reader)
    told_agencies(reader)


# "X told MTI by phone", "according to TASS", "in an interview with RIA Novosti": a news outlet by its acronym
_TOLD = re.compile(r"\b(?i:told|according\s+to|in\s+an\s+interview\s+(?:with|to)|(?:said|stated|noted)\s+to)\s+(?i:the\s+)?"
                   r"((?-i:[A-Z]{2,6})(?:\s+(?-i:[A-Z][a-z]+)){0,2})(?![\w\uf8ff'’-])")


def told_agencies(reader: Reader) -> None:
    """An acronym one tells something, or that something is according to, is a news outlet's name (an organization)."""
    for m in _TOLD.finditer(reader.masked_text):
        if m.group(1).split()[0] in STOP or not reader.free(m.start(1), m.end(1)) or m.group(0).split()[0].isupper():
            continue     # not in a line all in capitals ("MINISTER TOLD PUTIN")
        key = reader.entity("Organization", m.group(1), (m.start(1), m.end(1)))
        reader.mention(m.start(1), m.end(1), key, "Organization")


# "10 billion U.S. dollars", "Hong Kong dollars": a state's name in a currency's
_CURRENCY = re.compile(rf"({MARK})\.?\s+(?:dollars?|cents?)\b")


def currency_names(reader: Reader) -> None:
    """A state's name in a currency's name ("U.S. dollars") is no mention of the state."""
    for m in _CURRENCY.finditer(reader.masked_text):
        inner = reader.at(m.start(1))
        if inner is not None and inner[3] == "State":
            reader.remove(inner)


# a group of states by the name it is known as: 'the Central Asian countries known as the "C5"', "A, B and C, known
# collectively as the Turkic Trio" (a name in quotes, or an acronym such as C5, G7, BRICS)
_GROUP_NAME = r"(?:[\"“«]((?-i:[A-Z][\w+&'’-]*)(?:\s+(?-i:[A-Z][\w+&'’-]*)){0,3})[\"”»]|((?-i:[A-Z]\d{1,2}\+?|[A-Z]{2,8}\d{0,2}\+?))(?![\w\uf8ff]))"
_KNOWN_AS = re.compile(rf"(?:\b(?:countries|states|nations|republics|economies),?|({MARK}),)\s+{KNOWN_AS}\s+(?:the\s+)?{_GROUP_NAME}")


def group_names(reader: Reader) -> None:
    """The name a group of states is known by is an organization's ('countries known as the "C5"')."""
    for m in _KNOWN_AS.finditer(reader.masked_text):
        g = 2 if m.group(2) else 3
        before = reader.at(m.start(1)) if m.group(1) else None
        if m.group(g) in STOP or not reader.free(m.start(g), m.end(g)) or (m.group(1) and (before is None or before[3] != "State")):
            continue
        key = reader.entity("Organization", m.group(g), (m.start(g), m.end(g)))
        reader.mention(m.start(g), m.end(g), key, "Organization")


_STATE_GOVERNMENT = re.compile(rf"(?:Government\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?{MARK}|{MARK}\s+Government)")


def _of_a_state(reader: Reader, left: int, right: int) -> bool:
    """Whether the one name inside ``[left, right)`` is a state's (or its demonym)."""
    inner = reader.inside(left, right)
    return len(inner) == 1 and inner[0][3] in ("State", "Demonym")


_BODY_TITLE = re.compile(r"(?<![\w\uf8ff])((?-i:[A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z]{3,9}))['’]?s?\s+(?=(?:Chairman|Director|President|Head|"
                         r"Secretary[\s-]General|CEO|General\s+Director|Rector)\b)")


def bodies_before_titles(reader: Reader) -> None:
    """"QazTrade Director-General X", "AZPROMO President Y": a one-word name before a title is a body's."""
    for m in _BODY_TITLE.finditer(reader.masked_text):
        if m.group(1) in STOP or not reader.free(m.start(1), m.end(1)):
            continue
        key = reader.entity("Organization", m.group(1), (m.start(1), m.end(1)))
        reader.mention(m.start(1), m.end(1), key, "Organization")


_STATE_PREFIX = re.compile(r"\b(?:(?:Federal|Islamic|Democratic|Socialist|People['’]s)\s+)*(?:Republic|Kingdom|State|Sultanate|Commonwealth)\s+of\s+(?:the\s+)?$")


def state_prefixes(reader: Reader) -> None:
    """"the Republic of Cuba", "the Kingdom of Sweden": the state's fuller name is one of its names."""
    for mm in sorted(reader.mentions):
        if mm[3] != "State":
            continue
        pm = _STATE_PREFIX.search(reader.text, max(0, mm[0] - 60), mm[0])
        if pm is None or not reader.free(pm.start(), mm[0]):
            continue
        reader.remove(mm)
        reader.out.entities[mm[2]].add(reader.text[pm.start():mm[1]], (pm.start(), mm[1]))
        reader.mention(pm.start(), mm[1], mm[2], "State")


_NUMBERED = re.compile(rf"\b\d+(?:st|nd|rd|th)\s+(?:[a-z'’-]+\s+){{0,2}}(?:session|summit|meeting|congress|forum|conference)"
                       rf"\s+of\s+(?:the\s+)?{MARK}")


# "the 9th OTS summit", "the informal OTS summit", "the Samarkand summit": a body's or a city's summit in lower case
_BODY_SUMMIT = re.compile(rf"\b(?:[Tt]he|[Ii]ts)\s+((?:\d+(?:st|nd|rd|th)\s+|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
                          rf"ninth|tenth|eleventh|twelfth)\s+)?(?:(?:informal|extraordinary|jubilee|anniversary)\s+)?({MARK})"
                          rf"(?:\s+(?:informal|extraordinary|jubilee|anniversary))?\s+(?:summit|forum|congress|kurultai))\b(?!\s+of\b)")


# "the Gabala Declaration", "the Nakhchivan Agreement": a city that names a document is not named as a place
_CITY_DOCUMENT = re.compile(rf"({MARK})\s+(?:Declaration|Agreement|Treaty|Charter|Accords?|Protocol|Communiqu[eé]|Memorandum|"
                            rf"Convention|Statement|Appeal|Initiative|Process|Principles|Format)\b")


_FORMS = r"(?-i:N?JSC|OJSC|CJSC|PJSC|LLP|LLC|Ltd\.?|Inc\.?|GmbH|PLC)"
_COMPANY = re.compile(rf"\b{_FORMS}\s+[\"“«]?((?:[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w'’&-]*)(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w'’&-]*){{0,4}})[\"”»]?"
                      rf"|[\"“«]((?:[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w'’&-]*)(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w'’&-]*){{0,4}})[\"”»]\s+{_FORMS}\b"
                      rf"|((?:[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w'’&-]*)(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w'’&-]*){{0,5}})\s+{_FORMS}(?!\w)")


def company_names(reader: Reader) -> None:
    """A legal form names a company: "NJSC Otandastar Qory", "the "Otandastar Qory" NJSC", "QazTrade … Center
    JSC" (an organization found before is extended over its form). The name with and without the form are its names."""
    text = reader.text
    for mm in sorted(reader.mentions):
        form = re.match(rf"\s+({_FORMS})(?!\w)", text[mm[1]:mm[1] + 12]) if mm[3] == "Organization" else None
        if form and reader.free(mm[1], mm[1] + form.end()):
            ent = reader.out.entities[mm[2]]
            reader.remove(mm)
            ent.add(text[mm[0]:mm[1] + form.end()], (mm[0], mm[1] + form.end()))
            reader.mention(mm[0], mm[1] + form.end(), mm[2], "Organization")
    for m in _COMPANY.finditer(reader.masked_text):
        g = next(i for i in (1, 2, 3) if m.group(i))
        if g == 1 and re.search(r"(?:[A-Z][\w'’&-]*|[\U000F0000-\U0010FFFD]\uf8ff*)\s+$", reader.window(m.start() - 40, m.start())):
            continue     # "… Center JSC Azamat Askaruly": the form ends a name, it does not start one
        words = m.group(g).split()
        while words and (words[0] in STOP or words[0] in LEFT_STOP):
            words = words[1:]
        if not words:
            continue
        core = (m.end(g) - len(" ".join(words)), m.end(g))
        whole = (core[0], m.end()) if g == 3 else (m.start(), m.end())     # the quotes too: '"X Y" NJSC' is one mention
        inner = reader.inside(min(core[0], whole[0]), max(core[1], whole[1]))
        if any(x[3] not in ("Organization", "City", "State", "Demonym", "Person") for x in inner):
            continue
        for x in inner:
            reader.remove(x)
        key = reader.entity("Organization", text[core[0]:core[1]], core)
        ent = reader.out.entities[key]
        form = re.search(_FORMS, m.group(0)).group(0)     # type: ignore[union-attr]
        ent.add(f"{form} {text[core[0]:core[1]]}" if g == 1 else f"{text[core[0]:core[1]]} {form}", core)
        ent.label = ent.names[-1] if g != 2 else text[core[0]:core[1]]
        reader.mention(min(core[0], whole[0]), max(core[1], whole[1]), key, "Organization")


def city_documents(reader: Reader) -> None:
    """A city's name as the first word of a document's name ("the Gabala Declaration") is no mention of the city."""
    for m in _CITY_DOCUMENT.finditer(reader.masked_text):
        inner = reader.at(m.start(1))
        if inner is not None and inner[3] == "City":
            reader.remove(inner)


def body_summits(reader: Reader) -> None:
    """"the 9th OTS summit in Samarkand", "the Samarkand summit": a named event, in lower case too
    (an organization's or a city's summit, forum or congress)."""
    for m in _BODY_SUMMIT.finditer(reader.masked_text):
        inner = reader.at(m.start(2))
        if inner is None or inner[3] not in ("Organization", "City"):
            continue
        if not (reader.free(m.start(1), inner[0]) and reader.free(inner[1], m.end(1))):
            continue
        reader.remove(inner)
        key = reader.entity("Event", reader.text[m.start(1):m.end(1)], (m.start(1), m.end(1)))
        reader.mention(m.start(1), m.end(1), key, "Event")
        if inner[3] == "Organization":
            reader.event_bodies[key] = inner[2]


# "… of the OTS Ministers of Agriculture": the group of the body that meets, part of the event's name
_GROUP_TAIL = re.compile(r"\s+(?:(?-i:[A-Z][a-z]+)\s+){0,2}(?:Ministers|Heads|Chairmen|Leaders|Speakers|Secretaries\s+General)"
                         r"(?:\s+(?:of|for|on)\s+(?:the\s+)?(?-i:[A-Z][\w-]+)(?:\s+(?:and\s+)?(?-i:[A-Z][\w-]+))*)?")


def numbered_sessions(reader: Reader) -> None:
    """"the 11th plenary session of TURKPA": a numbered session of a body is a named event, in lower case too."""
    for m in _NUMBERED.finditer(reader.masked_text):
        inner = reader.inside(m.start(), m.end())
        if not reader.free(m.start(), m.end() - (inner[-1][1] - inner[-1][0]) if inner else m.end()):
            continue
        if not inner or inner[-1][3] not in ("Organization", "State"):
            continue
        end = m.end()
        group = _GROUP_TAIL.match(reader.masked_text, end)
        if group and reader.free(end, group.end()):
            end = group.end()
        for mm in inner:
            reader.remove(mm)
        key = reader.entity("Event", reader.text[m.start():end], (m.start(), end))
        reader.mention(m.start(), end, key, "Event")
        if inner[-1][3] == "Organization":       # "the 40th session of the TURKSOY": the TURKSOY's event
            reader.event_bodies.setdefault(key, inner[-1][2])


def titled_events(reader: Reader) -> None:
    """A title in quotes after "titled" names an event ("an exhibition titled 'Common Roots'"); a
    motto ("the session under the motto '…'") is the theme of the event named before it, not an event."""
    text = reader.text
    for m in _TITLED.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i))
        inner = reader.inside(m.start(g), m.end(g))
        if g == 3 and inner and all(mm[3] in ("City", "State", "Demonym") for mm in inner):
            for mm in inner:       # "the exercise “Baku-2023”": the city is part of the title
                reader.remove(mm)
        if reader.free(m.start(g), m.end(g)):
            key = reader.entity("Event", m.group(g).strip(), (m.start(g), m.end(g)))
            reader.mention(m.start(g), m.end(g), key, "Event")
            noun = re.search(r"(exhibition|festival|concert|conference|forum|seminar|training|meeting|ceremony|"
                             r"competition|contest|evening)\b[^.]{0,80}$", text[max(0, m.start() - 120):m.start(g)], re.I) or \
                re.match(r"[\"”»]\s+(exhibition|festival|forum|conference|competition|contest|program(?:me)?)", text[m.end(g):], re.I)
            reader.titled[key] = event_kind(noun.group(1)) if noun else "CulturalEvent"


def _extend_left(reader: Reader, left: int) -> int:
    """The start of a phrase: capitalized words (and "of/and/for/on/the") before its head word."""
    while True:
        off = max(0, left - 300)
        lm = re.search(rf"(?:{CAP_WORD})(?:[-–]|(?:\s+(?:of|and|for|on|the)(?=\s))?\s+)$", reader.window(off, left))
        if not lm:
            break
        word = lm.group(0).split()[0]
        if word in LEFT_STOP or word.split("-")[-1] in LEFT_STOP or word[:1].islower() or re.search(r"\sand\s+the\s+$", lm.group(0)):
            break      # "… Commission and the Business Council" are two names; "Vice-Rector of …" is a title
        before = reader.at(off + lm.start()) if is_marker(word[:1]) else None
        if before is not None and before[3] != "Event" and re.search(r"\sand\s+$", lm.group(0)):
            break      # "… to Hungary and Youth Foundation of …": a name found before and a second name (an event's name goes on)
        if not is_marker(word[:1]) and re.sub(r"['’]s$", "", word) != word and word[:-2] not in ("People", "President"):
            break
        left = off + lm.start()
        if left == 0:
            break
    return left


def _extend_right(reader: Reader, m: re.Match[str]) -> int:
    """The end of a phrase: "of/for/on/and" + capitalized words after its head word, within limits."""
    right = m.end()
    tail = _PHRASE_TAIL.match(reader.window(right, right + 400))
    if tail:
        right += tail.end()
    # never past a state or organization into a name ("… of the Kyrgyz Republic Adylbek Kasymaliev"),
    # nor into a coordinated title ("… and Minister of Foreign Affairs")
    stop = re.search(rf"(?:{MARK})(?=\s+(?:(?-i:[A-ZÀ-ÖØ-ÞĀ-ſ])|{MARK}))|\s+and\s+(?:the\s+)?(?:{TITLE_WORDS})\b",
                     reader.window(m.end(), right))
    if stop and is_marker(stop.group(0)[:1]):
        sm_ = reader.at(m.end() + stop.start())
        nxt = re.match(rf"\s+({MARK})", reader.window(m.end() + stop.end(), right))
        next_m = reader.at(m.end() + stop.end() + nxt.start(1)) if nxt else None
        if (sm_ is not None and sm_[3] == "Demonym") or (nxt and (next_m is None or next_m[3] != "Person")):
            stop = None     # "… of Turkmenistan <a known person>" stops; "… of <State> <another known name>" goes on
    if stop:
        right = m.end() + (stop.end() if is_marker(stop.group(0)[:1]) else stop.start())
    # "the Azerbaijani Embassy in Tajikistan", "the Embassy of Uzbekistan in Budapest", "the Embassy of A to Hungary": the place is
    # part of a mission's name
    mission = m.group(0).rstrip("s") in ("Embassy", "Consulate", "Mission") and (
        right == m.end() or re.fullmatch(rf"\s+(?:General\s+)?of\s+(?:the\s+)?(?:Republic\s+of\s+)?{MARK}", reader.window(m.end(), right)) is not None)
    if base_kind(m.group(0)) == "Event" or mission:
        in_state = re.match(rf"\s+(in|to)\s+({MARK})(?![\uf8ff'’])", reader.window(right, right + 80))
        allowed = {("State", "in")} | ({("State", "to"), ("City", "in")} if mission else set())
        if in_state:
            sm_ = reader.at(right + in_state.start(2))
            if sm_ is not None and (sm_[3], in_state.group(1)) in allowed:
                right += in_state.end()     # "the Azerbaijani Embassy in Tajikistan" is one name
    named_after = re.match(rf"\s+named\s+after\s+(?:{CAP_WORD})(?:\s+(?:{CAP_WORD})){{0,3}}", reader.window(right, right + 120))
    if named_after and base_kind(m.group(0)) != "Event":
        right += named_after.end()          # "… Center named after Heydar Aliyev"
    # never into a holder's title and name ("… Development Chairman Orkhan Mammadov")
    holder = re.search(r"\s+(?<!the\s)(?:Chairman|Chairwoman|Chairperson|Director|Minister|Head|President|Secretary|Rector|"
                       r"Governor|Mayor|Ambassador)(?:[\s-]+General)?\s+(?-i:[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-öø-ÿā-ſ'’]+)",
                       reader.window(m.end(), right))
    if holder:
        right = m.end() + holder.start()
    # never into a date, a weekday or a title ("Concert on Tuesday", "Forum of Ambassador X")
    cut = re.search(_DATE_WORD, reader.window(m.end(), right))
    if cut:
        right = m.end() + cut.start()
    # never over a sentence's end ("… Academy. According"), nor over "and" into a second name with
    # its own head word ("… Embassy of Turkmenistan and the Sokhumi State University")
    tail = reader.window(m.end(), right)
    end = re.search(r"\.\s", tail)
    ands = list(re.finditer(r"\s+and\s+", tail))
    second = next((a for i, a in enumerate(ands)
                   if _HEAD_RE.search(tail, a.end(), ands[i + 1].start() if i + 1 < len(ands) else len(tail))   # in its own item only
                   or _other_body(reader, m.end() + a.end()) or _HEADED.match(reader.window(m.end() + a.end(), m.end() + a.end() + 200))),
                  None)
    honorific = re.search(r"\s+and\s+(?-i:Mr|Mrs|Ms|Dr|Prof|Madam|Mme|Sir|H\.\s?E)\b\.?", tail)   # "… Affairs and Mr. X"
    cuts = [x.start() for x in (end, second, honorific) if x is not None]
    if cuts:
        right = m.end() + min(cuts)
    if base_kind(m.group(0)) == "Venue" and right == m.end():
        more = re.match(r"(?:\s+(?-i:[A-Z][\w'’-]+)){1,3}", reader.window(right, right + 200))
        if more and not any(w in LEFT_STOP for w in more.group(0).split()):
            right += more.end()
    return right


_FAMILY_NAME = re.compile(r"(?:[oe]v|[oe]va|yev|yeva|iev|ieva|uly|ulu|kyzy|qizi|o[gğ]lu|zade|enko)$")


def _cut_holder(reader: Reader, left: int, right: int, head_end: int) -> int:
    """"Secretary General of the Assembly of Turkic Countries Altynbek Mamayussupov": after a title's
    "of", the two last capitalized words of the phrase, the last with a family-name ending, are the
    holder's name, not the body's."""
    inner = reader.inside(head_end, right)
    if inner and inner[-1][3] == "Person" and inner[-1][1] == right:
        return head_end + len(reader.window(head_end, inner[-1][0]).rstrip())     # a known person ends it: not the body's
    if not re.search(rf"(?:{TITLE_WORDS})\b[\w\s-]{{0,30}}\s+of\s+(?:the\s+)?$", reader.window(max(0, left - 60), left)):
        return right
    tail = re.search(r"\s+(?-i:[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-öø-ÿā-ſ'’-]+)\s+(?-i:[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-öø-ÿā-ſ'’-]+)$",
                     reader.window(head_end, right))
    if tail and _FAMILY_NAME.search(tail.group(0)):
        return head_end + tail.start()
    # "Chairman of the OTS Council of Elders Binali Yildirim": two more words after the body's "of" words
    # that are no plural nouns nor topics ("… of Turkic Speaking States" stays whole)
    longer = re.search(r"\s+of\s+(?:the\s+)?(?:(?-i:[A-Z][\w'’-]+)\s+)+?((?-i:[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-öø-ÿā-ſ'’-]+))\s+"
                       r"((?-i:[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-öø-ÿā-ſ'’-]+))$", reader.window(head_end, right))
    if tail and longer and not any(w.endswith("s") or w in TOPICS or w in NOT_NAME for w in longer.groups()):
        return head_end + tail.start()
    return right


_HEADED = re.compile(rf"the\s+(?:{CAP_WORD})(?:[\s-]+(?:{CAP_WORD})){{0,5}}?[\s-]+(?:" + "|".join(ORG_HEADS) + r")\b")


def _other_body(reader: Reader, at: int) -> bool:
    """Whether an acronym or a known organization starts at ``at`` ("… General Assembly and OIC");
    a state does not ("Joint Commission of Azerbaijan and Uzbekistan" is one name)."""
    m = re.match(rf"(?:the\s+)?(?:(?-i:[A-Z]{{2,}})\b|({MARK}))", reader.window(at, at + 200))
    if m is None:
        return False
    if not m.group(1):
        return True
    mention = reader.at(at + m.start(1))
    return mention is not None and mention[3] == "Organization"


def _add_phrase(reader: Reader, left: int, right: int, head: str) -> None:
    """The phrase [left, right) as an entity, replacing the mentions inside it; "(YTB)" after it is its acronym."""
    text = reader.text
    while right > left and text[right - 1] == "." and not re.search(r"(?:\b[A-Z]|\.\w+)\.$", text[left:right]):
        right -= 1          # "… University of Economics." at the end of a text: the sentence's full stop is not the name's
    # the kind is the last head word before the first "of" ("Summit of the OTS": an event;
    # "Congress and Culture Center": a building)
    core = re.split(r"\s+of\s+", reader.window(left, right), maxsplit=1)[0]
    heads_in = [h.group(0) for h in _HEAD_RE.finditer(core)] or [head]
    kind = base_kind(heads_in[-1])
    if re.match(r"(?:the\s+|The\s+)?\d+(?:st|nd|rd|th)\s", text[left:right]):
        kind = "Event"      # "4th High-Level Strategic Council": a numbered meeting, not a body
    inner = reader.inside(left, right)
    start = left
    if text[start:start + 4] in ("the ", "The "):
        start += 4
    for mm in inner:
        reader.remove(mm)
    fuller = [e for e in reader.out.entities.values() if e.kind == kind and kind == "Organization"
              and re.match(re.escape(text[start:right]) + r"\s+(?:for|on|of|in)\s", e.label)]
    if fuller:              # "the State Committee" after "the State Committee for Work with Diaspora": the same body
        # (and "the Hungarian Embassy" after "the Hungarian Embassy in Tashkent")
        fuller[0].add(text[start:right], (start, right))
        reader.mention(start, right, fuller[0].key, kind)
        return
    key = reader.entity(kind, text[start:right], (start, right))
    reader.mention(start, right, key, kind)
    owner = re.search(rf"({MARK})['’]s\s+$", reader.window(start - 60, start))
    if kind == "Organization" and owner and (st := reader.at(start - len(owner.group(0)))) is not None and st[3] == "State":
        reader.out.entities[key].names.append(text[st[0]:start] + text[start:right])   # "Turkey’s Ministry of …" too
    acr = re.match(r"\s*\(([A-ZÀ-ÞÜÖİ][A-Za-zÀ-ÿİıÜÖ.-]{1,9})\)", text[right:])
    if acr and (_acronym_of_last_body(reader, inner, right, acr) or _acronym_of_tail_body(reader, start, right, acr)):
        group = _GROUP_AFTER.match(text, right + acr.end()) if kind == "Event" else None
        if group:            # "… of the Gulf Cooperation Council (GCC) leaders": that fuller form is the event's name too
            reader.out.entities[key].names.append(" ".join(text[start:group.end()].split()))
        return
    if acr:
        a_s, a_e = right + acr.start(1), right + acr.end(1)
        for mm in reader.inside(a_s, a_e):
            reader.remove(mm)
        reader.out.entities[key].add(acr.group(1), (a_s, a_e))
        reader.out.entities[key].label = text[start:right]
        reader.mention(a_s, a_e, key, kind)
        # "the 10th Meeting of the Council of Foreign Ministers (CFM) of the Turkic Council": the event's name goes on
        of_org = re.match(rf"\s+of\s+(?:the\s+)?({MARK})", reader.masked_text[right + acr.end():])
        org = reader.at(right + acr.end() + of_org.start(1)) if of_org and kind == "Event" else None
        if org is not None and org[3] == "Organization":
            ent = reader.out.entities[key]
            ent.label = " ".join(f"{text[start:right]}{text[right + acr.end():org[1]]}".split())
            ent.names.insert(0, ent.label)


def _initials(label: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-ZÀ-ÞÜÖİ][\w'’-]*", label))


def _acronym_of_last_body(reader: Reader, inner: list, right: int, acr: re.Match[str]) -> bool:
    """"the Meeting of the Council of Foreign Ministers of the Organization of Turkic States (OTS)": the
    acronym in brackets is the organization's that ends the phrase (one of its names, or its initials),
    not the whole phrase's; it stays a mention of that organization."""
    last = inner[-1] if inner else None
    if last is None or last[1] != right or last[3] != "Organization":
        return False
    org, short = reader.out.entities[last[2]], acr.group(1).replace(".", "")
    if short not in org.names and _initials(reader.text[last[0]:last[1]]) != short:
        return False
    a_s, a_e = right + acr.start(1), right + acr.end(1)
    for mm in reader.inside(a_s, a_e):
        reader.remove(mm)
    org.add(acr.group(1), (a_s, a_e))
    reader.mention(a_s, a_e, last[2], "Organization")
    return True


# who meets, after a body's acronym that ends an event's name ("… of the GCC (GCC) leaders / heads of state")
_GROUP_AFTER = re.compile(r"\s+(?:leaders|heads\s+of\s+(?:state|government)(?:\s+and\s+government)?|(?:foreign\s+)?ministers|"
                          r"speakers|chairmen|secretaries[\s-]+general|member\s+states)\b")


def _acronym_of_tail_body(reader: Reader, start: int, right: int, acr: re.Match[str]) -> bool:
    """"the 18th Consultative Meeting of the Gulf Cooperation Council (GCC)": the acronym is the initials of the body
    named after the last "of", not the whole phrase's; that body is an organization of its own, with the acronym."""
    short, text = acr.group(1).replace(".", ""), reader.text
    if _initials(text[start:right]) == short:
        return False
    for m in re.finditer(r"\bof\s+(?:the\s+)?(?=[A-Z])", text[start:right]):
        body = text[start + m.end():right]
        if _initials(body) == short and re.search(r"\s(?:" + "|".join(ORG_HEADS) + r")$", body) and " of " not in body:
            key = reader.entity("Organization", body, (start + m.end(), right))
            a_s, a_e = right + acr.start(1), right + acr.end(1)
            for mm in reader.inside(a_s, a_e):
                reader.remove(mm)
            reader.out.entities[key].add(acr.group(1), (a_s, a_e))
            reader.mention(a_s, a_e, key, "Organization")
            return True
    return False


_AT_EVENT = re.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:meeting|summit|session|forum|conference|congress|ceremony|festival|"
                       r"event|talks|sitting|celebration|concert|exhibition|plenary|gathering|consultations?)s?\b")


# "(the forum) took place in Budapest, Eötvös Cultural center": a place named after its city, with a lower-case head
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w'’.&-]*"
_CITY_PLACE = re.compile(rf"\b(?:held|took\s+place|opened|organi[sz]ed|hosted|staged)\s+in\s+({MARK}),\s+(?:at\s+)?(?:the\s+)?"
                         rf"((?:{_NAME_WORD}\s+){{1,4}}(?:center|centre|hall|palace|museum|theat(?:er|re)|library|gallery|complex))\b")


def places_after_city(reader: Reader) -> None:
    """A place named after the city an event took place in: "… took place in Budapest, Eötvös Cultural center"."""
    for m in _CITY_PLACE.finditer(reader.masked_text):
        city = reader.at(m.start(1))
        if city is None or city[3] != "City" or not reader.free(m.start(2), m.end(2)):
            continue
        key = reader.entity("Venue", m.group(2), (m.start(2), m.end(2)))
        reader.mention(m.start(2), m.end(2), key, "Venue")


def places_after_at(reader: Reader) -> None:
    """Places after "at": "at the Carmelite Monastery", "at the CSO Ada Ankara concert hall",
    "at the TURKSOY headquarters"."""
    text = reader.text
    for m in _AT_PLACE.finditer(reader.masked_text):
        body_s, body_e = m.start(1), m.end(1)
        words = m.group(1).split()
        if words[0] in LEFT_STOP or not words or re.fullmatch(r"(?:USD|EUR|GBP|AZN|KZT|TRY|UZS|KGS|TMT|RUB)", words[0]) \
                or words[-1].endswith(("’", "'")):
            continue       # "at USD 2 billion", "at the Presidents’ level" name no place
        if not m.group(2) and (_AT_EVENT.match(reader.masked_text, m.end(1)) or re.fullmatch(r"\d+(?:st|nd|rd|th)|[IVXLC]+", words[0])):
            continue       # "at the 13th meeting", "at the X summit", "at the Dushanbe plenary session": an event, no place
        inner = reader.inside(body_s, body_e)
        noun = m.group(2)
        if len(inner) == 1 and (inner[0][0], inner[0][1]) == (body_s, body_e):
            if not noun or inner[0][3] not in ("Organization", "State"):
                continue   # a known entity alone: handled where events take their places
        elif inner and all(mm[3] == "City" for mm in inner) and not noun and len(words) == 1:
            continue
        if any(mm[3] in ("Person", "Event", "Venue") for mm in inner):
            continue
        if any(w in STOP for w in words if not is_marker(w[:1])) and not noun:
            continue
        end = m.end(2) if noun and noun.lower() in ("headquarters", "premises", "building", "residence") else body_e
        if not reader.free(body_s, end) and not inner:
            continue
        for mm in inner:
            reader.remove(mm)
        key = reader.entity("Venue", text[body_s:end], (body_s, end))
        if noun:
            reader.out.entities[key].add(text[body_s:m.end(2)], (body_s, end))
            reader.out.entities[key].label = text[body_s:end]
        reader.mention(body_s, end, key, "Venue")
