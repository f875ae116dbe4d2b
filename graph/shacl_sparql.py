"""SHACL Core shapes compiled to SPARQL and run on pyoxigraph: the validator for large builds.

pySHACL (the reference, used by default) builds an rdflib graph of the whole data and walks it in
Python: 100 s for 100k triples here, so about 20 minutes at 1M and out of reach at 10M. This module
reads the same shapes file and turns each constraint into one SPARQL query over the union of the
data, answered by pyoxigraph in seconds at 10M. It produces the same
:class:`~graph.errors.Violation` records as pySHACL (focus, rule, message, path, value, severity;
a value is written in pyoxigraph's canonical form, ``"95"`` for ``"95.0"^^xsd:decimal``);
``tests/test_shacl_sparql.py`` checks that on the fixtures, on the curated data with seeded faults and
on synthetic data.

It covers the SHACL Core subset the project's shapes use: targets ``sh:targetClass``,
``sh:targetSubjectsOf`` and SPARQL-based ``sh:target``; node-level ``sh:nodeKind`` and ``sh:or`` of ``sh:minCount`` alternatives;
node-level ``sh:class``; property shapes on a predicate path with ``sh:minCount``, ``sh:maxCount``,
``sh:class``, ``sh:datatype``, ``sh:minInclusive``, ``sh:maxInclusive``,
``sh:nodeKind``, ``sh:pattern``, ``sh:languageIn``, ``sh:uniqueLang``, ``sh:or`` of ``sh:datatype``
alternatives, and ``sh:qualifiedValueShape`` with ``sh:languageIn`` or ``sh:class`` plus ``sh:qualifiedMinCount``. A
shape that uses anything else raises :class:`UnsupportedShape`, so callers fall back to pySHACL
rather than skip a rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

__all__ = ["UnsupportedShape", "Check", "compile_shapes", "run_checks"]

_TYPE_OF = "?{v} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{c}>"
_NODE_KINDS = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
               SH.BlankNodeOrIRI: "(isIRI({v}) || isBlank({v}))", SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
               SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))"}
_NODE_LEVEL = {SH.targetClass, SH.targetSubjectsOf, SH.target, SH["class"], SH.property, SH.nodeKind, SH["or"], SH.message, RDF.type,
               SH.name, SH.description, SH.severity}
_PROPERTY_LEVEL = {SH.path, SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.nodeKind, SH.pattern,
                   SH.minInclusive, SH.maxInclusive,
                   SH.languageIn, SH.uniqueLang, SH["or"], SH.qualifiedValueShape, SH.qualifiedMinCount,
                   SH.message, SH.name, SH.description, SH.severity, SH.order, SH.group}
_IGNORED = {URIRef("http://www.w3.org/2000/01/rdf-schema#label"), URIRef("http://www.w3.org/2000/01/rdf-schema#comment")}


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature this compiler does not translate."""


@dataclass(frozen=True)
class Check:
    """One constraint as a query: rows of ``?focus`` (and ``?value``) are its violations."""

    shape: str           # the node shape's IRI (rules are named after it)
    component: str       # e.g. "MinCountConstraintComponent"
    message: str
    path: str | None
    sparql: str
    severity: str = "Violation"
    has_value: bool = field(default=True)


def _ntriples(node: URIRef | Literal) -> str:
    return f"<{node}>" if isinstance(node, URIRef) else Literal(node).n3()


def _target_pattern(shapes: Graph, shape: URIRef | BNode) -> tuple[str, str]:
    """A SPARQL group binding ``?focus`` to every target of ``shape``, and the PREFIX lines a
    SPARQL-based target (``sh:target [ a sh:SPARQLTarget ; sh:select … ]``) needs."""
    parts = [_TYPE_OF.format(v="focus", c=c) for c in shapes.objects(shape, SH.targetClass)]
    parts += [f"?focus <{p}> []" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    header = ""
    for target in shapes.objects(shape, SH.target):
        select = shapes.value(target, SH.select)
        if (target, RDF.type, SH.SPARQLTarget) not in shapes or select is None:
            raise UnsupportedShape(f"{shape}: only SPARQL-based targets (sh:SPARQLTarget) are supported")
        header += _prefix_lines(shapes, shapes.value(target, SH.prefixes))
        parts.append(f"{{ {select} }} BIND(?this AS ?focus)")
    if not parts:
        raise UnsupportedShape(f"{shape}: no sh:targetClass, sh:targetSubjectsOf or sh:target")
    group = "{ SELECT DISTINCT ?focus WHERE { " + " UNION ".join("{ " + p + " }" for p in parts) + " } }"
    return group, header


def _prefix_lines(shapes: Graph, holder: object) -> str:
    """PREFIX lines for the ``sh:declare`` entries of a ``sh:prefixes`` node."""
    if holder is None:
        return ""
    return "".join(f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
                   for d in shapes.objects(holder, SH.declare))


def _check_keys(shapes: Graph, node: URIRef | BNode, allowed: set[URIRef]) -> None:
    for p in set(shapes.predicates(node, None)):
        if p not in allowed and p not in _IGNORED:
            raise UnsupportedShape(f"{node}: {p} is not supported by the SPARQL validator")


def _message(shapes: Graph, node: URIRef | BNode, fallback: str) -> str:
    value = shapes.value(node, SH.message)
    return str(value) if value is not None else fallback


def _or_alternatives(shapes: Graph, node: URIRef | BNode) -> list[URIRef | BNode]:
    head = shapes.value(node, SH["or"])
    return list(Collection(shapes, head)) if head is not None else []


def _value_checks(shapes: Graph, prop: URIRef | BNode) -> Iterator[tuple[str, str]]:
    """(component, FILTER condition that flags a bad ``?value``) for each value-level constraint."""
    for c in shapes.objects(prop, SH["class"]):
        yield "ClassConstraintComponent", f"NOT EXISTS {{ {_TYPE_OF.format(v='value', c=c)} }}"
    for d in shapes.objects(prop, SH.datatype):
        yield "DatatypeConstraintComponent", _datatype_bad(d)
    for k in shapes.objects(prop, SH.nodeKind):
        yield "NodeKindConstraintComponent", "!" + _NODE_KINDS[k].format(v="?value")
    for bound in shapes.objects(prop, SH.minInclusive):
        yield "MinInclusiveConstraintComponent", f"!COALESCE(?value >= {Literal(bound).n3()}, false)"
    for bound in shapes.objects(prop, SH.maxInclusive):
        yield "MaxInclusiveConstraintComponent", f"!COALESCE(?value <= {Literal(bound).n3()}, false)"
    for pattern in shapes.objects(prop, SH.pattern):
        yield "PatternConstraintComponent", f"(isBlank(?value) || !REGEX(STR(?value), {Literal(str(pattern)).n3()}))"
    for head in shapes.objects(prop, SH.languageIn):
        tags = ", ".join(Literal(str(t)).n3() for t in Collection(shapes, head))
        yield "LanguageInConstraintComponent", f"!(isLiteral(?value) && LANG(?value) != '' && LANG(?value) IN ({tags}))"
    alternatives = _or_alternatives(shapes, prop)
    if alternatives:
        conds = []
        for alt in alternatives:
            _check_keys(shapes, alt, {SH.datatype})
            conds.append(_datatype_bad(shapes.value(alt, SH.datatype)))
        yield "OrConstraintComponent", " && ".join(f"({c})" for c in conds)


#: Datatypes whose lexical form is checked (SHACL: the literal must be well-formed), by casting.
_CHECKED_LEXICAL = {"http://www.w3.org/2001/XMLSchema#" + t for t in
                    ("date", "dateTime", "gYear", "decimal", "integer", "double", "boolean")}


def _datatype_bad(datatype: object) -> str:
    if datatype == RDF.langString:
        return "!(isLiteral(?value) && LANG(?value) != '')"
    d = f"<{datatype}>"
    ok = f"isLiteral(?value) && DATATYPE(?value) = {d}"
    if str(datatype) in _CHECKED_LEXICAL:  # an ill-formed literal makes the cast an error: not ok
        ok += f" && COALESCE(isLiteral({d}(STR(?value))), false)"
    return f"!({ok})"


def _property_checks(shapes: Graph, node_shape: URIRef, prop: URIRef | BNode, target: str) -> Iterator[Check]:
    _check_keys(shapes, prop, _PROPERTY_LEVEL)
    path = shapes.value(prop, SH.path)
    if not isinstance(path, URIRef):
        raise UnsupportedShape(f"{node_shape}: only predicate paths are supported")
    p = f"<{path}>"
    msg = _message(shapes, prop, "constraint not met")
    short = str(path)
    min_count = shapes.value(prop, SH.minCount)
    if min_count is not None:
        n = int(min_count)
        cond = (f"FILTER NOT EXISTS {{ ?focus {p} [] }}" if n == 1 else
                f"OPTIONAL {{ SELECT ?focus (COUNT(*) AS ?n) WHERE {{ ?focus {p} ?x }} GROUP BY ?focus }} "
                f"FILTER(!BOUND(?n) || ?n < {n})")
        yield Check(str(node_shape), "MinCountConstraintComponent", msg, short,
                    f"SELECT ?focus WHERE {{ {target} {cond} }}", has_value=False)
    max_count = shapes.value(prop, SH.maxCount)
    if max_count is not None:
        yield Check(str(node_shape), "MaxCountConstraintComponent", msg, short,
                    f"SELECT ?focus WHERE {{ {{ SELECT ?focus (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {target} ?focus {p} ?x }} "
                    f"GROUP BY ?focus }} FILTER(?n > {int(max_count)}) }}", has_value=False)
    for component, bad in _value_checks(shapes, prop):
        yield Check(str(node_shape), component, msg, short,
                    f"SELECT DISTINCT ?focus ?value WHERE {{ {target} ?focus {p} ?value FILTER({bad}) }}")
    if shapes.value(prop, SH.uniqueLang) == Literal(True):
        yield Check(str(node_shape), "UniqueLangConstraintComponent", msg, short,
                    f"SELECT DISTINCT ?focus WHERE {{ {target} ?focus {p} ?a , ?b "
                    f"FILTER(?a != ?b && LANG(?a) != '' && LCASE(LANG(?a)) = LCASE(LANG(?b))) }}",
                    has_value=False)
    qualified = shapes.value(prop, SH.qualifiedValueShape)
    if qualified is not None:
        _check_keys(shapes, qualified, {SH.languageIn, SH["class"]})
        conforms = []
        if (tags := shapes.value(qualified, SH.languageIn)) is not None:
            conforms.append(f"isLiteral(?x) && LANG(?x) IN ({', '.join(Literal(str(t)).n3() for t in Collection(shapes, tags))})")
        for c in shapes.objects(qualified, SH["class"]):
            conforms.append(f"EXISTS {{ {_TYPE_OF.format(v='x', c=c)} }}")
        n = int(shapes.value(prop, SH.qualifiedMinCount) or 0)
        yield Check(str(node_shape), "QualifiedMinCountConstraintComponent", msg, short,
                    f"SELECT ?focus WHERE {{ {target} OPTIONAL {{ SELECT ?focus (COUNT(DISTINCT ?x) AS ?n) WHERE {{ "
                    f"?focus {p} ?x FILTER({' && '.join(conforms) or 'true'}) }} GROUP BY ?focus }} "
                    f"FILTER(!BOUND(?n) || ?n < {n}) }}", has_value=False)


def _node_checks(shapes: Graph, shape: URIRef, target: str) -> Iterator[Check]:
    msg = _message(shapes, shape, "constraint not met")
    for c in shapes.objects(shape, SH["class"]):
        text = _message(shapes, shape, f"Value does not have class <{c}>")  # pySHACL's default wording
        yield Check(str(shape), "ClassConstraintComponent", text, None,
                    f"SELECT ?focus (?focus AS ?value) WHERE {{ {target} FILTER NOT EXISTS {{ {_TYPE_OF.format(v='focus', c=c)} }} }}")
    for kind in shapes.objects(shape, SH.nodeKind):
        yield Check(str(shape), "NodeKindConstraintComponent", msg, None,
                    f"SELECT ?focus (?focus AS ?value) WHERE {{ {target} FILTER(!{_NODE_KINDS[kind].format(v='?focus')}) }}")
    alternatives = _or_alternatives(shapes, shape)
    if alternatives:
        present = []
        for alt in alternatives:
            _check_keys(shapes, alt, {SH.path, SH.minCount})
            if int(shapes.value(alt, SH.minCount) or 0) != 1:
                raise UnsupportedShape(f"{shape}: sh:or alternatives must be sh:minCount 1")
            present.append(f"EXISTS {{ ?focus <{shapes.value(alt, SH.path)}> [] }}")
        yield Check(str(shape), "OrConstraintComponent", msg, None,
                    f"SELECT ?focus (?focus AS ?value) WHERE {{ {target} FILTER(!({' || '.join(present)})) }}")


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every node shape, as SPARQL; raises :class:`UnsupportedShape`."""
    checks: list[Check] = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        if not isinstance(shape, URIRef):
            raise UnsupportedShape("node shapes must be IRIs")
        _check_keys(shapes, shape, _NODE_LEVEL)
        target, header = _target_pattern(shapes, shape)
        found = list(_node_checks(shapes, shape, target))
        for prop in shapes.objects(shape, SH.property):
            found.extend(_property_checks(shapes, shape, prop, target))
        checks.extend(replace(c, sparql=header + c.sparql) for c in found)
    return checks


def run_checks(store: ox.Store, checks: list[Check]) -> Iterator[tuple[Check, ox.NamedNode | ox.BlankNode, object]]:
    """(check, focus node, value or None) for every violation; the store's default graph must hold
    the union of the data (as :func:`graph.store.materialize_default_union` makes it)."""
    for check in checks:
        for row in store.query(check.sparql):
            yield check, row["focus"], (row["value"] if check.has_value else None)
