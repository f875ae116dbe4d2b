"""The ontology page's content: classes and properties with labels, definitions and hierarchy,
read from the ontology graph of the build (``ontology/*.ttl``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..load import ONTOLOGY_GRAPH
from ..namespaces import TKG
from ..store import Engine
from ..viz.model import local_name, split_words

__all__ = ["Term", "Ontology", "read_ontology"]

_KINDS = {
    "http://www.w3.org/2002/07/owl#Class": "class",
    "http://www.w3.org/2000/01/rdf-schema#Class": "class",
    "http://www.w3.org/2002/07/owl#ObjectProperty": "property",
    "http://www.w3.org/2002/07/owl#DatatypeProperty": "property",
    "http://www.w3.org/2002/07/owl#AnnotationProperty": "property",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property": "property",
}


@dataclass
class Term:
    iri: str
    kind: str  # class | property
    types: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)  # language → label
    definitions: dict[str, str] = field(default_factory=dict)
    parents: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    ranges: set[str] = field(default_factory=set)
    inverse: str | None = None

    @property
    def label(self) -> str:
        return self.labels.get("en") or next(iter(sorted(self.labels.values())), None) or split_words(local_name(self.iri))

    @property
    def anchor(self) -> str:
        return local_name(self.iri)

    @property
    def own(self) -> bool:
        return self.iri.startswith(str(TKG._NS))


@dataclass
class Ontology:
    terms: dict[str, Term]

    def label(self, iri: str) -> str:
        term = self.terms.get(iri)
        return term.label if term else local_name(iri)

    def roots(self, kind: str) -> list[Term]:
        """The terms of a kind whose parents are not terms of the project's own ontology."""
        own = {i for i, t in self.terms.items() if t.kind == kind and t.own}
        return sorted((self.terms[i] for i in own if not (self.terms[i].parents & own)), key=lambda t: t.label)

    def children(self, iri: str) -> list[Term]:
        return sorted((t for t in self.terms.values() if iri in t.parents and t.own), key=lambda t: t.label)


_QUERY = f"""
SELECT ?x ?p ?o WHERE {{ GRAPH <{ONTOLOGY_GRAPH.value}> {{ ?x ?p ?o FILTER(isIRI(?x)) }} }}"""
_R, _S, _O = ("http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#",
              "http://www.w3.org/2002/07/owl#")


def read_ontology(engine: Engine) -> Ontology:
    """Every class and property declared in the ontology graph."""
    props: dict[str, list[tuple[str, object]]] = defaultdict(list)
    kinds: dict[str, set[str]] = defaultdict(set)
    for x, p, o in engine.query(_QUERY).rows:
        if p.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" and o.value in _KINDS:
            kinds[x.value].add(o.value)
        props[x.value].append((p.value, o))
    terms: dict[str, Term] = {}
    for iri, types in kinds.items():
        t = Term(iri=iri, kind=_KINDS[sorted(types)[0]], types={local_name(x) for x in types})
        for p, o in props[iri]:
            value, lang = getattr(o, "value", ""), getattr(o, "language", None) or ""
            if p in (_R + "label", _S + "prefLabel"):
                t.labels.setdefault(lang, value)
            elif p in (_S + "definition", _R + "comment"):
                t.definitions.setdefault(lang, value)
            elif p in (_R + "subClassOf", _R + "subPropertyOf") and type(o).__name__ == "NamedNode":
                t.parents.add(value)
            elif p == _R + "domain":
                t.domains.add(value)
            elif p == _R + "range":
                t.ranges.add(value)
            elif p == _O + "inverseOf":
                t.inverse = value
        terms[iri] = t
    return Ontology(terms)
