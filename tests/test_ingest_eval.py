"""The gold format's scorer, and the measured quality of the ingest on the test articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.ingest.gazetteer import load_gazetteer
from graph.ingest.gold import LISTS, Score, evaluate_articles, load_gold, score
from graph.settings import Settings

from .helpers import ROOT

ARTICLES = ROOT / "tests" / "articles"
PAIRS = [(p, p.with_name(p.stem + ".gold.json")) for p in sorted(ARTICLES.rglob("*.txt"))]


def test_every_article_has_a_gold_file() -> None:
    assert len(PAIRS) >= 20
    for article, gold in PAIRS:
        assert gold.is_file(), f"{article.name} has no gold file"
        doc = load_gold(gold)
        assert doc["article"] == str(article.relative_to(ROOT))
        assert sorted(doc) == ["article", "date", "entities", "events", "figures", "memberships", "posts"]


@pytest.fixture(scope="module")
def quality(built: Settings) -> dict[str, Score]:
    total, _each = evaluate_articles(PAIRS, load_gazetteer(built))
    return total


@pytest.mark.parametrize("name", ["posts", "events"])
def test_targets_on_the_test_articles(quality: dict[str, Score], name: str) -> None:
    assert quality[name].precision >= 0.90
    assert quality[name].recall >= 0.80


def test_every_list_is_scored(quality: dict[str, Score]) -> None:
    assert sorted(quality) == sorted([*LISTS, "overall"])
    assert quality["overall"] == sum((quality[n] for n in LISTS), Score(0, 0, 0))
    assert quality["overall"].f1 >= 0.85


# ------------------------------------------------------------------------------ the scorer

GOLD = {
    "entities": [{"label": "Republic of Türkiye", "type": "State", "aliases": ["Türkiye"]},
                 {"label": "Kubanychbek Omuraliev", "type": "Person"},
                 {"label": "Organization of Turkic States", "type": "Organization", "aliases": ["OTS"]}],
    "posts": [{"person": "Kubanychbek Omuraliev", "title": "Secretary General", "of": "OTS", "to": None},
              {"person": "Gürsel Dönmez", "title": "Ambassador", "of": "Türkiye", "to": "Austria"}],
    "events": [{"label": "Gala Concert of Turkic Artists", "date": "2026-01-13", "venue": "MuTh", "city": None,
                "participants": ["Kubanychbek Omuraliev"], "organizer": None},
               {"label": "Opening session", "date": "2026-01-14", "venue": None, "city": "Vienna",
                "participants": ["Gürsel Dönmez", "Kubanychbek Omuraliev"], "organizer": None, "named": False}],
    "memberships": [{"member": "Hungary", "organization": "OTS", "status": "observer"}],
    "figures": [{"subject": "Kazakhstan", "measure": "trade volume", "value": 10.4, "unit": "USD billion",
                 "counterparty": "OTS"}],
}


def test_perfect_prediction_scores_one() -> None:
    s = score(GOLD, json.loads(json.dumps(GOLD)))
    assert {n: (s[n].tp, s[n].predicted, s[n].gold) for n in (*LISTS, "overall")} == {
        "entities": (3, 3, 3), "posts": (2, 2, 2), "events": (2, 2, 2), "participations": (3, 3, 3),
        "memberships": (1, 1, 1), "figures": (1, 1, 1), "overall": (12, 12, 12)}
    assert s["overall"].f1 == 1.0


def test_names_match_by_alias_spelling_and_case() -> None:
    pred = {
        "entities": [{"label": "Turkey", "type": "State", "aliases": ["Republic of Turkiye"]},
                     {"label": "KUBANYCHBEK OMURALIEV", "type": "Person"},
                     {"label": "OTS", "type": "Organization", "aliases": ["Organization of Turkic States"]}],
        "posts": [{"person": "kubanychbek omuraliev", "title": "Secretary-General",
                   "of": "Organization of Turkic States", "to": None},
                  {"person": "Gursel Donmez", "title": "Ambassador", "of": "Turkey", "to": "Austria"}],
    }
    s = score(GOLD, pred)
    assert (s["entities"].tp, s["posts"].tp) == (3, 2)


def test_names_of_one_state_are_one_without_any_entity() -> None:
    """A state named only by a demonym is no entity, so neither side lists its names; its names are
    still one state ("Turkish Ambassador X": of Turkey, or of Türkiye)."""
    gold = {"posts": [{"person": "Ali Veli", "title": "Ambassador", "of": "Turkey", "to": "Kyrgyz Republic"}]}
    pred = {"posts": [{"person": "Ali Veli", "title": "Ambassador", "of": "Türkiye", "to": "Kyrgyzstan"}]}
    assert score(gold, pred)["posts"].tp == 1
    other = {"posts": [{"person": "Ali Veli", "title": "Ambassador", "of": "Türkiye", "to": "Kazakhstan"}]}
    assert score(gold, other)["posts"].tp == 0


def test_null_matches_only_null_and_wrong_values_count_against() -> None:
    pred = {
        "posts": [{"person": "Kubanychbek Omuraliev", "title": "Secretary General", "of": "OTS", "to": "Vienna"},
                  {"person": "Gürsel Dönmez", "title": "Ambassador", "of": "Türkiye", "to": "Austria"},
                  {"person": "Gürsel Dönmez", "title": "Consul General", "of": "Türkiye", "to": "Austria"}],
        "figures": [{"subject": "Kazakhstan", "measure": "trade turnover", "value": 10.45, "unit": "USD billion",
                     "counterparty": "OTS"}],
        "memberships": [{"member": "Hungary", "organization": "OTS", "status": "member"}],
    }
    s = score(GOLD, pred)
    assert (s["posts"].tp, s["posts"].predicted, s["posts"].gold) == (1, 3, 2)
    assert s["posts"].precision == pytest.approx(1 / 3)
    assert s["posts"].recall == 0.5
    assert s["posts"].f1 == pytest.approx(0.4)
    assert (s["figures"].tp, s["memberships"].tp) == (1, 0)   # 10.45 is within 0.5 % of 10.4


def test_figures_outside_tolerance_or_unit_do_not_match() -> None:
    for value, unit in ((10.5, "USD billion"), (10.4, "USD million")):
        pred = {"figures": [{"subject": "Kazakhstan", "measure": "trade volume", "value": value, "unit": unit,
                             "counterparty": "OTS"}]}
        assert score(GOLD, pred)["figures"].tp == 0


def test_events_by_name_then_unnamed_by_date_and_city() -> None:
    pred = {"events": [
        {"label": "Opening of the training", "date": "2026-01-14", "venue": None, "city": "Vienna",
         "participants": ["Gürsel Dönmez", "Rovshan Sadigbayli"], "named": False},
        {"label": "Gala Concert of Turkic Artists", "date": "2026-01-14", "venue": "MuTh", "city": None,
         "participants": ["Kubanychbek Omuraliev"]},
        {"label": "Press conference", "date": "2026-01-15", "venue": None, "city": "Vienna",
         "participants": ["Kubanychbek Omuraliev"], "named": False},
    ]}
    s = score(GOLD, pred)
    # the concert is matched by name but has the wrong date; the session is matched by date and city
    assert (s["events"].tp, s["events"].predicted, s["events"].gold) == (1, 3, 2)
    # pairs of matched events count; the unmatched press conference's pair does not
    assert (s["participations"].tp, s["participations"].predicted, s["participations"].gold) == (2, 4, 3)


def test_unnamed_events_of_one_date_and_city_pair_by_shared_participants() -> None:
    people = [{"label": n, "type": "Person"} for n in ("Ali Veli", "Ayşe Kaya", "Can Demir")]
    gold = {"entities": people, "events": [
        {"label": "Talks of Ali Veli and Ayşe Kaya", "date": None, "venue": None, "city": "Baku",
         "participants": ["Ali Veli", "Ayşe Kaya"], "named": False},
        {"label": "Meeting of Can Demir and Ali Veli", "date": None, "venue": None, "city": "Baku",
         "participants": ["Can Demir", "Ali Veli"], "named": False}]}
    pred = {"entities": people, "events": [
        {"label": "Meeting of Can Demir and Ali Veli", "date": None, "venue": None, "city": "Baku",
         "participants": ["Can Demir", "Ali Veli"], "named": False}]}
    s = score(gold, pred)
    # the second gold event shares both participants, the first only one: the list order does not decide
    assert (s["events"].tp, s["participations"].tp, s["participations"].predicted) == (1, 2, 2)


def test_empty_prediction_and_empty_gold() -> None:
    empty = {"entities": [], "posts": [], "events": [], "memberships": [], "figures": []}
    s = score(empty, empty)
    assert (s["overall"].precision, s["overall"].recall, s["overall"].f1) == (1.0, 1.0, 1.0)
    s = score(GOLD, empty)
    assert (s["overall"].precision, s["overall"].recall) == (0.0, 0.0)


@pytest.mark.parametrize(("content", "message"), [
    ("[]", "a gold file is one JSON object"),
    ("{", "not a JSON gold file"),
    ('{"entities": [{"label": "X", "type": "Thing"}]}', "every entity needs a label and a type"),
    ('{"posts": {}}', "'posts' must be a list"),
])
def test_bad_gold_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "g.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_gold(path)
