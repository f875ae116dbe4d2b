"""The table's states, organizations and regions, mapped to the project's IRIs.

A state's IRI is ``id/state/<ISO 3166-1 alpha-3>`` (pycountry's copy of the ISO list, by the name the
table gives), with an explicit table for the names ISO does not use (``Turkey``, ``Ivory Coast``,
``Vatican``…) and for polities without an ISO code (Northern Cyprus keeps the project's ``NCY``;
Kosovo the widely used ``XKX``; the other partly recognised states get project codes beginning
with ``X``, which are never stated as ``tkg:isoCode``). Two Wikidata items may name one state only
where :data:`SHARED` says so (the Kingdom of the Netherlands and the Netherlands…); any other
collision is an error, so a refreshed table cannot merge two states silently.
"""

from __future__ import annotations

from dataclasses import dataclass

import pycountry

from ..errors import InputError

__all__ = ["is_state_item", "Polity", "STATE_CODES", "ORGANIZATIONS", "SHARED", "NOT_ISO", "classify", "check_collisions",
           "THE_EIGHT"]

#: The OTS's five members and three observers: Wikidata item → project code.
THE_EIGHT: dict[str, str] = {
    "Q227": "AZE", "Q232": "KAZ", "Q813": "KGZ", "Q43": "TUR", "Q265": "UZB", "Q28": "HUN", "Q874": "TKM",
    "Q23681": "NCY",
}

#: Wikidata items whose table names ISO's list does not use, or that have no ISO code.
STATE_CODES: dict[str, str] = {
    **THE_EIGHT,
    "Q1008": "CIV",   # Ivory Coast
    "Q1011": "CPV",   # Cape Verde
    "Q1005": "GMB",   # The Gambia
    "Q1039": "STP",   # São Tomé and Príncipe
    "Q159": "RUS",    # Russia
    "Q219060": "PSE",  # Palestine / State of Palestine
    "Q237": "VAT",    # Vatican City (the table's operator of nunciatures)
    "Q159583": "VAT",  # Holy See
    "Q27": "IRL",     # Republic of Ireland
    "Q574": "TLS",    # East Timor
    "Q974": "COD",    # Democratic Republic of the Congo
    "Q921": "BRN",    # Brunei
    "Q778": "BHS",    # The Bahamas
    "Q14773": "MAC",  # Macau (operator of one office; ISO lists it)
    "Q1246": "XKX",   # Kosovo (XKX: the code the EU and the IMF use; not ISO)
    "Q1231": "XKX",   # Republic of Kosovo (a second item)
    "Q34754": "XSL",  # Somaliland (project code)
    "Q23427": "XSO",  # South Ossetia (project code)
    "Q31354462": "XAB",  # Abkhazia (project code)
    "Q40362": "XSD",  # Sahrawi Arab Democratic Republic (project code)
    "Q865": "TWN",    # Taiwan
    "Q789889": "RUS",  # Ministry of Foreign Affairs of the Russian Federation (as operator)
    "Q1155502": "CHN",  # Ministry of Foreign Affairs of the People's Republic of China (as operator)
    "Q16911151": "RWA",  # Rwanda's Ministry of Foreign Affairs and Cooperation (as operator)
    "Q930729": "SWE",  # Government of Sweden (as operator)
}

#: Codes that are not ISO 3166-1 (no ``tkg:isoCode`` is stated for them).
NOT_ISO = frozenset({"NCY", "XKX", "XSL", "XSO", "XAB", "XSD"})

#: Codes that more than one Wikidata item of the table maps to, on purpose: code → the item that is
#: the state (its ``owl:sameAs``). The others are the table's stand-ins for that state (the Holy See
#: beside Vatican City, the Kingdom of the Netherlands beside the Netherlands, the agencies that run
#: Japan's and Taiwan's de facto embassies, which the table labels "Japan" and "Taiwan"; ministries
#: and governments named as operators); they map
#: to the state but are not stated as the same thing.
SHARED: dict[str, str] = {
    "VAT": "Q237", "XKX": "Q1246", "NLD": "Q55", "DNK": "Q35", "JPN": "Q17", "TWN": "Q865",
    "RUS": "Q159", "CHN": "Q148", "RWA": "Q1037", "SWE": "Q34",
}
_SHARED_ITEMS: dict[str, frozenset[str]] = {
    "VAT": frozenset({"Q237", "Q159583"}), "XKX": frozenset({"Q1246", "Q1231"}),
    "NLD": frozenset({"Q55", "Q29999"}), "DNK": frozenset({"Q35", "Q756617"}),
    "JPN": frozenset({"Q17", "Q843186"}), "TWN": frozenset({"Q865", "Q22502", "Q5589404", "Q705141"}),
    "RUS": frozenset({"Q159", "Q789889"}), "CHN": frozenset({"Q148", "Q1155502"}),
    "RWA": frozenset({"Q1037", "Q16911151"}), "SWE": frozenset({"Q34", "Q930729"}),
}

#: International organizations the table names as jurisdictions: item → (slug, English name).
ORGANIZATIONS: dict[str, tuple[str, str]] = {
    "Q1065": ("un", "United Nations"),
    "Q458": ("eu", "European Union"),
    "Q7159": ("african-union", "African Union"),
    "Q7809": ("unesco", "UNESCO"),
    "Q7825": ("wto", "World Trade Organization"),
    "Q8889": ("european-parliament", "European Parliament"),
    "Q190353": ("sovereign-military-order-of-malta", "Sovereign Military Order of Malta"),
}


@dataclass(frozen=True)
class Polity:
    """What a Wikidata item of the table is: a ``state`` (``key`` = its code), an ``organization``
    (``key`` = its slug) or ``other`` (a region, a government body, …; ``key`` = the item)."""

    kind: str
    key: str


def classify(item: str, name: str) -> Polity:
    """The polity of a table item.

    >>> classify("Q43", "Turkey")
    Polity(kind='state', key='TUR')
    >>> classify("Q30", "United States of America")
    Polity(kind='state', key='USA')
    >>> classify("Q1065", "United Nations")
    Polity(kind='organization', key='un')
    >>> classify("Q1204", "Illinois")
    Polity(kind='other', key='Q1204')
    """
    if item in STATE_CODES:
        return Polity("state", STATE_CODES[item])
    if item in ORGANIZATIONS:
        return Polity("organization", ORGANIZATIONS[item][0])
    try:
        return Polity("state", pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return Polity("other", item)


def check_collisions(items: dict[str, str]) -> None:
    """Fail when two Wikidata items map to one state code and :data:`SHARED` does not list them.

    ``items``: item → the name the table gives it."""
    by_code: dict[str, set[str]] = {}
    for item, name in items.items():
        polity = classify(item, name)
        if polity.kind == "state":
            by_code.setdefault(polity.key, set()).add(item)
    for code, found in sorted(by_code.items()):
        if len(found) > 1 and not found <= _SHARED_ITEMS.get(code, frozenset()):
            named = ", ".join(f"{i} ({items[i]})" for i in sorted(found))
            raise InputError(f"state {code}: several Wikidata items map to it ({named}); "
                             "list them in graph/importers/polities.py SHARED or STATE_CODES")


def is_state_item(item: str, code: str) -> bool:
    """Whether ``item`` is the state ``code`` itself (its ``owl:sameAs``), not a stand-in for it.

    >>> is_state_item("Q159583", "VAT"), is_state_item("Q237", "VAT"), is_state_item("Q43", "TUR")
    (False, True, True)
    """
    return SHARED.get(code, item) == item
