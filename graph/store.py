"""Query engines behind one small interface: embedded pyoxigraph, rdflib (reference), remote SPARQL 1.1.

Every engine answers :meth:`Engine.query` with a :class:`~graph.results.Result` whose terms are
pyoxigraph terms, so formatting and comparison do not depend on where the graph lives. The default
graph of every query is the union of the named graphs, as a set (see
:func:`materialize_default_union`).

Engines are safe to share between threads for reading (pyoxigraph's store is; rdflib's memory store is for reading), and every query takes a time limit.

Local queries never reach out: the embedded engines refuse a query with SERVICE (found in its parse
tree, :func:`~graph.sparqltext.calls_service`) unless they were opened with ``allow_service=True``,
and rdflib never loads the graphs a query names in FROM / FROM NAMED (they are graphs of the
dataset, as in every other engine). A remote engine speaks http(s) only.
"""

from __future__ import annotations

import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .errors import EndpointError, GraphError, InputError, NotBuiltError, QuerySyntaxError, QueryTimeout
from .results import Result, result_from_oxigraph, result_from_rdflib
from .settings import DATASET_GRAPH, DEFAULT_ENGINE, DEFAULT_MAX_RESPONSE_BYTES, ENGINES, Settings
from .sparqltext import ServiceRefused, calls_service

__all__ = ["Engine", "OxigraphEngine", "RdflibEngine", "RemoteEngine", "PushedDataset", "open_engine", "query_form",
           "load_dataset_store", "forget_pushed_dataset"]


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


def _service_guard(sparql: str, *, allowed: bool, engine: str) -> bool:
    """Whether the query calls SERVICE; refuse it (exit 2) unless SERVICE is allowed."""
    service = calls_service(sparql)
    if service and not allowed:
        raise ServiceRefused(f"{engine}: the query calls SERVICE, which would send a request to another "
                             "server; local queries never do unless you give --allow-service "
                             "(Python: allow_service=True)")
    return service


def _service_failed(engine: str, exc: BaseException) -> EndpointError:
    detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
    return EndpointError(f"{engine}: a SERVICE call failed: {detail}")


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

    def __init__(self, store: ox.Store, *, materialize_union: bool = True, allow_service: bool = False):
        self.store = store
        self.allow_service = allow_service
        if materialize_union:
            materialize_default_union(store)

    @classmethod
    def from_build(cls, settings: Settings, *, on_disk: bool = False, allow_service: bool = False) -> OxigraphEngine:
        """Open the built graph: the on-disk store read-only (``on_disk``: starts at once whatever
        the size), or the N-Quads loaded into memory (faster queries after a start-up cost); a build
        folder with no store is loaded into memory either way."""
        if on_disk and settings.store_path.is_dir():
            # the build wrote the union into the store's default graph already
            return cls(ox.Store.read_only(str(settings.store_path)), materialize_union=False,
                       allow_service=allow_service)
        # no on-disk store (a build folder holding only dataset.nq): load the N-Quads into memory
        return cls(load_dataset_store(settings.dataset_path), allow_service=allow_service)

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        service = _service_guard(sparql, allowed=self.allow_service, engine=self.name)

        def run() -> Result:
            # pyoxigraph's solutions are bound to the thread that made them, and stream lazily:
            # parse, evaluate and materialize all in the worker, and let no traceback carry them
            # to another thread (the error raised is made after the original one is gone).
            failure: GraphError
            try:
                return result_from_oxigraph(self.store.query(sparql))
            except SyntaxError as exc:
                failure = _syntax_error(exc)
            except OSError as exc:
                failure = _service_failed(self.name, exc) if service else EndpointError(f"{self.name}: {exc}")
            raise failure

        return _run_with_deadline(run, timeout, "oxigraph")


class RdflibEngine:
    """The reference engine: rdflib's SPARQL over a Dataset whose default graph is the union."""

    name = "rdflib"

    def __init__(self, dataset, *, allow_service: bool = False):  # type: ignore[no-untyped-def]
        self.dataset = dataset
        self.allow_service = allow_service
        _never_load_graphs()

    @classmethod
    def from_build(cls, settings: Settings, *, allow_service: bool = False) -> RdflibEngine:
        from .rdfconv import rdflib_dataset

        store = load_dataset_store(settings.dataset_path)
        return cls(rdflib_dataset(store.quads_for_pattern(None, None, None, None)), allow_service=allow_service)

    @classmethod
    def from_store(cls, store: ox.Store, *, allow_service: bool = False) -> RdflibEngine:
        from .rdfconv import rdflib_dataset

        return cls(rdflib_dataset(store.quads_for_pattern(None, None, None, None)), allow_service=allow_service)

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        from pyparsing import ParseException
        from rdflib.plugins.sparql import prepareQuery

        try:
            prepared = prepareQuery(sparql)
        except ParseException as exc:
            raise QuerySyntaxError(exc.msg, path=None, line=exc.lineno, column=exc.col) from None
        service = _service_guard(sparql, allowed=self.allow_service, engine=self.name)
        _never_load_graphs()

        def run() -> Result:
            # no lock: a query that outlives its time limit must not block the next one
            try:
                return result_from_rdflib(self.dataset.query(prepared))
            except Exception as exc:
                if service and not isinstance(exc, GraphError):
                    raise _service_failed(self.name, exc) from None
                raise

        return _run_with_deadline(run, timeout, "rdflib")


def _never_load_graphs() -> None:
    """rdflib's FROM <x> / FROM NAMED <x> fetch and parse ``x`` (a file: or http: URL) unless
    ``rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS`` is False; then they name graphs of the dataset,
    as SPARQL means. Set on every query (the flag is rdflib's global), never set back."""
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


@dataclass(frozen=True)
class PushedDataset:
    """What ``tkg push`` recorded on a server (its graph :data:`~graph.settings.DATASET_GRAPH`):
    the graph holding the union of all graphs, each triple once, and the named graphs."""

    union: str
    named: tuple[str, ...]
    build: str | None = None
    #: Whether the server takes a query's FROM clauses. Oxigraph server 0.5 with
    #: ``--union-default-graph`` does not (its union overrides them), but it takes the protocol's
    #: ``default-graph-uri`` and ``named-graph-uri`` parameters.
    honours_from: bool = True


#: The dataset each server says it holds (None: nothing pushed there), asked once per process.
_PUSHED: dict[tuple[str, str | None], PushedDataset | None] = {}
_PUSHED_LOCK = threading.Lock()

_SD = "http://www.w3.org/ns/sparql-service-description#"
_DESCRIPTION_QUERY = f"""SELECT ?union ?g ?build WHERE {{ GRAPH <{DATASET_GRAPH}> {{
  ?d a <{_SD}Dataset> ; <{_SD}defaultGraph> ?union .
  OPTIONAL {{ ?d <{_SD}namedGraph> ?g }} OPTIONAL {{ ?d <http://purl.org/dc/terms/identifier> ?build }} }} }}"""


def forget_pushed_dataset(endpoint: str) -> None:
    """Drop what this process remembers of ``endpoint``'s dataset (after a push to it)."""
    with _PUSHED_LOCK:
        for key in [k for k in _PUSHED if k[0] == endpoint]:
            del _PUSHED[key]


class RemoteEngine:
    """A SPARQL 1.1 endpoint: POST, JSON results, a User-Agent, one deadline per request and a
    cap on bytes read (:class:`~graph.transport.Transport`); failures are one-line
    :class:`~graph.errors.EndpointError` / :class:`~graph.errors.QueryTimeout` (exit 3).

    With ``dataset="auto"`` (default), a server that ``tkg push`` filled describes the pushed
    dataset in a graph of its own; the engine reads it once per process and gives every query that
    names no dataset ``FROM <union>`` and ``FROM NAMED`` each pushed graph (or the protocol's
    parameters, where a server ignores FROM), so the library's queries see the same set union as
    on the embedded store, whatever the server's default graph is (docs/remote.md).
    ``dataset="server"`` sends queries unchanged.
    """

    name = "remote"

    def __init__(self, endpoint: str, *, user: str | None = None, password: str | None = None,
                 digest: bool = False, timeout: float | None = 30.0,
                 max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES, dataset: str = "auto"):
        from .transport import Transport, check_http_url

        self.endpoint = check_http_url(endpoint)
        self.user = user
        self.default_timeout = timeout
        self.dataset_mode = dataset
        self.transport = Transport(user=user, password=password, digest=digest, timeout=timeout, max_bytes=max_bytes)

    def pushed_dataset(self, *, timeout: float | None = None) -> PushedDataset | None:
        """The dataset ``tkg push`` described on this server, or None (asked once per process)."""
        key = (self.endpoint, self.user)
        with _PUSHED_LOCK:
            if key in _PUSHED:
                return _PUSHED[key]
        from .transport import HTTPStatusError

        try:
            rows = self._run(_DESCRIPTION_QUERY, timeout).rows
        except (HTTPStatusError, QuerySyntaxError):  # a server that cannot answer it holds no push
            rows = []
        found = None
        if rows:
            named = tuple(sorted({r[1].value for r in rows if r[1] is not None}))
            found = PushedDataset(rows[0][0].value, named, rows[0][2].value if rows[0][2] is not None else None,
                                  honours_from=self._honours_from(timeout))
        with _PUSHED_LOCK:
            _PUSHED[key] = found
        return found

    def _honours_from(self, timeout: float | None) -> bool:
        """Whether ``FROM <g>`` limits the default graph to ``g`` here (asked with the meta graph)."""
        count = "SELECT (COUNT(*) AS ?n) {} WHERE {{ {} }}"
        inside = self._run(count.format("", f"GRAPH <{DATASET_GRAPH}> {{ ?s ?p ?o }}"), timeout).rows
        limited = self._run(count.format(f"FROM <{DATASET_GRAPH}>", "?s ?p ?o"), timeout).rows
        return [tuple(map(str, r)) for r in inside] == [tuple(map(str, r)) for r in limited]

    def prepared(self, sparql: str, *, timeout: float | None = None) -> tuple[str, dict[str, list[str]]]:
        """What is sent for ``sparql``: the text and the protocol's dataset parameters. With a
        pushed dataset and no dataset of the query's own, FROM / FROM NAMED clauses are added
        (or, on a server that ignores FROM, ``default-graph-uri`` / ``named-graph-uri``)."""
        from .sparqltext import has_dataset_clause, with_dataset

        if self.dataset_mode != "auto":
            return sparql, {}
        pushed = self.pushed_dataset(timeout=timeout)
        if pushed is None:
            return sparql, {}
        if pushed.honours_from:
            return with_dataset(sparql, [pushed.union], pushed.named), {}
        if has_dataset_clause(sparql):
            return sparql, {}
        return sparql, {"default-graph-uri": [pushed.union], "named-graph-uri": list(pushed.named)}

    def query(self, sparql: str, *, timeout: float | None = None) -> Result:
        timeout = timeout if timeout is not None else self.default_timeout
        text, params = self.prepared(sparql, timeout=timeout)
        return self._run(text, timeout, params)

    def _run(self, sparql: str, timeout: float | None, params: dict[str, list[str]] | None = None) -> Result:
        from .results import result_from_remote

        kind = query_form(sparql)
        accept = ("application/n-triples, text/turtle;q=0.9" if kind in ("CONSTRUCT", "DESCRIBE")
                  else "application/sparql-results+json, application/sparql-results+xml;q=0.9")
        body = urllib.parse.urlencode({"query": [sparql], **(params or {})}, doseq=True).encode("utf-8")
        answer = self._send(body, "application/x-www-form-urlencoded", accept, timeout)
        return result_from_remote(kind, answer.body, media_type=answer.content_type, source=self.endpoint)

    def update(self, sparql: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL Update (used by ``tkg push`` where a server has no Graph Store Protocol)."""
        self._send(sparql.encode("utf-8"), "application/sparql-update", "*/*",
                   timeout if timeout is not None else self.default_timeout)

    def _send(self, body: bytes, content_type: str, accept: str, timeout: float | None):  # type: ignore[no-untyped-def]
        from .transport import HTTPStatusError

        try:
            return self.transport.request("POST", self.endpoint, body=body, timeout=timeout,
                                          headers={"Content-Type": content_type, "Accept": accept})
        except HTTPStatusError as exc:
            if exc.status == 400:
                raise QuerySyntaxError(f"refused the query: {str(exc).split(': ', 1)[-1]}", path=self.endpoint,
                                       line=None, column=None) from None
            raise


def query_form(sparql: str) -> str:
    """The query form (SELECT, ASK, CONSTRUCT, DESCRIBE…) as SPARQLWrapper tells it: what
    :meth:`RemoteEngine._run` asks the server for."""
    from SPARQLWrapper import SPARQLWrapper

    wrapper = SPARQLWrapper("http://localhost/")
    wrapper.setQuery(sparql)
    return str(wrapper.queryType)


def open_engine(settings: Settings, *, engine: str = DEFAULT_ENGINE, endpoint: str | None = None,
                user: str | None = None, password: str | None = None, digest: bool = False,
                allow_service: bool = False, dataset: str = "auto") -> Engine:
    """The engine a command asked for: a remote endpoint when one is given, else the built graph.

    ``oxigraph`` (default; also ``oxigraph-disk``) opens the build's on-disk store read-only, which
    starts at once whatever the size; ``oxigraph-memory`` loads ``dataset.nq`` into memory (a start-up
    cost of about 13 s per million triples, then faster queries: better for long runs of many
    queries); ``rdflib`` is the reference engine. SERVICE is refused unless ``allow_service``.
    """
    endpoint = endpoint or settings.endpoint
    if endpoint:
        return RemoteEngine(endpoint, user=user, password=password, digest=digest, timeout=settings.timeout,
                            max_bytes=settings.max_response_bytes, dataset=dataset)
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "rdflib":
        return RdflibEngine.from_build(settings, allow_service=allow_service)
    if engine == "oxigraph-memory":
        return OxigraphEngine.from_build(settings, allow_service=allow_service)
    return OxigraphEngine.from_build(settings, on_disk=True, allow_service=allow_service)
