"""The build's check inside one pyoxigraph store: parse each file into it, infer, validate.

Each file is parsed (with its positions, size limit and refusals, :func:`graph.load.each_source`),
added to an in-memory store in its named graphs, and, for a build, written as N-Quads lines into
sorted runs on disk (:class:`graph.build_sort.SortedNQuads`); then the file's quads are dropped.
The store's default graph holds the union of the triples read; inference
(:func:`graph.infer.infer_in_store`) adds to it, and SHACL compiled to SPARQL runs on it. So no list of every quad is ever held in Python:
at most one file's quads (``TKG_MAX_FILE_BYTES``, 64 MiB), one rule's new conclusions, and, for
builds small enough for pySHACL (:data:`~graph.settings.PYSHACL_MAX_QUADS`), the quads pySHACL
reads. A build passes its on-disk store for the named graphs, so memory holds only the union.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .build_sort import SortedNQuads
from .errors import Violation
from .infer import infer_in_store
from .load import INFERRED_GRAPH, ONTOLOGY_GRAPH, SHAPES_FILE, Sources, each_source
from .settings import PYSHACL_MAX_QUADS, Settings
from .validate import load_shapes, validate_store

__all__ = ["Checked", "check_in_store"]

Step = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


@dataclass
class Checked:
    """What a check produced: the files and graphs read, the store, the counts, the SHACL results."""

    sources: Sources
    #: The union of every graph (read and inferred), each triple once, as the default graph.
    store: ox.Store | None
    #: The named graphs: the graphs read and the inferred graph (the same store as ``store`` unless
    #: the check was given another).
    named: ox.Store | None
    #: Distinct quads read (the ontology's provenance statement included), and inferred.
    asserted: int
    inferred: int
    violations: list[Violation]
    #: The dataset's lines in sorted runs (without the inferred graph), when the check was asked for it.
    dataset: SortedNQuads | None = field(default=None, repr=False)

    @property
    def graphs(self) -> int:
        """Named graphs in the dataset: the sources', the ontology's and the inferred graph."""
        return len({g for g in self.sources.graph_files if g} | {ONTOLOGY_GRAPH.value, INFERRED_GRAPH.value})

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "Violation"]

    @property
    def warnings(self) -> list[Violation]:
        return [v for v in self.violations if v.severity != "Violation"]


@dataclass
class _Reading:
    """Counts and the quads kept for pySHACL while the files are read."""

    read: int = 0  # quads as parsed, duplicates included (what decides pySHACL or SPARQL)
    distinct: int = 0
    ontology: set[ox.Quad] = field(default_factory=set)
    kept: list[ox.Quad] | None = field(default_factory=list)

    def add(self, quads: list[ox.Quad]) -> None:
        self.read += len(quads)
        if quads and quads[0].graph_name == ONTOLOGY_GRAPH:  # ontology files share one graph
            self.ontology.update(quads)
        else:  # a data file's graphs are its own: its distinct quads are distinct from all others
            self.distinct += len(set(quads))
        if self.kept is not None:
            self.kept.extend(quads)
            if self.read > PYSHACL_MAX_QUADS:
                self.kept = None


def check_in_store(settings: Settings, *, step: Step = _quiet, runs: Path | None = None,
                   named: ox.Store | None = None) -> Checked:
    """Parse, infer and validate in a store; raises :class:`~graph.errors.ParseError` on bad syntax
    and :class:`~graph.errors.InputError` on refused files.

    The named graphs (read and inferred) go into ``named`` (the build passes its on-disk store),
    else into the in-memory store that holds the union as its default graph. With ``runs`` (a folder
    that may be created), the dataset's lines are gathered there in sorted runs for
    :meth:`SortedNQuads.write`.
    """
    step("parse")
    store = ox.Store()
    named = store if named is None else named
    sources = Sources(store=named)
    dataset = SortedNQuads(runs) if runs is not None else None
    reading = _Reading()
    for quads in each_source(settings.ontology_dir, settings.data_dir, sources, root=settings.root,
                             max_bytes=settings.max_file_bytes, all_subjects=False):
        named.bulk_extend(quads)
        store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
        reading.add(quads)
        if dataset is not None:
            dataset.add_quads(quads)
    shapes = load_shapes(settings.ontology_dir / SHAPES_FILE)
    step("infer")

    def taken(work: ox.Store) -> None:  # a rule's new triples, in the inferred graph of ``work``
        named.bulk_extend(work.quads_for_pattern(None, None, None, INFERRED_GRAPH))
        if dataset is not None:
            dataset.add_graph(work, INFERRED_GRAPH)

    count = infer_in_store(store, taken=None if named is store else taken)
    if named is store and dataset is not None:
        dataset.add_graph(store, INFERRED_GRAPH)
    # From here the named graphs are reached through ``sources`` only: pySHACL keeps frames alive in
    # reference cycles, and a frame holding the on-disk store would keep it open after the build.
    del named
    step("validate")
    kept = None  # pySHACL reads the quads as parsed, and the inferred ones
    if reading.kept is not None and reading.read + count <= PYSHACL_MAX_QUADS:
        kept = reading.kept + list(sources.store.quads_for_pattern(None, None, None, INFERRED_GRAPH))
    violations = validate_store(store, shapes, sources, size=reading.read + count, quads=kept)
    return Checked(sources, store, sources.store, len(reading.ontology) + reading.distinct, count, violations, dataset)
