"""benchmarks/count_titles.py: candidate title words found in a text and tied to the nearest gold person."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_agreement import _load

count_titles = _load("count_titles")

TEXT = ("The Spokesperson of the Ministry, Aigerim Sadykova, spoke first. Later a Press Attaché, Emre Yalçın, "
        "answered questions.")
GOLD = {"entities": [{"label": "Aigerim Sadykova", "type": "Person"}, {"label": "Emre Yalçın", "type": "Person"}]}


def test_words_are_found_longest_first_and_tied_to_the_nearest_person() -> None:
    found = [(w, TEXT[a:b]) for w, a, b in count_titles._occurrences(TEXT)]
    assert ("Spokesperson", "Spokesperson") in found
    names = count_titles._names(GOLD)
    holders = {w: count_titles._holder(TEXT, a, b, names) for w, a, b in count_titles._occurrences(TEXT)}
    assert holders["Spokesperson"] == "Aigerim Sadykova"
    assert any(h == "Emre Yalçın" for w, h in holders.items() if "Attach" in w)


def test_test_ids_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("yonhap-2019-09-16-kang-atamkulov-talks\n", encoding="utf-8")
    assert count_titles.main(["--ids", str(ids)]) == 2
    assert "not dev articles" in capsys.readouterr().err
