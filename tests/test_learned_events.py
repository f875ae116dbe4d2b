"""benchmarks/learned_events.py (the gle10 experiment): candidates, counterfactual labels from the scorer,
proposed extra events, features, the decisions given probabilities and a tiny model with a stub embedder
(no torch, no model), on texts and gold of our own."""

from __future__ import annotations

import hashlib
from typing import Any

from .helpers import mention_entities as _ents
from .test_agreement import _load

le = _load("learned_events")

TEXT = ("Ali Veli met Elnur Mammadov in Baku on 12 May. "
        "The sides discussed trade. "
        "Later Ali Veli held talks with Yerlan Bekov in Astana.")


ENTS = [("Ali Veli", "Person"), ("Elnur Mammadov", "Person"), ("Yerlan Bekov", "Person"), ("Baku", "City"),
        ("Astana", "City")]


def _event(date: str | None, city: str | None, people: list[str], at: int) -> dict[str, Any]:
    tag = hashlib.sha256(repr((date, city, people, at)).encode()).hexdigest()[:16]
    # labels far apart: the scorer matches events by name first
    return {"label": tag, "date": date, "venue": None, "city": city, "participants": people, "organizer": None,
            "named": False, "offsets": [at, at + 4]}


def _doc(pred_events: list[dict[str, Any]], gold_events: list[dict[str, Any]]) -> Any:
    ents = _ents(TEXT, ENTS)
    return le.Doc("a", "P", "2025-05-14", TEXT, {"entities": ents, "events": pred_events},
                  {"entities": [{"label": e["label"], "type": e["type"]} for e in ents], "events": gold_events})


MET = TEXT.find("met")
TALKS = TEXT.find("talks")


def test_candidates_find_the_sentence_of_each_event() -> None:
    d = _doc([_event("2025-05-12", "Baku", ["Ali Veli"], MET), _event(None, None, [], TALKS)], [])
    cands = le.candidates(d)
    assert [(c.index, c.sentence_no, c.sentences) for c in cands] == [(0, 0, 3), (1, 2, 3)]
    assert le.sentence_text(cands[0], d) == "Ali Veli met Elnur Mammadov in Baku on 12 May."


def test_labels_are_counterfactual_on_the_scorer() -> None:
    gold = [_event("2025-05-12", "Baku", ["Ali Veli", "Elnur Mammadov"], 0),
            _event(None, "Astana", ["Ali Veli", "Yerlan Bekov"], 0)]
    pred = [_event("2025-05-12", "Baku", ["Ali Veli"], MET),        # right: keep
            _event("2025-05-14", "Astana", ["Yerlan Bekov"], TALKS),  # right once its date is null
            _event("2025-05-01", "Ankara", [], TALKS + 2)]            # matches nothing: drop
    assert le.labels(_doc(pred, gold)) == [{"nodate": 0, "nocity": 0, "drop": 0},
                                           {"nodate": 1, "nocity": 0, "drop": 0},
                                           {"nodate": 0, "nocity": 0, "drop": 1}]


def test_proposals_take_persons_date_and_city_of_a_sentence_without_an_event() -> None:
    d = _doc([_event("2025-05-12", "Baku", ["Ali Veli"], MET)], [_event(None, "Astana", ["Yerlan Bekov"], 0)])
    props = le.proposals(d)
    assert len(props) == 1                      # the first sentence has an event, the second names nobody
    ev = props[0].event
    assert (ev["date"], ev["city"], ev["participants"], ev["named"]) == (None, "Astana", ["Ali Veli", "Yerlan Bekov"], False)
    assert le.proposal_labels(d, props) == [{"add": 1}]
    f = le.proposal_features(props[0], d)
    assert f["persons"] == "2" and f["has_city"] == 1.0 and f["date_rel"] == "none" and f["persons_in_events"] == 0.5


def test_features_say_where_the_date_is_written() -> None:
    d = _doc([_event("2025-05-12", "Baku", ["Ali Veli"], MET), _event(None, None, [], TALKS)], [])
    f0, f1 = (le.features(c, d) for c in le.candidates(d))
    assert f0["date_written"] == 1.0 and f0["date_rel"] == "2-7 before" and f0["city_in_sentence"] == 1.0
    assert f1["date_rel"] == "none" and f1["has_date"] == 0.0 and f1["named"] == 0.0


def test_decide_fixes_before_dropping_and_adds_one_event_per_date_and_city() -> None:
    pred = {"events": [_event("2025-05-12", "Baku", ["A"], 0), _event("2025-05-14", "Astana", ["B"], 5),
                       _event("2025-05-01", "Ankara", [], 9)]}
    probs = [{"drop": 0.1, "nodate": 0.2, "nocity": 0.0}, {"drop": 0.9, "nodate": 0.8, "nocity": 0.0},
             {"drop": 0.9, "nodate": 0.1, "nocity": 0.1}]
    extra = [(_event(None, "Baku", ["C"], 20), 0.7), (_event(None, "Baku", ["D"], 30), 0.9),
             (_event(None, None, ["E"], 40), 0.3)]
    out = le.decide(pred, probs, {"drop": 0.5, "nodate": 0.5, "nocity": 0.5, "add": 0.5}, extra)
    assert [(e["date"], e["city"], e["participants"]) for e in out["events"]] == [
        ("2025-05-12", "Baku", ["A"]), (None, "Astana", ["B"]), (None, "Baku", ["D"])]
    assert pred["events"][1]["date"] == "2025-05-14"       # the rules' output is left as it was


_words = _load("learned_common").stub_embedder(words=("talks", "met"))


def _stub(texts: list[str]) -> list[list[float]]:
    return _words(texts).tolist()  # type: ignore[no-any-return]


def test_a_tiny_model_learns_from_stub_embeddings() -> None:
    gold = [_event(None, "Astana", ["Ali Veli", "Yerlan Bekov"], 0)]
    docs = [_doc([_event("2025-05-12", "Baku", ["Ali Veli"], MET), _event(None, "Astana", ["Yerlan Bekov"], TALKS)], gold)
            for _ in range(3)]
    rows = [le.featurize(d, _stub) for d in docs]
    assert [len(r[0].vecs[0]) for r in rows] == [3, 3, 3]
    ev_rows = le.Rows([f for r in rows for f in r[0].feats], [v for r in rows for v in r[0].vecs],
                      [y for r in rows for y in r[0].ys])
    model = le.train(ev_rows, c=10.0, components=2)
    probs = le.probabilities(model, rows[0][0])
    assert probs[0]["drop"] > 0.5 > probs[1]["drop"]
    assert probs[0]["nodate"] == 0.0               # no positive example: a constant head
    out = le.decide(docs[0].pred, probs, {"drop": 0.5, "nodate": 0.5, "nocity": 0.5})
    assert [e["city"] for e in out["events"]] == ["Astana"]


def test_lopo_never_trains_on_the_held_out_publisher_or_the_check_ids() -> None:
    gold = [_event(None, "Astana", ["Ali Veli", "Yerlan Bekov"], 0)]
    docs = []
    for i, pub in enumerate(("P", "P", "Q", "Q", "R")):
        d = _doc([_event("2025-05-12", "Baku", ["Ali Veli"], MET), _event(None, "Astana", ["Yerlan Bekov"], TALKS)], gold)
        d.id, d.publisher = f"a{i}", pub
        docs.append(d)
    rows = {(d.id, d.pool): le.featurize(d, _stub) for d in docs}
    probs = le.lopo_probabilities(docs, rows, never_train={"a4"}, c=1.0)
    assert set(probs) == {(d.id, "today") for d in docs}
    folds = le.evaluate(docs, probs, {"drop": 0.5, "nodate": 0.5, "nocity": 0.5})
    rules, model = le.sums(folds)
    assert rules["events"].tp == 5 and rules["events"].predicted == 10
    assert model["events"].predicted <= rules["events"].predicted
    assert le.table("t", folds)[0] == "t (5 articles)"
