"""The ingest of one article, from text to a TriG file's text and a review table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .facts import Extraction
from .rules import extract
from .gazetteer import Gazetteer, iri, slugify
from .link import Link, link_entities, local
from .text import Article, sentences
from .write import REVIEW_BELOW, Draft, draft, render_trig

__all__ = ["Ingested", "ingest_text", "ingest", "ingest_fresh", "source_slug", "ReviewRow", "keep_confident"]


@dataclass(frozen=True)
class ReviewRow:
    """One line of the review table."""

    what: str            # entity kind or fact kind
    text: str            # the words in the article
    chars: str           # "start-end"
    iri: str             # prefixed IRI or "—"
    status: str          # linked, fuzzy, new, fact, review (written commented out), skipped
    confidence: str
    sentence: str = ""   # for a fact: the sentence it was read from


@dataclass
class Ingested:
    article: Article
    extraction: Extraction
    links: dict[str, Link]
    slug: str
    draft: Draft
    trig: str
    review: list[ReviewRow] = field(default_factory=list)
    graph_names: dict[str, list[str]] = field(default_factory=dict)

    @property
    def flagged(self) -> int:
        return sum(1 for r in self.review if r.status in ("fuzzy", "new", "skipped"))


def source_slug(article: Article, ex: Extraction, publisher_slug: str) -> str:
    """``<publisher>-<yyyy-mm-dd>-<topic>``; the topic comes from the file name (without a leading
    number and date), else from the first event's name.

    >>> from graph.ingest.text import article_from_text
    >>> import datetime as dt
    >>> a = article_from_text("x y", date=dt.date(2026, 1, 15), path="tests/articles/01-ots-diaspora.txt")
    >>> source_slug(a, Extraction(a), "kazinform")
    'kazinform-2026-01-15-ots-diaspora'
    """
    topic = ""
    if article.path:
        stem = Path(article.path).stem
        stem = re.sub(r"^\d+[-_ ]+", "", stem)
        stem = re.sub(r"\d{4}-\d{2}-\d{2}[-_ ]*", "", stem)
        topic = slugify(stem)
        if re.fullmatch(r"[0-9a-f-]{6,}|article|text|input|untitled", topic):
            topic = ""      # a file name that says nothing (a hash, "article")
    if not topic and ex.events:
        topic = "-".join(slugify(ex.events[0].label).split("-")[:6])
    topic = topic or "article"
    return f"{publisher_slug}-{article.date.isoformat()}-{topic}"


def _publisher(gz: Gazetteer, name: str | None) -> tuple[str, str, bool] | None:
    if not name:
        return None
    hits = gz.index.find(name, limit=3, cutoff=95.0, types={"Organization"})
    exact = [h for h in hits if h.score >= 100]
    if exact:
        return exact[0].iri, exact[0].label, True
    return iri("organization", slugify(name)), name, gz.index.has(iri("organization", slugify(name)))


def ingest_text(article: Article, gz: Gazetteer, *, slug: str | None = None, min_confidence: float = 0.0,
                review_below: float = REVIEW_BELOW) -> Ingested:
    """Extract, link and draft one article (nothing is written).

    Facts below ``min_confidence`` are dropped (:func:`keep_confident`); facts below ``review_below``
    are written commented out for review (:func:`~graph.ingest.write.draft`)."""
    ex = extract(article, gz)
    if min_confidence > 0:
        keep_confident(ex, min_confidence)
    links = link_entities(ex, gz)
    pub = _publisher(gz, article.publisher)
    slug = slug or source_slug(article, ex, local(pub[0]) if pub else "article")
    main = next((e for e in ex.events if e.parent is None and e.named), ex.events[0] if ex.events else None)
    headline = (f"Ingested report on {main.label}" if main else f"Ingested report of {article.date.isoformat()}")
    d = draft(ex, links, gz, slug=slug, url=article.url, publisher=pub, headline=headline, review_below=review_below)
    header = [f"Source: {article.url or 'no URL given'}, {article.date.isoformat()}: written by `tkg ingest` from "
              f"{Path(article.path).name if article.path else 'a text'}.",
              "Extracted by rules; lines marked REVIEW need a reviewer's check before the file is curated."]
    for note in d.skipped:
        header.append(f"SKIPPED {note}")
    trig = render_trig(d, header=header)
    ing = Ingested(article, ex, links, slug, d, trig)
    ing.review = review_rows(ing, review_below=review_below)
    ing.graph_names = {link.iri: gz.index.all_names(link.iri) for link in links.values() if gz.index.has(link.iri)}
    return ing


def keep_confident(ex: Extraction, threshold: float) -> None:
    """Drop the facts whose confidence is below ``threshold`` (entities stay). A dropped event takes
    its participations with it, and its parts lose their parent; capacities follow the posts kept."""
    kept = [i for i, p in enumerate(ex.posts) if p.confidence >= threshold]
    renumber = {f"post:{old}": f"post:{new}" for new, old in enumerate(kept)}
    ex.posts = [ex.posts[i] for i in kept]
    dropped = {ev.key for ev in ex.events if ev.confidence < threshold}
    ex.events = [ev for ev in ex.events if ev.key not in dropped]
    for ev in ex.events:
        if ev.parent in dropped:
            ev.parent = None
    ex.participations = [p for p in ex.participations if p.confidence >= threshold and p.event not in dropped]
    for p in ex.participations:
        p.capacity = [renumber[c] for c in p.capacity if c in renumber]
    ex.memberships = [m for m in ex.memberships if m.confidence >= threshold]
    ex.figures = [f for f in ex.figures if f.confidence >= threshold]


def ingest_fresh(article: Article, settings, *, slug: str | None = None,  # type: ignore[no-untyped-def]
                 min_confidence: float = 0.0, review_below: float = REVIEW_BELOW) -> Ingested:
    """Ingest with the project's gazetteer, as if the article had never been ingested: when the
    build already holds the article's own graph (a second ingest), that graph is left out of the
    names, so that the same article gives the same file."""
    from .gazetteer import load_gazetteer

    opts = {"min_confidence": min_confidence, "review_below": review_below}
    ing = ingest_text(article, load_gazetteer(settings), slug=slug, **opts)
    own = iri("graph", ing.slug)
    if own in load_gazetteer(settings).graphs:
        ing = ingest_text(article, load_gazetteer(settings, exclude=own), slug=ing.slug, **opts)
    return ing


def ingest(path: Path, gz: Gazetteer, *, date=None, url: str | None = None,  # type: ignore[no-untyped-def]
           publisher: str | None = None, slug: str | None = None) -> Ingested:
    """Read (with the bad-input checks) and ingest one article file."""
    from .text import read_article

    return ingest_text(read_article(path, date=date, url=url, publisher=publisher), gz, slug=slug)


def review_rows(ing: Ingested, *, review_below: float = REVIEW_BELOW) -> list[ReviewRow]:
    """Entities (linked, fuzzy, new) then facts, in text order; every fact with its sentence, and
    the status ``review`` when it is held back (below ``review_below``)."""
    from .write import term

    ex, links = ing.extraction, ing.links
    spans = sentences(ing.article.text)

    def sentence(span: tuple[int, int]) -> str:
        hit = next((t for t in spans if t[0] <= span[0] < t[1]), None)
        return " ".join(ing.article.text[hit[0]:hit[1]].split()) if hit else ""

    def fact(what: str, text: str, span: tuple[int, int], iri_: str, conf: float, written: bool = True) -> ReviewRow:
        status = "skipped" if not written else ("review" if conf < review_below else "fact")
        return ReviewRow(what, text, f"{span[0]}-{span[1]}", iri_, status, f"{conf:.2f}", sentence(span))

    rows: list[ReviewRow] = []
    for key, ent in sorted(ex.entities.items(), key=lambda kv: kv[1].spans[0] if kv[1].spans else (0, 0)):
        if ent.kind == "Event":
            continue    # events have their own rows below
        link = links.get(key)
        span = ent.spans[0] if ent.spans else (0, 0)
        if link is None:
            rows.append(ReviewRow(ent.kind, ent.label, f"{span[0]}-{span[1]}", "—", "skipped", "—"))
            continue
        conf = f"{link.score / 100:.2f}" if link.status != "new" else f"{ent.confidence:.2f}"
        rows.append(ReviewRow(ent.kind, ent.label, f"{span[0]}-{span[1]}", term(link.iri), link.status, conf))
    for i, p in enumerate(ex.posts):
        what = f"{p.title}" + (f" of {ex.label(p.of)}" if p.of else "") + (f" to {ex.label(p.to)}" if p.to else "")
        iri_ = ing.draft.post_iris.get(i)
        rows.append(fact("post", f"{ex.label(p.person)}: {what}", p.span, term(iri_) if iri_ else "—", p.confidence,
                         bool(iri_)))
    for ev in ex.events:
        when = ev.date.isoformat() if ev.date else "no date"
        link = links.get(ev.key)
        row = fact("event", f"{ev.label} ({when})", ev.span, term(link.iri) if link else "—", ev.confidence,
                   link is not None and ev.date is not None)
        if link is not None and row.status != "skipped" and (link.status != "new" or row.status != "review"):
            row = ReviewRow(row.what, row.text, row.chars, row.iri, link.status, row.confidence, row.sentence)
        rows.append(row)
    held_events = {ev.key for ev in ex.events if ev.confidence < review_below and links.get(ev.key)
                   and links[ev.key].status == "new"}
    for p in ex.participations:
        conf = p.confidence if p.event not in held_events else min(p.confidence, review_below - 0.01)
        row = fact(p.role, f"{ex.label(p.participant)} @ {ex.label(p.event)}", p.span, "—", conf)
        rows.append(ReviewRow(row.what, row.text, row.chars, row.iri, row.status, f"{p.confidence:.2f}", row.sentence))
    for m in ex.memberships:
        rows.append(fact("membership", f"{ex.label(m.member)}: {m.status} of {ex.label(m.organization)}",
                         m.span, "—", m.confidence))
    for f in ex.figures:
        rows.append(fact("figure", f"{ex.label(f.subject)} {f.measure} {f.value:g} {f.unit}"
                         + (f" with {ex.label(f.counterparty)}" if f.counterparty else "")
                         + (f" ({f.period})" if f.period else ""), f.span, "—", f.confidence))
    return rows
