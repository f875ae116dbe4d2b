"""Rule-based extraction: entities, posts, events, participations, memberships and figures.

No statistical model: the gazetteer's names, capitalized phrases with head words, role titles,
date expressions and trigger words, read sentence by sentence. Every fact keeps the character
offsets of the text it was read from and a confidence between 0 and 1.

The core trick is a *masked* copy of the text: every entity mention is replaced by one marker
character (U+E000 + its number) padded with U+F8FF to the mention's length, so that the title,
membership and figure patterns are ordinary regular expressions over entities, and offsets in the
masked text are offsets in the article.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from .gazetteer import ORGANIZATIONS, ROLE_TITLES, Gazetteer, NameHit, iri, slugify, variant_key
from .text import Article, sentences

__all__ = ["Entity", "Post", "Event", "Participation", "Membership", "Figure", "Extraction",
           "extract", "find_dates", "DateMention"]

Span = tuple[int, int]


@dataclass
class Entity:
    """An entity the text names: ``key`` is its IRI when the gazetteer knows it, else a draft key."""

    key: str
    kind: str                       # State, Organization, City, Venue, Person, Event
    label: str                      # the fullest form written in the text
    names: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    known_iri: str | None = None    # an IRI the gazetteer found by an exact name
    city: str | None = None         # a venue's city (entity key)
    confidence: float = 0.9

    def add(self, name: str, span: Span) -> None:
        if name not in self.names:
            self.names.append(name)
        if span not in self.spans:
            self.spans.append(span)
        if len(name) > len(self.label) and self.kind not in ("Person", "Event"):
            self.label = name
        if self.kind == "Event" and name.startswith(self.label) and len(name) > len(self.label):
            self.label = name


@dataclass
class Post:
    person: str                     # entity key
    role: str                       # role slug (roles.ttl)
    title: str                      # title as the gold format writes it
    of: str | None                  # entity key of the state or organization
    to: str | None                  # entity key of what it is accredited to (state, organization, city)
    span: Span
    confidence: float
    topic: str | None = None        # for "Minister of Energy": "Energy"
    past: bool = False              # "previously served as": not attested on the article's date


@dataclass
class Event:
    key: str
    label: str
    kind: str                       # Summit, Meeting, Concert, Training, Session, CulturalEvent
    named: bool
    date: dt.date | None
    end_date: dt.date | None
    venue: str | None
    city: str | None
    span: Span
    confidence: float
    parent: str | None = None
    organizer: str | None = None
    ordinal: int | None = None


@dataclass
class Participation:
    event: str
    participant: str
    role: str                       # speaker, attendee, performer
    capacity: list[str]             # post indexes as "post:<n>"
    span: Span
    confidence: float
    on_behalf_of: str | None = None


@dataclass
class Membership:
    member: str
    organization: str
    status: str                     # member, observer, chair
    span: Span
    confidence: float
    date: dt.date | None = None
    since: str | None = None        # a year the membership started ("observer since 2018")


@dataclass
class Figure:
    subject: str
    counterparty: str | None
    measure: str                    # trade-volume, exports, imports, investment
    value: float
    unit: str                       # usd-billion, usd-million
    period: str | None
    span: Span
    confidence: float


@dataclass
class Extraction:
    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    chair_of: dict[str, tuple[str, str]] = field(default_factory=dict)  # behalf key -> (state, org)

    def label(self, key: str | None) -> str | None:
        return None if key is None else self.entities[key].label


# ------------------------------------------------------------------------------------------ dates

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday"])}
_MON = r"(?P<mon{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|and|until|through)\s*"
_DATE_PATTERNS = [
    # 13-14 January 2026 / 13 and 14 January / 30 November - 1 December 2025
    re.compile(rf"\b(?P<d1>\d{{1,2}}){_ORD}(?:\s+{_MON.format(n=1)})?{_DASH}(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON.format(n=2)}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"),
    # January 13-14, 2026 / January 13, 2026 / January 13
    re.compile(rf"\b{_MON.format(n=2)}\s+(?P<d1>\d{{1,2}}){_ORD}(?:{_DASH}(?:{_MON.format(n=3)}\s+)?(?P<d2>\d{{1,2}}){_ORD})?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"),
    # 14 January 2026 / 14th of January
    re.compile(rf"\b(?P<d1>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON.format(n=2)}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"),
    re.compile(r"\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"),
    re.compile(r"\b(?P<dd>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<yy>(?:19|20)\d\d)\b"),
]
_RELATIVE = re.compile(
    r"\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow)\b"
    r"|\b(?:(?P<which>last|this|next|coming|past)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|shall|is\s+(?:to|due|scheduled|set|expected)|are\s+(?:to|due|scheduled|set|expected)|"
                     r"to\s+be\s+held|upcoming|plans?\s+to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date
    end_date: dt.date | None
    relative: bool


def _year_for(month: int, day: int, ref: dt.date) -> int:
    """The year of a day and month written without one: the article's, or the one before when
    that would put the date more than six months after the article."""
    try:
        candidate = dt.date(ref.year, month, day)
    except ValueError:
        return ref.year
    return ref.year - 1 if (candidate - ref).days > 183 else ref.year


def find_dates(text: str, ref: dt.date, *, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date expressions of ``text[start:end]`` resolved against the article's date ``ref``.

    >>> ref = dt.date(2026, 1, 16)   # a Friday
    >>> [(m.date.isoformat(), m.end_date and m.end_date.isoformat())
    ...  for m in find_dates("held on 13-14 January 2026, then on Friday and yesterday", ref)]
    [('2026-01-13', '2026-01-14'), ('2026-01-16', None), ('2026-01-15', None)]
    >>> [m.date.isoformat() for m in find_dates("The forum will open on Monday.", ref)]
    ['2026-01-19']
    >>> [m.date.isoformat() for m in find_dates("On December 3 the envoys met.", ref)]
    ['2025-12-03']
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    found: list[DateMention] = []
    taken: list[Span] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(chunk):
            s, e = m.start() + start, m.end() + start
            if any(s < b and a < e for a, b in taken):
                continue
            g = m.groupdict()
            try:
                if g.get("iso"):
                    d1 = dt.date.fromisoformat(g["iso"])
                    d2 = None
                elif g.get("dd"):
                    d1 = dt.date(int(g["yy"]), int(g["mm"]), int(g["dd"]))
                    d2 = None
                else:
                    month2 = MONTHS[g["mon2"].lower().rstrip(".")]
                    month1 = MONTHS[g["mon1"].lower().rstrip(".")] if g.get("mon1") else month2
                    day1 = int(g["d1"])
                    year = int(g["y"]) if g.get("y") else _year_for(month1, day1, ref)
                    if g.get("mon3"):
                        d1, d2 = dt.date(year, month2, day1), dt.date(year, MONTHS[g["mon3"].lower().rstrip(".")], int(g["d2"]))
                    elif pattern is _DATE_PATTERNS[1]:
                        d1 = dt.date(year, month2, day1)
                        d2 = dt.date(year, month2, int(g["d2"])) if g.get("d2") else None
                    else:
                        d1 = dt.date(year, month1, day1)
                        d2 = dt.date(year, month2, int(g["d2"])) if g.get("d2") else None
                    if d2 is not None and d2 < d1:
                        d2 = None
            except (ValueError, KeyError):
                continue
            taken.append((s, e))
            found.append(DateMention(s, e, d1, d2, False))
    for m in _RELATIVE.finditer(chunk):
        s, e = m.start() + start, m.end() + start
        if any(s < b and a < e for a, b in taken):
            continue
        if m.group("rel"):
            word = m.group("rel").lower()
            delta = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}.get(word, -2)
            found.append(DateMention(s, e, ref + dt.timedelta(days=delta), None, True))
            continue
        # a weekday right before a written date ("on Friday, 16 January") is that date's
        if any(a >= e and a - e <= 3 for a, _ in taken):
            continue
        wd = WEEKDAYS[m.group("wd").lower()]
        which = (m.group("which") or "").lower()
        sentence_start = max(chunk.rfind(".", 0, m.start()), chunk.rfind("\n", 0, m.start())) + 1
        future = which in ("next", "coming") or bool(_FUTURE.search(chunk[sentence_start:m.start()]))
        if future:
            days = (wd - ref.weekday()) % 7 or (7 if which == "next" else 0)
            found.append(DateMention(s, e, ref + dt.timedelta(days=days), None, True))
        else:
            days = (ref.weekday() - wd) % 7 or (7 if which in ("last", "past") else 0)
            found.append(DateMention(s, e, ref - dt.timedelta(days=days), None, True))
    return sorted(found, key=lambda d: d.start)


# ------------------------------------------------------------------------------- phrase classes

_ORG_HEADS = ("Institute", "Institution", "Center", "Centre", "Committee", "Ministry", "Agency", "Foundation",
              "Association", "Union", "Council", "Academy", "University", "Fund", "Chamber", "Assembly",
              "Office", "Parliament", "Secretariat", "Federation", "Society", "Organization", "Organisation",
              "Administration", "Embassy", "Mission", "Consulate", "Commission", "Bank", "Directorate",
              "Service", "Presidency", "Cabinet", "Government", "Majlis", "Mejlis", "Senate", "Board", "Maslahaty", "Kenesh", "Mazhilis",
              "Meclisi", "Parliament", "Orchestra", "Ensemble", "Choir", "Troupe")
_VENUE_HEADS = ("Hall", "Palace", "Hotel", "Theater", "Theatre", "Opera", "Museum", "Library", "Stadium",
                "Arena", "Residence", "Gallery", "Park", "Square", "Complex", "Pavilion", "Auditorium", "Monastery",
                "Palais", "Castle", "Cathedral", "Mosque", "Church", "Villa", "Headquarters", "Mausoleum", "Memorial",
                "Monument", "Tomb", "Stadium", "Hippodrome")
_EVENT_HEADS = {
    "Summit": "Summit", "Forum": "Meeting", "Conference": "Meeting", "Meeting": "Meeting",
    "Festival": "CulturalEvent", "Concert": "Concert", "Exhibition": "CulturalEvent",
    "Program": "Training", "Programme": "Training", "Training": "Training", "Session": "Session",
    "Congress": "Meeting", "Week": "CulturalEvent", "Ceremony": "CulturalEvent", "Reception": "Meeting",
    "Symposium": "Meeting", "Seminar": "Training", "Workshop": "Training", "Games": "CulturalEvent",
    "Days": "CulturalEvent", "Olympiad": "CulturalEvent", "Celebration": "CulturalEvent",
    "Round Table": "Meeting", "Roundtable": "Meeting", "Dialogue": "Meeting", "Fair": "CulturalEvent",
    "Commemoration": "CulturalEvent", "Gala": "Concert", "Evening": "CulturalEvent",
}
# words that start a sentence or a clause and are never part of a name
_STOP = {
    "The", "A", "An", "In", "On", "At", "By", "For", "Of", "To", "And", "But", "As", "With", "From", "During",
    "After", "Before", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "It", "He", "She",
    "They", "We", "Our", "Also", "Earlier", "Later", "Meanwhile", "Within", "Under", "Addressing", "Speaking",
    "According", "Following", "Among", "Besides", "Moreover", "However", "Furthermore", "In", "Mr", "Mrs",
    "Ms", "Dr", "Prof", "Madam", "Excellency", "H", "E", "HE", "Minister", "Ambassador", "Secretary",
    "General", "President", "Deputy", "Foreign", "Affairs", "Permanent", "Representative", "Consul",
    "Chairman", "Chairwoman", "Chairperson", "Head", "Director", "Prime", "Vice", "Turkic", "World",
    "Republic", "State", "States", "Member", "Members", "Observer", "Observers", "Chair", "Chairmanship",
    "Today", "Yesterday", "Tomorrow", "Photo", "Source", "Read", "More", "See", "All", "Both", "Each",
    "Guests", "Participants", "Speakers", "Delegations", "Heads", "Representatives", "Ambassadors",
    "There", "Here", "When", "While", "Where", "Which", "Who", "What", "Why", "How", "Not", "No", "Yes",
    "Extraordinary", "Plenipotentiary", "Acting", "Former", "Honorary", "Executive", "Senior", "Special",
    "Envoy", "Official", "Officials", "Speaker", "Rector", "Governor", "Mayor", "Akim", "Hokim", "Chief",
    "Embassy", "Ministry", "Day", "Week", "Year", "Summit", "Forum", "Meeting", "Council", "Office",
    "Welcoming", "Opening", "Closing", "Thanks", "Greetings", "Congratulating", "Noting", "Stressing",
    "Recalling", "Highlighting", "Emphasizing", "Underlining", "Concluding", "Together", "Finally",
    "First", "Second", "Third", "Then", "Next", "Since", "Until", "Some", "Many", "Several", "Other",
    "Cultural", "Culture", "Diaspora", "National", "International", "Independence", "Constitution",
    "Nowruz", "Novruz", "Ramadan", "Eid", "Capital", "Excellencies", "Distinguished", "Dear", "Ladies",
    "Gentlemen", "Kindly", "Please", "Program", "Programme", "Session", "Concert", "Gala",
}
_TOPICS = {"Culture", "Information", "Tourism", "Education", "Science", "Energy", "Economy", "Finance", "Trade",
           "Industry", "Agriculture", "Health", "Defense", "Defence", "Justice", "Interior", "Labour", "Labor",
           "Transport", "Digital", "Development", "Sports", "Sport", "Youth", "Ecology", "Environment", "Emergency",
           "Internal", "Social", "Protection", "Investment", "Investments", "Innovation", "Communications", "Media",
           "Family", "Religious", "Integration", "Technology", "Technologies", "Policy", "Relations"}
_STOP |= {m.capitalize() for m in MONTHS} | {d.capitalize() for d in WEEKDAYS} | _TOPICS | {
    "Professor", "Academician", "Governor", "Mayor", "Rector", "Consulate", "Parliament", "Speaker"}
_HONORIFIC = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Madam|Mme)\.?\s+|\bH\.\s?E\.\s+|\bHis Excellency\s+|\bHer Excellency\s+)$")
_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-ÞĀ-ſƏЀ-Я][a-zß-öø-ÿā-ſəа-яё'’]+(?:-[A-ZÀ-ÖØ-ÞĀ-ſƏЀ-Я]?[a-zß-öø-ÿā-ſəа-яё'’]+)*|[A-Z]\.)"
_PARTICLE = r"(?:van|der|von|de|del|bin|ibn|al|ogly|oglu|oğlu|kyzy|uulu|qizi)"
_PERSON_RE = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_TOKEN}){{1,6}}")
_MARK_LO, _MARK_HI = 0xF0000, 0x10FFFD        # markers: supplementary private use planes
_MARKCHR = "[\U000F0000-\U0010FFFD]"
_CAP_WORD = r"(?:\d+(?:st|nd|rd|th)\b|[IVXL]+\b|[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w'’.&-]*|" + _MARKCHR + r"\uf8ff*)"
_CONNECT = r"(?:of|for|on|and|the|de|in|at|to|with)"

_MARK = _MARKCHR + r"\uf8ff*"
_PRIVATE = re.compile("[\ue000-\uf8ff\U000F0000-\U0010FFFF]")


def is_marker(ch: str) -> bool:
    """Whether a character of the masked text stands for a mention.

    >>> is_marker(_marker(3, 1)), is_marker("A")
    (True, False)
    """
    return bool(ch) and _MARK_LO <= ord(ch[0]) <= _MARK_HI


def _marker(n: int, length: int) -> str:
    return chr(_MARK_LO + n) + "\uf8ff" * (length - 1)


class _Reader:
    """The state of one extraction: mentions, the masked text, entities."""

    def __init__(self, article: Article, gz: Gazetteer):
        self.article = article
        self.text = article.text
        self.gz = gz
        self.out = Extraction(article)
        self.mentions: list[tuple[int, int, str, str]] = []   # (start, end, entity key, kind as used)
        self.slots: list[tuple[int, int, str, str]] = []      # every mention ever made, by marker number
        # the masked copy: private-use characters of the text itself become spaces (same offsets)
        self.plain = _PRIVATE.sub(" ", self.text)
        self.masked = list(self.plain)
        self.owner = [-1] * len(self.text)
        self._draft = 0
        self.alternatives: dict[Span, dict[str, tuple[str, str]]] = {}   # span -> kind -> (iri, label)
        self.datelines: list[Span] = []
        self.titled: dict[str, str] = {}

    # ---------------------------------------------------------------- entities and mentions
    def entity(self, kind: str, label: str, span: Span, *, known: str | None = None, unique: bool = False) -> str:
        if known is not None:
            key = known
        elif unique:
            self._draft += 1
            key = f"new:{kind.lower()}:{self._draft}:{slugify(label)}"
        elif kind == "Event":
            fl = variant_key(label)
            key = next((k for k, e in self.out.entities.items() if e.kind == "Event" and (
                variant_key(e.label) == fl or variant_key(e.label).startswith(fl + " ")
                or fl.startswith(variant_key(e.label) + " "))), "")
            if not key:
                self._draft += 1
                key = f"new:event:{self._draft}:{slugify(label)}"
        else:
            vk = variant_key(label)
            key = next((k for k, e in self.out.entities.items()
                        if e.kind == kind and e.known_iri is None and variant_key(e.label) == vk), "")
            if not key:
                self._draft += 1
                key = f"new:{kind.lower()}:{self._draft}:{slugify(label)}"
        ent = self.out.entities.get(key)
        if ent is None:
            ent = self.out.entities[key] = Entity(key, kind, label, known_iri=known)
        ent.add(label, span)
        return key

    def mention(self, start: int, end: int, key: str, kind: str) -> None:
        if not self.free(start, end) or _MARK_LO + len(self.slots) > _MARK_HI:
            return
        m = (start, end, key, kind)
        self.mentions.append(m)
        self.slots.append(m)
        n = len(self.slots) - 1
        self.masked[start:end] = list(_marker(n, end - start))
        self.owner[start:end] = [n] * (end - start)

    def remove(self, m: tuple[int, int, str, str]) -> None:
        """Forget a mention (a longer phrase took its place): its text comes back in the masked copy."""
        self.mentions.remove(m)
        s, e = m[0], m[1]
        self.masked[s:e] = list(self.plain[s:e])
        self.owner[s:e] = [-1] * (e - s)

    def free(self, start: int, end: int) -> bool:
        return all(o < 0 for o in self.owner[start:end])

    def at(self, pos: int) -> tuple[int, int, str, str] | None:
        ch = self.masked[pos]
        if is_marker(ch):
            return self.slots[ord(ch) - _MARK_LO]
        return None

    def window(self, start: int, end: int) -> str:
        """A stretch of the masked copy as it is now."""
        return "".join(self.masked[max(0, start):max(0, end)])

    def inside(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """The live mentions lying within [start, end)."""
        ids = sorted({o for o in self.owner[start:end] if o >= 0})
        return [self.slots[i] for i in ids if start <= self.slots[i][0] and self.slots[i][1] <= end]

    @property
    def masked_text(self) -> str:
        return "".join(self.masked)


def _known_hits(reader: _Reader) -> None:
    order = {"State": 0, "Organization": 1, "City": 2, "Venue": 3, "Person": 4, "Demonym": 5}
    hits = sorted(reader.gz.scan(reader.text), key=lambda h: (h.start, -(h.end - h.start), order.get(h.kind, 9)))
    chosen: list[NameHit] = []
    for h in hits:
        if chosen and h.start < chosen[-1].end:
            if (h.start, h.end) == (chosen[-1].start, chosen[-1].end):
                reader.alternatives.setdefault((h.start, h.end), {}).setdefault(h.kind, (h.iri, h.text))
            continue
        chosen.append(h)
    for h in chosen:
        if h.kind == "Demonym":
            # a demonym refers to the state (where a title follows) but is not one of its names
            if h.iri not in reader.out.entities:
                reader.out.entities[h.iri] = Entity(h.iri, "State", reader.gz.short_names.get(h.iri, h.label),
                                                    known_iri=h.iri)
            reader.mention(h.start, h.end, h.iri, "Demonym")
            continue
        key = reader.entity(h.kind, h.text, (h.start, h.end), known=h.iri)
        ent = reader.out.entities[key]
        if ent.kind == "State" and not ent.names[:-1] and ent.label != h.text and len(ent.names) == 1:
            ent.label = h.text
        reader.mention(h.start, h.end, key, h.kind)


def _phrase_end(masked: str, pos: int) -> int:
    """Extend a capitalized phrase to the right over ``of/for/on/and/the`` + capitalized words."""
    m = re.compile(rf"(?:\s+(?:{_CONNECT}\s+)*{_CAP_WORD})*").match(masked, pos)
    end = m.end() if m else pos
    # do not end on a connector, nor swallow "in <City>" / "to <State>" tails of venues and posts
    return end


_LEFT_STOP = {
    "The", "A", "An", "In", "On", "At", "By", "For", "Of", "To", "And", "But", "As", "With", "From", "During",
    "After", "Before", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "It", "He", "She", "They",
    "We", "Our", "Also", "Earlier", "Later", "Meanwhile", "Within", "Under", "Addressing", "Speaking", "According",
    "Following", "Among", "Besides", "Moreover", "However", "Mr", "Mrs", "Ms", "Dr", "Minister", "Ambassador",
    "Secretary", "President", "Deputy", "Permanent", "Representative", "Consul", "Chairman", "Head", "Director",
    "Prime", "Speaker", "Today", "Yesterday", "Tomorrow", "Then", "Next", "Since", "Until", "When", "While",
} | {m.capitalize() for m in MONTHS} | {d.capitalize() for d in WEEKDAYS}
_TITLE_WORDS = r"Minister|Ambassador|President|Secretary|Deputy|Vice|Chairman|Chairwoman|Chairperson|Consul|Permanent|Prime|Speaker|Director|Head|Governor|Mayor"
_QUOTED = re.compile(r"[\"“«]([^\"”»\n]{2,80})[\"”»]")
_TITLED = re.compile(r"\b(?:titled|entitled|called|named|under\s+the\s+(?:title|motto|name))\s+[\"“«]([^\"”»\n]{2,80})[\"”»]"
                     r"|[\"“«]([^\"”»\n]{2,80})[\"”»](?=\s+(?:program(?:me)?|festival|forum|exhibition|project|competition|contest|"
                     r"conference|campaign|marathon|games|olympiad|tournament)\b)", re.I)
_VENUE_NOUNS = r"(?:concert\s+hall|hall|palace|hotel|centre|center|museum|theat(?:er|re)|residence|building|headquarters|premises|complex|library|gallery)"


_PHRASE_TAIL = re.compile(rf"(?:\s+(?:of|for|on|and)\s+(?:the\s+)?{_CAP_WORD}(?:\s+{_CAP_WORD})*)*")


def base_kind(head: str) -> str:
    """The kind of a phrase's head word: Event, Venue or Organization."""
    base = head[:-1] if head.endswith("s") and head[:-1] in (*_EVENT_HEADS, *_ORG_HEADS, *_VENUE_HEADS) else head
    if base in _EVENT_HEADS:
        return "Event"
    if base in _VENUE_HEADS:
        return "Venue"
    return "Organization"


def _phrases(reader: _Reader) -> None:
    """Unknown organizations, venues and named events: capitalized phrases with a head word;
    quoted titles of events; places after "at"."""
    text = reader.text
    # a title in quotes after "titled" names an event ("an exhibition titled 'Common Roots'")
    for m in _TITLED.finditer(text):
        g = 1 if m.group(1) else 2
        if reader.free(m.start(g), m.end(g)):
            key = reader.entity("Event", m.group(g).strip(), (m.start(g), m.end(g)))
            reader.mention(m.start(g), m.end(g), key, "Event")
            noun = re.search(r"(exhibition|festival|concert|conference|forum|seminar|training|meeting|ceremony|"
                             r"competition|contest|evening)\b[^.]{0,80}$", text[max(0, m.start() - 120):m.start()], re.I) or \
                re.match(r"[\"”»]\s+(exhibition|festival|forum|conference|competition|contest|program(?:me)?)", text[m.end(g):], re.I)
            reader.titled[key] = _event_kind(noun.group(1)) if noun else "CulturalEvent"
    masked = reader.masked_text
    heads = sorted([*_EVENT_HEADS, *_ORG_HEADS, *_VENUE_HEADS], key=len, reverse=True)
    head_re = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + r")s?\b")
    for m in head_re.finditer(masked):
        if not reader.free(m.start(), m.end()):
            continue
        left = m.start()
        while True:
            off = max(0, left - 300)
            lm = re.search(rf"(?:{_CAP_WORD})(?:[-–]|(?:\s+(?:of|and|for|on|the)(?=\s))?\s+)$", reader.window(off, left))
            if not lm:
                break
            word = lm.group(0).split()[0]
            if word in _LEFT_STOP or word[:1].islower():
                break
            if not is_marker(word[:1]) and re.sub(r"['’]s$", "", word) != word:
                break
            left = off + lm.start()
            if left == 0:
                break
        right = m.end()
        tail = _PHRASE_TAIL.match(reader.window(right, right + 400))
        if tail:
            right += tail.end()
        # never past a state or organization into a name ("… of the Kyrgyz Republic Adylbek Kasymaliev"),
        # nor into a coordinated title ("… and Minister of Foreign Affairs")
        stop = re.search(rf"(?:{_MARK})(?=\s+(?-i:[A-ZÀ-ÖØ-ÞĀ-ſ]))|\s+and\s+(?:the\s+)?(?:{_TITLE_WORDS})\b",
                         reader.window(m.end(), right))
        if stop and is_marker(stop.group(0)[:1]):
            sm_ = reader.at(m.end() + stop.start())
            if sm_ is not None and sm_[3] == "Demonym":
                stop = None
        if stop:
            right = m.end() + (stop.end() if is_marker(stop.group(0)[:1]) else stop.start())
        if base_kind(m.group(0)) == "Event":
            in_state = re.match(rf"\s+in\s+({_MARK})", reader.window(right, right + 80))
            if in_state:
                sm_ = reader.at(right + in_state.start(1))
                if sm_ is not None and sm_[3] == "State":
                    right += in_state.end()
        # never into a date, a weekday or a title ("Concert on Tuesday", "Forum of Ambassador X")
        cut = re.search(r"\s+(?:of|for|on|and)\s+(?:the\s+)?(?:" + "|".join(
            [*(mo.capitalize() for mo in MONTHS), *(d.capitalize() for d in WEEKDAYS), r"\d"]) + r")", reader.window(m.end(), right))
        if cut:
            right = m.end() + cut.start()
        if base_kind(m.group(0)) == "Venue" and right == m.end():
            more = re.match(r"(?:\s+(?-i:[A-Z][\w'’-]+)){1,3}", reader.window(right, right + 200))
            if more and not any(w in _LEFT_STOP for w in more.group(0).split()):
                right += more.end()
        if left == m.start() and right == m.end():
            continue   # a head word alone ("the Summit") is not a name
        phrase = text[left:right]
        if phrase[:1].islower():
            continue
        # the kind is the last head word before the first "of" ("Summit of the OTS": an event;
        # "Congress and Culture Center": a building)
        core = re.split(r"\s+of\s+", reader.window(left, right), maxsplit=1)[0]
        heads_in = [h.group(0) for h in head_re.finditer(core)] or [m.group(0)]
        kind = base_kind(heads_in[-1])
        inner = reader.inside(left, right)
        start = left
        if text[start:start + 4] in ("the ", "The "):
            start += 4
        for mm in inner:
            reader.remove(mm)
        key = reader.entity(kind, text[start:right], (start, right))
        reader.mention(start, right, key, kind)
        # "(YTB)" after a name is its acronym
        acr = re.match(r"\s*\(([A-ZÀ-ÞÜÖİ][A-Za-zÀ-ÿİıÜÖ.-]{1,9})\)", text[right:])
        if acr:
            a_s, a_e = right + acr.start(1), right + acr.end(1)
            for mm in reader.inside(a_s, a_e):
                reader.remove(mm)
            reader.out.entities[key].add(acr.group(1), (a_s, a_e))
            reader.out.entities[key].label = text[start:right]
            reader.mention(a_s, a_e, key, kind)
    # places after "at": "at the Carmelite Monastery", "at the CSO Ada Ankara concert hall",
    # "at the TURKSOY headquarters"
    masked = reader.masked_text
    for m in re.finditer(rf"\bat\s+(?:the\s+)?((?:{_CAP_WORD})(?:\s+(?:{_CAP_WORD}))*)(?:\s+({_VENUE_NOUNS}))?(?=[\s,.;:)]|$)", masked):
        body_s, body_e = m.start(1), m.end(1)
        words = m.group(1).split()
        if words[0] in _LEFT_STOP or not words:
            continue
        inner = reader.inside(body_s, body_e)
        noun = m.group(2)
        if len(inner) == 1 and (inner[0][0], inner[0][1]) == (body_s, body_e):
            if not noun or inner[0][3] not in ("Organization", "State"):
                continue   # a known entity alone: handled where events take their places
        elif inner and all(mm[3] == "City" for mm in inner) and not noun and len(words) == 1:
            continue
        if any(mm[3] in ("Person", "Event", "Venue") for mm in inner):
            continue
        if any(w in _STOP for w in words if not is_marker(w[:1])) and not noun:
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


def _persons(reader: _Reader) -> None:
    masked = reader.masked_text
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(reader.text)]
    for m in _PERSON_RE.finditer(masked):
        tokens = [(t.start() + m.start(), t.end() + m.start()) for t in re.finditer(rf"{_NAME_TOKEN}|{_PARTICLE}", m.group(0))]
        while tokens and masked[tokens[0][0]:tokens[0][1]].rstrip(".") in _STOP | {"Mr", "Mrs", "Ms", "Dr", "Prof", "Professor"}:
            tokens = tokens[1:]
        while tokens and masked[tokens[-1][0]:tokens[-1][1]] in _STOP:
            tokens = tokens[:-1]
        while tokens and re.fullmatch(_PARTICLE, masked[tokens[0][0]:tokens[0][1]]):
            tokens = tokens[1:]
        words = [masked[a:b] for a, b in tokens]
        caps = [w for w in words if not re.fullmatch(_PARTICLE, w)]
        if len(caps) < 2 or len(caps) > 4 or any(w in _STOP for w in caps):
            continue
        start, end = tokens[0][0], tokens[-1][1]
        if any(a <= start < b for a, b in quoted):
            continue
        if re.search(r"\bat\s+(?:the\s+)?$|\bthe\s+$", masked[max(0, start - 8):start], re.I):
            continue   # "at the Carmelite Monastery" is a place; "the Middle Corridor" is no one
        name = reader.text[start:end]
        if name.endswith("’s") or name.endswith("'s"):
            end -= 2
            name = reader.text[start:end]
        if not reader.free(start, end) or re.search(r"\b[A-Z]\.$", name):
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


# ------------------------------------------------------------------------------------- posts

_TITLE_RE = re.compile("|".join(f"(?P<t{i}>{p})" for i, (p, _r, _t) in enumerate(ROLE_TITLES)))
_LOWER_OK = {"ambassador", "president", "foreign minister", "deputy foreign minister", "consul general",
             "secretary general", "secretary-general", "prime minister", "permanent representative"}


def _titles(reader: _Reader) -> list[dict]:
    """Every role title with what it is of and accredited to, in text order."""
    masked = reader.masked_text
    found: list[dict] = []
    for m in re.finditer(rf"(?i:{_TITLE_RE.pattern})", masked):
        t = m.group(0)
        idx = next(i for i in range(len(ROLE_TITLES)) if m.group(f"t{i}") is not None)
        _p, role, title = ROLE_TITLES[idx]
        lower = t[:1].islower()
        if not reader.free(m.start(), m.end()):
            continue
        start, end = m.start(), m.end()
        rec: dict = {"role": role, "title": title, "span": (start, end), "of": None, "to": None, "pre": None,
                     "topic": None, "title_span": (start, end)}
        extra = re.search(r"Foreign\s+Affairs\s+and\s+(.+)$", t)
        if role == "minister-of-foreign-affairs" and extra:
            rec["title"] = "Minister of Foreign Affairs and " + " ".join(extra.group(1).split())
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
        # before: "Kazakh", "Kazakhstan's", "OTS", "the Turkish"
        off = max(0, start - 300)
        pre = re.search(rf"({_MARK})(?:['’]s)?\s+$", masked[off:start])
        if pre:
            mention = reader.at(off + pre.start(1))
            if mention and mention[3] in ("State", "Demonym", "Organization"):
                rec["pre"] = mention[2]
                rec["span"] = (off + pre.start(1), end)
        # after: "of <E>", "to/in <E>"
        pos = end
        of = re.match(rf"\s+of\s+(?:the\s+)?({_MARK})", masked[pos:])
        if of:
            mention = reader.at(pos + of.start(1))
            if mention and (mention[3] in ("State", "Organization", "Demonym")
                            or (mention[3] == "City" and title in ("Governor", "Mayor"))):
                rec["of"] = mention[2]
                pos += of.end()
        to = re.match(rf"\s+(?:to|in|at)\s+(?:the\s+)?({_MARK})", masked[pos:])
        if to and not (rec["pre"] is None and rec["of"] is None and role in ("president", "chairman", "minister")):
            mention = reader.at(pos + to.start(1))
            if mention and mention[3] in ("State", "Organization", "City"):
                rec["to"] = mention[2]
                pos += to.end()
                # "and other international organizations in Vienna" after an organization
                extra = re.match(r"\s+and\s+(?:the\s+)?other\s+international\s+organi[sz]ations\s+in\s+" + f"({_MARK})",
                                 masked[pos:], re.I)
                if extra:
                    pos += extra.end()
        if rec["of"] is None and rec["pre"] is None:
            # "The Hungarian delegation was headed by Minister …": the delegation's state
            led = re.search(rf"({_MARK})\s+(?:delegation|side|team)\s+(?:was\s+|is\s+)?(?:headed|led)\s+by\s+(?:the\s+)?$",
                            masked[max(0, start - 120):start])
            if led:
                mention = reader.at(max(0, start - 120) + led.start(1))
                if mention and mention[3] in ("State", "Demonym"):
                    rec["pre"] = mention[2]
        if rec["of"] is None and rec["pre"] is not None:
            rec["of"] = rec["pre"]
        if lower and rec["of"] is None and rec["to"] is None:
            continue   # "the minister said": a lower-case title names no post
        rec["span"] = (rec["span"][0], pos)
        found.append(rec)
    return found


def _owner_ok(reader: _Reader, rec: dict) -> bool:
    kinds = {None: None}
    of_kind = reader.out.entities[rec["of"]].kind if rec["of"] else None
    del kinds
    role = rec["role"]
    if rec["title"] in ("Governor", "Mayor"):
        return of_kind in ("City", "State")
    if role in ("ambassador", "permanent-representative", "consul-general", "prime-minister",
                "minister-of-foreign-affairs", "deputy-minister-of-foreign-affairs", "minister"):
        return of_kind == "State" or (role == "minister" and of_kind is not None)
    return of_kind in ("State", "Organization")


_HONOR = r"(?:(?:H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Ambassador)\s+)?"
_SERVES = (r"\s+(?:\w+\s+)?(?:(?:serves|served|works|worked|acts|acted|has\s+served|had\s+served|will\s+serve)\s+(?:\w+\s+)?as"
           r"|is|was|remains|became|has\s+been|had\s+been)\s+(?:also\s+|now\s+|currently\s+)?(?:the\s+|an?\s+)?$")


def _person_at(reader: _Reader, pos: int) -> str | None:
    mention = reader.at(pos)
    return mention[2] if mention and mention[3] == "Person" else None


def _posts(reader: _Reader) -> None:
    masked = reader.masked_text
    titles = _titles(reader)
    # coordination: "<title …> and <title …>" is one person's, and shares "of" when missing —
    # unless the second title is directly followed by a name (then it is that person's courtesy title)
    for a, b in zip(titles, titles[1:]):
        between = masked[a["span"][1]:b["title_span"][0]]
        dash = re.fullmatch(r"\s*[–—-]\s*", between) is not None     # "Deputy Prime Minister – Minister of Trade"
        if not dash and not re.fullmatch(r"\s*(?:,\s*)?and\s+(?:the\s+|also\s+|concurrently\s+)?", between):
            continue
        nxt = re.match(rf"\s*({_MARK})", masked[b["span"][1]:b["span"][1] + 40])
        if not dash and nxt and _person_at(reader, b["span"][1] + nxt.start(1)):
            continue
        b["coordinated"] = a
        if b["of"] is None and b["pre"] is None:
            b["of"] = a["of"]
    chains: list[list[dict]] = []
    for rec in titles:
        if rec.get("coordinated") is not None:
            chains[-1].append(rec)
        else:
            chains.append([rec])
    for chain in chains:
        first, last = chain[0], chain[-1]
        s, e = first["span"][0], last["span"][1]
        person, confidence, past = None, 0.9, False
        after = re.match(rf"\s*(,)?\s*{_HONOR}({_MARK})", masked[e:])
        off = max(0, s - 300)
        before = re.search(rf"({_MARK})\s*(?:,|\(|–|-)\s*(?:the\s+|who\s+is\s+(?:the\s+)?|as\s+(?:the\s+)?|now\s+)?"
                           r"(?:(?:newly[\s-]+appointed|new|current|incumbent|acting|outgoing|former)\s+)?$", masked[off:s])
        serves = re.search(rf"({_MARK}){_SERVES}", masked[off:s])
        cand_after = _person_at(reader, e + after.start(2)) if after else None
        cand_before = _person_at(reader, off + before.start(1)) if before else None
        if cand_after and not after.group(1):
            person = cand_after
        elif serves and _person_at(reader, off + serves.start(1)):
            person, confidence = _person_at(reader, off + serves.start(1)), 0.85
            past = bool(re.search(r"\b(?:served|was|worked|acted|had\s+served|previously|formerly)\b", serves.group(0)))
        elif cand_before:
            person, confidence = cand_before, 0.85
        elif cand_after:
            person, confidence = cand_after, 0.8
        if person is None:
            continue
        if re.search(r"\b(?:former|ex|outgoing|late)\s*-?\s*$", masked[max(0, s - 12):s], re.I):
            past = True
        for rec in chain:
            courtesy = rec["of"] is None and rec["to"] is None and rec["pre"] is None
            portfolio = rec["role"] in ("deputy-minister-of-foreign-affairs", "minister-of-foreign-affairs") or (
                rec["role"] == "minister" and " of " in rec["title"])
            if courtesy and not portfolio:
                continue
            if rec["of"] is not None and not _owner_ok(reader, rec):
                continue
            if rec["role"] in ("ambassador", "permanent-representative", "consul-general") and rec["of"] is None:
                continue
            conf = confidence
            if rec["role"] == "ambassador" and rec["to"] is None:
                conf -= 0.15
            if rec["of"] is None:
                conf = 0.6
            post = Post(person=person, role=rec["role"], title=rec["title"], of=rec["of"], to=rec["to"],
                        span=rec["span"], confidence=round(conf, 2), topic=rec["topic"], past=past)
            if not any(p.person == post.person and p.role == post.role and p.title == post.title and p.of == post.of
                       and p.to == post.to for p in reader.out.posts):
                reader.out.posts.append(post)


# ------------------------------------------------------------------------------------- events

_UNNAMED = [
    (re.compile(r"\b(?:present(?:ed|s|ing)|hand(?:ed|s|ing)(?:\s+over)?|submit(?:ted|s))\s+(?:(?:his|her|their)\s+)?(?:(?:an?\s+)?cop(?:y|ies)\s+of\s+(?:(?:his|her|the)\s+)?)?(?:letters?\s+of\s+)?(?:credentials|credence)\b", re.I),
     "Meeting", "presentation of credentials"),
    (re.compile(r"\b(?:held|hold|holds|will\s+hold|conducted)\s+(?:\w+\s+){0,2}(?:consultations|negotiations)\b", re.I),
     "Meeting", "consultations"),
    (re.compile(r"([\U000F0000-\U0010FFFD]\uf8ff*)\s+(?:held|holds|convened|opened)\s+(?:its|their|a|an|the)\s+(?:\w+\s+)?(meeting|session|summit|forum|conference|congress|assembly)\b", re.I),
     "Meeting", "org-meeting"),
    (re.compile(r"\b(?:attended|attend|attends|took\s+part\s+in|participated\s+in|joined)\s+the\s+((?:official\s+)?(?:opening|launch|inauguration|unveiling|"
                r"presentation|signing|laying)(?:\s+ceremony)?\s+of\s+[^,.;]{3,80}?)(?=\s+(?:on|at|in|yesterday|today)\b|[,.;]|$)", re.I),
     "CulturalEvent", "opening"),
    (re.compile(r"\bheld\s+(?:a|the)\s+(?:\w+\s+)?(meeting|session)\s+of\s+(?:the\s+)?([\U000F0000-\U0010FFFD]\uf8ff*)", re.I), "Meeting", "meeting-of"),
    (re.compile(r"\b(?:hosted|welcomed|hosts|welcomes)\s+(?:his|her|their)\s+(?:\S+\s+){0,2}?(?:counterpart|colleague|guest)s?\b"
                r"|\b(?:held|holds|hold)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:meeting|talks)\b|\bmet\s+(?:with\s+)?|\bmeets\s+(?:with\s+)?|\breceived\b|\bmeeting\s+(?:with|between)\b|\btalks\s+(?:with|between)\b", re.I),
     "Meeting", "meeting"),
    (re.compile(r"\b(?:organi[sz]ed|held|hosted|staged|arranged|hold|holds|organi[sz]es)\s+(?:a|an)\s+((?:[\w-]+\s+){0,4}?"
                r"(?:evening|concert|exhibition|festival|conference|forum|seminar|round\s?table|ceremony|celebration|"
                r"commemoration|presentation|screening|competition|tournament|workshop|webinar|symposium|gathering|event|"
                r"fair|meeting|training|reception)s?)\b(?:\s+(?:dedicated\s+to|on|devoted\s+to|marking|celebrating)\s+"
                r"[^,.;]{3,80}?(?=\s+(?:on|at|in|yesterday|today|last|this)\b|[,.;]))?", re.I), "CulturalEvent", "organized"),
    (re.compile(r"\b(?:paid|pays|paying|made|makes|began|begins|started|starts|is\s+on|was\s+on|arrived\s+(?:in|at)\s+\S+\s+on)\s+(?:an?\s+|his\s+|her\s+|their\s+)?"
                r"(?:(?:official|state|working|two-day|three-day|first|official\s+working|friendly)\s+)?visit\b(?:\s+to\s+(?:the\s+)?([\U000F0000-\U0010FFFD]\uf8ff*))?", re.I),
     "Meeting", "visit"),
    (re.compile(r"\b(?:held|had|holds|has)\s+(?:a\s+)?(?:telephone|phone|video)\s+(?:conversation|call|talks?|conference)\b|\bspoke\s+(?:by|on\s+the)\s+(?:tele)?phone\b", re.I),
     "Meeting", "call"),
    (re.compile(r"\bpresent(?:ed|s)\s+(?:its|his|her|their|a|the)\s+(?:new\s+|latest\s+)?(?:[\w-]+\s+){0,2}?[\"“«]([^\"”»]{2,80})[\"”»]", re.I),
     "CulturalEvent", "presentation"),
    (re.compile(r"\b(?:a|an|the)\s+(?:official\s+|diplomatic\s+|festive\s+)?reception\b", re.I), "Meeting", "reception"),
    (re.compile(r"\b(?:a|an|the)\s+(?:official\s+|festive\s+|solemn\s+|award\s+|signing\s+|opening\s+|closing\s+)?ceremony\b", re.I), "CulturalEvent", "ceremony"),
    (re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?(?:concert|exhibition|festival)\b", re.I), "CulturalEvent", "cultural event"),
    (re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?(?:meeting|conference|forum|seminar|round\s?table|training)\s+(?:of|on|for|with)\b", re.I), "Meeting", "meeting"),
    (re.compile(r"\b(?:a|an)\s+((?:[\w-]+\s+){0,4}?(?:conference|forum|summit|seminar|workshop|symposium|round\s?table|competition|congress|"
                r"webinar|celebration|gala|tournament|olympiad|contest)s?)\b(?:\s+(?:on|of|for|dedicated\s+to|devoted\s+to)\s+[^,.;]{3,60}?)?"
                r"(?=[,.;]|\s+(?:was|were|took|on|in|at|with|yesterday|today)\b)", re.I), "Meeting", "noun-event"),
]
_SUB = re.compile(r"\b(?:the\s+)?(opening\s+(?:session|ceremony)|closing\s+(?:session|ceremony)|plenary\s+session|panel\s+(?:session|discussion)|"
                  r"interactive\s+sessions?|working\s+session|main\s+(?:training\s+)?(?:program(?:me)?|session|day)|gala\s+concert|official\s+dinner)\b", re.I)
_CONTEXT_LINK = re.compile(r"\b(?:on\s+the\s+sidelines\s+of|within\s+the\s+framework\s+of|as\s+part\s+of|in\s+the\s+framework\s+of|during)\s+(?:the\s+)?$", re.I)
_SPEAK = re.compile(r"\b(?:address(?:ed|es|ing)?|remarks?|speech(?:es)?|spoke|speaking|said|noted|stressed|emphasi[sz]ed|underlined|"
                    r"highlighted|underscored|welcomed|opened|delivered|briefed|presented|informed|pointed\s+out|called|expressed|thanked|"
                    r"congratulated|shared)\b", re.I)
_ATTEND = re.compile(r"\b(?:attended|attending|participation|participated|took\s+part|joined|were\s+present|was\s+present|guests?|"
                     r"present\s+were|also\s+present|credentials|credence|"
                     r"brought\s+together|gathered|represented\s+by|chaired|hosted|hosting|led\s+by|headed\s+by|"
                     r"met|meet|meeting|talks|received|receiving|hosted|welcomed|among\s+those|present(?:ed)?\s+(?:his|her)\s+credentials|"
                     r"present(?:ed)?\s+(?:copies|letters))\b", re.I)
_PERFORM = re.compile(r"\b(?:performed|performances?\s+by|(?:concert|recital)\s+by|performing|sang|played)\b", re.I)
_PLURAL_REF = re.compile(r"^\s*They\b|\b(?:the|both)\s+(?:two\s+)?(?:prime\s+ministers|ministers|foreign\s+ministers|presidents|leaders|heads\s+of\s+state|"
                         r"heads\s+of\s+government|sides|parties|co-chairs|delegations|participants)\b", re.I)
_REFERENCE = re.compile(r"(?:\bon\s+the\s+eve\s+of|\bahead\s+of|\bin\s+preparation\s+for|\bpreparations?\s+for|\bpreparing\s+for|"
                        r"\bupcoming|\bforthcoming|\bnext|\bdecisions\s+(?:of|adopted\s+at|taken\s+at)|\bresults\s+of|\boutcomes?\s+of|"
                        r"\bprevious|\blast\s+year['’]s|\bfollow[\s-]+up\s+(?:to|on)|\bimplementation\s+of|"
                        r"\b(?:ceremony|closing|framework|part|day|session)\s+of)\s+(?:the\s+)?[\"“«]?(?:\w+\s+)?$", re.I)
_PLACE_AT = re.compile(rf"\b(?:at|in)\s+(?:the\s+)?({_MARK})")


def _event_kind(label: str) -> str:
    words = label.split()
    for w in reversed(words):
        base = w.rstrip("s") if w.rstrip("s") in _EVENT_HEADS else w
        if base in _EVENT_HEADS:
            return _EVENT_HEADS[base]
    low = label.lower()
    if "concert" in low:
        return "Concert"
    if "session" in low or "panel" in low:
        return "Session"
    if "program" in low or "training" in low or "seminar" in low:
        return "Training"
    if "summit" in low:
        return "Summit"
    if any(w in low for w in ("ceremony", "festival", "exhibition", "commemoration", "celebration")):
        return "CulturalEvent"
    return "Meeting"


_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Za-z\u00c0-\u024f .'’-]{1,40},?[ \t]+(?:[A-Za-z\u00c0-\u024f]+,?[ \t]+)?"
                       r"(?:\d{1,2}[ \t]+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?[ \t]+\d{1,2})(?:,?[ \t]+\d{4})?[ \t]*(?:\([^)\n]*\))?[ \t]*[–—-]"
                       r"|^[ \t]*[A-Z][A-Z .'-]{2,30}(?:,[ \t]*[A-Z][A-Za-z ]+)?[ \t]*(?:\([^)\n]*\))?[ \t]*[–—-]"
                       r"|^[ \t]*[A-Z][A-Za-z'’-]+(?:[ \t][A-Z][A-Za-z'’-]+)?[,.][ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)"
                       r"(?:,?[ \t]+\d{4})?(?:[ \t]*\([^)\n]*\))?[ \t]*[.–—-]")
_DAY_OF = re.compile(r"\b(?:on\s+)?the\s+(first|second|third|fourth|next|following|same|final|last|closing)\s+day\b", re.I)
_HELD = re.compile(r"^(?:(?:On|In|At|During)\s[^,]{0,60},\s+)?(?:the|a|an)\s+(?P<np>[^,;:]{3,160}?)\s+(?:was|were)\s+(?:held|organi[sz]ed|hosted|staged|opened|launched)"
                   r"|^(?:(?:On|In|At)\s[^,]{0,60},\s+)?(?:the|a|an)\s+(?P<np2>[^,;:]{3,160}?)\s+(?:took\s+place|opened|began|started|commenced|continued)\b", re.I)


def _parse_day_of(word: str, base: Event | None, discourse: dt.date | None) -> dt.date | None:
    word = word.lower()
    if base is not None and base.date is not None:
        offsets = {"first": 0, "second": 1, "third": 2, "fourth": 3}
        if word in offsets:
            return base.date + dt.timedelta(days=offsets[word])
        if word in ("final", "last", "closing") and base.end_date:
            return base.end_date
    if discourse is not None:
        if word in ("next", "following"):
            return discourse + dt.timedelta(days=1)
        if word == "same":
            return discourse
    return None


def _headline(text: str) -> Span | None:
    """The span of a headline: a first paragraph of one short line with no final full stop."""
    m = re.match(r"\s*([^\n]{3,160})\n\s*\n", text)
    if not m or re.search(r"[.!?:]$", m.group(1).strip()) or _DATELINE.match(m.group(1)):
        return None
    return m.start(1), m.start(1) + len(m.group(1).rstrip())


def _events(reader: _Reader) -> None:
    text, masked = reader.text, reader.masked_text
    ref = reader.article.date
    out = reader.out
    datelines = [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
    headline = _headline(text)
    by_start = sorted(reader.mentions)
    dateline_city = None
    for a_, b_ in datelines[:1]:
        for mm in reader.mentions:
            if a_ <= mm[0] < b_ and mm[3] == "City":
                dateline_city = mm[2]
    current: Event | None = None
    main: Event | None = None
    discourse: dt.date | None = None
    posts_by_person: dict[str, list[int]] = {}
    for i, p in enumerate(out.posts):
        posts_by_person.setdefault(p.person, []).append(i)

    last_city: tuple[dt.date, str] | None = None
    pending_start: dict[str, DateMention] = {}

    def place(ev: Event, s: int, sent_masked: str, *, anywhere: bool = False) -> None:
        for pm in _PLACE_AT.finditer(sent_masked):
            mention = reader.at(s + pm.start(1))
            if mention is None or mention[2] == ev.key:
                continue
            if not anywhere and not (ev.span[0] - 100 <= s + pm.start() <= ev.span[1] + 160):
                continue
            if re.search(r"(?:organi[sz]ations|Embassy|Mission|Consulate|based|Representative|Ambassador|residing|living)\s*$",
                         text[max(s, s + pm.start() - 40):s + pm.start()]):
                continue
            ent = out.entities[mention[2]]
            kind = ent.kind
            is_at = pm.group(0).lower().startswith("at")
            alt = reader.alternatives.get(mention[:2], {})
            if is_at and kind == "Organization" and "Venue" in alt:
                vkey = reader.entity("Venue", alt["Venue"][1], mention[:2], known=alt["Venue"][0])
                ent, kind = out.entities[vkey], "Venue"
            elif is_at and kind == "Organization" and re.search(
                    r"\b(?:Cent(?:er|re)|House|Institute|Embassy|Academy|University|Museum|Residence|Secretariat|Headquarters)\b",
                    ent.label):
                vkey = reader.entity("Venue", ent.label, mention[:2])
                ent, kind = out.entities[vkey], "Venue"
            if kind == "Venue" and ev.venue is None:
                ev.venue = ent.key
                vm = re.match(rf",?\s+in\s+({_MARK})", masked[mention[1]:])
                if vm:
                    cm = reader.at(mention[1] + vm.start(1))
                    if cm and out.entities[cm[2]].kind == "City":
                        ev.city = ev.city or cm[2]
                        ent.city = cm[2]
                else:
                    # "the Azerbaijan Cultural Center in Vienna" names its city inside
                    for cs, ce, ck, ckind in reader.mentions:
                        if ckind == "City" and mention[0] <= cs and ce <= mention[1]:
                            ent.city = ck
                    if ent.city is None:
                        words = " ".join(ent.names)
                        pieces = [words, *re.split(r"\s+in\s+|,\s*", words)[1:], *words.split()]
                        hits = [h for piece in pieces for h in reader.gz.scan(piece) if h.kind == "City"]
                        for hit in hits[:1]:
                            if hit.kind == "City":
                                ent.city = reader.entity("City", hit.text, mention[:2], known=hit.iri)
                    if ent.city is not None:
                        ev.city = ev.city or ent.city
            elif kind == "City" and ev.city is None:
                ev.city = ent.key

    def hosting_city(ev: Event, s: int, sent_masked: str) -> None:
        """"Baku hosted the forum": the city that hosts is the event's."""
        if ev.city is not None:
            return
        hm = re.search(rf"({_MARK})\s+(?:hosted|hosts|will\s+host|is\s+hosting|welcomed)\b", sent_masked)
        if hm:
            cm = reader.at(s + hm.start(1))
            if cm and out.entities[cm[2]].kind == "City":
                ev.city = cm[2]

    for s, e in sentences(text):
        sent_masked = masked[s:e]
        dates = [d for d in find_dates(text, ref, start=s, end=e)
                 if not any(a <= d.start < b for a, b in datelines)]
        day_of = _DAY_OF.search(text, s, e)
        lo = bisect.bisect_left(by_start, (s,))
        in_sentence = [mm for mm in by_start[lo:bisect.bisect_left(by_start, (e,))] if mm[1] <= e]
        persons = sorted([mm for mm in in_sentence if mm[3] == "Person"])
        new_events: list[Event] = []
        referenced: list[Event] = []
        prev_current = current
        if (s, e) == headline:
            continue
        for ms, me, key, kind in in_sentence:
            if kind != "Event":
                continue
            ent = out.entities[key]
            ev = next((x for x in out.events if x.key == key), None)
            if ev is None:
                label = ent.label
                ordinal = re.match(r"(\d+)(?:st|nd|rd|th)\b", label)
                ev = Event(key=key, label=label, kind=reader.titled.get(key) or _event_kind(label), named=True,
                           date=None, end_date=None, venue=None, city=None, span=(ms, me), confidence=0.85,
                           ordinal=int(ordinal.group(1)) if ordinal else None)
                out.events.append(ev)
            if ev.date is None and _REFERENCE.search(text[max(s, ms - 80):ms]):
                referenced.append(ev)     # "on the eve of the 12th Summit": named, not reported here
                continue
            new_events.append(ev)
        for m in _SUB.finditer(text, s, e):
            label = m.group(1)
            if not reader.free(m.start(1), m.end(1)):
                continue
            if current is not None and current.kind == "Session" and current.parent:
                parent = next((x for x in out.events if x.key == current.parent), main)
            else:
                parent = current if current is not None and current.kind != "Session" else main
            container = ("Training", "Summit", "Meeting", "CulturalEvent")
            if re.match(r"main\b", label, re.I) or (parent is not None and parent.kind not in container):
                parent = main if main is not None and main.kind in container and not re.match(r"main\b", label, re.I) else None
                if re.match(r"main\b", label, re.I) and main is not None and main.kind in container and main.named:
                    parent = main
            cap = label[:1].upper() + label[1:]
            full = cap + (f" of the {parent.label}" if parent is not None and parent.named else "")
            key = reader.entity("Event", full, (m.start(1), m.end(1)))
            ev = next((x for x in out.events if x.key == key), None)
            if ev is None:
                sub_kind = _event_kind(label)
                if re.search(r"session|ceremony|panel|discussion|round\s?table|dinner", label, re.I):
                    sub_kind = "Session"
                ev = Event(key=key, label=full, kind=sub_kind, named=False, date=None, end_date=None,
                           venue=None, city=None, span=(m.start(1), m.end(1)), confidence=0.75,
                           parent=parent.key if parent else None)
                out.events.append(ev)
            new_events.append(ev)
        refs: list[Event] = []      # "the meeting", "the exhibition": the current event again
        happening = re.search(r"\b(?:held|hosted|took\s+place|opened|began|started|gathered|convened|was\s+attended|were\s+attended|"
                              r"brought\s+together|featured|continued|concluded|closed|welcomed)\b", sent_masked, re.I)
        if not new_events:
            body = max([s] + [b_ for a_, b_ in datelines if a_ <= s < b_ or s <= a_ < e])
            body += len(text[body:e]) - len(text[body:e].lstrip())
            held = _HELD.search(text[body:e])
            if held:
                np = held.group("np") or held.group("np2")
                npos = body + held.start("np" if held.group("np") else "np2")
                low = np.lower()
                generic = re.fullmatch(r"(?:\w+\s+)?(?:meeting|session|event|ceremony|reception|concert|forum|conference|talks|"
                                       r"consultations|training|exhibition|festival|evening|summit|program(?:me)?|gathering)", low)
                if current is not None and generic and held.group(0).lower().lstrip().startswith(("the ", "this ")) or (
                        current is not None and generic and np.lower().split()[-1] in current.label.lower()):
                    refs.append(current)
                elif re.search(r"\b(?:meeting|session|part|program(?:me)?|day|event|ceremony|reception|concert|forum|conference|"
                               r"talks|consultations|training|exhibition|festival|evening|discussion|gathering|celebration)s?\b", low):
                    label = np[:1].upper() + np[1:]
                    key = reader.entity("Event", label, (npos, npos + len(np)), unique=True)
                    parent = main if main is not None and re.search(r"\b(?:part|day|session)\b", low) else None
                    ev = Event(key=key, label=label, kind=_event_kind(label), named=False, date=None, end_date=None,
                               venue=None, city=None, span=(npos, npos + len(np)), confidence=0.7,
                               parent=parent.key if parent else None)
                    out.events.append(ev)
                    new_events.append(ev)
        if not new_events and not refs:
            for pattern, kind, label in _UNNAMED:
                m = pattern.search(sent_masked)
                if not m:
                    continue
                if current is not None and re.match(r"(?i)the\b", m.group(0)) and label in (
                        "reception", "ceremony", "cultural event", "meeting"):
                    refs.append(current)
                    break
                actors = persons + [mm for mm in in_sentence if mm[3] in ("State", "Organization", "Demonym")]
                plural_ref = _PLURAL_REF.search(sent_masked)
                performing = label == "cultural event" and _PERFORM.search(sent_masked) and persons and current
                has_anchor = (bool(dates) or bool(day_of) or len(persons) >= 2 or bool(_PLACE_AT.search(sent_masked)) or performing
                              or (plural_ref is not None and current is not None))
                if not has_anchor:
                    continue
                if label == "meeting" and (len(actors) < 2 or not persons) and not plural_ref:
                    continue
                if label == "opening" and not (dates or day_of or persons or plural_ref):
                    continue
                if label == "opening" and any(mm[3] == "Event" and s + m.start(1) <= mm[0] < s + m.end(1) for mm in in_sentence):
                    continue
                if label == "consultations" and not (dates or persons):
                    continue
                if _FUTURE.search(sent_masked[:m.start()]) and not dates:
                    continue
                names = [out.entities[mm[2]].label for mm in persons[:2]]
                organizer = None
                if label == "presentation of credentials":
                    copies = re.search(r"cop(?:y|ies)", m.group(0), re.I)
                    before_trigger = [mm for mm in persons if mm[1] <= s + m.start()]
                    if before_trigger:
                        names = [out.entities[before_trigger[-1][2]].label]
                    full = ("Handover of copies of credentials" if copies else "Presentation of credentials") + (
                        f" by {names[0]}" if names else "")
                elif label == "reception":
                    full = "Reception" + (f" hosted by {names[0]}" if names else "")
                elif label == "visit":
                    if not persons:
                        continue
                    where_m = reader.at(s + m.start(1)) if m.group(1) else None
                    where = out.entities[where_m[2]].label if where_m else None
                    if where and where.isupper() and out.entities[where_m[2]].kind == "City":
                        better = [n for n in out.entities[where_m[2]].names if not n.isupper()]
                        where = better[0] if better else where.title()
                    visitor = [mm for mm in persons if mm[1] <= s + m.start()] or persons
                    full = f"Visit of {out.entities[visitor[-1][2]].label}" + (f" to {where}" if where else "")
                elif label == "call":
                    if len(persons) < 1:
                        continue
                    full = "Telephone conversation of " + " and ".join(names)
                elif label == "noun-event":
                    if not (dates or day_of or happening):
                        continue
                    noun = " ".join(text[s + m.start(1):s + m.end()].split())
                    full = noun[:1].upper() + noun[1:]
                    kind = _event_kind(full)
                elif label == "presentation":
                    full = f"Presentation of the {' '.join(text[s + m.start(1):s + m.end(1)].split())}"
                    organizer_m = [mm for mm in in_sentence if mm[0] < s + m.start() and mm[3] == "Organization"]
                    organizer = organizer_m[-1][2] if organizer_m else None
                elif label == "meeting-of":
                    org_m = reader.at(s + m.start(2))
                    if org_m is None or out.entities[org_m[2]].kind != "Organization":
                        continue
                    full = f"{m.group(1).capitalize()} of the {out.entities[org_m[2]].label}"
                elif label == "org-meeting":
                    org_m = reader.at(s + m.start(1))
                    if org_m is None or out.entities[org_m[2]].kind != "Organization":
                        continue
                    noun = m.group(2).lower()
                    full = f"{noun.capitalize()} of the {out.entities[org_m[2]].label}"
                    kind = "Summit" if noun == "summit" else ("Session" if noun == "session" else "Meeting")
                    organizer = org_m[2]
                elif label == "opening":
                    phrase = text[s + m.start(1):s + m.end(1)]
                    full = phrase[:1].upper() + phrase[1:]
                    full = re.sub(r"^(?:Official\s+)?", "", full)
                    full = full[:1].upper() + full[1:]
                elif label == "organized":
                    noun = " ".join(text[s + m.start(1):s + m.end()].split())
                    full = noun[:1].upper() + noun[1:]
                    kind = _event_kind(full)
                    if kind == "Meeting" and re.search(r"evening|concert|exhibition|festival|ceremony|celebration|"
                                                      r"commemoration|screening|competition", full, re.I):
                        kind = "CulturalEvent" if "concert" not in full.lower() else "Concert"
                    organizer_m = [mm for mm in in_sentence if mm[0] < s + m.start() and mm[3] in ("Organization", "State")]
                    organizer = organizer_m[-1][2] if organizer_m else None
                elif label == "cultural event":
                    noun = re.search(r"concert|exhibition|festival", m.group(0), re.I).group(0).capitalize()
                    kind = "Concert" if noun == "Concert" else "CulturalEvent"
                    full = noun + (f" by {names[0]}" if names and performing else "")
                else:
                    full = label.capitalize() + (" of " + " and ".join(names) if names else "")
                key = reader.entity("Event", full, (s + m.start(), s + m.end()), unique=True)
                ev = Event(key=key, label=full, kind=kind, named=False, date=None, end_date=None, venue=None,
                           city=None, span=(s + m.start(), s + m.end()), confidence=0.7)
                if performing and not dates:
                    ev.parent = current.key
                ev.organizer = organizer
                out.events.append(ev)
                new_events.append(ev)
                break
        earlier = re.match(r"\s*(?:Earlier|Previously|Before\s+that|In\s+the\s+past|Last\s+(?:year|month))\b", text[s:e])
        happening = re.search(r"\b(?:held|hosted|took\s+place|opened|began|started|gathered|convened|was\s+attended|were\s+attended|"
                              r"brought\s+together|featured|continued|concluded|closed|welcomed)\b", sent_masked, re.I)
        future = _FUTURE.search(sent_masked)
        later = re.search(r"\b(a|one|two|three)\s+days?\s+later\b|\bthe\s+(?:next|following)\s+day\b", text[s:e], re.I)
        for ev in new_events:
            if ev.date is None:
                after = [d for d in dates if d.start >= ev.span[1]]
                before = [d for d in dates if d.end <= ev.span[0]]
                near = after[0] if after else (before[-1] if before else None)
                parent = next((x for x in out.events if x.key == ev.parent), None) if ev.parent else None
                if near is not None:
                    ev.date, ev.end_date = near.date, near.end_date
                    ev.confidence = min(0.95, ev.confidence + 0.1)
                elif day_of is not None and _parse_day_of(day_of.group(1), parent or main, discourse):
                    ev.date = _parse_day_of(day_of.group(1), parent or main, discourse)
                elif later is not None and discourse is not None:
                    n = {"a": 1, "one": 1, "two": 2, "three": 3}.get((later.group(1) or "a").lower(), 1)
                    ev.date = discourse + dt.timedelta(days=n)
                elif parent is not None and parent.date and not parent.end_date:
                    ev.date = parent.date
                elif earlier or future:
                    ev.date = None
                elif ev.named and not happening:
                    ev.date = None      # a mention of a past or coming event, not a report of it
                elif discourse is not None:
                    ev.date = discourse
                    ev.confidence = round(ev.confidence - 0.1, 2)
            place(ev, s, sent_masked)
            hosting_city(ev, s, sent_masked)
            ctx = re.search(rf"(?:on\s+the\s+sidelines\s+of|within\s+the\s+framework\s+of|as\s+part\s+of|in\s+the\s+framework\s+of|during)\s+(?:the\s+)?({_MARK}|summit|forum|conference|meeting|session|visit)", sent_masked, re.I)
            if ctx and ev.parent is None and not ev.named:
                mention = reader.at(s + ctx.start(1)) if is_marker(ctx.group(1)[:1]) else None
                parent = next((x for x in out.events if mention and x.key == mention[2]), None) if mention else (
                    main if main is not None and main is not ev else None)
                if parent is not None and parent is not ev:
                    ev.parent = parent.key
                    if ev.date is None:
                        ev.date = parent.date
                    if ev.city is None:
                        ev.city = parent.city
            if ev.parent and ev.venue is None and ev.city is None and (ev.kind == "Session" or not ev.named):
                parent = next((x for x in out.events if x.key == ev.parent), None)
                if parent is not None:
                    ev.city = parent.city
                    if ev.kind == "Session" or (ev.kind == "Concert" and ctx is None):
                        ev.venue = parent.venue
            # a named event inside the dates of a longer main event is one of its parts
            if (ev.parent is None and main is not None and ev is not main and main.end_date and ev.date
                    and main.date and main.date <= ev.date <= main.end_date and ev.key != main.key):
                ev.parent = main.key
            # "in the Hungarian capital" with the dateline's city; a report's dateline for its own meeting
            if ev.city is None and ev.date is not None and dateline_city and not ev.label.startswith("Telephone"):
                capital = re.search(rf"\bin\s+the\s+({_MARK})\s+capital\b", sent_masked)
                if capital:
                    cm = reader.at(s + capital.start(1))
                    if cm and reader.gz.city_state.get(out.entities[dateline_city].known_iri or "") == cm[2]:
                        ev.city = dateline_city
                elif (ev.parent is None and abs((ev.date - ref).days) <= 3
                      and (ev.venue is None or out.entities[ev.venue].city is None)
                      and not future and not (last_city is not None and last_city[0] == ev.date)):
                    ev.city = dateline_city
                    ev.confidence = round(ev.confidence - 0.1, 2)
        for ev in refs:
            place(ev, s, sent_masked, anywhere=True)
        for ev in referenced:
            held_clause = re.match(r"\s*,?\s+(?:held|which\s+was\s+held|that\s+was\s+held|which\s+took\s+place|that\s+took\s+place)\b[^,;.]{0,80}",
                                   masked[ev.span[1]:])
            if held_clause and ev.date is None:
                clause_dates = [d for d in dates if ev.span[1] <= d.start < ev.span[1] + held_clause.end()]
                if clause_dates:
                    ev.date, ev.end_date = clause_dates[0].date, clause_dates[0].end_date
                city_m = re.search(rf"\bin\s+({_MARK})", held_clause.group(0))
                if city_m:
                    cm = reader.at(ev.span[1] + city_m.start(1))
                    if cm and out.entities[cm[2]].kind == "City":
                        ev.city = cm[2]
            after_mention = re.match(rf"\s+in\s+({_MARK})", masked[ev.span[1]:])
            if after_mention and ev.city is None:
                cm = reader.at(ev.span[1] + after_mention.start(1))
                if cm and out.entities[cm[2]].kind == "City":
                    ev.city = cm[2]
        # an unnamed event with no place of its own, on the day of the last event that had one, is there too
        for ev in new_events:
            if (not ev.named and ev.city is None and ev.venue is None and ev.parent is None and ev.date is not None
                    and not ev.label.startswith("Telephone")
                    and last_city is not None and last_city[0] == ev.date):
                ev.city = last_city[1]
        for ev in new_events:
            if ev.city is not None and ev.date is not None:
                last_city = (ev.date, ev.city)
        started = re.match(r"\s*The\s+(program(?:me)?|forum|festival|summit|conference|exhibition|training|congress|week|days)\s+"
                           r"(?:commenced|began|started|opened|kicked\s+off)\b", text[s:e], re.I)
        if started and dates:
            pending_start[started.group(1).lower().rstrip("e") if started.group(1).lower() == "programme" else started.group(1).lower()] = dates[0]
        for ev in new_events + referenced:
            if ev.named and ev.date is None and ev.parent is None:
                head = ev.label.split()[-1].lower() if ev.label else ""
                head = "program" if head == "programme" else head
                if head in pending_start:
                    ev.date, ev.end_date = pending_start[head].date, pending_start[head].end_date
        # "The opening was followed by presentations by …": a further part, same day and place
        followed = re.search(r"\b(?:was|were)\s+followed\s+by\s+((?:an?\s+|the\s+)?(?!a\s+family\s+photo)[^,.;]{3,120}?)(?=[,.;]|\s+(?:focusing|on|at|in|where|during|with)\b)",
                             text[s:e], re.I)
        if followed and current is not None and current.date is not None and not new_events:
            phrase = re.sub(r"^(?:an?|the)\s+", "", " ".join(followed.group(1).split()), flags=re.I)
            if re.search(r"\b(?:presentations?|sessions?|concert|reception|panel|discussions?|ceremony|dinner|lunch|"
                         r"performances?|screening|exhibition|visit|tour|meeting|talks|briefing|workshop)\b", phrase, re.I):
                fs = s + followed.start(1)
                key = reader.entity("Event", phrase[:1].upper() + phrase[1:], (fs, fs + len(followed.group(1))), unique=True)
                container = next((x for x in out.events if x.key == current.parent), None) if current.kind == "Session" and current.parent else current
                ev = Event(key=key, label=phrase[:1].upper() + phrase[1:], kind=_event_kind(phrase) if not re.search(
                               r"presentation|discussion|panel|briefing", phrase, re.I) else "Session",
                           named=False, date=current.date, end_date=None, venue=current.venue, city=current.city,
                           span=(fs, fs + len(followed.group(1))), confidence=0.65,
                           parent=container.key if container is not None else None)
                out.events.append(ev)
                new_events.append(ev)
                current = ev
        if dates:
            discourse = dates[-1].date
        elif new_events and new_events[-1].date:
            discourse = new_events[-1].date
        dated = [x for x in new_events if x.date is not None]
        if dated:
            if main is None:
                top = [x for x in dated if x.parent is None]
                main = top[0] if top else None
            current = dated[-1]
        new_events = new_events + refs
        # states taking part without a named person: "delegations of A, B and C", "A was represented by a delegation"
        if current is not None:
            groups = [m.group(1) for m in re.finditer(
                rf"\b[Dd]elegations?\s+(?:of|from)\s+(?:the\s+(?:parliaments?|governments?|ministries)\s+of\s+)?(?:the\s+)?{_LIST}", sent_masked)]
            deleg = re.search(r"\b[Dd]elegations?\s+(?:of|from)\b", sent_masked)
            if deleg and re.search(r"\b(?:brought\s+together|gathered|attended|took\s+part|participated|participation|joined|present)\b",
                                   sent_masked, re.I):
                groups.append(sent_masked[deleg.end():])
            groups += [m.group(1) for m in re.finditer(rf"{_LIST}\s+(?:sent|dispatched)\s+(?:their\s+|its\s+)?(?:\w+\s+)?delegations?", sent_masked)]
            groups += [m.group(1) for m in re.finditer(rf"({_MARK})(?:,[^,]{{0,80}},)?\s+(?:was|were)\s+represented\s+by\s+(?:a|its|their)\s+(?:\w+\s+)?delegation", sent_masked)]
            for group in groups:
                pos = s + sent_masked.index(group)
                for mm in re.finditer(_MARK, group):
                    mention = reader.at(pos + mm.start())
                    if mention and out.entities[mention[2]].kind == "State" and mention[3] != "Demonym":
                        target = ([x for x in new_events if x.date is not None] or [current])[-1]
                        if not any(p.event == target.key and p.participant == mention[2] for p in out.participations):
                            out.participations.append(Participation(target.key, mention[2], "attendee", [],
                                                                    mention[:2], 0.7))
        # "the Ambassador", "the minister": the last person named with that title
        for dm in re.finditer(r"\b[Tt]he\s+(Ambassador|[Mm]inister|Secretary[\s-]General|Consul[\s-]General|President|"
                              r"Governor|Mayor|Chairman|Speaker)\b(?!\s+(?:of|to)\b)(?!\s*[\U000F0000-\U0010FFFD])", sent_masked):
            word = re.sub(r"[\s-]+", " ", dm.group(1)).lower()
            holders = [(p.span[0], p.person) for p in out.posts if p.span[0] < s + dm.start()
                       and (p.title.lower() == word or p.title.lower().endswith(word) or
                            (word == "minister" and "minister" in p.title.lower()))]
            if holders and not any(mm[2] == holders[-1][1] for mm in persons):
                persons.append((s + dm.start(), s + dm.end(), holders[-1][1], "Person"))
        if prev_current is not None and _PLURAL_REF.search(sent_masked):
            for p in [p for p in out.participations if p.event == prev_current.key and out.entities[p.participant].kind == "Person"]:
                if not any(mm[2] == p.participant for mm in persons):
                    persons.append((s + _PLURAL_REF.search(sent_masked).start(), s + _PLURAL_REF.search(sent_masked).end(),
                                    p.participant, "Person"))
        # participations in the current event
        if current is None or not persons:
            continue
        targets = [x for x in new_events if x.date is not None or not x.named] or [current]
        subs = [x for x in targets if x.parent is not None]
        targets = subs[-1:] if subs else targets[-1:]
        if re.search(r"credential|credence", sent_masked, re.I):
            role = "attendee"
        elif _PERFORM.search(sent_masked):
            role = "performer"
        elif _SPEAK.search(sent_masked):
            role = "speaker"
        elif _ATTEND.search(sent_masked) or any(not x.named and x.kind == "Meeting" for x in new_events if x not in refs):
            role = "attendee"
        else:
            continue
        mentioned_only = re.compile(r"(?:greetings|message|letter|congratulations|invitation|regards|name|instructions?|"
                                    r"decree|portrait|memory|legacy|works?|poems?)\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}$"
                                    r"|\bon\s+behalf\s+of\s+(?:[\w-]+\s+){0,6}$", re.I)
        persons = [mm for mm in persons if not mentioned_only.search(text[max(s, mm[0] - 80):mm[0]])]
        for ev in targets:
            for ms, me, key, _kind in persons:
                same = [p for p in out.participations if p.event == ev.key and p.participant == key]
                if same:
                    if same[0].role == "attendee" and role != "attendee":
                        same[0].role = role
                    continue
                capacity = [f"post:{i}" for i in posts_by_person.get(key, [])
                            if s <= out.posts[i].span[1] and out.posts[i].span[0] <= e + 1]
                if not capacity:
                    capacity = [f"post:{i}" for i in posts_by_person.get(key, [])]
                behalf = None
                nxt = [p for p in persons if p[0] > me]
                limit = nxt[0][0] if nxt else e
                bm = re.search(rf"\b(?:representing|on\s+behalf\s+of)\s+(?:the\s+)?({_MARK})(?:['’]s)?(?:\s+(Chairmanship|Presidency|chairmanship|presidency))?",
                               masked[me:limit])
                if bm:
                    mention = reader.at(me + bm.start(1))
                    if mention:
                        behalf = mention[2]
                        if bm.group(2):
                            org = re.match(rf"\s*(?:of|in)\s+(?:the\s+)?({_MARK})", masked[me + bm.end():])
                            if org:
                                om = reader.at(me + bm.end() + org.start(1))
                                if om and out.entities[om[2]].kind == "Organization":
                                    behalf = f"chair:{mention[2]}:{om[2]}"
                                    out.chair_of[behalf] = (mention[2], om[2])
                out.participations.append(Participation(ev.key, key, role, capacity, (ms, me),
                                                        round(min(ev.confidence, 0.85), 2), on_behalf_of=behalf))


# ------------------------------------------------------------------------------- memberships

_STATUS = {"member": "member", "members": "member", "observer": "observer", "observers": "observer",
           "chair": "chair", "chairmanship": "chair", "presidency": "chair", "chairs": "chair"}


def _list_after(reader: _Reader, pos: int, limit: int) -> list[tuple[int, int, str, str]]:
    """States listed from ``pos``: "A, B and C"."""
    masked = reader.masked_text
    m = re.compile(rf"\s*(?:[:,]|\(|–|—|such\s+as|including|namely|are|were)?\s*(?:the\s+)?({_MARK}(?:\s*(?:,|and|,\s*and)\s*(?:the\s+)?{_MARK})*)").match(masked, pos, limit)
    if not m:
        return []
    out = []
    for mm in re.finditer(_MARK, m.group(1)):
        mention = reader.at(m.start(1) + mm.start())
        if mention and reader.out.entities[mention[2]].kind == "State":
            out.append(mention)
    return out


_BUILTIN_ORGS = {iri("organization", slug) for slug, _names, _cls in ORGANIZATIONS}
_ORGREF = rf"(?:({_MARK})|(?:[Oo]rgani[sz]ation|Assembly|Council|Union|[Ff]und|Academy))"
_LIST = rf"((?:{_MARK}\s*(?:,\s*and|,|and)\s*(?:the\s+)?)*{_MARK})"
_SINCE = re.compile(r"^[^.;]{0,40}?\b(?:since|in)\s+((?:19|20)\d\d)\b")


def _memberships(reader: _Reader) -> None:
    text, masked = reader.text, reader.masked_text
    out = reader.out
    headline = _headline(text)

    def is_org(key: str) -> bool:
        ent = out.entities[key]
        if ent.kind != "Organization":
            return False
        if ent.known_iri:
            return bool(set(reader.gz.index.types(ent.known_iri)) & {"InternationalOrganization", "AffiliatedInstitution"}
                        ) or ent.known_iri in _BUILTIN_ORGS
        return bool(re.search(r"\b(?:Organi[sz]ation|Union|Council|Assembly|Fund|Academy|Cooperation|Community)\b", ent.label))

    org_ends = sorted((mm[1], mm[2]) for mm in reader.mentions if mm[3] == "Organization" and is_org(mm[2]))

    def last_org(pos: int) -> str | None:
        i = bisect.bisect_right(org_ends, (pos, "\U0010ffff"))
        return org_ends[i - 1][1] if i else None

    def org_at(m: re.Match[str], group: int, pos: int) -> str | None:
        if m.group(group):
            mention = reader.at(pos + m.start(group))
            return mention[2] if mention and is_org(mention[2]) else None
        return last_org(pos + m.start())

    def add(member: str | None, org: str | None, status: str, span: Span, conf: float, tail: str = "") -> None:
        if member is None or org is None:
            return
        if out.entities[member].kind != "State" or out.entities[org].kind != "Organization":
            return
        since = _SINCE.match(tail)
        for x in out.memberships:
            if x.member == member and x.organization == org and x.status == status:
                if since and not x.since:
                    x.since = since.group(1)
                return
        out.memberships.append(Membership(member, org, status, span, conf,
                                          since=since.group(1) if since and status != "chair" else None))

    def states(pos: int, chunk: str) -> list[str]:
        keys = []
        for mm in re.finditer(_MARK, chunk):
            mention = reader.at(pos + mm.start())
            if mention and out.entities[mention[2]].kind == "State" and mention[3] != "Demonym":
                keys.append(mention[2])
        return keys

    for s, e in sentences(text):
        if (s, e) == headline:
            continue
        sm = masked[s:e]
        for m in re.finditer(rf"({_MARK})(?:['’]s)?\s+(?:\w+\s+)?(?:Chairmanship|Presidency|chairmanship|presidency)\s+(?:of|in)\s+(?:the\s+)?{_ORGREF}", sm):
            a_ = reader.at(s + m.start(1))
            add(a_[2] if a_ else None, org_at(m, 2, s), "chair", (s + m.start(), s + m.end()), 0.85)
        for m in re.finditer(rf"(?:chairmanship|presidency)\s+of\s+(?:the\s+)?({_MARK})\s+(?:in|of|at|over)\s+(?:the\s+)?{_ORGREF}", sm, re.I):
            a_ = reader.at(s + m.start(1))
            add(a_[2] if a_ else None, org_at(m, 2, s), "chair", (s + m.start(), s + m.end()), 0.85)
        for m in re.finditer(rf"({_MARK}),?\s+(?:which|that|as)\s+(?:currently\s+)?(?:chairs|holds\s+the\s+(?:rotating\s+)?(?:chairmanship|presidency)\s+(?:of|in))\s+(?:the\s+)?{_ORGREF}", sm, re.I):
            a_ = reader.at(s + m.start(1))
            add(a_[2] if a_ else None, org_at(m, 2, s), "chair", (s + m.start(), s + m.end()), 0.85)
        # "<State>, an observer of the <Org>", "<State>, which is an observer of …", "<State> is a member of …"
        for m in re.finditer(rf"({_MARK})(?:,\s*(?:which|that)\s+(?:is|was|has\s+been|became|remains)|,|\s+(?:is|was|became|has\s+been|remains))\s+"
                             rf"(?:also\s+)?(?:an?\s+|the\s+)?(?:full\s+|founding\s+|full-fledged\s+)?(member|observer)(?:\s+(?:state|country|nation))?\s+(?:of|in|to|at)\s+(?:the\s+)?{_ORGREF}", sm, re.I):
            a_ = reader.at(s + m.start(1))
            add(a_[2] if a_ else None, org_at(m, 3, s), m.group(2).lower(), (s + m.start(), s + m.end()), 0.85, sm[m.end():])
        for m in re.finditer(rf"({_MARK}),?\s+(?:(?:which|that)\s+)?(?:has|holds|held|enjoys|has\s+held|has\s+had|was\s+granted|received|obtained|acquired)\s+(?:the\s+)?observer\s+status(?:\s+(?:in|at|with|of)\s+(?:the\s+)?{_ORGREF})?", sm, re.I):
            a_ = reader.at(s + m.start(1))
            add(a_[2] if a_ else None, org_at(m, 2, s), "observer", (s + m.start(), s + m.end()), 0.85, sm[m.end():])
        for m in re.finditer(rf"({_MARK})\s+(?:officially\s+)?joined\s+(?:the\s+)?{_ORGREF}\s+as\s+(?:an?\s+)?(?:full\s+)?(member|observer)", sm, re.I):
            a_ = reader.at(s + m.start(1))
            add(a_[2] if a_ else None, org_at(m, 2, s), m.group(3).lower(), (s + m.start(), s + m.end()), 0.85, sm[m.end():])
        # "<Org> member states A, B and C", "five member states, A, B …", "observers A and B"
        for m in re.finditer(rf"(?:({_MARK})(?:['’]s)?\s+)?(?:\w+\s+)?(?:full\s+)?(member|observer)s?(?:\s+(?:states?|countries|nations))?"
                             rf"(?:\s+of\s+(?:the\s+)?({_MARK}))?(?!\s+and\s+observer)\s*(?:[:,(–—-]|\s+(?:such\s+as|including|namely|are|were))?\s*(?:the\s+)?{_LIST}", sm, re.I):
            org = None
            for g in (1, 3):
                if m.group(g):
                    mention = reader.at(s + m.start(g))
                    if mention and is_org(mention[2]):
                        org = mention[2]
            if org is None:
                org = org_at(m, 1, s) if not m.group(1) else None
            for key in states(s + m.start(4), m.group(4)):
                add(key, org, m.group(2).lower(), (s + m.start(), s + m.end()), 0.8)
        # "A, B and C are members of the <Org>", "Hungary and Turkmenistan take part as observers"
        for m in re.finditer(rf"{_LIST}\s+(?:are|were|as|became|remain|take\s+part\s+as|participate\s+as|act\s+as|have\s+the\s+status\s+of|joined\s+as)\s+"
                             rf"(?:full\s+|founding\s+)?(member|observer)s?(?:\s+(?:states|countries))?(?:\s+(?:of|in)\s+(?:the\s+)?({_MARK}))?", sm, re.I):
            org = None
            if m.group(3):
                mention = reader.at(s + m.start(3))
                org = mention[2] if mention and is_org(mention[2]) else None
            if org is None:
                org = last_org(s + m.start())
            for key in states(s + m.start(1), m.group(1)):
                add(key, org, m.group(2).lower(), (s + m.start(), s + m.end()), 0.8, sm[m.end():])


# ------------------------------------------------------------------------------------ figures

_MEASURES = [
    (re.compile(r"\b(?:trade\s+turnover|trade\s+volume|volume\s+of\s+(?:mutual\s+|bilateral\s+)?trade|mutual\s+trade|bilateral\s+trade|"
                r"foreign\s+trade|trade)\b", re.I), "trade-volume", "trade volume"),
    (re.compile(r"\bexports?\b", re.I), "exports", "exports"),
    (re.compile(r"\bimports?\b", re.I), "imports", "imports"),
    (re.compile(r"\binvest(?:ments?|ed|s)?\b|\bcapital\b", re.I), "investment", "investment"),
]
_MONEY = re.compile(
    r"(?:(?:USD|US\$|\$|U\.S\.\s+dollars?)\s?(?P<v1>\d+(?:[.,]\d+)?)\s*(?P<u1>billion|bn|million|mln|m)\b"
    r"|(?P<v2>\d+(?:[.,]\d+)?)\s*(?P<u2>billion|bn|million|mln)\s+(?:US\s+dollars|dollars|USD|U\.S\.\s+dollars))", re.I)
_PERIOD = re.compile(
    r"\b(?:in|for|during|over)\s+(?:the\s+)?(?:(?P<first>first|last)\s+(?P<n>\w+)\s+months\s+of\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)\s*[-–]\s*"
    r"(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d))\b|\b(?P<last>last|past|previous)\s+year\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10": 10, "11": 11}


def _period(sentence: str, ref: dt.date) -> str | None:
    m = _PERIOD.search(sentence)
    if not m:
        return None
    if m.group("y1"):
        n = _NUMBERS.get(m.group("n").lower())
        if n is None:
            return m.group("y1")
        y = m.group("y1")
        return f"{y}-01/{y}-{n:02d}" if m.group("first").lower() == "first" else f"{y}-{13 - n:02d}/{y}-12"
    if m.group("y2"):
        y = m.group("y2")
        return f"{y}-{MONTHS[m.group('m1').lower()]:02d}/{y}-{MONTHS[m.group('m2').lower()]:02d}"
    if m.group("y3"):
        return m.group("y3")
    return str(ref.year - 1)


def _figures(reader: _Reader) -> None:
    text, masked = reader.text, reader.masked_text
    out = reader.out
    for s, e in sentences(text):
        sm = masked[s:e]
        if (s, e) == _headline(text):
            continue
        for money in _MONEY.finditer(sm):
            before = sm[:money.start()]
            if re.search(r"\b(?:aim|aims|aimed|target|targets|goal|plan|plans|intend|seek|seeks|raise|bring|increase)\b[^.]{0,60}$"
                         r"|\b(?:to|up\s+to)\s+$", before[-80:], re.I) and not re.search(r"\b(?:reached|amounted|totaled|totalled|stood|hit|grew|exceeded|rose|increased|climbed|jumped|"
                                   r"surged|fell|dropped|declined|decreased|was|were|is|are)\b", before[-60:]):
                continue
            measure = None
            best = -1
            for pattern, slug, _label in _MEASURES:
                for mm in pattern.finditer(before):
                    if mm.start() > best:
                        best, measure = mm.start(), slug
            if measure is None:
                continue
            value = float((money.group("v1") or money.group("v2")).replace(",", "."))
            unit_word = (money.group("u1") or money.group("u2")).lower()
            unit = "usd-billion" if unit_word in ("billion", "bn") else "usd-million"
            scope = sm[:money.start()]
            parties = [reader.at(s + mm.start()) for mm in re.finditer(_MARK, scope)]
            parties = [p for p in parties if p and out.entities[p[2]].kind in ("State", "Organization")]
            between = re.search(rf"between\s+(?:the\s+)?({_MARK})\s+and\s+(?:the\s+)?({_MARK})", scope)
            poss = re.search(rf"({_MARK})['’]s\s+(?:\w+\s+){{0,3}}?(?:trade|exports?|imports?|investments?)(?:\s+\w+){{0,3}}?\s+(?:with|to|from|in)\s+(?:the\s+)?({_MARK})", scope)
            withm = re.search(rf"({_MARK})\s+(?:\w+\s+){{0,4}}?(?:trade|exports?|imports?|investments?)\s+(?:\w+\s+){{0,2}}?(?:with|to|from|in)\s+(?:the\s+)?({_MARK})", scope)
            subject = counter = None
            conf = 0.8
            after_in = re.match(rf"[^.;]{{0,30}}?\b(?:in|into|with|to)\s+(?:the\s+)?({_MARK})", sm[money.end():])
            if after_in and len(parties) == 1:
                b_ = reader.at(s + money.end() + after_in.start(1))
                if b_ and out.entities[b_[2]].kind in ("State", "Organization") and b_[2] != parties[0][2]:
                    parties.append(b_)
            for m in (between, poss, withm):
                if m:
                    a, b = reader.at(s + m.start(1)), reader.at(s + m.start(2))
                    if a and b:
                        subject, counter = a[2], b[2]
                        conf = 0.85
                        break
            if subject is None and len(parties) < 2 and re.search(r"\b(?:the\s+two|both)\s+(?:countries|states|sides|nations)\b", scope, re.I):
                earlier = []
                for mm in sorted(reader.mentions, key=lambda x: x[0], reverse=True):
                    if mm[0] < s + money.start() and out.entities[mm[2]].kind == "State" and mm[2] not in earlier:
                        earlier.append(mm[2])
                    if len(earlier) == 2:
                        break
                if len(earlier) == 2:
                    first = min(earlier, key=lambda k: min(x[0] for x in reader.mentions if x[2] == k))
                    second = next(k for k in earlier if k != first)
                    subject, counter, conf = first, second, 0.6
            if subject is None:
                if len(parties) >= 2:
                    subject, counter = parties[0][2], parties[1][2]
                    conf = 0.6
                elif len(parties) == 1:
                    subject, counter = parties[0][2], None
                    conf = 0.55
                else:
                    continue
            out.figures.append(Figure(subject, counter, measure, value, unit, _period(sm, reader.article.date),
                                      (s + money.start(), s + money.end()), conf))


# --------------------------------------------------------------------------------------- main

def extract(article: Article, gz: Gazetteer) -> Extraction:
    """Every fact the rules find in ``article``."""
    reader = _Reader(article, gz)
    _known_hits(reader)
    _phrases(reader)
    _persons(reader)
    _posts(reader)
    _events(reader)
    _memberships(reader)
    _figures(reader)
    # drop entities only referenced as demonyms
    out = reader.out
    used = {m[2] for m in reader.mentions if m[3] != "Demonym"}
    used |= {k for p in out.posts for k in (p.person, p.of, p.to) if k}
    used |= {k for ev in out.events for k in (ev.key, ev.venue, ev.city, ev.parent, ev.organizer) if k}
    used |= {k for p in out.participations for k in (p.event, p.participant) if k}
    used |= {k for m in out.memberships for k in (m.member, m.organization)}
    used |= {k for f in out.figures for k in (f.subject, f.counterparty) if k}
    venue_spans = {span for v in out.entities.values() if v.kind == "Venue" for span in v.spans}
    out.entities = {k: v for k, v in out.entities.items() if k in used and not (
        v.kind == "Organization" and v.spans and set(v.spans) <= venue_spans
        and not any(k in (p.of, p.to) for p in out.posts))}
    for ev in out.events:        # labels are always text of the article, never of the masked copy
        ev.label = " ".join(_PRIVATE.sub(" ", ev.label).split())
    for ent in reader.out.entities.values():
        ent.label = " ".join(_PRIVATE.sub(" ", ent.label).split())
        if ent.kind == "Event":
            ev = next((x for x in out.events if x.key == ent.key), None)
            ent.label = ev.label if ev is not None else ent.label
        if not ent.names:
            ent.names.append(ent.label)
        if ent.label.isupper() and (len(ent.label) > 8 or ent.kind in ("City", "State", "Person")):
            better = [n for n in ent.names if not n.isupper()]
            if better or ent.kind in ("City", "Person"):
                ent.label = better[0] if better else ent.label.title()
        if ent.kind == "State" and ent.known_iri:
            ent.label = max(ent.names, key=len)
    return reader.out
