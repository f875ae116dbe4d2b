"""Dates: absolute, ranges, relative to the article's date, and "the second day"."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.ingest.facts import Event
from graph.ingest.rules.dates import find_dates, parse_day_of

REF = dt.date(2026, 1, 16)   # a Friday


@pytest.mark.parametrize("text, expected", [
    ("on 13-14 January 2026", [("2026-01-13", "2026-01-14", False)]),
    ("from 30 November to 1 December 2025", [("2025-11-30", "2025-12-01", False)]),
    ("on January 13, 2026", [("2026-01-13", None, False)]),
    ("on the 14th of January", [("2026-01-14", None, False)]),
    ("on 2025-12-03 and 04.12.2025", [("2025-12-03", None, False), ("2025-12-04", None, False)]),
    ("On December 3 the envoys met.", [("2025-12-03", None, False)]),
    ("yesterday and the day before yesterday", [("2026-01-15", None, True), ("2026-01-14", None, True)]),
    ("The talks took place on Wednesday.", [("2026-01-14", None, True)]),
    ("The forum will open on Monday.", [("2026-01-19", None, True)]),
    ("on Friday, 9 January", [("2026-01-09", None, False)]),
    ("last Friday", [("2026-01-09", None, True)]),
    ("on 31 February 2026", []),
])
def test_find_dates(text: str, expected: list[tuple]) -> None:
    got = [(d.date.isoformat(), d.end_date and d.end_date.isoformat(), d.relative) for d in find_dates(text, REF)]
    assert got == expected


def test_offsets_of_a_date_inside_a_window() -> None:
    text = "Intro. The summit was held on 13 January 2026."
    (d,) = find_dates(text, REF, start=7)
    assert text[d.start:d.end] == "13 January 2026"


def test_day_of_an_event() -> None:
    forum = Event("k", "Forum", "Meeting", True, dt.date(2026, 1, 13), dt.date(2026, 1, 15), None, None, (0, 5), 0.9)
    assert parse_day_of("second", forum, None) == dt.date(2026, 1, 14)
    assert parse_day_of("closing", forum, None) == dt.date(2026, 1, 15)
    assert parse_day_of("next", None, dt.date(2026, 1, 13)) == dt.date(2026, 1, 14)
    assert parse_day_of("same", None, None) is None


def test_a_line_that_is_only_a_date_is_a_stamp() -> None:
    from graph.ingest.rules.dates import is_stamp
    for line in ("Tuesday, 13 January 2026", "January 13, 2026", "13.01.2026"):
        assert is_stamp(line, find_dates(line, REF))
    for line in ("The envoys met on 13 January 2026.", "yesterday", "On Tuesday"):
        assert not is_stamp(line, find_dates(line, REF))
