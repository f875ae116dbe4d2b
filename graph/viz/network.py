"""A networkx entity graph as a :class:`pyvis.network.Network`, escaped and laid out for its size.

* Node ids are opaque: ``n`` and 12 hex digits of the SHA-1 of the node's key (never numeric, so
  pyvis and vis-network keep them as strings; never an IRI that a page could misuse).
* Every text taken from the data (labels, names, tooltips, classes) is ``html.escape``-d. The page
  decodes these texts only into plain-text sinks (canvas, ``textContent``), never into HTML.
* Tooltips are plain text with newlines: type, key facts, dates, sources.
* Labels are clipped to ``LABEL_LIMIT`` characters and "…" on the canvas, in tooltips and in search
  names (one 100 kB label made its view take a minute to load); the details panel shows the full
  text (``details``, escaped like everything else).
* Above ``layout_threshold`` nodes, positions are precomputed with igraph's force-directed layout,
  physics is off, edges are straight and hidden while dragging or zooming: a 5,000-node view is
  drawn in about two seconds instead of minutes; edges lose their arrows and, above
  ``EDGE_LABEL_LIMIT`` edges, their labels on the canvas (the tooltips keep both). Smaller views start from the same positions and
  let physics settle for a moment, then freeze.
* Nodes and edges are appended to pyvis's lists directly: ``add_edge`` checks the node list
  linearly, which takes minutes at 20,000 nodes.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from html import escape

import networkx as nx
from pyvis.network import Network

from ..settings import LAYOUT_THRESHOLD
from .style import LABEL_LIMIT, clip, style_of

__all__ = ["LAYOUT_THRESHOLD", "EDGE_LABEL_LIMIT", "LABEL_LIMIT", "clip", "node_id", "build_network", "layout_positions",
           "node_tooltip", "edge_tooltip"]

#: Above this many edges, edge labels are not drawn on the canvas (they stay in the tooltips).
EDGE_LABEL_LIMIT = 2000
_MAX_SOURCES = 5
_MAX_VALUE = 300


def node_id(key: str) -> str:
    """The opaque, non-numeric id of a node.

    >>> node_id("https://w3id.org/turkic-kg/id/state/KGZ")
    'n7338a62c3679'
    """
    return "n" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _cut(text: str, full: bool = False) -> str:
    return clip(text, None if full else _MAX_VALUE)


def _sources(lines: list[str], sources: list[str], full: bool = False) -> None:
    if sources:
        lines.append("Sources:")
        shown = sources if full else sources[:_MAX_SOURCES]
        lines += [f"- {_cut(s, full)}" for s in shown]
        if len(sources) > len(shown):
            lines.append(f"- … and {len(sources) - _MAX_SOURCES} more")


def node_tooltip(data: dict, *, full: bool = False) -> str:
    """The plain-text tooltip of a node (not yet escaped); ``full=True``: the details panel's text,
    nothing clipped.

    >>> print(node_tooltip({"label": "Kyrgyzstan", "class_label": "State", "names": ["Kyrgyzstan", "Кыргызстан"],
    ...                     "facts": [("ISO code", "KGZ")], "sources": ["A page (2024-01-01)"]}))
    Kyrgyzstan
    State
    also: Кыргызстан
    ISO code: KGZ
    Sources:
    - A page (2024-01-01)
    """
    label = data.get("label", "")
    lines = [label if full else clip(label), data.get("class_label") or "(no class)"]
    others = [n if full else clip(n) for n in data.get("names", []) if n != label]
    if others:
        lines.append(_cut("also: " + ", ".join(others), full))
    lines += [_cut(f"{k}: {v}", full) for k, v in data.get("facts", [])]
    _sources(lines, data.get("sources", []), full)
    return "\n".join(lines)


def edge_tooltip(data: dict, source_label: str, target_label: str, *, full: bool = False) -> str:
    """The plain-text tooltip of an edge (not yet escaped); ``full=True``: nothing clipped."""
    limit = None if full else LABEL_LIMIT
    lines = [f"{clip(source_label, limit)} → {clip(data.get('label', ''), limit)} → {clip(target_label, limit)}"]
    lines += [_cut(f"{k}: {v}", full) for k, v in data.get("facts", [])]
    _sources(lines, data.get("sources", []), full)
    return "\n".join(lines)


def layout_positions(nodes: list[str], edges: Iterable[tuple[str, str]], *, spacing: float = 90.0) -> dict[str, tuple[float, float]]:
    """Force-directed positions (igraph Fruchterman-Reingold, from a fixed start: the same graph gets
    the same picture), scaled so the drawing spans about ``spacing * sqrt(n)`` pixels."""
    import igraph

    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    pairs = sorted({(index[u], index[v]) for u, v in edges if u != v})
    g = igraph.Graph(n=len(nodes), edges=pairs)
    n = len(nodes)
    # A deterministic start: a golden-angle spiral.
    start = [[math.sqrt(i + 1) * math.cos(i * 2.39996), math.sqrt(i + 1) * math.sin(i * 2.39996)] for i in range(n)]
    if n > 1:
        layout = g.layout_fruchterman_reingold(seed=start, niter=500 if n <= 2000 else 300 if n <= 10000 else 200,
                                               grid="auto")
        coords = layout.coords
    else:
        coords = [[0.0, 0.0]]
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    width = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = spacing * math.sqrt(n) / width * 1.5
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((c[0] - cx) * scale, 1), round((c[1] - cy) * scale, 1)) for node, c in zip(nodes, coords)}


def build_network(G: nx.MultiDiGraph, *, layout_threshold: int = LAYOUT_THRESHOLD,
                  edge_label_limit: int = EDGE_LABEL_LIMIT) -> Network:
    """The view of ``G`` as a pyvis network (see the module's description)."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    keys = sorted(G.nodes)
    ids: dict[str, str] = {}
    used: set[str] = set()
    for key in keys:
        nid = node_id(key)
        while nid in used:  # a hash collision: never expected, but never silent
            nid = node_id(nid + key)
        ids[key] = nid
        used.add(nid)
    large = len(keys) > layout_threshold
    positions = layout_positions(keys, G.edges())
    degree = dict(G.degree())
    for key in keys:
        data = G.nodes[key]
        style = style_of(data.get("cls", ""))
        x, y = positions[key]
        node = {
            "id": ids[key],
            "label": escape(clip(data.get("label", ""))),
            "title": escape(node_tooltip(data)),
            "shape": style.shape,
            "color": style.color,
            "size": round(8 + 3 * math.sqrt(degree.get(key, 0)), 1),
            "x": x, "y": y,
            "cls": escape(data.get("cls", "")),
            "clsLabel": escape(data.get("class_label", "") or "(no class)"),
            "names": [escape(clip(n, _MAX_VALUE)) for n in data.get("names", [])],
        }
        details = node_tooltip(data, full=True)
        if details != node_tooltip(data):  # only when something was clipped: pages stay small
            node["details"] = escape(details)
        if key == G.graph.get("center"):
            node["center"] = True
            node["size"] = round(node["size"] + 8, 1)
        net.nodes.append(node)
        net.node_ids.append(ids[key])
        net.node_map[ids[key]] = node
    show_edge_labels = G.number_of_edges() <= edge_label_limit
    for i, (u, v, data) in enumerate(sorted(G.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("label", "")))):
        edge = {
            "id": f"e{i}",
            "from": ids[u],
            "to": ids[v],
            "title": escape(edge_tooltip(data, G.nodes[u].get("label", ""), G.nodes[v].get("label", ""))),
            "relation": escape(clip(data.get("label", ""))),
        }
        details = edge_tooltip(data, G.nodes[u].get("label", ""), G.nodes[v].get("label", ""), full=True)
        if escape(details) != edge["title"]:
            edge["details"] = escape(details)
        if not large:
            edge["arrows"] = "to"
        if show_edge_labels:
            edge["label"] = escape(clip(data.get("label", "")))
        net.edges.append(edge)
    net.options = network_options(large=large)
    return net


def network_options(*, large: bool) -> dict:
    """vis-network options for a small view (physics settles, then the page freezes it) or a
    large one (physics off, straight edges, edges hidden while moving)."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {
            "enabled": not large,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 160, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 200, "fit": True},
        },
        "nodes": {"font": {"size": 13, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, **({} if large else {"widthConstraint": {"maximum": 220}})},
        "edges": {
            "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "arrows": {"to": {"enabled": not large, "scaleFactor": 0.5}},
            "color": {"color": "#a8a8a8", "highlight": "#333333", "hover": "#555555"},
            "font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "width": 1,
        },
        "interaction": {"hover": not large, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False, "keyboard": False,
                        "multiselect": False},
    }
