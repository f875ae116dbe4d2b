"""Query engines behind one small interface: embedded pyoxigraph, rdflib (reference), remote SPARQL 1.1.

Every engine answers :meth:`Engine.query` with a :class:`~graph.results.Result` whose terms are
pyoxigraph terms, so formatting and comparison do not depend on where the graph lives. The default
graph of every query is the union of the named graphs, as a set (see
:func:`materialize_default_union`).

Engines are safe to share between threads for reading (pyoxigraph's store is; rdflib's memory store is for reading), and every query takes a time limit.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .errors import EndpointError, InputError, NotBuiltError, QuerySyntaxError, QueryTimeout
from .results import Result, result_from_oxigraph, result_from_rdflib
from .settings import DEFAULT_ENGINE, ENGINES, USER_AGENT, Settings

__all__ = ["Engine", "OxigraphEngine", "RdflibEngine", "RemoteEngine", "open_engine", "load_dataset_store"]


class Engine(Protocol):
    """What every engine offers."""

    name: str

    def query(self, sparql: str, *, timeout: float | None = None) -> Result: ...


def _syntax_error(exc: BaseException) -> QuerySyntaxError:
    """A pyoxigraph query syntax error ("error at 3:17: expected …") with its position parsed."""
    import re

    line = getattr(exc, "lineno", None)
    col = getattr(exc, "offset", None)
    msg = str(getattr(exc, "msg", None) or exc)
    match = re.match(r"error at (\d+):(\d+): (.*)", msg, flags=re.S)
    if match:
        line, col, msg = int(match.group(1)), int(match.group(2)), match.group(3)
    return QuerySyntaxError(msg, path=None, line=line, column=col)


def _run_with_deadline(fn, timeout: float | None, what: str):  # type: ignore[no-untyped-def]
    """Run ``fn`` in a daemon thread and wait at most ``timeout`` seconds for it.

    On time-out the caller gets :class:`QueryTimeout` at once; the engine cannot be interrupted
    and finishes in the background, but a daemon thread never holds the process open.
    """
    if timeout is None:
        return fn()
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # handed over to the caller
            outcome["error"] = exc

    worker = threading.Thread(target=target, name="tkg-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeout(f"{what}: the query ran longer than its time limit of {timeout:g} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]


_UNION_UPDATE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def materialize_default_union(store: ox.Store) -> None:
    """Copy every triple of every named graph into the store's default graph, once.

    Why not ``use_default_graph_as_union=True``: pyoxigraph's union default graph has bag
    semantics, so a triple stated by three sources matches three times, and a join over k such
    patterns multiplies rows by up to 3**k (a 7-pattern library query took 390 s instead of 0.02 s
    on the curated data). A materialized default graph is a set, as SPARQL's RDF merge is.
    """
    store.update(_UNION_UPDATE)


def load_dataset_store(path: Path) -> ox.Store:
    """An in-memory pyoxigraph store loaded from a built N-Quads file."""
    if not path.is_file():
        raise NotBuiltError(f"{path}: no built dataset; run `tkg build` first")
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


class OxigraphEngine:
    """The embedded engine: a pyoxigraph store (in memory by default), union default graph.

    >>> engine = OxigraphEngine(ox.Store())
    >>> engine.query("ASK { ?s ?p ?o }").boolean
    False
    """

    name = "oxigraph"

    def __init__(self, store: ox.Store, *, materialize_union: bool = True):
        self.store = store
        if materialize_union:
            materialize_default_union(store)

    @classmethod
    def from_build(cls, settings: Settings, *, on_disk: bool = False) -> OxigraphEngine:
        """Open the built graph: the on-disk store read-only (``on_disk``: starts at once whatever
        the size), or the N-Quads loaded into memory (faster queries after a start-up cost); a build
        folder with no store is loaded into memory either way."""
        if on_disk and settings.store_path.is_dir():
            # the build wrote the union into the store's default graph already
            return cls(ox.Store.read_only(str(settings.store_path)), materialize_union=False)
        # no on-disk store (a build folder holding only dataset.nq): load the N-Quads into memory
        return cls(load_dataset_store(settings.dataset_path))

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        def run() -> Result:
            # pyoxigraph's solutions are bound to the thread that made them, and stream lazily:
            # parse, evaluate and materialize all in the worker.
            try:
                answer = self.store.query(sparql)
            except SyntaxError as exc:
                raise _syntax_error(exc) from None
            return result_from_oxigraph(answer)

        return _run_with_deadline(run, timeout, "oxigraph")


class RdflibEngine:
    """The reference engine: rdflib's SPARQL over a Dataset whose default graph is the union."""

    name = "rdflib"

    def __init__(self, dataset):  # type: ignore[no-untyped-def]
        self.dataset = dataset

    @classmethod
    def from_build(cls, settings: Settings) -> RdflibEngine:
        from .rdfconv import rdflib_dataset

        store = load_dataset_store(settings.dataset_path)
        return cls(rdflib_dataset(store.quads_for_pattern(None, None, None, None)))

    @classmethod
    def from_store(cls, store: ox.Store) -> RdflibEngine:
        from .rdfconv import rdflib_dataset

        return cls(rdflib_dataset(store.quads_for_pattern(None, None, None, None)))

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        from pyparsing import ParseException
        from rdflib.plugins.sparql import prepareQuery

        try:
            prepared = prepareQuery(sparql)
        except ParseException as exc:
            raise QuerySyntaxError(exc.msg, path=None, line=exc.lineno, column=exc.col) from None

        def run() -> Result:
            # no lock: a query that outlives its time limit must not block the next one
            return result_from_rdflib(self.dataset.query(prepared))

        return _run_with_deadline(run, timeout, "rdflib")


class RemoteEngine:
    """A SPARQL 1.1 endpoint reached with SPARQLWrapper: POST, JSON results, a User-Agent and a
    time limit; HTTP failures become :class:`~graph.errors.EndpointError` with one clear line."""

    name = "remote"

    def __init__(self, endpoint: str, *, user: str | None = None, password: str | None = None,
                 digest: bool = False, timeout: float | None = 30.0):
        self.endpoint = endpoint
        self.user, self.password, self.digest = user, password, digest
        self.default_timeout = timeout

    def _wrapper(self, timeout: float | None):  # type: ignore[no-untyped-def]
        from SPARQLWrapper import DIGEST, POST, SPARQLWrapper

        w = SPARQLWrapper(self.endpoint, agent=USER_AGENT)
        w.setMethod(POST)
        w.setOnlyConneg(True)
        if timeout is not None:
            w.setTimeout(max(1, int(round(timeout))))
        if self.user is not None:
            w.setCredentials(self.user, self.password or "")
            if self.digest:
                w.setHTTPAuth(DIGEST)
        return w

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        from .results import result_from_remote

        timeout = timeout if timeout is not None else self.default_timeout
        w = self._wrapper(timeout)
        w.setQuery(sparql)
        kind = w.queryType
        if kind in ("CONSTRUCT", "DESCRIBE"):
            w.setReturnFormat("turtle")
            w.addCustomHttpHeader("Accept", "application/n-triples, text/turtle;q=0.9")
        else:
            w.setReturnFormat("json")
            w.addCustomHttpHeader("Accept", "application/sparql-results+json")
        raw = self._send(w, timeout)
        return result_from_remote(kind, raw)

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL Update (used by ``tkg push`` where a server has no Graph Store Protocol)."""
        w = self._wrapper(timeout if timeout is not None else self.default_timeout)
        w.setQuery(sparql)
        w.setMethod("POST")
        w.setRequestMethod("postdirectly")
        self._send(w, timeout, update=True)

    def _send(self, w, timeout: float | None, *, update: bool = False) -> bytes:  # type: ignore[no-untyped-def]
        import socket
        import urllib.error

        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        try:
            response = w.query().response
            return response.read()
        except SPARQLWrapperException as exc:
            text = str(exc).splitlines()[0]
            if "QueryBadFormed" in type(exc).__name__ or "syntax" in str(exc).lower():
                raise QuerySyntaxError(f"{self.endpoint} refused the query: {text}", path=None,
                                       line=None, column=None) from None
            raise EndpointError(f"{self.endpoint}: {text}") from None
        except urllib.error.HTTPError as exc:
            raise EndpointError(f"{self.endpoint}: HTTP {exc.code} {exc.reason}") from None
        except (socket.timeout, TimeoutError):
            raise QueryTimeout(f"{self.endpoint}: no answer within the time limit of {timeout:g} s") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise QueryTimeout(f"{self.endpoint}: no answer within the time limit of {timeout:g} s") from None
            raise EndpointError(f"{self.endpoint}: unreachable ({reason})") from None
        except OSError as exc:
            raise EndpointError(f"{self.endpoint}: unreachable ({exc})") from None


def open_engine(settings: Settings, *, engine: str = DEFAULT_ENGINE, endpoint: str | None = None,
                user: str | None = None, password: str | None = None, digest: bool = False) -> Engine:
    """The engine a command asked for: a remote endpoint when one is given, else the built graph.

    ``oxigraph`` (default; also ``oxigraph-disk``) opens the build's on-disk store read-only, which
    starts at once whatever the size; ``oxigraph-memory`` loads ``dataset.nq`` into memory (a start-up
    cost of about 13 s per million triples, then faster queries: better for long runs of many
    queries); ``rdflib`` is the reference engine.
    """
    endpoint = endpoint or settings.endpoint
    if endpoint:
        return RemoteEngine(endpoint, user=user, password=password, digest=digest, timeout=settings.timeout)
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "rdflib":
        return RdflibEngine.from_build(settings)
    if engine == "oxigraph-memory":
        return OxigraphEngine.from_build(settings)
    return OxigraphEngine.from_build(settings, on_disk=True)
