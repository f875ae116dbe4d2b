"""The index page of the views folder: every view written there, and the query library.

The folder keeps a small manifest, ``views.json``, of the views written into it (file, title, kind,
counts), so that writing one more view keeps the others listed; entries whose file is gone are
dropped. The page is rendered from ``graph/templates/index.html`` with autoescaping on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from ..fileio import write_atomic
from ..library import LibraryQuery
from .html import TEMPLATE_DIR

__all__ = ["ViewEntry", "MANIFEST", "INDEX", "read_manifest", "record_views", "index_html", "write_index"]

MANIFEST = "views.json"
INDEX = "index.html"
_KIND_ORDER = {"overview": 0, "entity": 1, "path": 2, "query": 3}


@dataclass(frozen=True)
class ViewEntry:
    file: str
    title: str
    kind: str
    nodes: int
    edges: int


def read_manifest(views_dir: Path) -> list[ViewEntry]:
    """The views recorded in the folder whose files still exist."""
    path = views_dir / MANIFEST
    if not path.is_file():
        return []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        entries = [ViewEntry(**item) for item in raw.get("views", [])]
    except (ValueError, TypeError):
        return []
    return [e for e in entries if (views_dir / e.file).is_file()]


def record_views(views_dir: Path, new: Sequence[ViewEntry]) -> list[ViewEntry]:
    """Add (or replace, by file name) entries in the folder's manifest; returns all entries, sorted."""
    by_file = {e.file: e for e in read_manifest(views_dir)}
    by_file.update({e.file: e for e in new})
    entries = sorted(by_file.values(), key=lambda e: (_KIND_ORDER.get(e.kind, 9), e.title.casefold(), e.file))
    write_atomic(views_dir / MANIFEST, json.dumps({"views": [asdict(e) for e in entries]}, indent=1,
                                                  ensure_ascii=False) + "\n")
    return entries


def index_html(entries: Sequence[ViewEntry], queries: Mapping[str, LibraryQuery], *, views_dir: Path) -> str:
    """The index page: links to the views, then the query library (title, description, parameters,
    the text, a link to the file and to its view when one was written)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True)
    query_views = {e.file[len("query-"):-len(".html")]: e.file for e in entries if e.kind == "query"}
    items = []
    for name, q in sorted(queries.items()):
        items.append({
            "name": name, "title": q.title or name, "description": q.description, "kind": q.kind,
            "params": [f"{p.name} ({p.type})" + (f" = {p.default}" if p.default else "") for p in q.params],
            "href": Path(os.path.relpath(q.path.resolve(), views_dir.resolve())).as_posix(),
            "view": query_views.get(name), "text": q.text, "qc": name.startswith("qc_"),
        })
    return env.get_template(INDEX).render(entries=entries, queries=items)


def write_index(views_dir: Path, entries: Sequence[ViewEntry], queries: Mapping[str, LibraryQuery]) -> Path:
    """Write ``index.html`` into the views folder and return its path."""
    path = views_dir / INDEX
    write_atomic(path, index_html(entries, queries, views_dir=views_dir))
    return path
