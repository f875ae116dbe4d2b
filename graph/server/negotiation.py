"""Content negotiation for SPARQL answers: one table of formats, ``Accept`` headers with q-values.

The header is parsed by python-mimeparse (RFC 9110 media ranges, q-values, specificity). Each
table lists its formats with the default last: mimeparse picks the last of equally good matches,
so ``*/*`` or no header gives SPARQL JSON for solutions and Turtle for graphs.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml").results.mime
'application/sparql-results+xml'
>>> negotiate("text/turtle;q=0.4, application/ld+json").graph.mime
'application/ld+json'
>>> negotiate("text/turtle").results is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

import mimeparse
import pyoxigraph as ox

__all__ = ["Format", "RESULT_FORMATS", "GRAPH_FORMATS", "Choice", "negotiate", "choose"]


@dataclass(frozen=True)
class Format:
    mime: str
    format: ox.QueryResultsFormat | ox.RdfFormat
    iri: str  # the W3C format IRI, for the service description
    charset: bool = True

    @property
    def content_type(self) -> str:
        return f"{self.mime}; charset=utf-8" if self.charset else self.mime


_F = "http://www.w3.org/ns/formats/"
#: SELECT and ASK answers (default last).
RESULT_FORMATS: tuple[Format, ...] = (
    Format("text/tab-separated-values", ox.QueryResultsFormat.TSV, _F + "SPARQL_Results_TSV"),
    Format("text/csv", ox.QueryResultsFormat.CSV, _F + "SPARQL_Results_CSV"),
    Format("application/sparql-results+xml", ox.QueryResultsFormat.XML, _F + "SPARQL_Results_XML"),
    Format("application/json", ox.QueryResultsFormat.JSON, _F + "SPARQL_Results_JSON"),
    Format("application/sparql-results+json", ox.QueryResultsFormat.JSON, _F + "SPARQL_Results_JSON"),
)
#: CONSTRUCT and DESCRIBE answers (default last).
GRAPH_FORMATS: tuple[Format, ...] = (
    Format("application/rdf+xml", ox.RdfFormat.RDF_XML, _F + "RDF_XML"),
    Format("application/ld+json", ox.RdfFormat.JSON_LD, _F + "JSON-LD"),
    Format("application/n-triples", ox.RdfFormat.N_TRIPLES, _F + "N-Triples"),
    Format("text/turtle", ox.RdfFormat.TURTLE, _F + "Turtle"),
)


@dataclass(frozen=True)
class Choice:
    """The format for each kind of answer; ``None`` where the client accepts none."""

    results: Format | None
    graph: Format | None


def choose(accept: str | None, formats: tuple[Format, ...]) -> Format | None:
    """The best of ``formats`` for an ``Accept`` header (no header: the default)."""
    header = (accept or "").strip() or "*/*"
    try:
        best = mimeparse.best_match([f.mime for f in formats], header)
    except (ValueError, mimeparse.MimeTypeParseException):
        return None
    return next((f for f in formats if f.mime == best), None)


def negotiate(accept: str | None) -> Choice:
    """The answer formats for an ``Accept`` header, for both kinds of query."""
    return Choice(choose(accept, RESULT_FORMATS), choose(accept, GRAPH_FORMATS))
