"""The shapes compiled to SPARQL find exactly the violations pySHACL finds.

Compared on the fixtures, on the curated data, and on the curated data with one seeded fault per
constraint the shapes use (each fault must be found, and found the same way by both validators).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.infer import infer
from graph.load import SHAPES_FILE, read_file, read_sources
from graph.namespaces import TRIG_PREFIX_BLOCK
from graph.settings import load_settings
from graph.shacl_sparql import UnsupportedShape, compile_shapes
from graph.validate import load_shapes, validate_quads

ROOT = Path(__file__).resolve().parent.parent

#: One fault per constraint component the shapes use: (name, TriG body, rules it must break).
FAULTS = [
    ("no-sending-state", """mission:f1 a tkg:Embassy ; skos:prefLabel "F1"@en ; tkg:accreditedTo state:AUT .""",
     {"shape:MissionShape sh:MinCountConstraintComponent"}),
    ("two-sending-states", """mission:f2 a tkg:Embassy ; skos:prefLabel "F2"@en ;
        tkg:sendingState state:TUR , state:AZE ; tkg:accreditedTo state:AUT .""",
     {"shape:MissionShape sh:MaxCountConstraintComponent"}),
    ("sender-not-a-state", """mission:f3 a tkg:Embassy ; skos:prefLabel "F3"@en ;
        tkg:sendingState city:vienna ; tkg:accreditedTo state:AUT .""",
     {"shape:MissionShape sh:ClassConstraintComponent"}),
    ("accredited-to-literal", """mission:f4 a tkg:Embassy ; skos:prefLabel "F4"@en ;
        tkg:sendingState state:TUR ; tkg:accreditedTo "Austria" .""",
     {"shape:MissionShape sh:NodeKindConstraintComponent"}),
    ("no-english-label", """city:f5 a tkg:City ; skos:prefLabel "F5"@de .""",
     {"shape:EnglishLabelShape sh:QualifiedMinCountConstraintComponent"}),
    ("two-english-labels", """city:f6 a tkg:City ; skos:prefLabel "F6"@en , "Six"@en .""",
     {"shape:NamedEntityShape sh:UniqueLangConstraintComponent"}),
    ("untagged-alt-label", """city:f7 a tkg:City ; skos:prefLabel "F7"@en ; skos:altLabel "seven" .""",
     {"shape:NamedEntityShape sh:DatatypeConstraintComponent"}),
    ("bad-iso-code", """state:XTS a tkg:State ; skos:prefLabel "Test state"@en ; tkg:isoCode "xts" .""",
     {"shape:StateShape sh:PatternConstraintComponent"}),
    ("ill-formed-date", """event:f9 a tkg:Meeting ; skos:prefLabel "F9"@en ; schema:startDate "2024-13-45"^^xsd:date .""",
     {"shape:EventShape sh:DatatypeConstraintComponent", "shape:PeriodShape sh:OrConstraintComponent"}),
    ("string-start-date", """event:f10 a tkg:Meeting ; skos:prefLabel "F10"@en ; schema:startDate "2024" .""",
     {"shape:EventShape sh:DatatypeConstraintComponent", "shape:PeriodShape sh:OrConstraintComponent"}),
    ("undated-tenure", """tenure:f11 a tkg:Tenure ; org:member person:kubanychbek-omuraliev ;
        tkg:post post:secretary-general-ots ; prov:wasDerivedFrom source:azernews-2020-01-16-azerbaijan-kazakhstan-trade .""",
     {"shape:TenureShape sh:OrConstraintComponent"}),
    ("blank-tenure", """[] a tkg:Tenure ; org:member person:kubanychbek-omuraliev ; tkg:post post:secretary-general-ots ;
        tkg:attestedOn "2026-01-14"^^xsd:date ; prov:wasDerivedFrom source:azernews-2020-01-16-azerbaijan-kazakhstan-trade .""",
     {"shape:TenureShape sh:NodeKindConstraintComponent"}),
    ("latitude-out-of-range", """mission:f14 a tkg:Embassy ; skos:prefLabel "F14"@en ; tkg:sendingState state:TUR ;
        tkg:hostState state:AUT ; tkg:accreditedTo state:AUT ; owl:sameAs <http://www.wikidata.org/entity/Q1> ;
        prov:wasDerivedFrom source:azernews-2020-01-16-azerbaijan-kazakhstan-trade ;
        geo:lat "95"^^xsd:decimal ; geo:long "-200"^^xsd:decimal .""",
     {"shape:ImportedMissionShape sh:MaxInclusiveConstraintComponent",
      "shape:ImportedMissionShape sh:MinInclusiveConstraintComponent"}),
    ("mission-without-source", """mission:f15 a tkg:Embassy ; skos:prefLabel "F15"@en ; tkg:sendingState state:TUR ;
        tkg:hostState state:AUT ; tkg:accreditedTo state:AUT ; owl:sameAs <http://www.wikidata.org/entity/Q2> .""",
     {"shape:ImportedMissionShape sh:QualifiedMinCountConstraintComponent"}),
    ("host-state-on-a-non-mission", """city:f16 a tkg:City ; skos:prefLabel "F16"@en ; tkg:hostState state:AUT .""",
     {"shape:ImportedMissionShape sh:ClassConstraintComponent",
      "shape:ImportedMissionShape sh:MinCountConstraintComponent",
      "shape:ImportedMissionShape sh:QualifiedMinCountConstraintComponent"}),
    ("value-not-decimal", """observation:f13 a tkg:Observation ; tkg:subject state:KAZ ; tkg:measure measure:trade-volume ;
        tkg:value "ten" ; tkg:unit unit:usd-billion ; prov:wasDerivedFrom source:azernews-2020-01-16-azerbaijan-kazakhstan-trade .""",
     {"shape:ObservationShape sh:DatatypeConstraintComponent"}),
]


@pytest.fixture(scope="module")
def curated() -> tuple[list[ox.Quad], object, object]:
    settings = load_settings(root=ROOT)
    sources = read_sources(settings.ontology_dir, settings.data_dir, root=settings.root)
    return sources.quads, sources, load_shapes(settings.ontology_dir / SHAPES_FILE)


def _both(quads: list[ox.Quad], shapes, sources):  # type: ignore[no-untyped-def]
    everything = [*quads, *infer(quads)]
    return (validate_quads(everything, shapes, sources, engine="pyshacl"),
            validate_quads(everything, shapes, sources, engine="sparql"))


def _fault_quads(body: str, name: str) -> list[ox.Quad]:
    text = (f"{TRIG_PREFIX_BLOCK}@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
            f"@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .\n<https://w3id.org/turkic-kg/id/graph/fault-{name}> {{\n{body}\n}}\n")
    return list(ox.parse(text.encode(), format=ox.RdfFormat.TRIG))


def test_the_project_shapes_compile(curated) -> None:  # type: ignore[no-untyped-def]
    checks = compile_shapes(curated[2])
    assert len(checks) > 40
    assert {c.component for c in checks} >= {"MinCountConstraintComponent", "MaxCountConstraintComponent",
                                               "ClassConstraintComponent", "DatatypeConstraintComponent",
                                               "NodeKindConstraintComponent", "OrConstraintComponent",
                                               "PatternConstraintComponent", "UniqueLangConstraintComponent",
                                               "QualifiedMinCountConstraintComponent"}


def test_same_answer_on_the_curated_data(curated) -> None:  # type: ignore[no-untyped-def]
    quads, sources, shapes = curated
    reference, compiled = _both(quads, shapes, sources)
    assert compiled == reference == []


def test_same_violations_on_the_fixture(curated) -> None:  # type: ignore[no-untyped-def]
    quads, sources, shapes = curated
    fixture = read_file(ROOT / "tests" / "fixtures" / "violation.trig")
    reference, compiled = _both([*quads, *fixture], shapes, sources)
    assert [v.rule for v in compiled] == ["shape:EventShape sh:MinCountConstraintComponent",
                                          "shape:TenureShape sh:MinCountConstraintComponent"]
    assert compiled == reference


@pytest.mark.parametrize("name,body,rules", FAULTS, ids=[f[0] for f in FAULTS])
def test_each_seeded_fault_is_found_alike(curated, name: str, body: str, rules: set[str]) -> None:  # type: ignore[no-untyped-def]
    quads, sources, shapes = curated
    reference, compiled = _both([*quads, *_fault_quads(body, name)], shapes, sources)
    assert {v.rule for v in compiled} == rules
    assert compiled == reference


def test_an_unsupported_feature_is_refused_not_skipped() -> None:
    from rdflib import Graph

    shapes = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:minLength 3 ] .""",
                           format="turtle")
    with pytest.raises(UnsupportedShape, match="minLength"):
        compile_shapes(shapes)
