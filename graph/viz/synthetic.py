"""Synthetic entity graphs of the views' shape, for the scale tests and ``benchmarks/bench_views.py``.

Institution-shaped: a few states, organizations and missions, many posts, persons and events;
about two relations per entity, seeded so every run draws the same graph.

>>> G = synthetic_graph(1000, seed=1)
>>> G.number_of_nodes(), G.number_of_edges() > 1500
(1000, True)
"""

from __future__ import annotations

import random

import networkx as nx

__all__ = ["synthetic_graph"]

_MIX = (("State", 0.01, "holds"), ("InternationalOrganization", 0.02, "member"),
        ("Embassy", 0.07, "sending state"), ("Post", 0.25, "post in"), ("Person", 0.40, "holds"),
        ("Meeting", 0.25, "host"))


def synthetic_graph(n: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """``n`` entities with labels, classes, names and facts, and about ``2 n`` relations."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph(title=f"Synthetic graph of {n} entities", kind="overview", langs=["en"], as_of=None)
    by_class: dict[str, list[str]] = {}
    i = 0
    for cls, share, _rel in _MIX:
        count = max(1, round(n * share)) if cls != "Meeting" else n - i
        for _ in range(count):
            if i >= n:
                break
            key = f"https://example.org/id/{cls.lower()}/{i}"
            label = f"{cls} {i} Türkçe ğış"
            G.add_node(key, iri=key, label=label, names=[label, f"{cls[:3]}-{i}"], cls=cls, class_label=cls,
                       facts=[("number", str(i))], sources=[f"Synthetic source {i % 97}"])
            by_class.setdefault(cls, []).append(key)
            i += 1

    def pick(cls: str) -> str:
        return rng.choice(by_class.get(cls) or by_class["State"])

    serial = iter(range(10 * n + 10))

    def relate(u: str, v: str, label: str) -> None:
        G.add_edge(u, v, key=f"{label}|{next(serial)}", predicate=f"https://example.org/p/{label}", label=label,
                   kind="relation", via=None, facts=[], sources=[])

    for key in by_class.get("InternationalOrganization", []):
        for _ in range(3):
            relate(pick("State"), key, "member")
    for key in by_class.get("Embassy", []):
        relate(key, pick("State"), "sending state")
        relate(key, pick("State"), "accredited to")
    for key in by_class.get("Post", []):
        relate(key, pick("Embassy"), "post in")
        relate(pick("Person"), key, "holds")
    for key in by_class.get("Person", []):
        relate(key, pick("Meeting"), rng.choice(("speaker", "attendee")))
        if rng.random() < 0.5:
            relate(key, pick("Post"), "holds")
    for key in by_class.get("Meeting", []):
        relate(key, pick("State"), "host")
        relate(pick("Person"), key, "attendee")
    return G
