"""Rule-based extraction (the rules live in :mod:`graph.ingest.rules`, one module per family; the
facts in :mod:`graph.ingest.facts`). Kept so that ``from graph.ingest.extract import …`` goes on working."""

from __future__ import annotations

from .facts import Entity, Event, Extraction, Figure, Membership, Participation, Post
from .rules import extract
from .rules.dates import DateMention, find_dates

__all__ = ["Entity", "Post", "Event", "Participation", "Membership", "Figure", "Extraction",
           "extract", "find_dates", "DateMention"]
