"""Shared fixtures: a build of the repository's data in a temporary folder, engines on it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.build import build
from graph.settings import Settings, load_settings
from graph.store import OxigraphEngine, RdflibEngine

ROOT = Path(__file__).resolve().parent.parent

# Tests that need a browser or a server must run in CI: never skip them there.
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def repo_settings() -> Settings:
    return load_settings(root=ROOT, build_dir=ROOT / "build")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The repository's ontology and data, built once per test session into a temporary folder."""
    settings = load_settings(root=ROOT, build_dir=tmp_path_factory.mktemp("build") / "build")
    build(settings)
    return settings


@pytest.fixture(scope="session")
def engine(built: Settings) -> OxigraphEngine:
    return OxigraphEngine.from_build(built)


@pytest.fixture(scope="session")
def rdflib_engine(built: Settings) -> RdflibEngine:
    return RdflibEngine.from_build(built)
