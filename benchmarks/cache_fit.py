"""Refill the article cache from a stored copy of the page: find the trimming whose SHA-256 is the index's.

The cache's texts were cut by hand from the stored page (the search tool's `pages` corpus): its
`date YYYY-MM-DD` header, navigation, bylines, photo credits and time stamps off, indents and runs
of spaces tidied, a last sentence cut off mid-way dropped. Only the hash is in git, so a new machine
gets a text back by trying those cuts, the smallest first, until one has the recorded hash. Nothing
is guessed: a text goes into the cache only when its hash is the one in the index.

The page is read as paragraphs (its non-blank lines) with the blank lines before each. A cut keeps a
run of paragraphs; may drop up to three short ones inside it (captions, credits, stamps), or one run of
them under the headline; may start
the first one at a later word ("Today.Az » News » Headline" → "Headline"); may end the last one at a
sentence end; and lays the blank lines out as the page does, or one blank line between paragraphs,
or none.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from collections.abc import Callable, Iterator

from real_cache import text_hash

_DATE_HEADER = re.compile(r"(?:^|\s)date \d{4}-\d{2}(?:-\d{2})?\s+")
_SENTENCE_END = re.compile(r"[.!?»\"”')]")
_STAMP = re.compile(r"^(?:(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}(?:\s*[AP]M)?)[\s|,-]*)+")
_WORD_START = re.compile(r"(?<=\s)\S|(?<=[\d|:)])[A-Z«“\"]")  # a word, or a capital glued to a stamp ("10:20Minister")
MAX_PARAGRAPHS = 60     # a stored excerpt is about 2,000 characters
SHORT = 160             # a paragraph this short may be a caption, credit or stamp dropped inside the text
HEAD = 8                # the text starts within the page's first HEAD paragraphs
WIDE_HEAD = 24          # last resort: a page that opens with a long box of short lines (exchange rates)
DEADLINE_S = 120.0      # the longest a search for one page may take

Paragraphs = list[tuple[int, str]]      # (newlines before it, its text)


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


_CLEANINGS: tuple[Callable[[str], str], ...] = (
    str.rstrip,
    str.strip,                                              # indents off
    lambda line: re.sub(r"[ \t]{2,}", " ", line.strip()),   # and runs of spaces as one
    lambda line: _STAMP.sub("", line.strip()),              # a time stamp before the text ("30.10.2022 | 05:35 |")
)


def paragraphs(text: str, clean: Callable[[str], str]) -> Paragraphs:
    """The non-blank lines of `text`, cleaned, each with the number of newlines before it."""
    out: Paragraphs = []
    gap = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean(line)
        if line:
            out.append((gap, line))
            gap = 1
        else:
            gap += 1
    return out[:MAX_PARAGRAPHS]


def _joined(paras: Paragraphs, how: str) -> Paragraphs:
    """A line wrapped mid-sentence ("… on October 3" / "2009 in Nakhchivan …") joined to the next with a space:
    `unended` when the line has no sentence end, `lower` when the next starts with a small letter or a digit,
    `across` as `unended` but also over one blank line."""
    out: Paragraphs = []
    for gap, p in paras:
        prev = out[-1][1] if out else ""
        unended = bool(prev) and not _SENTENCE_END.search(prev[-1:]) and not prev.endswith(":")
        join = {"unended": gap == 1 and unended, "lower": gap == 1 and bool(prev) and (p[:1].islower() or p[:1].isdigit()),
                "across": gap <= 2 and unended}[how]
        if join:
            out[-1] = (out[-1][0], prev + " " + p)
        else:
            out.append((gap, p))
    return out


def _layouts(paras: Paragraphs) -> Iterator[Paragraphs]:
    for form in (paras, *(_joined(paras, how) for how in ("unended", "lower", "across"))):
        yield form
        yield [(2, p) for _, p in form]
        yield [(1, p) for _, p in form]


def _firsts(line: str, many: bool) -> list[str]:
    return [line, *([line[m.start():] for m in _WORD_START.finditer(line)][:40] if many else [])]


def _lasts(line: str) -> list[str]:
    return [line, *[line[:m.end()] for m in reversed(list(_SENTENCE_END.finditer(line)))][:8]]


def _render(paras: Paragraphs) -> str:
    return "".join(("\n" * gap if k else "") + p for k, (gap, p) in enumerate(paras)) + "\n"


def _gone(paras: Paragraphs, i: int, j: int, drops: int) -> Iterator[tuple[int, ...]]:
    """What to drop inside paragraphs i..j: `drops` short ones, or (drops = -1) one run of two or more of any
    length that starts within a few paragraphs of the top (stamps, captions and bylines under a headline)."""
    if drops >= 0:
        yield from itertools.combinations([k for k in range(i + 1, j) if len(paras[k][1]) <= SHORT], drops)
        return
    for a in range(i + 1, min(i + HEAD, j)):
        for b in range(a + 2, j):
            yield tuple(range(a, b))


def _kept(paras: Paragraphs, i: int, j: int, gone: set[int]) -> Paragraphs:
    """Paragraphs i..j but those gone; one after a dropped one keeps the wider of the two gaps before them."""
    out: Paragraphs = []
    gap = 0
    for k in range(i, j + 1):
        if k in gone:
            gap = max(gap, paras[k][0])
            continue
        out.append((max(gap, paras[k][0]), paras[k][1]))
        gap = 0
    return out


def _cuts(paras: Paragraphs, drops: int, many_firsts: bool, head: int = HEAD) -> Iterator[str]:
    n = len(paras)
    for i in range(min(head, n)):
        for j in range(n - 1, i - 1, -1):
            for gone in _gone(paras, i, j, drops):
                kept = _kept(paras, i, j, set(gone))
                for first in _firsts(kept[0][1], many_firsts):
                    if len(kept) == 1:
                        yield from (_render([(0, one)]) for one in _lasts(first))
                        continue
                    for last in _lasts(kept[-1][1]):
                        yield _render([(0, first), *kept[1:-1], (kept[-1][0], last)])


def fit_text(page: str, sha256: str, deadline_s: float = DEADLINE_S) -> str | None:
    """The cut of `page` whose text has this SHA-256, or None (also when `deadline_s` runs out)."""
    stop = time.monotonic() + deadline_s
    stages = [(0, False, HEAD), (1, False, HEAD), (0, True, HEAD), (2, False, HEAD), (1, True, HEAD),
              (3, False, HEAD), (-1, False, HEAD), (0, False, WIDE_HEAD), (1, False, WIDE_HEAD),
              (2, False, WIDE_HEAD)]
    for drops, many_firsts, head in stages:
        for start in _starts(page):
            for clean in _CLEANINGS:
                for paras in _layouts(paragraphs(start, clean)):
                    for k, text in enumerate(_cuts(paras, drops, many_firsts, head)):
                        if text_hash(text) == sha256:
                            return text
                        if k % 4096 == 0 and time.monotonic() > stop:
                            return None
    return None
