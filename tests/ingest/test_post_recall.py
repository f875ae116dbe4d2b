"""Posts recall: titles recognised by their head words (rules/post_recall.py), on sentences of our own."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer

from .conftest import extraction


def posts(gz: Gazetteer, text: str) -> list[tuple]:
    ex = extraction(gz, text)
    return [(ex.label(p.person), p.title, ex.label(p.of), ex.label(p.to)) for p in ex.posts]


def test_title_with_a_complement_of_its_own_in_apposition(gz: Gazetteer) -> None:
    assert posts(gz, "Lale Ormanci, Deputy Director General for Cultural Heritage of UNESCO, opened the exhibition.") == [
        ("Lale Ormanci", "Deputy Director General for Cultural Heritage", "UNESCO", None)]


def test_owner_written_before_the_title(gz: Gazetteer) -> None:
    assert posts(gz, "The talks were joined by Kyrgyzstan Deputy Minister Bakyt Osmonov on Monday.") == [
        ("Bakyt Osmonov", "Deputy Minister", "Kyrgyzstan", None)]
    assert posts(gz, "Among the guests was the Hungarian Honorary Consul in Shymkent, Lajos Kertesz.") == [
        ("Lajos Kertesz", "Honorary Consul", "Hungary", "Shymkent")]


def test_predicate_and_a_portfolio_without_state(gz: Gazetteer) -> None:
    assert posts(gz, "Timur Sadykov was appointed Director of Consular Affairs last week.") == [
        ("Timur Sadykov", "Director of Consular Affairs", None, None)]


def test_a_state_that_begins_an_organization_name_is_not_the_owner(gz: Gazetteer) -> None:
    assert posts(gz, "Timur Sadykov, Chief Executive Officer of Kazakhstan Temir Zholy, signed the deal.") == []


def test_courtesy_title_and_a_head_word_without_a_person_give_no_post(gz: Gazetteer) -> None:
    assert posts(gz, "Commissioner Timur Sadykov spoke. The Coordinator thanked the guests.") == []


def test_a_title_that_is_the_object_of_another_and_a_title_of_honour(gz: Gazetteer) -> None:
    assert posts(gz, "Adviser to the Director of the Nomad Heritage Foundation Timur Sadykov spoke.") == []
    assert posts(gz, "The museum of the First President of Kazakhstan Timur Sadykov opened.") == []


def test_a_complement_for_places_keeps_their_names(gz: Gazetteer) -> None:
    assert posts(gz, "Nadia Berg, Senior Adviser for Georgia and Armenia of the OSCE, spoke.") == [
        ("Nadia Berg", "Senior Adviser for Georgia and Armenia", "OSCE", None)]
    assert posts(gz, "Special Envoy for Georgia Nadia Berg spoke.") == [("Nadia Berg", "Special Envoy for Georgia", None, None)]


def test_a_pronoun_subject_is_the_person_named_before(gz: Gazetteer) -> None:
    ex = extraction(gz, "Nadia Berg handed a letter to Timur Sadykov on Monday. She previously served as Deputy Director "
                        "General for Trade Policy of the OSCE.")
    assert [(ex.label(p.person), p.title, ex.label(p.of), p.past) for p in ex.posts] == [
        ("Nadia Berg", "Deputy Director General for Trade Policy", "OSCE", True)]
    ex = extraction(gz, "Timur Sadykov arrived in Vienna. Earlier, he (since 2019) served as Deputy Foreign Minister.")
    assert [(ex.label(p.person), p.title, ex.label(p.of), p.past) for p in ex.posts] == [
        ("Timur Sadykov", "Deputy Minister of Foreign Affairs", None, True)]


def test_a_relative_clause_or_an_article_before_the_title(gz: Gazetteer) -> None:
    assert posts(gz, "Nadia Berg, who serves as Coordinator of the OSCE, spoke. Timur Sadykov, the Chief Adviser of "
                     "UNESCO, spoke too.") == [
        ("Nadia Berg", "Coordinator", "OSCE", None), ("Timur Sadykov", "Chief Adviser", "UNESCO", None)]


def test_a_title_in_lower_case_in_apposition_with_what_it_is_of(gz: Gazetteer) -> None:
    assert posts(gz, "Nadia Berg, the deputy director general of UNESCO, and Timur Sadykov, CEO of the OSCE, spoke.") == [
        ("Nadia Berg", "Deputy Director General", "UNESCO", None), ("Timur Sadykov", "CEO", "OSCE", None)]
    # lower case and nothing it is of, or a name after it: no post
    assert posts(gz, "Nadia Berg, a senior adviser, spoke. The coordinator Timur Sadykov spoke.") == []


def test_a_portfolio_or_an_organization_head_word_before_a_name_is_not_part_of_it(gz: Gazetteer) -> None:
    ex = extraction(gz, "Minister of Mines and Petroleum Nadia Berg met the Deputy Speaker of the Senate Timur Sadykov and "
                        "the Assistant Director-General Ayten Veli.")
    assert sorted(e.label for e in ex.entities.values() if e.kind == "Person") == ["Ayten Veli", "Nadia Berg", "Timur Sadykov"]
    assert [(ex.label(p.person), p.title) for p in ex.posts] == [("Nadia Berg", "Minister of Mines and Petroleum")]


def test_a_state_less_title_takes_the_state_written_before_the_same_title_elsewhere(gz: Gazetteer) -> None:
    ex = extraction(gz, "Talks with the U.S. Special Envoy for Energy\n\nNadia Berg met the Special Envoy for Energy "
                        "Timur Sadykov in Vienna.")
    assert [(ex.label(p.person), p.title, ex.label(p.of)) for p in ex.posts] == [
        ("Timur Sadykov", "Special Envoy for Energy", "U.S")]
    # the same title held there by someone else gives nothing
    ex = extraction(gz, "The U.S. Special Envoy for Energy Ayten Veli left. Nadia Berg met the Special Envoy for Energy "
                        "Timur Sadykov in Vienna.")
    assert [(ex.label(p.person), p.title, ex.label(p.of)) for p in ex.posts] == [
        ("Ayten Veli", "Special Envoy for Energy", "U.S"), ("Timur Sadykov", "Special Envoy for Energy", None)]


def test_a_name_in_the_next_paragraph_holds_no_title_of_a_headline(gz: Gazetteer) -> None:
    assert posts(gz, "Talks with the Special Envoy for Energy\n\nNadia Berg met Timur Sadykov in Vienna.") == []


def test_an_owner_before_the_title_in_apposition_and_in_a_list(gz: Gazetteer) -> None:
    assert posts(gz, "Nadia Berg, Georgia's Chief Negotiator, and Timur Sadykov, the Kazakh Special Envoy for Energy, "
                     "spoke.") == [("Timur Sadykov", "Special Envoy for Energy", "Kazakhstan", None)]   # not "Chief"
    # in a list of "<owner> <title> <name>", the name after the title holds it
    assert posts(gz, "Attending were Nadia Berg, Kazakh Senior Adviser Timur Sadykov and others.") == [
        ("Timur Sadykov", "Senior Adviser", "Kazakhstan", None)]


def test_more_predicates_of_holding_a_title(gz: Gazetteer) -> None:
    assert posts(gz, "Nadia Berg has been serving as Senior Adviser of the OSCE since 2021. Timur Sadykov took office "
                     "as Deputy Secretary General of TURKSOY in May. Ayten Veli holds the post of Rector of the "
                     "Nomad Heritage Foundation.") == [
        ("Timur Sadykov", "Deputy Secretary General", "TURKSOY", None),
        ("Ayten Veli", "Rector", "Nomad Heritage Foundation", None),
        ("Nadia Berg", "Senior Adviser", "OSCE", None)]


def test_a_hyphenated_title_is_not_the_start_of_an_organization_name(gz: Gazetteer) -> None:
    assert posts(gz, "Nadia Berg, Vice-Rector of Tbilisi State University, spoke.") == [
        ("Nadia Berg", "Vice-Rector", "Tbilisi State University", None)]


def test_a_title_then_the_name_between_commas(gz: Gazetteer) -> None:
    assert posts(gz, "The Senior Adviser of the OSCE, Nadia Berg, spoke. They met the Chief Adviser of UNESCO, "
                     "Timur Sadykov, and others.") == [("Nadia Berg", "Senior Adviser", "OSCE", None),
                                                     ("Timur Sadykov", "Chief Adviser", "UNESCO", None)]
    # a holder before the title comes first
    assert posts(gz, "Ayten Veli, Chief Adviser of UNESCO, Timur Sadykov and others spoke.") == [
        ("Ayten Veli", "Chief Adviser", "UNESCO", None)]


def test_a_chain_of_honorifics_before_the_name(gz: Gazetteer) -> None:
    assert posts(gz, "Rector of Tbilisi State University Prof. Dr. Nadia Berg and the Chief Adviser of the OSCE "
                     "Academician Timur Sadykov spoke.") == [
        ("Nadia Berg", "Rector", "Tbilisi State University", None),
        ("Timur Sadykov", "Chief Adviser", "OSCE", None)]


def test_minister_for_foreign_affairs_is_the_foreign_minister(gz: Gazetteer) -> None:
    assert posts(gz, "The Georgian Minister for Foreign Affairs Nadia Berg met Timur Sadykov, Deputy Minister for "
                     "Foreign Affairs of Kazakhstan.") == [
        ("Nadia Berg", "Minister of Foreign Affairs", "Georgia", None),
        ("Timur Sadykov", "Deputy Minister of Foreign Affairs", "Kazakhstan", None)]


def test_federal_and_national_as_modifiers(gz: Gazetteer) -> None:
    assert posts(gz, "Nadia Berg, Federal Minister for Planning, met the National Coordinator of Georgia "
                     "Timur Sadykov.") == [("Nadia Berg", "Federal Minister for Planning", None, None),
                                           ("Timur Sadykov", "National Coordinator", "Georgia", None)]


def test_a_deputy_governor_or_mayor_is_not_the_governor_or_mayor(gz: Gazetteer) -> None:
    assert posts(gz, "Deputy Akim of Almaty Nadia Berg met Timur Sadykov, Vice Governor of Samarkand.") == [
        ("Nadia Berg", "Deputy Akim", "Almaty", None), ("Timur Sadykov", "Vice Governor", "Samarkand", None)]


def test_a_place_no_list_knows_between_a_title_and_a_name_is_not_the_name(gz: Gazetteer) -> None:
    ex = extraction(gz, "The Chief Minister of Sindh Nadia Berg met the Chairman of the Board Recep Tayyip Erdoğan.")
    assert sorted(e.label for e in ex.entities.values() if e.kind == "Person") == ["Nadia Berg", "Recep Tayyip Erdoğan"]


def test_a_ministers_portfolio_runs_on_past_the_words_of_the_list(gz: Gazetteer) -> None:
    assert posts(gz, "Nadia Berg, Minister of Energy, Mining and Aerospace Industry of Georgia, met the Minister of "
                     "Culture and Creative Economy Timur Sadykov.") == [
        ("Nadia Berg", "Minister of Energy, Mining and Aerospace Industry", "Georgia", None),
        ("Timur Sadykov", "Minister of Culture and Creative Economy", None, None)]
    # not into a headline's verb
    assert posts(gz, "Minister of Economy Meets Georgian Counterpart\n\nNadia Berg arrived.") == []


def test_a_two_letter_initial_of_central_asian_names(gz: Gazetteer) -> None:
    ex = extraction(gz, "President of Georgia Sh.Kapanadze met Zh. Abenova.")
    assert sorted(e.label for e in ex.entities.values() if e.kind == "Person") == ["Sh.Kapanadze", "Zh. Abenova"]
    assert [(ex.label(p.person), p.title, ex.label(p.of)) for p in ex.posts] == [("Sh.Kapanadze", "President", "Georgia")]


def test_words_of_tenure_before_a_title_and_an_adverb_of_time_in_apposition(gz: Gazetteer) -> None:
    ex = extraction(gz, "Nadia Berg met Kazakhstan's recently appointed ambassador to Austria, Timur Sadykov, in Vienna.")
    assert [(ex.label(p.person), p.title, ex.label(p.of), ex.label(p.to), p.past) for p in ex.posts] == [
        ("Timur Sadykov", "Ambassador", "Kazakhstan", "Austria", False)]
    ex = extraction(gz, "Timur Sadykov, formerly Director of the Nomad Heritage Foundation, spoke.")
    assert [(ex.label(p.person), p.title, ex.label(p.of), p.past) for p in ex.posts] == [
        ("Timur Sadykov", "Director", "Nomad Heritage Foundation", True)]
    ex = extraction(gz, "Nadia Berg welcomed Timur Sadykov, previously deputy secretary general of the OSCE, to Astana.")
    assert [(ex.label(p.person), p.title, ex.label(p.of), p.past) for p in ex.posts] == [
        ("Timur Sadykov", "Deputy Secretary General", "OSCE", True)]


def test_titles_of_spokespersons_parliaments_embassies_and_courts(gz: Gazetteer) -> None:
    assert posts(gz, "Aigerim Tulegenova, Spokesperson of the Ministry of Foreign Affairs of Kazakhstan, answered questions.") == [
        ("Aigerim Tulegenova", "Spokesperson", "Ministry of Foreign Affairs of Kazakhstan", None)]
    assert posts(gz, "The Azerbaijani MP Ganira Valiyeva spoke at the forum.") == [
        ("Ganira Valiyeva", "Member of Parliament", "Azerbaijan", None)]
    assert posts(gz, "Kyrgyzstan's Prosecutor General Timur Sadykov visited Baku.") == [
        ("Timur Sadykov", "Prosecutor General", "Kyrgyzstan", None)]
    assert posts(gz, "The Uzbek Defense Attaché Bakhtiyor Nazarov laid a wreath.") == [
        ("Bakhtiyor Nazarov", "Defense Attaché", "Uzbekistan", None)]


def test_titles_of_churches_universities_and_armed_forces(gz: Gazetteer) -> None:
    assert posts(gz, "Timur Sadykov, the Grand Mufti of Kazakhstan, greeted the guests.") == [
        ("Timur Sadykov", "Grand Mufti", "Kazakhstan", None)]
    assert posts(gz, "Azerbaijan's Commander-in-Chief Ilham Aliyev addressed the troops.") == [
        ("Ilham Aliyev", "Commander-in-Chief", "Azerbaijan", None)]
    assert posts(gz, "Nadia Berg, Prorector of the Eurasian National University, opened the conference.") == [
        ("Nadia Berg", "Prorector", "Eurasian National University", None)]


def test_new_title_words_keep_the_courtesy_rule_and_a_given_name(gz: Gazetteer) -> None:
    assert posts(gz, "Nadia Berg met Senator Timur Sadykov of Kazakhstan.") == []
    assert posts(gz, "TURKSOY Secretary General Sultan Raev opened the festival.") == [
        ("Sultan Raev", "Secretary General", "TURKSOY", None)]
