"""The text machinery of ingest: reading an article (the bad-input checks, the optional ``date``
header), sentences, headlines and datelines, and the masked copy of the text through which every
rule sees the entities.

An article is a UTF-8 text file. It may open with a header line ``date YYYY-MM-DD`` (or
``date: YYYY-MM-DD``); the header is blanked out (replaced by spaces) so that character offsets
still point into the file as it is.

The masked copy: every entity mention is replaced by one marker character (a supplementary
private-use character, U+F0000 + its number) padded with U+F8FF to the mention's length, so that
the title, membership and figure patterns are ordinary regular expressions over entities, and
offsets in the masked text are offsets in the article. :class:`Reader` holds it, with the
mentions and the entities found so far; :func:`scan_known` fills it with the gazetteer's names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .facts import Entity, Extraction, Span
from .gazetteer import Gazetteer, NameHit, slugify, variant_key

__all__ = ["MAX_BYTES", "Article", "read_article", "article_from_text", "check_english", "sentences", "parse_iso_date",
           "Mention", "Reader", "MARK", "CAP_WORD", "PRIVATE", "is_marker", "scan_known", "headline", "DATELINE", "LIST"]

#: The largest article accepted (news articles are a few kB; a 10 MB "article" is a mistake).
MAX_BYTES = 2 * 1024 * 1024

_HEADER = re.compile(r"\A\s*date\s*:?\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """One article: its text (header blanked), its date, and where it came from."""

    text: str
    date: dt.date
    path: str | None = None
    url: str | None = None
    publisher: str | None = None


def parse_iso_date(value: str, *, what: str = "date") -> dt.date:
    """A ``YYYY-MM-DD`` date, or :class:`InputError`.

    >>> parse_iso_date("2026-01-15")
    datetime.date(2026, 1, 15)
    >>> parse_iso_date("15.01.2026")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: not a YYYY-MM-DD date for date: '15.01.2026'
    """
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError(value)
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"not a YYYY-MM-DD date for {what}: {value!r}") from None


def decode(raw: bytes, *, name: str) -> str:
    """The text of an article file's bytes, refusing what is not a UTF-8 text article.

    >>> decode(b"", name="a.txt")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: a.txt: the article is empty
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", name="a.png")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: a.png: a binary file (NUL bytes), not a text article
    >>> decode("Türkiye".encode("latin-1"), name="a.txt")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: a.txt: not UTF-8 text (invalid byte 0xfc at offset 1); save the article as UTF-8
    """
    if len(raw) > MAX_BYTES:
        raise InputError(f"{name}: {len(raw)} bytes is too large for an article "
                         f"(at most {MAX_BYTES} bytes)")
    if not raw.strip():
        raise InputError(f"{name}: the article is empty")
    if b"\x00" in raw:
        raise InputError(f"{name}: a binary file (NUL bytes), not a text article")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset "
                         f"{exc.start}); save the article as UTF-8") from None
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    if not re.search(r"[^\W\d_]{2,}", text):
        raise InputError(f"{name}: the article has no words")
    return text


#: Letters of the Latin script (ASCII, Latin-1, Latin Extended A/B, IPA-free: Ə, ə, ğ, ş …).
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
#: English function words: a page of English prose has many (about a fifth of its words).
_ENGLISH = frozenset("the of and to in a an is was were are for on with by at from that as has have be this "
                     "it its he she they his her their which who will".split())
#: A text is refused when more than this share of its letters is not Latin ...
NON_LATIN_SHARE = 0.3
#: ... or when it has at least :data:`MIN_WORDS` words and fewer English function words than this share.
ENGLISH_SHARE, MIN_WORDS = 0.05, 30


def check_english(text: str, *, name: str = "the article") -> None:
    """Refuse text that is not English (:class:`InputError`): the rules are English.

    Two cheap tests, no model: the share of letters outside the Latin script (Cyrillic, Arabic …),
    and, for a text of some length, the share of English function words ("the", "of", "and" …),
    which tells Turkish or Uzbek in Latin letters from English.

    >>> check_english("Kubanychbek Omuraliev (Кубанычбек Өмүралиев) spoke at the opening of the forum in Vienna.")
    >>> check_english("Посол Кыргызской Республики в Австрии", name="a.txt")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: a.txt: only English is supported (100% of the letters are not Latin: Cyrillic)
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return
    foreign = [c for c in letters if not _LATIN.match(c)]
    if len(foreign) > NON_LATIN_SHARE * len(letters):
        script = _script(foreign)
        raise InputError(f"{name}: only English is supported ({len(foreign) / len(letters):.0%} of the letters "
                         f"are not Latin: {script})")
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) >= MIN_WORDS:
        share = sum(1 for w in words if w in _ENGLISH) / len(words)
        if share < ENGLISH_SHARE:
            raise InputError(f"{name}: only English is supported (only {share:.0%} of the words are English "
                             "function words such as 'the', 'of', 'and')")


def _script(chars: list[str]) -> str:
    import unicodedata
    from collections import Counter

    names = Counter(unicodedata.name(c, "UNKNOWN").split()[0].title() for c in chars)
    return ", ".join(n for n, _ in names.most_common(2))


def article_from_text(text: str, *, date: dt.date | None, path: str | None = None,
                      url: str | None = None, publisher: str | None = None) -> Article:
    """An :class:`Article` from its text: the ``date`` header is read and blanked; a text that is
    not English is refused (:func:`check_english`).

    An explicit ``date`` wins over the header; without either, :class:`InputError`.

    >>> a = article_from_text("date 2026-01-15 The meeting was held on Friday.", date=None)
    >>> a.date, a.text.index("The")
    (datetime.date(2026, 1, 15), 16)
    """
    header = _HEADER.match(text)
    if header:
        if date is None:
            date = parse_iso_date(header.group(1), what=f"the header of {path or 'the article'}")
        text = " " * header.end() + text[header.end():]
    if date is None:
        raise InputError(f"{path or 'the article'}: no date; give --date YYYY-MM-DD")
    check_english(text, name=path or "the article")
    return Article(text=text, date=date, path=path, url=url, publisher=publisher)


def read_article(path: Path, *, date: dt.date | None, url: str | None = None,
                 publisher: str | None = None) -> Article:
    """Read and check one article file (see :func:`decode`)."""
    if path.is_dir():
        raise InputError(f"{path}: a folder, not an article file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size} bytes is too large for an article (at most {MAX_BYTES} bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    text = decode(raw, name=str(path))
    return article_from_text(text, date=date, path=str(path), url=url, publisher=publisher)


# Abbreviations after which a full stop does not end a sentence.
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                     r"H\.E|e\.g|i\.e|U\.S|vs|Gen|Lt|Col|Amb)|\b[A-Z])\.$")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of a text: split after ``.``, ``!``, ``?`` followed by space
    and a capital, a digit or a quote, and at blank lines; abbreviations do not split.

    >>> t = "Mr. Aliyev met H.E. Fidan. They talked.\\n\\nA new line"
    >>> [t[s:e] for s, e in sentences(t)]
    ['Mr. Aliyev met H.E. Fidan.', 'They talked.', 'A new line']
    """
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = base = para.start()
        chunk_end = para.end()
        for m in re.finditer(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9À-ÖØ-Þ\u0400-\u042f])", text[base:chunk_end]):
            end = base + m.end()
            if _ABBREV.search(text[max(start, end - 6):end]):
                continue
            spans.append(_trim(text, start, end))
            start = end
        if text[start:chunk_end].strip():
            spans.append(_trim(text, start, chunk_end))
    return [s for s in spans if s[1] > s[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ------------------------------------------------------------------------------- the masked copy

#: A mention: (start, end, entity key, kind as used: State, Organization, City, Venue, Person, Event, Demonym).
Mention = tuple[int, int, str, str]

_MARK_LO, _MARK_HI = 0xF0000, 0x10FFFD        # markers: supplementary private use planes
_MARKCHR = "[\U000F0000-\U0010FFFD]"
#: A capitalized word of a name, or a mention's marker.
CAP_WORD = r"(?:\d+(?:st|nd|rd|th)\b|[IVXL]+\b|[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w'’.&-]*|" + _MARKCHR + r"\uf8ff*)"
#: One mention in the masked text (a pattern).
MARK = _MARKCHR + r"\uf8ff*"
#: The private-use characters (of the text itself, or markers).
PRIVATE = re.compile("[\ue000-\uf8ff\U000F0000-\U0010FFFF]")


def is_marker(ch: str) -> bool:
    """Whether a character of the masked text stands for a mention.

    >>> is_marker(_marker(3, 1)), is_marker("A")
    (True, False)
    """
    return bool(ch) and _MARK_LO <= ord(ch[0]) <= _MARK_HI


def _marker(n: int, length: int) -> str:
    return chr(_MARK_LO + n) + "\uf8ff" * (length - 1)


class Reader:
    """The state of one extraction: mentions, the masked text, entities."""

    def __init__(self, article: Article, gz: Gazetteer):
        self.article = article
        self.text = article.text
        self.gz = gz
        self.out = Extraction(article)
        self.mentions: list[Mention] = []   # (start, end, entity key, kind as used)
        self.slots: list[Mention] = []      # every mention ever made, by marker number
        # the masked copy: private-use characters of the text itself become spaces (same offsets)
        self.plain = PRIVATE.sub(" ", self.text)
        self.masked = list(self.plain)
        self.owner = [-1] * len(self.text)
        self._draft = 0
        self.alternatives: dict[Span, dict[str, tuple[str, str]]] = {}   # span -> kind -> (iri, label)
        self.datelines: list[Span] = []
        self.titled: dict[str, str] = {}
        self.event_bodies: dict[str, str] = {}     # "the 9th OTS summit" -> the OTS (named inside the event's name)

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

    def remove(self, m: Mention) -> None:
        """Forget a mention (a longer phrase took its place): its text comes back in the masked copy."""
        self.mentions.remove(m)
        s, e = m[0], m[1]
        self.masked[s:e] = list(self.plain[s:e])
        self.owner[s:e] = [-1] * (e - s)

    def free(self, start: int, end: int) -> bool:
        return all(o < 0 for o in self.owner[start:end])

    def at(self, pos: int) -> Mention | None:
        ch = self.masked[pos]
        if is_marker(ch):
            return self.slots[ord(ch) - _MARK_LO]
        return None

    def window(self, start: int, end: int) -> str:
        """A stretch of the masked copy as it is now."""
        return "".join(self.masked[max(0, start):max(0, end)])

    def inside(self, start: int, end: int) -> list[Mention]:
        """The live mentions lying within [start, end)."""
        ids = sorted({o for o in self.owner[start:end] if o >= 0})
        return [self.slots[i] for i in ids if start <= self.slots[i][0] and self.slots[i][1] <= end]

    @property
    def masked_text(self) -> str:
        return "".join(self.masked)


def scan_known(reader: Reader) -> None:
    """Mentions of every name the gazetteer knows (the longest at each place; a demonym refers to its state)."""
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


# ------------------------------------------------------------------------------- text structure

#: The dateline of an agency report: "VIENNA, 15 January 2026 –", "BAKU, Jan. 14 (AZERTAC)."
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Za-z\u00c0-\u024f .'’-]{1,40},?[ \t]+(?:[A-Za-z\u00c0-\u024f]+,?[ \t]+)?"
                      r"(?:\d{1,2}[ \t]+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?[ \t]+\d{1,2})(?:,?[ \t]+\d{4})?[ \t]*(?:\([^)\n]*\))?[ \t]*[–—:-]"
                      r"|^[ \t]*[A-Z][A-Z .'-]{2,30}(?:,[ \t]*[A-Z][A-Za-z ]+)?[ \t]*(?:\([^)\n]*\))?[ \t]*[–—-]"
                      r"|^[ \t]*[A-Z][A-Za-z'’-]+(?:[ \t][A-Z][A-Za-z'’-]+)?[,.][ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)"
                      r"(?:,?[ \t]+\d{4})?(?:[ \t]*\([^)\n]*\))?[ \t]*[.–—-]"
                      # "BAKU, Azerbaijan, Dec. 1." (city, country, day) and "BISHKEK. KAZINFORM" (city, agency)
                      r"|^[ \t]*[A-Z][A-Z'’-]{2,20},[ \t]+[A-Z][a-z]+,[ \t]+(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)"
                      r"(?:,?[ \t]+\d{4})?[ \t]*[.–—:-]"
                      r"|^[ \t]*[A-Z][A-Z'’-]{2,20}\.[ \t]+[A-Z]{3,12}\b(?![a-z])"
                      # "Budapest (MTI) –", "Tashkent, Uzbekistan (UzDaily.com) --" (city, country, agency in brackets)
                      r"|^[ \t]*[A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+)?(?:,[ \t]*[A-Z][a-z]+)?[ \t]*\([A-Za-z][^)\n]{1,30}\)[ \t]*(?:[–—-]{1,2}|:)"
                      # "Baku, July 11, AZERTAC" and "Bishkek, Sept. 24, 2021 . / Kabar / ." (city, day, agency)
                      r"|^[ \t]*[A-Z][A-Za-z'’-]+,[ \t]+(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)"
                      r"(?:,?[ \t]+\d{4})?[ \t]*[.,][ \t]*(?:/[ \t]*[A-Z][A-Za-z]+[ \t]*/[ \t]*\.?|[A-Z]{3,12}\b(?![a-z])"
                      r"|(?:The[ \t]+)?[A-Z][A-Za-z.'’-]+(?:[ \t][A-Z][A-Za-z.'’-]+){0,3}[ \t]*:)"      # "Budapest, March 27, 2024, The Europe Today:"
                      # "Bishkek, (APP - 29th Apr, 2025)", "ANKARA (Anadolu Agency, 3 May 2024)" (city, agency and day in brackets)
                      r"|^[ \t]*[A-Z][A-Za-z'’-]+(?:[ \t][A-Z][A-Za-z'’-]+)?,?[ \t]*\([A-Za-z][^)\n]{0,60}?\b\d{4}\)(?=[ \t]*[A-Z–—-])")


def headline(text: str) -> Span | None:
    """The span of a headline: a first paragraph of one short line with no final full stop."""
    m = re.match(r"\s*([^\n]{3,160})\n\s*\n", text)
    if not m or re.search(r"[.!?:]$", m.group(1).strip()) or DATELINE.match(m.group(1)):
        return None
    return m.start(1), m.start(1) + len(m.group(1).rstrip())


#: A list of mentions, "A, B and C", "A (AB), B as well as C" (group 1).
_ITEM = rf"{MARK}(?:\s*\({MARK}\))?"          # "Turkish Republic of Northern Cyprus (TRNC)"
LIST = rf"((?:{_ITEM}\s*(?:,\s*and|,|and|as\s+well\s+as)\s*(?:the\s+)?)*{_ITEM})"
