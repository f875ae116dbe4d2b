"""A tiny graph of known shape for the view and analytics tests (exact counts are asserted on it).

Nine entities: two states with a Kyrgyz embassy in Austria, its ambassador post held by two persons
one after the other, an organization Kyrgyzstan is a member of, a meeting hosted by Austria where
the second ambassador spoke, and Hungary with no relation at all.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.namespaces import TRIG_PREFIX_BLOCK
from graph.store import OxigraphEngine

PREFIXES = TRIG_PREFIX_BLOCK + """@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix id: <https://w3id.org/turkic-kg/id/> .
"""

TRIG = PREFIXES + """
graph:ontology {
  tkg:State rdfs:label "State"@en . tkg:Person rdfs:label "Person"@en . tkg:Post rdfs:label "Post"@en .
  tkg:DiplomaticMission rdfs:label "Diplomatic mission"@en .
  tkg:Embassy rdfs:subClassOf tkg:DiplomaticMission ; rdfs:label "Embassy"@en .
  tkg:Organization rdfs:label "Organization"@en .
  tkg:InternationalOrganization rdfs:subClassOf tkg:Organization ; rdfs:label "International organization"@en .
  tkg:Event rdfs:label "Event"@en . tkg:Meeting rdfs:subClassOf tkg:Event ; rdfs:label "Meeting"@en .
  tkg:sendingState rdfs:label "sending state"@en . tkg:accreditedTo rdfs:label "accredited to"@en .
  tkg:host rdfs:label "host"@en ; rdfs:label "ev sahibi"@tr .
  tkg:isoCode rdfs:label "ISO code"@en .
  role:ambassador a tkg:Role ; skos:prefLabel "Ambassador"@en .
  role:member a tkg:Role ; skos:prefLabel "Member"@en .
  role:speaker a tkg:Role ; skos:prefLabel "Speaker"@en .
}

graph:test-article {
  graph:test-article prov:wasDerivedFrom source:test-article .
  source:test-article a tkg:Source ; schema:headline "A test article"@en ;
      schema:url <https://example.org/article> ; schema:datePublished "2024-05-02"^^xsd:date .

  state:KGZ a tkg:State ; tkg:isoCode "KGZ" ;
      skos:prefLabel "Kyrgyz Republic"@en , "Кыргыз Республикасы"@ky ; skos:altLabel "Kyrgyzstan"@en .
  state:AUT a tkg:State ; tkg:isoCode "AUT" ; skos:prefLabel "Republic of Austria"@en , "Österreich"@de .
  state:HUN a tkg:State ; tkg:isoCode "HUN" ; skos:prefLabel "Hungary"@en .

  mission:kgz-embassy-aut a tkg:Embassy ; skos:prefLabel "Embassy of Kyrgyzstan in Austria"@en ;
      tkg:sendingState state:KGZ ; tkg:accreditedTo state:AUT .
  post:ambassador-kgz-aut a tkg:Post ; skos:prefLabel "Ambassador of Kyrgyzstan to Austria"@en ;
      org:postIn mission:kgz-embassy-aut ; org:role role:ambassador .

  person:ayana-test a tkg:Person ; skos:prefLabel "Ayana Test"@en ; skos:hiddenLabel "Aiana Test"@en .
  person:bolot-test a tkg:Person ; skos:prefLabel "Bolot Test"@en .

  tenure:ayana-test--ambassador-kgz-aut a tkg:Tenure ; org:member person:ayana-test ;
      tkg:post post:ambassador-kgz-aut ; schema:startDate "2019"^^xsd:gYear ; schema:endDate "2022"^^xsd:gYear ;
      prov:wasDerivedFrom source:test-article .
  tenure:bolot-test--ambassador-kgz-aut a tkg:Tenure ; org:member person:bolot-test ;
      tkg:post post:ambassador-kgz-aut ; schema:startDate "2023-01-10"^^xsd:date ;
      prov:wasDerivedFrom source:test-article .

  organization:ots a tkg:InternationalOrganization ; skos:prefLabel "Organization of Turkic States"@en .
  membership:kgz-ots-member a tkg:StateMembership ; org:member state:KGZ ; org:organization organization:ots ;
      org:role role:member ; schema:startDate "2009"^^xsd:gYear ; prov:wasDerivedFrom source:test-article .

  event:meeting-2024 a tkg:Meeting ; skos:prefLabel "A meeting in Vienna (May 2024)"@en ;
      schema:startDate "2024-05-01"^^xsd:date ; tkg:host state:AUT .
  participation:meeting-2024--bolot-test a tkg:Participation ; tkg:event event:meeting-2024 ;
      tkg:participant person:bolot-test ; tkg:participationRole role:speaker ;
      tkg:inCapacityOf post:ambassador-kgz-aut ; prov:wasDerivedFrom source:test-article .
}

graph:inferred {
  mission:kgz-embassy-aut a tkg:DiplomaticMission .
  organization:ots a tkg:Organization .
  event:meeting-2024 a tkg:Event .
  post:ambassador-kgz-aut org:heldBy person:ayana-test , person:bolot-test .
  person:ayana-test org:holds post:ambassador-kgz-aut .
  tenure:ayana-test--ambassador-kgz-aut tkg:validFrom "2019-01-01"^^xsd:date ; tkg:validUntil "2022-12-31"^^xsd:date .
  tenure:bolot-test--ambassador-kgz-aut tkg:validFrom "2023-01-10"^^xsd:date .
  membership:kgz-ots-member tkg:validFrom "2009-01-01"^^xsd:date .
}
"""

ID = "https://w3id.org/turkic-kg/id/"
KGZ, AUT, HUN = f"{ID}state/KGZ", f"{ID}state/AUT", f"{ID}state/HUN"
EMBASSY, POST = f"{ID}mission/kgz-embassy-aut", f"{ID}post/ambassador-kgz-aut"
AYANA, BOLOT = f"{ID}person/ayana-test", f"{ID}person/bolot-test"
OTS, MEETING = f"{ID}org/ots", f"{ID}event/meeting-2024"

#: Every relation of the fixture, as (source, label, target).
EDGES = sorted([
    (EMBASSY, "sending state", KGZ),
    (EMBASSY, "accredited to", AUT),
    (POST, "post in", EMBASSY),
    (AYANA, "holds", POST),
    (BOLOT, "holds", POST),
    (KGZ, "member", OTS),
    (MEETING, "host", AUT),
    (BOLOT, "speaker", MEETING),
])
NODES = sorted([KGZ, AUT, HUN, EMBASSY, POST, AYANA, BOLOT, OTS, MEETING])


def fixture_store(trig: str = TRIG) -> ox.Store:
    store = ox.Store()
    store.load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return store


def fixture_engine(trig: str = TRIG) -> OxigraphEngine:
    return OxigraphEngine(fixture_store(trig))


def write_fixture_build(build_dir: Path, trig: str = TRIG) -> Path:
    """A build folder whose dataset is the fixture (for CLI tests)."""
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / "dataset.nq"
    path.write_bytes(ox.serialize(fixture_store(trig), format=ox.RdfFormat.N_QUADS))
    return path


def edge_list(G) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return sorted((u, d["label"], v) for u, v, d in G.edges(data=True))
