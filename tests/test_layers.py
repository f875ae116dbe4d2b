"""Import layers: no module of ``graph/`` imports a module of a higher layer.

The layers are data: the module table of ``docs/architecture.md`` (columns module, layer, concern).
Every module needs its own row there; a new module without one fails here with a message that says
what to add. Imports are read with :mod:`ast` (also those inside functions), not by importing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .helpers import ROOT

DOC = ROOT / "docs" / "architecture.md"
_ROW = re.compile(r"^\|\s*`(graph/[^`]+\.py)`\s*\|\s*(\d+)\s*\|(.*)\|\s*$")


def read_layers(doc: Path) -> dict[str, tuple[int, str]]:
    """``{"graph/x.py": (layer, concern)}`` from the module table of the architecture document."""
    out: dict[str, tuple[int, str]] = {}
    for line in doc.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if m:
            out[m.group(1)] = (int(m.group(2)), m.group(3).strip())
    return out


def _module_file(root: Path, dotted: str) -> str | None:
    """The file of a dotted module name under ``root`` (the folder holding ``graph/``), or None."""
    path = root.joinpath(*dotted.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate.relative_to(root).as_posix()
    return None


def imports_of(root: Path, rel: str) -> list[tuple[int, str]]:
    """(line, file) of every module of the package that ``rel`` imports."""
    path = root / rel
    parts = rel[:-3].split("/")
    package = parts[:-1]  # what `from .` means, in a module and in an __init__.py alike
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            # `from X import name`: name is a module when X/name.py exists, else an attribute of X
            targets = [f"{module}.{a.name}" if _module_file(root, f"{module}.{a.name}") else module
                       for a in node.names]
        for target in targets:
            if target.split(".")[0] == parts[0]:
                file = _module_file(root, target)
                if file is not None and file != rel:
                    found.append((node.lineno, file))
    return found


def layer_problems(root: Path, layers: dict[str, tuple[int, str]]) -> list[str]:
    """Every module without a row, every row without a module, every import of a higher layer."""
    files = sorted(p.relative_to(root).as_posix() for p in (root / "graph").rglob("*.py"))
    problems = [f"{f} has no row in docs/architecture.md's module table: add "
                f"`| \\`{f}\\` | LAYER | its concern |` with the lowest layer (0-4, described there) "
                f"above every module it imports" for f in files if f not in layers]
    problems += [f"docs/architecture.md lists {f}, which does not exist: remove or rename its row"
                 for f in sorted(set(layers) - set(files))]
    for f in files:
        if f not in layers:
            continue
        for line, target in imports_of(root, f):
            if target in layers and layers[target][0] > layers[f][0]:
                problems.append(f"{f}:{line} (layer {layers[f][0]}) imports {target} (layer {layers[target][0]}): "
                                f"a module may import only modules of its own layer or lower ones")
    return problems


def test_every_module_has_a_row_with_a_concern() -> None:
    layers = read_layers(DOC)
    assert len(layers) > 40  # the table was found and read
    assert [f for f, (_layer, concern) in layers.items() if not concern] == []
    assert {layer for layer, _ in layers.values()} == {0, 1, 2, 3, 4}


def test_no_module_imports_a_higher_layer() -> None:
    problems = layer_problems(ROOT, read_layers(DOC))
    assert problems == [], "\n".join(problems)


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def test_checker_finds_an_upward_import_and_a_missing_row(tmp_path: Path) -> None:
    """The positive control: a planted violation of each kind is reported, with its place."""
    root = _package(tmp_path, {
        "graph/__init__.py": "",
        "graph/low.py": "import os\n\ndef f():\n    from .high import g\n",
        "graph/high.py": "from . import low\nfrom graph.sub import thing\n",
        "graph/sub/__init__.py": "from .thing import x\n",
        "graph/sub/thing.py": "from ..low import f\nx = 1\n",
        "graph/new.py": "",
    })
    layers = {"graph/__init__.py": (4, "c"), "graph/low.py": (0, "c"), "graph/high.py": (3, "c"),
              "graph/sub/__init__.py": (3, "c"), "graph/sub/thing.py": (3, "c"), "graph/gone.py": (1, "c")}
    assert imports_of(root, "graph/high.py") == [(1, "graph/low.py"), (2, "graph/sub/thing.py")]
    assert imports_of(root, "graph/sub/thing.py") == [(1, "graph/low.py")]
    assert layer_problems(root, layers) == [
        "graph/new.py has no row in docs/architecture.md's module table: add `| \\`graph/new.py\\` | LAYER | its "
        "concern |` with the lowest layer (0-4, described there) above every module it imports",
        "docs/architecture.md lists graph/gone.py, which does not exist: remove or rename its row",
        "graph/low.py:4 (layer 0) imports graph/high.py (layer 3): a module may import only modules of its own "
        "layer or lower ones",
    ]


@pytest.mark.parametrize("rel, expected", [
    ("graph/api.py", {"graph/errors.py", "graph/library.py", "graph/names.py", "graph/results.py",
                      "graph/settings.py", "graph/store.py"}),
    ("graph/cli/__main__.py", {"graph/cli/__init__.py"}),
])
def test_imports_are_resolved_to_files(rel: str, expected: set[str]) -> None:
    assert {f for _line, f in imports_of(ROOT, rel)} == expected
