"""tkg build / validate / export / stats: outcomes, errors with positions, atomicity."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build import build, check
from graph.errors import ParseError, ValidationError
from graph.settings import load_settings

from .helpers import FIXTURES, SEED_FILE, small_project, tkg


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path)


def test_build_writes_dataset_store_and_manifest(project: Path) -> None:
    result = tkg("--root", str(project), "build")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"built {project / 'build'}: 4 files, 3 graphs, ")
    dataset = project / "build" / "dataset.nq"
    graphs = {q.graph_name.value for q in ox.parse(path=str(dataset), format=ox.RdfFormat.N_QUADS)}
    assert graphs == {
        "https://w3id.org/turkic-kg/id/graph/ontology",
        "https://w3id.org/turkic-kg/id/graph/inferred",
        "https://w3id.org/turkic-kg/id/graph/qazinform-2026-01-15-ots-diaspora-training",
    }
    store = ox.Store.read_only(str(project / "build" / "store"))
    with dataset.open("rb") as fh:
        lines = sum(1 for _ in fh)
    named = list(store.quads_for_pattern(None, None, None, None))
    in_default = [q for q in named if isinstance(q.graph_name, ox.DefaultGraph)]
    assert len(named) - len(in_default) == lines
    # the default graph is the set union of the named graphs
    assert {q.triple for q in in_default} == {q.triple for q in named if not isinstance(q.graph_name, ox.DefaultGraph)}


def test_build_is_deterministic_and_idempotent(project: Path) -> None:
    settings = load_settings(root=project)
    build(settings)
    first = (project / "build" / "dataset.nq").read_bytes()
    build(settings)
    assert (project / "build" / "dataset.nq").read_bytes() == first
    assert sorted(p.name for p in project.iterdir()) == [".build.lock", "build", "data", "ontology", "queries"]


def test_validate_passes_on_seed(project: Path) -> None:
    result = tkg("--root", str(project), "validate")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("valid: 4 files, ")


def test_malformed_trig_names_file_line_column_and_changes_nothing(project: Path) -> None:
    assert tkg("--root", str(project), "build").exit_code == 0
    before = _digest(project / "build")
    shutil.copy(FIXTURES / "broken_syntax.trig", project / "data" / "broken_syntax.trig")
    for command in ("build", "validate"):
        result = tkg("--root", str(project), command)
        assert result.exit_code == 2
        assert result.stderr == ("tkg: error: data/broken_syntax.trig:9:7: "
                                 "A '}' or a '.' is expected at the end of a graph block\n")
    assert _digest(project / "build") == before


def test_parse_error_carries_position(project: Path) -> None:
    shutil.copy(FIXTURES / "broken_syntax.trig", project / "data" / "broken_syntax.trig")
    with pytest.raises(ParseError) as info:
        check(load_settings(root=project))
    assert (info.value.path, info.value.line, info.value.column) == ("data/broken_syntax.trig", 9, 7)


def test_shacl_violation_names_entity_rule_and_file(project: Path) -> None:
    assert tkg("--root", str(project), "build").exit_code == 0
    before = _digest(project / "build")
    shutil.copy(FIXTURES / "violation.trig", project / "data" / "violation.trig")
    result = tkg("--root", str(project), "validate")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "data/violation.trig: https://w3id.org/turkic-kg/id/event/undated-meeting schema:startDate: "
        "an event needs exactly one schema:startDate as xsd:date [shape:EventShape sh:MinCountConstraintComponent]",
        "data/violation.trig: https://w3id.org/turkic-kg/id/tenure/kubanychbek-omuraliev--secretary-general-ots-unsourced "
        "prov:wasDerivedFrom: a tenure needs a source (prov:wasDerivedFrom a tkg:Source) "
        "[shape:TenureShape sh:MinCountConstraintComponent]",
    ]
    assert result.stderr.startswith("tkg: error: 2 SHACL violation(s): data/violation.trig: ")
    build_result = tkg("--root", str(project), "build")
    assert build_result.exit_code == 1
    assert _digest(project / "build") == before


def test_build_raises_validation_error_with_records(project: Path) -> None:
    shutil.copy(FIXTURES / "violation.trig", project / "data" / "violation.trig")
    with pytest.raises(ValidationError) as info:
        build(load_settings(root=project))
    assert [(v.focus.rsplit("/", 1)[-1], v.path, v.files) for v in info.value.violations] == [
        ("undated-meeting", "schema:startDate", ("data/violation.trig",)),
        ("kubanychbek-omuraliev--secretary-general-ots-unsourced", "prov:wasDerivedFrom", ("data/violation.trig",)),
    ]
    assert not (project / "build").exists()


def test_statement_outside_named_graph_is_refused(project: Path) -> None:
    shutil.copy(FIXTURES / "outside_graph.trig", project / "data" / "outside_graph.trig")
    result = tkg("--root", str(project), "build")
    assert result.exit_code == 2
    assert result.stderr.startswith("tkg: error: data/outside_graph.trig: a statement lies outside any named graph")


def test_graph_defined_in_two_files_is_refused(project: Path) -> None:
    shutil.copy(project / "data" / SEED_FILE, project / "data" / "copy.trig")
    result = tkg("--root", str(project), "validate")
    assert result.exit_code == 2
    assert "is also defined in data/" in result.stderr


@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle", "ntriples", "jsonld", "xml"])
def test_export_round_trips(project: Path, fmt: str) -> None:
    assert tkg("--root", str(project), "build").exit_code == 0
    out = project / f"export.{fmt}"
    result = tkg("--root", str(project), "export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    rdf_format = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
                  "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                  "xml": ox.RdfFormat.RDF_XML}[fmt]
    back = list(ox.parse(path=str(out), format=rdf_format))
    built = list(ox.parse(path=str(project / "build" / "dataset.nq"), format=ox.RdfFormat.N_QUADS))
    if fmt in ("trig", "nquads", "jsonld"):
        assert set(back) == set(built)
    else:
        assert {q.triple for q in back} == {q.triple for q in built}


def test_export_without_build_is_a_clear_error(project: Path) -> None:
    result = tkg("--root", str(project), "export")
    assert result.exit_code == 2
    assert result.stderr == f"tkg: error: {project / 'build' / 'dataset.nq'}: no built dataset; run `tkg build` first\n"


def test_stats_prints_classes_sources_languages(project: Path) -> None:
    assert tkg("--root", str(project), "build").exit_code == 0
    result = tkg("--root", str(project), "stats")
    assert result.exit_code == 0, result.output
    lines = [line.split() for line in result.stdout.splitlines()]
    assert ["persons", "with", "a", "post", "5"] in lines
    assert ["Tenure", "6"] in lines
    assert ["Participation", "6"] in lines
    assert ["en", "84"] in lines
    assert any(row[:2] == ["qazinform-2026-01-15-ots-diaspora-training", "2026-01-15"] for row in lines)
