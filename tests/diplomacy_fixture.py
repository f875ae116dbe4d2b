"""The diplomacy test fixture built as a small project: ``tests/fixtures/diplomacy_sample.trig`` with the
repository's ontology (and the contract's mission classes from ``tests/fixtures/diplomacy_classes.ttl``
while the ontology lacks them), built once per test module into a temporary folder."""

from __future__ import annotations

import shutil

import pytest

from graph.build import build
from graph.settings import Settings, load_settings
from graph.store import OxigraphEngine, RdflibEngine

from .helpers import FIXTURES, ROOT

SAMPLE = FIXTURES / "diplomacy_sample.trig"
CLASSES = FIXTURES / "diplomacy_classes.ttl"


def build_fixture(tmp) -> Settings:  # type: ignore[no-untyped-def]
    root = tmp / "diplomacy-project"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    if "HighCommission" not in (ROOT / "ontology" / "turkic-kg.ttl").read_text(encoding="utf-8"):
        shutil.copy(CLASSES, root / "ontology" / CLASSES.name)
    (root / "data").mkdir()
    shutil.copy(SAMPLE, root / "data" / SAMPLE.name)
    shutil.copytree(ROOT / "queries", root / "queries")
    settings = load_settings(root=root, build_dir=root / "build")
    build(settings)
    return settings


@pytest.fixture(scope="module")
def diplo_built(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return build_fixture(tmp_path_factory.mktemp("diplo"))


@pytest.fixture(scope="module")
def diplo_engine(diplo_built: Settings) -> OxigraphEngine:
    return OxigraphEngine.from_build(diplo_built)


@pytest.fixture(scope="module")
def diplo_rdflib(diplo_built: Settings) -> RdflibEngine:
    return RdflibEngine.from_build(diplo_built)
