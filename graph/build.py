"""The build: parse → infer → validate → write the dataset (N-Quads) and the embedded store.

A build writes into a fresh temporary folder beside the build folder and swaps it in only when
everything succeeded, so a failed build leaves the previous one untouched.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import ValidationError, Violation
from .infer import infer
from .load import INFERRED_GRAPH, SHAPES_FILE, Sources, read_sources
from .settings import BUILD_FILES, Settings
from .store import materialize_default_union
from .validate import load_shapes, validate_quads

__all__ = ["Checked", "BuildResult", "check", "build", "write_nquads"]

Step = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


@dataclass
class Checked:
    """What a check produced: the sources read, the inferred quads, and the SHACL results."""

    sources: Sources
    inferred: list[ox.Quad]
    violations: list[Violation]

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "Violation"]

    @property
    def warnings(self) -> list[Violation]:
        return [v for v in self.violations if v.severity != "Violation"]


@dataclass(frozen=True)
class BuildResult:
    build_dir: Path
    files: int
    graphs: int
    asserted: int
    inferred: int
    warnings: int
    seconds: float


def check(settings: Settings, *, step: Step = _quiet) -> Checked:
    """Parse, infer and validate; raises :class:`~graph.errors.ParseError` on bad syntax."""
    step("parse")
    sources = read_sources(settings.ontology_dir, settings.data_dir, root=settings.root,
                           max_bytes=settings.max_file_bytes)
    shapes = load_shapes(settings.ontology_dir / SHAPES_FILE)
    step("infer")
    inferred = infer(sources.quads)
    step("validate")
    violations = validate_quads([*sources.quads, *inferred], shapes, sources)
    return Checked(sources, inferred, violations)


def write_nquads(quads: list[ox.Quad], path: Path) -> None:
    """Write quads as sorted N-Quads (a deterministic file: the same data gives the same bytes)."""
    unique = sorted(set(quads), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    with path.open("wb") as fh:
        ox.serialize(unique, fh, format=ox.RdfFormat.N_QUADS)


def build(settings: Settings, *, step: Step = _quiet) -> BuildResult:
    """Build the dataset and the store into ``settings.build_dir``, atomically.

    Raises :class:`~graph.errors.ValidationError` (nothing written) when the data break a shape.
    """
    started = time.perf_counter()
    checked = check(settings, step=step)
    if checked.errors:
        raise ValidationError(checked.errors)
    target = settings.build_dir
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    tmp.chmod(0o755)
    try:
        step("write dataset")
        quads = [*checked.sources.quads, *checked.inferred]
        write_nquads(quads, tmp / BUILD_FILES["dataset"])
        step("load store")
        store = ox.Store(str(tmp / BUILD_FILES["store"]))
        store.bulk_load(path=str(tmp / BUILD_FILES["dataset"]), format=ox.RdfFormat.N_QUADS)
        materialize_default_union(store)
        store.flush()
        del store
        graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
        result = BuildResult(
            build_dir=target, files=len(checked.sources.files), graphs=len(graphs),
            asserted=len(set(checked.sources.quads)),
            inferred=len([q for q in checked.inferred if q.graph_name == INFERRED_GRAPH]),
            warnings=len(checked.warnings), seconds=round(time.perf_counter() - started, 3),
        )
        manifest = {
            "files": [str(p.relative_to(settings.root)) if p.is_relative_to(settings.root) else str(p)
                      for p in checked.sources.files],
            "graphs": result.graphs, "asserted": result.asserted, "inferred": result.inferred,
            "warnings": result.warnings,
        }
        (tmp / BUILD_FILES["manifest"]).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        step("swap")
        _swap(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return result


def _swap(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new``: rename the old one aside, rename the new one in, then delete."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{time.time_ns()}")
        target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
