"""Writing an extraction as a TriG source file in the curated shape.

The file has the prefixes and the layout of ``data/qazinform-2026-01-15-ots-diaspora-training.trig``:
one named graph ``graph:<slug>`` derived from ``source:<slug>`` (a ``tkg:Source`` and
``schema:NewsArticle``), then events, places, organizations and states, missions, posts, persons,
tenures, memberships, participations and observations. Every n-ary node is
``prov:wasDerivedFrom`` the source. Entities already in the graph are only referred to (their
names are never restated, so no second ``skos:prefLabel`` can arise); new ones are described.
Review notes (new or fuzzy links, offsets, confidence) are Turtle comments.

The output depends only on the article, its options and the graph's names: every block and value
is sorted, so ingesting the same article twice gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..names import normalize
from ..namespaces import ID_PREFIXES, TRIG_PREFIX_BLOCK, prefixed_name
from .facts import Extraction, Membership, Post
from .gazetteer import Gazetteer, iri, slugify
from .link import Link, iso_of, local

__all__ = ["PREFIX_BLOCK", "REVIEW_BELOW", "Draft", "draft", "render_trig", "PostNode"]

PREFIX_BLOCK = TRIG_PREFIX_BLOCK

_SECTIONS = ("the source", "events", "venues and cities", "organizations and states", "missions", "posts",
             "persons", "tenures (in office as of the article or event)", "memberships",
             "who addressed or attended what, in what capacity", "figures")
_KIND_CLASS = {"State": "tkg:State", "Organization": "tkg:Organization", "City": "tkg:City", "Venue": "tkg:Venue",
               "Person": "tkg:Person"}
_SECTION_OF = {"State": 3, "Organization": 3, "City": 2, "Venue": 2, "Person": 6}


def term(iri_: str) -> str:
    """An IRI as a prefixed name where a prefix fits, else ``<…>``.

    >>> term("https://w3id.org/turkic-kg/id/state/TUR")
    'state:TUR'
    >>> term("https://example.org/a b")
    '<https://example.org/a%20b>'
    """
    name = prefixed_name(iri_, prefixes=ID_PREFIXES)
    if name is not None:
        return name
    return "<" + re.sub(r"[\s<>\"{}|^`\\]", lambda m: "%{:02X}".format(ord(m.group(0))), iri_) + ">"


def lit(text: str, lang: str = "en") -> str:
    r"""A language-tagged literal.

    >>> lit('A "quoted" name\n')
    '"A \\"quoted\\" name"@en'
    """
    text = re.sub(r"\s+", " ", text).strip()
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def date_lit(d: dt.date) -> str:
    return f'"{d.isoformat()}"^^xsd:date'


@dataclass
class PostNode:
    iri: str
    role: str
    post_in: str
    label: str
    mission: tuple[str, str, str, str, str] | None = None   # (iri, class, sending, accredited, label)
    post_in_new: tuple[str, str, str] | None = None         # (iri, class, label) of a new government body


@dataclass
class Draft:
    """What will be written: subject → predicate → objects, with a section and comments each."""

    slug: str
    subjects: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    section: dict[str, int] = field(default_factory=dict)
    comments: dict[str, list[str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    post_iris: dict[int, str] = field(default_factory=dict)
    held: dict[str, float] = field(default_factory=dict)    # subject -> confidence: written commented out

    def add(self, subject: str, pred: str, obj: str, *, section: int) -> None:
        self.subjects.setdefault(subject, {}).setdefault(pred, set()).add(obj)
        self.section.setdefault(subject, section)

    def note(self, subject: str, text: str) -> None:
        notes = self.comments.setdefault(subject, [])
        if text not in notes:
            notes.append(text)

    def loose_notes(self) -> list[str]:
        """Notes on subjects the file states nothing about (entities linked by a near name)."""
        return [f"{n} [{term(s)}]" for s, notes in sorted(self.comments.items()) if s not in self.subjects for n in notes]


def _post_node(post: Post, ex: Extraction, links: dict[str, Link], gz: Gazetteer) -> PostNode | None:
    """The post's IRI by the conventions, reusing the graph's post when it has one for the same
    role, holder organization or sending state, and target."""
    of = links.get(post.of) if post.of else None
    to = links.get(post.to) if post.to else None
    if of is None:
        return None
    of_kind = ex.entities[post.of].kind
    to_kind = ex.entities[post.to].kind if post.to else None
    existing = gz.posts.get((post.role, of.iri, to.iri if to else None))
    role = post.role
    of_label = gz.label(of.iri) if gz.index.has(of.iri) else ex.entities[post.of].label
    to_label = (gz.label(to.iri) if gz.index.has(to.iri) else ex.entities[post.to].label) if to else None
    if role in ("ambassador", "permanent-representative", "consul-general"):
        if of_kind != "State" or to is None:
            return None
        sender = (iso_of(of.iri) or local(of.iri)).lower()
        if role == "consul-general" or to_kind == "City":
            target = slugify(local(to.iri))
            accredited = gz.city_state.get(to.iri, to.iri)
            mission = (iri("mission", f"{sender}-consulate-{target}"), "tkg:Consulate", of.iri, accredited,
                       f"Consulate General of {of_label} in {to_label}")
            label = f"Consul General of {of_label} in {to_label}"
        elif to_kind == "State" and role == "ambassador":
            target = (iso_of(to.iri) or local(to.iri)).lower()
            mission = (iri("mission", f"{sender}-embassy-{target}"), "tkg:Embassy", of.iri, to.iri,
                       f"Embassy of {of_label} in {to_label}")
            label = f"Ambassador of {of_label} to {to_label}"
        else:
            target = "vienna" if local(to.iri) == "unov" else slugify(local(to.iri))
            mission = (iri("mission", f"{sender}-permanent-mission-{target}"), "tkg:PermanentMission", of.iri,
                       to.iri, f"Permanent Mission of {of_label} to {to_label}")
            label = f"{post.title} of {of_label} to {to_label}"
        node = PostNode(existing or iri("post", f"{role}-{sender}-{target}"), role, mission[0], label, mission)
        return node
    if of_kind == "State":
        sender = (iso_of(of.iri) or local(of.iri)).lower()
        if role in ("minister-of-foreign-affairs", "deputy-minister-of-foreign-affairs"):
            body = iri("organization", f"mfa-{sender}")
            node = PostNode(existing or iri("post", f"{role}-{sender}"), role, body, f"{post.title} of {of_label}")
            if not gz.index.has(body):
                node.post_in_new = (body, "tkg:GovernmentBody", f"Ministry of Foreign Affairs of {of_label}")
            return node
        if role == "minister" and not post.topic:
            return PostNode(existing or iri("post", f"{slugify(post.title)}-{sender}"), role, of.iri,
                            f"{post.title} of {of_label}")
        if role == "minister":
            topic = slugify(post.topic or "")
            body = iri("organization", f"{sender}-ministry-{topic}")
            node = PostNode(existing or iri("post", f"minister-{sender}-{topic}"), role, body,
                            f"{post.title} of {of_label}")
            if not gz.index.has(body):
                node.post_in_new = (body, "tkg:GovernmentBody", f"Ministry of {post.topic} of {of_label}")
            return node
        return PostNode(existing or iri("post", f"{role}-{sender}"), role, of.iri, f"{post.title} of {of_label}")
    if of_kind == "Organization":
        slug = slugify(post.title) if role in ("head-of-institution", "chairman") and post.title != "Chairman" else role
        return PostNode(existing or iri("post", f"{slug}-{local(of.iri)}"), role, of.iri,
                        f"{post.title} of the {of_label}" if not of_label.startswith("The ") else f"{post.title} of {of_label}")
    return None


from ..settings import REVIEW_BELOW  # noqa: E402  (one place for settings; the CLI reads it without importing the rules)


def draft(ex: Extraction, links: dict[str, Link], gz: Gazetteer, *, slug: str, url: str | None,
          publisher: tuple[str, str, bool] | None, headline: str, review_below: float = REVIEW_BELOW) -> Draft:
    """Everything the file will state (see :func:`render_trig` for the text).

    A fact (a new event, a tenure, a membership, a participation, a figure) whose confidence is
    below ``review_below`` is *held*: :func:`render_trig` writes it commented out under a
    ``# REVIEW (confidence …)`` line, so it enters the graph only when a reviewer uncomments it.
    Participations in a held event are held with it."""
    w = _Writer(ex, links, gz, Draft(slug=slug), review_below)
    w.source(slug, url, publisher, headline)
    w.events()
    w.posts()
    w.tenures()
    w.memberships()
    w.participations()
    w.figures()
    # entities named but in no fact: still described, so the reviewer sees them
    for key, ent in ex.entities.items():
        if ent.kind in ("State", "Organization", "City", "Venue", "Person"):
            w.describe(key)
    return w.d


class _Writer:
    """The steps of :func:`draft`, sharing the draft and what earlier steps decided."""

    def __init__(self, ex: Extraction, links: dict[str, Link], gz: Gazetteer, d: Draft, review_below: float):
        self.ex, self.links, self.gz, self.index, self.d = ex, links, gz, gz.index, d
        self.review_below = review_below
        self.article = ex.article
        self.slug = d.slug
        self.derived = term(iri("source", d.slug))
        self.event_iris: dict[str, str] = {}
        self.post_nodes: dict[int, PostNode] = {}
        self.chair_iris: dict[str, str] = {}

    def hold(self, subject: str, confidence: float) -> None:
        if confidence < self.review_below:
            self.d.held.setdefault(subject, confidence)

    def source(self, slug: str, url: str | None, publisher: tuple[str, str, bool] | None, headline: str) -> None:
        d = self.d
        src = iri("source", slug)
        d.add(iri("graph", slug), "prov:wasDerivedFrom", term(src), section=0)
        d.add(src, "a", "tkg:Source", section=0)
        d.add(src, "a", "schema:NewsArticle", section=0)
        d.add(src, "schema:headline", lit(headline), section=0)
        d.add(src, "schema:url", term(url) if url else f"<urn:tkg:article:{slug}>", section=0)
        d.add(src, "schema:datePublished", date_lit(self.article.date), section=0)
        if url is None:
            d.note(src, "REVIEW: no --url was given; replace the urn: with the page's address")
        if publisher is not None:
            pub_iri, pub_name, pub_known = publisher
            d.add(src, "schema:publisher", term(pub_iri), section=0)
            if not pub_known:
                d.add(pub_iri, "a", "tkg:Organization", section=0)
                d.add(pub_iri, "skos:prefLabel", lit(pub_name), section=0)
                d.note(pub_iri, "REVIEW new publisher")

    def describe(self, key: str) -> str | None:
        """The IRI of an entity; a new one is described (class, labels), a near one noted."""
        d, index = self.d, self.index
        link = self.links.get(key)
        if link is None:
            return None
        ent = self.ex.entities[key]
        sec = _SECTION_OF.get(ent.kind, 3)
        where = ", ".join(f"{a}-{b}" for a, b in ent.spans[:3])
        if link.status == "new" and not index.has(link.iri):
            d.add(link.iri, "a", _KIND_CLASS[ent.kind] if ent.kind != "Organization" else
                  ("tkg:InternationalOrganization" if link.iri in _INTERNATIONAL else "tkg:Organization"), section=sec)
            d.add(link.iri, "skos:prefLabel", lit(_pref_label(ent)), section=sec)
            for name in sorted(set(ent.names) - {_pref_label(ent)}):
                if name.upper() != name or len(name) <= 8:
                    d.add(link.iri, "skos:altLabel", lit(name), section=sec)
            if ent.kind == "State":
                d.add(link.iri, "tkg:isoCode", f'"{local(link.iri)}"', section=sec)
            if ent.kind == "Venue" and ent.city and ent.city in self.links:
                d.add(link.iri, "schema:containedInPlace", term(self.links[ent.city].iri), section=sec)
            d.note(link.iri, f"REVIEW new {ent.kind.lower()} ({link.note}); text at chars {where}")
        else:
            if link.status == "fuzzy":
                d.note(link.iri, f"REVIEW fuzzy link (score {link.score:g}) of {ent.label!r}: {link.note}; chars {where}")
            for name in sorted(set(ent.names)):
                if normalize(name) not in index.names_of(link.iri) and link.status == "linked" and ent.kind == "Person":
                    d.add(link.iri, "skos:hiddenLabel", lit(name), section=sec)
        return link.iri

    def events(self) -> None:
        d, index, links = self.d, self.index, self.links
        for ev in sorted(self.ex.events, key=lambda e: e.span):
            link = links.get(ev.key)
            if link is None or ev.date is None:
                d.skipped.append(f"event {ev.label!r} (chars {ev.span[0]}-{ev.span[1]}): no date, not written")
                continue
            self.event_iris[ev.key] = link.iri
            if link.status == "new" and not index.has(link.iri):
                d.add(link.iri, "a", f"tkg:{ev.kind}", section=1)
                d.add(link.iri, "skos:prefLabel", lit(ev.label), section=1)
                d.add(link.iri, "schema:startDate", date_lit(ev.date), section=1)
                if ev.end_date:
                    d.add(link.iri, "schema:endDate", date_lit(ev.end_date), section=1)
                if ev.ordinal:
                    d.add(link.iri, "tkg:ordinal", str(ev.ordinal), section=1)
                place = self.describe(ev.venue) if ev.venue else None
                if place is None and ev.city:
                    place = self.describe(ev.city)
                elif ev.city:
                    self.describe(ev.city)
                if place:
                    d.add(link.iri, "schema:location", term(place), section=1)
                d.note(link.iri, f"REVIEW new event, confidence {ev.confidence:.2f}; text at chars {ev.span[0]}-{ev.span[1]}")
                self.hold(link.iri, ev.confidence)
            elif link.status == "fuzzy":
                d.note(link.iri, f"REVIEW fuzzy link (score {link.score:g}) of {ev.label!r}: {link.note}")
        for ev in self.ex.events:
            if ev.parent and ev.key in self.event_iris and ev.parent in self.event_iris:
                child, parent = self.event_iris[ev.key], links[ev.parent].iri
                if child in d.held or parent in d.held:
                    d.note(child, f"REVIEW part of {term(parent)} (schema:subEvent), held with the part")
                else:
                    d.add(parent, "schema:subEvent", term(child), section=1)

    def posts(self) -> None:
        """Post nodes, with new missions and government bodies."""
        d, index, ex = self.d, self.index, self.ex
        for i, post in enumerate(ex.posts):
            if post.person not in self.links:
                continue
            node = _post_node(post, ex, self.links, self.gz)
            if node is None:
                d.skipped.append(f"post {post.title!r} of {ex.label(post.person)!r} (chars {post.span[0]}-{post.span[1]}): "
                                 "its state or target is not stated, not written")
                continue
            self.post_nodes[i] = node
            d.post_iris[i] = node.iri
            self.describe(post.of) if post.of else None
            self.describe(post.to) if post.to else None
            if not index.has(node.iri):
                d.add(node.iri, "a", "tkg:Post", section=5)
                d.add(node.iri, "skos:prefLabel", lit(node.label), section=5)
                d.add(node.iri, "org:postIn", term(node.post_in), section=5)
                d.add(node.iri, "org:role", f"role:{node.role}", section=5)
                d.note(node.iri, "REVIEW new post")
            if node.mission and not index.has(node.mission[0]) and not index.has(node.iri):
                m_iri, m_cls, sending, accredited, m_label = node.mission
                d.add(m_iri, "a", m_cls, section=4)
                d.add(m_iri, "skos:prefLabel", lit(m_label), section=4)
                d.add(m_iri, "tkg:sendingState", term(sending), section=4)
                d.add(m_iri, "tkg:accreditedTo", term(accredited), section=4)
                d.note(m_iri, "REVIEW new mission")
            if node.post_in_new and not index.has(node.post_in_new[0]) and not index.has(node.iri):
                b_iri, b_cls, b_label = node.post_in_new
                d.add(b_iri, "a", b_cls, section=3)
                d.add(b_iri, "skos:prefLabel", lit(b_label), section=3)
                d.note(b_iri, "REVIEW new government body")

    def tenures(self) -> None:
        """A tenure per post, attested on the dates of the events its holder took part in in that capacity."""
        d, ex = self.d, self.ex
        for i, post in enumerate(ex.posts):
            if i not in self.post_nodes:
                continue
            person = self.describe(post.person)
            if person is None:
                continue
            node = self.post_nodes[i]
            tenure = iri("tenure", f"{local(person)}--{local(node.iri)}")
            d.add(tenure, "a", "tkg:Tenure", section=7)
            d.add(tenure, "org:member", term(person), section=7)
            d.add(tenure, "tkg:post", term(node.iri), section=7)
            dates = sorted({ev.date for ev in ex.events for p in ex.participations
                            if p.participant == post.person and p.event == ev.key and ev.date
                            and f"post:{i}" in p.capacity and ev.key in self.event_iris})
            for day in dates or [self.article.date]:
                d.add(tenure, "tkg:attestedOn", date_lit(day), section=7)
            d.add(tenure, "prov:wasDerivedFrom", self.derived, section=7)
            d.note(tenure, f"chars {post.span[0]}-{post.span[1]}, confidence {post.confidence:.2f}")
            self.hold(tenure, post.confidence)

    def memberships(self) -> None:
        """Memberships stated, and chairmanships someone spoke for."""
        d, ex, article = self.d, self.ex, self.article
        memberships = list(ex.memberships)
        for behalf, (state_key, org_key) in sorted(ex.chair_of.items()):
            if not any(m.member == state_key and m.organization == org_key and m.status == "chair" for m in memberships):
                memberships.append(Membership(state_key, org_key, "chair", (0, 0), 0.8))
        for m in memberships:
            member, org = self.describe(m.member), self.describe(m.organization)
            if member is None or org is None:
                continue
            suffix = f"-{article.date.year}" if m.status == "chair" else ""
            mem = iri("membership", f"{local(member).lower()}-{local(org)}-{m.status}{suffix}")
            d.add(mem, "a", "tkg:StateMembership", section=8)
            d.add(mem, "org:member", term(member), section=8)
            d.add(mem, "org:organization", term(org), section=8)
            d.add(mem, "org:role", f"role:{m.status}", section=8)
            d.add(mem, "tkg:attestedOn", date_lit(article.date), section=8)
            if m.since and mem not in self.gz.dated and 1990 <= int(m.since) <= 2030:
                d.add(mem, "schema:startDate", f'"{m.since}"^^xsd:gYear', section=8)
            d.add(mem, "prov:wasDerivedFrom", self.derived, section=8)
            if m.span != (0, 0):
                d.note(mem, f"chars {m.span[0]}-{m.span[1]}, confidence {m.confidence:.2f}")
            self.hold(mem, m.confidence)
            for behalf, (state_key, org_key) in ex.chair_of.items():
                if m.status == "chair" and (state_key, org_key) == (m.member, m.organization):
                    self.chair_iris[behalf] = mem

    def participations(self) -> None:
        d, links = self.d, self.links
        for p in self.ex.participations:
            if p.event not in self.event_iris:
                continue
            who = self.describe(p.participant)
            if who is None:
                continue
            event = self.event_iris[p.event]
            part = iri("participation", f"{local(event)}--{local(who)}")
            d.add(part, "a", "tkg:Participation", section=9)
            d.add(part, "tkg:event", term(event), section=9)
            d.add(part, "tkg:participant", term(who), section=9)
            d.add(part, "tkg:participationRole", f"role:{p.role}", section=9)
            for cap in p.capacity:
                n = int(cap.split(":")[1])
                if n in d.post_iris:
                    d.add(part, "tkg:inCapacityOf", term(d.post_iris[n]), section=9)
            if p.on_behalf_of:
                target = self.chair_iris.get(p.on_behalf_of) or (links[p.on_behalf_of].iri if p.on_behalf_of in links else None)
                if target:
                    d.add(part, "tkg:onBehalfOf", term(target), section=9)
            d.add(part, "prov:wasDerivedFrom", self.derived, section=9)
            d.note(part, f"chars {p.span[0]}-{p.span[1]}, confidence {p.confidence:.2f}")
            self.hold(part, p.confidence)
            if event in d.held or (p.on_behalf_of and self.chair_iris.get(p.on_behalf_of) in d.held):
                d.held.setdefault(part, min(p.confidence, d.held.get(event, 1.0)))

    def figures(self) -> None:
        d = self.d
        counts: dict[str, int] = {}
        for f in self.ex.figures:
            subject = self.describe(f.subject)
            counter = self.describe(f.counterparty) if f.counterparty else None
            if subject is None:
                continue
            base = f"{local(subject).lower()}-{local(counter).lower() + '-' if counter else ''}{f.measure}-{self.slug}"
            counts[base] = counts.get(base, 0) + 1
            obs = iri("observation", base if counts[base] == 1 else f"{base}-{counts[base]}")
            d.add(obs, "a", "tkg:Observation", section=10)
            d.add(obs, "tkg:subject", term(subject), section=10)
            if counter:
                d.add(obs, "tkg:counterparty", term(counter), section=10)
            d.add(obs, "tkg:measure", f"measure:{f.measure}", section=10)
            d.add(obs, "tkg:value", _decimal(f.value), section=10)
            d.add(obs, "tkg:unit", f"unit:{f.unit}", section=10)
            if f.period:
                d.add(obs, "tkg:period", f'"{f.period}"', section=10)
            d.add(obs, "prov:wasDerivedFrom", self.derived, section=10)
            d.note(obs, f"chars {f.span[0]}-{f.span[1]}, confidence {f.confidence:.2f}")
            self.hold(obs, f.confidence)


_INTERNATIONAL = {iri("organization", slug) for slug in
                  ("ots", "turksoy", "turkpa", "turkic-academy", "turkic-culture-heritage-foundation",
                   "turkic-investment-fund", "un", "unov", "osce", "eu", "cis", "sco", "oic", "cica", "eco",
                   "nato", "iaea", "unido", "unesco")}


def _pref_label(ent) -> str:  # type: ignore[no-untyped-def]
    return ent.label


def _decimal(value: float) -> str:
    """A Turtle decimal: ``10.4`` → ``10.4``, ``3`` → ``3.0``."""
    text = f"{value:.6f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def render_trig(d: Draft, *, header: list[str]) -> str:
    """The TriG text of a draft: header comments, prefixes, one graph, sections in order."""
    lines = [f"# {h}" for h in header] + [f"# {n}" for n in d.loose_notes()]
    lines.append(PREFIX_BLOCK.rstrip("\n"))
    lines.append("")
    lines.append(f"{term(iri('graph', d.slug))} {{")
    by_section: dict[int, list[str]] = {}
    for subject in d.subjects:
        by_section.setdefault(d.section[subject], []).append(subject)
    for n, title in enumerate(_SECTIONS):
        subjects = by_section.get(n)
        if not subjects:
            continue
        lines.append("")
        lines.append(f"  # {'-' * 60} {title}")
        order = sorted(subjects, key=lambda s: (0 if "/graph/" in s else 1 if "/source/" in s else 2, term(s)))
        for subject in order:
            for c in d.comments.get(subject, []):
                lines.append(f"  # {c}")
            preds = d.subjects[subject]
            keys = sorted(preds, key=lambda p: (p != "a", p))
            block = f"  {term(subject)} " + " ;\n      ".join(f"{p} {' , '.join(sorted(preds[p]))}" for p in keys) + " ."
            if subject in d.held:
                lines.append(f"  # REVIEW (confidence {d.held[subject]:.2f}): held back; remove the '#' of the "
                             "lines below to assert it")
                block = "\n".join("  #" + line[1:] for line in block.split("\n"))
            lines.append(block)
            lines.append("")
        if lines[-1] == "":
            lines.pop()
    lines.append("}")
    return "\n".join(lines) + "\n"
