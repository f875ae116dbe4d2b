"""Posts by succession: the person replaced or succeeded held the successor's new post before."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer

from .conftest import extraction


def posts(gz: Gazetteer, text: str) -> list[tuple]:
    ex = extraction(gz, text)
    return [(ex.label(p.person), p.title, ex.label(p.of), ex.label(p.to), p.past) for p in ex.posts]


def test_he_replaces_a_person_two_sentences_after_the_appointment(gz: Gazetteer) -> None:
    assert posts(gz, "Emre Yalçın has been appointed as Türkiye's new ambassador to Azerbaijan. He is a career "
                     "diplomat. He replaces Ahmet Başar Şen, who served in Baku since 2020.") == [
        ("Emre Yalçın", "Ambassador", "Türkiye", "Azerbaijan", False),
        ("Ahmet Başar Şen", "Ambassador", "Türkiye", "Azerbaijan", True)]


def test_succeeds_and_predecessor_in_the_sentence_of_the_post(gz: Gazetteer) -> None:
    assert posts(gz, "Emre Yalçın, Ambassador of Türkiye to Azerbaijan, succeeds Ahmet Başar Şen.")[1] == (
        "Ahmet Başar Şen", "Ambassador", "Türkiye", "Azerbaijan", True)
    assert posts(gz, "Kubanychbek Omuraliev, Secretary General of the OTS, took over from his predecessor, "
                     "Baghdad Amreyev, on Monday.")[1] == (
        "Baghdad Amreyev", "Secretary General", "OTS", None, True)


def test_a_post_not_spoken_of_as_taken_up_is_not_the_predecessor_s(gz: Gazetteer) -> None:
    assert posts(gz, "Ambassador of Kyrgyzstan to Türkiye Kubanychbek Omuraliev spoke in Istanbul. On Monday he will "
                     "take over the post from his predecessor Baghdad Amreyev.") == [
        ("Kubanychbek Omuraliev", "Ambassador", "Kyrgyzstan", "Türkiye", False)]


def test_no_successor_no_post(gz: Gazetteer) -> None:
    assert posts(gz, "The decree replaced Ahmet Başar Şen. Emre Yalçın is the new Ambassador of Türkiye to "
                     "Azerbaijan.") == [("Emre Yalçın", "Ambassador", "Türkiye", "Azerbaijan", False)]


def test_who_replaces_one_person_with_another_passes_on_no_post(gz: Gazetteer) -> None:
    assert posts(gz, "President of Kazakhstan Kassym-Jomart Tokayev replaced Dauren Abayev with Aida Balayeva.") == [
        ("Kassym-Jomart Tokayev", "President", "Kazakhstan", None, False)]
