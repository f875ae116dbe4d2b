"""A city carried across sentences: a participant's stay stated before the event (rules/event_places.py)."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer

from .test_events import events


def test_a_visit_to_a_city_places_the_meeting_joined_to_it(gz: Gazetteer) -> None:
    found = events(gz, "Minister Azamat Bekov has paid a visit to Istanbul and met with Emre Yalçın in his office.")
    assert ("Meeting of Azamat Bekov and Emre Yalçın", "Meeting", None, None, "Istanbul", None, False) in found


def test_the_stay_carries_to_a_later_sentence_of_its_visitor(gz: Gazetteer) -> None:
    found = events(gz, "Within the framework of his visit to Ankara, Azamat Bekov toured the old town. "
                       "Later Azamat Bekov met with Emre Yalçın.")
    assert [e[4] for e in found if e[0].startswith("Meeting of")] == ["Ankara"]


def test_no_city_for_an_invitation_or_a_call(gz: Gazetteer) -> None:
    invited = events(gz, "Azamat Bekov invited Emre Yalçın to pay a visit to Ankara. Azamat Bekov met with Emre Yalçın.")
    assert all(e[4] is None for e in invited if e[0].startswith("Meeting of"))
    called = events(gz, "Azamat Bekov has paid a visit to Istanbul. Azamat Bekov spoke by telephone with Emre Yalçın.")
    assert all(e[4] is None for e in called if not e[0].startswith("Visit"))
