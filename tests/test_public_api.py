"""The package's public API: ``graph.__all__`` lists exactly what users need, and importing the
package stays light."""

from __future__ import annotations

import inspect
import subprocess
import sys

import graph
import graph.errors
from graph.api import KnowledgeGraph, open_graph
from graph.results import Result

from .helpers import ROOT


def test_all_is_exactly_the_public_api() -> None:
    assert graph.__all__ == [
        "open_graph", "KnowledgeGraph", "Result",
        "GraphError", "InputError", "ParseError", "ValidationError", "Violation", "QueryError", "QuerySyntaxError",
        "EndpointError", "QueryTimeout", "NotBuiltError", "EntityNotFound", "NoPath", "CountMismatch", "BuildBusy",
    ]


def test_every_error_class_is_exported() -> None:
    errors = {name for name, obj in inspect.getmembers(graph.errors, inspect.isclass)
              if issubclass(obj, graph.errors.GraphError) and obj.__module__ == "graph.errors"}
    missing = sorted(errors - set(graph.__all__))
    assert missing == [], f"export these GraphError subclasses from graph/__init__.py: {missing}"


def test_exports_are_the_real_objects() -> None:
    assert (graph.open_graph, graph.KnowledgeGraph, graph.Result) == (open_graph, KnowledgeGraph, Result)
    for name in graph.__all__[3:]:
        assert getattr(graph, name) is getattr(graph.errors, name)
    assert set(graph.__all__) <= set(dir(graph))


def test_unknown_attribute() -> None:
    try:
        graph.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert str(exc) == "module 'graph' has no attribute 'no_such_thing'"
    else:
        raise AssertionError("graph.no_such_thing did not raise")


def test_import_graph_does_not_load_the_engines() -> None:
    code = ("import sys, graph; heavy = sorted(m for m in ('pyoxigraph', 'rdflib', 'graph.api', 'graph.store') "
            "if m in sys.modules); print(heavy); graph.open_graph; print('graph.api' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]", "True"]
