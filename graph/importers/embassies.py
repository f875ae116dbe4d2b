"""``tkg import embassies``: the database-of-embassies table as one sourced data file.

The file is one named graph whose source is the snapshot (the file's URL at its commit, its date,
its licence); every mission is also derived from its own Wikidata item. Curated entities keep their
IRIs and their English preferred labels: where one exists, the table's name is an alternative label.

>>> snapshot = Snapshot()
>>> snapshot.date, snapshot.slug
('2022-11-16', 'database-of-embassies-2022-11-16')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..namespaces import FOAF, GEO, OWL, PROV, RDF, SDO, SKOS, TKG, WD, XSD
from .curated import Curated, read_curated
from ..errors import ParseError
from .embassies_csv import COLUMNS, read_rows
from .embassies_model import ID, Model, Place, Review, build_model
from .quirks import TYPE_CLASS
from .trig import Text, render_graph

__all__ = ["Snapshot", "ImportResult", "import_embassies", "render_model"]

N = ox.NamedNode


@dataclass(frozen=True)
class Snapshot:
    """Where the table comes from (``datasets/database-of-embassies/PROVENANCE.md``)."""

    url: str = ("https://github.com/database-of-embassies/database-of-embassies/blob/"
                "b1987a62f9412564fa33c5e9193a65319bc504a3/database_of_embassies.csv")
    date: str = "2022-11-16"
    slug: str = "database-of-embassies-2022-11-16"
    licence: str = "https://creativecommons.org/publicdomain/zero/1.0/"


@dataclass
class ImportResult:
    text: str
    model: Model
    scope: str

    @property
    def review(self) -> list[Review]:
        return self.model.review


def _lit(text: str, lang: str | None = None) -> ox.Literal | Text:
    return Text(text, lang) if lang else ox.Literal(text)


def _dec(text: str) -> ox.Literal:
    return ox.Literal(text, datatype=N(str(XSD.decimal)))


def _source_triples(snap: Snapshot) -> list[tuple]:
    src, graph = N(f"{ID}source/{snap.slug}"), N(f"{ID}graph/{snap.slug}")
    wikidata = N(f"{ID}org/wikidata")
    return [
        (graph, N(str(PROV.wasDerivedFrom)), src),
        (src, N(str(RDF.type)), N(str(TKG.Source))), (src, N(str(RDF.type)), N(str(SDO.Dataset))),
        (src, N(str(SDO.headline)), _lit("Database of embassies: diplomatic missions worldwide, generated from "
                                         "Wikidata (snapshot of 16 November 2022)", "en")),
        (src, N(str(SDO.url)), N(snap.url)),
        (src, N(str(SDO.datePublished)), ox.Literal(snap.date, datatype=N(str(XSD.date)))),
        (src, N(str(SDO.license)), N(snap.licence)),
        (src, N(str(SDO.publisher)), wikidata),
        (wikidata, N(str(RDF.type)), N(str(TKG.Organization))),
        (wikidata, N(str(SKOS.prefLabel)), _lit("Wikidata", "en")),
        (wikidata, N(str(SDO.url)), N("https://www.wikidata.org/")),
    ]


def _label(curated: Curated, iri: str, name: str) -> tuple:
    """``skos:prefLabel`` unless a curated file already gives one in English; then ``skos:altLabel``
    (left out when it repeats a curated name exactly)."""
    if "en" in curated.pref_langs.get(iri, set()):
        if (name, "en") in curated.labels.get(iri, set()):
            return ()
        return ((N(iri), N(str(SKOS.altLabel)), _lit(name, "en")),)
    return ((N(iri), N(str(SKOS.prefLabel)), _lit(name, "en")),)


_KIND_CLASS = {"State": TKG.State, "City": TKG.City, "Organization": TKG.InternationalOrganization,
               "Region": SDO.AdministrativeArea}


def _place_triples(place: Place, curated: Curated) -> list[tuple]:
    s = N(place.iri)
    out: list[tuple] = [(s, N(str(RDF.type)), N(str(_KIND_CLASS[place.kind])))]
    out.extend(_label(curated, place.iri, place.name))
    if place.qid:
        out.append((s, N(str(OWL.sameAs)), N(f"{WD}{place.qid}")))
    if place.within:
        out.append((s, N(str(SDO.containedInPlace)), N(place.within)))
    return out


def _homepage(url: str) -> ox.NamedNode | None:
    if not url.startswith(("http://", "https://")) or any(c in url for c in ' <>"{}|\\^`'):
        return None
    try:
        return N(url)
    except ValueError:
        return None


def _mission_triples(m, curated: Curated, src: ox.NamedNode) -> list[tuple]:  # type: ignore[no-untyped-def]
    s, item = N(m.iri), N(f"{WD}{m.qid}")
    out: list[tuple] = [(s, N(str(RDF.type)), N(str(TKG[m.cls])))]
    out.extend(_label(curated, m.iri, m.label))
    out += [(s, N(str(TKG.sendingState)), N(f"{ID}state/{m.sending}")),
            (s, N(str(TKG.hostState)), N(f"{ID}state/{m.host}")),
            (s, N(str(OWL.sameAs)), item), (s, N(str(PROV.wasDerivedFrom)), item),
            (s, N(str(PROV.wasDerivedFrom)), src)]
    out += [(s, N(str(TKG.accreditedTo)), N(a)) for a in m.accredited]
    if m.city:
        out.append((s, N(str(SDO.location)), N(m.city)))
    if m.lat and m.long:
        out += [(s, N(str(GEO.lat)), _dec(m.lat)), (s, N(str(GEO.long)), _dec(m.long))]
    if (home := _homepage(m.website)) is not None:
        out.append((s, N(str(FOAF.homepage)), home))
    if m.note:
        out.append((s, N(str(SKOS.note)), _lit(m.note, "en")))
    return out


def render_model(model: Model, curated: Curated, *, scope: str, snapshot: Snapshot = Snapshot()) -> str:
    src = N(f"{ID}source/{snapshot.slug}")
    triples = _source_triples(snapshot)
    for place in model.places.values():
        triples += _place_triples(place, curated)
    for m in model.missions:
        triples += _mission_triples(m, curated, src)
    header = (f"Diplomatic missions from the database-of-embassies table (Wikidata, {snapshot.date}), scope "
              f"{scope}.\nGenerated by `tkg import embassies --scope {scope}`: do not edit by hand; "
              "see docs/diplomacy-data.md.\n"
              f"{len(model.missions)} missions, {sum(p.kind == 'State' for p in model.places.values())} states, "
              f"{sum(p.kind == 'City' for p in model.places.values())} cities.")
    return render_graph(f"{ID}graph/{snapshot.slug}", triples, header=header)


def import_embassies(csv_path: Path, data_dir: Path, *, scope: str = "turkic",
                     step=lambda _name: None) -> ImportResult:  # type: ignore[no-untyped-def]
    """Read the table and ``data_dir``'s curated entities; return the TriG text and the review."""
    step("reading the table")
    rows = read_rows(csv_path)
    for row in rows:
        if row.type_qid not in TYPE_CLASS:
            raise ParseError(f"unknown mission type {row.type!r} (wd:{row.type_qid}); add it to "
                             "graph/importers/quirks.py TYPE_CLASS", path=csv_path, line=row.line,
                             column=COLUMNS.index("typeQID") + 1)
    step("reading the curated data")
    curated = read_curated(data_dir)
    step("matching")
    model = build_model(rows, curated, scope=scope)
    step("writing")
    return ImportResult(render_model(model, curated, scope=scope), model, scope)
