"""The graph a view shows, as a :class:`networkx.MultiDiGraph` of entities.

Nodes are the IRIs of typed entities (states, organizations, missions, posts, persons, events,
places). Each node carries::

    label   the preferred label in the language chain (graph.names.preferred_labels), else the IRI's end
    names   every name of the entity (preferred, alternative and hidden labels, all languages)
    cls     the local name of its most specific tkg: class ("Embassy", not "DiplomaticMission")
    class_label, facts [(property label, value text)], sources [source text]

Edges run between two entities; the key is the property IRI (plain relations) or the IRI of the
n-ary node they stand for. Each edge carries ``label`` (the property's ``rdfs:label`` from the
ontology in the language chain, else its local name split into words), ``predicate``, ``kind``,
``via``, ``facts`` and ``sources``.

**N-ary nodes are collapsed into edges** so that a person links straight to the post they held:

=================== ======================================== ==========================
n-ary class         edge                                     edge label
=================== ======================================== ==========================
``tkg:Tenure``      holder ``org:member`` → ``tkg:post``     "holds"
``tkg:StateMembership`` ``org:member`` → ``org:organization`` the role ("member", "observer")
``tkg:Participation`` ``tkg:participant`` → ``tkg:event``   the role ("speaker", "attendee")
``tkg:Observation`` ``tkg:subject`` → ``tkg:counterparty``   the measure ("trade volume")
=================== ======================================== ==========================

The n-ary node's dates, role, capacity, value and source become the edge's facts and sources.
Sources, roles, measures, units and name usages are not nodes: they appear in tooltips.
Only asserted statements make edges; the inferred graph adds types and the ``tkg:validFrom`` /
``tkg:validUntil`` dates (its inverse properties would only duplicate edges).

``as_of`` keeps only the tenures and memberships valid on that date: from ``validFrom`` (or
open) to ``validUntil`` (or open), widened to the dates it is attested on; a tenure known only by
attestations holds from its first to its last attested date. Posts with tenures of which none is
valid are dropped, and so are entities that lose all their edges by the filter.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox

from ..errors import EntityNotFound, InputError
from ..load import INFERRED_GRAPH, ONTOLOGY_GRAPH
from ..names import NameIndex, preferred_labels
from ..namespaces import ORG, PROV, RDF, RDFS, SDO, SKOS, TKG, local_name
from ..results import Result
from ..store import Engine
from .style import clip

__all__ = [
    "NODE_EXCLUDED", "NARY", "graph_model", "neighbourhood", "entity_model", "query_model",
    "path_model", "resolve_entity", "valid_on", "split_words", "local_name",
]

_TKG = str(TKG._NS)
_RDF_TYPE = str(RDF.type)
_NAME_PREDICATES = {str(SKOS.prefLabel), str(SKOS.altLabel), str(SKOS.hiddenLabel), str(RDFS.label)}
_DERIVED = str(PROV.wasDerivedFrom)
_VALID_FROM, _VALID_UNTIL, _ATTESTED = str(TKG.validFrom), str(TKG.validUntil), str(TKG.attestedOn)

#: Classes whose instances are never nodes (shown in tooltips instead).
NODE_EXCLUDED = frozenset(f"{_TKG}{c}" for c in ("Source", "Role", "Measure", "Unit", "NameUsage"))
#: n-ary classes collapsed into edges: class → (from property, to property, kind).
NARY: dict[str, tuple[str, str, str]] = {
    str(TKG.Tenure): (str(ORG.member), str(TKG.post), "tenure"),
    str(TKG.StateMembership): (str(ORG.member), str(ORG.organization), "membership"),
    str(TKG.Participation): (str(TKG.participant), str(TKG.event), "participation"),
    str(TKG.Observation): (str(TKG.subject), str(TKG.counterparty), "observation"),
}
#: The property of an n-ary node whose value names the edge (else the fixed label below).
_NARY_LABEL_BY = {"membership": str(ORG.role), "participation": str(TKG.participationRole),
                  "observation": str(TKG.measure)}
_NARY_FIXED_LABEL = {"tenure": "holds", "membership": "member", "participation": "participant",
                     "observation": "observation"}
#: Edge kinds that ``as_of`` filters.
_TIMED = {"tenure", "membership"}


def split_words(name: str) -> str:
    """A camelCase local name as words, the fallback label of a property or a class (the first
    word keeps its case).

    >>> split_words("containedInPlace")
    'contained in place'
    >>> split_words("subOrganizationOf")
    'sub organization of'
    >>> split_words("InternationalOrganization")
    'International organization'
    """
    first, *rest = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ").split(" ")
    return " ".join([first, *(w.lower() for w in rest)])


def _rank(lang: str, chain: Sequence[str]) -> int:
    lang = lang.lower()
    return next((i for i, want in enumerate(chain) if lang == want or lang.startswith(want + "-")), len(chain))


def _chain(langs: Sequence[str]) -> list[str]:
    return [x.strip().lower() for x in langs if x.strip()] + ["en", ""]


def _key(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _date(text: str) -> datetime.date | None:
    try:
        if re.fullmatch(r"\d{4}", text):
            return datetime.date(int(text), 1, 1)
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


def valid_on(props: dict[str, list[str]], day: datetime.date) -> bool:
    """Whether a tenure or membership (its date properties as texts) holds on ``day``.

    >>> d = datetime.date
    >>> valid_on({"https://w3id.org/turkic-kg/ontology#validFrom": ["2021-01-01"]}, d(2024, 5, 1))
    True
    >>> valid_on({"https://w3id.org/turkic-kg/ontology#validUntil": ["2020-12-31"]}, d(2024, 5, 1))
    False
    >>> valid_on({"https://w3id.org/turkic-kg/ontology#attestedOn": ["2022-11-10"]}, d(2022, 11, 10))
    True
    >>> valid_on({"https://w3id.org/turkic-kg/ontology#attestedOn": ["2022-11-10"]}, d(2023, 1, 1))
    False
    """
    starts = [x for x in map(_date, props.get(_VALID_FROM, ())) if x]
    ends = [x for x in map(_date, props.get(_VALID_UNTIL, ())) if x]
    seen = [x for x in map(_date, props.get(_ATTESTED, ())) if x]
    if not (starts or ends or seen):
        return False
    if starts or ends:
        low = min(starts + seen) if starts else datetime.date.min
        high = max(ends + seen) if ends else datetime.date.max
    else:
        low, high = min(seen), max(seen)
    return low <= day <= high


@dataclass
class _Facts:
    """Everything read from the engine, grouped by subject."""

    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    props: dict[str, list[tuple[str, ox.NamedNode | ox.BlankNode | ox.Literal, str]]] = field(
        default_factory=lambda: defaultdict(list))
    inferred_dates: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    graph_source: dict[str, str] = field(default_factory=dict)
    term_labels: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    superclasses: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    inverses: dict[str, str] = field(default_factory=dict)


def _read(engine: Engine) -> _Facts:
    f = _Facts()
    rows = engine.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    onto, inferred = ONTOLOGY_GRAPH.value, INFERRED_GRAPH.value
    sub, inverse = str(RDFS.subClassOf), "http://www.w3.org/2002/07/owl#inverseOf"
    for g, s, p, o in rows:
        gv, sk, pv = g.value, _key(s), p.value
        if pv == _RDF_TYPE:
            if o.value.startswith(_TKG):
                f.types[sk].add(o.value)
            continue
        if pv in (str(RDFS.label), str(SKOS.prefLabel)) and isinstance(o, ox.Literal):
            f.term_labels[sk].append((o.language or "", o.value))
        if gv == onto:
            if pv == sub and isinstance(o, ox.NamedNode):
                f.superclasses[sk].add(o.value)
            elif pv == inverse and isinstance(o, ox.NamedNode):
                f.inverses[sk], f.inverses[o.value] = o.value, sk
            continue
        if gv == inferred:
            if pv in (_VALID_FROM, _VALID_UNTIL):
                f.inferred_dates[sk][pv].append(o.value)
            continue
        if pv == _DERIVED and sk == gv:
            f.graph_source[gv] = o.value
            continue
        f.props[sk].append((pv, o, gv))
    return f


class _Builder:
    """Turns the facts into the entity graph (one instance per call of :func:`graph_model`)."""

    def __init__(self, facts: _Facts, labels: dict[str, str], langs: Sequence[str]):
        self.f, self.labels, self.chain = facts, labels, _chain(langs)
        self._ancestors: dict[str, set[str]] = {}
        self._source_texts: dict[str, str] = {}

    def term_label(self, iri: str) -> str:
        """Label of an ontology term or concept in the language chain, else its local name in words."""
        if iri in self.labels:
            return self.labels[iri]
        found = self.f.term_labels.get(iri)
        if found:
            return min(found, key=lambda lv: (_rank(lv[0], self.chain), lv[1]))[1]
        return split_words(local_name(iri))

    def ancestors(self, cls: str) -> set[str]:
        if cls not in self._ancestors:
            seen: set[str] = set()
            todo = list(self.f.superclasses.get(cls, ()))
            while todo:
                c = todo.pop()
                if c not in seen:
                    seen.add(c)
                    todo.extend(self.f.superclasses.get(c, ()))
            self._ancestors[cls] = seen
        return self._ancestors[cls]

    def most_specific(self, types: Iterable[str]) -> str | None:
        types = set(types)
        if not types:
            return None
        return min(types, key=lambda c: (-len(self.ancestors(c) & types), -len(self.ancestors(c)), c))

    def source_text(self, src: str) -> str:
        """A source as one line of text: headline (date) URL."""
        if src not in self._source_texts:
            self._source_texts[src] = self._source_text(src)
        return self._source_texts[src]

    def _source_text(self, src: str) -> str:
        props = defaultdict(list)
        for p, o, _g in self.f.props.get(src, ()):
            props[p].append(o.value)
        head = sorted(props.get(str(SDO.headline), [])) or [local_name(src)]
        date = sorted(props.get(str(SDO.datePublished), []))
        url = sorted(props.get(str(SDO.url), []))
        text = head[0] + (f" ({date[0]})" if date else "")
        return text + (f" {url[0]}" if url else "")

    def build(self) -> nx.MultiDiGraph:
        G = nx.MultiDiGraph()
        f = self.f
        classes = {s: self.most_specific(t) for s, t in f.types.items()}
        nary = {s: c for s, c in classes.items() if c in NARY or (f.types[s] & NARY.keys())}
        nodes = {s for s, c in classes.items()
                 if c and s not in nary and not s.startswith("_:") and not (f.types[s] & NODE_EXCLUDED)}
        for s in sorted(nodes):
            names = sorted({o.value for p, o, _g in f.props.get(s, ()) if p in _NAME_PREDICATES})
            cls = classes[s] or ""
            facts, sources = self._node_facts(s, nodes)
            label = self.labels.get(s) or (names[0] if names else local_name(s))
            G.add_node(s, iri=s, label=label, names=names or [label], cls=local_name(cls),
                       class_label=self.term_label(cls), facts=facts, sources=sources)
        self._plain_edges(G, nodes)
        for x in sorted(nary):
            self._nary_edge(G, x, nodes)
        return G

    def _sources_of_graphs(self, graphs: Iterable[str]) -> list[str]:
        return sorted({self.source_text(self.f.graph_source[g]) for g in graphs if g in self.f.graph_source})

    def _node_facts(self, s: str, nodes: set[str]) -> tuple[list[tuple[str, str]], list[str]]:
        values: dict[str, set[str]] = defaultdict(set)
        graphs: set[str] = set()
        for p, o, g in self.f.props.get(s, ()):
            graphs.add(g)
            if p in _NAME_PREDICATES or (isinstance(o, ox.NamedNode) and o.value in nodes):
                continue
            if isinstance(o, ox.BlankNode):
                values[self.term_label(p)].add(self._blank_text(_key(o)))
            elif isinstance(o, ox.NamedNode):
                values[self.term_label(p)].add(self.term_label(o.value) if o.value in self.labels
                                               or o.value in self.f.term_labels else o.value)
            else:
                values[self.term_label(p)].add(o.value)
        facts = [(k, ", ".join(sorted(v))) for k, v in sorted(values.items())]
        return facts, self._sources_of_graphs(graphs)

    def _blank_text(self, b: str) -> str:
        props = defaultdict(list)
        for p, o, _g in self.f.props.get(b, ()):
            props[p].append(o.value)
        name = ", ".join(sorted(props.get(str(TKG.name), []))) or "…"
        start = min(props.get(str(SDO.startDate), [""]))
        end = max(props.get(str(SDO.endDate), [""]))
        return f"{name} ({start}–{end})" if start or end else name

    def _plain_edges(self, G: nx.MultiDiGraph, nodes: set[str]) -> None:
        found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for s in nodes:
            for p, o, g in self.f.props.get(s, ()):
                if isinstance(o, ox.NamedNode) and o.value in nodes and p not in _NAME_PREDICATES:
                    found[(s, p, o.value)].add(g)
        for (s, p, o), graphs in sorted(found.items()):
            q = self.f.inverses.get(p)
            if q is not None and (o, q, s) in found and q < p:
                continue  # an asserted inverse: keep one direction
            G.add_edge(s, o, key=p, predicate=p, label=self.term_label(p), kind="relation", via=None,
                       facts=[], sources=self._sources_of_graphs(graphs), dates={})

    def _nary_edge(self, G: nx.MultiDiGraph, x: str, nodes: set[str]) -> None:
        cls = next(c for c in sorted(self.f.types[x]) if c in NARY)
        frm_p, to_p, kind = NARY[cls]
        props: dict[str, list] = defaultdict(list)
        for p, o, _g in self.f.props.get(x, ()):
            props[p].append(o)
        frm = [o.value for o in props.get(frm_p, []) if o.value in nodes]
        to = [o.value for o in props.get(to_p, []) if o.value in nodes]
        if not frm or not to:
            return
        by = _NARY_LABEL_BY.get(kind)
        label = _NARY_FIXED_LABEL[kind]
        if by and props.get(by):
            label = self.term_label(props[by][0].value).lower()
        values: dict[str, set[str]] = defaultdict(set)
        sources: set[str] = set()
        dates: dict[str, list[str]] = defaultdict(list, {k: list(v) for k, v in self.f.inferred_dates.get(x, {}).items()})
        for p, objs in props.items():
            if p in (frm_p, to_p) or p in _NAME_PREDICATES:
                continue
            for o in objs:
                if p == _DERIVED:
                    sources.add(self.source_text(o.value))
                    continue
                if p == _ATTESTED:
                    dates[p].append(o.value)
                if isinstance(o, ox.NamedNode):
                    text = G.nodes[o.value]["label"] if o.value in nodes else self.term_label(o.value)
                else:
                    text = o.value
                values[self.term_label(p)].add(text)
        facts = [(k, ", ".join(sorted(v))) for k, v in sorted(values.items())]
        for a in frm:
            for b in to:
                G.add_edge(a, b, key=x, predicate=cls, label=label, kind=kind, via=x, facts=facts,
                           sources=sorted(sources), dates={k: sorted(v) for k, v in dates.items()})


def _apply_as_of(G: nx.MultiDiGraph, day: datetime.date) -> None:
    had_edges = {n for n in G if G.degree(n) > 0}
    posts_with_tenures = {v for _u, v, d in G.edges(data=True) if d["kind"] == "tenure"}
    drop = [(u, v, k) for u, v, k, d in G.edges(keys=True, data=True)
            if d["kind"] in _TIMED and not valid_on(d.get("dates", {}), day)]
    G.remove_edges_from(drop)
    still_held = {v for _u, v, d in G.edges(data=True) if d["kind"] == "tenure"}
    G.remove_nodes_from(sorted(posts_with_tenures - still_held))
    G.remove_nodes_from([n for n in list(G) if n in had_edges and G.degree(n) == 0])


def graph_model(engine: Engine, *, langs: Sequence[str] = ("en",),
                as_of: datetime.date | None = None) -> nx.MultiDiGraph:
    """The whole graph of entities (see the module's description).

    ``langs`` is the label language chain (English and then any language follow); ``as_of``
    keeps only the tenures and memberships valid on that date.
    """
    facts = _read(engine)
    G = _Builder(facts, preferred_labels(engine, list(langs)), langs).build()
    G.graph.update(title="Overview", kind="overview", langs=list(langs),
                   as_of=as_of.isoformat() if as_of else None)
    if as_of is not None:
        _apply_as_of(G, as_of)
        G.graph["title"] = f"Overview as of {as_of.isoformat()}"
    return G


def neighbourhood(G: nx.MultiDiGraph, center: str, *, hops: int = 1) -> nx.MultiDiGraph:
    """The entities within ``hops`` edges of ``center`` (either direction) and the edges among them.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> sorted(neighbourhood(G, "b", hops=1))
    ['a', 'b', 'c']
    """
    if center not in G:
        raise EntityNotFound(f"{center}: not an entity of the graph")
    if hops < 0:
        raise InputError(f"--hops must be 0 or more, got {hops}")
    keep = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, cutoff=hops)
    H = G.subgraph(keep).copy()
    H.graph.update(G.graph)
    H.graph["center"] = center
    return H


def resolve_entity(engine: Engine, name: str, G: nx.MultiDiGraph, *,
                   index: NameIndex | None = None) -> str:
    """The IRI of the entity of ``G`` named ``name`` (any label, any script; or an IRI or a
    prefixed name such as ``state:KGZ``), by :func:`graph.names.resolve_name`'s rule.

    Raises :class:`~graph.errors.EntityNotFound` when nothing matches (an IRI or prefixed name not
    in ``G`` is never matched by its look-alikes), and :class:`~graph.errors.InputError` when
    several entities have exactly that name.
    """
    from ..names import resolve_name

    return resolve_name(name, exists=G.__contains__,
                        index=lambda: index or NameIndex.from_engine(engine)).iri


def entity_model(engine: Engine, name: str, *, hops: int = 1, langs: Sequence[str] = ("en",),
                 as_of: datetime.date | None = None, G: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """One entity's neighbourhood, the entity found by any of its names."""
    G = G if G is not None else graph_model(engine, langs=langs, as_of=as_of)
    center = resolve_entity(engine, name, G)
    H = neighbourhood(G, center, hops=hops)
    H.graph.update(kind="entity", title=f"{clip(G.nodes[center]['label'])} ({hops} hop{'s' if hops != 1 else ''})")
    return H


def path_model(G: nx.MultiDiGraph, a: str, b: str, *, limit: int = 20) -> nx.MultiDiGraph:
    """The shortest connections between two entities: every edge on up to ``limit`` shortest paths
    (directions ignored), each with its relation label."""
    from ..analyze import shortest_paths

    paths = shortest_paths(G, a, b, limit=limit)
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for path in paths:
        for n in path:
            H.add_node(n, **G.nodes[n])
        for u, v in zip(path, path[1:]):
            for x, y in ((u, v), (v, u)):
                for k, d in G.get_edge_data(x, y, default={}).items():
                    H.add_edge(x, y, key=k, **d)
    H.graph.update(kind="path", title=f"{clip(G.nodes[a]['label'])} – {clip(G.nodes[b]['label'])}", ends=[a, b])
    return H


# ---------------------------------------------------------------- query results as graphs

_SOURCE_VARS, _TARGET_VARS = ("source",), ("target",)


def _lookup(engine: Engine | None, iris: set[str], langs: Sequence[str]) -> tuple[_Builder, dict[str, str]]:
    """A builder that knows the labels of entities and ontology terms, and the most specific class
    of the given IRIs, looked up in the engine (nothing without one)."""
    facts = _Facts()
    if engine is None:
        return _Builder(facts, {}, langs), {}
    labels = preferred_labels(engine, list(langs))
    rows = engine.query("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                        f"SELECT ?x ?l ?sup WHERE {{ GRAPH <{ONTOLOGY_GRAPH.value}> {{ ?x rdfs:label ?l "
                        "OPTIONAL { ?x rdfs:subClassOf ?sup } } }").rows
    for x, label, sup in rows:
        facts.term_labels[x.value].append((label.language or "", label.value))
        if sup is not None:
            facts.superclasses[x.value].add(sup.value)
    if iris:
        for s, t in engine.query(f"SELECT ?s ?t WHERE {{ ?s a ?t FILTER(STRSTARTS(STR(?t), \"{_TKG}\")) }}").rows:
            if s is not None and s.value in iris:
                facts.types[s.value].add(t.value)
    builder = _Builder(facts, labels, langs)
    return builder, {s: builder.most_specific(t) or "" for s, t in facts.types.items()}


def query_model(engine: Engine | None, result: Result, *, langs: Sequence[str] = ("en",),
                title: str = "Query") -> nx.MultiDiGraph:
    """A query's result as a graph, like the graph view of the Wikidata Query Service.

    A CONSTRUCT or DESCRIBE result: every triple whose object is not a literal is an edge;
    ``skos:prefLabel`` / ``rdfs:label`` triples name their subject, ``rdf:type`` triples give its
    class, other literals are facts. A SELECT result needs ``?source`` and ``?target`` columns and
    may have ``?edgeLabel``, ``?sourceLabel`` and ``?targetLabel``; a literal source or target is
    a node named by its text. Labels and classes missing from the result are looked up in
    ``engine`` (when given).
    """
    chain = _chain(langs)
    G = nx.MultiDiGraph()
    G.graph.update(kind="query", title=title, langs=list(langs), as_of=None)
    names: dict[str, list[tuple[int, str]]] = defaultdict(list)
    types: dict[str, set[str]] = defaultdict(set)
    facts: dict[str, set[tuple[str, str]]] = defaultdict(set)
    edges: list[tuple[str, str, str, str | None]] = []  # source, target, predicate, label

    def node_key(term) -> str:  # type: ignore[no-untyped-def]
        return f"literal:{term.value}" if isinstance(term, ox.Literal) else _key(term)

    if result.kind == "graph":
        for t in result.triples:
            s, p, o = node_key(t.subject), t.predicate.value, t.object
            if p == _RDF_TYPE:
                types[s].add(o.value)
            elif isinstance(o, ox.Literal):
                if p in _NAME_PREDICATES:
                    names[s].append((_rank(o.language or "", chain) if p != str(SKOS.hiddenLabel) else 99, o.value))
                else:
                    facts[s].add((p, o.value))
            else:
                edges.append((s, node_key(o), p, None))
    elif result.kind == "select":
        cols = result.variables
        missing = [v for v in ("source", "target") if v not in cols]
        if missing:
            raise InputError(f"a SELECT shown as a graph needs ?source and ?target columns (missing: "
                             f"{', '.join('?' + m for m in missing)}); it has {', '.join('?' + c for c in cols)}")
        idx = {v: cols.index(v) for v in cols}
        for row in result.rows:
            src, dst = row[idx["source"]], row[idx["target"]]
            if src is None or dst is None:
                continue
            s, o = node_key(src), node_key(dst)
            for end, term, var in ((s, src, "sourceLabel"), (o, dst, "targetLabel")):
                lab = row[idx[var]] if var in idx else None
                if lab is not None:
                    names[end].append((_rank(getattr(lab, "language", None) or "", chain), lab.value))
                elif isinstance(term, ox.Literal):
                    names[end].append((len(chain), term.value))
            elabel = row[idx["edgeLabel"]] if "edgeLabel" in idx else None
            edges.append((s, o, "edge", elabel.value if elabel is not None else None))
    else:
        raise InputError("an ASK query has no graph to show; use CONSTRUCT, DESCRIBE or a SELECT "
                         "with ?source and ?target")
    ends = {e for s, o, _p, _l in edges for e in (s, o)} | set(names) | set(facts)
    iris = {n for n in ends if not n.startswith(("_:", "literal:"))}
    builder, classes = _lookup(engine, iris, langs)
    labels = builder.labels
    for n in sorted(ends):
        own = sorted(names.get(n, []))
        label = own[0][1] if own else labels.get(n) or (n.split(":", 1)[1] if n.startswith("literal:") else local_name(n))
        cls_iri = builder.most_specific(t for t in types.get(n, ()) if t.startswith(_TKG)) or classes.get(n)
        cls = local_name(cls_iri) if cls_iri else ""
        cls_label = builder.term_label(cls_iri) if cls_iri else ""
        G.add_node(n, iri=None if n.startswith(("_:", "literal:")) else n, label=label,
                   names=sorted({v for _r, v in own} | {label}), cls=cls, class_label=cls_label,
                   facts=sorted((builder.term_label(p), v) for p, v in facts.get(n, ())), sources=[])
    for s, o, p, label in edges:
        text = label if label is not None else (builder.term_label(p) if p != "edge" else "")
        key = f"{p}|{text}"
        if G.has_edge(s, o, key):
            continue
        G.add_edge(s, o, key=key, predicate=p, label=text, kind="relation", via=None, facts=[], sources=[],
                   dates={})
    return G
