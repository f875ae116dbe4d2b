"""Exporting the built graph in the RDF formats of :data:`~graph.formats.DATASET_FORMATS`."""

from __future__ import annotations

import pyoxigraph as ox

from .errors import NotBuiltError
from .formats import serialize_quads
from .settings import Settings

__all__ = ["export_dataset", "built_quads"]


def built_quads(settings: Settings) -> list[ox.Quad]:
    """Every quad of the build, in the build's (sorted) order."""
    path = settings.dataset_path
    if not path.is_file():
        raise NotBuiltError(f"{path}: no built dataset; run `tkg build` first")
    return list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))


def export_dataset(settings: Settings, fmt: str) -> bytes:
    """The built dataset serialized as ``fmt`` (formats without named graphs get the union)."""
    return serialize_quads(built_quads(settings), fmt)
