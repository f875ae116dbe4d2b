"""benchmarks/learned_participants.py (the gpa10 experiment): candidates, labels, features and the
decision, on a text and gold of our own, with a stub embedder (no torch, no model)."""

from __future__ import annotations

from typing import Any

import pytest

from .helpers import mention_entities
from .test_agreement import _load

lpa = _load("learned_participants")

TEXT = ("Aliyev meets Fidan in Baku\n\n"
        "President Ilham Aliyev received Hakan Fidan in Baku on Monday. "
        "Fidan conveyed greetings from Recep Erdogan. "
        "Azerbaijan and Turkey signed a memorandum.\n\n"
        "Elsewhere, Sadyr Japarov visited Tashkent.")


ENTS = mention_entities(TEXT, [("Ilham Aliyev", "Person"), ("Hakan Fidan", "Person"), ("Recep Erdogan", "Person"),
                               ("Azerbaijan", "State"), ("Turkey", "State"), ("Sadyr Japarov", "Person"),
                               ("Baku", "City")])
ENTS[1]["offsets"].append([TEXT.find("Fidan conveyed"), TEXT.find("Fidan conveyed") + 5])
ANCHOR = TEXT.find("President")
EVENT = {"label": "Meeting of Aliyev and Fidan", "date": "2024-05-06", "venue": None, "city": "Baku",
         "participants": ["Ilham Aliyev", "Recep Erdogan"], "organizer": None, "named": False,
         "offsets": [ANCHOR, ANCHOR + 60]}
PRED = {"entities": ENTS, "posts": [{"person": "Ilham Aliyev", "title": "President", "of": "Azerbaijan", "to": None}],
        "events": [EVENT]}
GOLD = {"entities": [{"label": e["label"], "type": e["type"]} for e in ENTS],
        "events": [dict(EVENT, participants=["Ilham Aliyev", "Hakan Fidan"])]}


def _doc(pred: dict[str, Any] = PRED, gold: dict[str, Any] = GOLD) -> Any:
    return lpa.Doc("a", "P", TEXT, pred, gold)


def test_candidates_are_the_window_and_headline_entities_and_the_existing_participants() -> None:
    cands = lpa.candidates(_doc())
    got = {(c.label, c.existing, c.dist, c.in_headline) for c in cands}
    # existing: Aliyev (its sentence), Erdogan (next sentence); new: Fidan (named in the event's
    # sentence), the two states (two sentences off, not in the window: left out), Japarov (far), Baku (the city)
    assert got == {("Ilham Aliyev", True, 0, False), ("Recep Erdogan", True, 1, False),
                   ("Hakan Fidan", False, 0, False)}


def test_a_headline_mention_makes_a_candidate() -> None:
    far = dict(EVENT, offsets=[TEXT.find("Elsewhere"), TEXT.find("Elsewhere") + 20], participants=[])
    cands = lpa.candidates(_doc(dict(PRED, events=[far])))
    assert ("Sadyr Japarov", False, 0) in {(c.label, c.existing, c.dist) for c in cands}
    head = [c for c in cands if c.in_headline]
    assert head == []          # the headline names "Aliyev", no label of an entity
    ents = [*ENTS, {"label": "Fidan", "type": "Person", "offsets": [[13, 18]]}]
    cands = lpa.candidates(_doc(dict(PRED, entities=ents, events=[far])))
    assert [c.label for c in cands if c.in_headline] == ["Fidan"]


def test_labels_come_from_the_matched_gold_event_only() -> None:
    d = _doc()
    cands = lpa.candidates(d)
    by = dict(zip((c.label for c in cands), lpa.labels(d, cands)))
    assert by == {"Ilham Aliyev": 1, "Recep Erdogan": 0, "Hakan Fidan": 1}
    moved = dict(GOLD, events=[dict(GOLD["events"][0], city="Ankara", label="Talks")])   # no match: no labels
    assert set(lpa.labels(_doc(gold=moved), cands)) == {None}


def test_structural_features_see_the_meeting_verb_and_the_greetings() -> None:
    d = _doc()
    cands = {c.label: c for c in lpa.candidates(d)}
    aliyev = lpa.structural(d, cands["Ilham Aliyev"])
    assert aliyev["subj_meet"] == 1.0 and aliyev["has_post"] == 1.0 and aliyev["kind"] == "Person"
    assert lpa.structural(d, cands["Hakan Fidan"])["obj_meet"] == 1.0
    erdogan = lpa.structural(d, cands["Recep Erdogan"])
    assert erdogan["greet"] == 1.0 and erdogan["dist"] == "1" and erdogan["existing"] == 1.0


def test_context_is_the_sentence_and_a_window_around_the_mention() -> None:
    d = _doc()
    c = next(c for c in lpa.candidates(d) if c.label == "Recep Erdogan")
    sent, window = lpa.context(d, c, words=2)
    assert sent == "Fidan conveyed greetings from Recep Erdogan."
    assert window == "greetings from Recep Erdogan ."


def test_decide_and_apply_change_only_participant_lists() -> None:
    d = _doc()
    cands = lpa.candidates(d)
    probs = {"Ilham Aliyev": 0.9, "Recep Erdogan": 0.05, "Hakan Fidan": 0.7}
    changes = lpa.decide(cands, [probs[c.label] for c in cands], add=0.5, drop=0.1)
    assert changes == {0: (["Hakan Fidan"], ["Recep Erdogan"])}
    new = lpa.apply(d.pred, changes)
    assert new["events"][0]["participants"] == ["Ilham Aliyev", "Hakan Fidan"]
    assert {k: v for k, v in new["events"][0].items() if k != "participants"} == \
        {k: v for k, v in EVENT.items() if k != "participants"}
    assert lpa.apply(d.pred, changes, only=set())["events"][0]["participants"] == EVENT["participants"]
    assert lpa.score(GOLD, new)["participations"].f1 == 1.0


def test_a_tiny_model_with_a_stub_embedder_learns_and_the_lopo_predicts() -> None:
    pytest.importorskip("sklearn")

    stub = _load("learned_common").stub_embedder(words=("greetings", "received"))
    docs = [lpa.Doc(f"a{i}", f"P{i % 3}", TEXT, PRED, GOLD) for i in range(6)]
    rows = [lpa.featurize(d, stub) for d in docs]
    assert rows[0].emb.shape == (3, 6)
    results = lpa.lopo(rows, c=10.0, emb_weight=1.0)
    assert len(results) == 6
    probs = dict(zip((c.label for c in results[0].rows.cands), results[0].probs))
    assert probs["Recep Erdogan"] < 0.5 < probs["Hakan Fidan"]
    r, m, n, added, dropped = lpa.sums(results, add=0.5, drop=0.5, mode="matched")
    assert (n, added, dropped) == (6, 6, 6)
    assert m["participations"].f1 == 1.0 > r["participations"].f1
