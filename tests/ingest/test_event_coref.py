"""One named event told twice: a shorter name or a bare noun later is the event again (rules/event_coref.py)."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer

from .test_events import events
from .test_participations import parts


def test_a_shorter_name_later_gives_its_day_and_city_to_the_full_name(gz: Gazetteer) -> None:
    found = events(gz, "At the opening of the 7th Summit of Heads of State of the Organization of Turkic States, "
                       "Azamat Bekov spoke about trade. The 7th Summit of the OTS opened on 4 March in Baku.")
    summits = [e for e in found if "Summit" in e[0]]
    assert [(e[0], e[2], e[4]) for e in summits] == [
        ("7th Summit of Heads of State of the Organization of Turkic States", "2026-03-04", "Baku")]


def test_a_shorter_name_with_the_acronym_brings_its_participants(gz: Gazetteer) -> None:
    text = ("Azamat Bekov travelled to Astana to attend the Meeting of the Council of Foreign Ministers of the "
            "Organization of Turkic States. Azamat Bekov attended the OTS Ministers' Meeting on 2 March.")
    found = events(gz, text)
    assert [(e[0], e[2]) for e in found if e[0].endswith("Meeting") or e[0].startswith("Meeting of the Council")] == [
        ("Meeting of the Council of Foreign Ministers of the Organization of Turkic States", "2026-03-02")]
    assert ("Meeting of the Council of Foreign Ministers of the Organization of Turkic States", "Azamat Bekov") in [
        p[:2] for p in parts(gz, text)]


def test_a_bare_noun_told_as_held_is_the_titled_event_before_it(gz: Gazetteer) -> None:
    found = events(gz, "Azamat Bekov took part in the conference entitled “Roads of the Steppe”. "
                       "The conference was held in Baku on 3 March.")
    assert [(e[0], e[2], e[4], e[6]) for e in found] == [("Roads of the Steppe", "2026-03-03", "Baku", True)]


def test_two_meetings_of_one_body_with_other_ordinals_stay_two(gz: Gazetteer) -> None:
    found = events(gz, "The 5th Meeting of the Council of Foreign Ministers of the Organization of Turkic States was "
                       "held in Baku on 2 March. It recalled the 4th Meeting of the Council of Foreign Ministers of "
                       "the OTS held in Astana.")
    assert len([e for e in found if "Council of Foreign Ministers" in e[0]]) == 2


def test_two_meetings_of_one_body_with_other_words_stay_two(gz: Gazetteer) -> None:
    found = events(gz, "The Meeting of the Council of Foreign Ministers of the Organization of Turkic States was held "
                       "in Baku on 2 March. The Meeting of the Senior Officials Committee of the OTS "
                       "preceded it.")
    assert len([e for e in found if e[0].startswith("Meeting of the")]) == 2


def test_a_bare_noun_in_another_city_than_the_name_says_is_another_event(gz: Gazetteer) -> None:
    found = events(gz, "The leaders recalled the decisions of the Istanbul Summit. The summit opened in Astana on "
                       "3 March with a speech by Azamat Bekov.")
    assert [(e[0], e[4]) for e in found] == [("Istanbul Summit", None), ("Summit", "Astana")]
