"""The store-centric build gives exactly what the list-based build gave.

The reference is the former pipeline, kept here: every quad read into one list
(:func:`graph.load.read_sources`), inferred by :func:`graph.infer.infer`, validated by
:func:`graph.validate.validate_quads`, and written sorted by ``(graph, subject, predicate, object)``
as text. The build now parses file by file into a store, infers and validates there, and writes the
dataset by an external merge sort; it must give the same bytes, counts and violations.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build import build, check, write_nquads
from graph.build_sort import SortedNQuads
from graph.errors import ValidationError
from graph.infer import infer
from graph.load import SHAPES_FILE, read_sources
from graph.settings import Settings, load_settings
from graph.validate import load_shapes, validate_quads

from .helpers import FIXTURES, ROOT, small_project

BLANK = """@prefix tkg: <https://w3id.org/turkic-kg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/turkic-kg/id/graph/blank-test> {
  <https://w3id.org/turkic-kg/id/org/ots> tkg:nameUsage [ a tkg:NameUsage ; tkg:name "Turkic Council"@en ] .
}
"""


def _reference_bytes(quads: list[ox.Quad]) -> bytes:
    """The former ``write_nquads``: the distinct quads sorted by their terms' text."""
    unique = sorted(set(quads), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return ox.serialize(unique, format=ox.RdfFormat.N_QUADS)


def _reference(settings: Settings) -> tuple[list[ox.Quad], list[ox.Quad], object, object]:
    sources = read_sources(settings.ontology_dir, settings.data_dir, root=settings.root)
    return sources.quads, infer(sources.quads), sources, load_shapes(settings.ontology_dir / SHAPES_FILE)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path, FIXTURES / "diplomacy_sample.trig")


def test_the_dataset_has_the_bytes_of_the_list_based_build(project: Path) -> None:
    settings = load_settings(root=project)
    quads, inferred, _, _ = _reference(settings)
    result = build(settings)
    assert (project / "build" / "dataset.nq").read_bytes() == _reference_bytes([*quads, *inferred])
    assert (result.asserted, result.inferred, result.graphs) == (
        len(set(quads)), len(inferred), len({q.graph_name for q in [*quads, *inferred]}))


@pytest.mark.parametrize("run_lines", [1, 7, 1000, 10**9])
def test_merged_runs_give_the_same_bytes_as_one_sort(tmp_path: Path, run_lines: int) -> None:
    # the curated data: every file, blank nodes and non-canonical literals ("205.0"^^xsd:decimal) included
    settings = load_settings(root=ROOT)
    sources = read_sources(settings.ontology_dir, settings.data_dir, root=settings.root)
    quads = sources.quads if run_lines > 1 else sources.quads[:3000]
    runs = SortedNQuads(tmp_path / "runs", run_lines=run_lines)
    for start in range(0, len(quads), 500):  # in batches, duplicates across batches included
        runs.add_quads(quads[start:start + 500])
    runs.add_quads(quads[:800])
    written = write_nquads(runs, tmp_path / "out.nq")
    expected = _reference_bytes(quads)
    assert (tmp_path / "out.nq").read_bytes() == expected
    assert written == expected.count(b"\n")
    assert not (tmp_path / "runs").exists()
    write_nquads(iter(quads), tmp_path / "from-quads.nq")
    assert (tmp_path / "from-quads.nq").read_bytes() == expected


@pytest.mark.parametrize("engine", ["pyshacl", "sparql"])
def test_the_same_violations_as_the_list_based_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     engine: str) -> None:
    project = small_project(tmp_path, FIXTURES / "violation.trig", FIXTURES / "inference_sample.trig")
    if engine == "sparql":  # as for a build over the pySHACL limit
        monkeypatch.setattr("graph.build_check.PYSHACL_MAX_QUADS", 0)
        monkeypatch.setattr("graph.validate.PYSHACL_MAX_QUADS", 0)
    settings = load_settings(root=project)
    quads, inferred, sources, shapes = _reference(settings)
    expected = validate_quads([*quads, *inferred], shapes, sources, engine=engine)
    checked = check(settings)
    assert checked.violations == expected
    assert checked.errors and all(v.files for v in checked.errors)
    assert (checked.asserted, checked.inferred) == (len(set(quads)), len(inferred))
    assert checked.sources.quads == []  # the check keeps no list of the quads


def test_the_store_union_matches_its_graphs_blank_nodes_included(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    (project / "data" / "blank-test.trig").write_text(BLANK, encoding="utf-8")
    build(load_settings(root=project))
    store = ox.Store.read_only(str(project / "build" / "store"))
    named = {q.triple for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}
    default = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert default == named
    assert any(isinstance(t.object, ox.BlankNode) for t in default)
    lines = (project / "build" / "dataset.nq").read_bytes().count(b"\n")
    assert len(store) - len(default) == lines


def test_the_build_closes_its_store_before_it_returns(project: Path) -> None:
    # RocksDB refuses a second writer, in the same process too: opening it proves the build let go
    # (a store left open kept compacting into the swapped folder)
    build(load_settings(root=project))
    store = ox.Store(str(project / "build" / "store"))
    assert len(store) > 0


@pytest.mark.parametrize("engine", ["pyshacl", "sparql"])
def test_a_failed_build_names_the_same_violations_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str) -> None:
    # the build keeps the named graphs in its on-disk store: the files of each violation come from there
    project = small_project(tmp_path, FIXTURES / "violation.trig", FIXTURES / "inference_sample.trig")
    if engine == "sparql":
        monkeypatch.setattr("graph.build_check.PYSHACL_MAX_QUADS", 0)
        monkeypatch.setattr("graph.validate.PYSHACL_MAX_QUADS", 0)
    settings = load_settings(root=project)
    quads, inferred, sources, shapes = _reference(settings)
    expected = [v for v in validate_quads([*quads, *inferred], shapes, sources, engine=engine)
                if v.severity == "Violation"]
    with pytest.raises(ValidationError) as raised:
        build(settings)
    assert raised.value.violations == expected
    assert {v.files for v in expected} == {("data/violation.trig",), ("data/inference_sample.trig",)}
    assert sorted(p.name for p in project.iterdir()) == [".build.lock", "data", "ontology", "queries"]
