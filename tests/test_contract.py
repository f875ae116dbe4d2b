"""The public contract, asked in standard terms only (ORG, schema.org, FOAF, PROV, SKOS, OWL-Time)
on a build of the ontology and the founding article's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import build
from graph.settings import load_settings
from graph.store import OxigraphEngine

from .helpers import small_project

PREFIXES = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX tkg: <https://w3id.org/turkic-kg/ontology#>
"""


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> OxigraphEngine:
    root = small_project(tmp_path_factory.mktemp("contract"))
    settings = load_settings(root=root)
    build(settings)
    return OxigraphEngine.from_build(settings)


def rows(engine: OxigraphEngine, query: str) -> list[tuple[str, ...]]:
    result = engine.query(PREFIXES + query)
    return sorted(tuple("" if t is None else t.value for t in row) for row in result.rows)


def test_who_addressed_the_gala(seed: OxigraphEngine) -> None:
    assert rows(seed, """SELECT DISTINCT ?name WHERE {
        ?gala a schema:Event ; rdfs:label "Gala Concert of Turkic Artists"@en ; schema:performer ?p .
        ?p a foaf:Person ; rdfs:label ?name }""") == [("Kubanychbek Omuraliev",)]


def test_who_addressed_the_opening_session_and_in_what_capacity(seed: OxigraphEngine) -> None:
    assert rows(seed, """SELECT DISTINCT ?name WHERE {
        ?s a schema:Event ; skos:prefLabel "Opening session of the 3rd Diaspora Capacity Building Training Program"@en ;
           schema:performer ?p . ?p a foaf:Person ; skos:prefLabel ?name }""") == [
        ("Gürsel Dönmez",), ("Kubanychbek Omuraliev",), ("Levent Eler",), ("Nurjan Shaildabekova",),
        ("Rovshan Sadigbayli",)]
    # the capacity in which Sadigbayli spoke, and whom he represented
    assert rows(seed, """SELECT ?post ?behalf WHERE {
        ?x tkg:participant ?p ; tkg:inCapacityOf/skos:prefLabel ?post ; tkg:onBehalfOf ?m ; prov:wasDerivedFrom ?src .
        ?p skos:prefLabel "Rovshan Sadigbayli"@en .
        ?m a org:Membership ; org:member/skos:prefLabel ?behalf ; org:role/rdfs:label "Chair"@en }""") == [
        ("Permanent Representative of the Republic of Azerbaijan to the United Nations Office and Other "
         "International Organizations in Vienna", "Republic of Azerbaijan")]


def test_every_post_with_holder_sending_state_and_accreditation(seed: OxigraphEngine) -> None:
    assert rows(seed, """SELECT ?holder ?role ?sender ?to WHERE {
        ?post a org:Post ; org:heldBy ?h ; org:role/rdfs:label ?role ; org:postIn ?in .
        ?h a foaf:Person ; skos:prefLabel ?holder . ?h org:holds ?post .
        FILTER(lang(?role) = "en")
        OPTIONAL { ?in tkg:sendingState/skos:prefLabel ?sender . ?in tkg:accreditedTo/skos:prefLabel ?to }
        }""") == [
        ("Gürsel Dönmez", "Ambassador", "Republic of Türkiye", "Republic of Austria"),
        ("Kubanychbek Omuraliev", "Secretary General", "", ""),
        ("Levent Eler", "Permanent Representative", "Republic of Türkiye", "United Nations Office at Vienna"),
        ("Nurjan Shaildabekova", "Ambassador", "Kyrgyz Republic", "Republic of Austria"),
        ("Nurjan Shaildabekova", "Permanent Representative", "Kyrgyz Republic",
         "Organization for Security and Co-operation in Europe"),
        ("Rovshan Sadigbayli", "Permanent Representative", "Republic of Azerbaijan", "United Nations Office at Vienna"),
    ]


def test_tenures_are_memberships_with_period_and_source(seed: OxigraphEngine) -> None:
    assert rows(seed, """SELECT ?holder ?on WHERE {
        ?t a org:Membership ; org:member/skos:prefLabel ?holder ; org:organization ?in ; org:role ?r ;
           org:memberDuring/time:inside/time:inXSDDate ?on ; prov:wasDerivedFrom ?src .
        ?src schema:url ?u ; schema:datePublished "2026-01-15"^^xsd:date .
        ?in a org:Organization .
        FILTER(?holder = "Nurjan Shaildabekova"@en) }""") == [
        ("Nurjan Shaildabekova", "2026-01-14"), ("Nurjan Shaildabekova", "2026-01-14")]


def test_venues_with_dates_and_city(seed: OxigraphEngine) -> None:
    assert rows(seed, """SELECT DISTINCT ?event ?date ?venue ?city WHERE {
        ?e a schema:Event ; skos:prefLabel ?event ; schema:startDate ?date ; schema:location ?v .
        FILTER(DATATYPE(?date) = xsd:date)
        VALUES ?event { "Gala Concert of Turkic Artists"@en
                        "Main training day of the 3rd Diaspora Capacity Building Training Program"@en }
        ?v skos:prefLabel ?venue .
        OPTIONAL { ?v schema:containedInPlace/skos:prefLabel ?city } }""") == [
        ("Gala Concert of Turkic Artists", "2026-01-13", "MuTh Concert and Theater Hall", ""),
        ("Main training day of the 3rd Diaspora Capacity Building Training Program", "2026-01-14",
         "Azerbaijan Cultural Center in Vienna", "Vienna"),
    ]


def test_program_structure(seed: OxigraphEngine) -> None:
    assert rows(seed, """SELECT ?parent ?child WHERE {
        ?p schema:subEvent ?c . ?c schema:superEvent ?p .
        ?p skos:prefLabel ?parent . ?c skos:prefLabel ?child }""") == [
        ("3rd Diaspora Capacity Building Training Program", "Gala Concert of Turkic Artists"),
        ("3rd Diaspora Capacity Building Training Program",
         "Main training day of the 3rd Diaspora Capacity Building Training Program"),
        ("Main training day of the 3rd Diaspora Capacity Building Training Program",
         "Closing exchange of experiences among diaspora representatives"),
        ("Main training day of the 3rd Diaspora Capacity Building Training Program",
         "Interactive sessions on Turkic diasporas in Europe"),
        ("Main training day of the 3rd Diaspora Capacity Building Training Program",
         "Opening session of the 3rd Diaspora Capacity Building Training Program"),
        ("Main training day of the 3rd Diaspora Capacity Building Training Program",
         "Presentations by heads of delegations of OTS member and observer states"),
    ]


def test_chairmanship(seed: OxigraphEngine) -> None:
    assert rows(seed, """SELECT ?member ?org ?role ?on WHERE {
        ?m a org:Membership ; org:member ?x ; org:organization/skos:prefLabel ?org ;
           org:role/rdfs:label ?role ; org:memberDuring/time:inside/time:inXSDDate ?on ; prov:wasDerivedFrom ?s .
        ?x a org:Organization ; skos:prefLabel ?member . FILTER(lang(?role) = "en") }""") == [
        ("Republic of Azerbaijan", "Organization of Turkic States", "Chair", "2026-01-14")]


def test_trade_figure_with_source(seed: OxigraphEngine) -> None:
    assert rows(seed, """SELECT ?subject ?counterparty ?value ?unit ?url ?date WHERE {
        ?o a <http://purl.org/linked-data/cube#Observation> ; tkg:subject/skos:prefLabel ?subject ;
           tkg:counterparty/skos:prefLabel ?counterparty ; tkg:value ?value ; tkg:unit/rdfs:label ?unit ;
           prov:wasDerivedFrom ?s . ?s schema:url ?url ; schema:datePublished ?date }""") == [
        ("Republic of Kazakhstan", "Organization of Turkic States", "10.4", "USD billion",
         "https://qazinform.com/news/ots-holds-3rd-diaspora-capacity-building-training-program-in-vienna-e1166c",
         "2026-01-15")]


#: Contract checks that must find nothing on the curated data (each is shown to find what it is
#: for in test_contract_checks_find_planted_breaks).
NO_ROWS = {
    "graph without a source": """SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o }
        FILTER NOT EXISTS { ?g prov:wasDerivedFrom ?src . ?src schema:url ?u ; schema:datePublished ?d } }
        GROUP BY ?g""",
    "statement outside a named graph": """SELECT ?s WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }
        GROUP BY ?s""",
    "n-ary node without a source": """SELECT ?n WHERE {
        VALUES ?c { org:Membership tkg:Participation tkg:Observation }
        ?n a ?c . FILTER NOT EXISTS { ?n prov:wasDerivedFrom ?s } }""",
    "entity without an English rdfs:label": """SELECT DISTINCT ?e WHERE {
        VALUES ?c { foaf:Person org:Organization org:Post schema:Event schema:Place }
        ?e a ?c . FILTER NOT EXISTS { ?e rdfs:label ?l . FILTER(lang(?l) = "en") } }""",
    "two prefLabels in one language": """SELECT ?e WHERE { ?e skos:prefLabel ?l . BIND(lang(?l) AS ?lang) }
        GROUP BY ?e ?lang HAVING (COUNT(DISTINCT ?l) > 1)""",
}


@pytest.mark.parametrize("check", sorted(NO_ROWS))
def test_contract_check_finds_nothing(seed: OxigraphEngine, check: str) -> None:
    assert rows(seed, NO_ROWS[check]) == []


def test_contract_checks_find_planted_breaks(seed: OxigraphEngine) -> None:
    """The positive control: each check finds the break planted for it, and only that."""
    import pyoxigraph as ox

    ID, T = "https://w3id.org/turkic-kg/id/", "https://w3id.org/turkic-kg/ontology#"
    g = ox.NamedNode(ID + "graph/planted")
    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    pref = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    store = ox.Store()
    store.extend(q for q in seed.store if q.graph_name != ox.DefaultGraph())
    store.extend([
        ox.Quad(ox.NamedNode(ID + "membership/unsourced"), a, ox.NamedNode("http://www.w3.org/ns/org#Membership"), g),
        ox.Quad(ox.NamedNode(ID + "person/no-english"), a, ox.NamedNode("http://xmlns.com/foaf/0.1/Person"), g),
        ox.Quad(ox.NamedNode(ID + "person/no-english"), pref, ox.Literal("Ики", language="ky"), g),
        ox.Quad(ox.NamedNode(ID + "person/no-english"), pref, ox.Literal("Эки", language="ky"), g),
    ])
    engine = OxigraphEngine(store)  # the default graph: the union of the named graphs, as built
    store.add(ox.Quad(ox.NamedNode(ID + "state/loose"), pref, ox.Literal("Loose", language="en"), ox.DefaultGraph()))
    found = {check: [r[0].rsplit("/", 1)[-1] for r in rows(engine, NO_ROWS[check])] for check in NO_ROWS}
    assert found == {
        "graph without a source": ["planted"],
        "statement outside a named graph": ["loose"],
        "n-ary node without a source": ["unsourced"],
        "entity without an English rdfs:label": ["no-english"],
        "two prefLabels in one language": ["no-english"],
    }


def test_ontology_graph_is_sourced(seed: OxigraphEngine, tmp_path: Path) -> None:
    assert rows(seed, """SELECT ?u WHERE { <https://w3id.org/turkic-kg/id/graph/ontology> prov:wasDerivedFrom ?o .
        ?o schema:url ?u }""") == [("https://w3id.org/turkic-kg/ontology",)]
