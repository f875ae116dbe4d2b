"""Data-quality checks: the library's ``qc_*.rq`` queries, each of which must return no rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import Violation
from .formats import compact
from .library import load_library
from .settings import Settings
from .store import Engine, OxigraphEngine

if TYPE_CHECKING:
    from .build import Checked

__all__ = ["qc_queries", "run_qc", "run_qc_on"]


def qc_queries(settings: Settings) -> dict[str, str]:
    return {name: q.text for name, q in load_library(settings.queries_dir).items() if name.startswith("qc_")}


def run_qc_on(engine: Engine, queries: dict[str, str], files_of=lambda _s: ()) -> list[Violation]:  # type: ignore[no-untyped-def]
    """Run each check; every row is a violation named by its first column (the entity)."""
    out: list[Violation] = []
    for name, text in sorted(queries.items()):
        result = engine.query(text)
        for row in result.rows:
            focus = row[0].value if row and row[0] is not None else ""
            detail = ", ".join(f"{v}={compact(t)}" for v, t in zip(result.variables[1:], row[1:]) if t is not None)
            out.append(Violation(focus=focus, rule=f"qc:{name}", message=detail or "returned a row",
                                 files=files_of(focus)))
    return out


def run_qc(settings: Settings, checked: Checked) -> list[Violation]:
    """Run the checks on the checked (not yet written) graph: the check's store, whose default
    graph is already the union."""
    assert checked.store is not None
    return run_qc_on(OxigraphEngine(checked.store, materialize_union=False), qc_queries(settings),
                     checked.sources.files_of)
