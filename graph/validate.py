"""SHACL validation of the curated data, with every violation named by entity, rule and file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from .errors import Violation
from .namespaces import PREFIXES, prefixed_name
from .load import Sources, read_file
from .rdfconv import rdflib_graph
from .settings import PYSHACL_MAX_QUADS
from .shacl_sparql import Check, UnsupportedShape, compile_shapes, run_checks

__all__ = ["load_shapes", "validate_quads", "validate_store"]


def load_shapes(path: Path) -> Graph:
    """The SHACL shapes graph (syntax errors name file, line and column)."""
    quads = read_file(path)  # pyoxigraph gives the exact position of a syntax error
    return rdflib_graph(quads)


_RULE_PREFIXES = {"shape": "https://w3id.org/turkic-kg/shapes#", **PREFIXES}


def _short(node: object, prefixes: dict[str, str]) -> str:
    return prefixed_name(str(node), prefixes=prefixes) or str(node)


def validate_quads(quads: Iterable[ox.Quad], shapes: Graph, sources: Sources, *,
                   engine: str = "auto", store: ox.Store | None = None) -> list[Violation]:
    """Run the shapes over the union of ``quads``; return the violations, sorted, as plain records.

    ``engine``: ``pyshacl`` (the reference), ``sparql`` (the shapes compiled to SPARQL on pyoxigraph,
    :mod:`graph.shacl_sparql`: the same violations, minutes faster on large builds), or ``auto``
    (default): pySHACL up to :data:`~graph.settings.PYSHACL_MAX_QUADS` quads, SPARQL beyond, and
    pySHACL whatever the size when a shape uses a feature the compiler lacks. ``store``, if given,
    already holds the union of ``quads`` in its default graph (as :func:`graph.infer.infer` leaves it).
    """
    quads = quads if isinstance(quads, list) else list(quads)
    if engine == "auto":
        engine = "pyshacl" if len(quads) <= PYSHACL_MAX_QUADS else "sparql"
    if engine == "sparql":
        try:
            checks = compile_shapes(shapes)
        except UnsupportedShape:
            engine = "pyshacl"
    if engine == "pyshacl":
        return _validate_pyshacl(quads, shapes, sources)
    if store is None:
        store = ox.Store()
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                          for t in {q.triple for q in quads})
    return _validate_sparql(store, checks, sources)


def validate_store(store: ox.Store, shapes: Graph, sources: Sources, *, size: int,
                   quads: list[ox.Quad] | None = None) -> list[Violation]:
    """Validate the data of a build's store (its default graph the union of the asserted and the
    inferred triples), choosing the validator as :func:`validate_quads` does by ``size`` (the number
    of quads read plus inferred). pySHACL gets ``quads`` (the quads as read, and the inferred ones)
    when given, else the named graphs of ``sources.store`` (default: ``store``; literals then in
    the store's canonical form)."""
    if size > PYSHACL_MAX_QUADS:
        try:
            checks = compile_shapes(shapes)
        except UnsupportedShape:
            checks = None
        if checks is not None:
            return _validate_sparql(store, checks, sources)
    if quads is None:
        quads = [q for q in (sources.store or store) if not isinstance(q.graph_name, ox.DefaultGraph)]
    return _validate_pyshacl(quads, shapes, sources)


def _validate_sparql(store: ox.Store, checks: list[Check], sources: Sources) -> list[Violation]:
    out = {Violation(focus=focus.value, rule=f"{_short(check.shape, _RULE_PREFIXES)} sh:{check.component}",
                     message=check.message, path=_short(check.path, _RULE_PREFIXES) if check.path else None,
                     value=value.value if value is not None else None,  # type: ignore[attr-defined]
                     files=sources.files_of(focus.value), severity=check.severity)
           for check, focus, value in run_checks(store, checks)}
    return sorted(out)


def _validate_pyshacl(quads: list[ox.Quad], shapes: Graph, sources: Sources) -> list[Violation]:
    prefixes = _RULE_PREFIXES
    data = rdflib_graph(quads)
    conforms, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none",
                                         advanced=True, allow_warnings=True)
    if conforms:
        return []
    out: set[Violation] = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        shape = report.value(result, SH.sourceShape)
        component = report.value(result, SH.sourceConstraintComponent)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        severity = report.value(result, SH.resultSeverity)
        rule = _short(component, {"sh": str(SH)})
        if isinstance(shape, URIRef):
            rule = f"{_short(shape, prefixes)} {rule}"
        else:
            parent = shapes.value(predicate=SH.property, object=shape)
            if parent is not None:
                rule = f"{_short(parent, prefixes)} {rule}"
        out.add(Violation(
            focus=str(focus), rule=rule, message=str(message or "constraint not met"),
            path=_short(path, prefixes) if path is not None else None,
            value=str(value) if value is not None else None,
            files=sources.files_of(str(focus)),
            severity=_short(severity, {"sh": str(SH)}).removeprefix("sh:"),
        ))
    return sorted(out)
