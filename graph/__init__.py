"""The Turkic-world institutions knowledge graph: build, store, query, visualize, ingest.

The public API is what this package exports (``__all__``): open the built graph, ask it, and catch
its errors::

    >>> import graph
    >>> kg = graph.open_graph()                              # doctest: +SKIP
    >>> kg.query("members_on_date", date="2019-12-31").dicts()[0]["memberLabel"]  # doctest: +SKIP
    'Republic of Azerbaijan'
    >>> issubclass(graph.EntityNotFound, graph.GraphError)
    True

Everything else (``graph.store``, ``graph.formats``, …) is internal and may change. The errors are
imported at once (they are light); ``open_graph``, ``KnowledgeGraph`` and ``Result`` on first use,
so that ``import graph`` (and every ``tkg`` command) does not pay for pyoxigraph and rdflib.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    BuildBusy, CountMismatch, EndpointError, EntityNotFound, GraphError, InputError, NoPath, NotBuiltError, ParseError,
    QueryError, QuerySyntaxError, QueryTimeout, ValidationError, Violation,
)

if TYPE_CHECKING:
    from .api import KnowledgeGraph, open_graph
    from .results import Result

__version__ = "0.1.0"

__all__ = [
    "open_graph", "KnowledgeGraph", "Result",
    "GraphError", "InputError", "ParseError", "ValidationError", "Violation", "QueryError", "QuerySyntaxError",
    "EndpointError", "QueryTimeout", "NotBuiltError", "EntityNotFound", "NoPath", "CountMismatch", "BuildBusy",
]

#: Names imported on first use: name → module.
_LAZY = {"open_graph": "api", "KnowledgeGraph": "api", "Result": "results"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
