"""What every command shares: error handling, progress display, output helpers."""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from ..errors import GraphError, ValidationError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def run_group() -> type[click.Group]:
    """A click group whose commands turn :class:`GraphError` into one line and an exit code."""

    class Group(click.Group):
        def invoke(self, ctx: click.Context) -> Any:
            try:
                return super().invoke(ctx)
            except GraphError as exc:
                verbose = bool(ctx.obj and ctx.obj.get("verbose"))
                if verbose:
                    traceback.print_exc()
                    if isinstance(exc, ValidationError):
                        for v in exc.violations:
                            click.echo(v.line(), err=True)
                click.echo(f"tkg: error: {exc}", err=True)
                ctx.exit(exc.exit_code)

    return Group


def parse_params(params: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``--param K=V`` options as a dict; K is a parameter name, given at most once.

    >>> parse_params(["date=2026-01-14", "lang=ky"])
    {'date': '2026-01-14', 'lang': 'ky'}
    """
    import re

    from ..errors import InputError

    out: dict[str, str] = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep:
            raise InputError(f"--param takes K=V, got {param!r}")
        key = key.strip()
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise InputError(f"--param takes K=V with K a parameter name (letters, digits, _), got {param!r}")
        if key in out:
            raise InputError(f"--param {key} is given twice")
        out[key] = value
    return out


def settings_of(ctx: click.Context):  # type: ignore[no-untyped-def]
    return ctx.find_root().obj["settings"]


def is_verbose(ctx: click.Context) -> bool:
    return bool(ctx.find_root().obj.get("verbose"))


@contextmanager
def progress(label: str, *, enabled: bool = True) -> Iterator[Any]:
    """A spinner with the current step on stderr (only when stderr is a terminal); yields a
    function ``step(name)``."""
    from rich.console import Console

    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield lambda _name: None
        return
    with console.status(label) as status:
        yield lambda name: status.update(f"{label}: {name}…")


def echo_table(rows: list[tuple[Any, ...]], headers: list[str], *, title: str | None = None) -> None:
    """Print rows as a plain aligned table on stdout."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from ..formats import printable

    if title:
        click.echo(title)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i, h in enumerate(headers):
        table.add_column(h, justify="right" if rows and isinstance(rows[0][i], int) else "left")
    for row in rows:
        table.add_row(*(printable(str(c)) for c in row))
    Console(width=120, color_system=None, highlight=False, markup=False).print(table)
