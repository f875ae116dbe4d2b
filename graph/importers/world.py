"""A project folder at a chosen scope of the embassies table, for the world-scale test and benchmark.

``world_project(src, dest, scope="all")`` copies ``ontology/``, ``queries/`` and ``data/`` of the
project at ``src`` to ``dest``, imports the table at ``scope`` into ``dest/data`` and regenerates the
names file, exactly as a researcher would with ``tkg import embassies --scope all`` and
``tkg import cldr-names``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..fileio import write_atomic
from .cldr import import_cldr_names
from .embassies import import_embassies

__all__ = ["TABLE", "world_project"]

#: The table as the project keeps it (relative to the project folder).
TABLE = Path("datasets") / "database-of-embassies" / "database_of_embassies.csv"


def world_project(src: Path, dest: Path, *, scope: str = "all") -> Path:
    for folder in ("ontology", "queries", "data"):
        shutil.copytree(src / folder, dest / folder)
    result = import_embassies(src / TABLE, dest / "data", scope=scope)
    write_atomic(dest / "data" / "database-of-embassies.trig", result.text)
    text, _ = import_cldr_names(dest / "data")
    write_atomic(dest / "data" / "cldr-names.trig", text)
    return dest
