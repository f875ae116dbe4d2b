"""``tkg import cldr-names``: names of every state (and of the capitals CLDR has) in the region's
languages, with their source; found by ``find_by_name`` and ``kg.find()`` in every language."""

from __future__ import annotations

import pytest

from graph.api import KnowledgeGraph, run_text
from graph.importers.cldr import LANGUAGES, import_cldr_names
from graph.library import load_library, render
from graph.store import OxigraphEngine

from .helpers import ROOT, tkg

NAMES = ROOT / "data" / "cldr-names.trig"
TAGS = sorted(LANGUAGES.values())

#: One state's CLDR names, written out by hand from the CLDR 49 charts (Kyrgyzstan, "KG").
KYRGYZSTAN = {"az-Latn": "Qırğızıstan", "kk-Cyrl": "Қырғызстан", "ky-Cyrl": "Кыргызстан", "tr": "Kırgızistan",
              "uz-Latn": "Qirgʻiziston", "tk-Latn": "Gyrgyzystan", "hu": "Kirgizisztán", "ru": "Киргизия",
              "en": "Kyrgyzstan", "de": "Kirgisistan"}
GERMANY = {"az-Latn": "Almaniya", "kk-Cyrl": "Германия", "tr": "Almanya", "uz-Latn": "Germaniya",
           "tk-Latn": "Germaniýa", "hu": "Németország", "ru": "Германия", "en": "Germany", "de": "Deutschland"}


def test_committed_file_is_what_the_import_writes() -> None:
    text, counts = import_cldr_names(ROOT / "data")
    assert text == NAMES.read_text(encoding="utf-8")
    assert counts == {"state names": 1806, "city names": 70}


def test_cli_prints_what_it_wrote(tmp_path) -> None:
    result = tkg("--root", str(ROOT), "import", "cldr-names", "-o", str(tmp_path / "n.trig"))
    assert result.exit_code == 0
    assert result.stderr == f"wrote {tmp_path / 'n.trig'}: 1806 state names, 70 city names\n"
    assert (tmp_path / "n.trig").read_bytes() == NAMES.read_bytes()


def _labels(engine: OxigraphEngine, iri: str) -> dict[str, set[str]]:
    rows = engine.query(f"""SELECT ?l WHERE {{ <{iri}> <http://www.w3.org/2004/02/skos/core#prefLabel>
        |<http://www.w3.org/2004/02/skos/core#altLabel> ?l }}""").rows
    out: dict[str, set[str]] = {}
    for (label,) in rows:
        out.setdefault(label.language, set()).add(label.value)
    return out


def test_every_state_is_named_in_the_ten_languages(engine: OxigraphEngine) -> None:
    states = [r[0].value for r in engine.query(
        "SELECT DISTINCT ?s WHERE { ?s a <https://w3id.org/turkic-kg/ontology#State> }").rows]
    assert len(states) == 200
    missing = {}
    for iri in states:
        have = set(_labels(engine, iri))
        lacking = sorted(t for t in TAGS if t.lower() not in have)
        if lacking:
            missing[iri.rsplit("/", 1)[-1]] = lacking
    # Northern Cyprus is not in CLDR: its curated sources give English and Turkish only
    assert missing == {"NCY": ["az-Latn", "de", "hu", "kk-Cyrl", "ky-Cyrl", "ru", "tk-Latn", "uz-Latn"]}


def test_names_and_their_source(engine: OxigraphEngine) -> None:
    kgz = _labels(engine, "https://w3id.org/turkic-kg/id/state/KGZ")
    for tag, name in KYRGYZSTAN.items():
        assert name in kgz[tag.lower()], tag
    deu = _labels(engine, "https://w3id.org/turkic-kg/id/state/DEU")
    for tag, name in GERMANY.items():
        assert name in deu[tag.lower()], tag
    rows = engine.query("""SELECT ?url ?date WHERE {
        GRAPH ?g { <https://w3id.org/turkic-kg/id/state/KGZ> <http://www.w3.org/2004/02/skos/core#prefLabel>
                   "Gyrgyzystan"@tk-latn }
        ?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?src . ?src <https://schema.org/url> ?url ;
           <https://schema.org/datePublished> ?date }""").rows
    assert [(u.value, d.value) for u, d in rows] == [
        ("https://github.com/python-babel/babel/releases/tag/v2.19.0", "2026-11-24")]


def test_one_preferred_label_per_language(engine: OxigraphEngine) -> None:
    rows = engine.query("""SELECT ?s ?tag (COUNT(?l) AS ?n) WHERE {
        ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l BIND(LANG(?l) AS ?tag) }
        GROUP BY ?s ?tag HAVING (COUNT(?l) > 1)""").rows
    assert rows == []
    tur = _labels(engine, "https://w3id.org/turkic-kg/id/state/TUR")
    pref = engine.query("""SELECT ?l WHERE { <https://w3id.org/turkic-kg/id/state/TUR>
        <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(LANG(?l) = "en") }""").rows
    assert [r[0].value for r in pref] == ["Republic of Türkiye"]
    assert "Türkiye" in tur["en"] and "Türkiye" in tur["tr"] and "Türkiyə" in tur["az-latn"]


def test_capitals_named_by_cldr(engine: OxigraphEngine) -> None:
    baku = _labels(engine, "https://w3id.org/turkic-kg/id/city/baku")
    assert {t: sorted(v) for t, v in baku.items() if t != "en"} == {
        "az-latn": ["Bakı"], "de": ["Baku"], "hu": ["Baku"], "kk-cyrl": ["Баку"], "ky-cyrl": ["Баку"],
        "ru": ["Баку"], "tk-latn": ["Baku"], "tr": ["Bakü"], "uz-latn": ["Boku"]}


@pytest.mark.parametrize("tag", sorted(KYRGYZSTAN))
def test_find_by_name_in_every_language(tag: str, engine: OxigraphEngine) -> None:
    name = KYRGYZSTAN[tag]
    query = load_library(ROOT / "queries")["find_by_name"]
    found = {row[0].value for row in run_text(engine, render(query, {"name": name})).rows}
    assert "https://w3id.org/turkic-kg/id/state/KGZ" in found
    kg = KnowledgeGraph(engine)
    assert kg.find(name, limit=3)[0].iri == "https://w3id.org/turkic-kg/id/state/KGZ"
    assert kg.find(GERMANY.get(tag, "Deutschland"), limit=3)[0].iri == "https://w3id.org/turkic-kg/id/state/DEU"
