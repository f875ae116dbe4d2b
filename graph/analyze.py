"""Network analytics of the entity graph with networkx: centrality, components, communities, paths.

Every function takes the :class:`networkx.MultiDiGraph` of :mod:`graph.viz.model` (nodes with a
``label``, edges with a ``label``) and treats it as undirected where direction does not matter
(a path may follow an edge backwards: "A holds P", "P post in M" connects A and M).

>>> G = nx.MultiDiGraph()
>>> G.add_nodes_from([("a", {"label": "A"}), ("b", {"label": "B"}), ("c", {"label": "C"})])
>>> _ = G.add_edge("a", "b", key="p", label="holds")
>>> _ = G.add_edge("c", "b", key="q", label="post in")
>>> print(format_path(G, shortest_paths(G, "a", "c")[0]))
A --holds--> B <--post in-- C
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx

from .errors import NoPath

__all__ = ["NoPath", "Analysis", "Ranked", "Community", "simple_graph", "analyze", "shortest_paths",
           "path_steps", "format_path"]

#: Above this many nodes betweenness is estimated from a sample of sources (seeded).
EXACT_BETWEENNESS_LIMIT = 2000


@dataclass(frozen=True)
class Ranked:
    iri: str
    label: str
    cls: str
    score: float


@dataclass(frozen=True)
class Community:
    size: int
    members: tuple[str, ...]  # labels of the best connected members, most connected first


@dataclass
class Analysis:
    nodes: int
    edges: int
    degree: list[Ranked] = field(default_factory=list)
    betweenness: list[Ranked] = field(default_factory=list)
    components: list[int] = field(default_factory=list)  # sizes, largest first
    communities: list[Community] = field(default_factory=list)
    modularity: float = 0.0


def simple_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """``G`` as a simple undirected graph (parallel and opposite edges merged, loops dropped).

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "b"), ("c", "c")])
    >>> sorted(simple_graph(G).edges())
    [('a', 'b')]
    """
    U = nx.Graph()
    U.add_nodes_from(G.nodes(data=True))
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return U


def _ranked(G: nx.MultiDiGraph, scores: dict[str, float], top: int) -> list[Ranked]:
    order = sorted(scores, key=lambda n: (-scores[n], G.nodes[n].get("label", n), n))[:top]
    return [Ranked(n, G.nodes[n].get("label", n), G.nodes[n].get("cls", ""), round(scores[n], 4)) for n in order]


def analyze(G: nx.MultiDiGraph, *, top: int = 10, seed: int = 0) -> Analysis:
    """Degree and betweenness centrality rankings, connected components and communities
    (Louvain, seeded, so the answer is the same every run)."""
    U = simple_graph(G)
    result = Analysis(nodes=G.number_of_nodes(), edges=G.number_of_edges())
    if U.number_of_nodes() == 0:
        return result
    result.degree = _ranked(G, nx.degree_centrality(U), top)
    k = None if U.number_of_nodes() <= EXACT_BETWEENNESS_LIMIT else min(500, U.number_of_nodes())
    result.betweenness = _ranked(G, nx.betweenness_centrality(U, k=k, seed=seed), top)
    result.components = sorted((len(c) for c in nx.connected_components(U)), reverse=True)
    comms = nx.community.louvain_communities(U, seed=seed)
    result.modularity = round(nx.community.modularity(U, comms), 4) if U.number_of_edges() else 0.0
    for c in sorted(comms, key=lambda c: (-len(c), min(c))):
        best = sorted(c, key=lambda n: (-U.degree(n), G.nodes[n].get("label", n), n))[:5]
        result.communities.append(Community(len(c), tuple(G.nodes[n].get("label", n) for n in best)))
    return result


def shortest_paths(G: nx.MultiDiGraph, a: str, b: str, *, limit: int = 20) -> list[list[str]]:
    """Up to ``limit`` shortest paths from ``a`` to ``b`` (directions ignored), in a stable order.

    Raises :class:`NoPath` when the two are not connected.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "d"), ("a", "c"), ("c", "d"), ("x", "y")])
    >>> shortest_paths(G, "a", "d")
    [['a', 'b', 'd'], ['a', 'c', 'd']]
    """
    U = simple_graph(G)
    for n in (a, b):
        if n not in U:
            raise NoPath(f"{n}: not an entity of the graph")
    try:
        paths = []
        for path in nx.all_shortest_paths(U, a, b):
            paths.append(path)
            if len(paths) >= limit * 5:
                break
    except nx.NetworkXNoPath:
        la, lb = G.nodes[a].get("label", a), G.nodes[b].get("label", b)
        raise NoPath(f"no connection between {la} and {lb}") from None
    return sorted(paths)[:limit]


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    label: str
    forward: bool  # the edge runs source → target


def path_steps(G: nx.MultiDiGraph, path: Sequence[str]) -> list[Step]:
    """The relation of every step of a path (the first by label where several link two entities)."""
    steps = []
    for u, v in zip(path, path[1:]):
        options = [(d.get("label", ""), True) for d in G.get_edge_data(u, v, default={}).values()]
        options += [(d.get("label", ""), False) for d in G.get_edge_data(v, u, default={}).values()]
        label, forward = sorted(options, key=lambda o: (not o[1], o[0]))[0]
        steps.append(Step(u, v, label, forward))
    return steps


def format_path(G: nx.MultiDiGraph, path: Sequence[str]) -> str:
    """A path as one line: ``A --relation--> B <--relation-- C``."""
    parts = [G.nodes[path[0]].get("label", path[0])]
    for step in path_steps(G, path):
        arrow = f"--{step.label}-->" if step.forward else f"<--{step.label}--"
        parts += [arrow, G.nodes[step.target].get("label", step.target)]
    return " ".join(parts)
