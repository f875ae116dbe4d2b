"""Helpers for tests: small projects in temporary folders, running the CLI in-process."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from graph.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_FILE = "qazinform-2026-01-15-ots-diaspora-training.trig"


def small_project(tmp: Path, *extra: Path) -> Path:
    """A project with the real ontology and the seed's data file only (plus ``extra`` data files)."""
    root = tmp / "project"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    (root / "data").mkdir(parents=True)
    shutil.copy(ROOT / "data" / SEED_FILE, root / "data" / SEED_FILE)
    shutil.copytree(ROOT / "queries", root / "queries")
    for path in extra:
        shutil.copy(path, root / "data" / path.name)
    return root


def tkg(*args: str) -> Result:
    """Run ``tkg ARGS`` in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def mention_entities(text: str, ents: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Entities in the gold format with the offsets of every occurrence of their label in ``text``
    (the rules' output as the learned-layer experiments read it)."""
    out = []
    for label, kind in ents:
        offsets, at = [], text.find(label)
        while at >= 0:
            offsets.append([at, at + len(label)])
            at = text.find(label, at + 1)
        out.append({"label": label, "type": kind, "offsets": offsets})
    return out
