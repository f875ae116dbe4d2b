"""What a public endpoint refuses: SPARQL Update (LOAD included) and SERVICE to other hosts.

SERVICE is found in the parsed query (rdflib's SPARQL parser), not by a pattern: a query is parsed
only when the word appears at all (after SPARQL's ``\\uXXXX`` escapes are decoded), so ordinary
queries pay nothing. The check is a plain function that an embedded engine can share.

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

import re
from collections.abc import Iterator
from typing import Any

from ..errors import QueryError, QuerySyntaxError

__all__ = ["QueryRefused", "service_iris", "check_no_service", "is_update", "decode_escapes"]


class QueryRefused(QueryError):
    """A request this read-only endpoint does not serve (updates, SERVICE, graph writes)."""


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def decode_escapes(text: str) -> str:
    r"""SPARQL's codepoint escapes decoded, as the grammar does before parsing.

    >>> decode_escapes(r"\u0053ERVICE")
    'SERVICE'
    """
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _nodes(tree: Any) -> Iterator[Any]:
    from rdflib.plugins.sparql.parserutils import CompValue

    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, CompValue):
            yield node
            todo.extend(node.values())
        elif isinstance(node, (list, tuple)) or hasattr(node, "asList"):
            todo.extend(node)


def service_iris(sparql: str) -> list[str]:
    """The endpoints a query's SERVICE clauses name (variables as ``?name``), in order found."""
    if "service" not in decode_escapes(sparql).lower():
        return []
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
    except ParseException as exc:
        raise QuerySyntaxError(exc.msg, path=None, line=exc.lineno, column=exc.col) from None
    return [str(n.get("term")) for n in _nodes(tree) if n.name == "ServiceGraphPattern"]


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
