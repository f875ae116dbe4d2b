"""The Python API for notebooks and scripts: open the built graph, ask, describe, find.

>>> from graph.api import open_graph
>>> kg = open_graph()                                    # doctest: +SKIP
>>> kg.query("posts_of_person", person="person:kubanychbek-omuraliev").dicts()[0]["postLabel"]  # doctest: +SKIP
'Secretary General of the Organization of Turkic States'

The examples below run on a tiny graph built in memory:

>>> import pyoxigraph as ox
>>> from graph.store import OxigraphEngine
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/turkic-kg/id/state/KGZ"),
...                   ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
...                   ox.Literal("Kyrgyz Republic", language="en"),
...                   ox.NamedNode("https://w3id.org/turkic-kg/id/graph/example")))
>>> kg = KnowledgeGraph(OxigraphEngine(store))
>>> kg.query("SELECT ?l WHERE { state:KGZ skos:prefLabel ?l }").dicts()
[{'l': 'Kyrgyz Republic'}]
>>> [m.label for m in kg.find("Kyrgyz Republik")]
['Kyrgyz Republic']
>>> kg.describe("state:KGZ")[0]
('http://www.w3.org/2004/02/skos/core#prefLabel', 'Kyrgyz Republic')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .errors import InputError, QuerySyntaxError
from .library import LibraryQuery, effective_timeout, load_library, load_query, render, with_prefixes
from .names import Match, NameIndex, Resolved, resolve_name
from .results import Result, python_value
from .settings import Settings, load_settings
from .store import Engine, open_engine

__all__ = ["KnowledgeGraph", "open_graph", "resolve_query", "run_text", "query_timeout"]


def run_text(engine: Engine, sparql: str, *, timeout: float | None = None) -> Result:
    """Run SPARQL text, adding the project's PREFIX lines it uses but does not declare; error
    positions refer to the text as given."""
    text, added = with_prefixes(sparql)
    try:
        return engine.query(text, timeout=timeout)
    except QuerySyntaxError as exc:
        if added and exc.line is not None:
            raise QuerySyntaxError(exc.detail, path=exc.path, line=max(1, exc.line - added),
                                   column=exc.column) from None
        raise


def resolve_query(settings: Settings, name_or_file: str | None, text: str | None,
                  params: dict[str, str], *, lang_given: bool = False) -> str:
    """The SPARQL text for a library name, a ``.rq`` file or literal text, parameters applied."""
    if (name_or_file is None) == (text is None):
        raise InputError("give a library query name, a .rq file, or -e TEXT (exactly one)")
    if text is not None:
        q = LibraryQuery(name="-e", path=Path("-e"), title="", description="", text=text)
        if lang_given:
            params.pop("lang", None)
        return render(q, params)
    q = _library_or_file(settings, name_or_file or "")
    if lang_given and "lang" not in {p.name for p in q.params}:
        params.pop("lang", None)
    return render(q, params)


def query_timeout(settings: Settings, name_or_file: str | None, *, given: float | None) -> float:
    """The time limit of one ``tkg query`` run: ``given`` (``--timeout``) or ``TKG_TIMEOUT`` if the
    user set one, else the library query's or file's own ``# timeout:``, else 30 s."""
    if given is None and settings.timeout_set:
        given = settings.timeout
    query = _library_or_file(settings, name_or_file) if name_or_file is not None and given is None else None
    return effective_timeout(query, given=given, default=settings.timeout)


def _library_or_file(settings: Settings, name: str) -> LibraryQuery:
    path = Path(name)
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise InputError(f"{name}: no such query file")
        return load_query(path)
    library = load_library(settings.queries_dir)
    if name not in library:
        raise InputError(f"{name!r} is neither a .rq file nor a library query; see `tkg queries`")
    return library[name]


@dataclass
class KnowledgeGraph:
    """A handle on one engine with the query library at hand."""

    engine: Engine
    settings: Settings | None = None

    def query(self, query: str, *, timeout: float | None = None, **params: str) -> Result:
        """Run a library query by name (with keyword parameters) or SPARQL text."""
        if self.settings is not None and "{" not in query:
            return run_text(self.engine, render(_library_or_file(self.settings, query), params), timeout=timeout)
        return run_text(self.engine, render(LibraryQuery("text", Path("-"), "", "", query), params), timeout=timeout)

    @cached_property
    def names(self) -> NameIndex:
        return NameIndex.from_engine(self.engine)

    def find(self, name: str, *, limit: int = 10) -> list[Match]:
        """Entities whose names (any label, any script or spelling) match ``name``."""
        return self.names.find(name, limit=limit)

    def resolve(self, name: str) -> str:
        """The IRI for an IRI or a prefixed name of an entity in the graph, or for the best match of
        free text (:func:`graph.names.resolve_name`); :class:`~graph.errors.EntityNotFound` otherwise."""
        return self.resolved(name).iri

    def resolved(self, name: str) -> Resolved:
        """Like :meth:`resolve`, with what was matched and its score (``.note()`` for inexact matches)."""
        return resolve_name(name, exists=self._holds, index=lambda: self.names)

    def _holds(self, iri: str) -> bool:
        return bool(self.engine.query(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}").boolean)

    def describe(self, name: str) -> list[tuple[str, object]]:
        """Every (property, value) of an entity, values as plain Python values, sorted."""
        iri = self.resolve(name)
        rows = self.engine.query(f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}").rows
        return sorted(((p.value, python_value(o)) for p, o in rows), key=lambda x: (x[0], str(x[1])))

    @property
    def library(self) -> dict[str, LibraryQuery]:
        if self.settings is None:
            return {}
        return load_library(self.settings.queries_dir)


def open_graph(root: str | Path | None = None, *, build_dir: str | Path | None = None, engine: str = "oxigraph",
               endpoint: str | None = None, user: str | None = None, password: str | None = None,
               allow_service: bool = False) -> KnowledgeGraph:
    """Open the built graph of the project at ``root`` (default: found from the working folder;
    its build in ``build_dir``, default ``ROOT/build``), or a remote endpoint (http or https).

    On the build, SERVICE is refused unless ``allow_service``. On an endpoint that ``tkg push``
    filled, queries see the pushed union as their default graph (docs/remote.md)."""
    settings = load_settings(root=Path(root) if root is not None else None,
                             build_dir=Path(build_dir) if build_dir is not None else None)
    return KnowledgeGraph(open_engine(settings, engine=engine, endpoint=endpoint, user=user, password=password,
                                      allow_service=allow_service), settings)



