"""benchmarks/learned_posts.py (the gl8 experiment): title spans, candidates, features and a tiny model,
on sentences of our own."""

from __future__ import annotations

from typing import Any

from .helpers import mention_entities
from .test_agreement import _load

lp = _load("learned_posts")


def _doc(text: str, ents: list[tuple[str, str]], *, publisher: str = "P", posts: list[dict[str, Any]] | None = None,
         gold_posts: list[dict[str, Any]] | None = None, id_: str = "a") -> Any:
    return lp.Doc(id_, publisher, text, {"entities": mention_entities(text, ents), "posts": posts or []},
                  {"entities": [{"label": lab, "type": k} for lab, k in ents], "posts": gold_posts or []})


S1 = "Kazakh Ambassador Yerlan Bekov met Deputy Minister of Foreign Affairs of Azerbaijan Elnur Mammadov in Baku."
E1 = [("Yerlan Bekov", "Person"), ("Azerbaijan", "State"), ("Elnur Mammadov", "Person"), ("Baku", "City")]
S2 = ("Türkiye's new ambassador to Hungary Ali Veli spoke with the Governor-General of the Commonwealth of "
      "Australia, David Hurley.")
E2 = [("Türkiye", "State"), ("Hungary", "State"), ("Ali Veli", "Person"), ("David Hurley", "Person")]


def test_title_spans_take_modifiers_and_split_the_owner_off_a_tail() -> None:
    d = _doc(S1, E1)
    spans = lp.title_spans(d.text, (0, len(S1)), d.mentions)
    assert [(S1[t.span[0]:t.span[1]], t.title, t.head, t.of, t.to, t.owner_by) for t in spans] == [
        ("Ambassador", "Ambassador", "ambassador", "Kazakhstan", None, "before"),
        ("Deputy Minister of Foreign Affairs of Azerbaijan", "Deputy Minister of Foreign Affairs", "minister",
         "Azerbaijan", None, "tail")]


def test_title_spans_skip_tenure_words_read_to_and_stop_at_a_person() -> None:
    d = _doc(S2, E2)
    spans = lp.title_spans(d.text, (0, len(S2)), d.mentions)
    assert [(t.title, t.of, t.to, t.owner_by) for t in spans] == [
        ("Ambassador", "Türkiye", "Hungary", "before"),
        ("Governor-General of the Commonwealth of Australia", None, None, "none")]


def test_candidates_pair_each_postless_person_with_each_title_of_its_sentence() -> None:
    d = _doc(S1, E1, posts=[{"person": "Elnur Mammadov", "title": "Deputy Minister of Foreign Affairs",
                             "of": "Azerbaijan", "to": None, "offsets": [35, 98]}])
    assert [(c.person, c.tspan.title) for c in lp.candidates(d)] == [
        ("Yerlan Bekov", "Ambassador"), ("Yerlan Bekov", "Deputy Minister of Foreign Affairs")]
    assert [(c.person, c.tspan.title) for c in lp.candidates(d, every_person=True)] == [
        ("Yerlan Bekov", "Ambassador"), ("Yerlan Bekov", "Deputy Minister of Foreign Affairs"),
        ("Elnur Mammadov", "Ambassador"), ("Elnur Mammadov", "Deputy Minister of Foreign Affairs")]


def test_features_of_an_adjacent_title_and_of_a_rival_s_title() -> None:
    d = _doc(S1, E1, posts=[{"person": "Elnur Mammadov", "title": "Deputy Minister of Foreign Affairs",
                             "of": "Azerbaijan", "to": None, "offsets": [35, 98]}])
    near, far = lp.candidates(d)
    assert lp.features(near, d) == {
        "order": "title_first", "head": "ambassador", "owner_by": "before", "gap_tokens": "0", "commas": "0",
        "has_to": 0.0, "title_cap": 1.0, "of_in_title": 0.0, "title_words": "1", "between": "", "paren": 0.0,
        "dash": 0.0, "semicolon": 0.0, "person_between": 0.0, "rival_adjacent": 0.0, "nearest": 1.0,
        "prev": "kazakh", "after_person": "met", "in_rival_post": 0.0, "state_in_sentence": 1.0,
        "person_first_in_sentence": 0.0, "plural": 0.0, "postless": 1.0}
    f = lp.features(far, d)
    assert (f["order"], f["between"], f["bw:met"], f["rival_adjacent"], f["nearest"], f["in_rival_post"]) == (
        "person_first", "met", 1.0, 1.0, 0.0, 1.0)
    assert lp.choose_of(near, d) == "Kazakhstan" and lp.choose_of(far, d) == "Azerbaijan"


def test_labels_come_from_the_gold_post_of_that_person_with_that_title() -> None:
    d = _doc(S1, E1, gold_posts=[{"person": "Yerlan Bekov", "title": "Ambassador", "of": "Kazakhstan", "to": None},
                                 {"person": "Elnur Mammadov", "title": "Deputy Foreign Minister",
                                  "of": "Azerbaijan", "to": None}])
    cands = lp.candidates(d)
    assert [(c.person, c.tspan.title, y) for c, y in zip(cands, lp.labels(cands, d))] == [
        ("Yerlan Bekov", "Ambassador", 1), ("Yerlan Bekov", "Deputy Minister of Foreign Affairs", 0),
        ("Elnur Mammadov", "Ambassador", 0), ("Elnur Mammadov", "Deputy Minister of Foreign Affairs", 1)]
    assert lp.reach(d) == (2, 2)


def test_a_tiny_model_links_the_adjacent_title_and_adds_the_post() -> None:
    train = []
    for i, (state, name) in enumerate([("Kazakh", "Aidar Ospan"), ("Uzbek", "Bobur Karimov"),
                                       ("Turkish", "Cem Yilmaz"), ("Kyrgyz", "Daniyar Asanov")]):
        other = f"Murat Bey{'x' * i}"
        text = f"{state} Ambassador {name} met Minister of Culture {other} in the capital."
        d = _doc(text, [(name, "Person"), (other, "Person")],
                 gold_posts=[{"person": name, "title": "Ambassador", "of": None, "to": None},
                             {"person": other, "title": "Minister of Culture", "of": None, "to": None}])
        train += lp.labelled(d)
    assert sorted(y for _, y in train) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]
    model = lp.train(train)
    new = _doc("Turkmen Ambassador Serdar Amanov met Minister of Culture Ayna Berdiyeva in the capital.",
               [("Serdar Amanov", "Person"), ("Ayna Berdiyeva", "Person")])
    added = lp.predict_posts(model, new, threshold=0.5)
    assert [(p["person"], p["title"], p["of"], p["to"]) for p in added] == [
        ("Serdar Amanov", "Ambassador", "Turkmenistan", None), ("Ayna Berdiyeva", "Minister of Culture", None, None)]


def test_a_plural_head_is_marked() -> None:
    d = _doc("The delegation heads and Ali Veli attended.", [("Ali Veli", "Person")])
    (c,) = lp.candidates(d)
    assert (c.tspan.title, lp.features(c, d)["plural"]) == ("Heads", 1.0)   # "delegation": no modifier word
