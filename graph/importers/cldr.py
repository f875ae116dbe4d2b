"""``tkg import cldr-names``: every state's name, and the capitals of the eight, in the region's languages.

Names come from Unicode CLDR through Babel (territory names; for cities, the exemplar city of a time
zone, with CLDR's own fallback to the zone's name), ISO 3166-1 codes through pycountry. Both are
cited as sources with their versions. A name becomes ``skos:prefLabel`` in its language tag unless
another data file already gives a preferred label in that tag (the curated "Republic of Türkiye"@en
stays); then it is a ``skos:altLabel``, and a name already stated there is not repeated.

Language tags follow the data's convention: a script subtag for the languages written in two
scripts (az-Latn, kk-Cyrl, ky-Cyrl, uz-Latn, tk-Latn), none for tr, hu, ru, en, de.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import babel
import pycountry
import pyoxigraph as ox
from babel import Locale
from babel.core import get_cldr_version
from babel.dates import get_timezone_location

from ..errors import InputError
from ..load import data_files, read_file
from ..namespaces import PROV, RDF, SDO, SKOS, TKG, XSD
from .polities import NOT_ISO
from .trig import Text, render_graph

__all__ = ["LANGUAGES", "CAPITAL_ZONES", "state_names", "city_names", "import_cldr_names"]

ID = "https://w3id.org/turkic-kg/id/"
N = ox.NamedNode

#: Babel locale → the language tag written in the data.
LANGUAGES: dict[str, str] = {
    "az": "az-Latn", "kk": "kk-Cyrl", "ky": "ky-Cyrl", "tr": "tr", "uz": "uz-Latn", "tk": "tk-Latn",
    "hu": "hu", "ru": "ru", "en": "en", "de": "de",
}

#: City IRI → the time zone whose exemplar city it is (the capitals of the eight that CLDR has, and the
#: other cities of the graph that give a zone its name). Ankara, Astana and North Nicosia name no zone.
CAPITAL_ZONES: dict[str, str] = {
    "baku": "Asia/Baku", "bishkek": "Asia/Bishkek", "tashkent": "Asia/Tashkent", "budapest": "Europe/Budapest",
    "ashgabat": "Asia/Ashgabat", "istanbul": "Europe/Istanbul", "almaty": "Asia/Almaty", "vienna": "Europe/Vienna",
}

#: Release dates of the package versions cited (the version alone does not give the date).
_BABEL_RELEASED = {"2.19.0": "2026-11-24"}
_CODE_TERRITORY = {"XKX": "XK"}


def _alpha2(code: str) -> str | None:
    if code in _CODE_TERRITORY:
        return _CODE_TERRITORY[code]
    country = pycountry.countries.get(alpha_3=code)
    return country.alpha_2 if country else None


def state_names(code: str) -> dict[str, str]:
    """Tag → CLDR's name of the state ``code`` (empty when CLDR has no territory for it).

    >>> names = state_names("KGZ")
    >>> names["ky-Cyrl"], names["tr"], names["de"]
    ('Кыргызстан', 'Kırgızistan', 'Kirgisistan')
    >>> state_names("NCY")
    {}
    """
    territory = _alpha2(code)
    if territory is None:
        return {}
    out = {}
    for loc, tag in LANGUAGES.items():
        name = Locale.parse(loc).territories.get(territory)
        if name:
            out[tag] = name
    return out


def city_names(zone: str) -> dict[str, str]:
    """Tag → CLDR's exemplar city of the time zone ``zone``.

    >>> city_names("Asia/Baku")["az-Latn"], city_names("Asia/Baku")["en"]
    ('Bakı', 'Baku')
    """
    return {tag: get_timezone_location(zone, locale=loc, return_city=True) for loc, tag in LANGUAGES.items()}


def _existing(data_dir: Path, skip: str) -> tuple[set[str], set[str], dict[str, set[tuple[str, str]]], set[str]]:
    """States and cities in data/, their labels (text, lower-case tag), and (entity, tag) pairs that
    have a preferred label, leaving out the file ``skip``."""
    states, cities, prefs = set(), set(), set()
    labels: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for path in data_files(data_dir):
        if path.name == skip:
            continue
        for q in read_file(path):
            s, p, o = q.subject.value, q.predicate.value, q.object
            if p == str(RDF.type) and o.value == str(TKG.State):
                states.add(s)
            elif p == str(RDF.type) and o.value == str(TKG.City):
                cities.add(s)
            elif p in (str(SKOS.prefLabel), str(SKOS.altLabel), str(SKOS.hiddenLabel)) and isinstance(o, ox.Literal):
                labels[s].add((o.value, (o.language or "").lower()))
                if p == str(SKOS.prefLabel):
                    prefs.add(f"{s} {(o.language or '').lower()}")
    return states, cities, labels, prefs


def _name_triples(iri: str, names: dict[str, str], labels: dict[str, set[tuple[str, str]]],
                  prefs: set[str]) -> list[tuple]:
    out = []
    for tag, name in sorted(names.items()):
        if (name, tag.lower()) in labels.get(iri, set()):
            continue
        pred = SKOS.altLabel if f"{iri} {tag.lower()}" in prefs else SKOS.prefLabel
        out.append((N(iri), N(str(pred)), Text(name, tag)))
    return out


def _source(slug: str, *, headline: str, url: str, date: str) -> list[tuple]:
    src, graph = N(f"{ID}source/{slug}"), N(f"{ID}graph/{slug}")
    return [(graph, N(str(PROV.wasDerivedFrom)), src), (src, N(str(RDF.type)), N(str(TKG.Source))),
            (src, N(str(RDF.type)), N(str(SDO.Dataset))),
            (src, N(str(SDO.headline)), ox.Literal(headline, language="en")), (src, N(str(SDO.url)), N(url)),
            (src, N(str(SDO.datePublished)), ox.Literal(date, datatype=N(str(XSD.date))))]


def import_cldr_names(data_dir: Path, *, output_name: str = "cldr-names.trig") -> tuple[str, dict[str, int]]:
    """The TriG text of the names file and counts of what it states."""
    version, cldr = babel.__version__, get_cldr_version()
    if version not in _BABEL_RELEASED:
        raise InputError(f"Babel {version} is not the version data/{output_name} cites (2.19.0): install "
                         "babel==2.19.0, or add the new version's release date in graph/importers/cldr.py")
    states, cities, labels, prefs = _existing(data_dir, output_name)
    slug = f"babel-{version.replace('.', '-')}-cldr-{cldr}"
    triples = _source(slug, headline=f"Unicode CLDR {cldr} locale data as shipped in Babel {version}: "
                                     "territory names and time-zone exemplar cities",
                      url=f"https://github.com/python-babel/babel/releases/tag/v{version}",
                      date=_BABEL_RELEASED[version])
    counts = {"state names": 0, "city names": 0}
    for iri in sorted(states):
        new = _name_triples(iri, state_names(iri.rsplit("/", 1)[-1]), labels, prefs)
        counts["state names"] += len(new)
        triples += new
    for local, zone in sorted(CAPITAL_ZONES.items()):
        iri = f"{ID}city/{local}"
        if iri in cities:
            new = _name_triples(iri, city_names(zone), labels, prefs)
            counts["city names"] += len(new)
            triples += new
    text = render_graph(f"{ID}graph/{slug}", triples, header=(
        f"Names of the graph's states and of cities that name a time zone, from Unicode CLDR {cldr} (Babel {version}).\n"
        "Generated by `tkg import cldr-names` from the states and cities in data/: do not edit by hand;\n"
        "run it again after `tkg import embassies` (see docs/diplomacy-data.md)."))
    return text + _iso_graph(states), counts


def _iso_graph(states: set[str]) -> str:
    """A second named graph: the ISO 3166-1 alpha-3 code of every state that has one (pycountry)."""
    version = "26.2.16"
    slug = f"pycountry-{version.replace('.', '-')}-iso-3166-1"
    triples = _source(slug, headline=f"ISO 3166-1 country codes as shipped in pycountry {version} (from Debian's iso-codes)",
                      url=f"https://pypi.org/project/pycountry/{version}/", date="2026-02-16")
    for iri in sorted(states):
        code = iri.rsplit("/", 1)[-1]
        if code not in NOT_ISO and pycountry.countries.get(alpha_3=code) is not None:
            triples.append((N(iri), N(str(TKG.isoCode)), ox.Literal(code)))
    body = render_graph(f"{ID}graph/{slug}", triples, header="")
    return "\n" + body[body.index(f"graph:{slug}"):]
