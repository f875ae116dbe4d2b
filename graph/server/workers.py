"""Queries run in worker processes, so that a query past its time limit can be stopped.

pyoxigraph cannot interrupt a running query, and a thread cannot be killed: a runaway query in a
thread keeps a core busy until it ends. Here each query runs in one of a small pool of processes
(started by a fork server that has pyoxigraph imported already, so a replacement costs
milliseconds of CPU, not an interpreter start), each holding the built store opened read-only (``pyoxigraph.Store.read_only``; the
build wrote the de-duplicated union into its default graph). When a query passes its limit, its
worker is killed (SIGKILL) and a fresh one started; the CPU it used is free at once.

A query still running after half a second drops to the lowest CPU priority (``nice`` 19), so that
on a small machine short queries go first; after it answers, the worker gets its priority back, or is retired where the
server may not raise a priority (an unprivileged user).

The event loop never waits on a worker: the pipe is read in a thread (anyio), and the time spent
waiting for a free worker counts against the query's limit.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import anyio.to_thread

from ..errors import EndpointError, QueryTimeout

__all__ = ["Job", "Reply", "WorkerPool", "DEMOTE_AFTER", "default_active"]

#: Seconds after which a running query's worker drops to the lowest CPU priority.
DEMOTE_AFTER = 0.5


@dataclass(frozen=True)
class Job:
    """One query for a worker: the text, its dataset, and the formats to answer in."""

    query: str
    results_mime: str | None  # a RESULT_FORMATS type for SELECT/ASK; None: not acceptable
    graph_mime: str | None  # a GRAPH_FORMATS type for CONSTRUCT/DESCRIBE; None: not acceptable
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_bytes: int = 64 * 1024 * 1024
    prefixes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reply:
    """A worker's answer: ``status`` 200 with the body and its kind (``results`` or ``graph``),
    or an error status with a one-line message in ``body``."""

    status: int
    kind: str
    body: bytes


class _Capped:
    """A binary sink that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int):
        self.limit, self.parts, self.size = limit, [], 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def value(self) -> bytes:
        return b"".join(self.parts)


def answer(store: Any, job: Job) -> Reply:
    """Run one job on a pyoxigraph store (in the worker process)."""
    import pyoxigraph as ox

    from .negotiation import GRAPH_FORMATS, RESULT_FORMATS

    kwargs: dict[str, Any] = {"prefixes": job.prefixes or None}
    if job.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    if job.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.query, **kwargs)
        kind = "graph" if isinstance(result, ox.QueryTriples) else "results"
        mime = job.graph_mime if kind == "graph" else job.results_mime
        if mime is None:
            what = "an RDF graph (CONSTRUCT/DESCRIBE)" if kind == "graph" else "solutions (SELECT/ASK)"
            return Reply(406, kind, f"none of the accepted media types can carry {what}".encode())
        sink = _Capped(job.max_bytes)
        table = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
        result.serialize(sink, next(f.format for f in table if f.mime == mime))
        return Reply(200, kind, sink.value())
    except SyntaxError as exc:
        return Reply(400, "syntax", _one_line(exc).encode())
    except OverflowError:
        return Reply(422, "size", f"the result is larger than this server's cap of {job.max_bytes:,} bytes; "
                                  "add LIMIT or narrow the query".encode())
    except Exception as exc:  # an evaluation error: one line, never a traceback
        return Reply(400, "error", f"the query failed: {_one_line(exc)}".encode())


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _serve(conn: Connection, store_path: str) -> None:
    """The worker's loop: open the store read-only, then answer jobs until the pipe closes."""
    import pyoxigraph as ox

    store = ox.Store.read_only(store_path)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(store, job))


def _context() -> mp.context.BaseContext:
    """Workers fork from a fork server (started once, single-threaded, modules preloaded): never
    from the server's own multi-threaded process."""
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["pyoxigraph", __name__])
    return ctx


class _Slot:
    """One permit of the pool's semaphore, given back once: at demotion (from the waiting thread)
    or at the end."""

    def __init__(self, sem: asyncio.Semaphore, loop: asyncio.AbstractEventLoop):
        self.sem, self.loop, self.held = sem, loop, True

    def release(self) -> None:  # on the event loop
        if self.held:
            self.held = False
            self.sem.release()

    def release_soon(self) -> None:  # from any thread
        self.loop.call_soon_threadsafe(self.release)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, store_path: str):
        ctx = _context()
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, store_path), name="tkg-query-worker", daemon=True)
        self.process.start()
        child.close()
        self.demoted = False

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout) or self.conn.recv() != "ready":
            raise EndpointError("a query worker did not start")

    def call(self, job: Job, timeout: float, *, demote_after: float = DEMOTE_AFTER,
             on_demote: Callable[[], None] | None = None) -> Reply | None:
        """Send a job and wait at most ``timeout`` seconds; ``None`` when it ran out of time.

        A query still running after ``demote_after`` seconds gets the lowest CPU priority, so that
        short queries keep theirs (``demoted``; see :meth:`restore`), and ``on_demote`` is called.
        """
        self.conn.send(job)
        timeout = max(timeout, 0.0)
        if not self.conn.poll(min(demote_after, timeout)):
            if timeout <= demote_after:
                return None
            self._demote()
            if on_demote is not None:
                on_demote()
            if not self.conn.poll(timeout - demote_after):
                return None
        return self.conn.recv()

    def _demote(self) -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid or 0, 19)
            self.demoted = True
        except OSError:
            pass

    def restore(self) -> bool:
        """Give a demoted worker its priority back, where allowed (root or CAP_SYS_NICE)."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid or 0, 0)
        except OSError:
            return False
        self.demoted = False
        return True

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


def default_active() -> int:
    """Queries that may run at normal priority at once: the cores plus one."""
    return (os.cpu_count() or 1) + 1


class WorkerPool:
    """``size`` query workers, of which at most ``active`` run at normal priority at once; a worker
    whose query overruns is killed and replaced.

    More workers than cores would only make short queries share the cores with long ones; so a
    query needs one of ``active`` slots to start, and gives it back when it is demoted (still
    running after :data:`DEMOTE_AFTER` s, at the lowest priority) or done. The spare workers serve
    the short queries that arrive while long ones run.
    """

    def __init__(self, store_path: Path, *, size: int, active: int | None = None):
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.store_path, self.size = str(store_path), size
        self._slots = asyncio.Semaphore(max(1, min(size, active or default_active())))
        self._idle: asyncio.LifoQueue[_Worker] = asyncio.LifoQueue()  # the warmest worker first
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self.replaced = 0

    async def start(self) -> None:
        """Start every worker and wait until each has opened the store."""
        await asyncio.gather(*(self._add() for _ in range(self.size)))

    async def _add(self) -> None:
        worker = await anyio.to_thread.run_sync(_Worker, self.store_path)
        self._all.add(worker)
        try:
            await anyio.to_thread.run_sync(worker.wait_ready, 60.0)
        except EndpointError:
            self._all.discard(worker)
            await anyio.to_thread.run_sync(worker.kill)
            raise
        self._idle.put_nowait(worker)

    def pids(self) -> list[int]:
        return sorted(w.process.pid for w in self._all if w.process.pid is not None)

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker (in a thread) and start another in its place, in the background."""
        self._all.discard(worker)
        self.replaced += 1

        async def replace() -> None:
            await anyio.to_thread.run_sync(worker.kill)
            await self._add()

        task = asyncio.get_running_loop().create_task(replace())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def run(self, job: Job, *, timeout: float) -> Reply:
        """Run a job on a free worker within ``timeout`` seconds (waiting included)."""
        start = time.monotonic()
        busy = QueryTimeout(f"the server stayed busy for the time limit of {timeout:g} s; try again later")
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout)
        except TimeoutError:
            raise busy from None
        slot = _Slot(self._slots, asyncio.get_running_loop())
        try:
            try:
                worker = await asyncio.wait_for(self._idle.get(), timeout - (time.monotonic() - start))
            except TimeoutError:
                raise busy from None
            return await self._call(worker, job, timeout - (time.monotonic() - start), slot, limit=timeout)
        finally:
            slot.release()

    async def _call(self, worker: _Worker, job: Job, remaining: float, slot: _Slot, *, limit: float) -> Reply:
        try:
            reply = await anyio.to_thread.run_sync(lambda: worker.call(job, remaining, on_demote=slot.release_soon),
                                                   abandon_on_cancel=True)
        except (EOFError, OSError):  # the worker died (killed by the system, out of memory, …)
            self._replace(worker)
            raise EndpointError("the query worker stopped while running the query (out of memory?)") from None
        except BaseException:  # the client went away: the worker may still be busy, never reuse it
            self._replace(worker)
            raise
        if reply is None:
            self._replace(worker)
            raise QueryTimeout(f"the query ran longer than its time limit of {limit:g} s and was stopped")
        if worker.demoted and not worker.restore():  # no privilege to raise its priority again
            self._replace(worker)
        else:
            self._idle.put_nowait(worker)
        return reply

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for worker in list(self._all):
            await anyio.to_thread.run_sync(worker.kill)
        self._all.clear()
