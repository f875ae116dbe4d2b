"""Ingest: news articles into reviewed, sourced facts.

The steps, one module each:

* :mod:`~graph.ingest.text` reads an article with the bad-input checks (size, NUL bytes, UTF-8);
* :mod:`~graph.ingest.gazetteer` knows the names of states, organizations, cities, venues and
  persons (the built graph through :class:`~graph.names.NameIndex`, plus a small built-in list);
* :mod:`~graph.ingest.extract` finds the facts with rules (titles, coordinated posts, dates,
  events, participations, memberships, figures), each with character offsets and a confidence;
* :mod:`~graph.ingest.link` links every entity to the graph or mints a new IRI, flagged for review;
* :mod:`~graph.ingest.write` writes a TriG source file in the curated shape;
* :mod:`~graph.ingest.gold` prints the extraction in the gold format and scores it against a gold file.

:func:`ingest` runs the first five steps and returns an :class:`~graph.ingest.pipeline.Ingested`.
"""

from __future__ import annotations

from .pipeline import Ingested, ingest, ingest_text

__all__ = ["Ingested", "ingest", "ingest_text"]
