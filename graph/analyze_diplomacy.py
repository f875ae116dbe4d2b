"""The state-to-state diplomatic network: missions from the graph, as a networkx graph, and per-state measures.

Definitions (the same in the library queries ``queries/non_re*.rq``, the view and this module):

* a **resident bilateral mission** of S in H is a mission with ``tkg:sendingState`` S and
  ``tkg:hostState`` H that is neither a permanent mission to an organization nor an honorary
  consulate (those are multilateral, or not a post of the sender's service);
* a **non-resident accreditation** of S to X is a mission of S accredited (``tkg:accreditedTo``) to a
  state X other than its host, where S has no resident bilateral mission in X: X is covered from a
  third capital.

:func:`resident_graph` makes a :class:`networkx.DiGraph`: a node per state named by any mission
(sender, host or accreditation), an edge S → H per pair with resident bilateral missions (attribute
``missions``: their IRIs). Only pairs with one of the eight on either side count (``focus``): the
default import holds every mission sent by or to the eight, but of the missions between two other states
only those that a jurisdiction brought in, so elsewhere "no mission back" or "no resident mission" would
be an artefact of the scope (pass ``focus=None`` for a world-scope import). :func:`state_measures` gives, per state, missions sent and hosted,
partners, reciprocity (the share of the states S sends to that send a mission back), the states S
covers without a resident mission, and degree, betweenness and PageRank centrality of the directed
resident network.

>>> net = DiplomacyNetwork(labels={"a": "A", "b": "B", "c": "C"}, missions=[
...     Mission("m1", "a", "b", True), Mission("m2", "b", "a", True), Mission("m3", "a", "c", True)])
>>> [(m.label, m.sent, m.hosted, m.reciprocity) for m in state_measures(net, focus=None)]
[('A', 2, 1, 0.5), ('B', 1, 1, 1.0), ('C', 0, 1, None)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import networkx as nx

from .names import preferred_labels
from .namespaces import sparql_prefixes
from .store import Engine

__all__ = ["THE_EIGHT", "Mission", "Accreditation", "DiplomacyNetwork", "StateMeasures", "load_network",
           "resident_graph", "nonresident_pairs", "state_measures", "MEASURE_COLUMNS"]

_STATE = "https://w3id.org/turkic-kg/id/state/"
#: The OTS's five members and three observers, in the order the legend shows them.
THE_EIGHT: tuple[str, ...] = tuple(_STATE + c for c in ("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM", "NCY"))

_MISSIONS = """
SELECT ?m ?s ?h ?bilateral ?city ?lat ?long WHERE {
  ?m tkg:sendingState ?s ; tkg:hostState ?h .
  BIND(NOT EXISTS { ?m a ?x . VALUES ?x { tkg:PermanentMission tkg:HonoraryConsulate } } AS ?bilateral)
  OPTIONAL { ?m schema:location ?city }
  OPTIONAL { ?m geo:lat ?lat ; geo:long ?long }
}"""
_ACCREDITATIONS = """
SELECT ?m ?to WHERE {
  ?m tkg:sendingState ?s ; tkg:hostState ?h ; tkg:accreditedTo ?to .
  ?to a tkg:State . FILTER(?to != ?h)
}"""


@dataclass(frozen=True)
class Mission:
    iri: str
    sender: str
    host: str
    bilateral: bool
    city: str | None = None
    lat: float | None = None
    long: float | None = None


@dataclass(frozen=True)
class Accreditation:
    """Mission ``mission`` of ``sender``, resident in ``host``, accredited to ``target`` too."""
    mission: str
    sender: str
    host: str
    target: str


@dataclass
class DiplomacyNetwork:
    labels: dict[str, str]
    missions: list[Mission]
    accreditations: list[Accreditation] = field(default_factory=list)

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or iri.rsplit("/", 1)[-1]


def _float(term) -> float | None:  # type: ignore[no-untyped-def]
    try:
        return float(term.value) if term is not None else None
    except ValueError:
        return None


def load_network(engine: Engine, *, langs: Sequence[str] = ("en",), timeout: float | None = None) -> DiplomacyNetwork:
    """Every mission with a sender and a host, and every accreditation beyond the host, from ``engine``."""
    prefixes = sparql_prefixes() + "PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>\n"
    missions: dict[str, Mission] = {}
    for m, s, h, bilateral, city, lat, long in engine.query(prefixes + _MISSIONS, timeout=timeout).rows:
        if m.value in missions:  # a second coordinate pair or city: keep the first in a stable order
            continue
        missions[m.value] = Mission(m.value, s.value, h.value, bilateral is not None and bilateral.value == "true",
                                    city.value if city is not None else None, _float(lat), _float(long))
    accreditations = sorted({Accreditation(m.value, missions[m.value].sender, missions[m.value].host, to.value)
                             for m, to in engine.query(prefixes + _ACCREDITATIONS, timeout=timeout).rows
                             if m.value in missions}, key=lambda a: (a.sender, a.target, a.mission))
    return DiplomacyNetwork(labels=preferred_labels(engine, list(langs)),
                            missions=sorted(missions.values(), key=lambda x: x.iri), accreditations=accreditations)


def _in_focus(a: str, b: str, focus: Collection[str] | None) -> bool:
    return focus is None or a in focus or b in focus


def resident_graph(net: DiplomacyNetwork, *, focus: Collection[str] | None = THE_EIGHT) -> nx.DiGraph:
    """States as nodes (``label``), resident bilateral missions as edges S → H (``missions``: IRIs), for
    the pairs with a state of ``focus`` on either side."""
    G = nx.DiGraph()
    states = {s for m in net.missions if _in_focus(m.sender, m.host, focus) for s in (m.sender, m.host)}
    states |= {s for a in net.accreditations if _in_focus(a.sender, a.target, focus) for s in (a.sender, a.target)}
    for iri in sorted(states):
        G.add_node(iri, label=net.label(iri), eight=iri in THE_EIGHT)
    for m in net.missions:
        if m.bilateral and m.sender != m.host and _in_focus(m.sender, m.host, focus):
            if not G.has_edge(m.sender, m.host):
                G.add_edge(m.sender, m.host, missions=[])
            G.edges[m.sender, m.host]["missions"].append(m.iri)
    return G


def nonresident_pairs(net: DiplomacyNetwork, G: nx.DiGraph | None = None, *,
                      focus: Collection[str] | None = THE_EIGHT) -> dict[tuple[str, str], list[Accreditation]]:
    """(sender, covered state) → the accreditations behind it, where the sender has no resident bilateral
    mission (pairs with a state of ``focus`` on either side)."""
    G = G if G is not None else resident_graph(net, focus=focus)
    pairs: dict[tuple[str, str], list[Accreditation]] = defaultdict(list)
    for a in net.accreditations:
        if a.target != a.sender and _in_focus(a.sender, a.target, focus) and not G.has_edge(a.sender, a.target):
            pairs[(a.sender, a.target)].append(a)
    return dict(pairs)


@dataclass(frozen=True)
class StateMeasures:
    iri: str
    label: str
    code: str
    sent: int  # resident bilateral missions abroad
    hosted: int  # resident bilateral missions of others in it
    partners: int  # states it has resident bilateral missions in
    reciprocity: float | None  # share of those partners with a mission back; None when it sends none
    covered: int  # states it covers only from a third capital
    degree: float
    betweenness: float
    pagerank: float

    def row(self) -> tuple[object, ...]:
        return tuple(getattr(self, c) for c in MEASURE_COLUMNS)


MEASURE_COLUMNS = ("label", "code", "sent", "hosted", "partners", "reciprocity", "covered", "degree",
                   "betweenness", "pagerank")


def state_measures(net: DiplomacyNetwork, *, digits: int = 4,
                   focus: Collection[str] | None = THE_EIGHT) -> list[StateMeasures]:
    """One row per state of the network, most missions sent first (then most hosted, then by name)."""
    G = resident_graph(net, focus=focus)
    if G.number_of_nodes() == 0:
        return []
    sent: dict[str, int] = defaultdict(int)
    hosted: dict[str, int] = defaultdict(int)
    for u, v, data in G.edges(data=True):
        sent[u] += len(data["missions"])
        hosted[v] += len(data["missions"])
    covered: dict[str, int] = defaultdict(int)
    for sender, _target in nonresident_pairs(net, G, focus=focus):
        covered[sender] += 1
    degree = nx.degree_centrality(G) if G.number_of_nodes() > 1 else {n: 0.0 for n in G}
    betweenness = nx.betweenness_centrality(G)
    pagerank = nx.pagerank(G, alpha=0.85) if G.number_of_edges() else {n: 1 / G.number_of_nodes() for n in G}
    rows = []
    for n in G:
        partners = list(G.successors(n))
        back = sum(1 for p in partners if G.has_edge(p, n))
        rows.append(StateMeasures(
            iri=n, label=G.nodes[n]["label"], code=n.rsplit("/", 1)[-1], sent=sent[n], hosted=hosted[n],
            partners=len(partners), reciprocity=round(back / len(partners), digits) if partners else None,
            covered=covered[n], degree=round(degree[n], digits), betweenness=round(betweenness[n], digits),
            pagerank=round(pagerank[n], digits)))
    return sorted(rows, key=lambda r: (-r.sent, -r.hosted, r.label, r.iri))
