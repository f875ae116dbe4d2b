"""``tkg serve``: a read-only SPARQL 1.1 endpoint and a web explorer of the built graph.

Built on Starlette (routes, requests, responses) run by uvicorn, with pyoxigraph stores in worker
processes. One concern per module:

* :mod:`graph.server.config` — :class:`ServeSettings` (host, port, time limit, workers, size cap);
* :mod:`graph.server.app` — :func:`create_app`, the routes and the lifespan;
* :mod:`graph.server.sparql` — the SPARQL 1.1 Protocol, the service description, errors as statuses;
* :mod:`graph.server.negotiation` — the answer formats and ``Accept`` negotiation;
* :mod:`graph.server.guard` — what is refused: updates, LOAD, SERVICE;
* :mod:`graph.server.workers` — the query worker processes, killed and replaced past the limit;
* :mod:`graph.server.site`, :mod:`~graph.server.entity`, :mod:`~graph.server.ontology`,
  :mod:`~graph.server.pages` — the HTML pages and the data they read.
"""

from __future__ import annotations

from ..settings import Settings
from .app import create_app
from .config import ServeSettings

__all__ = ["ServeSettings", "create_app", "serve"]


def serve(settings: Settings, serve_settings: ServeSettings, *, log_level: str = "warning") -> None:
    """Run the server in the foreground until interrupted (uvicorn, one event loop)."""
    import uvicorn

    app = create_app(settings, serve_settings)
    uvicorn.run(app, host=serve_settings.host, port=serve_settings.port, log_level=log_level,
                access_log=False, server_header=False, timeout_graceful_shutdown=5)
