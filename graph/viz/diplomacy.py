"""The diplomacy view: a state-to-state network of resident missions and non-resident accreditation.

* Only pairs with one of the eight Turkic-world states on either side are drawn (``focus``; see
  :mod:`graph.analyze_diplomacy` for why).
* An edge S → H is S's resident bilateral missions in H (solid; width grows with their number); an
  edge S ⇢ X is S's accreditation to X from a mission in a third state, where S has no resident
  mission in X (dashed). Definitions: :mod:`graph.analyze_diplomacy`.
* Edges take the colour of their sender when it is one of the eight Turkic-world states (the legend,
  by sender, hides or shows each one's edges); other states are grey.
* ``layout="map"`` places each state at its capital's coordinates, projected equirectangularly
  (x = longitude, y = −latitude). The graph has no "capital" property, so the capital is taken to
  be the city of the state that hosts most resident bilateral missions (ties: the name), at the
  mean coordinates of those missions. A state with no located mission in it is placed on a small
  circle around the capitals it is covered from (or, failing those, its neighbours), and if it has
  neither, in a row below the map. ``layout="force"`` uses the views' igraph force layout instead.
* Physics is always off (positions are given), so the page is interactive at once at world scope.
  Texts from the data are escaped (``html.escape``) and decoded in the page into plain-text sinks
  only, as in every view (``graph/templates/diplomacy.html``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from ..analyze_diplomacy import THE_EIGHT, DiplomacyNetwork, load_network, nonresident_pairs, resident_graph
from ..errors import InputError
from ..store import Engine
from .html import write_view
from .network import layout_positions, node_id

__all__ = ["TEMPLATE", "SENDER_COLORS", "OTHER_COLOR", "Capital", "capitals", "diplomacy_model", "map_positions",
           "build_diplomacy_network", "DiplomacyView", "diplomacy_view", "write_diplomacy_view"]

TEMPLATE = "diplomacy.html"
#: One colour per sender among the eight (colour-blind-safe Okabe–Ito hues and two more).
SENDER_COLORS: dict[str, str] = dict(zip(THE_EIGHT, (
    "#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#8c564b", "#7f3c8d")))
OTHER_COLOR = "#b5b5b5"
_SCALE = 14.0  # pixels per degree
_MAX_LISTED = 8
_CURVE_LIMIT = 2000


@dataclass(frozen=True)
class Capital:
    """Where a state is drawn: the city hosting most resident bilateral missions, at their mean coordinates."""
    city: str
    missions: int
    lat: float
    long: float


def capitals(net: DiplomacyNetwork) -> dict[str, Capital]:
    """Each host state's capital (see the module's description); states without located missions are absent."""
    per_city: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    counts: Counter[tuple[str, str]] = Counter()
    for m in net.missions:
        if m.bilateral and m.city is not None:
            counts[(m.host, m.city)] += 1
            if m.lat is not None and m.long is not None:
                per_city[(m.host, m.city)].append((m.lat, m.long))
    best: dict[str, Capital] = {}
    for (host, city), n in sorted(counts.items(), key=lambda kv: (-kv[1], net.label(kv[0][1]), kv[0][1])):
        coords = per_city.get((host, city))
        if host in best or not coords:
            continue
        best[host] = Capital(city, n, round(sum(c[0] for c in coords) / len(coords), 4),
                             round(sum(c[1] for c in coords) / len(coords), 4))
    return best


def diplomacy_model(net: DiplomacyNetwork, *, state: str | None = None,
                    focus: Collection[str] | None = THE_EIGHT) -> nx.MultiDiGraph:
    """States and two kinds of edges (``kind`` = ``resident`` | ``nonresident``), each with the missions
    behind it, for the pairs with a state of ``focus`` on either side (see :mod:`graph.analyze_diplomacy`);
    with ``state``, only the edges that touch it (and the states they reach)."""
    R = resident_graph(net, focus=focus)
    G = nx.MultiDiGraph()
    G.add_nodes_from(R.nodes(data=True))
    for u, v, data in R.edges(data=True):
        G.add_edge(u, v, key="resident", kind="resident", missions=list(data["missions"]), via=[])
    for (sender, target), accs in sorted(nonresident_pairs(net, R, focus=focus).items()):
        G.add_edge(sender, target, key="nonresident", kind="nonresident",
                   missions=sorted({a.mission for a in accs}), via=sorted({a.host for a in accs}))
    if state is not None:
        keep = {state} | set(G.successors(state)) | set(G.predecessors(state))
        H = nx.MultiDiGraph()
        H.add_nodes_from((n, G.nodes[n]) for n in sorted(keep))
        H.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if state in (u, v))
        G = H
    G.graph.update(center=state)
    return G


def _circle(center: tuple[float, float], i: int, radius: float = 45.0) -> tuple[float, float]:
    angle = i * 2.39996  # golden angle: neighbours of one centre do not overlap
    return round(center[0] + radius * math.cos(angle), 1), round(center[1] + radius * math.sin(angle), 1)


def map_positions(G: nx.MultiDiGraph, caps: dict[str, Capital]) -> tuple[dict[str, tuple[float, float]], list[str]]:
    """Projected positions of the states of ``G``, and the states placed without coordinates of their own."""
    pos = {n: (round(caps[n].long * _SCALE, 1), round(-caps[n].lat * _SCALE, 1)) for n in G if n in caps}
    unplaced = [n for n in sorted(G, key=lambda n: (G.nodes[n].get("label", ""), n)) if n not in pos]
    around: Counter[tuple[float, float]] = Counter()
    row = []
    for n in unplaced:
        vias = [h for _u, _v, d in G.in_edges(n, data=True) for h in d.get("via", [])]
        anchors = [pos[h] for h in vias if h in pos] or [pos[m] for m in nx.all_neighbors(G, n) if m in pos]
        if not anchors:
            row.append(n)
            continue
        center = (round(sum(a[0] for a in anchors) / len(anchors), 1), round(sum(a[1] for a in anchors) / len(anchors), 1))
        around[center] += 1
        pos[n] = _circle(center, around[center])
    bottom = max((p[1] for p in pos.values()), default=0.0) + 120.0
    left = min((p[0] for p in pos.values()), default=0.0)
    for i, n in enumerate(row):
        pos[n] = (round(left + 90.0 * i, 1), bottom)
    return pos, unplaced


def _listed(net: DiplomacyNetwork, iris: Sequence[str]) -> list[str]:
    labels = sorted(net.label(i) for i in iris)
    more = [f"… and {len(labels) - _MAX_LISTED} more"] if len(labels) > _MAX_LISTED else []
    return [f"- {x}" for x in labels[:_MAX_LISTED]] + more


def _edge_tooltip(net: DiplomacyNetwork, u: str, v: str, data: dict) -> str:
    n = len(data["missions"])
    if data["kind"] == "resident":
        head = f"{net.label(u)} → {net.label(v)}: {n} resident mission{'s' if n != 1 else ''}"
    else:
        via = ", ".join(net.label(h) for h in data["via"])
        head = f"{net.label(u)} ⇢ {net.label(v)}: accredited from {via}, no resident mission"
    return "\n".join([head, *_listed(net, data["missions"])])


def _node_tooltip(net: DiplomacyNetwork, G: nx.MultiDiGraph, n: str, caps: dict[str, Capital],
                  placed: str) -> str:
    sent = sum(len(d["missions"]) for _u, _v, d in G.out_edges(n, data=True) if d["kind"] == "resident")
    hosted = sum(len(d["missions"]) for _u, _v, d in G.in_edges(n, data=True) if d["kind"] == "resident")
    lines = [net.label(n), "State" + (" (one of the eight)" if n in THE_EIGHT else "")]
    lines.append(f"resident missions shown: {sent} sent, {hosted} hosted")
    if n in caps:
        lines.append(f"capital (most resident missions): {net.label(caps[n].city)}, {caps[n].missions} missions")
    lines.append(placed)
    return "\n".join(lines)


def _group(sender: str) -> str:
    return sender.rsplit("/", 1)[-1] if sender in THE_EIGHT else "other"


def build_diplomacy_network(net: DiplomacyNetwork, G: nx.MultiDiGraph, pos: dict[str, tuple[float, float]],
                            caps: dict[str, Capital], unplaced: Sequence[str], *, layout: str) -> Network:
    """The pyvis network of the view: opaque ids, escaped texts, given positions, physics off."""
    network = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    ids = {n: node_id(n) for n in G}
    degree = dict(G.degree())
    lost = set(unplaced)
    for n in sorted(G, key=lambda n: (G.nodes[n].get("label", ""), n)):
        eight = n in THE_EIGHT
        if layout == "force":
            placed = "placed by the force layout"
        elif n in lost:
            placed = "no located mission in it: placed near the capitals that cover it"
        else:
            placed = "placed at its capital's coordinates"
        node = {"id": ids[n], "label": escape(net.label(n)),
                "title": escape(_node_tooltip(net, G, n, caps, placed)),
                "color": SENDER_COLORS.get(n, OTHER_COLOR), "shape": "dot",
                "size": round((10 + math.sqrt(degree.get(n, 0))) if eight else (5 + 0.5 * math.sqrt(degree.get(n, 0))), 1),
                "x": pos[n][0], "y": pos[n][1], "group": _group(n), "center": n == G.graph.get("center")}
        if eight:  # readable when the whole world is in view (vis-network hides labels under 5 px)
            node["font"] = {"size": 26 if len(G) > 60 else 16, "face": "sans-serif", "strokeWidth": 6,
                            "strokeColor": "#ffffff"}
        network.nodes.append(node)
        network.node_ids.append(ids[n])
        network.node_map[ids[n]] = node
    order = {s: i for i, s in enumerate(THE_EIGHT)}
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1]))
    for i, (u, v, _key, data) in enumerate(edges):
        resident = data["kind"] == "resident"
        network.edges.append({
            "id": f"e{i}", "from": ids[u], "to": ids[v], "kind": data["kind"],
            "title": escape(_edge_tooltip(net, u, v, data)),
            "color": SENDER_COLORS.get(u, OTHER_COLOR), "dashes": not resident,
            "width": round(1 + math.log2(len(data["missions"])), 2) if resident else 1,
            "group": _group(u), "groupOrder": order.get(u, len(THE_EIGHT)),
            "groupLabel": escape(net.label(u) if u in THE_EIGHT else "Other states"),
        })
    network.options = _options(large=len(network.edges) > _CURVE_LIMIT)
    return network


def _options(*, large: bool) -> dict:
    """Physics off (positions are given); pairs of opposite links curve apart, but straight above
    ``_CURVE_LIMIT`` links, where curves cost most of the drawing time."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
        "nodes": {"font": {"size": 12, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"smooth": False if large else {"enabled": True, "type": "curvedCW", "roundness": 0.08}, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "keyboard": False,
                        "multiselect": False, "navigationButtons": False},
    }


@dataclass
class DiplomacyView:
    name: str
    title: str
    subtitle: str
    graph: nx.MultiDiGraph
    network: Network
    unplaced: list[str]


def diplomacy_view(engine: Engine, *, state: str | None = None, layout: str = "map", langs: Sequence[str] = ("en",),
                   timeout: float | None = None, focus: Collection[str] | None = THE_EIGHT) -> DiplomacyView:
    """The view of the whole network, or of one state's missions, sent and received (``state`` is any of
    its names, an IRI or a prefixed name)."""
    from .model import resolve_entity
    from .views import slug

    if layout not in ("map", "force"):
        raise InputError(f"unknown layout {layout!r}: map or force")
    net = load_network(engine, langs=langs, timeout=timeout)
    full = diplomacy_model(net, focus=focus)
    center = resolve_entity(engine, state, full) if state is not None else None
    G = diplomacy_model(net, state=center, focus=focus) if center is not None else full
    caps = capitals(net)
    if layout == "map":
        pos, unplaced = map_positions(G, caps)
    else:
        pos, unplaced = layout_positions(sorted(G), G.edges()), []
    network = build_diplomacy_network(net, G, pos, caps, unplaced, layout=layout)
    resident = sum(1 for *_e, k in G.edges(keys=True) if k == "resident")
    parts = [f"{G.number_of_nodes()} states, {resident} resident links, {G.number_of_edges() - resident} "
             f"non-resident accreditations"]
    if layout == "map":
        parts.append("states at their capitals" + (f" ({len(unplaced)} near the capitals covering them)"
                                                    if unplaced else ""))
    title = f"Diplomatic network of {net.label(center)}" if center else "Diplomatic network"
    name = "diplomacy" + (f"-{slug(center)}" if center else "") + ("-force" if layout == "force" else "")
    return DiplomacyView(name=name, title=title, subtitle="; ".join(parts), graph=G, network=network,
                         unplaced=list(unplaced))


def write_diplomacy_view(view: DiplomacyView, path: Path, *, index_href: str | None = None) -> Path:
    """Write the page (UTF-8, atomically) and return its path."""
    return write_view(view.network, path, title=view.title, subtitle=view.subtitle, index_href=index_href,
                      template=TEMPLATE)
