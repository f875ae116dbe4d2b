"""benchmarks/learned_entities.py (the gen10 experiment): candidates, labels from the scorer, features,
the keep/drop and retype decisions and what a drop takes along, on texts of our own with a stub embedder
(no torch, no model)."""

from __future__ import annotations

from typing import Any

import numpy as np

from .test_agreement import _load

le = _load("learned_entities")

TEXT = ("Aliyev meets Fidan in Baku\n\nPresident Ilham Aliyev received Hakan Fidan, Minister of Foreign Affairs of "
        "Türkiye, at the Gulustan Palace in Baku. Newly Appointed officials of the Foreign Ministry attended. "
        "Ilham Aliyev and Hakan Fidan discussed the Organization of Turkic States.")


def _spans(label: str) -> list[list[int]]:
    out, at = [], TEXT.find(label)
    while at >= 0:
        out.append([at, at + len(label)])
        at = TEXT.find(label, at + 1)
    return out


def _pred() -> dict[str, Any]:
    ents = [("Ilham Aliyev", "Person"), ("Hakan Fidan", "Person"), ("Türkiye", "State"), ("Baku", "City"),
            ("Gulustan Palace", "Organization"), ("Newly Appointed", "Person"), ("Foreign Ministry", "Organization"),
            ("Organization of Turkic States", "Organization")]
    entities = [{"label": lab, "type": k, "offsets": _spans(lab), "link": "new"} for lab, k in ents]
    entities.append({"label": "Aliyev meets Fidan", "type": "Event", "offsets": [[0, 18]]})
    return {"entities": entities,
            "posts": [{"person": "Hakan Fidan", "title": "Minister of Foreign Affairs", "of": "Türkiye", "to": None},
                      {"person": "Newly Appointed", "title": "Official", "of": "Foreign Ministry", "to": None}],
            "events": [{"label": None, "date": "2024-01-01", "venue": "Gulustan Palace", "city": "Baku",
                        "participants": ["Ilham Aliyev", "Hakan Fidan", "Newly Appointed"]}],
            "memberships": [{"member": "Türkiye", "organization": "Organization of Turkic States", "status": "member"},
                            {"member": "Foreign Ministry", "organization": "Organization of Turkic States",
                             "status": "member"}]}


GOLD = {"entities": [{"label": "Ilham Aliyev", "type": "Person"}, {"label": "Hakan Fidan", "type": "Person"},
                     {"label": "Republic of Türkiye", "type": "State", "aliases": ["Türkiye"]},
                     {"label": "Baku", "type": "City"}, {"label": "Gulustan Palace", "type": "Venue"},
                     {"label": "Organization of Turkic States", "type": "Organization", "aliases": ["OTS"]}],
        "posts": [{"person": "Hakan Fidan", "title": "Minister of Foreign Affairs", "of": "Türkiye", "to": None}]}


def _doc() -> Any:
    return le.Doc("a-1", "P", TEXT, _pred(), GOLD)


stub_embed = _load("learned_common").stub_embedder(dim=8)      # 8-d, deterministic, unit length


def test_candidates_are_the_non_event_entities_with_their_first_sentence() -> None:
    cands = le.candidates(_doc())
    assert [c.label for c in cands] == ["Ilham Aliyev", "Hakan Fidan", "Türkiye", "Baku", "Gulustan Palace",
                                        "Newly Appointed", "Foreign Ministry", "Organization of Turkic States"]
    aliyev = cands[0]
    assert aliyev.mentions == 2
    assert TEXT[aliyev.sentence[0]:aliyev.sentence[1]].startswith("President Ilham Aliyev received")
    assert le.texts_of(cands[4], _doc())[1].endswith("at the Gulustan Palace in Baku.")


def test_labels_are_the_scorer_s_name_and_type_match() -> None:
    d = _doc()
    cands = le.candidates(d)
    # Türkiye matches the gold through its alias; the palace is there but as a Venue
    assert le.entity_labels(d, cands) == [1, 1, 1, 1, 0, 0, 0, 1]
    assert le.type_labels(d, cands) == ["Person", "Person", "State", "City", "Venue", None, None, "Organization"]


def test_structural_features_see_roles_mentions_and_capitalisation() -> None:
    d = _doc()
    cands = le.candidates(d)
    f = le.structural(cands[1], d)                      # Hakan Fidan
    assert f["type=Person"] == 1.0 and f["post_person"] == 1.0 and f["participant"] == 1.0
    assert f["in_headline"] == 0.0 and f["one_mention"] == 0.0
    g = le.structural(cands[2], d)                      # Türkiye
    assert g["post_of"] == 1.0 and g["member"] == 1.0 and g["non_ascii"] == 1.0 and g["one_word"] == 1.0
    assert le.structural(cands[4], d)["event_place"] == 1.0
    assert le._cap_pattern("OTS") == "acronym"
    assert le._cap_pattern("Organization of Turkic States") == "title_with_small"
    assert le._cap_pattern("Embassy in budapest") == "has_lower"


def test_featurize_stacks_two_embeddings_and_the_prototype_cosines() -> None:
    d = _doc()
    pairs = [(c, d) for c in le.candidates(d)]
    feats, dense = le.featurize(pairs, stub_embed)
    assert len(feats) == 8 and dense.shape == (8, 8 + 8 + 5 + 1)
    assert np.allclose(dense[:, :8], stub_embed([c.label for c, _ in pairs]))


def test_decide_and_retype() -> None:
    assert le.decide([0.9, 0.49, 0.5], 0.5) == [True, False, True]
    probs = np.array([[0.1, 0.9], [0.4, 0.6], [0.95, 0.05]])
    assert le.retype(["City", "City", "City"], probs, ["City", "Venue"], 0.8) == ["Venue", "City", "City"]


def test_a_dropped_entity_takes_its_posts_participations_and_memberships_along() -> None:
    pred = _pred()
    out = le.apply(pred, {("Newly Appointed", "Person"), ("Foreign Ministry", "Organization")},
                   {("Gulustan Palace", "Organization"): "Venue"})
    assert [e["label"] for e in out["entities"]] == ["Ilham Aliyev", "Hakan Fidan", "Türkiye", "Baku",
                                                     "Gulustan Palace", "Organization of Turkic States",
                                                     "Aliyev meets Fidan"]
    assert next(e for e in out["entities"] if e["label"] == "Gulustan Palace")["type"] == "Venue"
    assert [p["person"] for p in out["posts"]] == ["Hakan Fidan"]
    assert out["events"][0]["participants"] == ["Ilham Aliyev", "Hakan Fidan"]
    assert [m["member"] for m in out["memberships"]] == ["Türkiye"]
    assert len(pred["posts"]) == 2                      # the input is left alone


def test_a_label_kept_under_another_type_keeps_its_facts() -> None:
    pred = {"entities": [{"label": "Baku", "type": "City", "offsets": [[0, 4]]},
                         {"label": "Baku", "type": "Venue", "offsets": [[10, 14]]}],
            "events": [{"participants": [], "city": "Baku"}],
            "memberships": [{"member": "Baku", "organization": "X", "status": "member"}]}
    out = le.apply(pred, {("Baku", "Venue")})
    assert [e["type"] for e in out["entities"]] == ["City"] and len(out["memberships"]) == 1


def test_the_cost_aware_bar_spares_entities_that_carry_facts() -> None:
    d = _doc()
    cands = le.candidates(d)
    assert le.facts_naming(d.pred, "Hakan Fidan") == 2 and le.facts_naming(d.pred, "Baku") == 0
    probs = le.Probs(np.array([0.9, 0.3, 0.9, 0.3, 0.9, 0.1, 0.9, 0.9]))
    drop, types = le.decisions(d, cands, probs, le.Options(threshold=0.5))
    assert drop == {("Hakan Fidan", "Person"), ("Baku", "City"), ("Newly Appointed", "Person")} and types == {}
    drop, _ = le.decisions(d, cands, probs, le.Options(threshold=0.5, cost=True))
    assert drop == {("Baku", "City"), ("Newly Appointed", "Person")}       # Fidan's bar is 0.5 / 3


def test_a_tiny_model_learns_and_predicts_through_lopo() -> None:
    docs = [le.Doc(f"a-{i}", f"P{i % 3}", TEXT, _pred(), GOLD) for i in range(6)]
    prep = le.prepare(docs, stub_embed)
    opt = le.Options(threshold=0.5, c=1.0, type_fix=True, type_threshold=0.5)
    probs = le.lopo_probs(docs, prep, opt)
    assert set(probs) == {f"now:a-{i}" for i in range(6)}
    fs = le.folds(docs, prep, probs, opt)
    rules, model = le.sums(fs)
    assert rules["entities"].tp == 6 * 5 and model["entities"].precision >= rules["entities"].precision
    assert any(line.startswith("| entities |") for line in le.table("t", 6, rules, model))
