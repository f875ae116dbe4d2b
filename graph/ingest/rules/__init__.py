"""The extraction rules, one module per family.

The families run in this order over one :class:`~graph.ingest.text.Reader` (the masked text):
names the gazetteer knows (:func:`~graph.ingest.text.scan_known`), then

* :mod:`.phrases`: organizations, venues and named events the gazetteer does not know;
* :mod:`.persons`: persons, and role titles with what they are of and accredited to;
* :mod:`.posts`: titles with their holders (with :mod:`.post_recall`, titles known by their head words, and
  :mod:`.post_succession`, the posts of persons replaced or succeeded);
* :mod:`.events`: named and unnamed events with dates, places and parts (dates by :mod:`.dates`),
  and, sentence by sentence, :mod:`.participations`;
* :mod:`.memberships` (with its recall layer of word lists, :mod:`.membership_recall`) and :mod:`.figures`.

:mod:`.lexicon` holds the word lists the families share.
"""

from __future__ import annotations

import datetime as dt  # noqa: F401  (the doctests use it)
import re
from urllib.parse import urlsplit

from ..facts import Entity, Extraction
from ..gazetteer import Gazetteer
from ..text import PRIVATE, Article, Reader, scan_known
from .events import events
from .figures import figures
from .memberships import memberships
from .persons import persons
from .phrases import phrases
from .posts import posts

__all__ = ["extract"]


def extract(article: Article, gz: Gazetteer) -> Extraction:
    """Every fact the rules find in ``article``."""
    reader = Reader(article, gz)
    scan_known(reader)
    phrases(reader)
    persons(reader)
    posts(reader)
    events(reader)
    memberships(reader)
    figures(reader)
    _tidy(reader)
    return reader.out


def _is_publisher(ent: Entity, article: Article) -> bool:
    """Whether an organization is the article's own publisher ("KAZINFORM" in a dateline of
    en.inform.kz, "News.Az" on news.az): the source of the facts, not one of them (unless it is in a fact).

    >>> a = Article("x", dt.date(2026, 1, 1), url="https://www.news.az/news/x")
    >>> _is_publisher(Entity("k", "Organization", "News.Az"), a), _is_publisher(Entity("k", "Organization", "TURKSOY"), a)
    (True, False)
    """
    if ent.kind != "Organization":
        return False
    labels = urlsplit(article.url or "").netloc.lower().split(".")
    host = re.sub(r"[^a-z0-9]", "", ".".join(labels[-2:]))          # "news.az" -> "newsaz"
    core = re.sub(r"[^a-z0-9]", "", labels[-2]) if len(labels) >= 2 else ""   # "en.inform.kz" -> "inform"
    publisher = re.sub(r"[^a-z0-9]", "", (article.publisher or "").lower())
    for name in {ent.label, *ent.names}:
        key = re.sub(r"[^a-z0-9]", "", name.lower())
        if len(key) >= 4 and (key == publisher or (host and key in host) or (len(core) >= 5 and core in key and len(key) <= len(core) + 4)
                              or (len(publisher) >= 5 and key.startswith(publisher) and key.endswith(("agency", "newsagency")))):
            return True
    return False


def _tidy(reader: Reader) -> None:
    """Drop entities only referenced as demonyms or swallowed by a venue; labels from the text, readable."""
    out = reader.out
    used = {k for p in out.posts for k in (p.person, p.of, p.to) if k}
    used |= {k for ev in out.events for k in (ev.key, ev.venue, ev.city, ev.parent, ev.organizer) if k}
    used |= {k for p in out.participations for k in (p.event, p.participant) if k}
    used |= {k for m in out.memberships for k in (m.member, m.organization)}
    used |= {k for f in out.figures for k in (f.subject, f.counterparty) if k}
    in_facts = set(used)
    used |= {m[2] for m in reader.mentions if m[3] != "Demonym"}
    venue_spans = {span for v in out.entities.values() if v.kind == "Venue" for span in v.spans}
    out.entities = {k: v for k, v in out.entities.items() if k in used and not (
        v.kind == "Organization" and v.spans and set(v.spans) <= venue_spans
        and not any(k in (p.of, p.to) for p in out.posts)) and not (
        k not in in_facts and _is_publisher(v, reader.article))}
    for ev in out.events:        # labels are always text of the article, never of the masked copy
        ev.label = " ".join(PRIVATE.sub(" ", ev.label).split())
    for ent in reader.out.entities.values():
        ent.label = " ".join(PRIVATE.sub(" ", ent.label).split())
        if ent.kind == "Event":
            ev = next((x for x in out.events if x.key == ent.key), None)
            ent.label = ev.label if ev is not None else ent.label
        if not ent.names:
            ent.names.append(ent.label)
        if ent.label.isupper() and (len(ent.label) > 8 or ent.kind in ("City", "State", "Person")):
            better = [n for n in ent.names if not n.isupper()]
            if better or ent.kind in ("City", "Person"):
                ent.label = better[0] if better else ent.label.title()
        if ent.kind == "State" and ent.known_iri:
            ent.label = max(ent.names, key=len)
