"""Events: named and unnamed, dates, venues, cities, parts."""

from __future__ import annotations

from graph.ingest.gazetteer import Gazetteer

from .conftest import extraction


def events(gz: Gazetteer, text: str) -> list[tuple]:
    ex = extraction(gz, text)
    return [(e.label, e.kind, e.date and e.date.isoformat(), ex.label(e.venue), ex.label(e.city), ex.label(e.parent),
             e.named) for e in ex.events]


def test_named_event_with_venue_city_and_two_parts(gz: Gazetteer) -> None:
    assert events(gz, "On 5 February the Silk Road Business Forum was held at the Hilton Hotel in Baku. The opening "
                      "session was addressed by Rovshan Sadigbayli. The forum was followed by a gala concert.") == [
        ("Silk Road Business Forum", "Meeting", "2026-02-05", "Hilton Hotel", "Baku", None, True),
        ("Opening session of the Silk Road Business Forum", "Session", "2026-02-05", "Hilton Hotel", "Baku",
         "Silk Road Business Forum", False),
        ("Gala concert of the Silk Road Business Forum", "Concert", "2026-02-05", "Hilton Hotel", "Baku",
         "Silk Road Business Forum", False),
    ]


def test_unnamed_meeting_and_credentials(gz: Gazetteer) -> None:
    assert events(gz, "Azamat Bekov met Péter Szijjártó on 3 March 2026.") == [
        ("Meeting of Azamat Bekov and Péter Szijjártó", "Meeting", "2026-03-03", None, None, None, False)]
    assert events(gz, "Azamat Bekov presented his credentials to President Sadyr Japarov yesterday.") == [
        ("Presentation of credentials by Azamat Bekov", "Meeting", "2026-01-15", None, None, None, False)]


def test_dateline_city_and_a_referenced_event_without_date(gz: Gazetteer) -> None:
    assert events(gz, "BAKU, 16 January 2026 – Azamat Bekov received Emre Yalçın today. They recalled the "
                      "decisions of the 12th Summit in Gabala.") == [
        ("Meeting of Azamat Bekov and Emre Yalçın", "Meeting", "2026-01-16", None, "Baku", None, False),
        ("12th Summit", "Summit", None, None, "Gabala", None, True),
    ]


def test_a_coming_event_gets_no_date_and_a_trigger_without_anchor_no_event(gz: Gazetteer) -> None:
    assert events(gz, "Earlier, the Turkic Youth Forum gathered students.") == [
        ("Turkic Youth Forum", "Meeting", None, None, None, None, True)]
    assert events(gz, "Relations were discussed at length.") == []
