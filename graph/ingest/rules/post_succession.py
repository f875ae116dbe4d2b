"""Posts by succession: who is replaced or succeeded in a post held the same post before ("He replaces
X", "A succeeds X as Ambassador", "A took over from his predecessor X")."""

from __future__ import annotations

import dataclasses
import re

from ..facts import Post
from ..text import MARK, Reader, sentences
from .lexicon import HONOR

__all__ = ["succession_posts"]

# "A replaces / succeeded / will replace X", "replacing X", "A's predecessor X", "from his predecessor, X"
_SUCCEEDS = re.compile(rf"\b(?:(?:will\s+|to\s+)?(?:replace[sd]?|succeed(?:s|ed)?)|replacing|succeeding)\s+{HONOR}({MARK})"
                       rf"|\b(?:[Hh]is|[Hh]er|['’]s)\s+predecessor\s*,?\s+{HONOR}({MARK})")
_CAUSATIVE = re.compile(rf"\s*,?\s+(?:with|by)\s+(?:the\s+)?(?:\w+\s+){{0,4}}?{HONOR}{MARK}")
_PRONOUN = re.compile(r"(?:^|[^\w])(?:[Hh]e|[Ss]he)\s+$")


def _successor(reader: Reader, spans: list[tuple[int, int]], at: int) -> str | None:
    """The person who replaces: the person named right before the verb in its sentence, or, for "he"/"she",
    the first person named in the nearest sentence before that names one (up to three back)."""
    here = next((i for i, (s, e) in enumerate(spans) if s <= at < e), None)
    if here is None:
        return None
    start = spans[here][0]
    lead = reader.masked_text[start:at]
    named = [m for m in reader.inside(start, at) if m[3] == "Person"]
    if not _PRONOUN.search(lead):
        return named[-1][2] if named else None
    for s, e in reversed(spans[max(0, here - 3):here]):
        people = sorted(m for m in reader.inside(s, e) if m[3] == "Person")
        if people:
            return people[0][2]
    return None


_TAKEN_UP = re.compile(r"\b(?:appointed|appointment|newly|new|elected|named|nominated)\b")


def _taken_up(reader: Reader, spans: list[tuple[int, int]], post: Post, at: int) -> bool:
    """Whether the successor's post is the one taken up: stated in the sentence of the succession, or in
    a sentence that speaks of an appointment ("was appointed", "the new Ambassador")."""
    here = next(((s, e) for s, e in spans if s <= post.span[0] < e), None)
    return here is not None and (here[0] <= at < here[1] or _TAKEN_UP.search(reader.text, here[0], here[1]) is not None)


def succession_posts(reader: Reader) -> None:
    """"Ufuk Ulutash has been appointed Ambassador of A to B. He replaces Olgan Bekar": the replaced person
    held the successor's post (one post held now, or the last named before), as a past post."""
    out = reader.out
    spans = sentences(reader.text)
    for m in _SUCCEEDS.finditer(reader.masked_text):
        g = 1 if m.group(1) else 2
        replaced = reader.at(m.start(g))
        if replaced is None or replaced[3] != "Person" or _CAUSATIVE.match(reader.masked_text, m.end()):
            continue        # "A replaced X with Y": A appoints, X's post is not A's
        successor = _successor(reader, spans, m.start())
        if successor is None or successor == replaced[2] or any(p.person == replaced[2] for p in out.posts):
            continue
        held = [p for p in out.posts if p.person == successor and not p.past and p.of is not None and _taken_up(reader, spans, p, m.start())]
        before = [p for p in held if p.span[0] < m.start()]
        if held:
            out.posts.append(dataclasses.replace((before or held)[-1], person=replaced[2], span=(m.start(g), m.end(g)),
                                                 past=True, confidence=0.6))
