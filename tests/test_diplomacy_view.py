"""The diplomacy view (graph.viz.diplomacy) and ``tkg viz --diplomacy``: model, placement, styles, escaping.

The fixture is tests/fixtures/diplomacy_sample.trig; the browser tests are in test_diplomacy_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.analyze_diplomacy import DiplomacyNetwork, Mission, Accreditation
from graph.errors import EntityNotFound, InputError
from graph.settings import Settings
from graph.store import OxigraphEngine
from graph.viz.diplomacy import (
    OTHER_COLOR,
    SENDER_COLORS,
    Capital,
    build_diplomacy_network,
    capitals,
    diplomacy_model,
    diplomacy_view,
    map_positions,
    write_diplomacy_view,
)
from graph.viz.network import node_id

from .diplomacy_fixture import diplo_built, diplo_engine  # noqa: F401  (pytest fixtures)
from .helpers import tkg

S = "https://w3id.org/turkic-kg/id/state/"
C = "https://w3id.org/turkic-kg/id/city/"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"


def test_whole_network(diplo_engine: OxigraphEngine) -> None:
    v = diplomacy_view(diplo_engine)
    assert (v.name, v.title) == ("diplomacy", "Diplomatic network")
    assert v.subtitle == "10 states, 43 resident links, 3 non-resident accreditations; states at their capitals"
    assert len(v.network.nodes) == 10 and len(v.network.edges) == 46
    dashed = sorted((e["from"], e["to"]) for e in v.network.edges if e["dashes"])
    assert dashed == sorted((node_id(S + a), node_id(S + b)) for a, b in (("HUN", "KGZ"), ("KAZ", "GEO"), ("UZB", "GEO")))
    assert v.unplaced == []
    legend = {(e["groupOrder"], e["group"], e["groupLabel"], e["color"]) for e in v.network.edges}
    assert sorted(legend)[:3] == [(0, "AZE", "Republic of Azerbaijan", "#0072b2"), (1, "KAZ", "Republic of Kazakhstan", "#e69f00"),
                                  (2, "KGZ", "Kyrgyz Republic", "#009e73")]
    assert sorted(legend)[-1] == (8, "other", "Other states", OTHER_COLOR)
    assert len(legend) == 9


def test_capitals_are_the_cities_with_most_resident_missions(diplo_engine: OxigraphEngine) -> None:
    from graph.analyze_diplomacy import load_network

    caps = capitals(load_network(diplo_engine))
    # Vienna: 7 embassies and Northern Cyprus's office (Kazakhstan's permanent mission is not bilateral);
    # Astana's 5 beat Almaty's 2.
    assert caps[S + "AUT"] == Capital(C + "vienna", 8, 48.21, 16.37)
    assert caps[S + "KAZ"] == Capital(C + "astana", 5, 51.17, 71.45)
    assert caps[S + "TUR"] == Capital(C + "ankara", 8, 39.93, 32.86)
    assert len(caps) == 10


def test_one_state(diplo_engine: OxigraphEngine) -> None:
    v = diplomacy_view(diplo_engine, state="Georgia")
    assert (v.name, v.title) == ("diplomacy-state-GEO", "Diplomatic network of Georgia")
    G = v.graph
    assert sorted(G) == [S + "AZE", S + "GEO", S + "KAZ", S + "TUR", S + "UZB"]
    assert sorted((u[-3:], w[-3:], k) for u, w, k in G.edges(keys=True)) == [
        ("AZE", "GEO", "resident"), ("GEO", "AZE", "resident"), ("GEO", "TUR", "resident"),
        ("KAZ", "GEO", "nonresident"), ("TUR", "GEO", "resident"), ("UZB", "GEO", "nonresident")]
    edges = {(e["from"], e["to"]): e for e in v.network.edges}
    kaz = edges[(node_id(S + "KAZ"), node_id(S + "GEO"))]
    assert (kaz["dashes"], kaz["color"], kaz["group"], kaz["width"]) == (True, SENDER_COLORS[S + "KAZ"], "KAZ", 1)
    assert kaz["title"] == ("Republic of Kazakhstan ⇢ Georgia: accredited from Republic of Azerbaijan, no resident "
                            "mission\n- Embassy of Republic of Kazakhstan in Baku")
    geo = edges[(node_id(S + "GEO"), node_id(S + "TUR"))]
    assert (geo["dashes"], geo["color"], geo["group"], geo["groupLabel"]) == (False, OTHER_COLOR, "other", "Other states")
    center = [n for n in v.network.nodes if n["center"]]
    assert [n["id"] for n in center] == [node_id(S + "GEO")]
    assert center[0]["title"] == ("Georgia\nState\nresident missions shown: 2 sent, 2 hosted\n"
                                  "capital (most resident missions): Tbilisi, 2 missions\nplaced at its capital&#x27;s coordinates")
    assert (center[0]["x"], center[0]["y"]) == (round(44.79 * 14, 1), round(-41.72 * 14, 1))


def test_force_layout_and_errors(diplo_engine: OxigraphEngine) -> None:
    v = diplomacy_view(diplo_engine, layout="force")
    assert v.name == "diplomacy-force" and len(v.network.nodes) == 10
    with pytest.raises(InputError, match="unknown layout 'circle'"):
        diplomacy_view(diplo_engine, layout="circle")
    with pytest.raises(EntityNotFound):
        diplomacy_view(diplo_engine, state="Atlantis")


def test_states_without_coordinates_are_placed_near_those_covering_them() -> None:
    net = DiplomacyNetwork(labels={"h": "H", "s": "S", "x": "X", "y": "Y", "z": "Z"}, missions=[
        Mission("m1", "s", "h", True, "c", 10.0, 20.0),
        Mission("m2", "h", "s", True, "d", 0.0, 0.0),
        Mission("m3", "y", "z", True, None)],
        accreditations=[Accreditation("m1", "s", "h", "x")])
    G = diplomacy_model(net, focus=None)
    caps = capitals(net)
    assert caps == {"h": Capital("c", 1, 10.0, 20.0), "s": Capital("d", 1, 0.0, 0.0)}
    pos, unplaced = map_positions(G, caps)
    assert unplaced == ["x", "y", "z"]
    assert pos["h"] == (280.0, -140.0) and pos["s"] == (0.0, 0.0)
    # X is covered from H's capital: on a circle of 45 px around it; Y and Z have no anchor: a row below.
    assert round(((pos["x"][0] - 280.0) ** 2 + (pos["x"][1] + 140.0) ** 2) ** 0.5) == 45
    assert pos["y"] == (0.0, 120.0) and pos["z"] == (90.0, 120.0)


def test_every_text_is_escaped(tmp_path: Path) -> None:
    net = DiplomacyNetwork(labels={S + "TUR": IMG, "q": SCRIPT}, missions=[Mission("m", S + "TUR", "q", True, "c", 1.0, 2.0)])
    G = diplomacy_model(net)
    pos, unplaced = map_positions(G, capitals(net))
    network = build_diplomacy_network(net, G, pos, capitals(net), unplaced, layout="map")
    from graph.viz.diplomacy import DiplomacyView

    page = write_diplomacy_view(DiplomacyView("x", IMG, SCRIPT, G, network, []), tmp_path / "x.html").read_text("utf-8")
    assert "<img" not in page and "alert(1)</script>" not in page
    assert "onerror" in page  # present, but only as escaped text


def test_cli_writes_the_view_and_the_index(diplo_built: Settings, tmp_path: Path) -> None:
    base = ("--root", str(diplo_built.root), "--build-dir", str(diplo_built.build_dir), "viz", "--diplomacy")
    r = tkg(*base, "-o", str(tmp_path / "d.html"))
    assert (r.exit_code, r.stdout, r.stderr) == (0, f"wrote {tmp_path / 'd.html'} (10 states, 46 links)\n", "")
    r = tkg(*base, "--state", "state:TUR", "--layout", "force")
    views = diplo_built.views_dir
    assert (r.exit_code, r.stdout) == (0, f"wrote {views / 'diplomacy-state-TUR-force.html'} (10 states, 17 links)\n"
                                          f"index: {views / 'index.html'}\n")
    assert "diplomacy-state-TUR-force.html" in (views / "index.html").read_text("utf-8")
    r = tkg(*base, "--as-of", "2020-01-01")
    assert (r.exit_code, r.stderr) == (2, "tkg: error: --as-of does not apply to --diplomacy (missions have no dates)\n")
    r = tkg(*base, "--entity", "Georgia")
    assert (r.exit_code, r.stderr) == (2, "tkg: error: give one view at a time: --entity and --diplomacy\n")
    r = tkg(*base[:-1], "--layout", "force")
    assert (r.exit_code, r.stderr) == (2, "tkg: error: --state and --layout go with --diplomacy\n")
