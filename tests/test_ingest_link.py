"""Linking across articles: a person named by a family name alone ("Ambassador Aliyev") is the
graph's person only on evidence (the same post, overlapping dates); and the scorer counts a false
merge against entity precision."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.build import build
from graph.cli import main
from graph.ingest.gazetteer import Gazetteer, load_gazetteer
from graph.ingest.gold import score, to_gold
from graph.ingest.pipeline import ingest_text
from graph.ingest.text import article_from_text
from graph.settings import Settings

from .test_ingest_cli import project  # noqa: F401  (fixture)

ID = "https://w3id.org/turkic-kg/id/"
FIRST = ("VIENNA, 10 March 2026 – Elchin Aliyev, Ambassador of Azerbaijan to Austria, met Kubanychbek Omuraliev "
         "on 9 March 2026.\n")


@pytest.fixture()
def graph_with_aliyev(project: Settings, tmp_path: Path) -> Gazetteer:  # noqa: F811
    """The project's graph after the first article (Elchin Aliyev, Ambassador of Azerbaijan to Austria) is ingested."""
    article = tmp_path / "aliyev.txt"
    article.write_text(FIRST, encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project.root), "ingest", str(article), "--date", "2026-03-10",
                                       "--url", "https://example.org/aliyev"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    build(project)
    return load_gazetteer(project)


def link_of(gz: Gazetteer, text: str, date: str, name: str = "Aliyev") -> tuple[str, str, str]:
    ing = ingest_text(article_from_text(text, date=dt.date.fromisoformat(date), path="b.txt"), gz)
    key = next(k for k, e in ing.extraction.entities.items() if e.label == name)
    link = ing.links[key]
    return link.iri.removeprefix(ID), link.status, link.note


def test_same_post_and_overlapping_dates_merge(graph_with_aliyev: Gazetteer) -> None:
    got = link_of(graph_with_aliyev, "Azerbaijan's Ambassador to Austria Aliyev met Levent Eler in Vienna on "
                                     "2 April 2026.", "2026-04-03")
    assert got == ("person/elchin-aliyev", "fuzzy",
                   "family name only, merged on evidence: holds ambassador-aze-aut (2026-03-09–2026-03-09)")


@pytest.mark.parametrize(("text", "date"), [
    # another post: the Ambassador of Azerbaijan to Hungary is someone else
    ("Azerbaijan's Ambassador to Hungary Aliyev met Péter Szijjártó in Budapest on 2 April 2026.", "2026-04-03"),
    # the same post, but ten years later
    ("Azerbaijan's Ambassador to Austria Aliyev met Levent Eler in Vienna on 2 April 2036.", "2036-04-03"),
    # no post at all
    ("Ambassador Aliyev met Levent Eler in Vienna on 2 April 2026.", "2026-04-03"),
])
def test_no_merge_without_evidence(graph_with_aliyev: Gazetteer, text: str, date: str) -> None:
    assert link_of(graph_with_aliyev, text, date) == (
        "person/aliyev", "new",
        "family name only; not merged with elchin-aliyev, ilham-aliyev: no same post with overlapping dates")


def test_a_full_name_is_not_merged_with_a_namesake(graph_with_aliyev: Gazetteer) -> None:
    iri_, status, _ = link_of(graph_with_aliyev, "Rashad Aliyev, Ambassador of Azerbaijan to Austria, met Levent Eler "
                                                 "in Vienna on 2 April 2026.", "2026-04-03", name="Rashad Aliyev")
    assert (iri_, status) == ("person/rashad-aliyev", "new")


def test_a_merged_person_carries_the_graphs_name_in_the_gold_output(graph_with_aliyev: Gazetteer) -> None:
    ing = ingest_text(article_from_text("Azerbaijan's Ambassador to Austria Aliyev met Levent Eler in Vienna on "
                                        "2 April 2026.", date=dt.date(2026, 4, 3), path="b.txt"), graph_with_aliyev)
    (person,) = [e for e in to_gold(ing)["entities"] if e["label"] == "Aliyev"]
    assert person["aliases"] == ["Elchin Aliyev"]


def test_a_false_merge_counts_against_entity_precision() -> None:
    gold = {"entities": [{"label": "Elchin Aliyev", "type": "Person"}, {"label": "Ilham Aliyev", "type": "Person"},
                         {"label": "Austria", "type": "State"}]}
    merged = {"entities": [{"label": "Aliyev", "type": "Person", "aliases": ["Elchin Aliyev", "Ilham Aliyev"]},
                           {"label": "Austria", "type": "State"}]}
    apart = {"entities": [{"label": "Elchin Aliyev", "type": "Person"}, {"label": "Ilham Aliyev", "type": "Person"},
                          {"label": "Austria", "type": "State"}]}
    s = score(gold, merged)["entities"]
    assert (s.tp, s.predicted, s.gold) == (1, 2, 3)
    s = score(gold, apart)["entities"]
    assert (s.tp, s.predicted, s.gold) == (3, 3, 3)
