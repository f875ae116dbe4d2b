"""benchmarks/learned_entities.py (the gen10 experiment): candidates, labels from the scorer, features,
the keep/drop and retype decisions and what a drop takes along, on texts of our own with a stub embedder
(no torch, no model)."""

from __future__ import annotations

import hashlib
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


def stub_embed(texts: list[str]) -> np.ndarray:
    """A deterministic 8-d "embedding" of each text (from its hash), unit length."""
    rows = [np.frombuffer(hashlib.sha256(t.encode("utf-8")).digest()[:8], dtype=np.uint8).astype(float) + 1
            for t in texts]
    m = np.array(rows)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


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


# ------------------------------------------------------------------------------ learned_posts_emb.py

lpe = _load("learned_posts_emb")
lp = lpe.lp


def _post_doc(i: int, state: str, name: str, other: str, pub: str) -> Any:
    text = f"{state} Ambassador {name} met Governor-General {other} in the capital."
    ents = [(name, "Person"), (other, "Person")]
    entities = [{"label": lab, "type": k, "offsets": [[text.find(lab), text.find(lab) + len(lab)]]} for lab, k in ents]
    gold = {"entities": [{"label": lab, "type": k} for lab, k in ents],
            "posts": [{"person": name, "title": "Ambassador", "of": None, "to": None},
                      {"person": other, "title": "Governor-General", "of": None, "to": None}]}
    return lp.Doc(f"d{i}", pub, text, {"entities": entities, "posts": []}, gold)


def test_title_extras_embed_the_title_and_measure_it_against_known_titles() -> None:
    (x, y) = lpe.title_extras(["Ambassador", "Governor-General"], ["Ambassador"], stub_embed, scale=2.0)
    assert len([k for k in x if k.startswith("te")]) == 8
    assert abs(sum(v * v for k, v in x.items() if k.startswith("te")) - 4.0) < 1e-9     # a unit vector times 2
    assert abs(x["near_known"] - 1.0) < 1e-9 and y["near_known"] < 1.0
    assert lpe.title_extras([], ["Ambassador"], stub_embed, scale=1.0) == []
    assert lpe.title_extras(["Ambassador"], [], stub_embed, scale=1.0)[0]["near_known"] == 0.0


def test_with_extras_adds_each_candidate_s_extras_before_the_model_sees_it() -> None:
    seen: list[list[dict[str, Any]]] = []

    class Model:
        def predict_proba(self, feats: list[dict[str, Any]]) -> np.ndarray:
            seen.append(feats)
            return np.array([[0.5, 0.5]] * len(feats))

    w = lpe.WithExtras(Model(), [{"near_known": 0.3}, {"near_known": 0.9}])
    assert w.predict_proba([{"a": 1.0}, {"b": 1.0}]).shape == (2, 2)
    assert seen == [[{"a": 1.0, "near_known": 0.3}, {"b": 1.0, "near_known": 0.9}]]


def test_posts_lopo_with_and_without_the_title_embedding() -> None:
    docs = [_post_doc(i, s, n, o, f"P{i % 2}") for i, (s, n, o) in enumerate(
        [("Kazakh", "Aidar Ospan", "Ann Lee"), ("Uzbek", "Bobur Karimov", "Bob Ray"),
         ("Turkish", "Cem Yilmaz", "Cal Fox"), ("Kyrgyz", "Daniyar Asanov", "Dan Hart")])]
    assert lpe.gold_titles(docs) == ["Ambassador", "Governor-General"]
    for embed in (None, stub_embed):
        folds = lpe.lopo(docs, embed, threshold=0.5, scale=4.0)
        rules, model = lp.sums(folds)
        assert len(folds) == 4 and rules["posts"].tp == 0 and model["posts"].tp >= 4
