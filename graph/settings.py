"""Settings in one place: where the project's folders are, and defaults read once from the environment.

Environment variables (read once, when :func:`load_settings` is called):

``TKG_ROOT``
    The project folder holding ``ontology/``, ``data/`` and ``queries/`` (default: the nearest
    folder at or above the working directory that has ``ontology/``; else the source checkout).
``TKG_BUILD_DIR``
    Where ``tkg build`` writes (default: ``ROOT/build``).
``TKG_ENDPOINT``
    A remote SPARQL endpoint that ``tkg query`` uses when no ``--endpoint`` is given.
``TKG_TIMEOUT``
    Default query time limit in seconds (default 30). For a remote server it is one deadline for
    the whole request (connecting, waiting, reading), not a limit per socket read.
``TKG_MAX_RESPONSE_BYTES``
    The most bytes read from a remote server's answer (default 256 MiB); past it the request
    stops with an error (exit 3).
``TKG_MAX_FILE_BYTES``
    The largest ontology or data file a build reads, in bytes (default 64 MiB).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import InputError

__all__ = ["Settings", "load_settings", "USER_AGENT", "DEFAULT_TIMEOUT", "DEFAULT_MAX_FILE_BYTES", "BUILD_FILES",
           "BUILD_LOCK", "LAYOUT_THRESHOLD", "DEFAULT_ENGINE", "ENGINES", "PYSHACL_MAX_QUADS",
           "DEFAULT_MAX_RESPONSE_BYTES", "UNION_GRAPH", "DATASET_GRAPH"]

USER_AGENT = "turkic-kg/0.1 (+https://w3id.org/turkic-kg)"
DEFAULT_TIMEOUT = 30.0
#: ``tkg ingest``: facts whose confidence is below this are written commented out, marked ``# REVIEW``.
REVIEW_BELOW = 0.65
DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024

#: Where ``tkg push`` writes the union of all graphs, each triple once (the default graph that
#: every library query expects), and the graph describing what was pushed (docs/remote.md).
UNION_GRAPH = "https://w3id.org/turkic-kg/id/graph/union"
DATASET_GRAPH = "https://w3id.org/turkic-kg/id/graph/meta"
#: The largest ontology or data file read (``TKG_MAX_FILE_BYTES``): 64 MiB, 30 times the largest today.
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
#: The lock file a build holds, beside the build folder: ``.BUILDNAME.lock``.
BUILD_LOCK = ".{name}.lock"

#: Views with more nodes than this get precomputed positions and no physics.
LAYOUT_THRESHOLD = 300

#: Embedded engines: ``oxigraph`` opens the build's on-disk store read-only (starts at once, whatever
#: the size); ``oxigraph-memory`` loads ``dataset.nq`` into memory first (slower start, faster long runs);
#: ``rdflib`` is the reference engine. ``oxigraph-disk`` is kept as another name for ``oxigraph``.
ENGINES = ("oxigraph", "oxigraph-memory", "rdflib", "oxigraph-disk")
DEFAULT_ENGINE = "oxigraph"

#: Builds up to this many quads are validated by pySHACL (the reference); larger ones by the same
#: shapes compiled to SPARQL (graph.shacl_sparql), which finds the same violations far faster.
PYSHACL_MAX_QUADS = int(os.environ.get("TKG_PYSHACL_MAX_QUADS", "200000"))

#: Names of the files a build writes inside the build folder.
BUILD_FILES = {
    "dataset": "dataset.nq",
    "store": "store",
    "manifest": "manifest.json",
    "views": "views",
}


def _find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "ontology").is_dir() and (folder / "data").is_dir():
            return folder
    return Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Paths and defaults of one project checkout."""

    root: Path
    build_dir: Path
    endpoint: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    #: whether the user set the time limit (``TKG_TIMEOUT``): then it wins over a query's own ``# timeout:``
    timeout_set: bool = False
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def dataset_path(self) -> Path:
        return self.build_dir / BUILD_FILES["dataset"]

    @property
    def store_path(self) -> Path:
        return self.build_dir / BUILD_FILES["store"]

    @property
    def manifest_path(self) -> Path:
        return self.build_dir / BUILD_FILES["manifest"]

    @property
    def views_dir(self) -> Path:
        return self.build_dir / BUILD_FILES["views"]

    def with_root(self, root: Path) -> Settings:
        return replace(self, root=root, build_dir=root / "build")


def load_settings(*, root: Path | None = None, build_dir: Path | None = None) -> Settings:
    """Read the settings once from arguments, then the environment, then defaults."""
    env = os.environ
    if root is None:
        root = Path(env["TKG_ROOT"]) if env.get("TKG_ROOT") else _find_root(Path.cwd())
    root = root.resolve()
    if build_dir is None:
        build_dir = Path(env["TKG_BUILD_DIR"]) if env.get("TKG_BUILD_DIR") else root / "build"
    timeout = float(env.get("TKG_TIMEOUT") or DEFAULT_TIMEOUT)
    return Settings(root=root, build_dir=build_dir.resolve(), endpoint=env.get("TKG_ENDPOINT") or None,
                    timeout=timeout, timeout_set=bool(env.get("TKG_TIMEOUT")),
                    max_file_bytes=_byte_count(env.get("TKG_MAX_FILE_BYTES")),
                    max_response_bytes=_byte_count(env.get("TKG_MAX_RESPONSE_BYTES"), name="TKG_MAX_RESPONSE_BYTES",
                                                   default=DEFAULT_MAX_RESPONSE_BYTES))


def _byte_count(text: str | None, *, name: str = "TKG_MAX_FILE_BYTES", default: int = DEFAULT_MAX_FILE_BYTES) -> int:
    if text is None or not text.strip():
        return default
    if not (text.strip().isascii() and text.strip().isdigit()) or int(text) <= 0:
        raise InputError(f"{name} must be a positive whole number of bytes, not {text!r}")
    return int(text)
