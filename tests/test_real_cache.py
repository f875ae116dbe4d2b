"""The real-article cache script, on self-written fixture texts in a temporary cache (never real texts)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from .helpers import ROOT

_spec = importlib.util.spec_from_file_location("real_cache", ROOT / "benchmarks" / "real_cache.py")
assert _spec is not None and _spec.loader is not None
real_cache = importlib.util.module_from_spec(_spec)
sys.modules["real_cache"] = real_cache
_spec.loader.exec_module(real_cache)

TEXT = "ASTANA, 3 March 2026 \u2013 A fixture article.\r\nSecond line.   \r\n\r\n"


@pytest.fixture()
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    cache, index, gold = tmp_path / "cache", tmp_path / "articles.json", tmp_path / "gold"
    gold.mkdir()
    monkeypatch.setenv("TKG_ARTICLE_CACHE", str(cache))
    src = tmp_path / "fixture.txt"
    src.write_bytes(TEXT.encode("utf-8"))
    return cache, index, gold


def _add(index: Path, gold: Path, tmp_path: Path, id_: str = "fixture-one", split: str = "dev") -> int:
    return real_cache.run(["add", id_, "https://example.org/a", "2026-03-03", "Example Agency",
                           str(tmp_path / "fixture.txt"), "--split", split], index=index, gold_dir=gold)


def test_normalize_and_hash() -> None:
    assert real_cache.normalize_text(TEXT) == "ASTANA, 3 March 2026 \u2013 A fixture article.\nSecond line.\n"
    assert real_cache.text_hash("abc\n") == "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb"


def test_cache_folder_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TKG_ARTICLE_CACHE", str(tmp_path))
    assert real_cache.cache_dir() == tmp_path
    monkeypatch.delenv("TKG_ARTICLE_CACHE")
    assert real_cache.cache_dir() == ROOT / "benchmarks" / "real" / "cache"


def test_add_writes_the_text_and_the_hash(setup: tuple[Path, Path, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    cache, index, gold = setup
    assert _add(index, gold, tmp_path) == 0
    assert (cache / "fixture-one.txt").read_bytes() == real_cache.normalize_text(TEXT).encode("utf-8")
    doc = json.loads(index.read_text(encoding="utf-8"))
    assert doc == {"articles": [{"id": "fixture-one", "url": "https://example.org/a", "publisher": "Example Agency",
                                 "date": "2026-03-03", "split": "dev",
                                 "sha256": real_cache.text_hash(real_cache.normalize_text(TEXT))}]}
    capsys.readouterr()
    real_cache.run(["list"], index=index, gold_dir=gold)
    assert capsys.readouterr().out.split("\t")[:5] == ["fixture-one", "dev", "2026-03-03", "Example Agency", "ok"]


def test_check_reports_missing_altered_and_gold(setup: tuple[Path, Path, Path], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    cache, index, gold = setup
    _add(index, gold, tmp_path, "fixture-one")
    _add(index, gold, tmp_path, "fixture-two", "test")
    (gold / "fixture-one.gold.json").write_text("{}", encoding="utf-8")
    (gold / "fixture-two.gold.json").write_text("{}", encoding="utf-8")
    capsys.readouterr()
    assert real_cache.run(["check"], index=index, gold_dir=gold) == 0
    (cache / "fixture-one.txt").write_text("changed\n", encoding="utf-8")
    (cache / "fixture-two.txt").unlink()
    (gold / "fixture-two.gold.json").unlink()
    capsys.readouterr()
    assert real_cache.run(["check"], index=index, gold_dir=gold) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("fixture-one: text wrong hash")
    assert lines[1].startswith("fixture-two: text missing")
    assert lines[2] == "fixture-two: gold file missing"
    assert lines[3].startswith("2 articles, 2 texts missing or altered, 1 gold files missing")


def test_move_and_bad_input(setup: tuple[Path, Path, Path], tmp_path: Path) -> None:
    cache, index, gold = setup
    _add(index, gold, tmp_path, "fixture-one", "test")
    assert real_cache.run(["move", "fixture-one", "dev"], index=index, gold_dir=gold) == 0
    assert [e.split for e in real_cache.load_index(index)] == ["dev"]
    with pytest.raises(real_cache.CacheError, match="already in the index"):
        _add(index, gold, tmp_path, "fixture-one")
    with pytest.raises(real_cache.CacheError, match="bad id"):
        _add(index, gold, tmp_path, "Bad Id")
    with pytest.raises(real_cache.CacheError, match="no article"):
        real_cache.run(["move", "nothing-here", "dev"], index=index, gold_dir=gold)
    with pytest.raises(real_cache.CacheError, match="not a date"):
        real_cache.run(["add", "fixture-three", "https://example.org/b", "3 March", "X", str(tmp_path / "fixture.txt")],
                       index=index, gold_dir=gold)
