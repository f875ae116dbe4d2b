"""Pushing the built dataset into a remote triple store, named graphs kept, and checking the counts.

What goes: the build's named graphs, the **union graph** (:data:`~graph.settings.UNION_GRAPH`: every
triple once, the default graph the library's queries expect) and the **dataset description**
(:data:`~graph.settings.DATASET_GRAPH`: an ``sd:Dataset`` naming the union as its default graph and
the build's graphs as its named graphs, with a fingerprint of the build). ``tkg query --endpoint``
reads the description and names that dataset in every query (``FROM`` / ``FROM NAMED``), so a
plain Oxigraph server, one with ``--union-default-graph`` and Virtuoso give the embedded answers.

How: every graph is loaded under a temporary name (:func:`temp_name`), by one of two ways, both
idempotent (pushing again replaces, never duplicates):

* the **Graph Store Protocol** (``store=…``): one HTTP ``PUT <store>?graph=<iri>`` per named graph,
  body N-Triples. ``PUT`` replaces the graph. Oxigraph server (``/store``), Virtuoso
  (``/sparql-graph-crud-auth``), Fuseki (``/ds/data``), GraphDB (``/repositories/R/rdf-graphs/service``).
* **SPARQL Update** (no ``store``): per graph ``DROP SILENT GRAPH`` and then ``INSERT`` in chunks,
  POSTed as ``application/sparql-update`` to ``update`` (default: the query endpoint).

then one SPARQL Update moves them all into place (``MOVE <tmp> TO <g>``, the description last). An
interrupted push never leaves a graph half-replaced: :class:`PushInterrupted` says what the server
still has, and pushing again drops the leftovers and finishes.

A blank node that occurs in two graphs (a name usage in a source graph, its inferred type in the
inferred graph) would become two nodes if the graphs were sent apart, since every request gets
fresh blank nodes. So graphs that share blank nodes go by SPARQL Update, where the second graph's
request finds the node in the first graph by its description (see :func:`update_requests`);
``MOVE`` keeps nodes as they are.

Afterwards :func:`verify_counts` asks the query endpoint for ``COUNT(*)`` of every graph and
:func:`push` returns a :class:`PushReport`; a mismatch is :class:`CountMismatch` (exit code 1).
"""

from __future__ import annotations

import hashlib
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from networkx.utils import UnionFind

from .errors import CountMismatch, EndpointError, GraphError, InputError, QueryTimeout
from .settings import DATASET_GRAPH, DEFAULT_MAX_RESPONSE_BYTES, UNION_GRAPH
from .transport import Transport

__all__ = ["GraphCount", "PushReport", "CountMismatch", "PushInterrupted", "HttpClient", "group_by_graph",
           "blank_node_groups", "ntriples", "update_requests", "count_query", "push_quads", "with_union",
           "build_id", "dataset_description", "dataset_to_send", "temp_name", "move_request", "temp_graphs", "verify_counts", "push"]

#: Called as ``on_graph(graph_iri, triples)`` after each graph is in.
OnGraph = Callable[[str, int], None]

GSP_CHUNK = 1000  # triples per Graph Store request (measured: larger PUTs with digest auth broke the connection)
DEFAULT_CHUNK = 1000  # Virtuoso refuses an INSERT DATA of 2,000 triples in many graphs (SQL too long)
#: Triples per ``INSERT { } WHERE { }`` request (triples with blank nodes: a template is compiled,
#: not streamed, and Virtuoso refuses one of a few thousand triples).
BNODE_CHUNK = 200



@dataclass(frozen=True)
class GraphCount:
    """One named graph: its triples in the build, what the server counted, and how it was sent."""

    graph: str
    expected: int
    remote: int | None = None
    method: str = "gsp"

    @property
    def ok(self) -> bool:
        return self.remote == self.expected


@dataclass
class PushReport:
    """What :func:`push` did: one :class:`GraphCount` per graph, requests sent, time taken."""

    endpoint: str
    target: str
    graphs: list[GraphCount] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(g.expected for g in self.graphs)

    @property
    def mismatches(self) -> list[GraphCount]:
        return [g for g in self.graphs if not g.ok]

    def line(self) -> str:
        """One summary line.

        >>> PushReport("http://h/q", "http://h/store", [GraphCount("urn:g", 3, 3)], 1, 0.25).line()
        'pushed 3 triples in 1 graphs to http://h/store (1 requests, 0.25 s); counts checked at http://h/q: all equal'
        """
        verdict = "all equal" if not self.mismatches else f"{len(self.mismatches)} differ"
        return (f"pushed {self.triples} triples in {len(self.graphs)} graphs to {self.target} "
                f"({self.requests} requests, {self.seconds:.2f} s); counts checked at {self.endpoint}: {verdict}")


# ------------------------------------------------------------------------------------------ grouping

def group_by_graph(quads: Iterable[ox.Quad]) -> dict[str, list[ox.Quad]]:
    """Quads by named graph IRI, in IRI order; a default-graph triple is refused (the build never
    writes one, and a server's default graph is often the union, where it would be lost).

    >>> g = ox.NamedNode("urn:g")
    >>> q = ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"), g)
    >>> {k: len(v) for k, v in group_by_graph([q, q]).items()}
    {'urn:g': 1}
    """
    out: dict[str, set[ox.Quad]] = {}
    for q in quads:
        if not isinstance(q.graph_name, ox.NamedNode):
            raise InputError(f"the dataset has a triple outside any named graph ({q.subject} {q.predicate} …); "
                             "push sends named graphs only")
        out.setdefault(q.graph_name.value, set()).add(q)
    return {g: sorted(out[g], key=str) for g in sorted(out)}


def _bnodes(q: ox.Quad) -> list[str]:
    return [t.value for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)]


def blank_node_groups(by_graph: dict[str, list[ox.Quad]]) -> list[list[str]]:
    """Sets of graphs (two or more) linked by blank nodes they share, each sorted.

    >>> b, p = ox.BlankNode("x"), ox.NamedNode("urn:p")
    >>> g = {n: [ox.Quad(b, p, ox.Literal(n), ox.NamedNode(n))] for n in ("urn:a", "urn:b", "urn:c")}
    >>> g["urn:c"] = [ox.Quad(p, p, p, ox.NamedNode("urn:c"))]
    >>> blank_node_groups(g)
    [['urn:a', 'urn:b']]
    """
    uf = UnionFind()
    seen: dict[str, str] = {}
    for graph, quads in by_graph.items():
        for q in quads:
            for b in _bnodes(q):
                if b in seen and seen[b] != graph:
                    uf.union(seen[b], graph)
                seen.setdefault(b, graph)
    groups: dict[str, list[str]] = {}
    for graph in by_graph:
        if graph in uf.parents:
            groups.setdefault(uf[graph], []).append(graph)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


# ------------------------------------------------------------------------------------------ payloads

def ntriples(quads: Iterable[ox.Quad]) -> bytes:
    """The triples of quads as N-Triples (the body of a Graph Store ``PUT``)."""
    return ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)


def _chunks(quads: list[ox.Quad], size: int) -> Iterator[list[ox.Quad]]:
    """Chunks of about ``size`` quads, every blank node wholly inside one chunk."""
    uf = UnionFind()
    for q in quads:
        bs = _bnodes(q)
        for b in bs:
            uf[b]  # every blank node is a set, even alone
        if len(bs) == 2:
            uf.union(bs[0], bs[1])
    parts: dict[str, list[ox.Quad]] = {}
    for q in quads:
        parts.setdefault(uf[_bnodes(q)[0]], []).append(q)
    chunk: list[ox.Quad] = []
    for part in parts.values():
        if chunk and len(chunk) + len(part) > size:
            yield chunk
            chunk = []
        chunk.extend(part)
    if chunk:
        yield chunk


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal, names: dict[str, str]) -> str:
    if isinstance(term, ox.BlankNode):
        return names.setdefault(term.value, f"_:b{len(names)}")
    return str(term)  # N-Triples syntax is SPARQL syntax for IRIs and literals


def _triple(q: ox.Quad, names: dict[str, str]) -> str:
    return f"{_term(q.subject, names)} {q.predicate} {_term(q.object, names)} ."


def update_requests(by_graph: dict[str, list[ox.Quad]], *, chunk_size: int = DEFAULT_CHUNK) -> Iterator[str]:
    """SPARQL Update requests that replace the given graphs.

    First one ``DROP SILENT GRAPH`` request; then the triples without blank nodes as ``INSERT DATA``
    chunks; then, graph by graph, the triples with blank nodes as ``INSERT { GRAPH … } WHERE {}``
    (fresh nodes, each node's triples in one request). A blank node used in several graphs is made
    in its *home* (the graph that says most about it); the other graphs' requests find it there by
    its description, so all share one node. Templates name one graph each (Virtuoso fails on a
    template with two).

    >>> b, p, g, h = ox.BlankNode("n1"), ox.NamedNode("urn:p"), ox.NamedNode("urn:g"), ox.NamedNode("urn:h")
    >>> by_graph = {"urn:g": [ox.Quad(ox.NamedNode("urn:s"), p, ox.Literal("o", language="en"), g),
    ...                       ox.Quad(b, p, ox.Literal("x"), g)],
    ...             "urn:h": [ox.Quad(b, p, p, h)]}
    >>> for r in update_requests(by_graph):
    ...     print(r)
    DROP SILENT GRAPH <urn:g> ;
    DROP SILENT GRAPH <urn:h>
    INSERT DATA {
    GRAPH <urn:g> {
    <urn:s> <urn:p> "o"@en .
    }
    }
    INSERT { GRAPH <urn:g> {
    _:b0 <urn:p> "x" .
    } } WHERE {}
    INSERT { GRAPH <urn:h> {
    ?v0 <urn:p> <urn:p> .
    } } WHERE {
    GRAPH <urn:g> { ?v0 <urn:p> "x" . }
    }
    """
    yield " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in by_graph)
    plain = [q for quads in by_graph.values() for q in quads if not _bnodes(q)]
    for start in range(0, len(plain), chunk_size):
        blocks: dict[str, list[str]] = {}
        for q in plain[start:start + chunk_size]:
            blocks.setdefault(q.graph_name.value, []).append(_triple(q, {}))
        body = "\n".join(f"GRAPH <{g}> {{\n" + "\n".join(lines) + "\n}" for g, lines in blocks.items())
        yield f"INSERT DATA {{\n{body}\n}}"
    home = _homes(by_graph)
    foreign = {g: [q for q in quads if any(home[b] != g for b in _bnodes(q))] for g, quads in by_graph.items()}
    for graph, quads in by_graph.items():  # nodes at home first: the other graphs find them there
        away = set(foreign[graph])
        local = [q for q in quads if _bnodes(q) and q not in away]
        for chunk in _chunks(local, min(chunk_size, BNODE_CHUNK)):
            yield _insert_with_bnodes(graph, chunk, by_graph, home)
    for graph in by_graph:  # one node per request: a long WHERE overflows Virtuoso's stack
        for chunk in _chunks(foreign[graph], 1):
            yield _insert_with_bnodes(graph, chunk, by_graph, home)


def _homes(by_graph: dict[str, list[ox.Quad]]) -> dict[str, str]:
    """Each blank node's home: the graph that says most about it (first in IRI order on a tie)."""
    mentions: dict[str, dict[str, int]] = {}
    for graph, quads in by_graph.items():
        for q in quads:
            for b in _bnodes(q):
                per = mentions.setdefault(b, {})
                per[graph] = per.get(graph, 0) + 1
    return {b: max(per, key=lambda g: (per[g], [-ord(c) for c in g])) for b, per in mentions.items()}


def _insert_with_bnodes(graph: str, chunk: list[ox.Quad], by_graph: dict[str, list[ox.Quad]],
                        home: dict[str, str]) -> str:
    names: dict[str, str] = {}
    where: list[str] = []
    for b in dict.fromkeys(b for q in chunk for b in _bnodes(q)):
        if home[b] == graph:
            continue
        described = [q for q in by_graph[home[b]] if b in _bnodes(q) and len(_bnodes(q)) == 1]
        if not described:
            continue  # nothing to find it by: a fresh node
        names[b] = f"?v{len([n for n in names.values() if n.startswith('?')])}"
        pattern = " ".join(_triple(q, {b: names[b]}) for q in described)
        where.append(f"GRAPH <{home[b]}> {{ {pattern} }}")
    template = "\n".join(_triple(q, names) for q in chunk)
    clause = "{\n" + "\n".join(where) + "\n}" if where else "{}"
    return f"INSERT {{ GRAPH <{graph}> {{\n{template}\n}} }} WHERE {clause}"


def count_query(graph: str) -> str:
    """The query that counts a graph's triples.

    >>> count_query("urn:g")
    'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:g> { ?s ?p ?o } }'
    """
    return f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"


# ------------------------------------------------------------------------------------------ HTTP

class HttpClient:
    """One request at a time through :class:`~graph.transport.Transport` (one deadline per
    request, a cap on bytes read, basic or digest authentication); failures become one-line
    :class:`~graph.errors.EndpointError` / :class:`~graph.errors.QueryTimeout`."""

    def __init__(self, *, user: str | None = None, password: str | None = None, digest: bool = False,
                 timeout: float | None = 60.0, max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES):
        self.timeout = timeout
        self.transport = Transport(user=user, password=password, digest=digest, timeout=timeout, max_bytes=max_bytes)
        self.requests = 0

    def send(self, method: str, url: str, body: bytes, content_type: str) -> int:
        """Send one request; returns the HTTP status (2xx), raises on anything else."""
        self.requests += 1
        answer = self.transport.request(method, url, body=body,
                                        headers={"Content-Type": content_type, "Accept": "*/*"})
        return answer.status


def _with_graph(store: str, graph: str) -> str:
    sep = "&" if "?" in store else "?"
    return f"{store}{sep}{urllib.parse.urlencode({'graph': graph})}"


# ------------------------------------------------------------------------------------------ push

def push_quads(by_graph: dict[str, list[ox.Quad]], client: HttpClient, *, store: str | None,
               update: str | None, chunk_size: int = DEFAULT_CHUNK,
               on_graph: OnGraph | None = None) -> tuple[dict[str, str], int]:
    """Send every graph; returns the method used per graph and the number of requests.

    With ``store`` a graph goes by Graph Store ``PUT``, except graphs that share blank nodes, which
    go together by SPARQL Update to ``update``; without ``store`` every graph goes by SPARQL Update.
    """
    if store is None and update is None:
        raise InputError("push needs a Graph Store URL or a SPARQL Update URL")
    methods: dict[str, str] = {}
    requests = 0
    grouped = blank_node_groups(by_graph)
    in_group = {g for group in grouped for g in group}
    if store is None:
        grouped += [[g] for g in by_graph if g not in in_group]
    if store is not None:
        for graph, quads in by_graph.items():
            if graph in in_group:
                continue
            # a graph of many triples goes as a PUT and then POSTs (Graph Store merge) of at most
            # GSP_CHUNK triples: Virtuoso answers a large unauthenticated body's first (digest) try
            # with 401 before reading it, and the client's write then fails with a broken pipe
            parts = [quads[i:i + GSP_CHUNK] for i in range(0, len(quads), GSP_CHUNK)] or [quads]
            client.send("PUT", _with_graph(store, graph), ntriples(parts[0]), "application/n-triples")
            for part in parts[1:]:
                client.send("POST", _with_graph(store, graph), ntriples(part), "application/n-triples")
            requests += len(parts)
            methods[graph] = "gsp"
            if on_graph:
                on_graph(graph, len(quads))
    for group in grouped:
        if update is None:
            raise InputError(f"graphs {', '.join(group)} share blank nodes and must be sent together "
                             "by SPARQL Update: give an update URL")
        part = {g: by_graph[g] for g in group}
        for text in update_requests(part, chunk_size=chunk_size):
            client.send("POST", update, text.encode("utf-8"), "application/sparql-update")
            requests += 1
        for graph in group:
            methods[graph] = "update"
            if on_graph:
                on_graph(graph, len(by_graph[graph]))
    return methods, requests


def with_union(by_graph: dict[str, list[ox.Quad]], union_graph: str) -> dict[str, list[ox.Quad]]:
    """The graphs plus ``union_graph`` holding each of their triples once.

    >>> p = ox.NamedNode("urn:p")
    >>> g = {n: [ox.Quad(p, p, p, ox.NamedNode(n))] for n in ("urn:a", "urn:b")}
    >>> [(k, len(v)) for k, v in with_union(g, "urn:all").items()]
    [('urn:a', 1), ('urn:all', 1), ('urn:b', 1)]
    """
    if union_graph in by_graph:
        raise InputError(f"the union graph <{union_graph}> is already a graph of the dataset")
    union = ox.NamedNode(union_graph)
    triples = {q.triple for quads in by_graph.values() for q in quads}
    out = {**by_graph, union_graph: sorted((ox.Quad(t.subject, t.predicate, t.object, union) for t in triples), key=str)}
    return {g: out[g] for g in sorted(out)}


def build_id(by_graph: dict[str, list[ox.Quad]]) -> str:
    """A short fingerprint of the pushed quads (the first 16 hex digits of a SHA-256)."""
    digest = hashlib.sha256()
    for graph, quads in by_graph.items():
        for q in quads:
            digest.update(f"{q} \n".encode())
    return digest.hexdigest()[:16]


def dataset_description(named: list[str], union_graph: str, build: str) -> list[ox.Quad]:
    """The graph :data:`~graph.settings.DATASET_GRAPH`: an ``sd:Dataset`` whose default graph is
    ``union_graph`` and whose named graphs are ``named``, with the build's fingerprint. Clients
    (:class:`~graph.store.RemoteEngine`) read it to name the dataset of every query.

    >>> for q in dataset_description(["urn:a"], "urn:all", "f00"):
    ...     print(q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], q.object)
    type <http://www.w3.org/ns/sparql-service-description#Dataset>
    defaultGraph <urn:all>
    identifier "f00"
    namedGraph <urn:a>
    """
    g, d = ox.NamedNode(DATASET_GRAPH), ox.NamedNode(DATASET_GRAPH + "#dataset")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    quads = [ox.Quad(d, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(f"{sd}Dataset"), g),
             ox.Quad(d, ox.NamedNode(f"{sd}defaultGraph"), ox.NamedNode(union_graph), g),
             ox.Quad(d, ox.NamedNode("http://purl.org/dc/terms/identifier"), ox.Literal(build), g)]
    quads += [ox.Quad(d, ox.NamedNode(f"{sd}namedGraph"), ox.NamedNode(n), g) for n in named]
    return quads


def verify_counts(engine, expected: dict[str, int], *, timeout: float | None = None) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Each graph's triple count on ``engine`` (any :class:`~graph.store.Engine`)."""
    out: dict[str, int] = {}
    for graph in expected:
        row = engine.query(count_query(graph), timeout=timeout).rows
        out[graph] = int(row[0][0].value) if row and row[0][0] is not None else 0
    return out


#: Graphs are first loaded under these names, then moved into place in one request.
TEMP_PREFIX = "urn:x-tkg-push:"


class PushInterrupted(EndpointError):
    """A push that stopped part-way; the message says which graphs the server still has in their
    previous version (exit 3). Pushing again repairs it."""


def temp_name(graph: str) -> str:
    """Where a graph is loaded before it is moved into place.

    >>> temp_name("https://w3id.org/turkic-kg/id/graph/x")
    'urn:x-tkg-push:https://w3id.org/turkic-kg/id/graph/x'
    """
    return TEMP_PREFIX + graph


def move_request(graphs: Iterable[str]) -> str:
    """One SPARQL Update that moves every loaded graph into place (each ``MOVE`` replaces the
    target: it drops it and renames the temporary graph).

    >>> print(move_request(["urn:a", "urn:b"]))
    MOVE <urn:x-tkg-push:urn:a> TO <urn:a> ;
    MOVE <urn:x-tkg-push:urn:b> TO <urn:b>
    """
    return " ;\n".join(f"MOVE <{temp_name(g)}> TO <{g}>" for g in graphs)


def temp_graphs(engine, *, timeout: float | None) -> list[str]:  # type: ignore[no-untyped-def]
    """The temporary graphs on the server (left by an interrupted push, or being loaded)."""
    rows = engine.query(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                        f'FILTER(STRSTARTS(STR(?g), "{TEMP_PREFIX}")) }}', timeout=timeout).rows
    return sorted(r[0].value for r in rows if r[0] is not None)


def _renamed(by_graph: dict[str, list[ox.Quad]]) -> dict[str, list[ox.Quad]]:
    out: dict[str, list[ox.Quad]] = {}
    for graph, quads in by_graph.items():
        name = ox.NamedNode(temp_name(graph))
        out[name.value] = [ox.Quad(q.subject, q.predicate, q.object, name) for q in quads]
    return out


def dataset_to_send(quads: Iterable[ox.Quad], union_graph: str) -> dict[str, list[ox.Quad]]:
    """The build's graphs, the union graph and the description graph (last in the move order)."""
    by_graph = group_by_graph(quads)
    if DATASET_GRAPH in by_graph:
        raise InputError(f"<{DATASET_GRAPH}> is already a graph of the dataset")
    named = list(by_graph)
    out = with_union(by_graph, union_graph)
    out[DATASET_GRAPH] = dataset_description(named, union_graph, build_id(by_graph))
    return out


def _interrupted(exc: GraphError, engine, graphs: list[str], *, moving: bool,  # type: ignore[no-untyped-def]
                 timeout: float | None) -> PushInterrupted:
    """What an interrupted push left on the server, in one line."""
    if not moving:
        return PushInterrupted(f"{exc}; the push stopped while loading the new graphs under temporary names: "
                               "no graph was replaced, the server keeps its previous copy of every graph; "
                               "push again to finish")
    try:
        waiting = set(temp_graphs(engine, timeout=timeout))
    except GraphError:
        return PushInterrupted(f"{exc}; the push stopped while moving the new graphs into place, and the server "
                               "cannot say which it replaced; push again to finish")
    kept = [g for g in graphs if temp_name(g) in waiting]
    if not kept:
        return PushInterrupted(f"{exc}; the server did move every new graph into place; push again to "
                               "check the counts")
    shown = ", ".join(f"<{g}>" for g in kept[:3]) + (" …" if len(kept) > 3 else "")
    return PushInterrupted(f"{exc}; the push stopped while moving the new graphs into place: "
                           f"{len(graphs) - len(kept)} of {len(graphs)} graphs replaced, {len(kept)} keep their "
                           f"previous copy ({shown}); push again to finish")


def push(quads: Iterable[ox.Quad], *, endpoint: str, store: str | None = None, update: str | None = None,
         user: str | None = None, password: str | None = None, digest: bool = False,
         chunk_size: int = DEFAULT_CHUNK, timeout: float | None = 60.0, union_graph: str = UNION_GRAPH,
         max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES, on_graph: OnGraph | None = None) -> PushReport:
    """Push quads into a server and count every graph there through ``endpoint``.

    Besides the build's graphs it sends ``union_graph`` (the union of all graphs, each triple once:
    the default graph the library's queries expect, which quad stores' own union default graphs are
    not) and :data:`~graph.settings.DATASET_GRAPH`, which says which graph is the union and which
    graphs are named; :class:`~graph.store.RemoteEngine` reads it to name every query's dataset.

    Every graph is loaded under a temporary name (:func:`temp_name`), then all are moved into
    place by one SPARQL Update (:func:`move_request`), the description last: an interrupted push
    never leaves a graph half-replaced, :class:`PushInterrupted` says what the server keeps, and
    pushing again drops the leftovers and finishes.

    Returns the report; raises :class:`CountMismatch` naming the first graph whose counts differ
    (the report is its ``report`` attribute), :class:`~graph.errors.EndpointError` when a server is
    unreachable or refuses, :class:`~graph.errors.QueryTimeout` when it does not answer in time.
    """
    from .store import RemoteEngine, forget_pushed_dataset
    from .transport import check_http_url

    started = time.perf_counter()
    update = check_http_url(update or endpoint, option="--update")
    if store is not None:
        check_http_url(store, option="--store")
    by_graph = dataset_to_send(quads, union_graph)
    engine = RemoteEngine(endpoint, user=user, password=password, digest=digest, timeout=timeout,
                          max_bytes=max_bytes, dataset="server")
    engine.query("ASK { }", timeout=timeout)  # reachable, before anything is sent
    client = HttpClient(user=user, password=password, digest=digest, timeout=timeout, max_bytes=max_bytes)
    leftovers = temp_graphs(engine, timeout=timeout)
    if leftovers:  # from an interrupted push
        client.send("POST", update, " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in leftovers).encode(),
                    "application/sparql-update")
    real = {temp_name(g): g for g in by_graph}
    try:
        methods, _ = push_quads(_renamed(by_graph), client, store=store, update=update, chunk_size=chunk_size,
                                on_graph=(lambda g, n: on_graph(real[g], n)) if on_graph else None)
    except (EndpointError, QueryTimeout) as exc:
        raise _interrupted(exc, engine, list(by_graph), moving=False, timeout=timeout) from None
    try:
        client.send("POST", update, move_request(by_graph).encode("utf-8"), "application/sparql-update")
    except (EndpointError, QueryTimeout) as exc:
        raise _interrupted(exc, engine, list(by_graph), moving=True, timeout=timeout) from None
    finally:
        forget_pushed_dataset(endpoint)
    expected = {g: len(q) for g, q in by_graph.items()}
    remote = verify_counts(engine, expected, timeout=timeout)
    report = PushReport(endpoint=endpoint, target=store or update,
                        graphs=[GraphCount(g, expected[g], remote[g], methods[temp_name(g)]) for g in by_graph],
                        requests=client.requests, seconds=round(time.perf_counter() - started, 3))
    if report.mismatches:
        first = report.mismatches[0]
        more = f" (and {len(report.mismatches) - 1} more graphs)" if len(report.mismatches) > 1 else ""
        exc = CountMismatch(f"graph <{first.graph}>: {first.expected} triples in the build, "
                            f"{first.remote} on the server{more}")
        exc.report = report  # type: ignore[attr-defined]
        raise exc
    return report
