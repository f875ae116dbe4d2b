"""Network analytics (graph.analyze) and the ``tkg analyze`` / ``tkg path`` commands, on graphs of
known shape."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.analyze import NoPath, analyze, format_path, path_steps, shortest_paths, simple_graph
from graph.cli import main

from .viz_fixtures import write_fixture_build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def bridge() -> nx.MultiDiGraph:
    """Two triangles a-b-c and d-e-f joined by the bridge c→d, a pair x-y, and g alone."""
    G = nx.MultiDiGraph()
    for n in "abcdefgxy":
        G.add_node(n, label=n.upper(), cls="State" if n in "cd" else "Person")
    for u, v in ("ab", "bc", "ca", "de", "ef", "fd", "xy"):
        G.add_edge(u, v, key="r", label="knows")
    G.add_edge("c", "d", key="b", label="borders")
    G.add_edge("d", "c", key="b2", label="borders")  # the opposite direction: still one link
    return G


def test_simple_graph_merges_parallel_and_opposite_edges(bridge: nx.MultiDiGraph) -> None:
    U = simple_graph(bridge)
    assert U.number_of_nodes() == 9 and U.number_of_edges() == 8


def test_analyze_exact(bridge: nx.MultiDiGraph) -> None:
    a = analyze(bridge, top=3)
    assert (a.nodes, a.edges) == (9, 9)
    assert [(r.label, r.score) for r in a.degree] == [("C", 0.375), ("D", 0.375), ("A", 0.25)]
    assert [(r.label, r.cls) for r in a.degree[:2]] == [("C", "State"), ("D", "State")]
    # c and d each lie on the 6 shortest paths between their triangle and the other: 6 / C(8, 2) = 0.2143.
    assert [(r.label, r.score) for r in a.betweenness] == [("C", 0.2143), ("D", 0.2143), ("A", 0.0)]
    assert a.components == [6, 2, 1]
    assert [(c.size, c.members) for c in a.communities] == [
        (3, ("C", "A", "B")), (3, ("D", "E", "F")), (2, ("X", "Y")), (1, ("G",))]
    # Q = 2 (3/8 - (7/16)^2) + (1/8 - (2/16)^2)
    assert a.modularity == 0.4766


def test_analyze_does_not_depend_on_insertion_order(bridge: nx.MultiDiGraph) -> None:
    """The same graph built in the opposite order gives exactly the figures of test_analyze_exact."""
    R = nx.MultiDiGraph()
    for n in reversed(list(bridge.nodes)):
        R.add_node(n, **bridge.nodes[n])
    for u, v, k, data in reversed(list(bridge.edges(keys=True, data=True))):
        R.add_edge(u, v, key=k, **data)
    assert list(R.nodes) != list(bridge.nodes)
    a = analyze(R, top=3)
    assert (a.nodes, a.edges) == (9, 9)
    assert [(r.label, r.score) for r in a.degree] == [("C", 0.375), ("D", 0.375), ("A", 0.25)]
    assert [(r.label, r.score) for r in a.betweenness] == [("C", 0.2143), ("D", 0.2143), ("A", 0.0)]
    assert a.components == [6, 2, 1]
    assert [(c.size, c.members) for c in a.communities] == [
        (3, ("C", "A", "B")), (3, ("D", "E", "F")), (2, ("X", "Y")), (1, ("G",))]
    assert a.modularity == 0.4766


def test_analyze_empty() -> None:
    a = analyze(nx.MultiDiGraph())
    assert (a.nodes, a.edges, a.degree, a.components, a.communities) == (0, 0, [], [], [])


def test_shortest_paths_follow_edges_both_ways(bridge: nx.MultiDiGraph) -> None:
    assert shortest_paths(bridge, "a", "f") == [["a", "c", "d", "f"]]
    assert shortest_paths(bridge, "e", "b") == [["e", "d", "c", "b"]]
    steps = path_steps(bridge, ["e", "d", "c", "b"])
    assert [(s.label, s.forward) for s in steps] == [("knows", False), ("borders", True), ("knows", False)]
    assert format_path(bridge, ["e", "d", "c", "b"]) == "E <--knows-- D --borders--> C <--knows-- B"


def test_shortest_paths_all_of_equal_length() -> None:
    G = nx.MultiDiGraph([("s", "m1"), ("s", "m2"), ("m1", "t"), ("m2", "t"), ("s", "x"), ("x", "y"), ("y", "t")])
    assert shortest_paths(G, "s", "t") == [["s", "m1", "t"], ["s", "m2", "t"]]
    assert shortest_paths(G, "s", "t", limit=1) == [["s", "m1", "t"]]


def test_no_path(bridge: nx.MultiDiGraph) -> None:
    with pytest.raises(NoPath, match="^no connection between A and G$") as err:
        shortest_paths(bridge, "a", "g")
    assert err.value.exit_code == 1
    with pytest.raises(NoPath, match="not an entity"):
        shortest_paths(bridge, "a", "zz")


# ---------------------------------------------------------------- the commands, on the fixture build


@pytest.fixture()
def fixture_build(tmp_path: Path) -> Path:
    write_fixture_build(tmp_path / "build")
    return tmp_path / "build"


def tkg(build: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--root", str(ROOT), "--build-dir", str(build), *args])
    return r.exit_code, r.stdout, r.stderr


def test_cli_path(fixture_build: Path) -> None:
    code, out, _ = tkg(fixture_build, "path", "Aiana Test", "Österreich")
    assert code == 0
    assert out == ("Ayana Test --holds--> Ambassador of Kyrgyzstan to Austria --post in--> Embassy of Kyrgyzstan "
                   "in Austria --accredited to--> Republic of Austria\n")


def test_cli_path_language(fixture_build: Path) -> None:
    code, out, _ = tkg(fixture_build, "path", "Bolot Test", "Kyrgyzstan", "--lang", "ky")
    assert code == 0
    assert out == ("Bolot Test --holds--> Ambassador of Kyrgyzstan to Austria --post in--> Embassy of Kyrgyzstan "
                   "in Austria --sending state--> Кыргыз Республикасы\n")


def test_cli_path_as_of_changes_the_answer(fixture_build: Path) -> None:
    code, out, _ = tkg(fixture_build, "path", "Ayana Test", "Bolot Test")
    assert (code, out) == (0, "Ayana Test --holds--> Ambassador of Kyrgyzstan to Austria <--holds-- Bolot Test\n")
    # In 2021 Bolot did not hold the post yet: the connection runs through the meeting he spoke at.
    code, out, _ = tkg(fixture_build, "path", "Ayana Test", "Bolot Test", "--as-of", "2021-01-01")
    assert (code, out) == (0, "Ayana Test --holds--> Ambassador of Kyrgyzstan to Austria --post in--> Embassy of "
                              "Kyrgyzstan in Austria --accredited to--> Republic of Austria <--host-- A meeting in "
                              "Vienna (May 2024) <--speaker-- Bolot Test\n")


def test_cli_path_not_connected(fixture_build: Path) -> None:
    code, out, err = tkg(fixture_build, "path", "Hungary", "Kyrgyzstan")
    assert (code, out, err) == (1, "", "tkg: error: no connection between Hungary and Kyrgyz Republic\n")


EXPECTED_ANALYZE = """\
9 entities, 8 relations, 2 components (largest 8), 4 communities (modularity 0.25)

Degree centrality
#   entity                                class     degree
──────────────────────────────────────────────────────────
1   Ambassador of Kyrgyzstan to Austria   Post      0.3750
2   Embassy of Kyrgyzstan in Austria      Embassy   0.3750
3   A meeting in Vienna (May 2024)        Meeting   0.2500

Betweenness centrality
#   entity                                class     betweenness
───────────────────────────────────────────────────────────────
1   Embassy of Kyrgyzstan in Austria      Embassy   0.4286
2   Ambassador of Kyrgyzstan to Austria   Post      0.3214
3   Kyrgyz Republic                       State     0.2143

Connected components
size   components
─────────────────
   8            1
   1            1

Communities
#   size   best connected members
────────────────────────────────────────────────────────────────────────────────────────────────────────────────
1      4   Embassy of Kyrgyzstan in Austria, Kyrgyz Republic, Republic of Austria, Organization of Turkic States
2      2   A meeting in Vienna (May 2024), Bolot Test
3      2   Ambassador of Kyrgyzstan to Austria, Ayana Test
"""


def test_cli_analyze(fixture_build: Path) -> None:
    code, out, _ = tkg(fixture_build, "analyze", "--top", "3")
    assert code == 0
    assert [line.rstrip() for line in out.splitlines()] == EXPECTED_ANALYZE.splitlines()


def test_cli_analyze_json(fixture_build: Path) -> None:
    code, out, _ = tkg(fixture_build, "analyze", "--top", "2", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["nodes"], data["edges"], data["components"]) == (9, 8, [8, 1])
    assert [r["label"] for r in data["degree"]] == ["Ambassador of Kyrgyzstan to Austria",
                                                    "Embassy of Kyrgyzstan in Austria"]
    assert [r["score"] for r in data["degree"]] == [0.375, 0.375]
    assert data["betweenness"][0]["label"] == "Embassy of Kyrgyzstan in Austria"
