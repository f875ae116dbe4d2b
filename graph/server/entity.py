"""Entity pages and search: names in every language, sourced statements, relations, search.

An entity ``https://w3id.org/turkic-kg/id/state/KGZ`` has the page ``/entity/state/KGZ``.
Statements come from the named graphs (one per source), each with the source's headline, date and
address; relations are the edges of the views' entity graph (tenures, memberships and
participations collapsed into edges, with their dates and sources).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import EntityNotFound, InputError
from ..load import INFERRED_GRAPH, ONTOLOGY_GRAPH
from ..names import Match
from ..namespaces import ID, PROV, RDF, RDFS, SDO, SKOS
from ..viz.model import local_name
from .site import Site

__all__ = ["entity_iri", "entity_path", "Source", "Statement", "Relation", "EntityPage", "entity_page", "search"]

_NAME_KINDS = {str(SKOS.prefLabel): "preferred", str(SKOS.altLabel): "alternative",
               str(SKOS.hiddenLabel): "search spelling", str(RDFS.label): "label"}


def entity_iri(path: str) -> str:
    """The IRI of ``/entity/<path>``.

    >>> entity_iri("state/KGZ")
    'https://w3id.org/turkic-kg/id/state/KGZ'
    """
    if not path or not re.fullmatch(r"[A-Za-z0-9._~:@!$&'()*+,;=%/#-]+", path) or ".." in path.split("/"):
        raise InputError(f"not an entity path: {path!r}")
    return str(ID) + path


def entity_path(iri: str) -> str | None:
    """The page path of an entity IRI of the project, else ``None``.

    >>> entity_path("https://w3id.org/turkic-kg/id/person/kubanychbek-omuraliev")
    '/entity/person/kubanychbek-omuraliev'
    >>> entity_path("http://www.wikidata.org/entity/Q813") is None
    True
    """
    return "/entity/" + iri[len(str(ID)):] if iri.startswith(str(ID)) and len(iri) > len(str(ID)) else None


@dataclass(frozen=True, order=True)
class Source:
    date: str
    headline: str
    url: str


@dataclass
class Statement:
    prop: str
    value: str
    href: str | None
    sources: list[Source] = field(default_factory=list)


@dataclass
class Relation:
    direction: str  # "out" or "in"
    label: str
    other: str
    href: str | None
    facts: list[tuple[str, str]]
    sources: list[str]


@dataclass
class EntityPage:
    iri: str
    path: str
    label: str
    class_label: str
    names: list[tuple[str, str, str]]  # language, kind, name
    statements: list[Statement]
    relations: list[Relation]
    in_graph: bool


def _names(site: Site, iri: str) -> list[tuple[str, str, str]]:
    rows = site.engine.query(f"SELECT ?p ?n WHERE {{ <{iri}> ?p ?n FILTER(isLiteral(?n)) }}",
                             timeout=site.timeout).rows
    out = {(n.language or "", _NAME_KINDS[p.value], n.value) for p, n in rows if p.value in _NAME_KINDS}
    skos = {(lang, name) for lang, kind, name in out if kind != "label"}
    out = {x for x in out if x[1] != "label" or (x[0], x[2]) not in skos}  # rdfs:label repeats a SKOS name
    order = list(_NAME_KINDS.values())
    return sorted(out, key=lambda x: (x[0] != "en", x[0], order.index(x[1]), x[2]))


def _value(site: Site, term: ox.NamedNode | ox.Literal | ox.BlankNode, blanks: dict[str, list[str]]) -> tuple[str, str | None]:
    G = site.graph()
    if isinstance(term, ox.NamedNode):
        if term.value in G:
            return G.nodes[term.value]["label"], entity_path(term.value)
        onto = site.ontology()
        if term.value in onto.terms:
            return onto.label(term.value), f"/ontology#{onto.terms[term.value].anchor}"
        label = site.names().label(term.value)
        return (label if label != term.value else term.value), entity_path(term.value)
    if isinstance(term, ox.BlankNode):
        return "; ".join(sorted(blanks.get(term.value, []))) or "(details)", None
    return term.value + (f" @{term.language}" if term.language else ""), None


def _statements(site: Site, iri: str) -> list[Statement]:
    skip = f"<{INFERRED_GRAPH.value}>, <{ONTOLOGY_GRAPH.value}>"
    rows = site.engine.query(f"""
        SELECT ?p ?o ?date ?head ?url WHERE {{
          GRAPH ?g {{ <{iri}> ?p ?o }} FILTER(?g NOT IN ({skip}))
          OPTIONAL {{ ?g <{PROV.wasDerivedFrom}> ?src
                     OPTIONAL {{ ?src <{SDO.datePublished}> ?date }} OPTIONAL {{ ?src <{SDO.headline}> ?head }}
                     OPTIONAL {{ ?src <{SDO.url}> ?url }} }} }}""", timeout=site.timeout).rows
    blank_rows = site.engine.query(f"SELECT ?b ?p ?o WHERE {{ <{iri}> ?q ?b FILTER(isBlank(?b)) ?b ?p ?o }}",
                                   timeout=site.timeout).rows
    blanks: dict[str, list[str]] = defaultdict(list)
    onto = site.ontology()
    for b, p, o in blank_rows:
        if p.value != str(RDF.type):
            blanks[b.value].append(f"{onto.label(p.value)}: {o.value}")
    grouped: dict[tuple[str, str], Statement] = {}
    for p, o, date, head, url in rows:
        if p.value in _NAME_KINDS:
            continue
        text, href = _value(site, o, blanks)
        prop = "type" if p.value == str(RDF.type) else onto.label(p.value)
        st = grouped.setdefault((prop, text), Statement(prop, text, href))
        if head is not None or url is not None:
            src = Source(date.value if date else "", head.value if head else "", url.value if url else "")
            if src not in st.sources:
                st.sources.append(src)
    for st in grouped.values():
        st.sources.sort()
    return sorted(grouped.values(), key=lambda s: (s.prop != "type", s.prop, s.value))


def _relations(site: Site, iri: str) -> list[Relation]:
    G = site.graph()
    if iri not in G:
        return []
    out = []
    for direction, edges in (("out", G.out_edges(iri, keys=True, data=True)), ("in", G.in_edges(iri, keys=True, data=True))):
        for u, v, _k, d in edges:
            other = v if direction == "out" else u
            out.append(Relation(direction, d.get("label", ""), G.nodes[other]["label"], entity_path(other),
                                list(d.get("facts", [])), list(d.get("sources", []))))
    return sorted(out, key=lambda r: (r.direction, r.label, r.other))


def entity_page(site: Site, path: str) -> EntityPage:
    """Everything the page of ``/entity/<path>`` shows; :class:`EntityNotFound` if nothing is said
    about it."""
    iri = entity_iri(path)
    names = _names(site, iri)
    statements = _statements(site, iri)
    if not names and not statements:
        raise EntityNotFound(f"no entity {iri}")
    G = site.graph()
    node = G.nodes[iri] if iri in G else {}
    label = node.get("label") or next((n for lang, _k, n in names if lang == "en"), None) or local_name(iri)
    return EntityPage(iri=iri, path=path, label=label, class_label=node.get("class_label", ""), names=names,
                      statements=statements, relations=_relations(site, iri), in_graph=iri in G)


def search(site: Site, q: str, *, limit: int = 20) -> list[tuple[Match, str | None]]:
    """Entities named ``q`` in any language, script or near spelling (as ``kg.find()``), each
    with its page path."""
    if not q.strip():
        return []
    return [(m, entity_path(m.iri)) for m in site.names().find(q, limit=limit)]
