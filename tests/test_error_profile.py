"""benchmarks/error_profile.py: what kind of error each missed event and post is."""

from __future__ import annotations

from .test_agreement import _load

error_profile = _load("error_profile")

ENTS = [{"label": "Ali Veli", "type": "Person"}, {"label": "Ayşe Kaya", "type": "Person"},
        {"label": "Republic of Türkiye", "type": "State", "aliases": ["Türkiye"]},
        {"label": "Ankara", "type": "City"}, {"label": "Baku", "type": "City"}]
GOLD = {
    "entities": ENTS,
    "posts": [{"person": "Ali Veli", "title": "Ambassador", "of": "Türkiye", "to": None},
              {"person": "Ayşe Kaya", "title": "Consul General", "of": "Türkiye", "to": "Baku"}],
    "events": [{"label": "Talks of Ali Veli and Ayşe Kaya", "date": "2026-03-02", "venue": None, "city": "Ankara",
                "participants": ["Ali Veli", "Ayşe Kaya"], "named": False},
               {"label": "Visit of Ali Veli to Baku", "date": None, "venue": None, "city": "Baku",
                "participants": ["Ali Veli"], "named": False},
               {"label": "Ankara Forum", "date": "2026-03-03", "venue": None, "city": "Ankara", "participants": []}],
}
PRED = {
    "entities": ENTS,
    "posts": [{"person": "Ali Veli", "title": "Ambassador", "of": "Republic of Türkiye", "to": None},
              {"person": "Ayşe Kaya", "title": "Consul General", "of": None, "to": "Baku"}],
    "events": [{"label": "Meeting of Ali Veli and Ayşe Kaya", "date": "2026-03-02", "venue": None, "city": "Ankara",
                "participants": ["Ali Veli"], "named": False},
               {"label": "The Ankara Forum", "date": "2026-03-03", "venue": None, "city": None, "participants": []},
               {"label": "Reception", "date": "2026-03-01", "venue": None, "city": "Ankara", "participants": [],
                "named": False}],
}


def test_events_are_sorted_by_outcome() -> None:
    counts, lines = error_profile.event_profile(GOLD, PRED)
    assert dict(counts) == {"gold": 3, "predicted": 3, "matched, right": 1, "matched, wrong city": 1,
                            "gold unnamed, not extracted": 1, "participant pairs lost with them": 1,
                            "extracted, matches no gold event": 1, "  of which city (none extracted)": 1}
    assert lines == ["wrong city: 'Ankara Forum' / extracted 'The Ankara Forum'",
                     "missed (unnamed): 'Visit of Ali Veli to Baku' None Baku",
                     "extra: 'Reception' 2026-03-01 Ankara"]


def test_posts_are_sorted_by_outcome() -> None:
    counts, lines = error_profile.post_profile(GOLD, PRED)
    assert dict(counts) == {"gold": 2, "predicted": 2, "right": 1, "post with wrong of": 1,
                            "extracted post of a person with no gold post": 0}
    assert len(lines) == 1 and lines[0].startswith("wrong of: gold {'person': 'Ayşe Kaya'")
    counts, _ = error_profile.post_profile(GOLD, {"entities": ENTS, "posts": []})
    assert counts["person got no post"] == 2 and counts["right"] == 0


def test_the_test_split_is_not_profiled(capsys) -> None:  # type: ignore[no-untyped-def]
    test_ids = [e.id for e in error_profile.real_cache.load_index() if e.split == "test"]
    assert error_profile.main([test_ids[0]]) == 2
    assert "not dev articles (the test split is not studied)" in capsys.readouterr().err


def test_entities_are_sorted_by_outcome() -> None:
    pred = {"entities": [*ENTS[:3], {"label": "Ankara", "type": "Venue"}, {"label": "Reception", "type": "Event"}]}
    counts, lines = error_profile.entity_profile(GOLD, pred)
    assert dict(counts) == {"gold": 5, "predicted": 5, "right": 3, "extracted Venue, gold type City": 1,
                            "extracted Event, no gold entity": 1, "gold City, not extracted": 1}
    assert lines == ["wrong type: 'Ankara' Venue (gold City)", "extra Event: 'Reception'", "missed City: 'Baku'"]


def test_memberships_are_sorted_by_outcome() -> None:
    org = {"label": "Organization of Turkic States", "type": "Organization"}
    gold = {"entities": [*ENTS, org], "memberships": [
        {"member": "Türkiye", "organization": "Organization of Turkic States", "status": "member"},
        {"member": "Ali Veli", "organization": "Organization of Turkic States", "status": "member"}]}
    pred = {"entities": [*ENTS, org], "memberships": [
        {"member": "Republic of Türkiye", "organization": "Organization of Turkic States", "status": "observer"},
        {"member": "Baku", "organization": "Organization of Turkic States", "status": "member"}]}
    counts, lines = error_profile.membership_profile(gold, pred)
    assert dict(counts) == {"gold": 2, "predicted": 2, "right": 0, "gold, status wrong": 1,
                            "gold, not extracted": 1, "extracted, matches no gold pair": 1}
    assert lines == ["status wrong: 'Türkiye' in 'Organization of Turkic States' (member)",
                     "not extracted: 'Ali Veli' in 'Organization of Turkic States' (member)",
                     "extra: 'Baku' in 'Organization of Turkic States' (member)"]


def test_an_unmatched_event_with_a_missed_events_participants_is_a_near_miss() -> None:
    pred = {**PRED, "events": [*PRED["events"],
                               {"label": "Visit of Ali Veli", "date": None, "venue": None, "city": "Ankara",
                                "participants": ["Ali Veli"], "named": False}]}
    counts, lines = error_profile.event_profile(GOLD, pred)
    assert counts["extracted, matches no gold event"] == 2
    assert counts["  of which a missed gold event's participants, city (another) off"] == 1
    assert lines[-1] == "extra: 'Visit of Ali Veli' None Ankara (a missed gold event's participants, city (another) off)"
