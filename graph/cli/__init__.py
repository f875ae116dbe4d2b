"""The ``tkg`` command: a thin layer over the package's plain functions.

Exit codes: 0 ok; 1 the answer is "no" (violations, failed checks); 2 bad input (syntax, arguments,
files); 3 an engine or endpoint failed (unreachable, time limit).
"""

from __future__ import annotations

import importlib

import click

from ._common import CONTEXT_SETTINGS, run_group

__all__ = ["main", "COMMAND_MODULES"]

#: Modules that each add their commands to the group (one concern per module).
COMMAND_MODULES = ("build_cmds", "query_cmds", "push_cmds", "viz_cmds", "ingest_cmds", "serve_cmds", "import_cmds")


@click.group(cls=run_group(), context_settings=CONTEXT_SETTINGS)
@click.option("--root", type=click.Path(file_okay=False, exists=True), default=None,
              help="Project folder with ontology/, data/ and queries/ (default: found from the working directory).")
@click.option("--build-dir", type=click.Path(file_okay=False), default=None,
              help="Where builds are written and read (default: ROOT/build).")
@click.option("-v", "--verbose", is_flag=True, help="Print details and tracebacks of errors.")
@click.version_option(package_name="turkic-kg", prog_name="tkg")
@click.pass_context
def main(ctx: click.Context, root: str | None, build_dir: str | None, verbose: bool) -> None:
    """Build, check, query and view the Turkic-world institutions knowledge graph."""
    from pathlib import Path

    from ..settings import load_settings

    ctx.ensure_object(dict)
    ctx.obj["settings"] = load_settings(root=Path(root) if root else None,
                                        build_dir=Path(build_dir) if build_dir else None)
    ctx.obj["verbose"] = verbose


for _name in COMMAND_MODULES:
    _module = importlib.import_module(f"{__name__}.{_name}")
    for _command in getattr(_module, "COMMANDS", ()):
        main.add_command(_command)
