"""``tkg analyze --diplomacy`` and graph.analyze_diplomacy on the invented fixture: exact values.

Worked out by hand from tests/fixtures/diplomacy_sample.trig (resident bilateral missions: every mission
but Kazakhstan's permanent mission to the OSCE and Kyrgyzstan's honorary consulate in Budapest). Türkiye
sends 11 (9 embassies, 2 consulates general) to 9 states, all of which but Austria send a mission back
(8/9); it hosts 12 (8 in Ankara, 3 in Istanbul, Turkmenistan's consulate general without a city). Its
degree centrality is (9 out + 8 in) / 9 other states. Centralities: networkx's directed betweenness
(normalized) and PageRank (alpha 0.85), rounded to 4 digits.
"""

from __future__ import annotations

from graph.analyze_diplomacy import (
    Accreditation,
    DiplomacyNetwork,
    Mission,
    load_network,
    nonresident_pairs,
    resident_graph,
    state_measures,
)
from graph.settings import Settings
from graph.store import OxigraphEngine, RdflibEngine

from .diplomacy_fixture import diplo_built, diplo_engine, diplo_rdflib  # noqa: F401  (pytest fixtures)
from .helpers import tkg

S = "https://w3id.org/turkic-kg/id/state/"
CSV = """\
state,code,sent,hosted,partners,reciprocity,covered,degree,betweenness,pagerank
Republic of Türkiye,TUR,11,12,9,0.8889,0,1.8889,0.3819,0.1721
Republic of Kazakhstan,KAZ,8,7,7,0.7143,1,1.3333,0.0486,0.1089
Republic of Azerbaijan,AZE,7,5,6,0.8333,0,1.2222,0.0579,0.1161
Republic of Uzbekistan,UZB,6,5,6,0.8333,1,1.2222,0.0394,0.1114
Hungary,HUN,5,3,4,0.75,1,0.7778,0.0,0.0747
Kyrgyz Republic,KGZ,5,3,4,0.75,0,0.7778,0.0,0.074
Turkmenistan,TKM,4,3,3,0.6667,0,0.6667,0.0,0.074
Georgia,GEO,2,2,2,1.0,0,0.4444,0.0,0.0615
Turkish Republic of Northern Cyprus,NCY,2,1,2,0.5,0,0.3333,0.0,0.045
Republic of Austria,AUT,0,9,0,,0,0.8889,0.0,0.1622
"""


def test_network_from_the_fixture(diplo_engine: OxigraphEngine) -> None:
    net = load_network(diplo_engine)
    assert len(net.missions) == 52
    assert sum(not m.bilateral for m in net.missions) == 2
    G = resident_graph(net)
    assert G.number_of_nodes() == 10 and G.number_of_edges() == 43
    assert sorted(G.edges[S + "TUR", S + "AUT"]["missions"]) == [
        "https://w3id.org/turkic-kg/id/mission/tur-consulategeneral-salzburg",
        "https://w3id.org/turkic-kg/id/mission/tur-embassy-vienna"]
    assert not G.has_edge(S + "KGZ", S + "HUN")  # an honorary consulate only
    assert sorted(nonresident_pairs(net, G)) == [(S + "HUN", S + "KGZ"), (S + "KAZ", S + "GEO"), (S + "UZB", S + "GEO")]


def test_rdflib_gives_the_same_network(diplo_engine: OxigraphEngine, diplo_rdflib: RdflibEngine) -> None:
    assert load_network(diplo_rdflib) == load_network(diplo_engine)


def test_measures_exact(diplo_engine: OxigraphEngine) -> None:
    rows = state_measures(load_network(diplo_engine))
    lines = [",".join("" if c is None else str(c) for c in r.row()) for r in rows]
    assert lines == CSV.splitlines()[1:]


def test_cli_csv_and_table(diplo_built: Settings) -> None:
    args = ("--root", str(diplo_built.root), "--build-dir", str(diplo_built.build_dir), "analyze", "--diplomacy")
    r = tkg(*args, "--format", "csv")
    assert (r.exit_code, r.stdout, r.stderr) == (0, CSV, "")
    table = tkg(*args)
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0] == "Diplomatic network: 10 states (resident bilateral missions)"
    assert lines[1].split() == CSV.splitlines()[0].split(",")
    assert lines[3].split() == ["Republic", "of", "Türkiye", "TUR", "11", "12", "9", "0.8889", "0", "1.8889",
                                "0.3819", "0.1721"]
    js = tkg(*args, "--json")
    assert js.exit_code == 0 and '"reciprocity": null' in js.stdout


def test_cli_rejects_options_that_do_not_apply(diplo_built: Settings) -> None:
    args = ("--root", str(diplo_built.root), "--build-dir", str(diplo_built.build_dir), "analyze")
    r = tkg(*args, "--diplomacy", "--as-of", "2020-01-01")
    assert (r.exit_code, r.stderr) == (2, "tkg: error: --as-of does not apply to --diplomacy (missions have no dates)\n")
    r = tkg(*args, "--format", "csv")
    assert (r.exit_code, r.stderr) == (2, "tkg: error: --format goes with --diplomacy (use --json for the entity analysis)\n")


def test_small_network_by_hand() -> None:
    """A → B, B → A, A → C, C → A by an honorary consulate (not bilateral): exact measures (with no focus)."""
    net = DiplomacyNetwork(labels={"a": "A", "b": "B", "c": "C"}, missions=[
        Mission("m1", "a", "b", True), Mission("m2", "b", "a", True), Mission("m3", "a", "c", True),
        Mission("m4", "a", "c", True), Mission("m5", "c", "a", False)])
    assert state_measures(net) == []  # none of the eight: nothing in focus
    got = [r.row() for r in state_measures(net, focus=None)]
    # degree: A has 2 out + 1 in over 2 others; betweenness: B → A → C is the only path through anyone,
    # normalized by (n-1)(n-2) = 2. PageRank (C dangling, spread evenly): pB = pC, pA = 1 - 2 pB and
    # pB = 0.05 + 0.85 (pA / 2 + pC / 3), so pB = 0.475 / 1.5667 = 0.3032 and pA = 0.3936.
    assert got == [("A", "a", 3, 1, 2, 0.5, 0, 1.5, 0.5, 0.3936),
                   ("B", "b", 1, 1, 1, 1.0, 0, 1.0, 0.0, 0.3032),
                   ("C", "c", 0, 2, 0, None, 0, 0.5, 0.0, 0.3032)]


def test_only_pairs_with_one_of_the_eight_count_by_default() -> None:
    """A mission between two other states is in the data only through a jurisdiction: left out."""
    tur, x, y = S + "TUR", S + "XXA", S + "XXB"
    net = DiplomacyNetwork(labels={}, missions=[Mission("m1", tur, x, True), Mission("m2", x, y, True)],
                           accreditations=[Accreditation("m2", x, y, tur), Accreditation("m2", x, y, S + "XXC"),
                                           Accreditation("m2", x, y, x)])  # to its own sender: a data error, ignored
    assert sorted(resident_graph(net).edges()) == [(tur, x)]
    assert sorted(nonresident_pairs(net)) == [(x, tur)]
    assert sorted(resident_graph(net, focus=None).edges()) == [(tur, x), (x, y)]
    assert sorted(nonresident_pairs(net, focus=None)) == [(x, tur), (x, S + "XXC")]
