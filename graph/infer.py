"""Materialize the inferences the public contract needs, into a named graph of their own.

A small, fixed rule set (an RDFS / OWL-RL subset plus the project's own rules), run as SPARQL
CONSTRUCT queries on pyoxigraph until nothing new appears:

* ``rdfs:subClassOf`` and ``rdfs:subPropertyOf`` closure (so ``tkg:Person`` gives ``foaf:Person``,
  ``skos:prefLabel`` gives ``rdfs:label``), ``owl:inverseOf`` (``org:holds``, ``schema:superEvent``) and
  ``owl:TransitiveProperty`` (``tkg:withinEvent``, the closure of ``schema:superEvent``);
* a tenure's ``org:organization`` and ``org:role`` from its post, and the post's ``org:heldBy``;
* ``schema:performer`` / ``schema:attendee`` from participations;
* ``tkg:validFrom`` / ``tkg:validUntil`` (``xsd:date``) from start and end dates or years, and the
  OWL-Time interval ``org:memberDuring`` of every tenure and membership;
* an organization has one chair at a time: a chairmanship with a start and no stated end is valid
  until the next chairmanship of the same organization begins (``tkg:validUntil`` only; the
  OWL-Time interval keeps what the sources state).

Why not owlrl's full OWL-RL closure: it adds thousands of axiomatic triples (``rdf:_1``…, every
class a subclass of itself) and is slow on large graphs; ``tests/test_infer.py`` checks that every
triple this module derives by the RDFS rules is also in owlrl's RDFS closure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pyoxigraph as ox

from .load import INFERRED_GRAPH, ONTOLOGY_IRI
from .namespaces import sparql_prefixes

__all__ = ["RULES", "infer", "infer_in_store"]

#: Name → CONSTRUCT body. Each is run on the union of the asserted and the inferred graphs.
RULES: dict[str, str] = {
    "subclass": """CONSTRUCT { ?x a ?d } WHERE { ?x a ?c . ?c rdfs:subClassOf+ ?d . FILTER(isIRI(?d)) }""",
    "subproperty": """CONSTRUCT { ?s ?q ?o } WHERE { ?p rdfs:subPropertyOf+ ?q . ?s ?p ?o . }""",
    "transitive": """CONSTRUCT { ?x ?p ?z } WHERE { ?p a owl:TransitiveProperty . ?x ?p ?y . ?y ?p ?z . }""",
    "inverse": """CONSTRUCT { ?o ?q ?s } WHERE {
        { ?p owl:inverseOf ?q } UNION { ?q owl:inverseOf ?p }
        ?s ?p ?o . FILTER(!isLiteral(?o)) }""",
    "tenure-post": """CONSTRUCT { ?t org:organization ?in ; org:role ?role . ?post org:heldBy ?who } WHERE {
        ?t a tkg:Tenure ; tkg:post ?post ; org:member ?who .
        ?post org:postIn ?in ; org:role ?role . }""",
    "speaker-performer": """CONSTRUCT { ?e schema:performer ?p } WHERE {
        ?x a tkg:Participation ; tkg:event ?e ; tkg:participant ?p ;
           tkg:participationRole ?r . VALUES ?r { role:speaker role:performer } }""",
    "attendee": """CONSTRUCT { ?e schema:attendee ?p } WHERE {
        ?x a tkg:Participation ; tkg:event ?e ; tkg:participant ?p ; tkg:participationRole role:attendee . }""",
    "valid-from": """CONSTRUCT { ?m tkg:validFrom ?from } WHERE {
        ?m a org:Membership ; schema:startDate ?s .
        BIND(IF(DATATYPE(?s) = xsd:gYear, STRDT(CONCAT(STR(?s), "-01-01"), xsd:date), ?s) AS ?from) }""",
    "valid-until": """CONSTRUCT { ?m tkg:validUntil ?until } WHERE {
        ?m a org:Membership ; schema:endDate ?e .
        BIND(IF(DATATYPE(?e) = xsd:gYear, STRDT(CONCAT(STR(?e), "-12-31"), xsd:date), ?e) AS ?until) }""",
    "chair-succession": """CONSTRUCT { ?m tkg:validUntil ?next } WHERE {
        { SELECT ?m (MIN(?from2) AS ?next) WHERE {
            ?m a tkg:StateMembership ; org:role role:chair ; org:organization ?o ; tkg:validFrom ?from .
            ?m2 a tkg:StateMembership ; org:role role:chair ; org:organization ?o ; tkg:validFrom ?from2 .
            FILTER(?m2 != ?m && ?from2 > ?from)
          } GROUP BY ?m }
        FILTER NOT EXISTS { ?m schema:endDate ?end } }""",
    "member-during": """CONSTRUCT {
        ?m org:memberDuring ?i . ?i a time:Interval .
        ?i time:hasBeginning ?b . ?b a time:Instant ; ?bp ?s .
        ?i time:hasEnd ?n . ?n a time:Instant ; ?np ?e .
        ?i time:inside ?a . ?a a time:Instant ; time:inXSDDate ?on .
    } WHERE {
        ?m a org:Membership .
        FILTER EXISTS { { ?m schema:startDate [] } UNION { ?m schema:endDate [] } UNION { ?m tkg:attestedOn [] } }
        BIND(IRI(CONCAT(STR(?m), "#period")) AS ?i)
        OPTIONAL { ?m schema:startDate ?s . BIND(IRI(CONCAT(STR(?m), "#start")) AS ?b)
                   BIND(IF(DATATYPE(?s) = xsd:gYear, time:inXSDgYear, time:inXSDDate) AS ?bp) }
        OPTIONAL { ?m schema:endDate ?e . BIND(IRI(CONCAT(STR(?m), "#end")) AS ?n)
                   BIND(IF(DATATYPE(?e) = xsd:gYear, time:inXSDgYear, time:inXSDDate) AS ?np) }
        OPTIONAL { ?m tkg:attestedOn ?on . BIND(IRI(CONCAT(STR(?m), "#on-", STR(?on))) AS ?a) }
    }""",
}


def infer(quads: Iterable[ox.Quad], *, max_rounds: int = 10, store: ox.Store | None = None) -> list[ox.Quad]:
    """Return the inferred quads (in :data:`~graph.load.INFERRED_GRAPH`) that are not asserted.

    The rules run on an in-memory store whose default graph holds the asserted triples, then the
    inferred ones too. Pass ``store`` (an empty store) to keep it afterwards: the build validates on
    it instead of loading the same triples a second time.

    >>> from pyoxigraph import NamedNode as N, Quad
    >>> S = "https://w3id.org/turkic-kg/ontology#"
    >>> g = N("https://example.org/g")
    >>> asserted = [Quad(N(S + "Person"), N("http://www.w3.org/2000/01/rdf-schema#subClassOf"),
    ...                  N("http://xmlns.com/foaf/0.1/Person"), g),
    ...             Quad(N("https://example.org/p"), N("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
    ...                  N(S + "Person"), g)]
    >>> [str(q.object) for q in infer(asserted) if q.subject.value == "https://example.org/p"]
    ['<http://xmlns.com/foaf/0.1/Person>']
    """
    # Rules run on the union of the graphs as a set (one default graph): see
    # graph.store.materialize_default_union for why not pyoxigraph's union flag.
    asserted = {q.triple for q in quads}
    store = ox.Store() if store is None else store
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in asserted)
    # the store keeps literals in canonical form ("24.0"^^xsd:decimal as "24"): compare in that form
    asserted = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    _run_rules(store, max_rounds=max_rounds)
    provenance = ox.Triple(INFERRED_GRAPH, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), ONTOLOGY_IRI)
    store.add(ox.Quad(provenance.subject, provenance.predicate, provenance.object, ox.DefaultGraph()))
    inferred = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())} - asserted
    return sorted((ox.Quad(t.subject, t.predicate, t.object, INFERRED_GRAPH) for t in inferred), key=str)


def _run_rules(store: ox.Store, *, max_rounds: int) -> None:
    """Run every rule as an INSERT into the default graph, round after round until nothing is added
    (all inside pyoxigraph: at 1M triples the CONSTRUCT-and-compare-in-Python loop took 5 minutes)."""
    prefixes = sparql_prefixes()
    updates = [f"{prefixes}\nINSERT{body.strip().removeprefix('CONSTRUCT')}" for body in RULES.values()]
    size = len(store)
    for _ in range(max_rounds):
        for update in updates:
            store.update(update)
        if len(store) == size:
            break
        size = len(store)


#: Where a rule's conclusions land before the new ones among them are picked out.
SCRATCH_GRAPH = ox.NamedNode("urn:x-turkic-kg:build:scratch")
_S, _I = SCRATCH_GRAPH.value, INFERRED_GRAPH.value
_PICK_NEW = f"INSERT {{ GRAPH <{_I}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{_S}> {{ ?s ?p ?o }} FILTER NOT EXISTS {{ ?s ?p ?o }} }}"
_ADD_ALL = f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{_S}> {{ ?s ?p ?o }} }}"


def _into_scratch(body: str) -> str:
    """A rule's CONSTRUCT as an INSERT into :data:`SCRATCH_GRAPH`.

    >>> _into_scratch("CONSTRUCT { ?x a ?d } WHERE { ?x a ?c }")
    'INSERT { GRAPH <urn:x-turkic-kg:build:scratch> { ?x a ?d } } WHERE { ?x a ?c }'
    """
    template, where = body.strip().removeprefix("CONSTRUCT").split("} WHERE", 1)
    return f"INSERT {{ GRAPH <{SCRATCH_GRAPH.value}> {template.strip()} }} }} WHERE{where}"


def infer_in_store(store: ox.Store, *, taken: Callable[[ox.Store], None] | None = None, max_rounds: int = 10) -> int:
    """Infer inside ``store``, whose default graph holds the union of the asserted triples (each
    once): the same rules, rounds and results as :func:`infer`, all inside pyoxigraph.

    Each rule's conclusions go first into :data:`SCRATCH_GRAPH`; those the default graph lacks go
    into :data:`~graph.load.INFERRED_GRAPH`, then all into the default graph, so that it ends as the
    union of the asserted and the inferred triples. With ``taken``, it is called after each rule with
    the store whose inferred graph holds that rule's new triples, and the graph is then emptied (the
    build moves them to its on-disk store and its dataset, so memory holds them once); else the
    inferred graph keeps them all. Returns how many triples were inferred.
    """
    prefixes = sparql_prefixes()
    updates = [f"{prefixes}\n{_into_scratch(body)}" for body in RULES.values()]
    total = 0
    for _ in range(max_rounds):
        before = total
        for update in updates:
            store.update(update)
            total += _move_new(store, taken)
        if total == before:
            break
    provenance = ox.Quad(INFERRED_GRAPH, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), ONTOLOGY_IRI,
                         SCRATCH_GRAPH)
    store.add(provenance)
    return total + _move_new(store, taken)


def _count(store: ox.Store, graph: ox.NamedNode) -> int:
    """The number of triples in ``graph`` (counted by the store: ``len(store)`` scans every quad)."""
    row = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}")))
    return int(row["n"].value)


def _move_new(store: ox.Store, taken: Callable[[ox.Store], None] | None) -> int:
    """Move the scratch graph's new triples into the inferred graph, and all into the default graph."""
    size = _count(store, INFERRED_GRAPH)
    store.update(_PICK_NEW)
    new = _count(store, INFERRED_GRAPH) - size
    store.update(_ADD_ALL)
    store.remove_graph(SCRATCH_GRAPH)
    if taken is not None and new:
        taken(store)
        store.remove_graph(INFERRED_GRAPH)
    return new
