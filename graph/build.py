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
import gc
import json
import os
import re
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .build_check import Checked, check_in_store
from .build_sort import SortedNQuads, sort_quads
from .errors import BuildBusy, InputError, ValidationError
from .fileio import exchange_paths
from .settings import BUILD_FILES, BUILD_LOCK, Settings

__all__ = ["Checked", "BuildResult", "check", "build", "write_nquads", "build_lock", "clean_stale"]

Step = Callable[[str], None]

#: The folder, inside the new build's temporary folder, of the dataset's sorted runs.
_RUNS = ".runs"


def _quiet(_: str) -> None:
    return None


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
    """Parse, infer and validate (in a store, :mod:`graph.build_check`); raises
    :class:`~graph.errors.ParseError` on bad syntax."""
    return check_in_store(settings, step=step)


def write_nquads(quads: Iterable[ox.Quad] | SortedNQuads, path: Path) -> int:
    """Write quads as sorted, distinct N-Quads (a deterministic file: the same data give the same
    bytes), by an external merge sort (:mod:`graph.build_sort`); the number of lines."""
    if isinstance(quads, SortedNQuads):
        return quads.write(path)
    return sort_quads(quads, path)


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
        tmp = None
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
            tmp.chmod(0o755)
            result = _check_and_write(settings, tmp, step=step, started=started)
            step("swap")
            _swap(tmp, target)
        except OSError as exc:
            traceback.clear_frames(exc.__traceback__)
            raise InputError(f"{target}: cannot write the build: {exc.strerror or exc}") from None
        except BaseException as exc:
            traceback.clear_frames(exc.__traceback__)  # lets the failed step's stores close now
            raise
        finally:
            if tmp is not None:
                _remove(tmp)  # the new build moved away, or the old one moved here
    return result


def _remove(folder: Path) -> None:
    """Delete ``folder``; again after a moment while a closing on-disk store still writes into it."""
    for attempt in range(20):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        gc.collect()
        time.sleep(0.05 * (attempt + 1))


def _check_and_write(settings: Settings, tmp: Path, *, step: Step, started: float) -> BuildResult:
    """Check into a store at ``tmp`` (the named graphs on disk), then write the rest of the build."""
    checked = check_in_store(settings, step=step, runs=tmp / _RUNS, named=ox.Store(str(tmp / BUILD_FILES["store"])))
    if checked.errors:
        errors = checked.errors
        del checked
        gc.collect()  # closes the stores before their folder is deleted (see _write)
        raise ValidationError(errors)
    return _write(settings, checked, tmp, step=step, started=started)


def _write(settings: Settings, checked: Checked, tmp: Path, *, step: Step, started: float) -> BuildResult:
    """Write the store, the dataset, the manifest and the kept views into ``tmp``; the named graphs
    are already in the on-disk store (:func:`check_in_store` put them there)."""
    target = settings.build_dir
    union, disk, dataset = checked.store, checked.named, checked.dataset
    assert union is not None and disk is not None and dataset is not None
    step("load store")
    # the union, from the in-memory store (term objects, so blank nodes keep their names)
    disk.bulk_extend(union.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    checked.store = checked.named = checked.sources.store = None
    del union
    disk.flush()
    del disk
    gc.collect()  # pySHACL leaves frames in reference cycles that hold the stores: close them now
    step("write dataset")
    write_nquads(dataset, tmp / BUILD_FILES["dataset"])
    kept = _keep_views(target / BUILD_FILES["views"], tmp / BUILD_FILES["views"])
    result = BuildResult(
        build_dir=target, files=len(checked.sources.files), graphs=checked.graphs, asserted=checked.asserted,
        inferred=checked.inferred, warnings=len(checked.warnings),
        seconds=round(time.perf_counter() - started, 3), views_kept=kept,
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
