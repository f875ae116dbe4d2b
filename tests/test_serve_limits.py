"""A query past its time limit is stopped: its worker process is killed and replaced, the CPU is
free again, and other queries are answered meanwhile (a real ``tkg serve`` process, psutil)."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import psutil
import pytest

from graph.settings import Settings

from .serve_support import Served, tkg_serve

LIMIT = 2.0
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def post(served: Served, query: str) -> tuple[int, str, float]:
    data = urllib.parse.urlencode({"query": query}).encode()
    start = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(served.sparql, data=data), timeout=60) as r:
            return r.status, r.read().decode(), time.monotonic() - start
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), time.monotonic() - start


def workers(pid: int) -> list[psutil.Process]:
    """The server's query worker processes: the children of its fork server."""
    out = []
    for child in psutil.Process(pid).children():
        try:
            if "forkserver" in " ".join(child.cmdline()):
                out += [c for c in child.children() if c.status() != psutil.STATUS_ZOMBIE]
        except psutil.NoSuchProcess:
            pass
    return out


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by the server's query workers."""
    total = 0.0
    for child in workers(pid):
        try:
            t = child.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def worker_pids(pid: int) -> set[int]:
    return {c.pid for c in workers(pid)}


@pytest.fixture(scope="module")
def served(built: Settings, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with tkg_serve(built, tmp_path_factory.mktemp("serve-limits"), workers=5, timeout=LIMIT) as s:
        yield s


def test_runaway_queries_are_stopped_and_others_still_answered(served: Served) -> None:
    before = worker_pids(served.pid)
    assert len(before) == 5
    results: list[tuple[int, str, float]] = []
    threads = [threading.Thread(target=lambda: results.append(post(served, RUNAWAY))) for _ in range(4)]
    cpu_a = cpu_seconds(served.pid)
    start = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(0.5)
    status, body, simple = post(served, "ASK { ?s a <https://w3id.org/turkic-kg/ontology#State> }")
    time.sleep(max(0.0, start + 1.5 - time.monotonic()))
    busy = cpu_seconds(served.pid) - cpu_a  # CPU used by the runaways in their first 1.5 s
    for t in threads:
        t.join()
    time.sleep(max(0.0, start + LIMIT + 2.0 - time.monotonic()))
    cpu_b = cpu_seconds(served.pid)
    time.sleep(1.0)
    idle = cpu_seconds(served.pid) - cpu_b  # CPU used 2 to 3 s after the limit
    after = worker_pids(served.pid)

    assert (status, body) == (200, '{"head":{},"boolean":true}')
    assert simple < 1.0, f"a simple query took {simple:.2f} s while 4 runaway queries ran"
    assert busy > 0.02, f"the runaway queries used only {busy:.2f} s of CPU: not a test of anything"
    assert sorted(r[0] for r in results) == [503] * 4
    assert all(r[1] == f"the query ran longer than its time limit of {LIMIT:g} s and was stopped\n" for r in results)
    assert all(LIMIT - 0.1 < r[2] < LIMIT + 1.0 for r in results), [round(r[2], 2) for r in results]
    assert idle < 0.1, f"the workers used {idle:.2f} s of CPU 2 s after their limit"
    assert len(after) == 5 and len(before - after) == 4, "four workers should have been killed and replaced"
    assert not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in before - after)
    assert post(served, "ASK {}")[:2] == (200, '{"head":{},"boolean":true}')


def test_a_worker_that_dies_is_an_error_and_is_replaced(served: Served) -> None:
    before = worker_pids(served.pid)
    result: list[tuple[int, str, float]] = []
    thread = threading.Thread(target=lambda: result.append(post(served, RUNAWAY)))
    thread.start()
    # the worker running it: past half a second, the only one at the lowest priority
    deadline, demoted = time.monotonic() + 1.5, []
    while not demoted and time.monotonic() < deadline:
        time.sleep(0.05)
        demoted = [p for p in workers(served.pid) if p.nice() == 19]
    (busiest,) = demoted
    busiest.kill()  # as the kernel's OOM killer would
    thread.join()
    status, body, _ = result[0]
    assert (status, body) == (500, "the query worker stopped while running the query (out of memory?)\n")
    deadline = time.monotonic() + 10
    while (len(worker_pids(served.pid)) < 5 or busiest.pid in worker_pids(served.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    after = worker_pids(served.pid)
    assert len(after) == 5 and before - after == {busiest.pid}
    assert post(served, "ASK {}")[:2] == (200, '{"head":{},"boolean":true}')
