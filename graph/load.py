"""Reading the project's RDF files: ontology Turtle and curated TriG, with exact error positions.

Parsing uses pyoxigraph (fast, and its errors carry line and column). Ontology files go into the
named graph :data:`ONTOLOGY_GRAPH`; each data file brings its own named graphs, and a statement
outside a named graph is refused, so that every statement keeps its source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, ParseError

__all__ = [
    "ONTOLOGY_GRAPH", "INFERRED_GRAPH", "SHAPES_FILE", "Sources", "ontology_files", "data_files",
    "read_file", "read_sources",
]

ONTOLOGY_GRAPH = ox.NamedNode("https://w3id.org/turkic-kg/id/graph/ontology")
INFERRED_GRAPH = ox.NamedNode("https://w3id.org/turkic-kg/id/graph/inferred")
ONTOLOGY_IRI = ox.NamedNode("https://w3id.org/turkic-kg/ontology")
SHAPES_FILE = "shapes.ttl"

_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
            ".nt": ox.RdfFormat.N_TRIPLES}


def ontology_files(ontology_dir: Path) -> list[Path]:
    """The ontology's Turtle files, shapes excluded, in name order."""
    return sorted(p for p in ontology_dir.glob("*.ttl") if p.name != SHAPES_FILE)


def data_files(data_dir: Path) -> list[Path]:
    """The curated TriG files, in name order."""
    return sorted(data_dir.glob("*.trig"))


def read_file(path: Path, *, graph: ox.NamedNode | None = None, name: str | None = None) -> list[ox.Quad]:
    """Parse one RDF file into quads; a syntax error becomes a :class:`ParseError` with its position.

    ``graph`` puts the triples of a Turtle file into that named graph; ``name`` is how errors call
    the file (default: its path).
    """
    fmt = _FORMATS.get(path.suffix)
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        quads = list(ox.parse(data, format=fmt))
    except SyntaxError as exc:
        detail = str(exc.msg) if exc.msg else str(exc)
        if ": " in detail and detail.startswith("Parser error"):
            detail = detail.split(": ", 1)[1]
        raise ParseError(detail, path=name or path, line=exc.lineno, column=exc.offset) from None
    if graph is not None:
        quads = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]
    return quads


@dataclass
class Sources:
    """Every quad read, with the files each graph and each subject came from."""

    quads: list[ox.Quad] = field(default_factory=list)
    graph_files: dict[str, str] = field(default_factory=dict)
    subject_files: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    files: list[Path] = field(default_factory=list)

    def files_of(self, subject: str) -> tuple[str, ...]:
        return tuple(sorted(self.subject_files.get(subject, ())))


def read_sources(ontology_dir: Path, data_dir: Path, *, root: Path | None = None) -> Sources:
    """Read the ontology and every data file; refuse statements outside named graphs and
    named graphs defined in two files."""
    out = Sources()
    for path in ontology_files(ontology_dir):
        _add(out, path, read_file(path, graph=ONTOLOGY_GRAPH, name=_rel(path, root)), root, allow_shared=True)
    out.quads.append(ox.Quad(ONTOLOGY_GRAPH, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"),
                             ONTOLOGY_IRI, ONTOLOGY_GRAPH))
    for path in data_files(data_dir):
        quads = read_file(path, name=_rel(path, root))
        for q in quads:
            if isinstance(q.graph_name, ox.DefaultGraph):
                raise InputError(f"{_rel(path, root)}: a statement lies outside any named graph "
                                 f"({q.subject} {q.predicate} …); put it in its source's graph")
            if q.graph_name in (ONTOLOGY_GRAPH, INFERRED_GRAPH):
                raise InputError(f"{_rel(path, root)}: the graph {q.graph_name} is reserved for the build")
        _add(out, path, quads, root, allow_shared=False)
    return out


def _rel(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root))
        except ValueError:
            pass
    return str(path)


def _add(out: Sources, path: Path, quads: list[ox.Quad], root: Path | None, *, allow_shared: bool) -> None:
    name = _rel(path, root)
    seen: set[str] = set()
    for q in quads:
        g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        if g not in seen:
            seen.add(g)
            other = out.graph_files.get(g)
            if other is not None and other != name and not allow_shared:
                raise InputError(f"{name}: the named graph <{g}> is also defined in {other}; "
                                 "one source, one graph, one file")
            out.graph_files.setdefault(g, name)
        out.subject_files[q.subject.value].add(name)
    out.quads.extend(quads)
    out.files.append(path)
