"""Triples as sorted, byte-reproducible TriG: one named graph, subjects and objects in order.

The layout follows the curated files (the project's prefix block, one block per subject with
``;`` and ``,``), so a reviewer reads one format; the same triples always give the same bytes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import pyoxigraph as ox

from ..namespaces import TRIG_PREFIX_BLOCK

__all__ = ["PREFIX_BLOCK", "Text", "render_graph", "term"]


class Text(NamedTuple):
    """A language-tagged string whose tag keeps its case as written (``uz-Latn``; pyoxigraph's
    literals fold tags to lower case, and the data files write BCP 47's conventional case)."""

    value: str
    language: str


PREFIX_BLOCK = TRIG_PREFIX_BLOCK + """@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix geo:    <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix foaf:   <http://xmlns.com/foaf/0.1/> .
@prefix wd:     <http://www.wikidata.org/entity/> .
@prefix place:  <https://w3id.org/turkic-kg/id/place/> .
"""

_PREFIXES = sorted(((m.group(2), m.group(1)) for m in re.finditer(r"@prefix (\w+):\s+<([^>]+)>", PREFIX_BLOCK)),
                   key=lambda p: -len(p[0]))
_LOCAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def term(t: ox.NamedNode | ox.Literal | Text) -> str:
    """A term in Turtle: a prefixed name where a prefix fits, else its N-Triples form.

    >>> term(ox.NamedNode("https://w3id.org/turkic-kg/id/state/TUR"))
    'state:TUR'
    >>> term(ox.Literal("41.3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))
    '"41.3"^^xsd:decimal'
    >>> term(Text("Oʻzbekiston", "uz-Latn"))
    '"Oʻzbekiston"@uz-Latn'
    """
    if isinstance(t, Text):
        return f"{ox.Literal(t.value)}@{t.language}"
    if isinstance(t, ox.Literal):
        text = str(ox.Literal(t.value, language=t.language)) if t.language else str(ox.Literal(t.value))
        if t.language or t.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return text
        return f"{text}^^{term(t.datatype)}"
    for base, prefix in _PREFIXES:
        if t.value.startswith(base) and _LOCAL.fullmatch(t.value[len(base):]):
            return f"{prefix}:{t.value[len(base):]}"
    return str(t)


def _pred(p: ox.NamedNode) -> str:
    return "a" if p.value == _RDF_TYPE else term(p)


def render_graph(graph: str, triples: Iterable[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]],
                 *, header: str) -> str:
    """A TriG document: ``header`` comment lines, the prefixes, and the named graph ``graph``."""
    by_subject: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[term(s)][_pred(p)].add(term(o))
    out = ["".join(f"# {line}\n".replace("# \n", "#\n") for line in header.splitlines()), PREFIX_BLOCK, "\n",
           f"{term(ox.NamedNode(graph))} {{\n"]
    for s in sorted(by_subject):
        preds = by_subject[s]
        order = sorted(preds, key=lambda p: (p != "a", p))
        lines = [f"{p} {' , '.join(sorted(preds[p]))}" for p in order]
        out.append(f"  {s} " + " ;\n      ".join(lines) + " .\n")
    out.append("}\n")
    return "".join(out)
