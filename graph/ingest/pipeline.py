"""The ingest of one article, from text to a TriG file's text and a review table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .facts import Extraction
from .rules import extract
from .gazetteer import Gazetteer, iri, slugify
from .link import Link, link_entities, local
from .text import Article
from .write import Draft, draft, render_trig

__all__ = ["Ingested", "ingest_text", "ingest", "ingest_fresh", "source_slug", "ReviewRow"]


@dataclass(frozen=True)
class ReviewRow:
    """One line of the review table."""

    what: str            # entity kind or fact kind
    text: str            # the words in the article
    chars: str           # "start-end"
    iri: str             # prefixed IRI or "—"
    status: str          # linked, fuzzy, new, fact, skipped
    confidence: str


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


def ingest_text(article: Article, gz: Gazetteer, *, slug: str | None = None) -> Ingested:
    """Extract, link and draft one article (nothing is written)."""
    ex = extract(article, gz)
    links = link_entities(ex, gz)
    pub = _publisher(gz, article.publisher)
    slug = slug or source_slug(article, ex, local(pub[0]) if pub else "article")
    main = next((e for e in ex.events if e.parent is None and e.named), ex.events[0] if ex.events else None)
    headline = (f"Ingested report on {main.label}" if main else f"Ingested report of {article.date.isoformat()}")
    d = draft(ex, links, gz, slug=slug, url=article.url, publisher=pub, headline=headline)
    header = [f"Source: {article.url or 'no URL given'}, {article.date.isoformat()}: written by `tkg ingest` from "
              f"{Path(article.path).name if article.path else 'a text'}.",
              "Extracted by rules; lines marked REVIEW need a reviewer's check before the file is curated."]
    for note in d.skipped:
        header.append(f"SKIPPED {note}")
    trig = render_trig(d, header=header)
    ing = Ingested(article, ex, links, slug, d, trig)
    ing.review = review_rows(ing)
    ing.graph_names = {link.iri: gz.index.all_names(link.iri) for link in links.values() if gz.index.has(link.iri)}
    return ing


def ingest_fresh(article: Article, settings, *, slug: str | None = None) -> Ingested:  # type: ignore[no-untyped-def]
    """Ingest with the project's gazetteer, as if the article had never been ingested: when the
    build already holds the article's own graph (a second ingest), that graph is left out of the
    names, so that the same article gives the same file."""
    from .gazetteer import load_gazetteer

    ing = ingest_text(article, load_gazetteer(settings), slug=slug)
    own = iri("graph", ing.slug)
    if own in load_gazetteer(settings).graphs:
        ing = ingest_text(article, load_gazetteer(settings, exclude=own), slug=ing.slug)
    return ing


def ingest(path: Path, gz: Gazetteer, *, date=None, url: str | None = None,  # type: ignore[no-untyped-def]
           publisher: str | None = None, slug: str | None = None) -> Ingested:
    """Read (with the bad-input checks) and ingest one article file."""
    from .text import read_article

    return ingest_text(read_article(path, date=date, url=url, publisher=publisher), gz, slug=slug)


def review_rows(ing: Ingested) -> list[ReviewRow]:
    """Entities (linked, fuzzy, new) then facts, in text order."""
    from .write import term

    ex, links = ing.extraction, ing.links
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
        rows.append(ReviewRow("post", f"{ex.label(p.person)}: {what}", f"{p.span[0]}-{p.span[1]}",
                              term(iri_) if iri_ else "—", "fact" if iri_ else "skipped", f"{p.confidence:.2f}"))
    for ev in ex.events:
        when = ev.date.isoformat() if ev.date else "no date"
        link = links.get(ev.key)
        rows.append(ReviewRow("event", f"{ev.label} ({when})", f"{ev.span[0]}-{ev.span[1]}",
                              term(link.iri) if link else "—", link.status if link else "skipped",
                              f"{ev.confidence:.2f}"))
    for p in ex.participations:
        rows.append(ReviewRow(f"{p.role}", f"{ex.label(p.participant)} @ {ex.label(p.event)}",
                              f"{p.span[0]}-{p.span[1]}", "—", "fact", f"{p.confidence:.2f}"))
    for m in ex.memberships:
        rows.append(ReviewRow("membership", f"{ex.label(m.member)}: {m.status} of {ex.label(m.organization)}",
                              f"{m.span[0]}-{m.span[1]}", "—", "fact", f"{m.confidence:.2f}"))
    for f in ex.figures:
        rows.append(ReviewRow("figure", f"{ex.label(f.subject)} {f.measure} {f.value:g} {f.unit}"
                              + (f" with {ex.label(f.counterparty)}" if f.counterparty else "")
                              + (f" ({f.period})" if f.period else ""),
                              f"{f.span[0]}-{f.span[1]}", "—", "fact", f"{f.confidence:.2f}"))
    return rows
