"""Fixtures of the per-family rule tests: the project's gazetteer, and a reader run up to a family."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from graph.ingest.facts import Extraction
from graph.ingest.gazetteer import Gazetteer, load_gazetteer
from graph.ingest.rules import extract
from graph.ingest.text import Reader, article_from_text, scan_known
from graph.settings import Settings


@pytest.fixture(scope="session")
def gz(built: Settings) -> Gazetteer:
    return load_gazetteer(built)


def reader(gz: Gazetteer, text: str, *steps: Callable[[Reader], object], date: str = "2026-01-16") -> Reader:
    """A reader of ``text`` with the gazetteer's names marked, then ``steps`` run in order."""
    r = Reader(article_from_text(text, date=dt.date.fromisoformat(date), path="t.txt"), gz)
    scan_known(r)
    for step in steps:
        step(r)
    return r


def extraction(gz: Gazetteer, text: str, date: str = "2026-01-16") -> Extraction:
    return extract(article_from_text(text, date=dt.date.fromisoformat(date), path="t.txt"), gz)
