"""The web application: ``create_app(settings, serve)`` wires the routes, the query workers and
the pages' data; nothing starts until the app's lifespan begins (uvicorn, or a test client).

Routes: ``/`` query page · ``/sparql`` SPARQL 1.1 Protocol · ``/store`` Graph Store Protocol
(reading) · ``/entity/<id>`` · ``/search?q=`` · ``/ontology`` · ``/views/…`` · ``/graph/entity/<id>``
and ``/graph/query?query=`` (network views) · ``/static/…``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import NotBuiltError
from ..settings import Settings
from . import pages
from .config import ServeSettings
from .site import Site
from .sparql import error_response, graph_store, sparql_endpoint
from .workers import WorkerPool

__all__ = ["create_app", "STATIC"]

STATIC = Path(__file__).resolve().parent / "static"
_ALL = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]


def _check_built(settings: Settings) -> None:
    if not settings.store_path.is_dir():
        raise NotBuiltError(f"{settings.store_path}: no built store; run `tkg build` first")


async def _http_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        if exc.status_code == 405 and request.method in ("PUT", "DELETE", "PATCH", "POST"):
            return error_response(403, "this server is read-only")
        return error_response(exc.status_code, str(exc.detail))
    return error_response(500, "internal error")


def create_app(settings: Settings, serve: ServeSettings, *, warm: bool = True) -> Starlette:
    """The application serving the build of ``settings`` with the limits of ``serve``.

    ``warm`` builds the pages' data (entity graph, name index) in the background at start-up.
    """
    _check_built(settings)
    site = Site(settings, timeout=serve.timeout)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool = WorkerPool(settings.store_path, size=serve.workers)
        app.state.pool = pool
        await pool.start()
        warming = asyncio.get_running_loop().run_in_executor(None, site.warm) if warm else None
        try:
            yield
        finally:
            await pool.close()
            if warming is not None:
                with contextlib.suppress(Exception):
                    await warming

    routes = [
        Route("/", pages.query_page, name="query"),
        Route("/sparql", sparql_endpoint, methods=_ALL, name="sparql"),
        Route("/store", graph_store, methods=_ALL, name="store"),
        Route("/entity/{path:path}", pages.entity_handler, name="entity"),
        Route("/search", pages.search_handler, name="search"),
        Route("/ontology", pages.ontology_handler, name="ontology"),
        Route("/views/", pages.views_handler, name="views_index"),
        Route("/views/{name:path}", pages.views_handler, name="views"),
        Route("/graph/entity/{path:path}", pages.entity_graph_handler, name="entity_graph"),
        Route("/graph/query", pages.query_graph_handler, name="query_graph"),
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={HTTPException: _http_error, Exception: _http_error})
    app.state.settings, app.state.serve, app.state.site = settings, serve, site
    return app
