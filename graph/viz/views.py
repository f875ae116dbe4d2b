"""The views the ``tkg viz`` command writes: build each one, then write them and the index.

A :class:`View` holds the entity graph and its pyvis network; :func:`write_views` writes the pages
into the views folder (``BUILD/views``) and refreshes the index page there.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from ..library import load_library, render
from ..settings import Settings
from ..store import Engine
from .html import write_view
from .index import ViewEntry, record_views, write_index
from .model import entity_model, graph_model, path_model, query_model, resolve_entity
from .network import LAYOUT_THRESHOLD, build_network

__all__ = ["View", "overview_view", "entity_view", "query_view", "path_view", "library_views",
           "central_entities", "write_views", "slug"]


@dataclass
class View:
    name: str  # file name without .html
    title: str
    kind: str  # overview | entity | query | path
    graph: nx.MultiDiGraph
    network: Network

    @property
    def subtitle(self) -> str:
        parts = [f"{self.graph.number_of_nodes()} entities, {self.graph.number_of_edges()} relations"]
        if self.graph.graph.get("as_of"):
            parts.append(f"as of {self.graph.graph['as_of']}")
        langs = self.graph.graph.get("langs") or []
        if langs and langs != ["en"]:
            parts.append("labels: " + ", ".join(langs) + " → en")
        return "; ".join(parts)


def slug(iri: str) -> str:
    """A file-name part for an IRI: its last two path segments.

    >>> slug("https://w3id.org/turkic-kg/id/person/kubanychbek-omuraliev")
    'person-kubanychbek-omuraliev'
    """
    parts = [p for p in re.split(r"[/#]", iri) if p][-2:]
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", "-".join(parts)).strip("-.")[:80] or "entity"


def _suffix(langs: Sequence[str], as_of: datetime.date | None) -> str:
    out = ""
    if as_of is not None:
        out += f"-{as_of.isoformat()}"
    if list(langs) != ["en"]:
        out += "-" + "-".join(re.sub(r"[^A-Za-z0-9-]", "", x) for x in langs)
    return out


def _view(name: str, G: nx.MultiDiGraph, threshold: int) -> View:
    return View(name=name, title=G.graph["title"], kind=G.graph["kind"], graph=G,
                network=build_network(G, layout_threshold=threshold))


def overview_view(engine: Engine, *, langs: Sequence[str] = ("en",), as_of: datetime.date | None = None,
                  G: nx.MultiDiGraph | None = None, layout_threshold: int = LAYOUT_THRESHOLD) -> View:
    G = G if G is not None else graph_model(engine, langs=langs, as_of=as_of)
    return _view("overview" + _suffix(langs, as_of), G, layout_threshold)


def entity_view(engine: Engine, name: str, *, hops: int = 1, langs: Sequence[str] = ("en",),
                as_of: datetime.date | None = None, G: nx.MultiDiGraph | None = None,
                layout_threshold: int = LAYOUT_THRESHOLD) -> View:
    H = entity_model(engine, name, hops=hops, langs=langs, as_of=as_of, G=G)
    return _view(f"entity-{slug(H.graph['center'])}-{hops}" + _suffix(langs, as_of), H, layout_threshold)


def query_view(engine: Engine, sparql: str, *, name: str, title: str, langs: Sequence[str] = ("en",),
               timeout: float | None = None, layout_threshold: int = LAYOUT_THRESHOLD) -> View:
    from ..api import run_text

    G = query_model(engine, run_text(engine, sparql, timeout=timeout), langs=langs, title=title)
    return _view(f"query-{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}" + _suffix(langs, None), G, layout_threshold)


def path_view(engine: Engine, a: str, b: str, *, langs: Sequence[str] = ("en",),
              as_of: datetime.date | None = None, G: nx.MultiDiGraph | None = None,
              layout_threshold: int = LAYOUT_THRESHOLD) -> View:
    G = G if G is not None else graph_model(engine, langs=langs, as_of=as_of)
    ia, ib = resolve_entity(engine, a, G), resolve_entity(engine, b, G)
    H = path_model(G, ia, ib)
    return _view(f"path-{slug(ia)}--{slug(ib)}" + _suffix(langs, as_of), H, layout_threshold)


def central_entities(G: nx.MultiDiGraph, *, count: int = 5) -> list[str]:
    """The ``count`` entities of highest degree (ties by label), for ``tkg viz --all``."""
    from ..analyze import simple_graph

    U = simple_graph(G)
    return sorted(U, key=lambda n: (-U.degree(n), G.nodes[n].get("label", ""), n))[:count]


def library_views(engine: Engine, settings: Settings, *, langs: Sequence[str] = ("en",),
                  layout_threshold: int = LAYOUT_THRESHOLD) -> tuple[list[View], list[str]]:
    """Views of the library queries whose answer is a graph (CONSTRUCT, DESCRIBE, or a SELECT with
    ``?source`` and ``?target``), run with their default parameters. Returns the views and one
    line per query that could not be shown."""
    from ..errors import GraphError

    views, skipped = [], []
    for name, q in load_library(settings.queries_dir).items():
        if name.startswith("qc_"):
            continue
        graph_shaped = q.kind in ("CONSTRUCT", "DESCRIBE") or (
            q.kind == "SELECT" and re.search(r"\?source\b", q.text) and re.search(r"\?target\b", q.text))
        if not graph_shaped:
            continue
        try:
            view = query_view(engine, render(q), name=name, title=q.title or name, langs=langs,
                              timeout=settings.timeout, layout_threshold=layout_threshold)
        except GraphError as exc:
            skipped.append(f"{name}: {exc}")
            continue
        if view.graph.number_of_nodes() == 0:
            skipped.append(f"{name}: the answer is empty")
            continue
        views.append(view)
    return views, skipped


def write_views(views: Sequence[View], views_dir: Path, *, settings: Settings | None = None,
                index: bool = True) -> tuple[list[Path], Path | None]:
    """Write every view into ``views_dir`` and, with ``index``, record them in the folder's
    manifest and rewrite the index page. Returns the pages written and the index page."""
    written = []
    for v in views:
        written.append(write_view(v.network, views_dir / f"{v.name}.html", title=v.title, subtitle=v.subtitle,
                                  index_href="index.html" if index else None))
    if not index:
        return written, None
    entries = record_views(views_dir, [ViewEntry(file=f"{v.name}.html", title=v.title, kind=v.kind,
                                                 nodes=v.graph.number_of_nodes(), edges=v.graph.number_of_edges())
                                       for v in views])
    queries = load_library(settings.queries_dir) if settings is not None else {}
    return written, write_index(views_dir, entries, queries)
