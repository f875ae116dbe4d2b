"""The build: parse → infer → validate → write the dataset (N-Quads) and the embedded store.

A build writes into a fresh temporary folder beside the build folder and swaps it in only when
everything succeeded, so a failed build leaves the previous one untouched. Around that:

- **one build at a time**: a build holds an exclusive ``flock`` on ``.BUILDNAME.lock`` beside the
  build folder from start to end; a second build into the same folder fails at once with
  :class:`~graph.errors.BuildBusy` (exit code 3). The lock file stays (removing it would race).
- **leftovers**: holding the lock, a build deletes the temporary folders (``.BUILDNAME-XXXXXXXX``,
  ``.BUILDNAME-old-N``) that killed builds left: no live build can own them.
- **the swap**: ``renameat2(RENAME_EXCHANGE)`` exchanges the new folder and the old in one step, so
  a reader always finds a complete ``build/`` (old or new); where the file system cannot exchange,
  two renames, with a moment without ``build/``.
- **views**: ``build/views`` is carried into the new build (hard links, else copies), and the
  CLI says so: they show the data they were drawn from until ``tkg viz`` redraws them.
- a read-only or full disk is an :class:`~graph.errors.InputError` (exit code 2), nothing left behind.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import BuildBusy, InputError, ValidationError, Violation
from .fileio import exchange_paths
from .infer import infer
from .load import INFERRED_GRAPH, SHAPES_FILE, Sources, read_sources
from .settings import BUILD_FILES, BUILD_LOCK, Settings
from .store import materialize_default_union
from .validate import load_shapes, validate_quads

__all__ = ["Checked", "BuildResult", "check", "build", "write_nquads", "build_lock", "clean_stale"]

Step = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


@dataclass
class Checked:
    """What a check produced: the sources read, the inferred quads, and the SHACL results."""

    sources: Sources
    inferred: list[ox.Quad]
    violations: list[Violation]
    #: The union of every graph, each triple once, in the default graph of an in-memory store.
    union: ox.Store | None = None

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
    views_kept: int = 0


def check(settings: Settings, *, step: Step = _quiet) -> Checked:
    """Parse, infer and validate; raises :class:`~graph.errors.ParseError` on bad syntax."""
    step("parse")
    sources = read_sources(settings.ontology_dir, settings.data_dir, root=settings.root,
                           max_bytes=settings.max_file_bytes)
    shapes = load_shapes(settings.ontology_dir / SHAPES_FILE)
    step("infer")
    union = ox.Store()  # the asserted and then the inferred triples, once each: validated in place
    inferred = infer(sources.quads, store=union)
    step("validate")
    violations = validate_quads([*sources.quads, *inferred], shapes, sources, store=union)
    return Checked(sources, inferred, violations, union)


def write_nquads(quads: list[ox.Quad], path: Path) -> None:
    """Write quads as sorted N-Quads (a deterministic file: the same data gives the same bytes)."""
    unique = sorted(set(quads), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    with path.open("wb") as fh:
        ox.serialize(unique, fh, format=ox.RdfFormat.N_QUADS)


@contextmanager
def build_lock(target: Path) -> Iterator[Path]:
    """Hold the exclusive lock of builds into ``target`` (:class:`BuildBusy` when another build has it)."""
    lock = target.parent / BUILD_LOCK.format(name=target.name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise InputError(f"{target.parent}: cannot write the build here: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildBusy(f"another build into {target} is running (it holds {lock}); "
                            "try again when it ends") from None
        yield lock
    finally:
        os.close(fd)  # releases the lock


def clean_stale(target: Path) -> list[str]:
    """Delete the temporary folders of earlier, killed builds into ``target``; call only under
    :func:`build_lock`. Returns their names.

    A build killed between the two renames of the fallback swap leaves no ``target`` and the
    previous build at ``.NAME-old-N``: that one is put back first.
    """
    pattern = re.compile(rf"\.{re.escape(target.name)}-(old-[0-9]+|[a-z0-9_]{{8}})")
    stale = sorted(p for p in target.parent.iterdir()
                   if pattern.fullmatch(p.name) and p.is_dir() and not p.is_symlink())
    olds = [p for p in stale if p.name.startswith(f".{target.name}-old-")]
    if olds and not target.exists():
        newest = max(olds, key=lambda p: int(p.name.rsplit("-", 1)[1]))
        os.rename(newest, target)
        stale.remove(newest)
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return [p.name for p in stale]


def build(settings: Settings, *, step: Step = _quiet) -> BuildResult:
    """Build the dataset and the store into ``settings.build_dir``, atomically, under the build lock.

    Raises :class:`~graph.errors.ValidationError` (nothing written) when the data break a shape,
    :class:`~graph.errors.BuildBusy` when another build holds the lock, and
    :class:`~graph.errors.InputError` when the folder cannot be written (read-only, full).
    """
    started = time.perf_counter()
    target = settings.build_dir
    with build_lock(target):
        clean_stale(target)
        checked = check(settings, step=step)
        if checked.errors:
            raise ValidationError(checked.errors)
        tmp = None
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
            tmp.chmod(0o755)
            result = _write(settings, checked, tmp, step=step, started=started)
            step("swap")
            _swap(tmp, target)
        except OSError as exc:
            raise InputError(f"{target}: cannot write the build: {exc.strerror or exc}") from None
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)  # the new build moved away, or the old one moved here
    return result


def _write(settings: Settings, checked: Checked, tmp: Path, *, step: Step, started: float) -> BuildResult:
    """Write the dataset, the store, the manifest and the kept views into ``tmp``."""
    target = settings.build_dir
    step("write dataset")
    quads = [*checked.sources.quads, *checked.inferred]
    write_nquads(quads, tmp / BUILD_FILES["dataset"])
    step("load store")
    store = ox.Store(str(tmp / BUILD_FILES["store"]))
    store.bulk_load(path=str(tmp / BUILD_FILES["dataset"]), format=ox.RdfFormat.N_QUADS)
    _add_union(store, checked)
    store.flush()
    del store
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    kept = _keep_views(target / BUILD_FILES["views"], tmp / BUILD_FILES["views"])
    result = BuildResult(
        build_dir=target, files=len(checked.sources.files), graphs=len(graphs),
        asserted=len(set(checked.sources.quads)),
        inferred=len([q for q in checked.inferred if q.graph_name == INFERRED_GRAPH]),
        warnings=len(checked.warnings), seconds=round(time.perf_counter() - started, 3), views_kept=kept,
    )
    manifest = {
        "files": [str(p.relative_to(settings.root)) if p.is_relative_to(settings.root) else str(p)
                  for p in checked.sources.files],
        "graphs": result.graphs, "asserted": result.asserted, "inferred": result.inferred,
        "warnings": result.warnings,
    }
    (tmp / BUILD_FILES["manifest"]).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return result


def _keep_views(old: Path, new: Path) -> int:
    """Carry the previous build's views into the new build (hard links, else copies); the number
    of HTML pages kept."""
    if not old.is_dir():
        return 0

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(old, new, copy_function=link_or_copy, symlinks=True)
    return sum(1 for _ in new.rglob("*.html"))


def _add_union(store: ox.Store, checked: Checked) -> None:
    """Fill the store's default graph with the union of its graphs (see
    :func:`graph.store.materialize_default_union`): bulk-copied from the union the check built,
    which is minutes faster on large builds than an INSERT into the on-disk store."""
    if checked.union is None:
        materialize_default_union(store)
        return
    store.bulk_extend(checked.union.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in the place of ``target``; the old build ends up at ``new``'s name.

    One atomic exchange where the file system can; else two renames (a moment without ``target``).
    """
    if not target.exists():
        os.rename(new, target)
        return
    if exchange_paths(new, target):
        return
    old = target.with_name(f".{target.name}-old-{time.time_ns()}")
    os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(old, target)
        raise
    os.rename(old, new)
