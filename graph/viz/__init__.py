"""Interactive HTML views of the graph (pyvis / vis-network), built offline and escaped.

The work is split by concern, and every step returns a value that tests can look at:

* :mod:`graph.viz.model` — from an engine, a :class:`networkx.MultiDiGraph` of entities (the
  overview, one entity's neighbourhood, a query's result, the paths between two entities);
* :mod:`graph.viz.style` — colour and shape of every class;
* :mod:`graph.viz.network` — the networkx graph as a :class:`pyvis.network.Network` (opaque ids,
  escaped text, precomputed layout at scale);
* :mod:`graph.viz.html` — the self-contained HTML page and writing it;
* :mod:`graph.viz.index` — the index page of the build's views and the query library.
"""

from __future__ import annotations

from .html import generate_html, write_view
from .model import (
    entity_model,
    graph_model,
    neighbourhood,
    path_model,
    query_model,
    resolve_entity,
)
from .network import build_network

__all__ = [
    "graph_model", "neighbourhood", "entity_model", "query_model", "path_model", "resolve_entity",
    "build_network", "generate_html", "write_view",
]
