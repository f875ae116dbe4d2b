"""Coming events named as the next or first of a series (`rules/coming_events.py`). Every sentence here is
written for these tests."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer

from .test_event_mentions import events

MET = "Azamat Bekov met Emre Yalçın in Ankara on 12 January. "


def test_the_next_or_first_of_a_series_to_be_held(gz: Gazetteer) -> None:
    # unnamed, the day and city its sentence writes, no one taking part yet
    assert events(gz, MET + "The sides agreed to hold the next meeting of the Joint Commission in Astana on 20 March.")[1:] == [
        ("Meeting of the Joint Commission", "2026-03-20", "Astana", False, [])]
    assert events(gz, MET + "The ministries are now preparing for holding the first session of the Council of Elders "
                            "in 2027.")[1:] == [("First session of the Council of Elders", None, None, False, [])]


def test_who_will_represent_a_state_at_the_next_summit_takes_part(gz: Gazetteer) -> None:
    got = events(gz, MET + "Emre Yalçın will represent his country at the Assembly's next summit in Baku on 20 March.")
    assert got[1:] == [("Summit of the Assembly", "2026-03-20", "Baku", False, ["Emre Yalçın"])]


def test_no_coming_event_without_a_verb_of_the_future_or_for_a_past_first(gz: Gazetteer) -> None:
    for text in ("They reviewed the preparations for the upcoming summit of the Assembly, the ministry said.",
                 "They recalled that the first summit of the Assembly was held in Baku in 2010.",
                 "They spoke of the next summit in their country, which will be a milestone.",
                 "Several upcoming meetings of the Joint Commission will be held in Baku."):
        assert len(events(gz, MET + text)) == 1, text
