"""`tkg` starts fast: the CLI imports no heavy module until a command needs it (#13: a 10M build
answers a simple query in under 2 s from process start, so imports must stay small)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["graph.ingest.rules", "graph.ingest.pipeline", "pyvis", "IPython", "networkx", "pyshacl", "matplotlib"]


def test_the_cli_imports_no_heavy_module_at_start() -> None:
    code = ("import json, sys, graph.cli; "
            f"print(json.dumps(sorted(n for n in {HEAVY!r} if n in sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout) == []
