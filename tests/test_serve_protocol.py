"""``tkg serve`` as a real process, called by SPARQLWrapper and curl: the SPARQL 1.1 Protocol's
three forms, content negotiation with q-values, refusals, errors as one line, the same answers as
the embedded store for every library query."""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import GET, JSON, POST, POSTDIRECTLY, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph.library import load_library, render
from graph.results import result_from_remote
from graph.settings import Settings
from graph.store import OxigraphEngine

from .serve_support import Served, tkg_serve

DIPLOMATS = "diplomats_in_vienna"


@pytest.fixture(scope="module")
def served(built: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with tkg_serve(built, tmp_path_factory.mktemp("serve-logs"), workers=3, timeout=10) as s:
        yield s


def curl(*args: str) -> tuple[int, str, str]:
    """Status, content type and body of one curl call."""
    out = subprocess.run(["curl", "-s", "-w", "\n%{http_code} %{content_type}", *args],
                         capture_output=True, text=True, check=True, timeout=60).stdout
    body, _, tail = out.rpartition("\n")
    status, _, ctype = tail.partition(" ")
    return int(status), ctype, body


def wrapper(served: Served, query: str, *, method: str, request: str = URLENCODED) -> SPARQLWrapper:
    w = SPARQLWrapper(served.sparql, agent="turkic-kg tests")
    w.setQuery(query)
    w.setMethod(method)
    w.setRequestMethod(request)
    w.setReturnFormat(JSON)
    return w


def rows(data: dict) -> Counter:
    return Counter(tuple(sorted((k, v["value"]) for k, v in b.items())) for b in data["results"]["bindings"])


@pytest.mark.parametrize(("method", "request_method"), [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_sparqlwrapper_every_protocol_form(served: Served, built: Settings, engine: OxigraphEngine,
                                           method: str, request_method: str) -> None:
    q = render(load_library(built.queries_dir)[DIPLOMATS])
    data = wrapper(served, q, method=method, request=request_method).queryAndConvert()
    expected = engine.query(q).dicts()
    assert rows(data) == Counter(tuple(sorted((k, str(v)) for k, v in r.items() if v is not None)) for r in expected)
    assert len(data["results"]["bindings"]) == len(expected) > 0


def test_every_library_query_gives_the_embedded_answer(served: Served, built: Settings, engine: OxigraphEngine) -> None:
    for name, q in load_library(built.queries_dir).items():
        text = render(q)
        graph = q.kind in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph else "application/sparql-results+json"
        status, ctype, body = curl("-H", f"Accept: {accept}", "--data-urlencode", f"query={text}", served.sparql)
        assert (name, status, ctype.split(";")[0]) == (name, 200, accept)
        got = result_from_remote(q.kind, body.encode("utf-8"))
        want = engine.query(text)
        if graph:
            assert Counter(map(str, got.triples)) == Counter(map(str, want.triples)), name
        elif got.kind == "ask":
            assert got.boolean == want.boolean, name
        else:
            assert Counter(got.rows) == Counter(want.rows), name


@pytest.mark.parametrize(("accept", "ctype", "first"), [
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml", '<?xml version="1.0"?>'),
    ("application/sparql-results+json;q=0.2, text/tab-separated-values;q=0.9", "text/tab-separated-values",
     "?personLabel\t?roleLabel\t?senderLabel\t?accreditedToLabel\t?latest"),
    ("text/csv, */*;q=0.1", "text/csv", "personLabel,roleLabel,senderLabel,accreditedToLabel,latest"),
    ("*/*", "application/sparql-results+json", '{"head":{"vars":["personLabel","roleLabel","senderLabel","accreditedToLabel","latest"]}'),
])
def test_curl_select_negotiation(served: Served, built: Settings, accept: str, ctype: str, first: str) -> None:
    q = render(load_library(built.queries_dir)[DIPLOMATS])
    status, got, body = curl("-G", "-H", f"Accept: {accept}", "--data-urlencode", f"query={q}", served.sparql)
    assert (status, got) == (200, f"{ctype}; charset=utf-8")
    assert body.startswith(first)


@pytest.mark.parametrize(("accept", "ctype"), [
    ("application/ld+json;q=0.9, text/turtle;q=0.8", "application/ld+json"),
    ("text/turtle;q=0.3, application/n-triples;q=0.7, application/rdf+xml;q=0.5", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("application/sparql-results+json;q=0.9, text/*;q=0.5", "text/turtle"),
])
def test_curl_construct_negotiation(served: Served, built: Settings, accept: str, ctype: str) -> None:
    name = "neighbourhood"
    q = render(load_library(built.queries_dir)[name])
    status, got, body = curl("-H", f"Accept: {accept}", "-H", "Content-Type: application/sparql-query",
                             "--data-binary", q, served.sparql)
    assert (status, got) == (200, f"{ctype}; charset=utf-8")
    fmt = {"application/ld+json": ox.RdfFormat.JSON_LD, "application/n-triples": ox.RdfFormat.N_TRIPLES,
           "application/rdf+xml": ox.RdfFormat.RDF_XML, "text/turtle": ox.RdfFormat.TURTLE}[ctype]
    triples = {str(t.triple) for t in ox.parse(body.encode("utf-8"), format=fmt)}
    expected = Path(built.queries_dir / f"{name}.expected.nt").read_text(encoding="utf-8")
    want = {str(t.triple) for t in ox.parse(expected.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)}
    assert triples == want


def test_refusals_and_errors_are_one_line(served: Served) -> None:
    cases = [
        (curl("--data-urlencode", "update=INSERT DATA { <a:b> <a:b> <a:b> }", served.sparql), 403),
        (curl("-H", "Content-Type: application/sparql-update", "--data-binary", "DROP ALL", served.sparql), 403),
        (curl("--data-urlencode", "query=LOAD <http://example.org/data.ttl>", served.sparql), 403),
        (curl("-G", "--data-urlencode", "query=SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", served.sparql), 403),
        (curl("-X", "PUT", "-H", "Content-Type: text/turtle", "--data-binary", "<a:b> <a:b> <a:b> .", f"{served.base}/store?default"), 403),
        (curl("-X", "POST", "-H", "Content-Type: text/turtle", "--data-binary", "<a:b> <a:b> <a:b> .", f"{served.base}/store?default"), 403),
        (curl("-X", "DELETE", f"{served.base}/store?graph=urn:x"), 403),
        (curl("-G", "--data-urlencode", "query=SELECT * WHERE { ?s ?p }", served.sparql), 400),
        (curl("-G", "-H", "Accept: image/png", "--data-urlencode", "query=ASK {}", served.sparql), 406),
    ]
    for (status, ctype, body), want in cases:
        assert status == want, body
        assert ctype == "text/plain; charset=utf-8"
        assert body.count("\n") == 1 and "Traceback" not in body and len(body) < 600


def test_sparqlwrapper_sees_a_syntax_error_as_400(served: Served) -> None:
    with pytest.raises(QueryBadFormed):
        wrapper(served, "SELECT * WHERE { ?s ?p }", method=GET).query()


def test_graph_store_read_and_service_description(served: Served) -> None:
    status, ctype, body = curl("-H", "Accept: application/n-triples",
                               f"{served.base}/store?graph=https://w3id.org/turkic-kg/id/graph/ontology")
    assert (status, ctype) == (200, "application/n-triples; charset=utf-8")
    assert '<https://w3id.org/turkic-kg/ontology#Embassy> <http://www.w3.org/2000/01/rdf-schema#label> "Embassy"@en .' in body
    status, ctype, body = curl(served.sparql)
    assert (status, ctype) == (200, "text/turtle; charset=utf-8")
    assert f"<{served.sparql}> a sd:Service" in body
    status, ctype, body = curl("-H", "Accept: application/ld+json", served.sparql)
    assert (status, ctype) == (200, "application/ld+json; charset=utf-8")
    triples = {str(t.triple) for t in ox.parse(body.encode("utf-8"), format=ox.RdfFormat.JSON_LD)}
    assert f"<{served.sparql}> <http://www.w3.org/ns/sparql-service-description#endpoint> <{served.sparql}>" in triples
