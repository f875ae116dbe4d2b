"""What a public endpoint refuses: SPARQL Update (LOAD included) and SERVICE to other hosts.

SERVICE is found in the parsed query by :func:`graph.sparqltext.service_iris`, the check the
embedded engines make too (rdflib's SPARQL parser, not a pattern; ordinary queries are not parsed).

>>> service_iris("SELECT * { ?s ?p 'a SERVICE in a string' }")
[]
>>> service_iris("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
['http://example.org/sparql']
>>> is_update("LOAD <http://example.org/data.ttl>")
True
>>> is_update("SELECT * { ?s ?p ?o }")
False
"""

from __future__ import annotations

from ..errors import QueryError, QuerySyntaxError
from ..sparqltext import ServiceRefused
from ..sparqltext import service_iris as _service_iris

__all__ = ["QueryRefused", "service_iris", "check_no_service", "is_update"]


class QueryRefused(QueryError):
    """A request this read-only endpoint does not serve (updates, SERVICE, graph writes)."""


def service_iris(sparql: str) -> list[str]:
    """The endpoints a query's SERVICE clauses name (variables as ``?name``), in order found; one
    check shared with the embedded engines (:func:`graph.sparqltext.service_iris`)."""
    try:
        return _service_iris(sparql)
    except ServiceRefused:  # it mentions SERVICE and does not parse: a bad request, not a refusal
        raise QuerySyntaxError("the query does not parse", path=None, line=None, column=None) from None


def check_no_service(sparql: str) -> None:
    """Raise :class:`QueryRefused` when the query calls any SERVICE."""
    found = service_iris(sparql)
    if found:
        raise QueryRefused(f"SERVICE is not allowed on this endpoint (the query calls {found[0]})")


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL Update request (INSERT, DELETE, LOAD, CLEAR, …)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(sparql)
    except Exception:  # pyparsing's ParseException, or anything else: not an update
        return False
    return True
