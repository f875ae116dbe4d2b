"""``--scope all``: the world's missions import, build (with SHACL), and answer every library query.

One build of about 10,000 missions; it takes a minute or two on a small machine."""

from __future__ import annotations

from pathlib import Path

from graph.api import run_text
from graph.build import build
from graph.importers.world import world_project
from graph.library import load_library, render
from graph.settings import load_settings
from graph.store import OxigraphEngine

from .helpers import ROOT


def test_world_scope_builds_validates_and_answers_every_query(tmp_path: Path) -> None:
    root = world_project(ROOT, tmp_path / "world", scope="all")
    settings = load_settings(root=root, build_dir=tmp_path / "build")
    build(settings)  # raises on a syntax error or a SHACL violation
    engine = OxigraphEngine.from_build(settings)
    count = engine.query("""SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {
        ?m <https://w3id.org/turkic-kg/ontology#hostState> ?h }""").rows[0][0].value
    assert int(count) == 9792
    states = engine.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://w3id.org/turkic-kg/ontology#State> }")
    assert int(states.rows[0][0].value) == 221
    library = load_library(root / "queries")
    answered = {}
    for name, query in sorted(library.items()):
        result = run_text(engine, render(query), timeout=120)
        answered[name] = result.kind
    assert set(answered) == set(library) and len(answered) >= 30
