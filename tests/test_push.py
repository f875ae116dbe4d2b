"""``graph.push`` without a server: grouping, the SPARQL Update requests (applied to an in-memory
pyoxigraph store), the union graph, the dataset description, loading under temporary names and
moving into place, and the command's errors."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.errors import InputError
from graph.export import built_quads
from graph.push import (
    TEMP_PREFIX, CountMismatch, GraphCount, PushReport, _renamed, blank_node_groups, build_id, count_query,
    dataset_to_send, group_by_graph, move_request, ntriples, update_requests, with_union,
)
from graph.results import term_key
from graph.settings import DATASET_GRAPH, UNION_GRAPH, Settings

from .helpers import tkg

N = ox.NamedNode
P = N("urn:p")


def quad(s, o, g):  # type: ignore[no-untyped-def]
    return ox.Quad(s, P, o, N(g))


def apply(requests: list[str], store: ox.Store | None = None) -> ox.Store:
    store = store or ox.Store()
    for text in requests:
        store.update(text)
    return store


def canonical(store: ox.Store) -> list[tuple[str, str, str, str]]:
    """Quads with blank nodes named by what they are linked to (enough for these small cases)."""
    quads = list(store.quads_for_pattern(None, None, None, None))
    names = {}
    for q in sorted(quads, key=lambda q: (str(q.graph_name), str(q.predicate), str(q.object))):
        if isinstance(q.subject, ox.BlankNode):
            names.setdefault(q.subject.value, f"_:n{len(names)}")
    key = lambda t: names.get(t.value, "_:?") if isinstance(t, ox.BlankNode) else str(t)  # noqa: E731
    return sorted((key(q.subject), str(q.predicate), key(q.object), str(q.graph_name)) for q in quads)


def test_update_requests_replace_graphs_and_keep_shared_blank_nodes() -> None:
    b = ox.BlankNode("usage")
    quads = [quad(N("urn:s"), ox.Literal("plain"), "urn:a"),
             quad(b, ox.Literal("Nur-Sultan", language="en"), "urn:a"),
             quad(N("urn:astana"), b, "urn:a"),
             quad(b, N("urn:Entity"), "urn:inferred")]
    by_graph = group_by_graph(quads)
    assert blank_node_groups(by_graph) == [["urn:a", "urn:inferred"]]
    store = apply(list(update_requests(by_graph)))
    # the inferred graph's statement is about the very node of graph a
    joined = list(store.query("SELECT ?n WHERE { GRAPH <urn:a> { ?b <urn:p> ?n FILTER(isLiteral(?n)) } "
                              "GRAPH <urn:inferred> { ?b <urn:p> <urn:Entity> } }"))
    assert [s["n"] for s in joined] == [ox.Literal("Nur-Sultan", language="en")]
    assert len(store) == 4
    # pushing again replaces: nothing doubles
    apply(list(update_requests(by_graph)), store)
    assert len(store) == 4
    assert canonical(store) == canonical(apply(list(update_requests(by_graph))))


def test_chunks_keep_every_blank_node_in_one_request() -> None:
    nodes = [ox.BlankNode(f"n{i}") for i in range(10)]
    quads = [quad(n, ox.Literal(str(k)), "urn:g") for n in nodes for k in range(3)]
    quads += [quad(N(f"urn:s{i}"), ox.Literal("x"), "urn:g") for i in range(25)]
    requests = list(update_requests(group_by_graph(quads), chunk_size=4))
    assert requests[0] == "DROP SILENT GRAPH <urn:g>"
    for text in requests[1:]:
        assert text.count("\n") - 3 <= 4 or "_:" in text
    store = apply(requests)
    assert len(store) == len(quads)
    counts = [s["n"].value for s in store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?b <urn:p> ?o FILTER(isBlank(?b)) } } GROUP BY ?b")]
    assert counts == ["3"] * 10


def test_literals_survive_the_round_trip() -> None:
    tricky = [ox.Literal('say "hi"\nand \\ go', language="kk-Cyrl"), ox.Literal("Türkiye", language="tr"),
              ox.Literal("10.40", datatype=N("http://www.w3.org/2001/XMLSchema#decimal")),
              ox.Literal("2019", datatype=N("http://www.w3.org/2001/XMLSchema#gYear"))]
    quads = [quad(N(f"urn:s{i}"), lit, "urn:g") for i, lit in enumerate(tricky)]
    store = apply(list(update_requests(group_by_graph(quads))))
    # numbers compare by value: a SPARQL parser may keep "10.40"^^xsd:decimal as "10.4"
    key = lambda q: (str(q.subject), term_key(q.object))  # noqa: E731
    assert sorted(map(key, store.quads_for_pattern(None, None, None, None))) == sorted(map(key, quads))
    assert sorted(map(str, ox.parse(ntriples(quads), format=ox.RdfFormat.N_TRIPLES))) == sorted(
        str(q.triple) for q in quads)


def test_union_graph_holds_each_triple_once() -> None:
    quads = [quad(N("urn:s"), N("urn:o"), "urn:a"), quad(N("urn:s"), N("urn:o"), "urn:b")]
    by_graph = with_union(group_by_graph(quads), "urn:all")
    assert {g: len(q) for g, q in by_graph.items()} == {"urn:a": 1, "urn:all": 1, "urn:b": 1}
    with pytest.raises(InputError, match="already a graph"):
        with_union(by_graph, "urn:a")


def test_default_graph_triples_are_refused() -> None:
    with pytest.raises(InputError, match="outside any named graph"):
        group_by_graph([ox.Quad(N("urn:s"), P, N("urn:o"), ox.DefaultGraph())])


def test_report_and_mismatch_lines() -> None:
    report = PushReport("http://h/sparql", "http://h/store", [GraphCount("urn:a", 2, 2), GraphCount("urn:b", 3, 4)])
    assert [g.graph for g in report.mismatches] == ["urn:b"]
    assert report.line().endswith("counts checked at http://h/sparql: 1 differ")
    assert CountMismatch("x").exit_code == 1
    assert count_query("urn:a") == "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:a> { ?s ?p ?o } }"


def test_every_build_graph_round_trips_through_updates(built: Settings) -> None:
    quads = built_quads(built)
    by_graph = group_by_graph(quads)
    store = apply(list(update_requests(by_graph)))
    for graph, expected in by_graph.items():
        assert len(list(store.quads_for_pattern(None, None, None, N(graph)))) == len(expected), graph


def test_push_without_a_build_is_exit_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = tkg("--build-dir", str(tmp_path / "none"), "push", "--endpoint", "http://127.0.0.1:9/sparql")
    assert result.exit_code == 2
    assert result.stderr == f"tkg: error: {tmp_path / 'none' / 'dataset.nq'}: no built dataset; run `tkg build` first\n"


def test_what_a_push_sends_the_union_and_the_description_last() -> None:
    quads = [quad(N("urn:s"), N("urn:o"), "urn:a"), quad(N("urn:s"), N("urn:o"), "urn:b"),
             quad(N("urn:t"), N("urn:o"), "urn:b")]
    sent = dataset_to_send(quads, UNION_GRAPH)
    assert list(sent)[-1] == DATASET_GRAPH  # moved into place last: a reader sees it only when all is in
    assert {g: len(q) for g, q in sent.items()} == {"urn:a": 1, "urn:b": 2, UNION_GRAPH: 2, DATASET_GRAPH: 5}
    store = ox.Store()
    store.extend(sent[DATASET_GRAPH])
    sd = "http://www.w3.org/ns/sparql-service-description#"
    rows = store.query(f"SELECT ?u ?g WHERE {{ GRAPH <{DATASET_GRAPH}> {{ ?d a <{sd}Dataset> ; <{sd}defaultGraph> ?u ; "
                       f"<{sd}namedGraph> ?g }} }} ORDER BY ?g")
    assert [(r["u"].value, r["g"].value) for r in rows] == [(UNION_GRAPH, "urn:a"), (UNION_GRAPH, "urn:b")]
    assert build_id(group_by_graph(quads)) == build_id(group_by_graph(list(reversed(quads))))
    assert build_id(group_by_graph(quads)) != build_id(group_by_graph(quads[:2]))


def test_temporary_graphs_moved_into_place_replace_the_old_and_keep_blank_nodes_shared() -> None:
    b = ox.BlankNode("usage")
    quads = [quad(b, ox.Literal("Nur-Sultan", language="en"), "urn:a"), quad(N("urn:astana"), b, "urn:a"),
             quad(b, N("urn:Entity"), "urn:inferred")]
    by_graph = group_by_graph(quads)
    store = apply([f"INSERT DATA {{ GRAPH <urn:a> {{ <urn:old> <urn:p> <urn:old> }} }}"])
    apply(list(update_requests(_renamed(by_graph))), store)
    assert ox.Quad(N("urn:old"), P, N("urn:old"), N("urn:a")) in store  # the old copy stays until the move
    store.update(move_request(by_graph))
    assert canonical(store) == canonical(apply(list(update_requests(by_graph))))
    assert not any(q.graph_name.value.startswith(TEMP_PREFIX) for q in store)
