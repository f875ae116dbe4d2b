"""Corrections of curated facts found by an audit (issue 12, item 16), each checked on the built data."""

from __future__ import annotations

from graph.store import OxigraphEngine

P = """PREFIX tkg: <https://w3id.org/turkic-kg/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX id: <https://w3id.org/turkic-kg/id/> """


def rows(engine: OxigraphEngine, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple("" if t is None else t.value for t in row) for row in engine.query(P + query).rows)


def test_deputy_foreign_ministers_met_on_4_october_2023(engine: OxigraphEngine) -> None:
    """One date, from the Turkish foreign ministry's release, not the next day's report."""
    assert rows(engine, """SELECT ?d ?url WHERE { GRAPH ?g {
        <https://w3id.org/turkic-kg/id/event/ots-deputy-foreign-ministers-consultations-2023> schema:startDate ?d }
        ?g prov:wasDerivedFrom/schema:url ?url }""") == [
        ("2023-10-04", "https://malatyayildiz.com/press-release-regarding-the-political-consultations-within-"
                       "the-organization-of-the-turkic-states-h27615.html")]


def test_ots_and_turkpa_secretaries_general_named_ramil_stay_two_persons(engine: OxigraphEngine) -> None:
    """No stored page says that OTS Secretary General Ramil Hasanov and TURKPA's Ramil Hasan are one person."""
    held = rows(engine, """SELECT DISTINCT ?person ?org WHERE {
        ?t a tkg:Tenure ; org:member ?person ; tkg:post/org:postIn ?org .
        VALUES ?person { <https://w3id.org/turkic-kg/id/person/ramil-hasan> <https://w3id.org/turkic-kg/id/person/ramil-hasanov> } }""")
    assert held == [("https://w3id.org/turkic-kg/id/person/ramil-hasan", "https://w3id.org/turkic-kg/id/org/turkpa"),
                    ("https://w3id.org/turkic-kg/id/person/ramil-hasanov", "https://w3id.org/turkic-kg/id/org/ots")]
    assert rows(engine, """SELECT ?on WHERE { ?t org:member <https://w3id.org/turkic-kg/id/person/ramil-hasanov> ;
        tkg:attestedOn ?on }""") == [("2014-12-11",), ("2014-12-29",), ("2015-09-10",), ("2017-11-10",)]


def test_kazakhstan_chaired_the_ots_from_the_2015_astana_summit(engine: OxigraphEngine) -> None:
    assert rows(engine, """SELECT ?summit ?end WHERE { <https://w3id.org/turkic-kg/id/membership/kaz-ots-chair-2018>
        tkg:decidedAt ?summit ; schema:endDate ?end }""") == [
        ("https://w3id.org/turkic-kg/id/event/ots-summit-2015-astana", "2018-09-03")]


def test_name_variants_sit_in_the_graphs_of_pages_that_write_them(engine: OxigraphEngine) -> None:
    found = rows(engine, """SELECT ?label ?g WHERE { GRAPH ?g { ?p skos:prefLabel|skos:altLabel|skos:hiddenLabel ?l }
        BIND(STR(?l) AS ?label)
        VALUES ?l { "Alibek Bakajew"@en "Kassym-Schomart Tokajew"@en "Kassim-Schomart Tokajew"@de "İlham Əliyev"@en
                    "İlham Əliyev"@az "Aysan Mollasan"@en "Kubanicbek Ömüraliyev"@en "Samir Şerifov"@en
                    "Director of Political Affairs of the TRNC Ministry of Foreign Affairs"@en } }""")
    graph = "https://w3id.org/turkic-kg/id/graph/"
    assert found == [
        ("Aysan Mollasan", graph + "menafn-2023-10-05-ots-deputy-foreign-ministers-istanbul"),
        ("Director of Political Affairs of the TRNC Ministry of Foreign Affairs",
         graph + "cyprusscene-2023-10-06-trnc-at-ots-deputy-ministers-meeting"),
        ("Kassim-Schomart Tokajew", graph + "presseorgane-2019-12-05-tokayev-berlin"),
        ("Kubanicbek Ömüraliyev", graph + "cyprusscene-2023-10-06-trnc-at-ots-deputy-ministers-meeting"),
        ("Samir Şerifov", graph + "cyprusscene-2023-10-06-trnc-at-ots-deputy-ministers-meeting"),
        ("İlham Əliyev", graph + "report-2026-02-11-aliyev-receives-arab-parliament-delegation"),
    ]
