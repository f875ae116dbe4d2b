"""What the pages read, loaded once: the built store (read-only), the entity graph, the name index,
the query library and the ontology. Every method blocks; handlers call them in a thread.
"""

from __future__ import annotations

import threading
from functools import cached_property

import networkx as nx

from ..library import LibraryQuery, load_library, render
from ..names import NameIndex
from ..settings import Settings
from ..store import OxigraphEngine

__all__ = ["Site", "examples"]


class Site:
    """The data behind the HTML pages; built lazily, each part once (thread-safe)."""

    def __init__(self, settings: Settings, *, timeout: float):
        self.settings, self.timeout = settings, timeout
        self._lock = threading.Lock()

    @cached_property
    def engine(self) -> OxigraphEngine:
        return OxigraphEngine.from_build(self.settings, on_disk=True)

    def _once(self, name: str, make):  # type: ignore[no-untyped-def]
        with self._lock:
            if name not in self.__dict__:
                self.__dict__[name] = make()
            return self.__dict__[name]

    def graph(self) -> nx.MultiDiGraph:
        """The whole entity graph of the views (:func:`graph.viz.model.graph_model`)."""
        from ..viz.model import graph_model

        return self._once("_graph", lambda: graph_model(self.engine))

    def names(self) -> NameIndex:
        return self._once("_names", lambda: NameIndex.from_engine(self.engine))

    def ontology(self):  # type: ignore[no-untyped-def]
        from .ontology import read_ontology

        return self._once("_ontology", lambda: read_ontology(self.engine))

    def library(self) -> dict[str, LibraryQuery]:
        return self._once("_library", lambda: load_library(self.settings.queries_dir))

    @cached_property
    def library_limits(self) -> dict[str, float]:
        """The library queries that declare their own ``# timeout:``, by their text as the query
        page shows it (parameters at their defaults; :func:`same_text` form). Read apart from
        :meth:`library`, without the lock: a request never waits for the warm-up."""
        out = {}
        for q in load_library(self.settings.queries_dir).values():
            if q.timeout is not None and all(p.default is not None for p in q.params):
                out[same_text(render(q))] = q.timeout
        return out

    def query_limit(self, query: str, default: float) -> float:
        """A request's time limit when the operator gave none: a library query's own
        ``# timeout:`` if the text is exactly that query, else ``default``. Only the library's
        own text gets a longer limit, so a client cannot raise its limit by adding a comment."""
        return self.library_limits.get(same_text(query), default)

    def warm(self) -> None:
        """Build every part (at start-up, in a thread), so the first page is quick."""
        self.graph()
        self.names()
        self.ontology()
        self.library()


def same_text(query: str) -> str:
    """A query's text for comparison: line ends and the spaces around it do not count."""
    return query.replace("\r\n", "\n").replace("\r", "\n").strip()


def examples(library: dict[str, LibraryQuery]) -> list[dict[str, str]]:
    """The library queries as examples for the query page: name, title, description, kind and
    the text with the parameters' default values (data-quality checks last)."""
    out = []
    for name, q in sorted(library.items(), key=lambda kv: (kv[0].startswith("qc_"), kv[0])):
        try:
            text = render(q)
        except Exception:  # a required parameter without default: show the query as written
            text = q.text
        out.append({"name": name, "title": q.title or name, "description": q.description, "kind": q.kind, "text": text})
    return out
