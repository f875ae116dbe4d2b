"""The query library: every query has a header and an expected result, and gives it; the
data-quality queries return nothing."""

from __future__ import annotations

import pytest

from graph.api import run_text
from graph.library import load_library, render
from graph.settings import Settings
from graph.store import OxigraphEngine

from .expected import as_text, comparable, expected_path
from .helpers import ROOT

LIBRARY = load_library(ROOT / "queries")
QUESTIONS = sorted(n for n in LIBRARY if not n.startswith("qc_"))
CHECKS = sorted(n for n in LIBRARY if n.startswith("qc_"))


def test_library_size() -> None:
    assert len(QUESTIONS) >= 25
    assert CHECKS == ["qc_date_out_of_range", "qc_duplicate_label", "qc_event_without_date",
                      "qc_missing_english_label", "qc_nary_without_source", "qc_post_without_holder_or_role",
                      "qc_untyped_reference"]


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_header(name: str) -> None:
    q = LIBRARY[name]
    assert q.text.startswith("# title: ")
    assert q.title and q.description
    for p in q.params:
        assert f"${p.name}" in q.text, f"parameter {p.name} declared but not used"
        assert p.default is not None, "every library parameter has a default, so the query runs as is"


@pytest.mark.parametrize("name", QUESTIONS)
def test_query_gives_expected_result(name: str, engine: OxigraphEngine) -> None:
    q = LIBRARY[name]
    path = expected_path(q)
    assert path.is_file(), f"{name} has no expected result ({path.name}); run `python -m tests.expected`"
    got = as_text(run_text(engine, render(q)))
    want = path.read_text(encoding="utf-8")
    assert comparable(got, q) == comparable(want, q)


@pytest.mark.parametrize("name", QUESTIONS)
def test_query_is_not_empty(name: str, engine: OxigraphEngine) -> None:
    """Each competency question answers something on the curated data with its defaults."""
    q = LIBRARY[name]
    result = run_text(engine, render(q))
    if result.kind == "ask":  # an ASK answers "yes" with its defaults, as its expected file says
        assert result.boolean is True
        assert expected_path(q).read_text(encoding="utf-8") == "true\n"
    else:
        assert len(result) > 0


@pytest.mark.parametrize("name", CHECKS)
def test_quality_check_finds_nothing(name: str, engine: OxigraphEngine) -> None:
    result = run_text(engine, render(LIBRARY[name]))
    assert [tuple(t.value if t is not None else None for t in row) for row in result.rows] == []


@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")  # rdflib's own calls
@pytest.mark.filterwarnings("ignore:Dataset.contexts is deprecated:DeprecationWarning")
@pytest.mark.parametrize("engine_name", ["oxigraph", "rdflib"])
def test_quality_checks_catch_planted_problems(built: Settings, engine_name: str) -> None:
    """Each check finds the problem it is written for, on the embedded engine and on rdflib (the
    reshaped checks give the same rows on both)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(built.dataset_path), format=ox.RdfFormat.N_QUADS)
    g = ox.NamedNode("https://w3id.org/turkic-kg/id/graph/planted")
    T = "https://w3id.org/turkic-kg/ontology#"
    ID = "https://w3id.org/turkic-kg/id/"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    pref = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    xsd_date = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    planted = [
        ox.Quad(ox.NamedNode(ID + "person/no-label"), rdf_type, ox.NamedNode(T + "Person"), g),
        ox.Quad(ox.NamedNode(ID + "event/no-date"), rdf_type, ox.NamedNode(T + "Event"), g),
        ox.Quad(ox.NamedNode(ID + "event/no-date"), pref, ox.Literal("No date", language="en"), g),
        ox.Quad(ox.NamedNode(ID + "post/empty"), rdf_type, ox.NamedNode(T + "Post"), g),
        ox.Quad(ox.NamedNode(ID + "post/empty"), pref, ox.Literal("Empty post", language="en"), g),
        ox.Quad(ox.NamedNode(ID + "tenure/unsourced"), rdf_type, ox.NamedNode(T + "Tenure"), g),
        ox.Quad(ox.NamedNode(ID + "city/vienna-2"), rdf_type, ox.NamedNode(T + "City"), g),
        ox.Quad(ox.NamedNode(ID + "city/vienna-2"), pref, ox.Literal("Vienna", language="en"), g),
        ox.Quad(ox.NamedNode(ID + "event/no-date"), ox.NamedNode("https://schema.org/location"),
                ox.NamedNode(ID + "venue/typo"), g),
        ox.Quad(ox.NamedNode(ID + "event/no-date"), ox.NamedNode("https://schema.org/endDate"),
                ox.Literal("1889-01-01", datatype=xsd_date), g),
    ]
    store.extend(planted)
    if engine_name == "rdflib":
        from graph.store import RdflibEngine

        planted_engine: OxigraphEngine | RdflibEngine = RdflibEngine.from_store(store)
    else:
        planted_engine = OxigraphEngine(store)
    found = {name: {row[0].value.rsplit("/", 1)[-1] for row in run_text(planted_engine, render(LIBRARY[name])).rows}
             for name in CHECKS}
    assert found == {
        "qc_date_out_of_range": {"no-date"},
        "qc_duplicate_label": {"vienna"},
        "qc_event_without_date": {"no-date"},
        "qc_missing_english_label": {"no-label"},
        "qc_nary_without_source": {"unsourced"},
        "qc_post_without_holder_or_role": {"empty"},
        "qc_untyped_reference": {"typo"},
    }
