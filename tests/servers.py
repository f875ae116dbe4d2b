"""Real SPARQL servers for tests: Oxigraph server and Virtuoso 7, each started on 127.0.0.1 with its
own data in a temporary folder; and misbehaving ones: a TCP server that accepts connections and
never answers, an HTTP server that answers what a test tells it (slowly, endlessly, or garbage),
and a proxy that drops chosen requests on their way to a real server.

Each is a context manager yielding a :class:`Server` (or a URL) and stopping what it started, by
PID. A missing server binary skips the test on a workstation and fails it in CI (``CI=true``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.servers import free_port, stop, wait_for_http  # one copy, shared with the benchmarks
from graph.store import RemoteEngine

IN_CI = os.environ.get("CI") == "true"

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
        """``tkg push`` arguments: by Graph Store Protocol (``gsp``) or by SPARQL Update alone;
        nothing else (the union graph and the dataset description are pushed by default)."""
        args = ["push", "--endpoint", self.query_url, "--update", self.update_url]
        if gsp:
            args += ["--store", self.store_url]
        return args + self.auth_args()

    def engine(self, *, timeout: float = 120.0, dataset: str = "auto") -> RemoteEngine:
        """A query engine on the server, as ``tkg query --endpoint`` makes it: with ``dataset="auto"``
        every query sees the pushed dataset; ``"server"`` sends queries unchanged."""
        return RemoteEngine(self.query_url, timeout=timeout, dataset=dataset)


def require(binary: str) -> str:
    """The path of a server binary; skip without it, but fail in CI, where every test must run."""
    path = shutil.which(binary)
    if path is None:
        message = f"{binary} is not installed (pip install oxigraph / apt-get install virtuoso-opensource)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


@contextmanager
def oxigraph_server(folder: Path, *, union_default_graph: bool = False) -> Iterator[Server]:
    """``oxigraph serve`` on disk in ``folder`` (``--union-default-graph`` if asked: its default
    graph is then the union of all graphs, a triple once per graph that holds it)."""
    binary = require("oxigraph")
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([binary, "serve", "--location", str(folder / "data"),
                                    "--bind", f"127.0.0.1:{port}",
                                    *(["--union-default-graph"] if union_default_graph else [])],
                                   stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/query?query=ASK%7B%7D", process, timeout=30, log=log)
        name = "oxigraph-union" if union_default_graph else "oxigraph-server"
        yield Server(name, f"{base}/query", f"{base}/update", f"{base}/store")
    finally:
        stop(process)


# MaxQueryExecutionTime is the longest `# timeout:` a library query declares (600 s), as in
# benchmarks/servers.py: at 120 s, qc_untyped_reference (about 40 s on an idle machine) timed out on a
# loaded one (SR171), a failure of the test server's setting, not of the answer.
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
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 400
"""


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[Server]:
    """Virtuoso 7 (Debian ``virtuoso-opensource``) with its own database in ``folder``.

    Queries go to ``/sparql``; updates to ``/sparql-auth`` and graphs to ``/sparql-graph-crud-auth``
    with digest authentication as ``dba``/``dba`` (a fresh database's administrator, who holds the
    SPARQL_UPDATE role). Its default graph is the union of every graph, its own system graphs
    included; ``tkg query --endpoint`` names the pushed dataset in every query.
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


# ------------------------------------------------------------------------------------------ misbehaving

#: ``handler(conn, request, done)`` writes an answer (or not) to one request; ``done`` is set when
#: the test is over, and a handler that loops must stop then.
Handler = Callable[[socket.socket, bytes, threading.Event], None]


def read_request(conn: socket.socket) -> bytes:
    """One HTTP request (headers and a Content-Length body) from a connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


@contextmanager
def _tcp_server(serve: Callable[[socket.socket, threading.Event], None]) -> Iterator[int]:
    """A TCP server on 127.0.0.1 running ``serve(conn, done)`` for each connection in a thread;
    yields its port. Connections are closed when the test is over."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.1)
    done = threading.Event()
    threads: list[threading.Thread] = []

    def one(conn: socket.socket) -> None:
        with conn:
            try:
                serve(conn, done)
            except OSError:
                pass  # the client went away

    def accept() -> None:
        while not done.is_set():
            try:
                conn, _ = listener.accept()
            except (socket.timeout, OSError):
                continue
            thread = threading.Thread(target=one, args=(conn,), daemon=True)
            thread.start()
            threads.append(thread)

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        done.set()
        acceptor.join(timeout=5)
        for thread in threads:
            thread.join(timeout=5)
        listener.close()


@contextmanager
def scripted_server(handler: Handler) -> Iterator[tuple[str, list[bytes]]]:
    """An HTTP server whose every answer is written by ``handler``; yields its URL and the list
    of the requests it received."""
    received: list[bytes] = []

    def serve(conn: socket.socket, done: threading.Event) -> None:
        request = read_request(conn)
        received.append(request)
        handler(conn, request, done)

    with _tcp_server(serve) as port:
        yield f"http://127.0.0.1:{port}/sparql", received


def answer(status: str, content_type: str, body: bytes) -> Handler:
    """A handler that answers at once with this status, media type and body."""
    def handler(conn: socket.socket, _request: bytes, _done: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
                     f"Connection: close\r\n\r\n".encode() + body)
    return handler


def trickle(data: bytes, *, every: float = 0.5) -> Handler:
    """A handler that sends ``data`` one byte every ``every`` seconds, then again and again."""
    def handler(conn: socket.socket, _request: bytes, done: threading.Event) -> None:
        while not done.is_set():
            for byte in data:
                if done.wait(every):
                    return
                conn.sendall(bytes([byte]))
    return handler


def endless(head: bytes, repeat: bytes) -> Handler:
    """A handler that sends ``head`` and then ``repeat`` for ever (an answer with no end)."""
    def handler(conn: socket.socket, _request: bytes, done: threading.Event) -> None:
        conn.sendall(head)
        block = repeat * max(1, 65536 // len(repeat))
        while not done.is_set():
            conn.sendall(block)
    return handler


@contextmanager
def dropping_proxy(upstream: str, drop: Callable[[int, bytes], bool]) -> Iterator[Callable[[str], str]]:
    """A proxy in front of the server at ``upstream`` (``http://host:port``) that closes the
    connection without an answer when ``drop(n, request)`` is true for the n-th request (from 1)
    and forwards every other request. Yields a function turning the server's URLs into the proxy's."""
    host, port = upstream.split("//", 1)[1].split(":")
    count = {"n": 0}
    lock = threading.Lock()

    def serve(conn: socket.socket, _done: threading.Event) -> None:
        request = read_request(conn)
        with lock:
            count["n"] += 1
            n = count["n"]
        if drop(n, request):
            return  # closed with no answer: as when the connection drops
        with socket.create_connection((host, int(port)), timeout=60) as out:
            out.sendall(request)
            while chunk := out.recv(65536):
                conn.sendall(chunk)

    with _tcp_server(serve) as proxy_port:
        yield lambda url: url.replace(upstream, f"http://127.0.0.1:{proxy_port}")
