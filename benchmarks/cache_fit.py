"""Refill the article cache from a stored copy of the page: find the trimming whose SHA-256 is the index's.

The cache's texts were cut by hand from the stored page (the search tool's `pages` corpus): its
`date YYYY-MM-DD` header, navigation, bylines and photo credits off, and a last sentence cut off
mid-way dropped. Only the hash is in git, so a new machine gets a text back by trying those cuts, in
order of how little they take away, until one has the recorded hash. Nothing is guessed: a text
goes into the cache only when its hash is the one in the index.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterator

_DATE_HEADER = re.compile(r"(?:^|\s)date \d{4}-\d{2}-\d{2}\s+")
_SENTENCE_END = re.compile(r"[.!?»\"”')](?=\s)")
MAX_LINES = 80          # a stored excerpt is about 2,000 characters; more lines than this is not one


def _normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def page_texts(raw: str) -> list[str]:
    """The page text(s) in a file: a JSON string, an object with `excerpt`, a search answer with `results`, or plain text."""
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError:
        return [raw]
    if isinstance(doc, str):
        return [doc]
    if isinstance(doc, dict) and isinstance(doc.get("excerpt"), str):
        return [doc["excerpt"]]
    if isinstance(doc, dict) and isinstance(doc.get("results"), list):
        return [r["excerpt"] for r in doc["results"] if isinstance(r, dict) and isinstance(r.get("excerpt"), str)]
    return [raw]


def _starts(text: str) -> Iterator[str]:
    """The page as stored, then without its date header (and what precedes it on its line)."""
    yield text
    m = _DATE_HEADER.search(text)
    if m:
        yield text[m.end():]
        line_start = text.rfind("\n", 0, m.start()) + 1
        yield text[:line_start] + text[m.end():]


def _last_line_cuts(line: str) -> Iterator[str]:
    """The last line whole, then cut after each sentence end, longest first."""
    yield line
    ends = [m.end() for m in _SENTENCE_END.finditer(line)]
    for end in reversed(ends):
        yield line[:end]


def _spans(lines: list[str]) -> Iterator[list[str]]:
    """Runs of lines, the longest first, then each with one or two inner lines dropped."""
    n = len(lines)
    runs = sorted(((i, j) for i in range(n) for j in range(i + 1, n + 1)), key=lambda r: r[0] - r[1])
    for drop in (0, 1, 2):
        for i, j in runs:
            inner = range(i + 1, j - 1)
            for gone in itertools.combinations(inner, drop):
                yield [lines[k] for k in range(i, j) if k not in gone]


def fit_text(page: str, sha256: str) -> str | None:
    """The trimming of `page` whose normalized text has this SHA-256, or None."""
    for start in _starts(page):
        lines = [ln for ln in _normalize(start).split("\n")[:-1]]
        if len(lines) > MAX_LINES:
            lines = lines[:MAX_LINES]
        for span in _spans(lines):
            for last in _last_line_cuts(span[-1]):
                text = _normalize("\n".join([*span[:-1], last]))
                if _sha(text) == sha256:
                    return text
    return None
