"""Load: 20 concurrent clients × 50 library queries against a real ``tkg serve`` process, with
zero errors and every answer the embedded store's."""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pytest

from graph.library import load_library, render
from graph.results import result_from_remote
from graph.settings import Settings
from graph.store import OxigraphEngine

from .serve_support import tkg_serve

CLIENTS, PER_CLIENT = 20, 50


def answer_key(kind: str, raw: bytes) -> Counter:
    result = result_from_remote(kind, raw)
    if result.kind == "graph":
        return Counter(map(str, result.triples))
    if result.kind == "ask":
        return Counter([result.boolean])
    return Counter(result.rows)


def test_twenty_clients_fifty_queries_each(built: Settings, engine: OxigraphEngine,
                                           tmp_path_factory: pytest.TempPathFactory) -> None:
    library = [(q.kind, render(q)) for q in load_library(built.queries_dir).values()]
    expected = []
    for kind, text in library:
        want = engine.query(text)
        if want.kind == "graph":
            expected.append(Counter(map(str, want.triples)))
        elif want.kind == "ask":
            expected.append(Counter([want.boolean]))
        else:
            expected.append(Counter(want.rows))
    errors: list[str] = []
    done = Counter()

    def client(n: int) -> None:
        for i in range(PER_CLIENT):
            k = (n * PER_CLIENT + i) % len(library)
            kind, text = library[k]
            accept = "application/n-triples" if kind in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
            data = urllib.parse.urlencode({"query": text}).encode()
            request = urllib.request.Request(served.sparql, data=data, headers={"Accept": accept})
            try:
                with urllib.request.urlopen(request, timeout=60) as r:
                    body = r.read()
            except (urllib.error.URLError, OSError) as exc:
                errors.append(f"client {n} query {k}: {exc}")
                continue
            if answer_key(kind, body) != expected[k]:
                errors.append(f"client {n} query {k}: a different answer")
            done[n] += 1

    with tkg_serve(built, tmp_path_factory.mktemp("serve-load"), workers=5, timeout=30) as served:
        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    assert sum(done.values()) == CLIENTS * PER_CLIENT
