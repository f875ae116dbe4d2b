"""What ``data/`` already holds that an import must reuse: states, cities, organizations, missions.

Generated files (``data/database-of-embassies*.trig``, ``data/cldr-names.trig``) are left out, so an
import's result depends on the curated data and its input only, never on its own earlier output.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..load import data_files, read_file
from ..names import normalize
from ..namespaces import OWL, RDF, SDO, SKOS, TKG

__all__ = ["GENERATED", "Curated", "CuratedMission", "read_curated", "is_generated"]

#: File-name patterns of the files that importers write.
GENERATED = ("database-of-embassies*.trig", "cldr-names.trig")

ID = "https://w3id.org/turkic-kg/id/"


def is_generated(path: Path) -> bool:
    return any(path.match(pattern) for pattern in GENERATED)


@dataclass
class CuratedMission:
    iri: str
    classes: set[str] = field(default_factory=set)
    sending: set[str] = field(default_factory=set)
    accredited: set[str] = field(default_factory=set)
    seat: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)


@dataclass
class Curated:
    """The curated entities, by kind; labels folded with :func:`graph.names.normalize`."""

    iris: set[str] = field(default_factory=set)
    states: set[str] = field(default_factory=set)
    cities: dict[str, str] = field(default_factory=dict)           # city → state it is in ("" if none)
    city_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    org_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    same_as: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # entity → QIDs
    pref_langs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # entity → tags
    labels: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))  # (text, tag)
    missions: dict[str, CuratedMission] = field(default_factory=dict)


_LABELS = {SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel}


def read_curated(data_dir: Path) -> Curated:
    """Read every curated TriG file of ``data_dir``."""
    out = Curated()
    quads: list[tuple[ox.Quad, str]] = []
    for path in data_files(data_dir):
        if not is_generated(path):
            quads.extend((q, path.name) for q in read_file(path))
    types: dict[str, set[str]] = defaultdict(set)
    for q, _ in quads:
        if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(ID):
            out.iris.add(q.subject.value)
        if q.predicate.value == str(RDF.type):
            types[q.subject.value].add(q.object.value)
    for iri, classes in types.items():
        if str(TKG.State) in classes:
            out.states.add(iri)
        if str(TKG.City) in classes:
            out.cities.setdefault(iri, "")
        if classes & _MISSION_CLASSES:
            out.missions[iri] = CuratedMission(iri, classes=classes & _MISSION_CLASSES)
    for q, name in quads:
        _take(out, q, name, types)
    return out


_MISSION_CLASSES = {str(TKG[c]) for c in ("DiplomaticMission", "Embassy", "Consulate", "PermanentMission",
                                          "ConsulateGeneral", "HonoraryConsulate", "HighCommission",
                                          "DeFactoEmbassy", "DeFactoConsulate", "Nunciature", "OtherMission")}


def _take(out: Curated, q: ox.Quad, file: str, types: dict[str, set[str]]) -> None:
    s, p, o = q.subject.value, q.predicate.value, q.object
    if p in {str(x) for x in _LABELS} and isinstance(o, ox.Literal):
        out.labels[s].add((o.value, o.language or ""))
        if p == str(SKOS.prefLabel):
            out.pref_langs[s].add((o.language or "").lower())
        if s in out.cities:
            out.city_names[s].add(normalize(o.value))
        if str(TKG.Organization) in types.get(s, set()) or any("Organization" in t for t in types.get(s, ())):
            out.org_names[s].add(normalize(o.value))
    elif p == str(OWL.sameAs) and isinstance(o, ox.NamedNode):
        out.same_as[s].add(o.value.rsplit("/", 1)[-1])
    elif p == str(SDO.containedInPlace) and s in out.cities:
        out.cities[s] = o.value
    elif s in out.missions:
        m = out.missions[s]
        m.files.add(file)
        if p == str(TKG.sendingState):
            m.sending.add(o.value)
        elif p == str(TKG.accreditedTo):
            m.accredited.add(o.value)
        elif p in (str(TKG.seat), str(SDO.location)):
            m.seat.add(o.value)
