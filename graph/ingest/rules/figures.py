"""Figures: trade volumes, exports, imports and investment in USD (billion or million), with who
reports them, against whom, and the period ("in 2025", "in the first seven months of 2025");
targets ("aim to raise trade to …") are not figures."""

from __future__ import annotations

import datetime as dt
import re

from ..facts import Figure
from ..text import MARK, Reader, headline, sentences
from .dates import MONTHS

__all__ = ["figures", "period"]

_MEASURES = [
    (re.compile(r"\b(?:trade\s+turnover|commodity\s+turnover|trade\s+volume|volume\s+of\s+(?:mutual\s+|bilateral\s+)?trade|mutual\s+trade|bilateral\s+trade|"
                r"foreign\s+trade|trade|traded\s+goods|turnover(?=\s+(?:between|with)\b))\b", re.I), "trade-volume", "trade volume"),
    (re.compile(r"\bexport(?:s|ed)?\b", re.I), "exports", "exports"),
    (re.compile(r"\bimport(?:s|ed)?\b", re.I), "imports", "imports"),
    (re.compile(r"\binvest(?:ments?|ed|s)?\b|\bcapital\b", re.I), "investment", "investment"),
]
_MONEY = re.compile(
    r"(?:(?:USD|US\$|\$|U\.S\.\s+dollars?)\s?(?P<v1>\d+(?:[.,]\d+)?)\s*(?P<u1>billion|bln|bn|million|mln|m)\b"
    r"(?:\s+(?:and\s+)?(?P<r1>\d{1,3})\s+(?:million|mln)\b)?"           # "$1 billion 500 million"
    r"|(?P<v2>\d+(?:[.,]\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s*(?P<u2>billion|bln|bn|million|mln)(?:\s+(?:and\s+)?(?P<r2>\d{1,3})\s+(?:million|mln))?"
    r"\s*(?:\s(?:US\s+dollars|dollars|USD|U\.S\.\s+dollars)|\s?US\$|\s?\$)"
    # "$1,500,000,000", "1,500,000,000 US dollars": the whole number
    r"|(?:USD|US\$|\$)\s?(?P<v3>\d{1,3}(?:,\d{3}){2,})(?!\d|,\d)|(?P<v4>\d{1,3}(?:,\d{3}){2,})\s+(?:US\s+dollars|dollars|USD|U\.S\.\s+dollars))", re.I)


def _amount(money: re.Match[str]) -> tuple[float, str]:
    """(value, unit) of a money match: "1,500 million" is 1500 (a thousands comma), "1,5 billion" 1.5,
    "1 billion 200 million" 1.2 billion, "$1,500,000,000" 1.5 billion."""
    whole = money.group("v3") or money.group("v4")
    if whole:
        n = float(whole.replace(",", ""))
        return (round(n / 1e9, 4), "usd-billion") if n >= 1e9 else (round(n / 1e6, 4), "usd-million")
    raw = money.group("v1") or money.group("v2")
    words = {"one": 1, "ten": 10, **_NUMBERS}
    raw = str(words[raw.lower()]) if raw.lower() in words else raw
    value = float(raw.replace(",", "") if re.fullmatch(r"\d{1,3},\d{3}", raw) else raw.replace(",", "."))
    unit_word = (money.group("u1") or money.group("u2")).lower()
    unit = "usd-billion" if unit_word in ("billion", "bln", "bn") else "usd-million"
    rest = money.group("r1") or money.group("r2")
    if rest and unit == "usd-billion":
        value = round(value + int(rest) / 1000, 4)
    return value, unit
_PERIOD = re.compile(
    r"\b(?:in|for|during|over)\s+(?:the\s+)?(?:(?P<first>first|last)\s+(?P<n>\w+)\s+months\s+of\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)\s*[-–]\s*"
    r"(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d))\b|\b(?P<last>last|past|previous)\s+year\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10": 10, "11": 11}


_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
# "for 8 months of this year", "in January-June this year": months of the article's year
_THIS_YEAR = re.compile(rf"\b(?:(?:the\s+)?(?:first\s+)?(?P<n>\w+)\s+months|(?P<m1>{_MONTH})\s*[-–]\s*(?P<m2>{_MONTH}))"
                        rf"\s+(?:of\s+)?(?:this|the\s+current)\s+year\b", re.I)


def period(sentence: str, ref: dt.date) -> str | None:
    """The period a figure is for: "in 2025", "in the first six months of 2025", "January-June 2025",
    "last year", "for 8 months of this year" (of the article's year)."""
    this = _THIS_YEAR.search(sentence)
    if this:
        n = _NUMBERS.get(this.group("n").lower()) if this.group("n") else None
        if n is not None:
            return f"{ref.year}-01/{ref.year}-{n:02d}"
        if this.group("m1"):
            return f"{ref.year}-{MONTHS[this.group('m1').lower()]:02d}/{ref.year}-{MONTHS[this.group('m2').lower()]:02d}"
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
_TARGET = re.compile(r"\b(?:aim|aims|aimed|aiming|target|targets|goal|plan|plans|planning|intend|seek|seeks|raise|bring|increase|"
                     r"will\s+reach|to\s+reach|hope|hopes|expect|expects|expected)\b[^.]{0,60}$"
                     r"|\b(?:to|up\s+to)\s+$", re.I)
# "A is poised to invest over $500 million", "B will invest $1 billion": an intention, whatever verb comes before
_FUTURE = re.compile(r"\b(?:(?:poised|set|ready|going|due|about|planning|plans?|intends?|aims?|expected|hoping|hopes?)\s+to|will|would|shall)"
                     r"\s+(?:\w+\s+){1,3}$", re.I)
_STATED = re.compile(r"\b(?:reached|amounted|totaled|totalled|stood|hit|grew|exceeded|rose|increased|climbed|jumped|"
                     r"surged|fell|dropped|declined|decreased|was|were|is|are)\b")


def figures(reader: Reader) -> None:
    """Every figure of the article (outside the headline)."""
    text, masked = reader.text, reader.masked_text
    out = reader.out
    for s, e in sentences(text):
        sm = masked[s:e]
        if (s, e) == headline(text):
            continue
        for money in _MONEY.finditer(sm):
            before = sm[:money.start()]
            if _TARGET.search(before[-80:]) and not _STATED.search(before[-60:]) or _FUTURE.search(before[-80:]):
                continue
            if re.search(r"\b(?:by|an?\s+(?:increase|growth|rise|decrease|drop|decline)\s+of)\s+(?:almost\s+|nearly\s+|about\s+|over\s+)?$",
                         before, re.I):
                continue      # "grew by $7.5 million", "an increase of $50 million": a change, not the level
            measure = None
            best = -1
            for pattern, slug, _label in _MEASURES:
                for mm in pattern.finditer(before):
                    if mm.start() > best:
                        best, measure = mm.start(), slug
            if measure is None and re.match(r"\s*(?:(?:in|of|worth\s+of)\s+)?(?:annual\s+|bilateral\s+|mutual\s+)?trade(?:\s+(?:turnover|volume))?\b",
                                            sm[money.end():]):
                measure = "trade-volume"      # "$2 billion in bilateral trade", "a $2 billion trade volume"
            prev = _previous_measure(reader, s, before) if measure is None else None
            if prev is not None:                 # "Trade grew by 41% in 2021. This year, this figure is $1.3 billion"
                measure, parties = prev
                if parties is None:
                    continue
                value, unit = _amount(money)
                out.figures.append(Figure(parties[0], parties[1], measure, value, unit, period(sm, reader.article.date),
                                          (s + money.start(), s + money.end()), min(parties[2], 0.6)))
                continue
            if measure is None:
                continue
            parties = _parties(reader, s, sm, money)
            if parties is None and measure == "trade-volume" and not _TARGET.search(before[-80:]):
                parties = _pair_before(reader, s)
            if parties is None:
                continue
            subject, counter, conf = parties
            value, unit = _amount(money)
            out.figures.append(Figure(subject, counter, measure, value, unit, period(sm, reader.article.date),
                                      (s + money.start(), s + money.end()), conf))


_THIS_FIGURE = re.compile(r"\b(?:this|that|the\s+same|the\s+said)\s+(?:figure|indicator|number|amount|volume)\b[^.;]{0,40}$", re.I)


class _End:
    """A zero-length place at the end of a sentence, where :func:`_parties` reads a figure's parties."""

    def __init__(self, at: int):
        self.at = at

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at


def _previous_measure(reader: Reader, s: int, before: str) -> tuple[str, tuple[str, str | None, float] | None] | None:
    """"this figure is $1.3 billion": the measure of the sentence before (its last measure word) and its parties."""
    if not _THIS_FIGURE.search(before):
        return None
    prev = [x for x in sentences(reader.text) if x[1] <= s]
    if not prev:
        return None
    ps, pe = prev[-1]
    psm = reader.masked_text[ps:pe]
    found = [(mm.start(), slug) for pattern, slug, _label in _MEASURES for mm in pattern.finditer(psm)]
    if not found:
        return None
    measure = max(found)[1]
    parties = _parties(reader, ps, psm, _End(len(psm)))  # type: ignore[arg-type]
    return measure, parties


def _pair_before(reader: Reader, s: int) -> tuple[str, str, float] | None:
    """"Turkey is among Turkmenistan's main partners. Trade reached $2 billion": a trade figure whose
    sentence names no party is between the only two states named in the text just before it."""
    out = reader.out
    states = [mm for mm in reader.mentions if s - 600 <= mm[0] < s and out.entities[mm[2]].kind == "State"]
    keys = list(dict.fromkeys(mm[2] for mm in states))
    if len(keys) != 2:
        return None
    return keys[0], keys[1], 0.5


def _pair_order(reader: Reader, pair: list[str], at: int) -> tuple[str, str]:
    """"A and B enjoy good relations. The two countries' trade …": the two states in the order of the last
    sentence before ``at`` that names both, else in the order the text first names them."""
    for s, e in reversed([x for x in sentences(reader.text) if x[0] < at]):
        firsts = {k: min((m[0] for m in reader.mentions if m[2] == k and s <= m[0] < min(e, at)), default=None) for k in pair}
        if all(v is not None for v in firsts.values()):
            a, b = sorted(pair, key=lambda k: firsts[k])   # type: ignore[arg-type, return-value]
            owner = [m for m in reader.mentions if m[2] == b and s <= m[0] < min(e, at)
                     and re.match(r"['’]s\s", reader.text[m[1]:m[1] + 3])]
            return (b, a) if owner else (a, b)     # "A is B's main partner": seen from B
    a, b = sorted(pair, key=lambda k: min(x[0] for x in reader.mentions if x[2] == k))
    return a, b


def _parties(reader: Reader, s: int, sm: str, money: re.Match[str]) -> tuple[str, str | None, float] | None:
    """(subject, counterparty, confidence) of a figure: "trade between A and B", "A's exports to B",
    "the two countries" (the last two states named), else the states and organizations before it."""
    out = reader.out
    scope = sm[:money.start()]
    parties = [reader.at(s + mm.start()) for mm in re.finditer(MARK, scope)]
    parties = [p for p in parties if p and out.entities[p[2]].kind in ("State", "Organization")]
    parties = [p for i, p in enumerate(parties) if all(q[2] != p[2] for q in parties[:i])]   # "the OTS (TDT)": one party
    between = re.search(rf"between\s+(?:the\s+)?({MARK})\s+and\s+(?:the\s+)?({MARK})", scope)
    # "A's investments in B …, while B's investments in A totaled $X": the statement nearest the amount
    poss = ([*re.finditer(rf"({MARK})['’]s\s+(?:\w+\s+){{0,3}}?(?:trade|exports?|imports?|investments?)(?:\s+\w+){{0,3}}?\s+(?:with|to|from|in)\s+(?:the\s+)?({MARK})", scope)]
            or [None])[-1]
    withm = re.search(rf"({MARK})\s+(?:\w+\s+){{0,4}}?(?:trade|exports?|imports?|investments?)\s+(?:\w+\s+){{0,2}}?(?:with|to|from|in)\s+(?:the\s+)?({MARK})", scope)
    after_in = re.match(rf"[^.;]{{0,30}}?\b(?:in|into|with|to)\s+(?:the\s+)?({MARK})", sm[money.end():])
    if after_in and len(parties) == 1:
        b_ = reader.at(s + money.end() + after_in.start(1))
        if b_ and out.entities[b_[2]].kind in ("State", "Organization") and b_[2] != parties[0][2]:
            parties.append(b_)
    for m in (between, poss, withm):
        if m:
            a, b = reader.at(s + m.start(1)), reader.at(s + m.start(2))
            if a and b and a[2] != b[2] and m is poss and re.search(r"\bimports?\b(?:\s+\w+){0,3}?\s+(?:to|into)\s+(?:the\s+)?\S+$", m.group(0)):
                return b[2], a[2], 0.85      # "A's import to B": goods of A that B imports
            if a and b and a[2] != b[2]:
                return a[2], b[2], 0.85
    two = re.search(r"\b(?:the\s+two|both|the|our\s+two|our)\s+(?:countries|states|sides|nations)(?:['’]s?)?\b", scope, re.I)
    if not parties and re.search(r"\bbilateral\s+(?:trade|commodity)", scope, re.I):
        two = two or re.search(r"\bbilateral\b", scope, re.I)      # "bilateral trade reached $460 million"
    if len(parties) < 2 and two:
        earlier: list[str] = []
        for mm in sorted(reader.mentions, key=lambda x: x[0], reverse=True):
            if mm[0] < s + money.start() and out.entities[mm[2]].kind == "State" and mm[2] not in earlier:
                earlier.append(mm[2])
            if len(earlier) == 2:
                break
        if len(earlier) == 2:
            first, second = _pair_order(reader, earlier, s + money.start())
            return first, second, 0.6
    if len(parties) >= 2:
        return parties[0][2], parties[1][2], 0.6
    if len(parties) == 1:
        return parties[0][2], None, 0.55
    return None
