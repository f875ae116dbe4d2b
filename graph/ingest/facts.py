"""What the rules find: entities and facts, each with the character offsets it was read from and
a confidence between 0 and 1."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .text import Article

__all__ = ["Span", "Entity", "Post", "Event", "Participation", "Membership", "Figure", "Extraction"]

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
    family_only: bool = False       # a person named by a family name alone ("Ambassador Aliyev")

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

    def fold_events(self, gone: dict[str, Event]) -> None:
        """Drop the events in `gone` (key -> the event each is folded into): their parts and participations
        go to that event, a participant listed twice is kept once."""
        if not gone:
            return
        for ev in self.events:
            if ev.parent in gone:
                ev.parent = gone[ev.parent].key
        seen: set[tuple[str, str]] = set()
        kept = []
        for p in self.participations:
            if p.event in gone:
                p.event = gone[p.event].key
            if (p.event, p.participant) not in seen:
                seen.add((p.event, p.participant))
                kept.append(p)
        self.participations = kept
        self.events = [ev for ev in self.events if ev.key not in gone]

