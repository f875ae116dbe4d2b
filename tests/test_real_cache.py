"""The real-article cache script, on self-written fixture texts in a temporary cache (never real texts)."""

from __future__ import annotations

import datetime as dt
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
cache_fit = importlib.import_module("cache_fit")   # real_cache put benchmarks/ on sys.path

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


# ------------------------------------------------------------------ eval_ingest.py --real

_espec = importlib.util.spec_from_file_location("eval_ingest", ROOT / "benchmarks" / "eval_ingest.py")
assert _espec is not None and _espec.loader is not None
eval_ingest = importlib.util.module_from_spec(_espec)
sys.modules["eval_ingest"] = eval_ingest
_espec.loader.exec_module(eval_ingest)

FIXTURES = {
    "fixture-meeting": ("ASTANA, 3 March 2026 \u2013 Minister of Foreign Affairs of Kazakhstan Murat Nurtleu met the "
                        "Secretary General of the Organization of Turkic States Kubanychbek Omuraliev in Astana on "
                        "2 March 2026.\n",
                        {"entities": [{"label": "Astana", "type": "City"}, {"label": "Kazakhstan", "type": "State"},
                                      {"label": "Murat Nurtleu", "type": "Person"},
                                      {"label": "Organization of Turkic States", "type": "Organization"},
                                      {"label": "Kubanychbek Omuraliev", "type": "Person"}],
                         "posts": [{"person": "Murat Nurtleu", "title": "Minister of Foreign Affairs", "of": "Kazakhstan", "to": None},
                                   {"person": "Kubanychbek Omuraliev", "title": "Secretary General",
                                    "of": "Organization of Turkic States", "to": None}],
                         "events": [{"label": "Meeting of Murat Nurtleu and Kubanychbek Omuraliev", "date": "2026-03-02",
                                     "venue": None, "city": "Astana", "participants": ["Murat Nurtleu", "Kubanychbek Omuraliev"],
                                     "organizer": None, "named": False}],
                         "memberships": [], "figures": []}),
    "fixture-trade": ("BAKU, 4 March 2026 \u2013 Trade turnover between Azerbaijan and Uzbekistan reached $1.2 billion "
                      "in 2025, Hungary, an observer of the Organization of Turkic States, was told.\n",
                      {"entities": [{"label": "Baku", "type": "City"}, {"label": "Azerbaijan", "type": "State"},
                                    {"label": "Uzbekistan", "type": "State"}, {"label": "Hungary", "type": "State"},
                                    {"label": "Organization of Turkic States", "type": "Organization"}],
                       "posts": [], "events": [],
                       "memberships": [{"member": "Hungary", "organization": "Organization of Turkic States",
                                        "status": "observer"}],
                       "figures": [{"subject": "Azerbaijan", "measure": "trade volume", "value": 1.2, "unit": "USD billion",
                                    "counterparty": "Uzbekistan", "period": "2025"}]}),
}


def test_score_real_scores_what_the_cache_holds(tmp_path: Path, built) -> None:  # type: ignore[no-untyped-def]
    from graph.ingest.gazetteer import load_gazetteer
    from graph.ingest.gold import add_scores, score, to_gold
    from graph.ingest.pipeline import ingest_text
    from graph.ingest.text import article_from_text

    cache, gold_dir = tmp_path / "cache", tmp_path / "gold"
    gold_dir.mkdir()
    entries = []
    for i, (id_, (text, gold)) in enumerate(FIXTURES.items()):
        entries.append(real_cache.add(entries, id_=id_, url=f"https://example.org/{id_}", date=f"2026-03-0{3 + i}",
                                      publisher="Example", text=text, split="dev", cache=cache))
        (gold_dir / f"{id_}.gold.json").write_text(json.dumps({"article": id_, "date": f"2026-03-0{3 + i}", **gold}),
                                                   encoding="utf-8")
    entries.append(real_cache.Entry(id="fixture-absent", url="https://example.org/x", publisher="Example",
                                    date="2026-03-05", split="dev", sha256="0" * 64))
    gz = load_gazetteer(built)
    total, each, missing = eval_ingest.score_real(entries, cache=cache, gold_dir=gold_dir, gz=gz)
    assert missing == ["fixture-absent"]
    assert [name for name, _ in each] == ["fixture-meeting", "fixture-trade"]
    assert {k: total[k].gold for k in (*eval_ingest.LISTS, "overall")} == {
        "entities": 10, "posts": 2, "events": 1, "participations": 2, "memberships": 1, "figures": 1, "overall": 17}
    expected: dict = {}
    dates = {e.id: e.date for e in entries}
    for id_, (text, gold) in FIXTURES.items():
        art = article_from_text(text, date=dt.date.fromisoformat(dates[id_]), path=f"{id_}.txt",
                                url=f"https://example.org/{id_}")
        expected = add_scores(expected, score(gold, to_gold(ingest_text(art, gz))))
    assert total == expected


def test_run_row_and_record(tmp_path: Path) -> None:
    from graph.ingest.gold import Score

    total = {k: Score(3, 4, 6) for k in (*eval_ingest.LISTS, "overall")}
    row = eval_ingest.run_row(total, split="test", n=5, note="first run | current rules", date=dt.date(2026, 12, 1),
                              commit="abc1234")
    assert row == ("| 2026-12-01 | abc1234 | test | 5 | 0.600 | 0.600 | 0.600 | 0.600 | 0.600 | 0.600 | 0.600 | 0.750 "
                   "| first run / current rules |")
    doc = tmp_path / "ingest.md"
    doc.write_text(f"# x\n\n{eval_ingest.RUNS_HEADER}\n|---|\n| old |\n\nafter\n", encoding="utf-8")
    eval_ingest.record(row, doc)
    assert doc.read_text(encoding="utf-8") == f"# x\n\n{eval_ingest.RUNS_HEADER}\n|---|\n| old |\n{row}\n\nafter\n"
    bare = tmp_path / "bare.md"
    bare.write_text("# no table\n", encoding="utf-8")
    with pytest.raises(real_cache.CacheError, match="no runs table"):
        eval_ingest.record(row, bare)


def test_ids_list_takes_dev_articles_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from graph.errors import GraphError

    index = [real_cache.Entry(id=i, url=f"https://example.org/{i}", publisher="Example", date="2026-03-03",
                              split=split, sha256="0" * 64) for i, split in (("a", "dev"), ("b", "dev"), ("t", "test"))]
    ids = tmp_path / "ids.txt"
    ids.write_text("b  # the second\n\na\nb\n", encoding="utf-8")
    assert [e.id for e in eval_ingest._listed(ids, index)] == ["b", "a"]
    ids.write_text("a\nt\nnope\n", encoding="utf-8")
    with pytest.raises(GraphError, match=r"ids.txt: not dev articles \(the test split is not studied\): t, nope"):
        eval_ingest._listed(ids, index)
    with pytest.raises(GraphError, match="cannot read the id list"):
        eval_ingest._listed(tmp_path / "absent.txt", index)
    assert eval_ingest.main(["--real", "--ids", str(ids), "--record"]) == 2
    assert "--ids runs are not recorded" in capsys.readouterr().err


def test_read_ids_and_not_dev(tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("b a  # two on a line\n\n# a comment\na\nt\n", encoding="utf-8")
    assert real_cache.read_ids(ids) == ["b", "a", "t"]
    index = [real_cache.Entry(id=i, url=f"https://example.org/{i}", publisher="Example", date="2026-03-03",
                              split=split, sha256="0" * 64) for i, split in (("a", "dev"), ("b", "dev"), ("t", "test"))]
    assert real_cache.not_dev(["b", "t", "x", "a"], index) == ["t", "x"]


PAGE = ("Embassy news\nHome | About | Contact\n date 2026-03-03 ASTANA, 3 March 2026 \u2013 A fixture article.\n"
        "Photo: the press service\nSecond line. A third sentence that the page cut off in the mid")


def test_fit_finds_the_trimming_with_the_recorded_hash(setup: tuple[Path, Path, Path], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    cache, index, gold = setup
    want = "ASTANA, 3 March 2026 \u2013 A fixture article.\nSecond line.\n"
    entry = real_cache.Entry(id="fixture-one", url="https://example.org/a", publisher="Example Agency",
                             date="2026-03-03", split="dev", sha256=real_cache.text_hash(want))
    real_cache.save_index([entry], index)
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"url": "https://example.org/a", "excerpt": PAGE}), encoding="utf-8")
    assert real_cache.run(["fit", "fixture-one", str(page)], index=index, gold_dir=gold) == 0
    assert (cache / "fixture-one.txt").read_text(encoding="utf-8") == want
    assert real_cache.status(entry, cache) == "ok"
    other = tmp_path / "other.txt"
    other.write_text("Another page altogether.\n", encoding="utf-8")
    (cache / "fixture-one.txt").unlink()
    assert real_cache.run(["fit", "fixture-one", str(other)], index=index, gold_dir=gold) == 1
    assert not (cache / "fixture-one.txt").exists()
    assert "no trimming" in capsys.readouterr().out
    assert real_cache.main(["fit", "no-such-id", str(other)]) == 2


@pytest.mark.parametrize(("page", "want"), [
    ("    BAKU    -    A fixture line.\n\n    Its second line.\n",                 # indents and runs of spaces
     "BAKU - A fixture line.\n\nIts second line.\n"),
    ("A headline\n30.10.2022 | 05:35 |Turkey is a fixture. It goes on.\nEnd.",   # a stamp glued to the text
     "Turkey is a fixture. It goes on.\nEnd.\n"),
    ("First line.\n\nPhoto: the press service\n\nSecond line.\n\nPhoto: the press service\n\nThird line.",
     "First line.\n\nSecond line.\n\nThird line.\n"),                              # captions dropped inside
    ("It was founded on October 3\n2009 in a fixture city.\nPress service",      # a wrapped line joined
     "It was founded on October 3 2009 in a fixture city.\n"),
    ("Site » News » A fixture headline\n\n\n\nBody text.\n\n\nCopyright",        # a menu path, blank lines
     "A fixture headline\n\nBody text.\n"),
    ("A headline\n\nPolitics\n\nBody one.\n\nA headline\nBody two.",                # a repeated headline dropped
     "Body one.\n\nBody two.\n"),
    ("A headline\n\nA subtitle\n\n12:59 - 11/11/2022\nUpdate: 14:06\nAA\nA photo caption\nBody.",
     "A headline\n\nA subtitle\n\nBody.\n"),                                      # a run of stamps under it
    ("It was chaired by the Speaker of\n\nthe fixture assembly.\n\nMore.",         # a paragraph split in two
     "It was chaired by the Speaker of the fixture assembly.\n\nMore.\n"),
    ("".join(f"RATE {k} 12 90{k}\n\n" for k in range(12)) + "A fixture headline\n\nBody one.\n\nPhoto: x\n\nBody two.",
     "A fixture headline\n\nBody one.\n\nBody two.\n"),                          # a long box of rates above it
])
def test_fit_text_undoes_the_usual_cuts(page: str, want: str) -> None:
    assert cache_fit.fit_text(page, real_cache.text_hash(want)) == want
    assert cache_fit.fit_text(page, real_cache.text_hash("Not on the page.\n"), deadline_s=5) is None
