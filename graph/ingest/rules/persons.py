"""Persons and role titles: names as two to four capitalized words (not words that are never part of a
name), later references by family name alone; every role title ("Ambassador", "Deputy Minister of
Foreign Affairs", "Kazakh Ambassador") with the state or organization it is of and what it is
accredited to."""

from __future__ import annotations

import re

from ..gazetteer import ROLE_TITLES
from ..text import DATELINE, MARK, Reader, headline
from .lexicon import (
    LEAD_IN,
    LEFT_STOP,
    NAME_TOKEN,
    NOT_NAME,
    PARTICLE,
    STOP,
    TENURE_WORD,
    TITLE_WORDS,
)
from .phrases import QUOTED

__all__ = ["persons", "titles"]

_LEAD = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Diplomat", "Migration", "Crown", "Prince", "King"}   # dropped before a name
_GAP = r"(?:[ \t\u00a0]*\n(?![ \t]*\n)[ \t\u00a0]*|[ \t\u00a0]+)"       # a name may wrap to the next line, never past a paragraph
_PERSON_RE = re.compile(rf"{NAME_TOKEN}(?:(?:{_GAP}|(?<=[A-Z]\.)|(?<=[SCZK]h\.))(?:{PARTICLE}{_GAP})*{NAME_TOKEN}){{1,6}}")   # "V.Putin" too


_TITLE_OF = re.compile(rf"\b(?:{TITLE_WORDS})\b[\w \t-]{{0,40}}?\s+of\s+(?:the\s+)?\Z")


def persons(reader: Reader) -> None:
    """Persons: capitalized names not yet taken, linked to the graph by a unique transliteration variant."""
    masked = reader.masked_text
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(reader.text)] + source_credits(reader)
    caps_head = _title_case_headline(reader.text)
    for m in _PERSON_RE.finditer(masked):
        tokens = [(t.start() + m.start(), t.end() + m.start()) for t in re.finditer(rf"{NAME_TOKEN}|{PARTICLE}", m.group(0))]
        while tokens and any(re.search(r"\w['’]s$", masked[a:b]) for a, b in tokens[:-1]):
            tokens = tokens[1:]      # "President's Administration Samir Nuriyev": no name runs over a possessive
        while tokens and set(masked[tokens[0][0]:tokens[0][1]].split("-")) <= STOP and "-" in masked[tokens[0][0]:tokens[0][1]]:
            tokens = tokens[1:]      # "Director-General Azamat Askaruly"
        while tokens and masked[tokens[0][0]:tokens[0][1]].rstrip(".") in STOP | _LEAD and not (
                len(tokens) > 1 and re.fullmatch(r"[A-Z]\.", masked[tokens[0][0]:tokens[0][1]]) and (
                    tokens[1][0] == tokens[0][1] or _initial_and_name(masked, tokens))):
            tokens = tokens[1:]      # "H. E. Ali", not "E.Aydogdyyev" nor "A. Saparbekuly"
        while tokens and masked[tokens[-1][0]:tokens[-1][1]] in STOP:
            tokens = tokens[:-1]
        while tokens and re.fullmatch(PARTICLE, masked[tokens[0][0]:tokens[0][1]]):
            tokens = tokens[1:]
        words = [masked[a:b] for a, b in tokens]
        stops = [i for i, w in enumerate(words) if w in STOP or w in NOT_NAME or w in LEAD_IN or NOT_NAME.intersection(w.split("-"))
                 or ("-" in w and set(w.split("-")) <= STOP)]        # "Assistant Director-General Ernesto Ottone"
        if stops and len(words) - stops[-1] - 1 >= 2:      # "… Asian Affairs Donald Lu", "Commission Secretary Ainura Abutalivova"
            tokens, words = tokens[stops[-1] + 1:], words[stops[-1] + 1:]
        if len(words) >= 3 and _TITLE_OF.search(masked, max(0, tokens[0][0] - 60), tokens[0][0]):
            tokens, words = tokens[1:], words[1:]      # "Chief Minister of Punjab Maryam Nawaz": a place no list knows
        caps = [w for w in words if not re.fullmatch(PARTICLE, w)]
        if len(caps) < 2 or len(caps) > 4 or any(w in STOP or w in NOT_NAME or NOT_NAME.intersection(w.split("-"))
                                                  or ("-" in w and set(w.split("-")) <= STOP) for w in caps):
            continue
        start, end = tokens[0][0], tokens[-1][1]
        if any(a <= start < b for a, b in quoted):
            continue
        if re.search(r"\bat\s+(?:the\s+)?$|\bthe\s+$", masked[max(0, start - 8):start], re.I):
            continue   # "at the Carmelite Monastery" is a place; "the Middle Corridor" is no one
        if re.search(r"\b(?:named\s+after|(?:Order|Medal|Prize|Award|Scholarship|Cup)\s+of)\s+$", masked[max(0, start - 20):start]):
            continue   # "a school named after A.S.Pushkin", "the Order of Imam Bukhari": a namesake, no one the text is about
        name = reader.text[start:end]
        if caps_head and start < caps_head[1] and not re.search(rf"\b{re.escape(name.split()[-1])}\b", reader.text[caps_head[1]:]):
            continue   # "Newly Appointed Ambassador Presents Credentials": capitalized words of a headline the text never repeats
        if name.endswith("’s") or name.endswith("'s"):
            end -= 2
            name = reader.text[start:end]
        if not reader.free(start, end) or re.search(r"\b[A-Z]\.$", name):
            continue
        initial = re.fullmatch(r"([A-Z]h?)\.\s?(\S+)", name)       # "R. Kazakbaev" after "Ruslan Kazakbaev"
        same = [e for e in reader.out.entities.values() if initial and e.kind == "Person" and e.label.startswith(initial.group(1))
                and e.label.split()[-1] == initial.group(2) and e.label != name]
        if same:
            same[0].spans.append((start, end))
            reader.mention(start, end, same[0].key, "Person")
            continue
        known = reader.gz.index.variants(name, types={"Person"})
        key = reader.entity("Person", name, (start, end), known=known[0] if len(known) == 1 else None)
        ent = reader.out.entities[key]
        if len(name) >= len(ent.label) or ent.label not in ent.names:
            ent.label = name
        reader.mention(start, end, key, "Person")
    # later references by family name alone ("Omuraliev noted", "Mr. Akhatov")
    masked = reader.masked_text
    persons = [e for e in reader.out.entities.values() if e.kind == "Person"]
    for ent in persons:
        family = ent.label.split()[-1]
        if len(family) < 3:
            continue
        for m in re.finditer(rf"(?<![\w\uf8ff\U000F0000-\U0010FFFD]){re.escape(family)}(?![\w])", masked):
            if reader.free(m.start(), m.end()):
                if (m.start(), m.end()) not in ent.spans:
                    ent.spans.append((m.start(), m.end()))
                reader.mention(m.start(), m.end(), ent.key, "Person")
    family_only(reader)


# "Bishkek, (APP - UrduPoint / Pakistan Point News - 29th Apr, 2025) A meeting …": the source credit after a dateline
_CREDIT = re.compile(r"(?m)^[ \t]*[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)?,?[ \t]*\(([^()\n]{2,120})\)")


def source_credits(reader: Reader) -> list[tuple[int, int]]:
    """The spans of source credits in brackets after a dateline's city (agencies, a date): no names of the
    article's facts; the gazetteer's mentions inside them are dropped."""
    spans = []
    for m in _CREDIT.finditer(reader.text):
        inner = m.group(1)
        if not re.search(r"\s[-–—/]\s|/|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2}|\b(?:19|20)\d\d\b", inner):
            continue
        spans.append(m.span(1))
        for mm in reader.inside(*m.span(1)):
            reader.remove(mm)
    return spans


def _title_case_headline(text: str) -> tuple[int, int] | None:
    """The headline, when it capitalizes (nearly) every word ("Ambassador Presents Credentials to …")."""
    head = headline(text) or _first_line(text)
    if head is None:
        return None
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[head[0]:head[1]]) if len(w) > 3 and w not in _SMALL_WORDS]
    return head if len(words) >= 3 and all(w[0].isupper() for w in words) else None


def _first_line(text: str) -> tuple[int, int] | None:
    """A first line with no final full stop that a single line break ends (a headline whose blank line
    the page lost: "Leader Calls on the World to Take Responsibility for …" then the lead)."""
    m = re.match(r"\s*([^\n]{3,160})\n(?=\s*\S)", text)
    if not m or re.search(r"[.!?:]$", m.group(1).strip()) or DATELINE.match(m.group(1)):
        return None
    return m.start(1), m.start(1) + len(m.group(1).rstrip())


_SMALL_WORDS = {"with", "from", "into", "over", "after", "upon", "about", "under", "amid", "during", "between", "against",
                "through", "than", "that", "this", "their"}


_FAMILY_ONLY = re.compile(rf"\b(?:Ambassador|Consul(?:[\s-]General)?|Secretary[\s-]General|Permanent\s+Representative)"
                          rf"(?:\s+(?:of|to)\s+(?:the\s+)?{MARK})*\s+({NAME_TOKEN})\b(?!\s*(?:{NAME_TOKEN}|[\U000F0000-\U0010FFFD]))")


def _initial_and_name(masked: str, tokens: list[tuple[int, int]]) -> bool:
    """"A. Saparbekuly": an initial (not the article "A", not "H. E.") before a family name that ends the name."""
    first, second = masked[tokens[0][0]:tokens[0][1]], masked[tokens[1][0]:tokens[1][1]]
    return len(tokens) == 2 and first not in ("H.", "E.") and not re.fullmatch(r"[A-Z]\.", second) and second not in STOP


def family_only(reader: Reader) -> None:
    """A person named by a diplomatic title and a family name alone ("Ambassador Aliyev"), when no
    one in the text has that family name: a person marked ``family_only``, whom the linker merges
    with a person of the graph only on evidence (see :mod:`graph.ingest.link`)."""
    for m in _FAMILY_ONLY.finditer(reader.masked_text):
        start, end = m.span(1)
        name = reader.text[start:end]
        if name in STOP or name in NOT_NAME or len(name) < 3 or not reader.free(start, end):
            continue
        key = reader.entity("Person", name, (start, end))
        reader.out.entities[key].family_only = True
        reader.mention(start, end, key, "Person")


_TITLE_RE = re.compile("|".join(f"(?P<t{i}>{p})" for i, (p, _r, _t) in enumerate(ROLE_TITLES)))


_PORTFOLIO_MORE = re.compile(rf"(?:,?\s+(?:and\s+)?(?-i:[A-Z][a-z]+))+?(?=\s+{MARK}|\s*[,.;:)]|\s+of\s|\s+[a-z]|\s*$)")


def _portfolio_end(masked: str, end: int) -> int:
    """Where a minister's portfolio ends that runs on past the words the title list knows ("Minister of Digital
    Development, Innovation and Aerospace Industry"): capitalized words up to a name, "of", a lower-case word or
    punctuation; never a verb of a headline ("Minister of Economy Meets …")."""
    more = _PORTFOLIO_MORE.match(masked, end)
    if more is None or any(w in NOT_NAME or w in LEFT_STOP for w in re.findall(r"[A-Z][a-z]+", more.group(0))):
        return end
    return more.end()


def _to_the_country(reader: Reader, masked: str, rec: dict, start: int, pos: int) -> int:
    """"… met with Russian Ambassador to the country X": accredited to the state named before in the
    sentence; returns where the title ends."""
    country = re.match(r"\s+to\s+the\s+country\b", masked[pos:])
    if country:
        lead = masked[max(0, start - 300):start]
        lead_at = start - len(lead) + max(lead.rfind(". "), lead.rfind("\n")) + 1
        host = [mm for mm in reader.inside(lead_at, start) if mm[3] in ("State", "Demonym") and mm[2] != rec["pre"]]
        if host:
            rec["to"] = host[-1][2]
            pos += country.end()
    return pos


def _delegation_state(reader: Reader, masked: str, start: int) -> str | None:
    """"The Hungarian delegation was headed by Minister …": the delegation's state owns the title."""
    led = re.search(rf"({MARK})(?:['’`]s)?\s+(?:(?:delegation|side|team)\s+(?:was\s+|is\s+)?(?:headed|led)"
                    rf"|(?:was|is|were)\s+represented)\s+by\s+(?:the\s+)?$",
                    masked[max(0, start - 120):start])
    if led:
        mention = reader.at(max(0, start - 120) + led.start(1))
        if mention and mention[3] in ("State", "Demonym"):
            return mention[2]
    return None


def _foreign_minister_title(role: str, title: str, t: str) -> str:
    """A foreign minister's title with his other portfolio, after ("… Foreign Affairs and Trade") or before
    ("Minister of European Integration and Foreign Affairs"; "Trade and Foreign Affairs" is "… Affairs and Trade")."""
    extra = re.search(r"Foreign\s+Affairs\s+and\s+(.+)$", t, re.I)
    if role in ("minister-of-foreign-affairs", "deputy-minister-of-foreign-affairs") and extra:
        return title + " and " + " ".join(w if w == "and" else w[:1].upper() + w[1:] for w in extra.group(1).split())
    first = re.fullmatch(r"Ministers?\s+of\s+(.+?)\s+and\s+Foreign\s+Affairs", t)
    if role == "minister-of-foreign-affairs" and first and first.group(1) != "Trade":
        return f"Minister of {' '.join(first.group(1).split())} and Foreign Affairs"
    return title


def _body_named_before(reader: Reader, masked: str, pos: int, start: int) -> tuple[str, int] | None:
    """"… was elected Honorary Chairman of the Council": the last organization named before whose name has
    that head word (the organization's key, the end of "of the Council")."""
    m = re.match(r"\s+of\s+the\s+((?i:council|organi[sz]ation|assembly|union|fund|academy|foundation))\b(?!\s+(?:of|for|on)\b)", masked[pos:])
    if m is None:
        return None
    head = m.group(1).lower().replace("organisation", "organization")
    for mm in sorted(reader.mentions, key=lambda x: -x[0]):
        ent = reader.out.entities[mm[2]]
        names = [*ent.names, *(reader.gz.index.names_of(ent.known_iri) if ent.known_iri and reader.gz.index.has(ent.known_iri) else [])]
        if mm[1] <= start and mm[3] == "Organization" and head in " ".join(names).lower().replace("organisation", "organization"):
            return mm[2], pos + m.end()
    return None


_PARLIAMENT = re.compile(r"(?:Parliament|National\s+Assembly|Grand\s+National\s+Assembly|Milli\s+Majlis|Mazhilis|Jogorku\s+Kenesh"
                         r"|Oliy\s+Majlis|Mejlis|Majlis|Senate)\s+of\s+(?:the\s+)?(.+)")


def _member_of_parliament(reader: Reader, rec: dict) -> None:
    """"Member of the Parliament of Azerbaijan": a member of a state's parliament holds the post "Member
    of Parliament" of that state (when the text names the state as one of its entities)."""
    body = reader.out.entities.get(rec["of"]) if rec["of"] else None
    named = _PARLIAMENT.fullmatch(body.label) if body is not None and body.kind == "Organization" else None
    known = reader.gz.index.variants(named.group(1), types={"State"}) if named else []
    if len(known) == 1 and known[0] in reader.out.entities:
        rec["of"], rec["title"] = known[0], "Member of Parliament"


def _owner_before(reader: Reader, masked: str, start: int, datelines: list[tuple[int, int]],
                  last: dict | None) -> tuple[str, int] | None:
    """The state, demonym or organization right before a title ("Kazakh", "Kazakhstan's", "OTS", "… Cyprus
    (TRNC)", "Türkiye's new"): its key and where it starts."""
    off = max(0, start - 300)
    pre = re.search(rf"({MARK})(?:\s*\((?:{MARK}|[A-Z]{{2,8}})\))?(?:['’`]s)?\s+{_TENURE}$", masked[off:start])
    mention = reader.at(off + pre.start(1)) if pre else None
    if mention is None or mention[3] not in ("State", "Demonym", "Organization"):
        return None
    if any(a <= mention[0] < b for a, b in datelines):
        return None      # "ALMATY. KAZINFORM Secretary of State X": the agency of the dateline owns no title
    if last is not None and last["span"][1] == mention[1] and last["to"] == mention[2]:
        return None      # "… ambassador to Uzbekistan Minister of Foreign Affairs X": the place one title is accredited to owns no next title
    return mention[2], mention[0]


#: a word of tenure between a title's owner and the title ("Türkiye's new Ambassador", "Kazakhstan's former ambassador")
_TENURE = rf"(?:{TENURE_WORD}\s+)?"


def titles(reader: Reader) -> list[dict]:
    """Every role title with what it is of (before it: "Kazakh", "Kazakhstan's"; after it: "of A")
    and accredited to ("to B"), in text order."""
    masked = reader.masked_text
    found: list[dict] = []
    datelines = [(d.start(), d.end()) for d in DATELINE.finditer(reader.text)]
    for m in re.finditer(rf"(?i:{_TITLE_RE.pattern})", masked):
        t = m.group(0)
        idx = next(i for i in range(len(ROLE_TITLES)) if m.group(f"t{i}") is not None)
        _p, role, title = ROLE_TITLES[idx]
        lower = t[:1].islower()
        if not reader.free(m.start(), m.end()):
            continue
        start, end = m.start(), m.end()
        if role == "minister" and re.match(r"(?:(?:Deputy|Vice)\s+)?Ministers?\s+of\s", t):
            t, end = t + masked[end:_portfolio_end(masked, end)], _portfolio_end(masked, end)
        rec: dict = {"role": role, "title": title, "span": (start, end), "of": None, "to": None, "pre": None,
                     "topic": None, "title_span": (start, end)}
        rec["title"] = _foreign_minister_title(role, title, t)
        if role == "minister" and re.match(r"(?:(?:Deputy|Vice)\s+)?Ministers?\s+of\s+", t):
            topic = " ".join(re.sub(r"^(?:(?:Deputy|Vice)\s+)?Ministers?\s+of\s+", "", t).split())
            rec["topic"] = topic
            deputy = re.match(r"(Deputy|Vice)\s", t)
            rec["title"] = f"{deputy.group(1)} Minister of {topic}" if deputy else f"Minister of {topic}"
            if deputy:
                rec["topic"] = None
        elif role == "minister" and re.search(r"\sMinisters?$", t) and not re.search(r"Prime\s+Minister", t):
            topic = " ".join(re.sub(r"\s+Ministers?$", "", t).split())
            rec["topic"] = topic
            rec["title"] = f"Minister of {topic}"
        owner = _owner_before(reader, masked, start, datelines, found[-1] if found else None)
        if owner is not None:       # before: "Kazakh", "Kazakhstan's", "OTS", "the Turkish"
            rec["pre"], rec["span"] = owner[0], (owner[1], end)
        # after: "of <E>", "to/in <E>"
        pos = end
        of = re.match(rf"\s+of\s+(?:the\s+)?({MARK})", masked[pos:])
        if of:
            mention = reader.at(pos + of.start(1))
            if mention and (mention[3] in ("State", "Organization", "Demonym")
                            or (mention[3] == "City" and title.split()[-1] in ("Governor", "Mayor", "Akim", "Hokim"))):
                rec["of"] = mention[2]
                pos += of.end()
                acronym = re.match(rf"\s*\((?:{MARK}|[A-Z]{{2,8}})\)", masked[pos:])     # "of the Turkic Council (CCTS) X"
                if acronym:
                    pos += acronym.end()
                region = re.match(r"\s+(?:region|province|oblast|district)\b", masked[pos:])    # "Hokim of Samarkand region X"
                if region and mention[3] == "City":
                    pos += region.end()
        elif (back := _body_named_before(reader, masked, pos, start)) is not None:
            rec["of"], pos = back
        to = re.match(rf"\s+(?:to|in|at)\s+(?:the\s+)?({MARK})", masked[pos:])
        if to and not (rec["pre"] is None and rec["of"] is None and role in ("president", "chairman", "minister")):
            mention = reader.at(pos + to.start(1))
            if mention and mention[3] in ("State", "Organization", "City"):
                rec["to"] = mention[2]
                pos += to.end()
                # "and other international organizations in Vienna" after an organization
                extra = re.match(r"\s+and\s+(?:the\s+)?other\s+international\s+organi[sz]ations\s+in\s+" + f"({MARK})",
                                 masked[pos:], re.I)
                if extra:
                    pos += extra.end()
        if rec["to"] is None and role == "ambassador":
            pos = _to_the_country(reader, masked, rec, start, pos)
        if rec["of"] is None and rec["pre"] is None:
            rec["pre"] = _delegation_state(reader, masked, start)
        if rec["of"] is None and rec["pre"] is not None:
            rec["of"] = rec["pre"]
        if role == "member":
            _member_of_parliament(reader, rec)
        if lower and rec["of"] is None and rec["to"] is None:
            continue   # "the minister said": a lower-case title names no post
        rec["span"] = (rec["span"][0], pos)
        found.append(rec)
    return found
