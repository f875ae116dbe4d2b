"""Tests of benchmarks/learned_common.py, the machinery the learned-layer experiments share: the embedder's
on-disk cache (with a fake model: no torch), the stub embedder, leave-one-publisher-out folds, score sums
and the choice of the old commit whose rules never saw an article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from .test_agreement import _load

lc = _load("learned_common")


class _FakeModel:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: list[str], **_: Any) -> np.ndarray:
        self.seen += texts
        return np.array([[len(t), 1.0 / 3] for t in texts], dtype=np.float32)


def test_minilm_caches_on_disk_and_rounds_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeModel()
    monkeypatch.setattr(lc, "_load_minilm", lambda: fake)
    file = tmp_path / "sub" / "minilm.json"
    embed = lc.minilm(file, digits=3)
    out = embed(["ab", "c", "ab"])
    assert out.dtype == np.float64 and out.tolist() == [[2.0, 0.333], [1.0, 0.333], [2.0, 0.333]]
    assert sorted(fake.seen) == ["ab", "c"] and file.is_file() and not list(file.parent.glob("*.part"))
    again = lc.minilm(file, digits=3)              # a new run reads the cache: the model is never loaded
    monkeypatch.setattr(lc, "_load_minilm", lambda: pytest.fail("model loaded"))
    assert again(["c"]).tolist() == [[1.0, 0.333]]
    raw = lc.minilm(None)
    monkeypatch.setattr(lc, "_load_minilm", lambda: fake)
    assert raw(["x"]).dtype == np.float32 and raw([]).shape == (0, lc.DIM)


def test_the_stub_is_deterministic_unit_length_and_near_for_shared_words() -> None:
    bag = lc.stub_embedder(dim=32)
    a, b, c = bag(["Grand Mufti", "the Grand Mufti", "Ambassador"])
    assert np.allclose(np.linalg.norm([a, b, c], axis=1), 1.0)
    assert a @ b > a @ c and np.allclose(bag(["Grand Mufti"])[0], a)
    words = lc.stub_embedder(words=("met", "talks"))
    assert words(["they met", "talks"]).tolist() == [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]


def test_lopo_folds_hold_out_each_publisher_once() -> None:
    docs = [("a1", "A"), ("b1", "B"), ("a2", "A")]
    folds = list(lc.lopo_folds(docs, lambda d: d[1]))
    assert [(p, [d[0] for d in tr], [d[0] for d in te]) for p, tr, te in folds] == [
        ("A", ["b1"], ["a1", "a2"]), ("B", ["a1", "a2"], ["b1"])]
    pool = [("x", "A"), ("y", "C")]
    assert [tr for _, tr, _ in lc.lopo_folds(docs, lambda d: d[1], pool)] == [[("y", "C")], [("x", "A"), ("y", "C")]]


def test_sum_scores_adds_rules_and_model_apart() -> None:
    from graph.ingest.gold import Score

    s = {"events": Score(1, 2, 3)}
    r, m = lc.sum_scores([(s, s), (s, {"events": Score(0, 1, 3)})])
    assert (r["events"].tp, r["events"].gold, m["events"].tp, m["events"].predicted) == (2, 6, 1, 3)


def test_the_old_commit_is_the_latest_at_which_the_article_was_test() -> None:
    splits = {"c1": {"a": "test", "b": "test"}, "c2": {"a": "test", "b": "dev"}}
    assert lc.last_test_commit("a", splits, ("c1", "c2")) == "c2"
    assert lc.last_test_commit("b", splits, ("c1", "c2")) == "c1"
    assert lc.last_test_commit("z", splits, ("c1", "c2")) is None
    assert lc.cell(_score()) == "1/2/3 P 0.500 R 0.333 F1 0.400"


def _score() -> Any:
    from graph.ingest.gold import Score

    return Score(1, 2, 3)
