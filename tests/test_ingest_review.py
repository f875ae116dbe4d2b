"""Review before facts land: --dry-run with sentences, --min-confidence, facts held back as
commented-out REVIEW blocks, and text that is not English refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.build import build
from graph.settings import Settings
from graph.store import OxigraphEngine

from .test_ingest_cli import project, tkg  # noqa: F401  (fixtures)

FIGURES = ("ASTANA, 16 January 2026 – Kazakhstan's exports reached USD 2 billion in 2025. "
           "Trade between Kazakhstan and Hungary reached USD 1.1 billion in 2025.\n")
HELD_BLOCK = """  # chars 55-68, confidence 0.55
  # REVIEW (confidence 0.55): held back; remove the '#' of the lines below to assert it
  # observation:kaz-exports-article-2026-01-16-figures a tkg:Observation ;
  #     prov:wasDerivedFrom source:article-2026-01-16-figures ;
  #     tkg:measure measure:exports ;
  #     tkg:period "2025" ;
  #     tkg:subject state:KAZ ;
  #     tkg:unit unit:usd-billion ;
  #     tkg:value 2.0 .
"""


@pytest.fixture()
def figures_article(tmp_path: Path) -> Path:
    path = tmp_path / "figures.txt"
    path.write_text(FIGURES, encoding="utf-8")
    return path


def test_dry_run_shows_each_fact_with_offsets_sentence_and_confidence(built: Settings, figures_article: Path) -> None:
    result = tkg(built, str(figures_article), "--date", "2026-01-16", "--dry-run")
    assert result.exit_code == 0
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows[-5:-1] == [
        ["figure", "Kazakhstan", "exports", "2", "usd-billion", "(2025)", "55-68", "—", "review", "0.55",
         "ASTANA,", "16", "January", "2026", "–", "Kazakhstan's", "exports", "reached", "USD", "2"],
        ["billion", "in", "2025."],
        ["figure", "Kazakhstan", "trade-volume", "1.1", "usd-billion", "with", "123-138", "—", "fact", "0.85",
         "Trade", "between", "Kazakhstan", "and", "Hungary", "reached", "USD", "1.1", "billion", "in"],
        ["Hungary", "(2025)", "2025."],
    ]
    assert result.stdout.splitlines()[-1].endswith("2 figures; 1 held for review (confidence below 0.65)")


def test_min_confidence_keeps_only_the_facts_that_clear_it(built: Settings, figures_article: Path) -> None:
    def values(*extra: str) -> list[float]:
        result = tkg(built, str(figures_article), "--date", "2026-01-16", "--format", "gold-json", *extra)
        assert result.exit_code == 0
        return [f["value"] for f in json.loads(result.stdout)["figures"]]

    assert values() == [2.0, 1.1]
    assert values("--min-confidence", "0.6") == [2.0, 1.1][1:]
    assert values("--min-confidence", "0.9") == []
    bad = tkg(built, str(figures_article), "--date", "2026-01-16", "--min-confidence", "1.5")
    assert bad.exit_code == 2


def test_a_low_confidence_fact_is_written_commented_out_and_stays_out_of_the_graph(
        project: Settings, figures_article: Path) -> None:  # noqa: F811
    target = project.data_dir / "figures.trig"
    from click.testing import CliRunner

    from graph.cli import main

    result = CliRunner().invoke(main, ["--root", str(project.root), "ingest", str(figures_article), "--date",
                                       "2026-01-16", "--url", "https://example.org/figures", "-o", str(target)],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("0 to review, 1 held back (confidence below 0.65)")
    assert HELD_BLOCK in target.read_text(encoding="utf-8")
    build(project)
    rows = OxigraphEngine.from_build(project).query(
        "PREFIX tkg: <https://w3id.org/turkic-kg/ontology#> SELECT ?o WHERE { "
        "?o a tkg:Observation FILTER(CONTAINS(STR(?o), '2026-01-16-figures')) }").rows
    assert [r[0].value.rsplit("/", 1)[-1] for r in rows] == ["kaz-hun-trade-volume-article-2026-01-16-figures"]
    # with --review-below 0 nothing is held back
    again = CliRunner().invoke(main, ["--root", str(project.root), "ingest", str(figures_article), "--date",
                                      "2026-01-16", "--url", "https://example.org/figures", "-o", str(target),
                                      "--force", "--review-below", "0"], catch_exceptions=False)
    assert again.exit_code == 0
    assert "# REVIEW (confidence" not in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "message"), [
    ("Посол Кыргызской Республики в Австрии вручил верительные грамоты Президенту Австрии.",
     "only English is supported (100% of the letters are not Latin: Cyrillic)"),
    ("سفير جمهورية قيرغيزستان", "only English is supported (100% of the letters are not Latin: Arabic)"),
    ("Kırgız Cumhuriyeti Büyükelçisi, Türk Devletleri Teşkilatı Genel Sekreteri ile bir araya geldi. "
     "Görüşmede iki ülke arasındaki ilişkiler ele alındı ve ortak projeler konuşuldu. Büyükelçi, "
     "teşkilatın çalışmalarını takdir ettiğini belirtti ve yeni dönemde iş birliğinin artacağını söyledi.",
     "only English is supported (only 0% of the words are English function words such as 'the', 'of', 'and')"),
])
def test_text_that_is_not_english_is_refused(tmp_path: Path, built: Settings, text: str, message: str) -> None:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    out = tmp_path / "out.trig"
    result = tkg(built, str(article), "--date", "2026-01-16", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"tkg: error: {article}: {message}\n"
    assert result.stdout == "" and not out.exists()
