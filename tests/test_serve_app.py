"""``tkg serve`` in-process (Starlette's test client; real worker processes): negotiation, the
read-only guard, entity pages, search, the ontology, escaping, and the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from graph.errors import QuerySyntaxError
from graph.server import ServeSettings, create_app
from graph.server.guard import check_no_service, is_update, service_iris, QueryRefused
from graph.server.negotiation import negotiate
from graph.settings import Settings, load_settings

from .helpers import tkg
from .serve_support import write_store_build
from .viz_fixtures import TRIG

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"
XSS_TRIG = TRIG.replace('graph:inferred {', f'''graph:xss {{
  state:XSS a tkg:State ; skos:prefLabel "{IMG}"@en ; skos:altLabel "{SCRIPT}"@ky ; tkg:isoCode "{SCRIPT}" .
  event:xss a tkg:Meeting ; skos:prefLabel "{SCRIPT}"@en ; tkg:host state:XSS .
}}
graph:inferred {{''')


@pytest.mark.parametrize(("accept", "results", "graph"), [
    (None, "application/sparql-results+json", "text/turtle"),
    ("*/*", "application/sparql-results+json", "text/turtle"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml", None),
    ("application/sparql-results+json;q=0.2, text/tab-separated-values;q=0.9", "text/tab-separated-values", None),
    ("text/csv, */*;q=0.1", "text/csv", "text/turtle"),
    ("application/ld+json;q=0.9, text/turtle;q=0.8", None, "application/ld+json"),
    ("application/n-triples, application/rdf+xml;q=0.5", None, "application/n-triples"),
    ("application/rdf+xml", None, "application/rdf+xml"),
    ("application/json", "application/json", None),
    ("text/csv;q=0, */*;q=0.1", "application/sparql-results+json", "text/turtle"),
    ("image/png", None, None),
])
def test_negotiation(accept: str | None, results: str | None, graph: str | None) -> None:
    choice = negotiate(accept)
    assert (choice.results.mime if choice.results else None) == results
    assert (choice.graph.mime if choice.graph else None) == graph


def test_guard_finds_service_in_the_parsed_query() -> None:
    assert service_iris("SELECT * { ?s ?p ?o }") == []
    assert service_iris('SELECT * { ?s <urn:service> "SERVICE <http://x/>" }') == []
    nested = "SELECT * { ?a ?b ?c OPTIONAL { { SELECT * { SERVICE SILENT <http://e.org/q> { ?s ?p ?o } } } } }"
    assert service_iris(nested) == ["http://e.org/q"]
    assert service_iris(r"SELECT * { \u0053ERVICE <http://e.org/q> { ?s ?p ?o } }") == ["http://e.org/q"]
    with pytest.raises(QueryRefused, match="SERVICE is not allowed"):
        check_no_service("select * { service ?where { ?s ?p ?o } }")
    with pytest.raises(QuerySyntaxError):
        check_no_service("SELECT * { SERVICE <x:y> { ?s ?p } }")
    assert is_update("DELETE WHERE { ?s ?p ?o }") and is_update("CLEAR ALL") and not is_update("ASK {}")


@pytest.fixture(scope="module")
def fixture_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = Path(__file__).resolve().parent.parent
    build_dir = write_store_build(tmp_path_factory.mktemp("serve") / "build", XSS_TRIG)
    return load_settings(root=root, build_dir=build_dir)


@pytest.fixture(scope="module")
def client(fixture_settings: Settings) -> Iterator[TestClient]:
    app = create_app(fixture_settings, ServeSettings(workers=2, timeout=10.0), warm=False)
    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
        yield c


def test_select_in_every_result_format(client: TestClient) -> None:
    q = {"query": "SELECT ?code WHERE { state:KGZ tkg:isoCode ?code }"}
    r = client.get("/sparql", params=q, headers={"Accept": "text/csv"})
    assert (r.status_code, r.headers["content-type"], r.text) == (200, "text/csv; charset=utf-8", "code\r\nKGZ\r\n")
    r = client.get("/sparql", params=q, headers={"Accept": "text/tab-separated-values"})
    assert r.text == '?code\n"KGZ"\n'
    r = client.post("/sparql", data=q, headers={"Accept": "application/sparql-results+json"})
    assert r.json()["results"]["bindings"] == [{"code": {"type": "literal", "value": "KGZ"}}]
    r = client.post("/sparql", content=q["query"], headers={"Content-Type": "application/sparql-query",
                                                             "Accept": "application/sparql-results+xml"})
    assert r.headers["content-type"] == "application/sparql-results+xml; charset=utf-8"
    assert "<literal>KGZ</literal>" in r.text


def test_dataset_parameters(client: TestClient) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    graph = "https://w3id.org/turkic-kg/id/graph/xss"
    r = client.get("/sparql", params={"query": count, "default-graph-uri": graph}, headers={"Accept": "text/csv"})
    assert r.text == "n\r\n7\r\n"
    named = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    r = client.post("/sparql", data={"query": named, "named-graph-uri": graph}, headers={"Accept": "text/csv"})
    assert r.text == f"g\r\n{graph}\r\n"


def test_refusals_are_one_line(client: TestClient) -> None:
    cases = [
        (client.post("/sparql", data={"update": "INSERT DATA { <a:b> <a:b> <a:b> }"}), 403, "read-only"),
        (client.post("/sparql", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"}), 403, "read-only"),
        (client.get("/sparql", params={"query": "LOAD <http://example.org/x.ttl>"}), 403, "read-only"),
        (client.get("/sparql", params={"query": "SELECT * { SERVICE <http://example.org/q> { ?s ?p ?o } }"}), 403, "SERVICE"),
        (client.put("/store?default", content="<a:b> <a:b> <a:b> .", headers={"Content-Type": "text/turtle"}), 403, "read-only"),
        (client.delete("/sparql"), 403, "read-only"),
        (client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"}), 400, "1:"),
        (client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"}, headers={"Accept": "image/png"}), 406, "accepted"),
        (client.post("/sparql", content="x", headers={"Content-Type": "text/plain"}), 415, "unsupported"),
        (client.get("/entity/state/NOPE"), 404, "no entity"),
    ]
    for response, status, words in cases:
        assert response.status_code == status, response.text
        assert words in response.text
        assert response.text.count("\n") == 1 and "Traceback" not in response.text


def test_service_description(client: TestClient) -> None:
    import pyoxigraph as ox

    r = client.get("/sparql")
    assert r.headers["content-type"] == "text/turtle; charset=utf-8"
    triples = {(t.subject.value, t.predicate.value, t.object.value) for t in ox.parse(r.content, format=ox.RdfFormat.TURTLE)}
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoint = "http://127.0.0.1:8000/sparql"
    assert (endpoint, sd + "endpoint", endpoint) in triples
    assert (endpoint, sd + "supportedLanguage", sd + "SPARQL11Query") in triples
    r = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert r.headers["content-type"] == "application/ld+json; charset=utf-8" and r.json()


def test_entity_page_names_facts_sources_and_escaping(client: TestClient) -> None:
    r = client.get("/entity/state/KGZ")
    assert r.status_code == 200
    html = r.text
    assert "<td>ky</td><td>preferred</td><td lang=\"ky\">Кыргыз Республикасы</td>" in html
    assert "<td>en</td><td>alternative</td><td lang=\"en\">Kyrgyzstan</td>" in html
    assert '<a href="https://example.org/article" rel="noreferrer noopener">A test article</a> <span class="muted">(2024-05-02)</span>' in html
    assert '<a href="/entity/org/ots">Organization of Turkic States</a>' in html
    assert 'src="/graph/entity/state/KGZ?hops=1"' in html
    xss = client.get("/entity/state/XSS").text
    assert IMG not in xss and SCRIPT not in xss
    assert "&lt;img src=x onerror=alert(1)&gt;" in xss and "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in xss


def test_search_finds_any_spelling(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Aiana Test"}).text
    assert '<a href="/entity/person/ayana-test">Ayana Test</a>' in html
    html = client.get("/search", params={"q": "Кыргыз Республикасы"}).text
    assert '<a href="/entity/state/KGZ">Kyrgyz Republic</a>' in html
    html = client.get("/search", params={"q": IMG}).text
    assert IMG not in html and "&lt;img" in html


def test_network_views(client: TestClient) -> None:
    r = client.get("/graph/entity/state/KGZ")
    assert r.status_code == 200 and "Kyrgyz Republic (1 hop)" in r.text and "vis.Network" in r.text
    q = "SELECT ?source ?target WHERE { ?source tkg:sendingState ?target }"
    r = client.get("/graph/query", params={"query": q})
    assert r.status_code == 200 and "1 entities" not in r.text and "2 entities, 1 relations" in r.text
    r = client.get("/graph/query", params={"query": "SELECT ?x WHERE { ?x ?p ?o } LIMIT 1"})
    assert r.status_code == 400 and "?source and ?target" in r.text


def test_query_page_lists_the_library(client: TestClient) -> None:
    html = client.get("/").text
    assert '<script src="/static/yasgui/yasgui.min.js"></script>' in html
    assert '"name": "diplomats_in_vienna"' in html
    assert client.get("/static/yasgui/yasgui.min.js").status_code == 200
    assert "MIT" in client.get("/static/yasgui/LICENSE.txt").text


def test_ontology_page(built: Settings) -> None:
    app = create_app(built, ServeSettings(workers=1), warm=False)
    with TestClient(app, raise_server_exceptions=False) as c:
        html = c.get("/ontology").text
    assert '<article class="term" id="Embassy">' in html
    assert '<dt>Subclass of</dt><dd><a href="#DiplomaticMission">Diplomatic mission</a></dd>' in html
    assert ('<li><a href="#Consulate">Consulate</a><ul class="tree">\n  <li><a href="#ConsulateGeneral">Consulate general</a>'
            '</li>\n</ul>\n</li>') in html
    assert '<li><a href="#DiplomaticMission">Diplomatic mission</a><ul class="tree">\n  <li><a href="#Nunciature">' in html


def test_cli_help_and_missing_build(tmp_path: Path) -> None:
    result = tkg("serve", "--help")
    assert result.exit_code == 0
    for option in ("--host", "--port", "--timeout", "--workers", "--max-bytes"):
        assert option in result.output
    result = tkg("--build-dir", str(tmp_path / "nothing"), "serve", "--port", "0")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == f"tkg: error: {tmp_path / 'nothing' / 'store'}: no built store; run `tkg build` first"


def test_views_and_paths_that_leave_their_folder(client: TestClient, fixture_settings: Settings) -> None:
    r = client.get("/views/")  # no views written: the overview drawn on demand
    assert r.status_code == 200 and "Overview" in r.text and "(drawn on demand)" in r.text
    fixture_settings.views_dir.mkdir(exist_ok=True)
    (fixture_settings.views_dir / "a.html").write_text("<p>view</p>", encoding="utf-8")
    assert client.get("/views/a.html").text == "<p>view</p>"
    assert client.get("/views/..%2fstore%2fCURRENT").status_code == 404
    r = client.get("/entity/state/KGZ%3E%20%3Fp%20%3Fo%20%7D")
    assert (r.status_code, r.text) == (400, "not an entity path: 'state/KGZ> ?p ?o }'\n")


RUNAWAY_LIBRARY = ("# title: Runaway\n# description: A cross join that runs for minutes.\n# timeout: 0.5\n"
                   "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p . ?q ?r ?s ."
                   " ?t ?u ?v . ?w ?x ?y . ?z ?a2 ?b2 . ?c2 ?d2 ?e2 . ?f2 ?g2 ?h2 }\n")


def test_a_library_query_sent_as_is_gets_its_own_limit(fixture_settings: Settings, tmp_path: Path) -> None:
    """Without --timeout, the exact text of a library query with '# timeout:' runs under that limit;
    other text (even the same query with a comment added) under the server's; --timeout wins."""
    from dataclasses import replace

    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "runaway.rq").write_text(RUNAWAY_LIBRARY, encoding="utf-8")
    settings = replace(fixture_settings, root=tmp_path)
    for serve, query, limit in ((ServeSettings(workers=1, timeout=1.5), RUNAWAY_LIBRARY.replace("\n", "\r\n"), 0.5),
                                (ServeSettings(workers=1, timeout=1.5), "# x\n" + RUNAWAY_LIBRARY, 1.5),
                                (ServeSettings(workers=1, timeout=1.0, timeout_given=True), RUNAWAY_LIBRARY, 1.0)):
        app = create_app(settings, serve, warm=False)
        with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
            r = c.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
        assert (r.status_code, r.text) == (503, f"the query ran longer than its time limit of {limit:g} s and was stopped\n")
