"""Persons and role titles (with what each title is of and accredited to)."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer
from graph.ingest.rules.persons import persons, titles
from graph.ingest.rules.phrases import phrases

from .conftest import extraction, reader


def title_rows(r) -> list[tuple]:  # type: ignore[no-untyped-def]
    label = lambda k: r.out.entities[k].label if k else None  # noqa: E731
    return [(t["title"], label(t["of"]), label(t["to"]), t["topic"], r.text[t["span"][0]:t["span"][1]]) for t in titles(r)]


def test_persons_skip_titles_and_honorifics_and_family_names_refer_back(gz: Gazetteer) -> None:
    r = reader(gz, "Mr. Nurlan Abenov met Ambassador Emre Yalçın at the Carmelite Monastery. Abenov thanked him.",
               phrases, persons)
    got = [(r.text[m[0]:m[1]], m[3]) for m in sorted(r.mentions)]
    assert got == [("Nurlan Abenov", "Person"), ("Emre Yalçın", "Person"), ("Carmelite Monastery", "Venue"),
                   ("Abenov", "Person")]
    assert [e.label for e in r.out.entities.values() if e.kind == "Person"] == ["Nurlan Abenov", "Emre Yalçın"]


def test_quoted_names_and_places_are_no_persons(gz: Gazetteer) -> None:
    r = reader(gz, 'The poem "Golden Horde" was read in the Middle Corridor.', phrases, persons)
    assert [e for e in r.out.entities.values() if e.kind == "Person"] == []


def test_titles_with_demonym_of_and_to(gz: Gazetteer) -> None:
    r = reader(gz, "Kazakh Ambassador Nurlan Abenov met Kairat Umarov, Permanent Representative of Kazakhstan "
                   "to the OSCE.", phrases, persons)
    assert title_rows(r) == [
        ("Ambassador", "Kazakhstan", None, None, "Kazakh Ambassador"),
        ("Permanent Representative", "Kazakhstan", "OSCE", None, "Permanent Representative of Kazakhstan to the OSCE"),
    ]


def test_portfolio_titles_and_a_lower_case_title_without_state(gz: Gazetteer) -> None:
    r = reader(gz, "Minister of Culture of Azerbaijan Adil Karimli spoke. The minister said the Governor of Ankara "
                   "agreed.", phrases, persons)
    assert title_rows(r) == [
        ("Minister of Culture", "Azerbaijan", None, "Culture", "Minister of Culture of Azerbaijan"),
        ("Governor", "Ankara", None, None, "Governor of Ankara"),
    ]


def test_a_headline_verb_after_a_title_is_no_family_name(gz: Gazetteer) -> None:
    ex = extraction(gz, "Turkic Council Secretary General Meets with Hungarian Scholars\n\nAzamat Bekov met Emre Yalçın on 14 January.")
    assert sorted(e.label for e in ex.entities.values() if e.kind == "Person") == ["Azamat Bekov", "Emre Yalçın"]


def test_a_name_may_wrap_to_the_next_line_but_not_run_past_a_paragraph(gz: Gazetteer) -> None:
    ex = extraction(gz, "Hungarian Scholars\n\nOn 14 January Azamat\nBekov met Emre Yalçın.")
    assert sorted(e.label for e in ex.entities.values() if e.kind == "Person") == ["Azamat Bekov", "Emre Yalçın"]


def test_an_initial_glued_to_the_family_name_is_a_name_and_h_e_is_no_name(gz: Gazetteer) -> None:
    r = reader(gz, "The diplomat T.Orazgeldiyev met H. E. Aron Veres.", phrases, persons)
    assert [r.text[m[0]:m[1]] for m in sorted(r.mentions) if m[3] == "Person"] == ["T.Orazgeldiyev", "Aron Veres"]


def test_theme_words_and_abbreviated_titles_are_no_names(gz: Gazetteer) -> None:
    r = reader(gz, "The Sec Gen arrived. The theme is Disaster-Emergency Management and Humanitarian Assistance.",
               phrases, persons)
    assert [m for m in r.mentions if m[3] == "Person"] == []


def test_an_initial_and_family_name_is_the_person_named_before(gz: Gazetteer) -> None:
    r = reader(gz, "Minister Levan Kapanadze spoke first. Later Minister L. Kapanadze thanked the hosts.", phrases, persons)
    assert [(r.text[m[0]:m[1]], r.out.entities[m[2]].label) for m in sorted(r.mentions) if m[3] == "Person"] == [
        ("Levan Kapanadze", "Levan Kapanadze"), ("L. Kapanadze", "Levan Kapanadze")]


def test_a_name_after_a_title_the_list_does_not_know(gz: Gazetteer) -> None:
    r = reader(gz, "Assistant Secretary of State for South Asian Affairs Lars Berg met Commission Secretary Ainura "
                   "Abutalieva and Project Coordinator Ali Kilic.", phrases, persons)
    assert [r.text[m[0]:m[1]] for m in sorted(r.mentions) if m[3] == "Person"] == [
        "Lars Berg", "Ainura Abutalieva", "Ali Kilic"]


def test_epithets_and_armed_forces_are_no_parts_of_a_name(gz: Gazetteer) -> None:
    ex = extraction(gz, "Great Leader Chingiz Aitmatov was honoured. The Kyrgyz Armed Forces held drills.")
    assert sorted((e.label, e.kind) for e in ex.entities.values() if e.kind != "Event") == [("Chingiz Aitmatov", "Person")]


def test_jan_is_a_given_name_too(gz: Gazetteer) -> None:
    ex = extraction(gz, "The concert was attended by the Ambassador of Kazakhstan to Rome H. E. Jan Kuatbekov.")
    assert [e.label for e in ex.entities.values() if e.kind == "Person"] == ["Jan Kuatbekov"]
    assert [(ex.label(p.person), p.title, ex.label(p.of), ex.label(p.to)) for p in ex.posts] == [
        ("Jan Kuatbekov", "Ambassador", "Kazakhstan", "Rome")]


def test_geographic_features_are_no_persons(gz: Gazetteer) -> None:
    ex = extraction(gz, "Trade across the Caspian Sea grew, and tourists visited Lake Issyk-Kul, said Aigul Sarsenova.")
    assert [e.label for e in ex.entities.values() if e.kind == "Person"] == ["Aigul Sarsenova"]


def test_capitalized_words_of_a_title_case_headline_are_names_only_when_the_text_repeats_them(gz: Gazetteer) -> None:
    r = reader(gz, "Recently Elected Kazakh Envoy Hands Over Letters to Nurlan Abenov\n\n"
                   "The new envoy of Kazakhstan handed over copies of his letters to Mr. Abenov on Monday.\n",
               phrases, persons)
    assert [e.label for e in r.out.entities.values() if e.kind == "Person"] == ["Nurlan Abenov"]
    # a headline in sentence case keeps its names
    r = reader(gz, "Envoy meets Emre Yalçın in Ankara\n\nThe talks covered transport.\n", phrases, persons)
    assert [e.label for e in r.out.entities.values() if e.kind == "Person"] == ["Emre Yalçın"]


def test_a_title_case_headline_with_no_blank_line_after_it_and_headline_words_are_no_names(gz: Gazetteer) -> None:
    ex = extraction(gz, "Prime Minister Urges the Region to Seek Lasting Peace for the Valley Question\n"
                        "During the summit in Baku, Prime Minister Anar Guliyev spoke on Monday about the valley.")
    assert [e.label for e in ex.entities.values() if e.kind == "Person"] == ["Anar Guliyev"]
    # a sent group and a headline's "new" name no one, in a headline of any case
    ex = extraction(gz, "Karakalpak Aksakal Delegation attends the festival in Khiva\n\nThe delegation arrived on Monday.")
    assert [e.label for e in ex.entities.values() if e.kind == "Person"] == []
    ex = extraction(gz, "New Bhutanese Ambassador accredited to Kyrgyzstan\n\n"
                        "The new ambassador of Bhutan, Peter Kovacs, presented credentials in Bishkek.")
    assert [e.label for e in ex.entities.values() if e.kind == "Person"] == ["Peter Kovacs"]


def test_namesakes_of_awards_and_of_things_named_after_them_and_award_words_are_no_persons(gz: Gazetteer) -> None:
    ex = extraction(gz, "Nurlan Abenov was awarded the Order of Ahmet Yesevi and the Golden Order of Turkic Unity. "
                        "He visited a lyceum named after Mukhtar Auezov and the Honorary Medal committee.")
    assert [e.label for e in ex.entities.values() if e.kind == "Person"] == ["Nurlan Abenov"]


def test_an_initial_with_a_space_before_a_family_name_is_a_name_the_article_a_is_not(gz: Gazetteer) -> None:
    ex = extraction(gz, "B. Toktogulov opened the fair. A. Saparbekuly, the head of the fund, spoke. A Nurlan Abenov "
                        "also came, and H. E. Emre Yalçın.")
    assert [e.label for e in ex.entities.values() if e.kind == "Person"] == [
        "B. Toktogulov", "A. Saparbekuly", "Nurlan Abenov", "Emre Yalçın"]


def test_a_source_credit_in_brackets_after_the_dateline_names_no_one(gz: Gazetteer) -> None:
    ex = extraction(gz, "Ankara, (AKP - Steppe Wire / Georgia Daily News - 3rd May, 2026) Nurlan Abenov met Emre Yalçın.")
    assert sorted((e.label, e.kind) for e in ex.entities.values() if e.kind != "Event") == [
        ("Ankara", "City"), ("Emre Yalçın", "Person"), ("Nurlan Abenov", "Person")]
