"""Reading an article: the bad-input checks, the optional ``date`` header, and sentences.

An article is a UTF-8 text file. It may open with a header line ``date YYYY-MM-DD`` (or
``date: YYYY-MM-DD``); the header is blanked out (replaced by spaces) so that character offsets
still point into the file as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["MAX_BYTES", "Article", "read_article", "article_from_text", "sentences", "parse_iso_date"]

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


def article_from_text(text: str, *, date: dt.date | None, path: str | None = None,
                      url: str | None = None, publisher: str | None = None) -> Article:
    """An :class:`Article` from its text: the ``date`` header is read and blanked.

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
