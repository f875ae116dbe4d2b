"""Sorted, duplicate-free N-Quads written without holding every quad in memory.

The build's ``dataset.nq`` is sorted by graph, subject, predicate and object (each compared as its
N-Triples text), one line per distinct quad, so that the same data give the same bytes. Lines are
gathered in runs of at most ``run_lines``, each run sorted and written to a file beside the output,
and the runs are merged into the output at the end (an external merge sort): memory holds one run,
not the dataset.

Why sorting the lines gives the order of the terms: a line is ``S P O G .``; the graph is the text
after the last ``" <"`` of the line (an IRI holds neither a space nor ``<``), and ``S P O`` compared
as bytes orders as the tuple of the three terms, because the separator (a space) sorts below every
byte that can continue a term (control characters are escaped in N-Quads), and UTF-8 bytes sort as
code points, as Python's strings do.
"""

from __future__ import annotations

import heapq
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

__all__ = ["SortedNQuads", "line_key", "sort_quads"]

#: Lines per sorted run (about 150 MB of lines and keys at the synthetic data's line length).
RUN_LINES = 1_000_000


def line_key(line: bytes) -> tuple[bytes, bytes]:
    """(graph, subject-predicate-object) of an N-Quads line: the order of the sorted dataset.

    >>> line_key(b'<s> <p> "a <b>" <g> .')
    (b' <g> .', b'<s> <p> "a <b>"')
    """
    i = line.rfind(b" <")
    return line[i:], line[:i]


class SortedNQuads:
    """Quads added in any order, written once as sorted, distinct N-Quads lines.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> s, g = ox.NamedNode("http://a/s"), ox.NamedNode("http://a/g")
    >>> runs = SortedNQuads(folder / "runs", run_lines=1)
    >>> runs.add_quads([ox.Quad(s, s, ox.Literal("b"), g), ox.Quad(s, s, ox.Literal("a"), g)])
    >>> runs.add_quads([ox.Quad(s, s, ox.Literal("a"), g)])
    >>> runs.write(folder / "out.nq")
    2
    >>> (folder / "out.nq").read_text().splitlines()[0]
    '<http://a/s> <http://a/s> "a" <http://a/g> .'
    """

    def __init__(self, folder: Path, *, run_lines: int = RUN_LINES):
        self.folder = folder
        self.run_lines = run_lines
        self._pending: list[bytes] = []
        self._runs: list[Path] = []

    def add_quads(self, quads: Sequence[ox.Quad]) -> None:
        """Add quads (serialized by pyoxigraph, so each line is what ``ox.serialize`` writes)."""
        if quads:
            self.add_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS).splitlines())

    def add_graph(self, store: ox.Store, graph: ox.NamedNode) -> None:
        """Add every triple of ``graph`` in ``store`` as a quad of that graph (dumped by the store as
        N-Triples bytes: no Python object per quad)."""
        suffix = b"<" + graph.value.encode("utf-8") + b"> ."
        text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        self.add_lines(line[:-1] + suffix for line in text.splitlines())  # "S P O ." → "S P O <G> ."

    def add_lines(self, lines: Iterable[bytes]) -> None:
        """Add N-Quads lines without their line ends."""
        self._pending.extend(lines)
        if len(self._pending) >= self.run_lines:
            self._spill()

    def _spill(self) -> None:
        if not self._pending:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        run = self.folder / f"run-{len(self._runs):05d}.nq"
        lines = sorted(set(self._pending), key=line_key)
        self._pending = []
        with run.open("wb") as fh:
            fh.writelines(line + b"\n" for line in lines)
        self._runs.append(run)

    def write(self, path: Path) -> int:
        """Merge the runs into ``path`` (each distinct line once); the number of lines written.
        The runs are deleted."""
        if len(self._runs) == 0:  # everything fits in one run: no file to merge
            lines: Iterator[bytes] = iter(sorted(set(self._pending), key=line_key))
            self._pending = []
            return _write_lines((line + b"\n" for line in lines), path)
        self._spill()
        handles = [run.open("rb", buffering=1 << 20) for run in self._runs]
        try:
            return _write_lines(heapq.merge(*handles, key=line_key), path)
        finally:
            for fh in handles:
                fh.close()
            shutil.rmtree(self.folder, ignore_errors=True)
            self._runs = []


def _write_lines(lines: Iterable[bytes], path: Path) -> int:
    count = 0
    previous = None
    with path.open("wb", buffering=1 << 20) as out:
        for line in lines:
            if line != previous:
                out.write(line)
                count += 1
                previous = line
    return count


def sort_quads(quads: Iterable[ox.Quad], path: Path) -> int:
    """Write ``quads`` to ``path`` as sorted, distinct N-Quads (runs in a temporary folder beside it)."""
    folder = Path(tempfile.mkdtemp(prefix=f".{path.name}-runs-", dir=path.parent))
    try:
        runs = SortedNQuads(folder)
        batch: list[ox.Quad] = []
        for q in quads:
            batch.append(q)
            if len(batch) >= RUN_LINES:
                runs.add_quads(batch)
                batch = []
        runs.add_quads(batch)
        return runs.write(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
