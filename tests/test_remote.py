"""``tkg push`` into real servers (Oxigraph server plain and with ``--union-default-graph``, Virtuoso
7), then every library query, run as ``tkg query NAME --endpoint URL`` with no other option, gives
the same answer there as on the embedded engine; and on rdflib.

Answers are compared as multisets of rows of :func:`graph.results.term_key` (numbers by value,
blank nodes all alike), and in order too when the query has ORDER BY, unless SPARQL leaves that
order to the engine or Virtuoso's known ordering applies (:func:`why_order_may_differ`, checked on
the answer). There is no list of exceptions: where Virtuoso answered a library query otherwise, the
query was reshaped so that every engine gives the same rows (the comments in ``queries/`` say how).
rdflib runs in a child process killed at the time limit.
"""

from __future__ import annotations

import multiprocessing as mp
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack

import pyoxigraph as ox
import pytest

from graph.errors import EndpointError, QueryTimeout
from graph.export import built_quads
from graph.library import load_library, render
from graph.push import CountMismatch, HttpClient, dataset_to_send, group_by_graph, push, temp_name, verify_counts
from graph.results import Result, result_from_remote, term_key
from graph.settings import DATASET_GRAPH, UNION_GRAPH, Settings
from graph.store import Engine, OxigraphEngine, RdflibEngine, query_form

from .helpers import ROOT, tkg
from .servers import Server, free_port, oxigraph_server, silent_server, virtuoso_server

#: Every query of the library, whatever is there when the tests are collected.
LIBRARY = load_library(ROOT / "queries")
SERVERS = ("oxigraph-server", "oxigraph-union", "virtuoso")
ENGINES = ("rdflib", *SERVERS)
QUERY_TIMEOUT = 60.0

Rows = list[tuple[str, ...]]


def cli(settings: Settings, *args: str):  # type: ignore[no-untyped-def]
    return tkg("--root", str(settings.root), "--build-dir", str(settings.build_dir), *args)


@pytest.fixture(scope="module")
def servers(built: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Server]]:
    """The servers started, with the build pushed into each by ``tkg push`` (Graph Store PUT) with
    no option but the URLs and credentials."""
    with ExitStack() as stack:
        found = {
            "oxigraph-server": stack.enter_context(oxigraph_server(tmp_path_factory.mktemp("oxigraph"))),
            "oxigraph-union": stack.enter_context(oxigraph_server(tmp_path_factory.mktemp("oxigraph-union"),
                                                                  union_default_graph=True)),
            "virtuoso": stack.enter_context(virtuoso_server(tmp_path_factory.mktemp("virtuoso"))),
        }
        for server in found.values():
            result = cli(built, *server.push_args())
            assert result.exit_code == 0, result.stderr
            assert result.stdout.endswith("all equal\n")
        yield found


def rows_of(result: Result) -> Rows:
    if result.kind == "select":
        return [tuple(term_key(t) for t in row) for row in result.rows]
    if result.kind == "ask":
        return [(str(result.boolean),)]
    return [tuple(term_key(t) for t in (x.subject, x.predicate, x.object)) for x in result.triples]


def ordered(text: str) -> bool:
    return re.search(r"\bORDER\s+BY\b", re.sub(r"(?m)^\s*#.*$", "", text), flags=re.I) is not None


def _answer(engine: Engine, text: str, conn) -> None:  # type: ignore[no-untyped-def]
    try:
        result = engine.query(text)  # no time limit here: the parent kills this process
        conn.send(("ok", result))
    except BaseException as exc:  # noqa: BLE001 - the parent reports it
        conn.send(("error", f"{type(exc).__name__}: {exc}"))


def query_in_child(engine: Engine, text: str, *, timeout: float) -> Result:
    """Run a query in a forked process, killed at ``timeout``: rdflib cannot stop a query, and a
    runaway one would hold the engine's lock (and a core) for every later test."""
    context = mp.get_context("fork")
    parent, child = context.Pipe()
    process = context.Process(target=_answer, args=(engine, text, child), daemon=True)
    process.start()
    try:
        if not parent.poll(timeout):
            pytest.fail(f"{engine.name}: no answer within {timeout:g} s")
        kind, value = parent.recv()
    finally:
        if process.is_alive():
            process.kill()
        process.join()
    if kind == "error":
        pytest.fail(f"{engine.name}: {value}")
    return value


_embedded_rows: dict[str, Rows] = {}


def embedded_rows(engine: OxigraphEngine, name: str) -> Rows:
    if name not in _embedded_rows:
        _embedded_rows[name] = rows_of(engine.query(render(LIBRARY[name]), timeout=QUERY_TIMEOUT))
    return _embedded_rows[name]


def order_keys(text: str) -> list[str]:
    """The variables of a query's last ORDER BY clause."""
    clause = re.split(r"\bORDER\s+BY\b", re.sub(r"(?m)^\s*#.*$", "", text), flags=re.I)[-1]
    return re.findall(r"\?(\w+)", clause.split("LIMIT")[0])


def why_order_may_differ(target: str, text: str, result: Result) -> str | None:
    """Why two correct engines may order this answer differently, or None.

    * An ORDER BY variable holds literals of two datatypes that SPARQL does not compare (a start
      that is an xsd:date here and an xsd:gYear there): their relative order is the engine's choice
      (SPARQL 1.1 §15.1 orders only what ``<`` compares).
    * On Virtuoso, an ORDER BY variable holds language-tagged literals: Virtuoso 7.2 does not order
      those by their text ("… Türkiye in Israel" came before "… in Austria"; ``ORDER BY STR(?label)``
      orders them right).
    """
    keys = [result.variables.index(k) for k in order_keys(text) if k in result.variables]
    for i in keys:
        types = {t.datatype.value for row in result.rows if isinstance(t := row[i], ox.Literal) and not t.language}
        if len(types) > 1:
            return f"?{result.variables[i]} mixes {', '.join(sorted(types))}"
        if target == "virtuoso" and any(isinstance(t := row[i], ox.Literal) and t.language for row in result.rows):
            return f"?{result.variables[i]} holds language-tagged literals"
    return None


def cli_answer(settings: Settings, server: Server, name: str) -> tuple[int, str, Result | None]:
    """``tkg query NAME --endpoint URL`` with no other option (bar the output format): exit code,
    stderr, and the answer parsed from stdout."""
    kind = query_form(render(LIBRARY[name]))
    graph = kind in ("CONSTRUCT", "DESCRIBE")
    result = cli(settings, "query", name, "--endpoint", server.query_url, "-f", "turtle" if graph else "json")
    if result.exit_code != 0:
        return result.exit_code, result.stderr, None
    media = "text/turtle" if graph else "application/sparql-results+json"
    return 0, result.stderr, result_from_remote(kind, result.stdout.encode(), media_type=media)


@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")  # rdflib's own calls
@pytest.mark.filterwarnings("ignore:Dataset.contexts is deprecated:DeprecationWarning")
@pytest.mark.parametrize("target", ENGINES)
@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_library_query_same_on_every_engine(name: str, target: str, engine: OxigraphEngine, built: Settings,
                                            rdflib_engine: RdflibEngine, servers: dict[str, Server]) -> None:
    text = render(LIBRARY[name])
    expected = embedded_rows(engine, name)
    if target == "rdflib":
        result = query_in_child(rdflib_engine, text, timeout=QUERY_TIMEOUT)
    else:
        code, stderr, answer = cli_answer(built, servers[target], name)
        assert code == 0 and answer is not None, stderr
        result = answer
    got = rows_of(result)
    assert Counter(got) == Counter(expected)
    if ordered(text) and got != expected:
        assert why_order_may_differ(target, text, result), f"{name} on {target}: the same rows in another order"


def test_library_is_not_empty() -> None:
    assert sorted(LIBRARY) == sorted(p.stem for p in (ROOT / "queries").glob("*.rq")), "a query failed to load"
    assert {"members_on_date", "diplomats_in_vienna", "qc_event_without_date"} <= set(LIBRARY)


def pushed_counts(built: Settings) -> dict[str, int]:
    """Triples per graph that a push sends: the build's graphs, the union and the description."""
    return {g: len(q) for g, q in dataset_to_send(built_quads(built), UNION_GRAPH).items()}


@pytest.mark.parametrize("target", SERVERS)
def test_pushing_again_keeps_the_counts(target: str, built: Settings, servers: dict[str, Server]) -> None:
    server = servers[target]
    expected = pushed_counts(built)
    assert expected[DATASET_GRAPH] == len(expected) - 2 + 3  # each named graph, the union, a type, a build id
    for gsp in (True, False, True):  # Graph Store PUT, SPARQL Update, PUT again: never duplicates
        result = cli(built, *server.push_args(gsp=gsp))
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        assert re.fullmatch(rf"pushed {sum(expected.values())} triples in {len(expected)} graphs to \S+ "
                            rf"\(\d+ requests, [\d.]+ s\); counts checked at {re.escape(server.query_url)}: "
                            r"all equal\n", result.stdout)
        counted = verify_counts(server.engine(dataset="server"), expected)
        assert counted == expected


def test_the_union_graph_option_is_still_accepted(built: Settings, servers: dict[str, Server]) -> None:
    server = servers["oxigraph-server"]
    result = cli(built, *server.push_args(), "--union-graph", UNION_GRAPH)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("all equal\n")


@pytest.mark.parametrize("target", SERVERS)
def test_queries_see_the_pushed_union_once(target: str, built: Settings, servers: dict[str, Server]) -> None:
    """Five source graphs state Kyrgyzstan's English name: the server's own default graph may
    repeat it (Virtuoso, --union-default-graph); what `tkg query --endpoint` sends does not."""
    text = ("SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/turkic-kg/id/state/KGZ> "
            "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(LANG(?l) = 'en') }")
    result = cli(built, "query", "-e", text, "--endpoint", servers[target].query_url, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "n\n1\n"
    stated = rows_of(servers[target].engine().query(
        "SELECT ?g WHERE { GRAPH ?g { <https://w3id.org/turkic-kg/id/state/KGZ> "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(LANG(?l) = 'en') } }"))
    assert len(stated) > 1  # the positive control: several graphs state it
    as_is = servers[target].engine(dataset="server").query(text).rows[0][0].value
    # the same query sent as it is: a plain Oxigraph server's default graph is empty; the others'
    # is every graph, the union graph included
    assert int(as_is) == (0 if target == "oxigraph-server" else len(stated) + 1)


@pytest.mark.parametrize("target", SERVERS)
def test_blank_nodes_shared_by_graphs_stay_one_node(target: str, engine: OxigraphEngine,
                                                    servers: dict[str, Server]) -> None:
    query = """SELECT ?g1 ?g2 (COUNT(*) AS ?n) WHERE {
        GRAPH ?g1 { ?b ?p ?o } GRAPH ?g2 { ?b ?q ?x } FILTER(isBlank(?b) && STR(?g1) < STR(?g2)) }
        GROUP BY ?g1 ?g2"""
    local = rows_of(engine.query(query))
    assert local, "the build has no blank node shared by two graphs any more: this test needs one"
    remote = rows_of(servers[target].engine().query(query))
    assert Counter(remote) == Counter(local)


def test_a_count_mismatch_names_the_graph_and_both_counts(built: Settings, servers: dict[str, Server]) -> None:
    server = servers["oxigraph-server"]
    quads = built_quads(built)
    victim = sorted(group_by_graph(quads))[-1]
    client = HttpClient()

    def meddle(graph: str, _triples: int) -> None:  # someone writes into the graph meanwhile
        if graph == victim:
            client.send("POST", server.update_url, f"INSERT DATA {{ GRAPH <{temp_name(victim)}> {{ <urn:x> <urn:y> <urn:z> }} }}"
                        .encode(), "application/sparql-update")

    expected = len(group_by_graph(quads)[victim])
    with pytest.raises(CountMismatch) as caught:
        push(quads, endpoint=server.query_url, store=server.store_url, update=server.update_url, on_graph=meddle)
    assert str(caught.value) == f"graph <{victim}>: {expected} triples in the build, {expected + 1} on the server"
    assert caught.value.exit_code == 1
    assert cli(built, *server.push_args()).exit_code == 0  # and a push repairs it


def test_unreachable_endpoint_is_one_line_and_exit_3(built: Settings) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = cli(built, "push", "--endpoint", url, "--store", url)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.startswith(f"tkg: error: {url}: unreachable (")
    assert result.stderr.count("\n") == 1


def test_a_server_that_never_answers_times_out_with_exit_3(built: Settings) -> None:
    with silent_server() as url:
        result = cli(built, "push", "--endpoint", url, "--timeout", "1")
    assert result.exit_code == 3
    assert result.stderr == f"tkg: error: {url}: no answer within the time limit of 1 s\n"


def test_graph_store_client_times_out_too() -> None:
    with silent_server() as url, pytest.raises(QueryTimeout, match="no answer within the time limit of 0.5 s"):
        HttpClient(timeout=0.5).send("PUT", f"{url}?graph=urn:g", b"", "application/n-triples")


def test_a_refusing_server_is_an_endpoint_error(servers: dict[str, Server]) -> None:
    server = servers["virtuoso"]  # no credentials: the authenticated Graph Store refuses
    with pytest.raises(EndpointError, match=r"sparql-graph-crud-auth: HTTP 401 Unauthorized"):
        HttpClient().send("PUT", f"{server.store_url}?graph=urn:g", b"", "application/n-triples")
