"""Output formats in one table: a format name maps to one writer and the kinds of result it takes.

Dataset formats (``tkg export``) map to pyoxigraph serializers; result formats (``tkg query``) to
small writers of the SPARQL 1.1 results formats.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import InputError
from .namespaces import PREFIXES
from .results import Result, Term

__all__ = ["DATASET_FORMATS", "RESULT_FORMATS", "compact", "format_result", "serialize_quads"]


@dataclass(frozen=True)
class DatasetFormat:
    rdf_format: ox.RdfFormat
    named_graphs: bool
    media_type: str
    suffix: str


#: ``tkg export`` formats; those without named graphs get the union of all graphs.
DATASET_FORMATS: dict[str, DatasetFormat] = {
    "trig": DatasetFormat(ox.RdfFormat.TRIG, True, "application/trig", ".trig"),
    "nquads": DatasetFormat(ox.RdfFormat.N_QUADS, True, "application/n-quads", ".nq"),
    "turtle": DatasetFormat(ox.RdfFormat.TURTLE, False, "text/turtle", ".ttl"),
    "ntriples": DatasetFormat(ox.RdfFormat.N_TRIPLES, False, "application/n-triples", ".nt"),
    "jsonld": DatasetFormat(ox.RdfFormat.JSON_LD, True, "application/ld+json", ".jsonld"),
    "xml": DatasetFormat(ox.RdfFormat.RDF_XML, False, "application/rdf+xml", ".rdf"),
}

_ALL_PREFIXES = {**PREFIXES}


def serialize_quads(quads: Sequence[ox.Quad], fmt: str) -> bytes:
    """Quads in a dataset format; a triples-only format gets the de-duplicated union."""
    spec = DATASET_FORMATS[fmt]
    if spec.named_graphs:
        kwargs = {"prefixes": _ALL_PREFIXES} if spec.rdf_format == ox.RdfFormat.TRIG else {}
        return ox.serialize(quads, format=spec.rdf_format, **kwargs)
    triples = sorted({q.triple for q in quads}, key=str)
    kwargs = {"prefixes": _ALL_PREFIXES} if spec.rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else {}
    return ox.serialize(triples, format=spec.rdf_format, **kwargs)


def compact(term: Term | None, labels: dict[str, str] | None = None) -> str:
    """A short readable text of a term: prefixed names for IRIs, plain text for literals.

    >>> compact(ox.NamedNode("https://w3id.org/turkic-kg/id/state/KGZ"))
    'state:KGZ'
    >>> compact(ox.NamedNode("https://w3id.org/turkic-kg/id/state/KGZ"), {"https://w3id.org/turkic-kg/id/state/KGZ": "Kyrgyz Republic"})
    'Kyrgyz Republic (state:KGZ)'
    """
    from .library import ID_PREFIXES

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = term.value
        for prefix, iri in {**ID_PREFIXES, **PREFIXES}.items():
            if text.startswith(iri) and len(text) > len(iri) and "/" not in text[len(iri):]:
                text = f"{prefix}:{text[len(iri):]}"
                break
        if labels and term.value in labels:
            return f"{labels[term.value]} ({text})"
        return text
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _plain(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _csv(result: Result, delimiter: str, labels: dict[str, str] | None) -> str:
    out = io.StringIO()
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    if result.kind == "graph":
        raise InputError("a CONSTRUCT or DESCRIBE result has no CSV/TSV form; use --format turtle, jsonld or table")
    if delimiter == ",":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_plain(t) for t in row])
        return out.getvalue()
    # SPARQL 1.1 TSV: header with ?vars, terms in their N-Triples form
    out.write("\t".join(f"?{v}" for v in result.variables) + "\n")
    for row in result.rows:
        out.write("\t".join("" if t is None else str(t) for t in row) + "\n")
    return out.getvalue()


def _json_cell(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    cell = {"type": "literal", "value": term.value}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        cell["datatype"] = term.datatype.value
    return cell


def _json(result: Result, labels: dict[str, str] | None) -> str:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
    if result.kind == "graph":
        return _graph(result, ox.RdfFormat.JSON_LD)
    bindings = [{v: _json_cell(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


def _graph(result: Result, fmt: ox.RdfFormat) -> str:
    if result.kind != "graph":
        raise InputError("turtle and jsonld are for CONSTRUCT or DESCRIBE results; use table, csv, tsv or json")
    kwargs = {"prefixes": _ALL_PREFIXES} if fmt == ox.RdfFormat.TURTLE else {}
    return ox.serialize(result.triples, format=fmt, **kwargs).decode("utf-8")


def _table(result: Result, labels: dict[str, str] | None) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    if result.kind == "graph":
        columns = ["subject", "predicate", "object"]
        rows: list[tuple[Term | None, ...]] = [(t.subject, t.predicate, t.object) for t in result.triples]
    else:
        columns, rows = result.variables, result.rows
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*(compact(t, labels) for t in row))
    import shutil

    width = max(100, shutil.get_terminal_size((160, 40)).columns)
    console = Console(file=io.StringIO(), width=width, color_system=None, emoji=False, highlight=False,
                      markup=False)
    console.print(table)
    count = len(rows)
    console.print(f"{count} row{'s' if count != 1 else ''}")
    return console.file.getvalue()  # type: ignore[attr-defined]


#: ``tkg query --format`` writers: name → function(result, labels) → text.
RESULT_FORMATS: dict[str, Callable[[Result, dict[str, str] | None], str]] = {
    "table": _table,
    "csv": lambda r, labels: _csv(r, ",", labels),
    "tsv": lambda r, labels: _csv(r, "\t", labels),
    "json": _json,
    "turtle": lambda r, labels: _graph(r, ox.RdfFormat.TURTLE),
    "jsonld": lambda r, labels: _graph(r, ox.RdfFormat.JSON_LD),
}


def format_result(result: Result, fmt: str, *, labels: dict[str, str] | None = None) -> str:
    try:
        writer = RESULT_FORMATS[fmt]
    except KeyError:
        raise InputError(f"unknown format {fmt!r}; choose from {', '.join(RESULT_FORMATS)}") from None
    return writer(result, labels)
