"""Dates: absolute ("13-14 January 2026", "January 13, 2026", "2026-01-13", "13.01.2026"), relative to
the article's date ("yesterday", "on Friday", "next Monday"), and "the second day" of an event."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..facts import Event, Span

__all__ = ["MONTHS", "WEEKDAYS", "FUTURE", "DAY_OF", "DateMention", "find_dates", "is_stamp", "parse_day_of"]

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
FUTURE = re.compile(r"\b(?:will|shall|is\s+(?:to|due|scheduled|set|expected)|are\s+(?:to|due|scheduled|set|expected)|"
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
        future = which in ("next", "coming") or bool(FUTURE.search(chunk[sentence_start:m.start()]))
        if future:
            days = (wd - ref.weekday()) % 7 or (7 if which == "next" else 0)
            found.append(DateMention(s, e, ref + dt.timedelta(days=days), None, True))
        else:
            days = (ref.weekday() - wd) % 7 or (7 if which in ("last", "past") else 0)
            found.append(DateMention(s, e, ref - dt.timedelta(days=days), None, True))
    return sorted(found, key=lambda d: d.start)


def is_stamp(line: str, mentions: list[DateMention], start: int = 0) -> bool:
    """Whether a line is only a date, the page's stamp under a headline ("Saturday, 30 June 2018",
    "April 3, 2013"): it says when the page was posted, not the day of anything the text reports.

    >>> ref = dt.date(2018, 6, 30)
    >>> is_stamp("Saturday, 30 June 2018", find_dates("Saturday, 30 June 2018", ref))
    True
    >>> is_stamp("The concert was held on 30 June 2018.", find_dates("The concert was held on 30 June 2018.", ref))
    False
    """
    rest = list(line)
    for m in mentions:
        rest[m.start - start:m.end - start] = " " * (m.end - m.start)
    return bool(mentions) and not mentions[0].relative and re.fullmatch(
        r"\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?)?\s*[.,]?\s*", "".join(rest), re.I) is not None


DAY_OF = re.compile(r"\b(?:on\s+)?the\s+(first|second|third|fourth|next|following|same|final|last|closing)\s+day\b", re.I)


def parse_day_of(word: str, base: Event | None, discourse: dt.date | None) -> dt.date | None:
    """The date of "the second day" (of ``base``), "the next day" (after ``discourse``, the date last spoken of)."""
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
