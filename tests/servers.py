"""Real SPARQL servers for tests: Oxigraph server and Virtuoso 7, each started on 127.0.0.1 with its
own data in a temporary folder, and a TCP server that accepts connections and never answers.

Each is a context manager yielding a :class:`Server` (or a URL) and stopping what it started, by
PID. A missing server binary skips the test on a workstation and fails it in CI (``CI=true``).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.store import RemoteEngine

IN_CI = os.environ.get("CI") == "true"

#: ``tkg push --union-graph``: the union of all graphs, each triple once. Both servers' own union
#: default graphs repeat a triple once per graph that holds it (Oxigraph issue #1919, Virtuoso
#: issue #1406 "expected behaviour of a quad store"), so queries name this graph in ``FROM``.
UNION_GRAPH = "urn:x-tkg:union"


@dataclass(frozen=True)
class Server:
    """A running server: where to query, update and PUT graphs, and the credentials for that."""

    name: str
    query_url: str
    update_url: str
    store_url: str
    user: str | None = None
    password: str | None = None
    digest: bool = False

    def auth_args(self) -> list[str]:
        if self.user is None:
            return []
        return ["--user", self.user, "--password", self.password or "", *(["--digest"] if self.digest else [])]

    def push_args(self, *, gsp: bool = True) -> list[str]:
        """``tkg push`` arguments: by Graph Store Protocol (``gsp``) or by SPARQL Update alone,
        with the union graph."""
        args = ["push", "--endpoint", self.query_url, "--update", self.update_url, "--union-graph", UNION_GRAPH]
        if gsp:
            args += ["--store", self.store_url]
        return args + self.auth_args()

    def engine(self, *, graphs: Sequence[str] = (), timeout: float = 120.0) -> RemoteEngine:
        """A query engine on the server whose queries' default graph is :data:`UNION_GRAPH` (each
        triple once, as the SPARQL dataset's union should be) and whose named graphs are ``graphs``;
        without ``graphs``, the server's own dataset."""
        if not graphs:
            return RemoteEngine(self.query_url, timeout=timeout)
        return DatasetEngine(self.query_url, default=[UNION_GRAPH], named=graphs, timeout=timeout)


class DatasetEngine(RemoteEngine):
    """A :class:`~graph.store.RemoteEngine` that names the dataset of every query with ``FROM`` and
    ``FROM NAMED`` clauses. (Not the protocol's ``default-graph-uri``: Virtuoso echoes each one as
    a response header, and Python's http.client refuses a response with more than 100 headers.)"""

    def __init__(self, endpoint: str, *, default: Sequence[str], named: Sequence[str],
                 timeout: float | None = 120.0):
        super().__init__(endpoint, timeout=timeout)
        self.default, self.named = tuple(default), tuple(named)

    def query(self, sparql: str, *, timeout: float | None = None):  # type: ignore[no-untyped-def]
        return super().query(with_dataset(sparql, self.default, self.named), timeout=timeout)


def with_dataset(sparql: str, default: Sequence[str], named: Sequence[str]) -> str:
    r"""The query with ``FROM`` and ``FROM NAMED`` clauses, put before its outermost ``WHERE``
    (or group; after a CONSTRUCT template), or at the end of a ``DESCRIBE`` without one.

    >>> with_dataset("PREFIX a: <urn:a#>\nSELECT ?x { { SELECT ?x WHERE { ?x ?p ?o } } }", ["urn:u"], ["urn:g"])
    'PREFIX a: <urn:a#>\nSELECT ?x FROM <urn:u> FROM NAMED <urn:g> { { SELECT ?x WHERE { ?x ?p ?o } } }'
    >>> with_dataset("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", ["urn:u"], [])
    'CONSTRUCT { ?s ?p ?o } FROM <urn:u> WHERE { ?s ?p ?o }'
    >>> with_dataset("# c: {\nDESCRIBE <urn:x>", ["urn:u"], [])
    '# c: {\nDESCRIBE <urn:x> FROM <urn:u>'
    """
    clauses = " ".join([*(f"FROM <{g}>" for g in default), *(f"FROM NAMED <{g}>" for g in named)])
    # Blank out comments, IRIs and strings (same length), then find where the clauses go.
    masked = re.sub(r"(?m)^\s*#.*$|<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"", lambda m: " " * len(m.group(0)), sparql)
    form = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", masked, flags=re.I)
    construct = form is not None and form.group(1).upper() == "CONSTRUCT"
    match = re.search(r"\bWHERE\b" if construct else r"\bWHERE\b|\{", masked, flags=re.I)
    if match is None:
        return f"{sparql.rstrip()} {clauses}"
    return f"{sparql[:match.start()]}{clauses} {sparql[match.start():]}"


def require(binary: str) -> str:
    """The path of a server binary; skip without it, but fail in CI, where every test must run."""
    path = shutil.which(binary)
    if path is None:
        message = f"{binary} is not installed (pip install oxigraph / apt-get install virtuoso-opensource)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


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


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[Server]:
    """``oxigraph serve`` on disk in ``folder``."""
    binary = require("oxigraph")
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "serve", "--location", str(folder / "data"),
                                    "--bind", f"127.0.0.1:{port}"],
                                   stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/query?query=ASK%7B%7D", process, timeout=30, log=log)
        yield Server("oxigraph-server", f"{base}/query", f"{base}/update", f"{base}/store")
    finally:
        stop(process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/vsp
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
"""


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[Server]:
    """Virtuoso 7 (Debian ``virtuoso-opensource``) with its own database in ``folder``.

    Queries go to ``/sparql``; updates to ``/sparql-auth`` and graphs to ``/sparql-graph-crud-auth``
    with digest authentication as ``dba``/``dba`` (a fresh database's administrator, who holds the
    SPARQL_UPDATE role). Its default graph is the union of every graph, its own system graphs
    included, so queries name their dataset (:meth:`Server.engine`).
    """
    binary = require("virtuoso-t")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vsp").mkdir(exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=folder,
                                   stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_for_http(f"{base}/sparql?query=ASK%7B%7D", process, timeout=120, log=log)
        yield Server("virtuoso", f"{base}/sparql", f"{base}/sparql-auth", f"{base}/sparql-graph-crud-auth",
                     user="dba", password="dba", digest=True)
    finally:
        stop(process, grace=60)


@contextmanager
def silent_server() -> Iterator[str]:
    """A TCP server on 127.0.0.1 that accepts connections and never answers; yields its URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    done = threading.Event()

    def accept() -> None:
        while not done.is_set():
            try:
                conn, _ = listener.accept()
            except (socket.timeout, OSError):
                continue
            held.append(conn)  # keep it open, say nothing

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        done.set()
        thread.join(timeout=5)
        for conn in held:
            conn.close()
        listener.close()
