"""benchmarks/learned_titles.py (the gpo10 experiment): wide title spans, candidates, labels, the prior of
known titles, the gate and the decision, on sentences of our own and a stub embedder (no torch, no model)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .test_agreement import _load
from .test_learned_posts import _doc

lp = _load("learned_posts")
lt = _load("learned_titles")


_bag = _load("learned_common").stub_embedder(dim=32)


def stub_embed(texts: Sequence[str]) -> list[Any]:
    """Bag of words hashed into 32 numbers, unit length: equal words, near vectors."""
    return list(_bag(texts))


S = "Kazakh Ombudsperson Aidar Ospan, Grand Mufti of the region, met Cem Yilmaz and Halyk Bank Ali Veli."
E = [("Aidar Ospan", "Person"), ("Cem Yilmaz", "Person"), ("Halyk Bank", "Organization"), ("Ali Veli", "Person")]


def test_wide_spans_are_capitalised_phrases_touching_the_person_and_no_entity() -> None:
    d = _doc(S, E)
    sent = (0, len(S))
    spans = lt.wide_spans(S, sent, d.mentions[0].span, d.mentions, [])
    assert [(S[t.span[0]:t.span[1]], t.title, t.head, t.of, t.owner_by) for t in spans] == [
        ("Ombudsperson", "Ombudsperson", lt.WIDE, "Kazakhstan", "before"),
        ("Grand Mufti", "Grand Mufti", lt.WIDE, None, "none")]
    cem = next(m for m in d.mentions if m.label == "Cem Yilmaz")
    assert lt.wide_spans(S, sent, cem.span, d.mentions, []) == []                 # "met" is no title
    ali = next(m for m in d.mentions if m.label == "Ali Veli")
    assert lt.wide_spans(S, sent, ali.span, d.mentions, []) == []                 # an organization's name


def test_wide_spans_leave_the_head_noun_spans_to_learned_posts() -> None:
    text = "UN Secretary-General Ana Ruiz met Deputy Minister Ali Veli."
    d = _doc(text, [("Ana Ruiz", "Person"), ("Ali Veli", "Person")])
    known = lp.title_spans(text, (0, len(text)), d.mentions)
    assert [t.title for t in known] == ["Deputy Minister"]
    ana, ali = d.mentions
    assert [t.title for t in lt.wide_spans(text, (0, len(text)), ana.span, d.mentions, known)] == [
        "UN Secretary-General"]
    assert lt.wide_spans(text, (0, len(text)), ali.span, d.mentions, known) == []


def test_candidates_add_the_wide_spans_of_postless_persons_and_labels_read_them() -> None:
    d = _doc(S, E, gold_posts=[{"person": "Aidar Ospan", "title": "Grand Mufti", "of": None, "to": None}])
    assert lt.candidates(d, wide=False) == lp.candidates(d)
    wide = lt.candidates(d, wide=True)
    extra = [(c.person, c.tspan.title) for c in wide[len(lp.candidates(d)):]]
    assert extra == [("Aidar Ospan", "Ombudsperson"), ("Aidar Ospan", "Grand Mufti")]
    assert [y for c, y in zip(wide, lp.labels(wide, d)) if c.tspan.head == lt.WIDE] == [0, 1]


def test_the_prior_leaves_out_the_titles_of_the_left_out_publishers() -> None:
    docs = [_doc("x", [], publisher="A", gold_posts=[{"person": "p", "title": "Grand Mufti"}]),
            _doc("y", [], publisher="B", gold_posts=[{"person": "q", "title": "Ambassador"},
                                                     {"person": "r", "title": "Grand Mufti"}]),
            _doc("z", [], publisher="C", gold_posts=[{"person": "s", "title": "Rector"}])]
    prior = lt.Prior(docs, stub_embed)
    assert prior.titles == ["Ambassador", "Grand Mufti", "Rector"]
    (v,) = stub_embed(["Grand Mufti"])
    assert round(prior.sims(v, {"A"})[1], 6) == 1.0          # B has it too
    assert prior.sims(v, {"A", "B"})[1] < 0.5                # only C's Rector is left
    cen, near = prior.sims(v, set())
    assert 0 < cen < near


def _row(head: str, sim: float, y: int, person: str = "X") -> Any:
    t = lp.TitleSpan((0, 5), "T", head, None, None, "none")
    return lt.Row(lp.Candidate("a", person, (10, 15), t, (0, 20)), {}, None, sim, y)


def test_the_gate_is_the_similarity_that_best_separates_gold_wide_titles() -> None:
    rows = [_row(lt.WIDE, 0.9, 1), _row(lt.WIDE, 0.8, 1), _row(lt.WIDE, 0.7, 0), _row(lt.WIDE, 0.3, 0),
            _row("minister", 0.1, 1)]
    assert lt.gate(rows) == 0.8
    assert lt.gate([_row(lt.WIDE, 0.9, 0), _row("minister", 0.9, 1)]) == float("inf")
    assert lt.passes(_row("minister", 0.0, 0), 0.8) and not lt.passes(_row(lt.WIDE, 0.7, 0), 0.8)


def test_the_decision_keeps_each_person_s_likeliest_candidate_above_the_threshold() -> None:
    d = _doc(S, E)
    rows = [_row(lt.WIDE, 0.9, 0, "Aidar Ospan"), _row("minister", 0.9, 0, "Aidar Ospan"),
            _row("minister", 0.9, 0, "Cem Yilmaz")]
    rows[1] = lt.Row(lp.Candidate("a", "Aidar Ospan", (20, 31), lp.TitleSpan((7, 19), "Ombudsperson", lt.WIDE,
                                                                             "Kazakhstan", None, "before"),
                                  (0, len(S))), {}, None, 0.9, 0)
    added = lt.decide(rows, [0.5, 0.7, 0.3], d, threshold=0.4)
    assert added == [{"person": "Aidar Ospan", "title": "Ombudsperson", "of": "Kazakhstan", "to": None,
                      "offsets": [7, 31], "confidence": 0.7}]


def test_a_tiny_lopo_learns_the_wide_titles_of_other_publishers() -> None:
    docs = []
    for i, (name, title) in enumerate([("Aidar Ospan", "Grand Mufti"), ("Bobur Karimov", "Grand Mufti"),
                                       ("Cem Yilmaz", "Grand Mufti"), ("Daniyar Asanov", "Grand Mufti")]):
        text = f"{title} {name} met Minister Bo Li in the capital."
        minister = {"person": "Bo Li", "title": "Minister", "of": None, "to": None}
        docs.append(_doc(text, [(name, "Person"), ("Bo Li", "Person")], publisher=f"P{i}", id_=f"d{i}",
                         posts=[minister], gold_posts=[{"person": name, "title": title, "of": None, "to": None},
                                                       minister]))
    docs.append(_doc("Grey Lake met Sadyr Ak in the capital.", [("Sadyr Ak", "Person")], publisher="P9", id_="n"))
    prior = lt.Prior(docs, stub_embed)
    method = lt.minilm_method(stub_embed, prior, 0.4, wide=True)
    res = lt.lopo(docs, docs[:1], {"m": method})
    assert [(a["person"], a["title"]) for a in res[0].added["m"]] == [("Aidar Ospan", "Grand Mufti")]
    assert res[0].scores["m"]["posts"].tp == 2 and res[0].scores["rules"]["posts"].tp == 1
