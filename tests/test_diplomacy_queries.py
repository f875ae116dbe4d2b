"""The diplomacy library queries on the invented fixture (tests/fixtures/diplomacy_sample.trig): exact rows,
worked out by hand from the fixture, and the same rows on pyoxigraph and rdflib."""

from __future__ import annotations

import pytest

from graph.api import run_text
from graph.library import load_library, render
from graph.store import OxigraphEngine, RdflibEngine

from .diplomacy_fixture import diplo_built, diplo_engine, diplo_rdflib  # noqa: F401  (pytest fixtures)
from .helpers import ROOT

LIBRARY = load_library(ROOT / "queries")
AZE, HUN, KAZ, KGZ = "Republic of Azerbaijan", "Hungary", "Republic of Kazakhstan", "Kyrgyz Republic"
TUR, TKM, UZB, NCY = "Republic of Türkiye", "Turkmenistan", "Republic of Uzbekistan", "Turkish Republic of Northern Cyprus"
AUT, GEO = "Republic of Austria", "Georgia"


def rows(engine, name: str, **params: str) -> list[tuple[str | None, ...]]:  # type: ignore[no-untyped-def]
    result = run_text(engine, render(LIBRARY[name], params))
    return [tuple(t.value if t is not None else None for t in row) for row in result.rows]


def test_representation_by_region(diplo_engine: OxigraphEngine) -> None:
    assert rows(diplo_engine, "representation_by_region") == [
        (None, "Embassy", "1", "1"),                  # North Nicosia: Northern Cyprus has no region in the fixture
        ("Central Asia", "Embassy", "4", "4"),
        ("Central Asia", "Consulate general", "1", "1"),
        ("Eastern Europe", "Embassy", "1", "1"),
        ("Western Asia", "Embassy", "2", "2"),
        ("Western Europe", "Consulate general", "1", "1"),
        ("Western Europe", "Embassy", "1", "1"),
    ]
    assert rows(diplo_engine, "representation_by_region", state="state:KGZ") == [
        ("Central Asia", "Embassy", "2", "2"),
        ("Central Asia", "Consulate general", "1", "1"),
        ("Eastern Europe", "Honorary consulate", "1", "1"),
        ("Western Asia", "Embassy", "1", "1"),
        ("Western Europe", "Embassy", "1", "1"),
    ]


def test_hosts_of_all_eight(diplo_engine: OxigraphEngine) -> None:
    # Vienna hosts all eight (Northern Cyprus through a representation office); Ankara the seven others.
    assert rows(diplo_engine, "hosts_of_all_eight") == [
        ("city", "Vienna", AUT, "8"), ("city", "Ankara", TUR, "7"),
        ("state", AUT, AUT, "8"), ("state", TUR, TUR, "7"),
    ]


def test_non_resident_accreditations(diplo_engine: OxigraphEngine) -> None:
    # Türkiye's embassy in Baku is not listed: Türkiye has its own embassy in Tbilisi.
    assert rows(diplo_engine, "non_resident_accreditations") == [
        (HUN, KGZ, "Embassy of Hungary in Astana", KAZ, "Astana"),
        (KAZ, GEO, "Embassy of Republic of Kazakhstan in Baku", AZE, "Baku"),
        (UZB, GEO, "Embassy of Republic of Uzbekistan in Baku", AZE, "Baku"),
    ]


def test_non_reciprocal_pairs(diplo_engine: OxigraphEngine) -> None:
    # Austria sends nothing in the fixture; Kazakhstan has an embassy in Ashgabat and Turkmenistan none in
    # Kazakhstan. Kazakhstan's permanent mission in Vienna and Kyrgyzstan's honorary consulate in Budapest
    # are not bilateral resident missions.
    assert rows(diplo_engine, "non_reciprocal_pairs") == [
        (HUN, AUT, "1"), (KGZ, AUT, "1"), (AZE, AUT, "1"), (KAZ, AUT, "1"), (KAZ, TKM, "1"),
        (TUR, AUT, "2"), (UZB, AUT, "1"), (NCY, AUT, "1"), (TKM, AUT, "1"),
    ]


def test_network_size_in_lowy_columns(diplo_engine: OxigraphEngine) -> None:
    result = run_text(diplo_engine, render(LIBRARY["network_size"]))
    assert result.variables == ["stateLabel", "embassiesAndHighCommissions", "consulatesGeneralAndConsulates",
                                "permanentMissions", "other", "total"]
    assert rows(diplo_engine, "network_size") == [
        (TUR, "9", "2", "0", "0", "11"),
        (KAZ, "7", "1", "1", "0", "9"),
        (AZE, "6", "1", "0", "0", "7"),
        (UZB, "6", "0", "0", "0", "6"),
        (HUN, "4", "1", "0", "0", "5"),
        (KGZ, "4", "1", "0", "0", "5"),            # the honorary consulate in Budapest is not counted
        (TKM, "3", "1", "0", "0", "4"),            # the consulate general without a city is counted
        (NCY, "1", "0", "0", "1", "2"),            # the representation office in Vienna is "other"
    ]


def test_missions_in_city(diplo_engine: OxigraphEngine) -> None:
    got = rows(diplo_engine, "missions_in_city")
    assert len(got) == 9
    assert got[4] == (KAZ, "Permanent mission",
                      "Permanent Mission of Republic of Kazakhstan to the OSCE in Vienna",
                      "Organization for Security and Co-operation in Europe")
    assert got[7] == (NCY, "Other mission", "Representation Office of Turkish Republic of Northern Cyprus in Vienna", AUT)
    assert rows(diplo_engine, "missions_in_city", city="city:baku") == [
        (GEO, "Embassy", "Embassy of Georgia in Baku", AZE),
        (HUN, "Embassy", "Embassy of Hungary in Baku", AZE),
        (KAZ, "Embassy", "Embassy of Republic of Kazakhstan in Baku", GEO),
        (KAZ, "Embassy", "Embassy of Republic of Kazakhstan in Baku", AZE),
        (TUR, "Embassy", "Embassy of Republic of Türkiye in Baku", AZE),
        (UZB, "Embassy", "Embassy of Republic of Uzbekistan in Baku", GEO),
        (UZB, "Embassy", "Embassy of Republic of Uzbekistan in Baku", AZE),
    ]


@pytest.mark.parametrize("name", ["representation_by_region", "hosts_of_all_eight", "non_resident_accreditations",
                                  "non_reciprocal_pairs", "network_size", "missions_in_city"])
def test_same_rows_on_rdflib(name: str, diplo_engine: OxigraphEngine, diplo_rdflib: RdflibEngine) -> None:
    assert rows(diplo_rdflib, name) == rows(diplo_engine, name)


def test_federation_example_parses() -> None:
    """docs/examples/wikidata_kazakh_missions.rq is documented, not run (no network in the tests): it parses,
    and it calls Wikidata's service through the missions' owl:sameAs."""
    from rdflib.plugins.sparql import prepareQuery

    text = (ROOT / "docs" / "examples" / "wikidata_kazakh_missions.rq").read_text(encoding="utf-8")
    prepareQuery(text)
    assert "SERVICE <https://query.wikidata.org/sparql>" in text and "owl:sameAs ?item" in text
