"""Output formats in one table: a format name maps to one writer and the kinds of result it takes.

Dataset formats (``tkg export``) map to pyoxigraph serializers; result formats (``tkg query``) to
small writers of the SPARQL 1.1 results formats.

Output is safe where it lands:

* CSV and TSV cells that a spreadsheet would run as a formula (they begin with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return) get a leading ``'``, as OWASP advises against CSV injection.
  A plain number such as ``-3.5`` is not a formula and stays as it is. ``formula_escape=False``
  (``tkg query --csv-raw``) writes every value exactly, for programs rather than spreadsheets.
* Table cells show control characters (ESC, the other C0 and C1 controls, DEL) as visible
  ``\\xNN`` text, so data cannot move the cursor, recolour or retitle a terminal.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import InputError
from .namespaces import PREFIXES, prefixed_name
from .results import Result, Term

__all__ = ["DATASET_FORMATS", "RESULT_FORMATS", "compact", "escape_formula", "format_result", "printable",
           "serialize_quads"]


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
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = prefixed_name(term.value) or term.value
        if labels and term.value in labels:
            return f"{labels[term.value]} ({text})"
        return text
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def escape_formula(text: str) -> str:
    r"""A cell a spreadsheet will not run: a leading ``'`` when the text begins like a formula and
    is not a plain number.

    >>> [escape_formula(t) for t in ["=HYPERLINK('x')", "@SUM(A1)", "+1+1", "-3.5", "1e5", "Astana"]]
    ["'=HYPERLINK('x')", "'@SUM(A1)", "'+1+1", '-3.5', '1e5', 'Astana']
    """
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def printable(text: str) -> str:
    r"""Text for a terminal: control characters (C0, DEL, C1) as visible ``\xNN``.

    >>> printable("red \x1b[31mtext\x07")
    'red \\x1b[31mtext\\x07'
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _plain(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _csv_field(text: str) -> str:
    """RFC 4180 quoting, also of a lone CR (Python's csv writer leaves it bare, and readers then split the row)."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _tsv_cell(term: Term | None, formula_escape: bool) -> str:
    if term is None:
        return ""
    if formula_escape and isinstance(term, ox.Literal) and escape_formula(term.value) != term.value:
        lang = term.language
        term = ox.Literal("'" + term.value, language=lang) if lang else ox.Literal("'" + term.value, datatype=term.datatype)
    return str(term)


def _csv(result: Result, delimiter: str, *, formula_escape: bool = True) -> str:
    out = io.StringIO()
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    if result.kind == "graph":
        raise InputError("a CONSTRUCT or DESCRIBE result has no CSV/TSV form; use --format turtle, jsonld or table")
    if delimiter == ",":
        cell = escape_formula if formula_escape else (lambda text: text)
        out.write(",".join(result.variables) + "\n")
        for row in result.rows:
            out.write(",".join(_csv_field(cell(_plain(t))) for t in row) + "\n")
        return out.getvalue()
    # SPARQL 1.1 TSV: header with ?vars, terms in their N-Triples form
    out.write("\t".join(f"?{v}" for v in result.variables) + "\n")
    for row in result.rows:
        out.write("\t".join(_tsv_cell(t, formula_escape) for t in row) + "\n")
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


def _json(result: Result) -> str:
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


def _table(result: Result, labels: dict[str, str] | None = None) -> str:
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
        table.add_column(printable(c), overflow="fold")
    for row in rows:
        table.add_row(*(printable(compact(t, labels)) for t in row))
    import shutil

    width = max(100, shutil.get_terminal_size((160, 40)).columns)
    console = Console(file=io.StringIO(), width=width, color_system=None, emoji=False, highlight=False,
                      markup=False)
    console.print(table)
    count = len(rows)
    console.print(f"{count} row{'s' if count != 1 else ''}")
    return console.file.getvalue()  # type: ignore[attr-defined]


@dataclass(frozen=True)
class WriteOptions:
    """What a result writer may use: IRIs' labels (tables) and CSV/TSV formula escaping."""

    labels: dict[str, str] | None = None
    formula_escape: bool = True


#: ``tkg query --format`` writers: name → function(result, options) → text.
RESULT_FORMATS: dict[str, Callable[[Result, WriteOptions], str]] = {
    "table": lambda r, o: _table(r, o.labels),
    "csv": lambda r, o: _csv(r, ",", formula_escape=o.formula_escape),
    "tsv": lambda r, o: _csv(r, "\t", formula_escape=o.formula_escape),
    "json": lambda r, o: _json(r),
    "turtle": lambda r, o: _graph(r, ox.RdfFormat.TURTLE),
    "jsonld": lambda r, o: _graph(r, ox.RdfFormat.JSON_LD),
}


def format_result(result: Result, fmt: str, *, labels: dict[str, str] | None = None,
                  formula_escape: bool = True) -> str:
    """``result`` as text in format ``fmt`` (a key of :data:`RESULT_FORMATS`).

    ``labels`` maps IRIs to names shown in tables; ``formula_escape=False`` writes CSV/TSV cells
    exactly, without the leading ``'`` that keeps spreadsheets from running them.

    >>> r = Result("select", ["x"], [(ox.Literal("=1+1"),), (ox.Literal("-2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),)])
    >>> print(format_result(r, "csv"), end="")
    x
    '=1+1
    -2
    >>> print(format_result(r, "csv", formula_escape=False), end="")
    x
    =1+1
    -2
    """
    try:
        writer = RESULT_FORMATS[fmt]
    except KeyError:
        raise InputError(f"unknown format {fmt!r}; choose from {', '.join(RESULT_FORMATS)}") from None
    return writer(result, WriteOptions(labels=labels, formula_escape=formula_escape))
