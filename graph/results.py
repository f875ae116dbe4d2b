"""Query results in one engine-independent shape, with pyoxigraph terms as the common currency."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

__all__ = ["Result", "Term", "result_from_oxigraph", "result_from_rdflib", "result_from_remote",
           "term_key", "python_value"]

Term = ox.NamedNode | ox.BlankNode | ox.Literal

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {f"{XSD}{t}" for t in ("integer", "decimal", "double", "float", "int", "long", "short",
                                  "nonNegativeInteger", "positiveInteger")}


@dataclass
class Result:
    """A SELECT (``variables`` and ``rows``), ASK (``boolean``) or graph result (``triples``)."""

    kind: str  # "select" | "ask" | "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def __len__(self) -> int:
        if self.kind == "select":
            return len(self.rows)
        if self.kind == "graph":
            return len(self.triples)
        return int(bool(self.boolean))

    def dicts(self) -> list[dict[str, Any]]:
        """Rows as dicts of plain Python values (IRIs as strings, typed literals converted)."""
        return [{v: python_value(t) for v, t in zip(self.variables, row) if t is not None} for row in self.rows]

    def to_dataframe(self):  # type: ignore[no-untyped-def]
        """The rows as a pandas DataFrame (install the ``pandas`` extra)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise ImportError("to_dataframe() needs pandas: pip install 'turkic-kg[pandas]'") from exc
        return pd.DataFrame([[python_value(t) for t in row] for row in self.rows], columns=self.variables)


def python_value(term: Term | None) -> Any:
    """A term as a plain Python value.

    >>> python_value(ox.Literal("10.4", datatype=ox.NamedNode(XSD + "decimal")))
    Decimal('10.4')
    >>> python_value(ox.NamedNode("https://w3id.org/turkic-kg/id/state/KGZ"))
    'https://w3id.org/turkic-kg/id/state/KGZ'
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in (f"{XSD}integer", f"{XSD}int", f"{XSD}long"):
                return int(term.value)
            if dt == f"{XSD}decimal":
                return Decimal(term.value)
            if dt in (f"{XSD}double", f"{XSD}float"):
                return float(term.value)
            if dt == f"{XSD}boolean":
                return term.value in ("true", "1")
            if dt == f"{XSD}date":
                import datetime

                return datetime.date.fromisoformat(term.value)
        except (ValueError, InvalidOperation):
            return term.value
        return term.value
    return term.value


def term_key(term: Term | None) -> str:
    """A canonical text of a term for comparing results across engines (numbers by value,
    blank nodes all alike)."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:b"
    if isinstance(term, ox.Literal) and term.datatype.value in _NUMERIC:
        try:
            return format(Decimal(term.value).normalize(), "f")
        except InvalidOperation:
            return str(term)
    return str(term)


def result_from_oxigraph(answer: Any) -> Result:
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = [tuple(solution) for solution in answer]  # values in the order of the variables
        return Result("select", variables=variables, rows=rows)
    return Result("graph", triples=list(answer))


def result_from_rdflib(answer: Any) -> Result:
    from .rdfconv import to_oxigraph

    if answer.type == "ASK":
        return Result("ask", boolean=bool(answer.askAnswer))
    if answer.type == "SELECT":
        variables = [str(v) for v in answer.vars]
        rows = [tuple(None if t is None else to_oxigraph(t) for t in row) for row in answer]
        return Result("select", variables=variables, rows=rows)
    triples = [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in answer.graph]
    return Result("graph", triples=triples)


#: What to parse an answer as when its media type says nothing useful.
_FALLBACK_RESULTS = ox.QueryResultsFormat.JSON
_FALLBACK_GRAPH = ox.RdfFormat.TURTLE  # N-Triples is Turtle


def result_from_remote(kind: str, raw: bytes, *, media_type: str = "", source: str = "the endpoint") -> Result:
    """Parse what an endpoint sent, with pyoxigraph's parsers: SPARQL results (JSON, XML or TSV, by
    ``media_type``, else JSON) for SELECT and ASK; RDF (N-Triples, Turtle, RDF/XML…, else Turtle)
    for CONSTRUCT and DESCRIBE. Anything malformed is one :class:`~graph.errors.EndpointError`.

    >>> result_from_remote("ASK", b'{"head": {}, "boolean": true}').boolean
    True
    >>> result_from_remote("SELECT", b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}').variables
    ['x']
    >>> result_from_remote("SELECT", b"<html>oops</html>", source="http://h/sparql")
    Traceback (most recent call last):
    ...
    graph.errors.EndpointError: http://h/sparql: the answer is not valid SPARQL Results in JSON: Parser error at line 1 column 1: Unexpected char: '<' (line 1)
    """
    from .errors import EndpointError

    graph = kind in ("CONSTRUCT", "DESCRIBE")
    try:
        if graph:
            fmt = ox.RdfFormat.from_media_type(media_type) if media_type else None
            fmt = fmt if fmt is not None and fmt.supports_datasets is False else _FALLBACK_GRAPH
            # an RDF graph is a set: Oxigraph server with --union-default-graph repeats a DESCRIBE's
            # triples once per graph that holds them, FROM or not
            return Result("graph", triples=list(dict.fromkeys(q.triple for q in ox.parse(raw, format=fmt))))
        fmt = ox.QueryResultsFormat.from_media_type(media_type) if media_type else None
        fmt = fmt or _FALLBACK_RESULTS
        return result_from_oxigraph(ox.parse_query_results(raw, format=fmt))
    except (SyntaxError, ValueError, UnicodeError) as exc:
        line = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        raise EndpointError(f"{source}: the answer is not valid {fmt.name}: {line}") from None
