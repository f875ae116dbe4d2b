"""Figures: measure, value and unit, parties, period; targets are skipped."""

from __future__ import annotations

import datetime as dt

from graph.ingest.gazetteer import Gazetteer
from graph.ingest.rules.figures import period

from .conftest import extraction


def test_trade_and_exports_with_periods_and_a_target_skipped(gz: Gazetteer) -> None:
    ex = extraction(gz, "Bilateral trade between Azerbaijan and Uzbekistan reached USD 1.2 billion in 2025. Uzbek "
                        "exports to Türkiye amounted to 800 million US dollars in the first six months of 2025. The "
                        "two countries aim to raise trade to $5 billion.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value, f.unit, f.period, f.confidence)
            for f in ex.figures] == [
        ("Azerbaijan", "Uzbekistan", "trade-volume", 1.2, "usd-billion", "2025", 0.85),
        ("Uzbekistan", "Türkiye", "exports", 800.0, "usd-million", "2025-01/2025-06", 0.85),
    ]


def test_one_party_and_the_two_countries(gz: Gazetteer) -> None:
    ex = extraction(gz, "Kazakhstan and Hungary met. Trade of the two countries stood at $2.5 bn last year.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.value, f.period, f.confidence) for f in ex.figures] == [
        ("Kazakhstan", "Hungary", 2.5, "2025", 0.6)]


def test_periods() -> None:
    ref = dt.date(2026, 1, 16)
    assert [period(s, ref) for s in ("in the last three months of 2025", "in January-July 2025", "in 2024",
                                      "over the past year", "recently")] == [
        "2025-10/2025-12", "2025-01/2025-07", "2024", "2025", None]


def test_bilateral_trade_and_the_countries_without_names_a_goal_is_no_figure(gz: Gazetteer) -> None:
    ex = extraction(gz, "Georgia and Hungary signed a memorandum. In 2025, bilateral trade reached $460 million. "
                        "The countries traded goods worth 120.5 million US dollars in January-March 2026. They "
                        "are aiming to reach a trade turnover of $1 billion.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value, f.unit) for f in ex.figures] == [
        ("Georgia", "Hungary", "trade-volume", 460.0, "usd-million"),
        ("Georgia", "Hungary", "trade-volume", 120.5, "usd-million")]


def test_a_body_and_its_acronym_are_one_party(gz: Gazetteer) -> None:
    ex = extraction(gz, "Trade among the members of the International Organization of Turkic Culture (TURKSOY) reached "
                        "$3 billion in 2024.")
    assert [(ex.label(f.subject), f.counterparty, f.value) for f in ex.figures] == [
        ("International Organization of Turkic Culture", None, 3.0)]


def test_thousands_commas_compound_amounts_and_whole_numbers(gz: Gazetteer) -> None:
    def values(text: str) -> list[tuple]:
        ex = extraction(gz, text)
        return [(f.value, f.unit) for f in ex.figures]
    assert values("Trade between Georgia and Hungary amounted to 2,300 million USD in 2024.") == [(2300.0, "usd-million")]
    assert values("Trade between Georgia and Hungary amounted to USD 2,3 billion in 2024.") == [(2.3, "usd-billion")]
    assert values("Trade between Georgia and Hungary totaled $2 billion 300 million.") == [(2.3, "usd-billion")]
    assert values("Trade between Georgia and Hungary reached $2,300,000,000 in 2024.") == [(2.3, "usd-billion")]


def test_a_trade_figure_without_parties_takes_the_two_states_just_named(gz: Gazetteer) -> None:
    ex = extraction(gz, "Georgia is one of the main partners of Hungary. Trade turnover reached 2.3 billion dollars last year.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.value, f.confidence) for f in ex.figures] == [
        ("Georgia", "Hungary", 2.3, 0.5)]
    assert extraction(gz, "Georgia, Hungary and Serbia met. Trade reached $2 billion.").figures == []


def test_turnover_between_exported_goods_worth_and_amounts_in_words(gz: Gazetteer) -> None:
    def got(text: str) -> list[tuple]:
        ex = extraction(gz, text)
        return [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value, f.unit) for f in ex.figures]
    assert got("The turnover between Georgia and Hungary reached $1 billion in 2024.") == [
        ("Georgia", "Hungary", "trade-volume", 1.0, "usd-billion")]
    assert got("Georgia exported goods worth $300 million to Hungary in 2024.") == [
        ("Georgia", "Hungary", "exports", 300.0, "usd-million")]
    assert got("The trade volume between Georgia and Hungary exceeded two billion dollars.") == [
        ("Georgia", "Hungary", "trade-volume", 2.0, "usd-billion")]


def test_a_hoped_for_amount_is_no_figure(gz: Gazetteer) -> None:
    assert extraction(gz, "Aigul Sarsenova said: “I hope that we will reach mutual trade between Georgia and Hungary of "
                          "one billion dollars.”").figures == []


def test_a_trade_measure_written_after_the_amount(gz: Gazetteer) -> None:
    ex = extraction(gz, "Georgia and Hungary reached $2 billion in bilateral trade in 2024.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value) for f in ex.figures] == [
        ("Georgia", "Hungary", "trade-volume", 2.0)]
    assert extraction(gz, "Georgia and Hungary signed deals worth $2 billion.").figures == []


def test_the_two_countries_in_the_order_of_the_last_sentence_naming_both(gz: Gazetteer) -> None:
    def parties(text: str) -> list[tuple]:
        ex = extraction(gz, text)
        return [(ex.label(f.subject), ex.label(f.counterparty), f.value) for f in ex.figures]

    # the president of Georgia is named first in the text, but the pair is stated "Hungary and Georgia"
    assert parties("The President of Georgia arrived in Budapest.\n\nHungary and Georgia have close ties. The two "
                   "countries' trade turnover rose to 529 million US dollars last year.") == [("Hungary", "Georgia", 529.0)]
    # "Georgia is Hungary's partner": seen from Hungary
    assert parties("Georgia is Hungary's main partner in the region. In 2024, bilateral trade reached $460 million.") == [
        ("Hungary", "Georgia", 460.0)]


def test_this_figure_takes_the_measure_and_parties_of_the_sentence_before(gz: Gazetteer) -> None:
    ex = extraction(gz, "Georgia and Hungary raised their mutual trade turnover by 20% in 2023. In 2024, this figure "
                        "stood at $900 million. The sides plan to bring this figure to $2 billion.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value, f.unit, f.period) for f in ex.figures] == [
        ("Georgia", "Hungary", "trade-volume", 900.0, "usd-million", "2024")]
    ex = extraction(gz, "Uzbek exports to Türkiye grew by a tenth. The same indicator reached 1.1 billion US dollars.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value) for f in ex.figures] == [
        ("Uzbekistan", "Türkiye", "exports", 1.1)]


def test_a_change_by_an_amount_is_no_figure(gz: Gazetteer) -> None:
    ex = extraction(gz, "Trade between Georgia and Hungary grew by $50 million to $700 million in 2024. Exports of "
                        "wine from Georgia to Hungary rose by nearly $5 million, an increase of $2 million over 2023.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value) for f in ex.figures] == [
        ("Georgia", "Hungary", "trade-volume", 700.0)]


def test_the_possessive_statement_nearest_the_amount_gives_the_parties(gz: Gazetteer) -> None:
    ex = extraction(gz, "Georgia's exports to Hungary are growing fast, while Hungary's exports to the Georgian market "
                        "totaled about $40 million in 2024.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value) for f in ex.figures] == [
        ("Hungary", "Georgia", "exports", 40.0)]
    ex = extraction(gz, "Georgia's export to Hungary reached $30 million, whereas Hungary's import into Georgia "
                        "amounted to $90 million.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value) for f in ex.figures] == [
        ("Georgia", "Hungary", "exports", 30.0), ("Georgia", "Hungary", "imports", 90.0)]


def test_an_amount_someone_is_poised_to_or_will_invest_is_no_figure(gz: Gazetteer) -> None:
    ex = extraction(gz, "Hungary is poised to invest over 500 million US dollars in Georgia. Georgia will export "
                        "goods worth $80 million to Hungary. Georgia's exports to Hungary were $60 million in 2024.")
    assert [(ex.label(f.subject), ex.label(f.counterparty), f.measure, f.value) for f in ex.figures] == [
        ("Georgia", "Hungary", "exports", 60.0)]


def test_months_of_this_year_are_of_the_articles_year() -> None:
    ref = dt.date(2022, 10, 30)
    assert [period(s, ref) for s in ("For 8 months of this year, trade was $1 billion.",
                                     "In the first nine months of the current year it grew.",
                                     "The countries traded goods worth $5 million in January-June this year.",
                                     "In 2021 it was $2 billion.")] == ["2022-01/2022-08", "2022-01/2022-09", "2022-01/2022-06", "2021"]
