"""Namespaces in one place: the standard vocabularies and the project's own terms.

``TKG`` is a checked namespace: a misspelt term fails at import or use, not silently in a query.
``tests/test_ontology.py`` regenerates the term list from ``ontology/turkic-kg.ttl`` and compares.

>>> str(TKG.Tenure)
'https://w3id.org/turkic-kg/ontology#Tenure'
>>> TKG.Tenur
Traceback (most recent call last):
...
AttributeError: term 'Tenur' not in namespace 'https://w3id.org/turkic-kg/ontology#'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "TKG", "ID", "ROLE", "MEASURE", "UNIT", "ORG", "SDO", "PROV", "TIME", "SKOS", "FOAF", "DCTERMS",
    "QB", "WD", "GEO", "RDF", "RDFS", "OWL", "XSD", "SH", "PREFIXES", "ID_PREFIXES", "ALL_PREFIXES", "TRIG_PREFIX_BLOCK",
    "sparql_prefixes", "prefixed_name", "local_name",
]


class TKG(DefinedNamespace):
    """The project's own classes and properties (``ontology/turkic-kg.ttl``)."""

    _NS = Namespace("https://w3id.org/turkic-kg/ontology#")
    _fail = True

    AffiliatedInstitution: URIRef
    City: URIRef
    Concert: URIRef
    Consulate: URIRef
    ConsulateGeneral: URIRef
    CulturalEvent: URIRef
    CulturalOrganization: URIRef
    DeFactoConsulate: URIRef
    DeFactoEmbassy: URIRef
    DiasporaInstitution: URIRef
    DiplomaticMission: URIRef
    Embassy: URIRef
    Event: URIRef
    GovernmentBody: URIRef
    HighCommission: URIRef
    HonoraryConsulate: URIRef
    InternationalOrganization: URIRef
    Measure: URIRef
    Meeting: URIRef
    NameUsage: URIRef
    Nunciature: URIRef
    Observation: URIRef
    Organization: URIRef
    OtherMission: URIRef
    OrganizationalUnit: URIRef
    Participation: URIRef
    PermanentMission: URIRef
    Person: URIRef
    Post: URIRef
    Role: URIRef
    Session: URIRef
    Source: URIRef
    State: URIRef
    StateMembership: URIRef
    Summit: URIRef
    Tenure: URIRef
    Training: URIRef
    Unit: URIRef
    Venue: URIRef

    accreditedTo: URIRef
    attestedOn: URIRef
    chair: URIRef
    counterparty: URIRef
    decidedAt: URIRef
    event: URIRef
    host: URIRef
    hostState: URIRef
    inCapacityOf: URIRef
    isoCode: URIRef
    measure: URIRef
    name: URIRef
    nameUsage: URIRef
    onBehalfOf: URIRef
    ordinal: URIRef
    participant: URIRef
    participationRole: URIRef
    period: URIRef
    post: URIRef
    seat: URIRef
    sendingState: URIRef
    subject: URIRef
    unit: URIRef
    validFrom: URIRef
    validUntil: URIRef
    value: URIRef
    withinEvent: URIRef


ID = Namespace("https://w3id.org/turkic-kg/id/")
ROLE = Namespace("https://w3id.org/turkic-kg/id/role/")
MEASURE = Namespace("https://w3id.org/turkic-kg/id/measure/")
UNIT = Namespace("https://w3id.org/turkic-kg/id/unit/")
ORG = Namespace("http://www.w3.org/ns/org#")
SDO = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
TIME = Namespace("http://www.w3.org/2006/time#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
QB = Namespace("http://purl.org/linked-data/cube#")
WD = Namespace("http://www.wikidata.org/entity/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: Prefix table shared by queries, serializers and the CLI.
PREFIXES: dict[str, str] = {
    "tkg": str(TKG._NS),
    "id": str(ID),
    "role": str(ROLE),
    "measure": str(MEASURE),
    "unit": str(UNIT),
    "org": str(ORG),
    "schema": str(SDO),
    "prov": str(PROV),
    "time": str(TIME),
    "skos": str(SKOS),
    "foaf": str(FOAF),
    "dcterms": str(DCTERMS),
    "qb": str(QB),
    "wd": str(WD),
    "geo": str(GEO),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}

#: Prefixes of the project's identifiers, one per kind of thing (``state:KGZ``, ``organization:ots``).
ID_PREFIXES: dict[str, str] = {
    kind if kind != "org" else "organization": f"{ID}{kind}/"
    for kind in ("state", "org", "person", "post", "mission", "event", "venue", "city", "tenure",
                 "membership", "participation", "observation", "source", "graph", "role", "measure", "unit")
}

#: Every prefix the project knows: the vocabularies and the kinds of identifier.
ALL_PREFIXES: dict[str, str] = {**PREFIXES, **ID_PREFIXES}

#: A local part that is safe in Turtle, TriG and SPARQL prefixed names as written.
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


def prefixed_name(iri: str, *, prefixes: Mapping[str, str] = ALL_PREFIXES) -> str | None:
    """The IRI as ``prefix:local``, or ``None`` when no prefix fits.

    The one IRI shortener of the project: the longest namespace of ``prefixes`` wins, and the rest
    must be a plain local name (letters, digits, ``_``, ``-``, inner ``.``; no ``/``), so the result
    can be written into Turtle, TriG or SPARQL as it is.

    >>> prefixed_name("https://w3id.org/turkic-kg/id/state/KGZ")
    'state:KGZ'
    >>> prefixed_name("https://w3id.org/turkic-kg/ontology#Tenure")
    'tkg:Tenure'
    >>> prefixed_name("https://w3id.org/turkic-kg/id/state/KGZ/extra") is None
    True
    >>> prefixed_name("https://example.org/x") is None
    True
    """
    best: tuple[int, str] | None = None
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns):]) and (best is None or len(ns) > best[0]):
            best = (len(ns), f"{prefix}:{iri[len(ns):]}")
    return best[1] if best else None


def local_name(iri: str) -> str:
    """The end of an IRI after the last ``#`` or ``/``.

    >>> local_name("https://w3id.org/turkic-kg/ontology#PermanentMission")
    'PermanentMission'
    >>> local_name("https://w3id.org/turkic-kg/id/state/KGZ")
    'KGZ'
    """
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


#: The prefix block every data file opens with (``docs/data-conventions.md``): the vocabularies
#: and one prefix per kind of identifier. Ingest output and synthetic benchmark data use it as is.
TRIG_PREFIX_BLOCK = """@prefix tkg:    <https://w3id.org/turkic-kg/ontology#> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix graph: <https://w3id.org/turkic-kg/id/graph/> .
@prefix source: <https://w3id.org/turkic-kg/id/source/> .
@prefix organization: <https://w3id.org/turkic-kg/id/org/> .
@prefix state: <https://w3id.org/turkic-kg/id/state/> .
@prefix city: <https://w3id.org/turkic-kg/id/city/> .
@prefix venue: <https://w3id.org/turkic-kg/id/venue/> .
@prefix event: <https://w3id.org/turkic-kg/id/event/> .
@prefix mission: <https://w3id.org/turkic-kg/id/mission/> .
@prefix post: <https://w3id.org/turkic-kg/id/post/> .
@prefix person: <https://w3id.org/turkic-kg/id/person/> .
@prefix tenure: <https://w3id.org/turkic-kg/id/tenure/> .
@prefix membership: <https://w3id.org/turkic-kg/id/membership/> .
@prefix participation: <https://w3id.org/turkic-kg/id/participation/> .
@prefix observation: <https://w3id.org/turkic-kg/id/observation/> .
@prefix role:   <https://w3id.org/turkic-kg/id/role/> .
@prefix measure: <https://w3id.org/turkic-kg/id/measure/> .
@prefix unit:   <https://w3id.org/turkic-kg/id/unit/> .
"""


def sparql_prefixes() -> str:
    """The PREFIX lines for every prefix in :data:`PREFIXES`.

    >>> sparql_prefixes().splitlines()[0]
    'PREFIX tkg: <https://w3id.org/turkic-kg/ontology#>'
    """
    return "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items())
