"""Counts that describe the built graph: per class, per source, per label language, and coverage."""

from __future__ import annotations

from dataclasses import dataclass

from .namespaces import local_name, sparql_prefixes
from .store import Engine

__all__ = ["Stats", "graph_stats", "COVERAGE_QUERIES"]

_P = sparql_prefixes() + "\n"

#: Coverage measures of the curated graph (the targets of issue 3), each a COUNT query.
COVERAGE_QUERIES: dict[str, str] = {
    "sources": "SELECT (COUNT(DISTINCT ?src) AS ?n) WHERE { GRAPH ?g { ?g prov:wasDerivedFrom ?src } "
               "FILTER(?g NOT IN (id:graph\\/ontology, id:graph\\/inferred)) ?src schema:url [] ; schema:datePublished [] }",
    "states": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a tkg:State }",
    "organizations": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a tkg:Organization }",
    "persons with a post": "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a tkg:Person . ?t a tkg:Tenure ; org:member ?p }",
    "events with a date": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a tkg:Event ; schema:startDate ?d }",
    "posts": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a tkg:Post }",
    "memberships": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a tkg:StateMembership }",
    "observations": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a tkg:Observation }",
    "curated triples": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                       "FILTER(?g NOT IN (id:graph\\/ontology, id:graph\\/inferred)) }",
}


@dataclass
class Stats:
    classes: list[tuple[str, int]]
    sources: list[tuple[str, str, int]]  # graph, source date, triples
    languages: list[tuple[str, int]]
    coverage: list[tuple[str, int]]


def _count(engine: Engine, body: str) -> int:
    row = engine.query(_P + body).rows[0]
    return int(row[0].value) if row[0] is not None else 0


def graph_stats(engine: Engine) -> Stats:
    """Compute the statistics of a built graph.

    Classes count the instances of the project's classes (asserted or inferred); sources count
    the triples of each named graph; languages count SKOS labels by language tag.
    """
    classes = engine.query(_P + """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {
        ?s a ?c . FILTER(STRSTARTS(STR(?c), STR(tkg:))) } GROUP BY ?c ORDER BY DESC(?n) ?c""").rows
    sources = engine.query(_P + """SELECT ?g (SAMPLE(?date) AS ?d) (COUNT(*) AS ?n) WHERE {
        GRAPH ?g { ?s ?p ?o }
        OPTIONAL { GRAPH ?g { ?g prov:wasDerivedFrom ?src } ?src schema:datePublished ?date }
      } GROUP BY ?g ORDER BY ?g""").rows
    langs = engine.query(_P + """SELECT ?lang (COUNT(*) AS ?n) WHERE {
        GRAPH ?g { ?s skos:prefLabel|skos:altLabel|skos:hiddenLabel ?l }
        FILTER(?g != id:graph\\/inferred) BIND(LANG(?l) AS ?lang) } GROUP BY ?lang ORDER BY DESC(?n) ?lang""").rows
    coverage = [(name, _count(engine, body)) for name, body in COVERAGE_QUERIES.items()]
    return Stats(
        classes=[(local_name(c.value), int(n.value)) for c, n in classes],
        sources=[(local_name(g.value), d.value if d is not None else "", int(n.value)) for g, d, n in sources],
        languages=[(lang.value or "(none)", int(n.value)) for lang, n in langs],
        coverage=coverage,
    )
