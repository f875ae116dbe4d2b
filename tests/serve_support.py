"""``tkg serve`` as a real process for tests: started on 127.0.0.1 on a free port, stopped by PID."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.settings import Settings
from graph.store import materialize_default_union

from .servers import free_port, stop, wait_for_http

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Served:
    base: str
    pid: int
    log: Path

    @property
    def sparql(self) -> str:
        return f"{self.base}/sparql"


@contextmanager
def tkg_serve(settings: Settings, log_dir: Path, *, workers: int = 3, timeout: float = 10.0) -> Iterator[Served]:
    """``python -m graph.cli serve`` on the build of ``settings``."""
    port = free_port()
    log_dir.mkdir(parents=True, exist_ok=True)
    log = log_dir / f"serve-{port}.log"
    args = [sys.executable, "-m", "graph.cli", "--root", str(settings.root), "--build-dir", str(settings.build_dir),
            "serve", "--port", str(port), "--workers", str(workers), "--timeout", str(timeout)]
    with log.open("wb") as out:
        process = subprocess.Popen(args, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/sparql", process, timeout=60, log=log)
        yield Served(base, process.pid, log)
    finally:
        stop(process)


def write_store_build(build_dir: Path, trig: str) -> Path:
    """A build folder with only an on-disk store (union in the default graph) made from TriG text."""
    build_dir.mkdir(parents=True, exist_ok=True)
    store = ox.Store(str(build_dir / "store"))
    store.load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)
    materialize_default_union(store)
    store.flush()
    del store
    return build_dir
