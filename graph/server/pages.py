"""The HTML pages: the query page (YASGUI), entity pages, search, the ontology, the views, and
network views of an entity's neighbourhood or of a query's result.

Pages are Jinja templates with autoescaping (``graph/server/templates``); every text from the data
is escaped. Network views are the ``tkg viz`` pages (:mod:`graph.viz`), vis-network inlined.
Store work runs in threads, never on the event loop.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from ..errors import GraphError
from .entity import entity_iri, entity_page, search
from .site import examples
from .sparql import error_response, status_of

__all__ = ["TEMPLATES", "query_page", "entity_handler", "search_handler", "ontology_handler",
           "views_handler", "entity_graph_handler", "query_graph_handler"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
_ENV = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True, lstrip_blocks=True)
#: Pages may load only this server's own scripts, styles and frames.
_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src 'self'")


def _page(name: str, status: int = 200, **context: object) -> HTMLResponse:
    html = _ENV.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": _CSP})


async def _guarded(fn, *args):  # type: ignore[no-untyped-def]
    """Run blocking page work in a thread; a GraphError becomes a one-line error response."""
    try:
        return await run_in_threadpool(fn, *args)
    except GraphError as exc:
        return error_response(status_of(exc), str(exc))


async def query_page(request: Request) -> Response:
    """``/``: YASGUI on this endpoint, with the query library as examples."""
    site = request.app.state.site
    library = await run_in_threadpool(site.library)
    return _page("query.html", examples=examples(library), timeout=request.app.state.serve.timeout)


async def entity_handler(request: Request) -> Response:
    site = request.app.state.site
    page = await _guarded(entity_page, site, request.path_params["path"])
    if isinstance(page, Response):
        return page
    return _page("entity.html", e=page)


async def search_handler(request: Request) -> Response:
    site = request.app.state.site
    q = request.query_params.get("q", "")
    found = await _guarded(search, site, q)
    if isinstance(found, Response):
        return found
    return _page("search.html", q=q, found=found)


async def ontology_handler(request: Request) -> Response:
    onto = await run_in_threadpool(request.app.state.site.ontology)
    return _page("ontology.html", onto=onto)


def _entity_view_html(site, path: str, hops: int) -> str:  # type: ignore[no-untyped-def]
    from ..viz.html import generate_html
    from ..viz.model import neighbourhood
    from ..viz.network import build_network

    G = site.graph()
    H = neighbourhood(G, entity_iri(path), hops=hops)
    title = f"{G.nodes[H.graph['center']]['label']} ({hops} hop{'s' if hops != 1 else ''})"
    subtitle = f"{H.number_of_nodes()} entities, {H.number_of_edges()} relations"
    return generate_html(build_network(H), title=title, subtitle=subtitle)


async def entity_graph_handler(request: Request) -> Response:
    """``/graph/entity/<path>?hops=N``: the neighbourhood view of an entity."""
    try:
        hops = min(max(int(request.query_params.get("hops", "1")), 0), 3)
    except ValueError:
        return error_response(400, "hops must be a whole number")
    html = await _guarded(_entity_view_html, request.app.state.site, request.path_params["path"], hops)
    return html if isinstance(html, Response) else HTMLResponse(html)


def _query_view_html(site, result, title: str) -> str:  # type: ignore[no-untyped-def]
    from ..viz.html import generate_html
    from ..viz.model import query_model
    from ..viz.network import build_network

    G = query_model(site.engine, result, title=title)
    subtitle = f"{G.number_of_nodes()} entities, {G.number_of_edges()} relations"
    return generate_html(build_network(G), title=title, subtitle=subtitle)


async def query_graph_handler(request: Request) -> Response:
    """``/graph/query?query=…``: a CONSTRUCT/DESCRIBE result, or a SELECT with ?source and
    ?target, drawn as a network (the query runs in a worker with the usual limits)."""
    from ..results import result_from_remote
    from .sparql import run_query

    query = request.query_params.get("query")
    if not query:
        return error_response(400, "no query: give query=…")
    answer = await run_query(request, query, accept="application/sparql-results+json, application/n-triples")
    if answer.status_code != 200:
        return answer
    graph = answer.media_type.startswith("application/n-triples")
    try:
        result = result_from_remote("CONSTRUCT" if graph else "SELECT", answer.body)
    except ValueError as exc:
        return error_response(400, str(exc))
    html = await _guarded(_query_view_html, request.app.state.site, result, "Query result")
    return html if isinstance(html, Response) else HTMLResponse(html)


async def views_handler(request: Request) -> Response:
    """``/views/…``: the pages ``tkg viz`` wrote into BUILD/views; without them, the overview is
    drawn on demand."""
    site = request.app.state.site
    name = request.path_params.get("name", "") or "index.html"
    folder = site.settings.views_dir.resolve()
    path = (folder / name).resolve()
    if path.is_relative_to(folder) and path.is_file():
        return FileResponse(path)
    if name in ("index.html", "overview.html"):
        html = await _guarded(_overview_html, site)
        return html if isinstance(html, Response) else HTMLResponse(html)
    return error_response(404, f"no view {name}; run `tkg viz --all` to write the views")


def _overview_html(site) -> str:  # type: ignore[no-untyped-def]
    from ..viz.html import generate_html
    from ..viz.network import build_network

    G = site.graph()
    subtitle = f"{G.number_of_nodes()} entities, {G.number_of_edges()} relations (drawn on demand)"
    return generate_html(build_network(G), title="Overview", subtitle=subtitle)
