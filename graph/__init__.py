"""The Turkic-world institutions knowledge graph: build, store, query, visualize, ingest."""

from __future__ import annotations

__version__ = "0.1.0"
