"""HTTP for remote SPARQL servers: one deadline for the whole request, and a cap on bytes read.

``urllib``'s ``timeout`` limits each socket operation, not the request: a server that sends one
byte every half second keeps a client waiting for ever, and a huge answer is read whole into
memory. :class:`Transport` sends a request with

* **one deadline** (``timeout`` seconds from the start, :func:`time.monotonic`): connecting,
  sending, waiting for the headers, digest authentication's second round and reading the body all
  count. A watchdog timer shuts the request's sockets down at the deadline, which wakes a read that
  is blocked in the middle of the status line, the headers or the body; the body is read in chunks
  and the deadline is checked between them;
* **a cap on bytes read** (``max_bytes``, :data:`~graph.settings.DEFAULT_MAX_RESPONSE_BYTES`):
  past it the request stops with :class:`ResponseTooLarge`;
* http and https only, redirects included (no ``file:``, ``ftp:`` or ``data:`` handler).

Failures are one-line :class:`~graph.errors.EndpointError` (exit 3) or
:class:`~graph.errors.QueryTimeout` (exit 3).
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from functools import partial

from .errors import EndpointError, InputError, QueryTimeout
from .settings import DEFAULT_MAX_RESPONSE_BYTES, USER_AGENT

__all__ = ["Transport", "Response", "ResponseTooLarge", "HTTPStatusError", "PartialAnswer", "check_http_url", "base_url"]

CHUNK = 64 * 1024


class ResponseTooLarge(EndpointError):
    """An answer longer than the cap on bytes read (``TKG_MAX_RESPONSE_BYTES``)."""


class PartialAnswer(EndpointError):
    """A 2xx answer that the server marks as incomplete: Virtuoso's "anytime" queries stop at its
    ``MaxQueryExecutionTime`` and return the rows found so far, with ``X-SQL-State`` (``S1TAT``)
    and ``X-SQL-Message`` headers and status 200. Taken as a failure (exit 3), never as the answer."""


class HTTPStatusError(EndpointError):
    """The server answered with an HTTP error status (``status``)."""

    def __init__(self, message: str, *, status: int):
        super().__init__(message)
        self.status = status


def _refuse_partial(headers, url: str) -> None:  # type: ignore[no-untyped-def]
    """Raise :class:`PartialAnswer` if the answer's headers say it is incomplete (Virtuoso)."""
    state = headers.get("X-SQL-State") if headers else None
    if state:
        message = _first_line((headers.get("X-SQL-Message") or "").encode())
        raise PartialAnswer(f"{base_url(url)}: the server returned an incomplete answer (X-SQL-State {state}"
                            f"{': ' + message if message else ''}); raise its time limit "
                            "(Virtuoso: MaxQueryExecutionTime) or simplify the query")


def check_http_url(url: str, *, option: str = "--endpoint") -> str:
    """``url`` if it is an http(s) URL with a host; else :class:`~graph.errors.InputError` (exit 2).

    >>> check_http_url("https://query.example.org/sparql")
    'https://query.example.org/sparql'
    >>> check_http_url("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: --endpoint must be an http:// or https:// URL, not 'file:///etc/passwd'
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError(f"{option} must be an http:// or https:// URL, not {url!r}")
    return url


def base_url(url: str) -> str:
    """The URL without its query string (what error messages name)."""
    return url.split("?", 1)[0]


@dataclass(frozen=True)
class Response:
    """A 2xx answer: its status, media type (no parameters) and body."""

    status: int
    content_type: str
    body: bytes


@dataclass
class _Deadline:
    """The end of one request, and the sockets to shut down when it passes."""

    seconds: float | None
    end: float | None = None
    sockets: list[socket.socket] = field(default_factory=list)
    passed: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.end = None if self.seconds is None else time.monotonic() + self.seconds

    def left(self) -> float | None:
        """Seconds left (at least a millisecond, so that a socket timeout is never 0 = non-blocking)."""
        if self.end is None:
            return None
        return max(0.001, self.end - time.monotonic())

    def over(self) -> bool:
        return self.passed or (self.end is not None and time.monotonic() >= self.end)

    def watch(self, sock: socket.socket) -> None:
        with self.lock:
            self.sockets.append(sock)
            if self.passed:  # connected just as the deadline passed
                _shutdown(sock)

    def expire(self) -> None:
        with self.lock:
            self.passed = True
            for sock in self.sockets:
                _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in recv()
    except OSError:
        pass


class _Watched:
    """A connection whose socket the deadline watches (shared by the HTTP and HTTPS classes)."""

    _deadline: _Deadline
    timeout: float | None
    sock: socket.socket

    def __init__(self, *args, deadline: _Deadline, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self._deadline = deadline

    def connect(self) -> None:
        self.timeout = self._deadline.left()
        super().connect()  # type: ignore[misc]
        self._deadline.watch(self.sock)


class _WatchedHTTP(_Watched, http.client.HTTPConnection):
    pass


class _WatchedHTTPS(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self._deadline = deadline

    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(partial(_WatchedHTTP, deadline=self._deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self._deadline = deadline

    def https_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(partial(_WatchedHTTPS, deadline=self._deadline), req,
                            context=self._context)


class _DigestAuth(urllib.request.HTTPDigestAuthHandler):
    """Digest authentication that closes the 401 answer before it asks again (urllib leaves it to
    the garbage collector, an unclosed socket)."""

    def http_error_401(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        fp.close()
        return super().http_error_401(req, fp, code, msg, headers)


class _BasicAuth(urllib.request.HTTPBasicAuthHandler):
    """Basic authentication that closes the 401 answer before it asks again."""

    def http_error_401(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        fp.close()
        return super().http_error_401(req, fp, code, msg, headers)


class Transport:
    """Sends one HTTP request at a time with a deadline, a byte cap and optional basic or digest
    authentication (the credentials go to the request's host only)."""

    def __init__(self, *, user: str | None = None, password: str | None = None, digest: bool = False,
                 timeout: float | None = 60.0, max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES):
        self.user, self.password, self.digest = user, password, digest
        self.timeout = timeout
        self.max_bytes = max_bytes

    def _opener(self, url: str, deadline: _Deadline) -> urllib.request.OpenerDirector:
        opener = urllib.request.OpenerDirector()
        for handler in (urllib.request.ProxyHandler(), _HTTPHandler(deadline), _HTTPSHandler(deadline),
                        urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPRedirectHandler(),
                        urllib.request.HTTPErrorProcessor()):
            opener.add_handler(handler)
        if self.user is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            manager.add_password(None, base_url(url), self.user, self.password or "")
            auth = _DigestAuth if self.digest else _BasicAuth
            opener.add_handler(auth(manager))
        return opener

    def request(self, method: str, url: str, *, body: bytes | None = None,
                headers: dict[str, str] | None = None, timeout: float | None = None) -> Response:
        """Send one request and read its whole answer; raise on anything but 2xx."""
        timeout = self.timeout if timeout is None else timeout
        deadline = _Deadline(timeout)
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={"User-Agent": USER_AGENT, **(headers or {})})
        timer = threading.Timer(timeout, deadline.expire) if timeout is not None else None
        if timer is not None:
            timer.daemon = True
            timer.start()
        try:
            with self._opener(url, deadline).open(request, timeout=deadline.left()) as answer:
                data = self._read(answer, url, deadline)
                _refuse_partial(answer.headers, url)
                kind = answer.headers.get_content_type() if answer.headers else ""
                return Response(int(answer.status), kind, data)
        except urllib.error.HTTPError as exc:
            detail = _first_line(_read_some(exc))
            exc.close()
            raise HTTPStatusError(f"{base_url(url)}: HTTP {exc.code} {exc.reason}"
                                  f"{': ' + detail if detail else ''}", status=exc.code) from None
        except (EndpointError, QueryTimeout):
            raise
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if deadline.over() or _is_timeout(exc):
                raise self._timeout(url, timeout) from None
            reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            raise EndpointError(f"{base_url(url)}: unreachable ({reason or type(exc).__name__})") from None
        finally:
            if timer is not None:
                timer.cancel()

    def _read(self, answer, url: str, deadline: _Deadline) -> bytes:  # type: ignore[no-untyped-def]
        length = answer.headers.get("Content-Length") if answer.headers else None
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise self._too_large(url)
        parts: list[bytes] = []
        size = 0
        while True:
            if deadline.over():
                raise self._timeout(url, deadline.seconds)
            chunk = answer.read(CHUNK)  # a blocked read ends when the watchdog shuts the socket
            if not chunk:
                if deadline.over():  # the watchdog shut the socket: not a real end
                    raise self._timeout(url, deadline.seconds)
                return b"".join(parts)
            size += len(chunk)
            if size > self.max_bytes:
                raise self._too_large(url)
            parts.append(chunk)

    def _timeout(self, url: str, timeout: float | None) -> QueryTimeout:
        return QueryTimeout(f"{base_url(url)}: no answer within the time limit of {timeout:g} s")

    def _too_large(self, url: str) -> ResponseTooLarge:
        return ResponseTooLarge(f"{base_url(url)}: the answer is larger than {self.max_bytes:,} bytes "
                                "(TKG_MAX_RESPONSE_BYTES); ask for fewer rows (LIMIT) or raise the cap")


def _is_timeout(exc: BaseException) -> bool:
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return True
    return isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, (socket.timeout, TimeoutError))


def _read_some(exc: urllib.error.HTTPError) -> bytes:
    try:
        return exc.read(4096)
    except (OSError, http.client.HTTPException):
        return b""


def _first_line(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    return text.splitlines()[0][:200] if text else ""
