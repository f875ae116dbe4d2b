"""SPARQL servers for the benchmarks: Oxigraph server and Virtuoso 7 on 127.0.0.1, loaded with a
build's N-Quads and the union of its graphs, and stopped by PID. No test-suite import: the benchmarks
run on an install without pytest.

Loading is each server's own bulk path, as a user with a large build would do it: ``oxigraph load``
for Oxigraph server and the bulk loader (``ld_dir`` + ``rdf_loader_run``) for Virtuoso. Each server
gets the named graphs and the union of them (each triple once): Oxigraph server in its default graph,
Virtuoso (whose default graph is the bag of all graphs) in ``UNION_GRAPH``, which queries name in
FROM (:func:`with_union`).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

__all__ = ["UNION_GRAPH", "Running", "free_port", "wait_for_http", "stop", "oxigraph_server", "virtuoso_server",
           "with_union", "write_union"]

UNION_GRAPH = "https://w3id.org/turkic-kg/id/graph/union"


@dataclass(frozen=True)
class Running:
    name: str
    query_url: str
    load_seconds: float


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_http(url: str, process: subprocess.Popen[bytes], *, timeout: float, log: Path) -> None:
    """Wait until ``url`` answers with any HTTP status; fail with the server's log if it died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:g} s:\n{log.read_text(errors='replace')[-2000:]}")


def stop(process: subprocess.Popen[bytes], *, grace: float = 30.0) -> None:
    """Stop a server we started, by its PID: SIGTERM, then SIGKILL after ``grace`` seconds."""
    if process.poll() is not None:
        return
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def write_union(dataset: Path, out: Path, *, graph: str | None) -> Path:
    """The union of the build's graphs, each triple once: N-Triples for a server's default graph
    (``graph=None``), or N-Quads in ``graph``."""
    store = ox.Store()
    store.bulk_load(path=str(dataset), format=ox.RdfFormat.N_QUADS)
    seen = {q.triple for q in store.quads_for_pattern(None, None, None, None)}
    with out.open("wb") as fh:
        if graph is None:
            ox.serialize(seen, fh, format=ox.RdfFormat.N_TRIPLES)
        else:
            g = ox.NamedNode(graph)
            ox.serialize((ox.Quad(t.subject, t.predicate, t.object, g) for t in seen), fh,
                         format=ox.RdfFormat.N_QUADS)
    return out


def with_union(sparql: str) -> str:
    """The query with ``FROM <union>`` where SPARQL's grammar puts it (``graph.sparqltext``, as
    ``tkg query --endpoint`` does; named graphs are left to the server's own dataset)."""
    from graph.sparqltext import with_dataset

    return with_dataset(sparql, [UNION_GRAPH], [])


@contextmanager
def oxigraph_server(folder: Path, files: list[Path]) -> Iterator[Running | None]:
    binary = shutil.which("oxigraph")
    if binary is None:
        yield None
        return
    folder.mkdir(parents=True, exist_ok=True)
    location = folder / "oxigraph-data"
    started = time.perf_counter()
    for path in files:
        subprocess.run([binary, "load", "--location", str(location), "--file", str(path)], check=True,
                       capture_output=True)
    load = time.perf_counter() - started
    port, log = free_port(), folder / "oxigraph.log"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process, timeout=120, log=log)
        yield Running("Oxigraph server", f"http://127.0.0.1:{port}/query", load)
    finally:
        stop(process, grace=60)


_VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {dir}, {data}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/vsp
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 4000
"""


def _isql(sql_port: int, statement: str) -> None:
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if isql is None:
        raise RuntimeError("isql-vt is not installed (apt-get install virtuoso-opensource)")
    subprocess.run([isql, str(sql_port), "dba", "dba", f"exec={statement}"], check=True, capture_output=True,
                   timeout=7200)


@contextmanager
def virtuoso_server(folder: Path, files: list[Path]) -> Iterator[Running | None]:
    """Virtuoso with 4 GB of buffers (its guide's setting for a 16 GB+ machine), bulk-loaded."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        yield None
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vsp").mkdir(exist_ok=True)
    data = files[0].parent
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(dir=folder, data=data, sql_port=sql_port, http_port=http_port,
                                        buffers=340000, dirty=250000), encoding="utf-8")
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                                   stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_for_http(f"{base}/sparql?query=ASK%7B%7D", process, timeout=180, log=log)
        started = time.perf_counter()
        for path in files:
            _isql(sql_port, f"ld_dir('{path.parent}', '{path.name}', 'urn:x-tkg:unused');")
        _isql(sql_port, "rdf_loader_run();")
        _isql(sql_port, "checkpoint;")
        yield Running("Virtuoso", f"{base}/sparql", time.perf_counter() - started)
    finally:
        stop(process, grace=60)
