"""Reading the project's RDF files: ontology Turtle and curated TriG, with exact error positions.

Parsing uses pyoxigraph (fast, and its errors carry line and column). Ontology files go into the
named graph :data:`ONTOLOGY_GRAPH`; each data file brings its own named graphs, and a statement
outside a named graph is refused, so that every statement keeps its source.

What is read, and what is refused (one line, exit code 2, never skipped in silence):

- ``data/`` holds only TriG files named ``*.trig``; any other entry (``.ttl``, ``.nq``, ``.TRIG``, a
  folder) is refused, so ``validate`` never says "valid" over a file it did not read;
- only regular files (or symlinks to them) are read, opened without blocking: a FIFO, a device or a
  symlink to ``/dev/zero`` is refused, and so is a file over ``Settings.max_file_bytes``
  (``TKG_MAX_FILE_BYTES``, default 64 MiB);
- a UTF-8 byte-order mark is skipped; an empty data file (no statements) is refused at ``file:1:1``;
- a literal holding a control character (C0 but tab, line feed and carriage return; DEL; C1) is
  refused at its ``file:line:column``: it would make the XML export ill-formed;
- invisible characters in a parser's message are shown as ``U+XXXX``.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, ParseError
from .settings import DEFAULT_MAX_FILE_BYTES

__all__ = [
    "ONTOLOGY_GRAPH", "INFERRED_GRAPH", "SHAPES_FILE", "Sources", "ontology_files", "data_files",
    "read_bytes", "read_file", "read_sources", "each_source", "visible", "DATA_SUFFIX",
]

ONTOLOGY_GRAPH = ox.NamedNode("https://w3id.org/turkic-kg/id/graph/ontology")
INFERRED_GRAPH = ox.NamedNode("https://w3id.org/turkic-kg/id/graph/inferred")
ONTOLOGY_IRI = ox.NamedNode("https://w3id.org/turkic-kg/ontology")
SHAPES_FILE = "shapes.ttl"

_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
            ".nt": ox.RdfFormat.N_TRIPLES}
DATA_SUFFIX = ".trig"
_ONLY_TRIG = "data/ holds only TriG files named *.trig (one source each)"
_BOM = b"\xef\xbb\xbf"
#: Characters a literal may not hold: C0 controls but tab, LF and CR; DEL; C1 controls; U+FFFE/U+FFFF.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def ontology_files(ontology_dir: Path, *, root: Path | None = None) -> list[Path]:
    """The ontology's Turtle files, shapes excluded, in name order; any entry of ``ontology_dir``
    not named ``*.ttl`` is an :class:`InputError` (never skipped in silence)."""
    try:
        entries = sorted(ontology_dir.iterdir())
    except OSError as exc:
        raise InputError(f"{_rel(ontology_dir, root)}: cannot read: {exc.strerror}") from None
    for path in entries:
        if path.suffix != ".ttl" or path.is_dir():
            raise InputError(f"{_rel(path, root)}: not a .ttl file; ontology/ holds only Turtle files named *.ttl")
    return [p for p in entries if p.name != SHAPES_FILE]


def data_files(data_dir: Path, *, root: Path | None = None) -> list[Path]:
    """The curated TriG files, in name order; any other entry of ``data_dir`` is an :class:`InputError`."""
    try:
        entries = sorted(data_dir.iterdir())
    except OSError as exc:
        raise InputError(f"{_rel(data_dir, root)}: cannot read: {exc.strerror}") from None
    for path in entries:
        if path.is_dir():
            raise InputError(f"{_rel(path, root)}: a folder; {_ONLY_TRIG}")
        if path.suffix != DATA_SUFFIX:
            raise InputError(f"{_rel(path, root)}: not a .trig file; {_ONLY_TRIG}")
    return entries


def visible(text: str) -> str:
    """``text`` with invisible and control characters written as ``U+XXXX`` (plain spaces stay).

    >>> visible("x\ufeffy\u200b z")
    'xU+FEFFyU+200B z'
    """
    return "".join(f"U+{ord(c):04X}" if c != " " and unicodedata.category(c)[0] in "CZ" else c for c in text)


def read_bytes(path: Path, *, name: str | None = None, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else is an :class:`InputError`.

    Opened without blocking and checked on the open descriptor, so a FIFO never hangs the reader
    and a file swapped after a check is still checked.
    """
    name = name or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
                    else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
                    else "not a file")
            raise InputError(f"{name}: not a regular file ({kind}); only regular files are read")
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror}") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the limit of {max_bytes} bytes per file (TKG_MAX_FILE_BYTES)")
    return data


def read_file(path: Path, *, graph: ox.NamedNode | None = None, name: str | None = None,
              max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> list[ox.Quad]:
    """Parse one RDF file into quads; a syntax error becomes a :class:`ParseError` with its position.

    ``graph`` puts the triples of a Turtle file into that named graph; ``name`` is how errors call
    the file (default: its path). A byte-order mark is skipped; a literal with a control character
    is refused (:data:`_CONTROL`).
    """
    fmt = _FORMATS.get(path.suffix)
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r}")
    data = read_bytes(path, name=name, max_bytes=max_bytes)
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        quads = list(ox.parse(data, format=fmt))
    except SyntaxError as exc:
        detail = str(exc.msg) if exc.msg else str(exc)
        if ": " in detail and detail.startswith("Parser error"):
            detail = detail.split(": ", 1)[1]
        raise ParseError(visible(detail), path=name or path, line=exc.lineno, column=exc.offset) from None
    _refuse_controls(quads, data, name or str(path))
    if graph is not None:
        quads = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]
    return quads


def _refuse_controls(quads: list[ox.Quad], data: bytes, name: str) -> None:
    """A :class:`ParseError` at the first control character of the file when a literal holds one."""
    for q in quads:
        obj = q.object
        if isinstance(obj, ox.Literal) and (found := _CONTROL.search(obj.value)):
            char = f"U+{ord(found.group()):04X}"
            line, column = _position(data.decode("utf-8", errors="replace"), found.group())
            raise ParseError(f"a literal of {q.subject} holds the control character {char}; only tab, "
                             "line feed and carriage return are allowed", path=name, line=line, column=column)


def _position(text: str, char: str) -> tuple[int | None, int | None]:
    """Line and column (1-based) where ``char`` stands in ``text``, raw or as a ``\\u`` escape."""
    raw = text.find(char)
    escaped = next((m.start() for m in _ESCAPE.finditer(text)
                    if chr(int(m.group(1) or m.group(2), 16)) == char), -1)
    found = [i for i in (raw, escaped) if i >= 0]
    if not found:
        return None, None
    i = min(found)
    return text.count("\n", 0, i) + 1, i - text.rfind("\n", 0, i)


@dataclass
class Sources:
    """Every quad read, with the files each graph and each subject came from.

    A streaming reader (:func:`each_source` with ``keep_quads=False``) keeps no quads and records
    the subjects of the ontology files only; it sets ``store`` to a store holding every named graph
    read, and :meth:`files_of` finds a data subject's files there (each named graph of data lies in
    one file).
    """

    quads: list[ox.Quad] = field(default_factory=list)
    graph_files: dict[str, str] = field(default_factory=dict)
    subject_files: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    files: list[Path] = field(default_factory=list)
    store: ox.Store | None = None

    def files_of(self, subject: str) -> tuple[str, ...]:
        found = set(self.subject_files.get(subject, ()))
        if self.store is not None:
            for term in _terms(subject):
                for q in self.store.quads_for_pattern(term, None, None, None):
                    g = q.graph_name
                    if isinstance(g, ox.NamedNode) and g != ONTOLOGY_GRAPH and g.value in self.graph_files:
                        found.add(self.graph_files[g.value])
        return tuple(sorted(found))


def _terms(subject: str) -> list[ox.NamedNode | ox.BlankNode]:
    """The IRI and the blank node a subject's text may name (a violation names either by its value)."""
    out: list[ox.NamedNode | ox.BlankNode] = []
    for kind in (ox.NamedNode, ox.BlankNode):
        try:
            out.append(kind(subject))
        except ValueError:
            pass
    return out


def read_sources(ontology_dir: Path, data_dir: Path, *, root: Path | None = None,
                 max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Sources:
    """Read the ontology and every data file; refuse statements outside named graphs, named graphs
    defined in two files, and data files with no statement."""
    out = Sources()
    for quads in each_source(ontology_dir, data_dir, out, root=root, max_bytes=max_bytes):
        out.quads.extend(quads)
    return out


def each_source(ontology_dir: Path, data_dir: Path, out: Sources, *, root: Path | None = None,
                max_bytes: int = DEFAULT_MAX_FILE_BYTES, all_subjects: bool = True) -> Iterator[list[ox.Quad]]:
    """The quads of each file in turn (ontology files in its graph, then the ontology's provenance
    statement, then each data file), checked as :func:`read_sources` checks them; the graphs and
    files go into ``out``, and the subjects too (data subjects only when ``all_subjects``)."""
    for path in ontology_files(ontology_dir, root=root):
        quads = read_file(path, graph=ONTOLOGY_GRAPH, name=_rel(path, root), max_bytes=max_bytes)
        _add(out, path, quads, root, allow_shared=True, subjects=True)
        yield quads
    yield [ox.Quad(ONTOLOGY_GRAPH, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"),
                   ONTOLOGY_IRI, ONTOLOGY_GRAPH)]
    for path in data_files(data_dir, root=root):
        quads = read_file(path, name=_rel(path, root), max_bytes=max_bytes)
        if not quads:
            raise ParseError("no statements: a data file holds at least one named graph",
                             path=_rel(path, root), line=1, column=1)
        for q in quads:
            if isinstance(q.graph_name, ox.DefaultGraph):
                raise InputError(f"{_rel(path, root)}: a statement lies outside any named graph "
                                 f"({q.subject} {q.predicate} …); put it in its source's graph")
            if q.graph_name in (ONTOLOGY_GRAPH, INFERRED_GRAPH):
                raise InputError(f"{_rel(path, root)}: the graph {q.graph_name} is reserved for the build")
        _add(out, path, quads, root, allow_shared=False, subjects=all_subjects)
        yield quads


def _rel(path: Path, root: Path | None) -> str:
    """How messages name a file: relative to the project root when it lies there (symlinks not followed)."""
    if root is not None:
        if path.absolute().is_relative_to(root):
            return str(path.absolute().relative_to(root))
        try:
            return str(path.resolve().relative_to(root))
        except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop
            pass
    return str(path)


def _add(out: Sources, path: Path, quads: list[ox.Quad], root: Path | None, *, allow_shared: bool,
         subjects: bool) -> None:
    name = _rel(path, root)
    seen: set[ox.NamedNode | ox.DefaultGraph] = set()
    for q in quads:
        if q.graph_name not in seen:
            seen.add(q.graph_name)
            g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
            other = out.graph_files.get(g)
            if other is not None and other != name and not allow_shared:
                raise InputError(f"{name}: the named graph <{g}> is also defined in {other}; "
                                 "one source, one graph, one file")
            out.graph_files.setdefault(g, name)
    if subjects:
        for q in quads:
            out.subject_files[q.subject.value].add(name)
    out.files.append(path)
