"""Reading SPARQL query text before it runs: does it call SERVICE, and naming its dataset.

* :func:`calls_service` parses the query (rdflib's SPARQL parser, which also expands ``\\u``
  escapes) and looks for a ``SERVICE`` pattern in the parse tree: a comment or a string that
  mentions SERVICE does not count, and ``SERV\\u0049CE`` does. Only a text that could hold one
  (it contains "service" in any case, or a ``\\u`` escape) is parsed, so the check costs nothing
  for other queries.
* :func:`with_dataset` adds ``FROM`` / ``FROM NAMED`` clauses to a query that names no dataset of
  its own, where SPARQL's grammar puts them: after the query form (and a CONSTRUCT template),
  before the WHERE clause; found by a small lexer that skips comments, IRIs, strings and
  parenthesized expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from .errors import InputError

__all__ = ["calls_service", "service_iris", "with_dataset", "has_dataset_clause", "ServiceRefused"]


class ServiceRefused(InputError):
    """A local query with SERVICE, which would send a request to another server (exit 2)."""


_MAYBE_SERVICE = re.compile(r"service|\\[uU]", re.I)


def calls_service(sparql: str) -> bool:
    """Whether the query has a SERVICE pattern (anywhere: nested, OPTIONAL, sub-query, EXISTS).

    >>> calls_service("SELECT * WHERE { SERVICE <http://127.0.0.1:8000/> { ?s ?p ?o } }")
    True
    >>> calls_service('SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" } # SERVICE <http://x/> { }')
    False
    >>> calls_service("ASK { FILTER EXISTS { SERV\\\\u0049CE <http://x/> { ?s ?p ?o } } }")
    True
    """
    return bool(service_iris(sparql))


def service_iris(sparql: str) -> list[str]:
    """The endpoints a query's SERVICE patterns name (a variable as ``?name``), in the order found;
    raises :class:`ServiceRefused` when the text mentions SERVICE but rdflib cannot parse it.

    >>> service_iris("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    ['http://example.org/sparql']
    """
    if not _MAYBE_SERVICE.search(sparql):
        return []
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
    except Exception as exc:  # noqa: BLE001 - pyparsing's and rdflib's errors alike
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise ServiceRefused("the query mentions SERVICE and rdflib's parser, which checks for it, cannot read "
                             f"it ({detail}); give --allow-service to run it as it is") from None
    return [str(node.get("term")) for node in _walk(tree) if getattr(node, "name", None) == "ServiceGraphPattern"]


def _walk(node: Any) -> Iterator[Any]:
    yield node
    if isinstance(node, dict):
        children = node.values()
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        children = list(node)
    else:
        return
    for child in children:
        yield from _walk(child)


# ------------------------------------------------------------------------------------------ dataset

_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$]\w+)
  | (?P<pname>[\w.-]*:[\w.:%\\-]*)
  | (?P<word>\w+)
  | (?P<punct>[{}()])
  | (?P<other>\S)
""", re.X | re.S)

_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_AFTER_DESCRIBE = {"WHERE", "ORDER", "LIMIT", "OFFSET", "VALUES", "GROUP", "HAVING"}


def _tokens(sparql: str) -> Iterator[tuple[str, str, int]]:
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"
        if kind != "comment":
            yield kind, match.group(0), match.start()


def _where_position(sparql: str) -> tuple[int | None, bool]:
    """Where dataset clauses go (None: at the end), and whether the query has one already."""
    tokens = list(_tokens(sparql))
    i = next((k for k, t in enumerate(tokens) if t[0] == "word" and t[1].upper() in _FORMS), None)
    if i is None:
        raise InputError("not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE)")
    form = tokens[i][1].upper()
    i += 1
    if form == "CONSTRUCT" and i < len(tokens) and tokens[i][1] == "{":
        depth = 0
        while i < len(tokens):  # skip the template
            depth += {"{": 1, "}": -1}.get(tokens[i][1], 0) if tokens[i][0] == "punct" else 0
            i += 1
            if depth == 0:
                break
    parens = 0
    for kind, text, start in tokens[i:]:
        if kind == "punct" and text in "()":
            parens += 1 if text == "(" else -1
        elif parens == 0 and kind == "word" and text.upper() == "FROM":
            return start, True
        elif parens == 0 and (text == "{" or (kind == "word" and text.upper() == "WHERE")):
            return start, False
        elif parens == 0 and form == "DESCRIBE" and kind == "word" and text.upper() in _AFTER_DESCRIBE:
            return start, False
    return None, False


def has_dataset_clause(sparql: str) -> bool:
    """Whether the query names its own dataset (FROM or FROM NAMED).

    >>> has_dataset_clause("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }")
    True
    >>> has_dataset_clause("SELECT * WHERE { ?s <urn:from> ?o } # FROM <urn:g>")
    False
    """
    return _where_position(sparql)[1]


def with_dataset(sparql: str, default: Sequence[str], named: Sequence[str]) -> str:
    r"""The query with ``FROM`` and ``FROM NAMED`` clauses for the given graphs; unchanged when it
    names a dataset already.

    >>> with_dataset("PREFIX a: <urn:a#>\nSELECT ?x { { SELECT ?x WHERE { ?x ?p ?o } } }", ["urn:u"], ["urn:g"])
    'PREFIX a: <urn:a#>\nSELECT ?x FROM <urn:u>\nFROM NAMED <urn:g>\n{ { SELECT ?x WHERE { ?x ?p ?o } } }'
    >>> with_dataset("CONSTRUCT { ?s a:where ?o } WHERE { ?s ?p ?o }", ["urn:u"], [])
    'CONSTRUCT { ?s a:where ?o } FROM <urn:u>\nWHERE { ?s ?p ?o }'
    >>> with_dataset("SELECT (EXISTS { ?s ?p ?o } AS ?any) # {\nWHERE {}", ["urn:u"], [])
    'SELECT (EXISTS { ?s ?p ?o } AS ?any) # {\nFROM <urn:u>\nWHERE {}'
    >>> with_dataset("DESCRIBE <urn:x> # the end", ["urn:u"], [])
    'DESCRIBE <urn:x> # the end\nFROM <urn:u>\n'
    >>> with_dataset("SELECT * FROM <urn:mine> { ?s ?p ?o }", ["urn:u"], [])
    'SELECT * FROM <urn:mine> { ?s ?p ?o }'
    """
    position, has_own = _where_position(sparql)
    if has_own:
        return sparql
    clauses = "".join([*(f"FROM <{g}>\n" for g in default), *(f"FROM NAMED <{g}>\n" for g in named)])
    if position is None:
        return f"{sparql.rstrip()}\n{clauses}"
    return f"{sparql[:position]}{clauses}{sparql[position:]}"
