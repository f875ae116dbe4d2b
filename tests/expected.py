"""Expected results of the query library: where they live, how they are written and compared.

Run ``python -m tests.expected`` after a deliberate data change to rewrite every expected file from
the current build; review the diff before committing it.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path


from graph.formats import format_result
from graph.library import LibraryQuery
from graph.results import Result

SUFFIX = {"SELECT": ".expected.csv", "ASK": ".expected.txt", "CONSTRUCT": ".expected.nt", "DESCRIBE": ".expected.nt"}


def expected_path(query: LibraryQuery) -> Path:
    return query.path.with_name(query.name + SUFFIX[query.kind])


def as_text(result: Result) -> str:
    """The canonical text of a result: SPARQL CSV, ``true``/``false``, or sorted N-Triples."""
    if result.kind == "graph":
        lines = sorted({f"{t.subject} {t.predicate} {t.object} ." for t in result.triples})
        return "".join(f"{line}\n" for line in lines)
    return format_result(result, "csv", formula_escape=False)  # the data exactly, for comparison


def comparable(text: str, query: LibraryQuery) -> object:
    """Rows as a list when the query orders them, else as a multiset."""
    if query.kind == "SELECT":
        rows = [tuple(r) for r in csv.reader(io.StringIO(text))]
        header, body = rows[0], rows[1:]
        ordered = "ORDER BY" in query.text.upper()
        return header, (body if ordered else Counter(body))
    if query.kind == "ASK":
        return text.strip()
    return Counter(line for line in text.splitlines() if line)


if __name__ == "__main__":  # pragma: no cover - a maintenance tool
    from graph.api import run_text
    from graph.library import load_library, render
    from graph.settings import load_settings
    from graph.store import OxigraphEngine

    settings = load_settings()
    engine = OxigraphEngine.from_build(settings)
    for name, q in load_library(settings.queries_dir).items():
        if name.startswith("qc_"):
            continue
        path = expected_path(q)
        path.write_text(as_text(run_text(engine, render(q))), encoding="utf-8")
        print(f"wrote {path.relative_to(settings.root)}")
