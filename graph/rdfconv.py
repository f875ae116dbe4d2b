"""Conversions between pyoxigraph and rdflib terms (the two libraries share no term classes)."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

__all__ = ["to_rdflib", "to_oxigraph", "rdflib_graph", "rdflib_dataset"]


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """One pyoxigraph term as an rdflib term.

    >>> to_rdflib(ox.Literal("Vienna", language="en"))
    rdflib.term.Literal('Vienna', lang='en')
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """One rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def rdflib_graph(quads: Iterable[ox.Quad]) -> Graph:
    """The union of the quads' graphs as one rdflib Graph."""
    g = Graph()
    for q in quads:
        g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return g


def rdflib_dataset(quads: Iterable[ox.Quad]) -> Dataset:
    """The quads as an rdflib Dataset whose default graph is the union of the named graphs."""
    ds = Dataset(default_union=True)
    for q in quads:
        graph = q.graph_name
        ctx = ds.graph(URIRef(graph.value)) if isinstance(graph, ox.NamedNode) else ds.default_graph
        ctx.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return ds
