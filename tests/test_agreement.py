"""benchmarks/agreement.py (two annotators' gold scored against each other) and eval_ingest.py --gold."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from .helpers import ROOT
from .test_real_cache import FIXTURES, eval_ingest, real_cache


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


agreement = _load("agreement")

A_GOLD = {
    "entities": [{"label": "Republic of Türkiye", "type": "State", "aliases": ["Türkiye"]},
                 {"label": "Ali Veli", "type": "Person"}, {"label": "Ankara", "type": "City"},
                 {"label": "Organization of Turkic States", "type": "Organization", "aliases": ["OTS"]}],
    "posts": [{"person": "Ali Veli", "title": "Ambassador", "of": "Türkiye", "to": None}],
    "events": [{"label": "Reception in Ankara", "date": "2026-03-02", "venue": None, "city": "Ankara",
                "participants": ["Ali Veli"], "organizer": None, "named": False},
               {"label": "Ankara Summit", "date": None, "venue": None, "city": "Ankara", "participants": [],
                "organizer": None}],
    "memberships": [{"member": "Türkiye", "organization": "OTS", "status": "member"}],
    "figures": [],
}
# The second annotator: the same post as a longer title, the reception under another label (matched on
# date and city), no summit, an observer where A has a member, and one entity more.
B_GOLD = {
    "entities": [{"label": "Türkiye", "type": "State"}, {"label": "Ali Veli", "type": "Person"},
                 {"label": "Ankara", "type": "City"}, {"label": "OTS", "type": "Organization"},
                 {"label": "Mehmet Can", "type": "Person"}],
    "posts": [{"person": "Ali Veli", "title": "Ambassador Extraordinary and Plenipotentiary", "of": "Türkiye", "to": None}],
    "events": [{"label": "Reception given by the ambassador", "date": "2026-03-02", "venue": None, "city": "Ankara",
                "participants": ["Ali Veli", "Mehmet Can"], "organizer": None, "named": False}],
    "memberships": [{"member": "Türkiye", "organization": "OTS", "status": "observer"}],
    "figures": [],
}


def _write(folder: Path, id_: str, gold: dict) -> None:  # type: ignore[type-arg]
    folder.mkdir(exist_ok=True)
    (folder / f"{id_}.gold.json").write_text(json.dumps({"article": id_, "date": "2026-03-03", **gold}), encoding="utf-8")


def test_agreement_of_two_annotators(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _write(a, "one", A_GOLD)
    _write(b, "one", B_GOLD)
    _write(a, "only-in-a", A_GOLD)
    _write(a, "same", A_GOLD)
    _write(b, "same", A_GOLD)
    assert agreement.common_ids(a, b) == ["one", "same"]
    assert agreement.common_ids(a, b, only={"one", "only-in-a"}) == ["one"]
    total, each = agreement.agreement(a, b, ["one", "same"])
    one = dict(each)["one"]
    got = {k: (one[k].tp, one[k].predicted, one[k].gold) for k in one}
    assert got == {"entities": (4, 5, 4), "posts": (1, 1, 1), "events": (1, 1, 2), "participations": (1, 2, 1),
                   "memberships": (0, 1, 1), "figures": (0, 0, 0), "overall": (7, 10, 9)}
    assert (total["overall"].tp, total["overall"].predicted, total["overall"].gold) == (7 + 9, 10 + 9, 9 + 9)
    assert dict(each)["same"]["overall"].f1 == 1.0


def test_agreement_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _write(a, "one", A_GOLD)
    _write(b, "one", B_GOLD)
    assert agreement.main([str(a), str(b), "--per-article"]) == 0
    out = capsys.readouterr().out
    assert "agreement (F1) per article" in out and f"{b} against {a}: 1 articles" in out
    assert [line.split() for line in out.splitlines() if line.startswith("overall")][-1] == \
        ["overall", "7", "10", "9", "0.700", "0.778", "0.737"]
    assert agreement.main([str(a), str(tmp_path / "absent")]) == 2
    assert capsys.readouterr().err == f"agreement.py: error: {tmp_path / 'absent'}: not a folder of gold files\n"
    assert agreement.main([str(a), str(b), "--ids", "other"]) == 2
    assert "no gold file in common among the ids asked for" in capsys.readouterr().err
    (b / "one.gold.json").write_text("[1]", encoding="utf-8")
    assert agreement.main([str(a), str(b)]) == 2
    assert capsys.readouterr().err == f"agreement.py: error: {b / 'one.gold.json'}: a gold file is one JSON object\n"


def test_eval_ingest_against_another_gold_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    cache, other = tmp_path / "cache", tmp_path / "second"
    entries: list = []  # type: ignore[type-arg]
    for id_, (text, _gold) in FIXTURES.items():
        entries.append(real_cache.add(entries, id_=id_, url=f"https://example.org/{id_}", date="2026-03-03",
                                      publisher="Example", text=text, split="dev", cache=cache))
    _write(other, "fixture-meeting", FIXTURES["fixture-meeting"][1])
    monkeypatch.setenv("TKG_ARTICLE_CACHE", str(cache))
    monkeypatch.setattr(real_cache, "load_index", lambda: entries)
    doc = tmp_path / "ingest.md"
    doc.write_text(f"{eval_ingest.RUNS_HEADER}\n|---|\n", encoding="utf-8")
    monkeypatch.setattr(eval_ingest, "DOC", doc)
    assert eval_ingest.main(["--real", "--split", "dev", "--gold", str(other), "--record", "--note", "n"]) == 0
    out = capsys.readouterr().out
    assert f"skipped fixture-trade: no gold file in {other}\n" in out
    assert "1 of 2 real articles, split dev" in out and "scored 1, skipped 1" in out
    row = doc.read_text(encoding="utf-8").splitlines()[-1]
    assert row.startswith("| ") and row.endswith(f" | gold: {other}; n |")
    assert eval_ingest.main(["--real", "--gold", str(tmp_path / "absent")]) == 2
    assert capsys.readouterr().err == f"eval_ingest.py: error: {tmp_path / 'absent'}: not a folder of gold files\n"


def test_the_committed_real_set_keeps_the_protocol() -> None:
    """The committed index and gold folders: every article has a gold file that loads, the second and first
    annotations name only indexed articles, and the test split keeps ≥ 15 articles and ≥ 4 publishers absent
    from dev (issue #10)."""
    from graph.ingest.gold import load_gold

    entries = real_cache.load_index()
    ids = {e.id for e in entries}
    assert len(ids) == len(entries)
    for e in entries:
        load_gold(real_cache.GOLD_DIR / f"{e.id}.gold.json")
    for folder in ("gold-a", "gold-b"):
        extra = {p.name[: -len(".gold.json")] for p in (real_cache.REAL / folder).glob("*.gold.json")} - ids
        assert extra == set(), folder
    test = [e for e in entries if e.split == "test"]
    dev_publishers = {e.publisher for e in entries if e.split == "dev"}
    assert len(test) >= 15
    assert len({e.publisher for e in test} - dev_publishers) >= 4
