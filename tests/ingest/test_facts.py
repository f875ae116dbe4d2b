"""graph/ingest/facts.py: folding one event into another keeps its parts and participants once."""

from __future__ import annotations

import datetime as dt

from graph.ingest.facts import Event, Extraction, Participation
from graph.ingest.text import article_from_text


def _event(key: str, parent: str | None = None) -> Event:
    return Event(key=key, label=key, kind="Meeting", named=False, date=dt.date(2026, 3, 2), end_date=None, venue=None,
                 city=None, span=(0, 1), confidence=0.8, parent=parent)


def _part(event: str, who: str) -> Participation:
    return Participation(event=event, participant=who, role="attendee", capacity=[], span=(0, 1), confidence=0.8)


def test_fold_events_moves_parts_and_participants_to_the_event_kept() -> None:
    out = Extraction(article=article_from_text("Azamat Bekov met Emre Yalçın.", date=dt.date(2026, 3, 2)))
    first, again, part = _event("a"), _event("b"), _event("c", parent="b")
    out.events = [first, again, part]
    out.participations = [_part("a", "p1"), _part("b", "p1"), _part("b", "p2"), _part("c", "p3")]
    out.fold_events({"b": first})
    assert [e.key for e in out.events] == ["a", "c"]
    assert part.parent == "a"
    assert [(p.event, p.participant) for p in out.participations] == [("a", "p1"), ("a", "p2"), ("c", "p3")]
    out.fold_events({})
    assert [e.key for e in out.events] == ["a", "c"]
