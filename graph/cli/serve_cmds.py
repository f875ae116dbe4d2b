"""``tkg serve``: the read-only SPARQL endpoint and web explorer of the built graph."""

from __future__ import annotations

import click

from ._common import settings_of


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--timeout", type=click.FloatRange(0.1), default=None,
              help="Time limit of each query in seconds; a query past it is stopped (HTTP 503) "
                   "[default: 10; a library query sent exactly as the query page shows it gets its own "
                   "'# timeout:' line's limit].")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Query worker processes [default: 2 × cores + 1].")
@click.option("--max-bytes", type=click.IntRange(1024), default=None, metavar="N",
              help="Largest answer in bytes; a larger one is refused (HTTP 422) [default: 64 MiB].")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, timeout: float | None, workers: int | None,
          max_bytes: int | None) -> None:
    """Serve the built graph: SPARQL 1.1 Protocol at /sparql, the query page at /, entity pages at
    /entity/<id>, search, the ontology and the views. Read-only; runs until interrupted."""
    from ..server import ServeSettings, serve as run
    from ..server.config import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, default_workers

    options = ServeSettings(host=host, port=port, timeout=timeout or DEFAULT_TIMEOUT,
                            timeout_given=timeout is not None, workers=workers or default_workers(), max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    settings = settings_of(ctx)
    click.echo(f"tkg: serving {settings.build_dir} at http://{host}:{port}/ (SPARQL endpoint /sparql; "
               f"{options.workers} query workers, {options.timeout:g} s limit); Ctrl-C stops", err=True)
    run(settings, options)


COMMANDS = [serve]
