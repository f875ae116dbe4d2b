"""Views at the Python level: the entity graph, the pyvis network, the HTML page, the index, the CLI.

Exact counts are asserted on the fixture of ``viz_fixtures`` (and on small graphs built here);
on the repository's data, which keeps growing, only invariants are checked.
"""

from __future__ import annotations

import datetime
import html
import json
import os
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from .viz_fixtures import (
    AUT, AYANA, BOLOT, EDGES, EMBASSY, HUN, KGZ, MEETING, NODES, OTS, POST, PREFIXES, edge_list, fixture_engine,
    write_fixture_build,
)

from graph.cli import main
from graph.errors import EntityNotFound, InputError
from graph.viz.html import generate_html, write_view
from graph.viz.index import ViewEntry, read_manifest, record_views, write_index
from graph.viz.model import entity_model, graph_model, neighbourhood, path_model, query_model, resolve_entity
from graph.viz.network import build_network, node_id
from graph.viz.style import CLASS_STYLES
from graph.viz.views import overview_view, write_views

ROOT = Path(__file__).resolve().parent.parent
D = datetime.date


@pytest.fixture(scope="module")
def fx():  # type: ignore[no-untyped-def]
    return fixture_engine()


@pytest.fixture(scope="module")
def G(fx):  # type: ignore[no-untyped-def]
    return graph_model(fx)


# ---------------------------------------------------------------- the entity graph


def test_model_nodes_and_edges_exact(G: nx.MultiDiGraph) -> None:
    assert sorted(G.nodes) == NODES
    assert edge_list(G) == EDGES


def test_model_most_specific_class_and_labels(G: nx.MultiDiGraph) -> None:
    assert G.nodes[EMBASSY]["cls"] == "Embassy"  # not DiplomaticMission, also a type of it
    assert G.nodes[EMBASSY]["class_label"] == "Embassy"
    assert G.nodes[OTS]["cls"] == "InternationalOrganization"
    assert G.nodes[KGZ]["label"] == "Kyrgyz Republic"
    assert G.nodes[KGZ]["names"] == ["Kyrgyz Republic", "Kyrgyzstan", "Кыргыз Республикасы"]
    assert G.nodes[KGZ]["facts"] == [("ISO code", "KGZ")]
    assert G.nodes[POST]["facts"] == [("role", "Ambassador")]
    assert G.nodes[KGZ]["sources"] == ["A test article (2024-05-02) https://example.org/article"]


def test_model_nary_nodes_become_edges_with_facts(G: nx.MultiDiGraph) -> None:
    tenure = G.edges[AYANA, POST, "https://w3id.org/turkic-kg/id/tenure/ayana-test--ambassador-kgz-aut"]
    assert tenure["kind"] == "tenure"
    assert tenure["facts"] == [("end date", "2022"), ("start date", "2019")]
    assert tenure["sources"] == ["A test article (2024-05-02) https://example.org/article"]
    speaker = G.edges[BOLOT, MEETING, "https://w3id.org/turkic-kg/id/participation/meeting-2024--bolot-test"]
    assert speaker["facts"] == [("in capacity of", "Ambassador of Kyrgyzstan to Austria"),
                                ("participation role", "Speaker")]
    # Inferred inverses (org:heldBy, org:holds) never duplicate edges; n-ary nodes are not nodes.
    assert not any("tenure/" in n or "membership/" in n or "source/" in n or "role/" in n for n in G)


def test_model_language_chain() -> None:
    G = graph_model(fixture_engine(), langs=["ky", "de"])
    assert G.nodes[KGZ]["label"] == "Кыргыз Республикасы"
    assert G.nodes[AUT]["label"] == "Österreich"
    assert G.nodes[HUN]["label"] == "Hungary"  # falls back to English
    T = graph_model(fixture_engine(), langs=["tr"])
    assert ("https://w3id.org/turkic-kg/id/event/meeting-2024", "ev sahibi", AUT) in edge_list(T)


@pytest.mark.parametrize(("day", "expected_nodes", "expected_edges"), [
    (D(2021, 6, 1), NODES, [e for e in EDGES if e != (BOLOT, "holds", POST)]),
    # Ayana's tenure ended in 2022: she had no other relation, so she goes too.
    (D(2024, 6, 1), [n for n in NODES if n != AYANA], [e for e in EDGES if e != (AYANA, "holds", POST)]),
    # Before every tenure and membership: the post goes, and so do the entities left without relations.
    (D(2005, 1, 1), sorted([KGZ, AUT, HUN, EMBASSY, BOLOT, MEETING]),
     sorted([(EMBASSY, "sending state", KGZ), (EMBASSY, "accredited to", AUT), (MEETING, "host", AUT),
             (BOLOT, "speaker", MEETING)])),
])
def test_model_as_of(fx, day, expected_nodes, expected_edges) -> None:  # type: ignore[no-untyped-def]
    G = graph_model(fx, as_of=day)
    assert sorted(G.nodes) == expected_nodes
    assert edge_list(G) == expected_edges
    assert G.graph["as_of"] == day.isoformat()


def test_neighbourhood_hops(G: nx.MultiDiGraph) -> None:
    assert sorted(neighbourhood(G, KGZ, hops=0)) == [KGZ]
    assert sorted(neighbourhood(G, KGZ, hops=1)) == sorted([KGZ, EMBASSY, OTS])
    assert sorted(neighbourhood(G, KGZ, hops=2)) == sorted([KGZ, EMBASSY, OTS, AUT, POST])
    with pytest.raises(EntityNotFound):
        neighbourhood(G, "https://example.org/nothing")


@pytest.mark.parametrize("name", ["Kyrgyzstan", "kyrgyz republic", "Кыргыз Республикасы", "state:KGZ",
                                  "https://w3id.org/turkic-kg/id/state/KGZ", "Kyrgyzstn"])
def test_resolve_entity_by_any_name(fx, G, name) -> None:  # type: ignore[no-untyped-def]
    assert resolve_entity(fx, name, G) == KGZ


def test_resolve_entity_unknown(fx, G) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(EntityNotFound, match="no entity named 'Atlantis'"):
        resolve_entity(fx, "Atlantis", G)


def test_path_model_labels_every_edge(G: nx.MultiDiGraph) -> None:
    H = path_model(G, AYANA, AUT)
    assert edge_list(H) == sorted([(AYANA, "holds", POST), (POST, "post in", EMBASSY),
                                   (EMBASSY, "accredited to", AUT)])
    assert H.graph["kind"] == "path"


def test_query_model_construct(fx) -> None:  # type: ignore[no-untyped-def]
    r = fx.query("PREFIX tkg: <https://w3id.org/turkic-kg/ontology#> "
                 "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s a tkg:Embassy ; ?p ?o } }")
    Q = query_model(fx, r)
    assert sorted(Q.nodes) == sorted([EMBASSY, KGZ, AUT])
    assert edge_list(Q) == sorted([(EMBASSY, "sending state", KGZ), (EMBASSY, "accredited to", AUT)])
    assert Q.nodes[EMBASSY]["cls"] == "Embassy"
    assert Q.nodes[KGZ]["label"] == "Kyrgyz Republic"  # looked up in the engine


def test_query_model_select_source_target(fx) -> None:  # type: ignore[no-untyped-def]
    r = fx.query("PREFIX org: <http://www.w3.org/ns/org#> PREFIX tkg: <https://w3id.org/turkic-kg/ontology#> "
                 "SELECT ?source ?target ?edgeLabel ?targetLabel WHERE { ?t a tkg:Tenure ; org:member ?source ; "
                 "tkg:post ?target . BIND(\"held\" AS ?edgeLabel) BIND(\"The post\" AS ?targetLabel) }")
    Q = query_model(fx, r)
    assert edge_list(Q) == sorted([(AYANA, "held", POST), (BOLOT, "held", POST)])
    assert Q.nodes[POST]["label"] == "The post"
    assert Q.nodes[AYANA]["label"] == "Ayana Test"


def test_query_model_select_literal_ends() -> None:
    from graph.results import Result

    r = Result("select", variables=["source", "target"], rows=[(ox.Literal("a"), ox.Literal("b"))])
    Q = query_model(None, r)
    assert sorted((Q.nodes[u]["label"], Q.nodes[v]["label"]) for u, v in Q.edges()) == [("a", "b")]


def test_query_model_refuses_other_shapes(fx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=r"needs \?source and \?target columns \(missing: \?target\)"):
        query_model(fx, fx.query("SELECT ?source WHERE { ?source ?p ?o } LIMIT 1"))
    with pytest.raises(InputError, match="ASK"):
        query_model(fx, fx.query("ASK { ?s ?p ?o }"))


# ---------------------------------------------------------------- the pyvis network


def test_network_nodes_and_edges(G: nx.MultiDiGraph) -> None:
    net = build_network(G)
    assert len(net.nodes) == 9 and len(net.edges) == 8
    ids = {n["id"] for n in net.nodes}
    assert all(re.fullmatch(r"n[0-9a-f]{12}", i) for i in ids)
    assert node_id(KGZ) in ids
    by_id = {n["id"]: n for n in net.nodes}
    kgz = by_id[node_id(KGZ)]
    assert kgz["label"] == "Kyrgyz Republic"
    assert (kgz["color"], kgz["shape"]) == CLASS_STYLES["State"]
    assert kgz["title"].splitlines() == [
        "Kyrgyz Republic", "State", "also: Kyrgyzstan, Кыргыз Республикасы", "ISO code: KGZ", "Sources:",
        "- A test article (2024-05-02) https://example.org/article"]
    labels = sorted((by_id[e["from"]]["label"], e["label"], by_id[e["to"]]["label"]) for e in net.edges)
    assert labels == sorted((G.nodes[u]["label"], lab, G.nodes[v]["label"]) for u, lab, v in EDGES)
    assert all(e["arrows"] == "to" for e in net.edges)
    assert net.options["physics"]["enabled"] is True  # small: physics settles, then the page freezes it


def test_network_large_precomputed_layout(G: nx.MultiDiGraph) -> None:
    net = build_network(G, layout_threshold=5, edge_label_limit=3)
    assert net.options["physics"]["enabled"] is False
    assert net.options["edges"]["smooth"] is False
    assert net.options["interaction"]["hideEdgesOnDrag"] is True
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in net.nodes)
    assert len({(n["x"], n["y"]) for n in net.nodes}) == 9
    assert not any("label" in e for e in net.edges)  # above the limit: relations only in tooltips
    assert all(e["relation"] for e in net.edges)


def test_network_escapes_every_text() -> None:
    G = nx.MultiDiGraph()
    bad = "<img src=x onerror=alert(1)> & \"q\" 'a'"
    G.add_node("https://example.org/a", label=bad, names=[bad, "</script>"], cls="<b>", class_label="<i>",
               facts=[("<k>", "<v>")], sources=["<s>"])
    G.add_node("https://example.org/b", label="b", names=["b"], cls="State", class_label="State", facts=[], sources=[])
    G.add_edge("https://example.org/a", "https://example.org/b", key="k", label="<script>x</script>", facts=[],
               sources=[])
    net = build_network(G)
    texts = json.dumps([net.nodes, net.edges])
    assert "<" not in texts and ">" not in texts and '\\"q\\"' not in texts
    a = next(n for n in net.nodes if n["id"] == node_id("https://example.org/a"))
    assert a["label"] == "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#x27;a&#x27;"
    assert a["names"][1] == "&lt;/script&gt;"


LONG = "Ambassador & <Envoy> " * 5000  # about 100 kB


def _long_label_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("https://example.org/long", label=LONG, names=[LONG, "Short name"], cls="Person",
               class_label="Person", facts=[], sources=[])
    G.add_node("https://example.org/b", label="b", names=["b"], cls="State", class_label="State", facts=[], sources=[])
    G.add_edge("https://example.org/long", "https://example.org/b", key="k", label=LONG, facts=[], sources=[])
    return G


def test_long_labels_are_clipped_with_the_full_text_in_details() -> None:
    net = build_network(_long_label_graph())
    node = next(n for n in net.nodes if n["id"] == node_id("https://example.org/long"))
    clipped = LONG[:79] + "…"
    assert node["label"] == html.escape(clipped)
    assert node["title"].splitlines() == [html.escape(clipped), "Person", "also: Short name"]
    assert node["names"] == [html.escape(LONG[:299] + "…"), "Short name"]
    assert html.unescape(node["details"]).splitlines() == [LONG, "Person", "also: Short name"]
    edge = net.edges[0]
    assert edge["label"] == edge["relation"] == html.escape(clipped)
    assert edge["title"] == html.escape(f"{clipped} → {clipped} → b")
    assert html.unescape(edge["details"]) == f"{LONG} → {LONG} → b"
    # Nodes without long texts carry no details copy: pages stay the same size.
    assert "details" not in next(n for n in net.nodes if n["id"] == node_id("https://example.org/b"))


def test_long_label_entity_view_title_is_clipped(tmp_path: Path) -> None:
    fx = fixture_engine(PREFIXES + f'''
graph:x {{ state:LONG a tkg:State ; skos:prefLabel "{'L' * 100_000}"@en . }}''')
    view = entity_model(fx, "state:LONG", hops=1)  # a 100 kB label
    assert view.graph["title"] == "L" * 79 + "… (1 hop)"
    page = write_view(build_network(view), tmp_path / "long.html", title=view.graph["title"]).read_text("utf-8")
    assert page.count("L" * 100_000) == 1  # once: the details panel's text, never a label or tooltip


def test_numeric_looking_keys_get_string_ids() -> None:
    G = nx.MultiDiGraph()
    for k in ("01", "1", "2"):
        G.add_node(k, label=k, names=[k], cls="", class_label="", facts=[], sources=[])
    G.add_edge("01", "1", key="x", label="r", facts=[], sources=[])
    net = build_network(G)
    assert all(isinstance(n["id"], str) and n["id"].startswith("n") for n in net.nodes)
    assert len({n["id"] for n in net.nodes}) == 3


# ---------------------------------------------------------------- the page


def test_html_is_self_contained_and_escaped(G: nx.MultiDiGraph) -> None:
    html = generate_html(build_network(G), title="Overview <b>ğ</b>", subtitle="9 entities")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "bootstrap" not in html.lower()
    assert not re.search(r"cdnjs\.cloudflare|cdn\.jsdelivr|unpkg\.com", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<title>Overview &lt;b&gt;ğ&lt;/b&gt; – Turkic-world institutions graph</title>" in html
    assert len(re.findall(r"(?m)^<script", html)) == 2  # vis-network, and the page's own script
    assert "vis.Network" in html


def test_html_never_holds_raw_markup_from_data() -> None:
    G = nx.MultiDiGraph()
    for i, bad in enumerate(["</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>"]):
        G.add_node(f"https://example.org/{i}", label=bad, names=[bad], cls="State", class_label=bad,
                   facts=[("k", bad)], sources=[bad])
    html = generate_html(build_network(G), title="t")
    assert "alert(1)</script>" not in html and "<img src=x" not in html


def test_write_view_utf8(tmp_path: Path, G: nx.MultiDiGraph) -> None:
    path = write_view(build_network(G), tmp_path / "v" / "x.html", title="Qırğız Respublikası – Кыргыз")
    raw = path.read_bytes()
    assert "Qırğız Respublikası – Кыргыз".encode() in raw
    raw.decode("utf-8")


# ---------------------------------------------------------------- index page


def test_index_lists_views_and_queries(tmp_path: Path, fx, G) -> None:  # type: ignore[no-untyped-def]
    from graph.library import load_library
    from graph.settings import load_settings

    settings = load_settings(root=ROOT, build_dir=tmp_path / "build")
    view = overview_view(fx, G=G)
    written, index = write_views([view], settings.views_dir, settings=settings)
    assert [p.name for p in written] == ["overview.html"]
    assert index == settings.views_dir / "index.html"
    html = index.read_text(encoding="utf-8")
    assert '<a href="overview.html">Overview</a>' in html
    library = load_library(settings.queries_dir)
    for name, q in library.items():
        assert f'id="q-{name}"' in html
        rel = Path(os.path.relpath(ROOT / "queries" / f"{name}.rq", settings.views_dir)).as_posix()
        assert f'href="{rel}"' in html
    assert html.count('class="query"') == len(library)
    # Writing another view keeps the first listed; a deleted page is dropped.
    (settings.views_dir / "other.html").write_text("x", encoding="utf-8")
    entries = record_views(settings.views_dir, [ViewEntry("other.html", "Other <x>", "entity", 1, 0)])
    assert [e.file for e in entries] == ["overview.html", "other.html"]
    html = write_index(settings.views_dir, entries, {}).read_text(encoding="utf-8")
    assert "Other &lt;x&gt;" in html and "No queries in the library." in html
    (settings.views_dir / "other.html").unlink()
    assert [e.file for e in read_manifest(settings.views_dir)] == ["overview.html"]


# ---------------------------------------------------------------- the command


@pytest.fixture()
def fixture_build(tmp_path: Path) -> Path:
    build_dir = tmp_path / "build"
    write_fixture_build(build_dir)
    return build_dir


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_viz_overview_writes_view_and_index(fixture_build: Path) -> None:
    code, out, _err = run("--root", str(ROOT), "--build-dir", str(fixture_build), "viz")
    views = fixture_build / "views"
    assert code == 0
    assert out.splitlines() == [f"wrote {views / 'overview.html'} (9 entities, 8 relations)",
                                f"index: {views / 'index.html'}"]
    assert (views / "overview.html").is_file() and (views / "views.json").is_file()


def test_cli_viz_all(fixture_build: Path) -> None:
    code, out, _err = run("--root", str(ROOT), "--build-dir", str(fixture_build), "viz", "--all")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("overview.html (9 entities, 8 relations)")
    entity_lines = [x for x in lines if "/entity-" in x]
    assert len(entity_lines) == 5
    assert entity_lines[0] == f"wrote {fixture_build / 'views' / 'entity-post-ambassador-kgz-aut-1.html'} (4 entities, 3 relations)"
    assert lines[-1] == f"index: {fixture_build / 'views' / 'index.html'}"
    index = (fixture_build / "views" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{Path(x.split()[1]).name}"' in index for x in lines[:-1])


def test_cli_viz_entity_to_file(fixture_build: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "kgz.html"
    code, out, _err = run("--root", str(ROOT), "--build-dir", str(fixture_build), "viz", "--entity", "Kyrgyzstan",
                          "--hops", "2", "-o", str(out_file))
    assert code == 0
    assert out == f"wrote {out_file} (5 entities, 4 relations)\n"
    assert "<title>Kyrgyz Republic (2 hops) – Turkic-world institutions graph</title>" in out_file.read_text("utf-8")


def test_cli_viz_path_and_as_of(fixture_build: Path, tmp_path: Path) -> None:
    code, out, _ = run("--root", str(ROOT), "--build-dir", str(fixture_build), "viz", "--path", "Ayana Test",
                       "Republic of Austria", "-o", str(tmp_path / "p.html"))
    assert (code, out) == (0, f"wrote {tmp_path / 'p.html'} (4 entities, 3 relations)\n")
    code, out, _ = run("--root", str(ROOT), "--build-dir", str(fixture_build), "viz", "--as-of", "2005-01-01",
                       "-o", str(tmp_path / "o.html"))
    assert (code, out) == (0, f"wrote {tmp_path / 'o.html'} (6 entities, 4 relations)\n")


def test_cli_viz_query_file(fixture_build: Path, tmp_path: Path) -> None:
    rq = tmp_path / "links.rq"
    rq.write_text("SELECT ?source ?target ?edgeLabel WHERE { ?source tkg:sendingState ?target "
                  "BIND(\"sends\" AS ?edgeLabel) }", encoding="utf-8")
    code, out, _ = run("--root", str(ROOT), "--build-dir", str(fixture_build), "viz", "--query", str(rq))
    views = fixture_build / "views"
    assert code == 0
    assert out.splitlines() == [f"wrote {views / 'query-links.html'} (2 entities, 1 relations)",
                                f"index: {views / 'index.html'}"]


@pytest.mark.parametrize(("args", "code", "message"), [
    (["viz", "--entity", "Atlantis"], 2, "tkg: error: no entity named 'Atlantis' in the graph"),
    (["viz", "--entity", "Hungary", "--path", "a", "b"], 2, "tkg: error: give one view at a time: --entity and --path"),
    (["viz", "--query", "nonexistent_query_name"], 2,
     "tkg: error: 'nonexistent_query_name' is neither a .rq file nor a library query; see `tkg queries`"),
    (["viz", "--all", "-o", "x.html"], 2, "tkg: error: --all writes several pages into the views folder; -o takes one view"),
])
def test_cli_viz_errors(fixture_build: Path, args: list[str], code: int, message: str) -> None:
    got, _out, err = run("--root", str(ROOT), "--build-dir", str(fixture_build), *args)
    assert (got, err.strip()) == (code, message)


def test_cli_viz_without_build(tmp_path: Path) -> None:
    code, _out, err = run("--root", str(ROOT), "--build-dir", str(tmp_path / "none"), "viz")
    assert code == 2 and "run `tkg build` first" in err


# ---------------------------------------------------------------- the repository's data


def test_repo_overview(engine) -> None:  # type: ignore[no-untyped-def]
    G = graph_model(engine)
    assert G.number_of_nodes() > 100 and G.number_of_edges() > 100
    classes = {d["cls"] for _n, d in G.nodes(data=True)}
    assert {"State", "Person", "Post"} <= classes
    assert not classes & {"Tenure", "StateMembership", "Participation", "Observation", "Source", "Role"}
    assert all(d["label"] for _u, _v, d in G.edges(data=True))
    net = build_network(G)
    assert len(net.nodes) == G.number_of_nodes() and len(net.edges) == G.number_of_edges()
