"""The ontology: loads cleanly, documents every term, and the Python namespace matches it."""

from __future__ import annotations

import warnings
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.infer import infer
from graph.load import ONTOLOGY_GRAPH, read_file
from graph.namespaces import TKG
from graph.rdfconv import rdflib_graph

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
NS = str(TKG._NS)


@pytest.mark.parametrize("name", ["turkic-kg.ttl", "roles.ttl", "alignments.ttl", "shapes.ttl"])
def test_loads_in_rdflib_and_pyoxigraph_without_warnings(name: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = Graph().parse(ONTOLOGY / name, format="turtle")
    quads = list(ox.parse(path=str(ONTOLOGY / name), format=ox.RdfFormat.TURTLE))
    assert len(g) == len(set(quads)) > 0


def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "turkic-kg.ttl", format="turtle")


def test_every_term_has_english_label_and_definition() -> None:
    g = _ontology()
    terms = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
    assert len(terms) == 66
    missing = sorted(
        str(t) for t in terms
        if not any(lbl.language == "en" for lbl in g.objects(t, RDFS.label))
        or not any(d.language == "en" for d in g.objects(t, SKOS.definition))
    )
    assert missing == []


def test_every_concept_has_english_label_and_definition() -> None:
    g = Graph().parse(ONTOLOGY / "roles.ttl", format="turtle")
    concepts = set(g.subjects(SKOS.inScheme, None)) | {s for s in g.subjects(RDF.type, None)}
    assert len(concepts) >= 30
    assert sorted(str(c) for c in concepts
                  if not any(d.language == "en" for d in g.objects(c, SKOS.definition))) == []


def _rooted(g: Graph, cls: URIRef, seen: frozenset = frozenset()) -> bool:
    """A class whose superclasses lead to a class of a standard vocabulary (not ``tkg:``)."""
    return any(not str(sup).startswith(NS) or (sup not in seen and _rooted(g, sup, seen | {cls}))
               for sup in g.objects(cls, RDFS.subClassOf))


def test_every_term_is_a_class_or_property_tied_to_standards() -> None:
    g = _ontology()
    terms = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS) and str(s) != NS}
    classes = {s for s in g.subjects(RDF.type, OWL.Class) if s in terms}
    objects = {s for s in g.subjects(RDF.type, OWL.ObjectProperty) if s in terms}
    datatypes = {s for s in g.subjects(RDF.type, OWL.DatatypeProperty) if s in terms}
    # Every term is exactly one of: a class, an object property, a datatype property.
    assert (len(classes), len(objects), len(datatypes)) == (39, 19, 8)
    assert classes | objects | datatypes == terms
    assert not (classes & objects or classes & datatypes or objects & datatypes)
    # Classes lead to a standard class.
    assert sorted(str(c) for c in classes if not _rooted(g, c)) == []
    # Properties: tied to classes by a domain or a range; a tkg class they name is itself rooted;
    # a datatype property ranges over XSD, an object property does not; super-properties are standard.
    xsd = "http://www.w3.org/2001/XMLSchema#"
    for p in sorted(objects | datatypes):
        domains, ranges = set(g.objects(p, RDFS.domain)), set(g.objects(p, RDFS.range))
        assert domains | ranges, f"{p} has neither rdfs:domain nor rdfs:range"
        for c in domains | {r for r in ranges if not str(r).startswith(xsd)}:
            assert c in classes or not str(c).startswith(NS), f"{p}: {c} is not a declared class"
        assert all(str(r).startswith(xsd) for r in ranges) if p in datatypes else \
            not any(str(r).startswith(xsd) for r in ranges), f"{p}: range {ranges} does not fit its kind"
        assert all(not str(sup).startswith(NS) for sup in g.objects(p, RDFS.subPropertyOf)), p


def test_python_namespace_matches_ontology() -> None:
    g = _ontology()
    in_ttl = sorted({str(s)[len(NS):] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)
                     and str(s) != NS})
    in_python = sorted(TKG.__annotations__)
    assert in_python == in_ttl
    with pytest.raises(AttributeError):
        _ = TKG.NoSuchTerm


def test_rdfs_inferences_are_in_owlrls_closure() -> None:
    """Every type and property the build infers by the RDFS rules is also in owlrl's RDFS closure
    (owlrl is the reference reasoner; ours is a fast subset)."""
    import owlrl

    quads = [*read_file(ONTOLOGY / "turkic-kg.ttl", graph=ONTOLOGY_GRAPH),
             *read_file(ONTOLOGY / "alignments.ttl", graph=ONTOLOGY_GRAPH),
             *read_file(ONTOLOGY / "roles.ttl", graph=ONTOLOGY_GRAPH),
             *read_file(ROOT / "tests" / "fixtures" / "inference_sample.trig")]
    ours = {(q.subject.value, q.predicate.value, str(q.object)) for q in infer(quads)
            if q.predicate.value in (str(RDF.type), str(RDFS.label))
            or q.predicate.value.startswith("http://www.w3.org/ns/prov#")}
    reference = rdflib_graph(quads)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(reference)
    theirs = {(str(s), str(p), str(ox_term)) for s, p, o in reference
              for ox_term in [_ox(o)]}
    ours.discard(("https://w3id.org/turkic-kg/id/graph/inferred", "http://www.w3.org/ns/prov#wasDerivedFrom",
                  "<https://w3id.org/turkic-kg/ontology>"))
    assert len(ours) > 20
    assert sorted(ours - theirs) == []


def _ox(term: object) -> object:
    from graph.rdfconv import to_oxigraph

    return to_oxigraph(term)  # type: ignore[arg-type]
