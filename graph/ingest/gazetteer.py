"""What the ingest knows by name: states, organizations, cities, venues and persons.

Two sources, merged: the built graph (every ``skos:prefLabel``, ``altLabel`` and ``hiddenLabel``
through :class:`IngestIndex`, a :class:`~graph.names.NameIndex`), and a small built-in list of
states (ISO 3166-1 alpha-3, short and official names, demonyms), international organizations and
cities, so that an article can be read even about entities the graph does not hold yet.
Names are found in text after transliteration to ASCII and case folding (:func:`fold_text`), so
"Türkiye", "Turkiye" and "TÜRKİYE" are one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

from ..names import NameIndex, normalize
from ..namespaces import ID, local_name, sparql_prefixes
from ..store import Engine

__all__ = [
    "STATES", "ORGANIZATIONS", "CITIES", "ROLE_TITLES", "IngestIndex", "Gazetteer", "NameHit",
    "fold_text", "variant_key", "load_gazetteer", "slugify", "iri",
]

# (ISO3, English short name, official name, demonyms, other names)
STATES: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("TUR", "Türkiye", "Republic of Türkiye", ("Turkish",), ("Turkey", "Turkiye", "Republic of Turkey")),
    ("AZE", "Azerbaijan", "Republic of Azerbaijan", ("Azerbaijani", "Azeri"), ()),
    ("KAZ", "Kazakhstan", "Republic of Kazakhstan", ("Kazakh", "Kazakhstani"), ("Qazaqstan",)),
    ("KGZ", "Kyrgyzstan", "Kyrgyz Republic", ("Kyrgyz",), ("Kirghizia", "Kyrgyz Republic")),
    ("UZB", "Uzbekistan", "Republic of Uzbekistan", ("Uzbek", "Uzbekistani"), ()),
    ("TKM", "Turkmenistan", "Turkmenistan", ("Turkmen",), ()),
    ("HUN", "Hungary", "Hungary", ("Hungarian",), ()),
    ("NCY", "Turkish Republic of Northern Cyprus", "Turkish Republic of Northern Cyprus",
     ("Turkish Cypriot",), ("TRNC", "Northern Cyprus", "KKTC")),
    ("AUT", "Austria", "Republic of Austria", ("Austrian",), ()),
    ("RUS", "Russia", "Russian Federation", ("Russian",), ()),
    ("CHN", "China", "People's Republic of China", ("Chinese",), ()),
    ("DEU", "Germany", "Federal Republic of Germany", ("German",), ()),
    ("FRA", "France", "French Republic", ("French",), ()),
    ("GBR", "United Kingdom", "United Kingdom of Great Britain and Northern Ireland", ("British",), ("UK", "Britain")),
    ("USA", "United States", "United States of America", ("American",), ("USA", "U.S.", "US")),
    ("ISR", "Israel", "State of Israel", ("Israeli",), ()),
    ("GEO", "Georgia", "Georgia", ("Georgian",), ()),
    ("UKR", "Ukraine", "Ukraine", ("Ukrainian",), ()),
    ("IRN", "Iran", "Islamic Republic of Iran", ("Iranian",), ()),
    ("PAK", "Pakistan", "Islamic Republic of Pakistan", ("Pakistani",), ()),
    ("AFG", "Afghanistan", "Afghanistan", ("Afghan",), ()),
    ("MNG", "Mongolia", "Mongolia", ("Mongolian",), ()),
    ("TJK", "Tajikistan", "Republic of Tajikistan", ("Tajik",), ()),
    ("CHE", "Switzerland", "Swiss Confederation", ("Swiss",), ()),
    ("BEL", "Belgium", "Kingdom of Belgium", ("Belgian",), ()),
    ("ITA", "Italy", "Italian Republic", ("Italian",), ()),
    ("POL", "Poland", "Republic of Poland", ("Polish",), ()),
    ("JPN", "Japan", "Japan", ("Japanese",), ()),
    ("KOR", "Republic of Korea", "Republic of Korea", ("South Korean",), ("South Korea",)),
    ("IND", "India", "Republic of India", ("Indian",), ()),
    ("SAU", "Saudi Arabia", "Kingdom of Saudi Arabia", ("Saudi",), ()),
    ("ARE", "United Arab Emirates", "United Arab Emirates", ("Emirati",), ("UAE",)),
    ("QAT", "Qatar", "State of Qatar", ("Qatari",), ()),
    ("EGY", "Egypt", "Arab Republic of Egypt", ("Egyptian",), ()),
    ("BLR", "Belarus", "Republic of Belarus", ("Belarusian",), ()),
    ("ROU", "Romania", "Romania", ("Romanian",), ()),
    ("BGR", "Bulgaria", "Republic of Bulgaria", ("Bulgarian",), ()),
    ("SRB", "Serbia", "Republic of Serbia", ("Serbian",), ()),
    ("GRC", "Greece", "Hellenic Republic", ("Greek",), ()),
    ("CZE", "Czech Republic", "Czech Republic", ("Czech",), ("Czechia",)),
    ("SVK", "Slovakia", "Slovak Republic", ("Slovak",), ()),
    ("SVN", "Slovenia", "Republic of Slovenia", ("Slovenian",), ()),
    ("HRV", "Croatia", "Republic of Croatia", ("Croatian",), ()),
    ("ESP", "Spain", "Kingdom of Spain", ("Spanish",), ()),
    ("NLD", "Netherlands", "Kingdom of the Netherlands", ("Dutch",), ()),
    ("ARM", "Armenia", "Republic of Armenia", ("Armenian",), ()),
    ("MYS", "Malaysia", "Malaysia", ("Malaysian",), ()),
    ("IDN", "Indonesia", "Republic of Indonesia", ("Indonesian",), ()),
    ("CAN", "Canada", "Canada", ("Canadian",), ()),
)

# (slug, names (first is the preferred label), class)
ORGANIZATIONS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("ots", ("Organization of Turkic States", "OTS", "Organisation of Turkic States", "Turkic Council",
             "Cooperation Council of Turkic Speaking States", "Turkic States Organization"),
     "InternationalOrganization"),
    ("turksoy", ("International Organization of Turkic Culture", "TURKSOY", "TÜRKSOY"), "InternationalOrganization"),
    ("turkpa", ("Parliamentary Assembly of Turkic States", "TURKPA", "TÜRKPA",
                "Parliamentary Assembly of Turkic Speaking Countries"), "InternationalOrganization"),
    ("turkic-academy", ("International Turkic Academy", "Turkic Academy"), "InternationalOrganization"),
    ("turkic-culture-heritage-foundation", ("Turkic Culture and Heritage Foundation",), "InternationalOrganization"),
    ("turkic-investment-fund", ("Turkic Investment Fund", "TIF"), "InternationalOrganization"),
    ("un", ("United Nations", "UN"), "InternationalOrganization"),
    ("unov", ("United Nations Office at Vienna", "UNOV",
              "United Nations Office and Other International Organizations in Vienna",
              "UN Office and other International Organizations in Vienna"), "InternationalOrganization"),
    ("osce", ("Organization for Security and Co-operation in Europe", "OSCE",
              "Organization for Security and Cooperation in Europe"), "InternationalOrganization"),
    ("eu", ("European Union", "EU"), "InternationalOrganization"),
    ("cis", ("Commonwealth of Independent States", "CIS"), "InternationalOrganization"),
    ("sco", ("Shanghai Cooperation Organisation", "SCO", "Shanghai Cooperation Organization"), "InternationalOrganization"),
    ("oic", ("Organisation of Islamic Cooperation", "OIC", "Organization of Islamic Cooperation"), "InternationalOrganization"),
    ("cica", ("Conference on Interaction and Confidence-Building Measures in Asia", "CICA"), "InternationalOrganization"),
    ("eco", ("Economic Cooperation Organization", "ECO"), "InternationalOrganization"),
    ("nato", ("North Atlantic Treaty Organization", "NATO"), "InternationalOrganization"),
    ("iaea", ("International Atomic Energy Agency", "IAEA"), "InternationalOrganization"),
    ("unido", ("United Nations Industrial Development Organization", "UNIDO"), "InternationalOrganization"),
    ("nam", ("Non-Aligned Movement", "NAM", "Non-Aligned Movement (NAM)"), "InternationalOrganization"),
    ("guam", ("GUAM", "GUAM Organization for Democracy and Economic Development"), "InternationalOrganization"),
    ("csto", ("Collective Security Treaty Organization", "CSTO"), "InternationalOrganization"),
    ("eaeu", ("Eurasian Economic Union", "EAEU", "EEU"), "InternationalOrganization"),
    ("coe", ("Council of Europe",), "InternationalOrganization"),
    ("bsec", ("Organization of the Black Sea Economic Cooperation", "BSEC", "Black Sea Economic Cooperation"), "InternationalOrganization"),
    ("wto", ("World Trade Organization", "WTO"), "InternationalOrganization"),
    ("opec", ("Organization of the Petroleum Exporting Countries", "OPEC"), "InternationalOrganization"),
    ("asean", ("Association of Southeast Asian Nations", "ASEAN"), "InternationalOrganization"),
    ("icesco", ("Islamic World Educational, Scientific and Cultural Organization", "ICESCO", "ISESCO"), "InternationalOrganization"),
    ("unesco", ("United Nations Educational, Scientific and Cultural Organization", "UNESCO"), "InternationalOrganization"),
)

# (slug, names, ISO3 of the state)
CITIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("astana", ("Astana", "Nur-Sultan"), "KAZ"), ("almaty", ("Almaty", "Alma-Ata"), "KAZ"),
    ("shymkent", ("Shymkent",), "KAZ"), ("turkistan", ("Turkistan", "Turkestan"), "KAZ"),
    ("aktau", ("Aktau",), "KAZ"), ("bishkek", ("Bishkek",), "KGZ"), ("osh", ("Osh",), "KGZ"),
    ("cholpon-ata", ("Cholpon-Ata",), "KGZ"), ("tashkent", ("Tashkent",), "UZB"),
    ("samarkand", ("Samarkand", "Samarqand"), "UZB"), ("bukhara", ("Bukhara",), "UZB"),
    ("khiva", ("Khiva",), "UZB"), ("baku", ("Baku",), "AZE"), ("shusha", ("Shusha",), "AZE"),
    ("ganja", ("Ganja",), "AZE"), ("nakhchivan", ("Nakhchivan",), "AZE"), ("gabala", ("Gabala",), "AZE"),
    ("ankara", ("Ankara",), "TUR"), ("istanbul", ("Istanbul",), "TUR"), ("izmir", ("Izmir",), "TUR"),
    ("antalya", ("Antalya",), "TUR"), ("bursa", ("Bursa",), "TUR"), ("konya", ("Konya",), "TUR"),
    ("ashgabat", ("Ashgabat",), "TKM"), ("anau", ("Anau",), "TKM"), ("budapest", ("Budapest",), "HUN"),
    ("vienna", ("Vienna", "Wien"), "AUT"), ("nicosia", ("Nicosia", "Lefkosa"), "NCY"),
    ("moscow", ("Moscow",), "RUS"), ("kazan", ("Kazan",), "RUS"), ("berlin", ("Berlin",), "DEU"),
    ("brussels", ("Brussels",), "BEL"), ("geneva", ("Geneva",), "CHE"), ("new-york", ("New York",), "USA"),
    ("paris", ("Paris",), "FRA"), ("london", ("London",), "GBR"), ("tbilisi", ("Tbilisi",), "GEO"),
    ("beijing", ("Beijing",), "CHN"), ("tehran", ("Tehran",), "IRN"), ("dushanbe", ("Dushanbe",), "TJK"),
    ("ulaanbaatar", ("Ulaanbaatar", "Ulan Bator"), "MNG"), ("kyiv", ("Kyiv",), "UKR"),
    ("minsk", ("Minsk",), "BLR"), ("warsaw", ("Warsaw",), "POL"), ("rome", ("Rome",), "ITA"),
    ("doha", ("Doha",), "QAT"), ("islamabad", ("Islamabad",), "PAK"), ("strasbourg", ("Strasbourg",), "FRA"),
    # regional centres of the Turkic states and other cities often in the news ("Mary" and "Oral",
    # which are also common words or names, are left out)
    ("sumgait", ("Sumgait", "Sumqayit"), "AZE"), ("lankaran", ("Lankaran",), "AZE"),
    ("sheki", ("Sheki", "Shaki"), "AZE"), ("shamakhi", ("Shamakhi",), "AZE"),
    ("mingachevir", ("Mingachevir",), "AZE"), ("khankendi", ("Khankendi",), "AZE"),
    ("aghdam", ("Aghdam", "Agdam"), "AZE"), ("fuzuli", ("Fuzuli",), "AZE"), ("lachin", ("Lachin",), "AZE"),
    ("kalbajar", ("Kalbajar",), "AZE"), ("zangilan", ("Zangilan",), "AZE"), ("jabrayil", ("Jabrayil",), "AZE"),
    ("guba", ("Guba", "Quba"), "AZE"), ("shirvan", ("Shirvan",), "AZE"), ("naftalan", ("Naftalan",), "AZE"),
    ("trabzon", ("Trabzon",), "TUR"), ("kayseri", ("Kayseri",), "TUR"), ("eskisehir", ("Eskişehir", "Eskisehir"), "TUR"),
    ("gaziantep", ("Gaziantep",), "TUR"), ("erzurum", ("Erzurum",), "TUR"), ("edirne", ("Edirne",), "TUR"),
    ("kars", ("Kars",), "TUR"), ("igdir", ("Iğdır", "Igdir"), "TUR"), ("adana", ("Adana",), "TUR"),
    ("mersin", ("Mersin",), "TUR"), ("samsun", ("Samsun",), "TUR"), ("bodrum", ("Bodrum",), "TUR"),
    ("karaganda", ("Karaganda", "Karagandy"), "KAZ"), ("aktobe", ("Aktobe",), "KAZ"), ("atyrau", ("Atyrau",), "KAZ"),
    ("pavlodar", ("Pavlodar",), "KAZ"), ("kostanay", ("Kostanay",), "KAZ"), ("taraz", ("Taraz",), "KAZ"),
    ("kyzylorda", ("Kyzylorda",), "KAZ"), ("semey", ("Semey",), "KAZ"), ("uralsk", ("Uralsk",), "KAZ"),
    ("oskemen", ("Oskemen", "Ust-Kamenogorsk"), "KAZ"), ("petropavl", ("Petropavl",), "KAZ"),
    ("kokshetau", ("Kokshetau",), "KAZ"), ("taldykorgan", ("Taldykorgan",), "KAZ"), ("baikonur", ("Baikonur",), "KAZ"),
    ("namangan", ("Namangan",), "UZB"), ("andijan", ("Andijan",), "UZB"), ("fergana", ("Fergana",), "UZB"),
    ("nukus", ("Nukus",), "UZB"), ("termez", ("Termez",), "UZB"), ("karshi", ("Karshi",), "UZB"),
    ("navoi", ("Navoi", "Navoiy"), "UZB"), ("urgench", ("Urgench",), "UZB"), ("jizzakh", ("Jizzakh",), "UZB"),
    ("kokand", ("Kokand",), "UZB"), ("karakol", ("Karakol",), "KGZ"), ("jalal-abad", ("Jalal-Abad",), "KGZ"),
    ("naryn", ("Naryn",), "KGZ"), ("talas", ("Talas",), "KGZ"), ("batken", ("Batken",), "KGZ"),
    ("avaza", ("Avaza",), "TKM"), ("turkmenbashi", ("Turkmenbashi",), "TKM"), ("dashoguz", ("Dashoguz",), "TKM"),
    ("balkanabat", ("Balkanabat",), "TKM"), ("turkmenabat", ("Turkmenabat",), "TKM"), ("arkadag", ("Arkadag",), "TKM"),
    ("debrecen", ("Debrecen",), "HUN"), ("szeged", ("Szeged",), "HUN"), ("famagusta", ("Famagusta",), "NCY"),
    ("kyrenia", ("Kyrenia", "Girne"), "NCY"), ("ufa", ("Ufa",), "RUS"), ("sochi", ("Sochi",), "RUS"),
    ("saint-petersburg", ("Saint Petersburg", "St. Petersburg"), "RUS"), ("yakutsk", ("Yakutsk",), "RUS"),
    ("cheboksary", ("Cheboksary",), "RUS"), ("washington", ("Washington",), "USA"),
    ("los-angeles", ("Los Angeles",), "USA"), ("dubai", ("Dubai",), "ARE"), ("davos", ("Davos",), "CHE"),
    ("munich", ("Munich",), "DEU"), ("batumi", ("Batumi",), "GEO"), ("khujand", ("Khujand",), "TJK"),
    ("tabriz", ("Tabriz",), "IRN"),
    # more capitals and cities in the news of the Turkic states' diplomacy ("Sofia" left out: a given name)
    ("odesa", ("Odesa", "Odessa"), "UKR"), ("kharkiv", ("Kharkiv",), "UKR"), ("lviv", ("Lviv",), "UKR"),
    ("tokyo", ("Tokyo",), "JPN"), ("seoul", ("Seoul",), "KOR"), ("new-delhi", ("New Delhi",), "IND"),
    ("cairo", ("Cairo",), "EGY"), ("riyadh", ("Riyadh",), "SAU"), ("jeddah", ("Jeddah",), "SAU"), ("kabul", ("Kabul",), "AFG"),
    ("bratislava", ("Bratislava",), "SVK"), ("prague", ("Prague",), "CZE"), ("bucharest", ("Bucharest",), "ROU"),
    ("belgrade", ("Belgrade",), "SRB"), ("madrid", ("Madrid",), "ESP"), ("lisbon", ("Lisbon",), "PRT"),
    ("stockholm", ("Stockholm",), "SWE"), ("helsinki", ("Helsinki",), "FIN"), ("oslo", ("Oslo",), "NOR"),
    ("copenhagen", ("Copenhagen",), "DNK"), ("amsterdam", ("Amsterdam",), "NLD"), ("the-hague", ("The Hague",), "NLD"),
    ("zagreb", ("Zagreb",), "HRV"), ("ljubljana", ("Ljubljana",), "SVN"), ("sarajevo", ("Sarajevo",), "BIH"),
    ("skopje", ("Skopje",), "MKD"), ("tirana", ("Tirana",), "ALB"), ("chisinau", ("Chisinau",), "MDA"),
    ("riga", ("Riga",), "LVA"), ("vilnius", ("Vilnius",), "LTU"), ("tallinn", ("Tallinn",), "EST"),
    ("yerevan", ("Yerevan",), "ARM"), ("kuala-lumpur", ("Kuala Lumpur",), "MYS"), ("jakarta", ("Jakarta",), "IDN"),
    ("bangkok", ("Bangkok",), "THA"), ("hanoi", ("Hanoi",), "VNM"), ("ottawa", ("Ottawa",), "CAN"),
    ("urumqi", ("Urumqi",), "CHN"), ("shanghai", ("Shanghai",), "CHN"), ("lahore", ("Lahore",), "PAK"),
    ("karachi", ("Karachi",), "PAK"), ("abu-dhabi", ("Abu Dhabi",), "ARE"), ("muscat", ("Muscat",), "OMN"),
    ("amman", ("Amman",), "JOR"), ("beirut", ("Beirut",), "LBN"), ("tunis", ("Tunis",), "TUN"),
    ("algiers", ("Algiers",), "DZA"), ("rabat", ("Rabat",), "MAR"), ("addis-ababa", ("Addis Ababa",), "ETH"),
    ("novosibirsk", ("Novosibirsk",), "RUS"), ("grozny", ("Grozny",), "RUS"), ("athens", ("Athens",), "GRC"),
)

# Role titles: (pattern, role slug, title as the gold format writes it). Longest first.
ROLE_TITLES: tuple[tuple[str, str, str], ...] = (
    (r"Honorary\s+Consuls?[\s-]+General", "consul-general", "Honorary Consul General"),
    (r"Honorary\s+Consuls?", "consul-general", "Honorary Consul"),
    (r"Honorary\s+(?:Chairman|Chairwoman|Chairperson|Chair)", "chairman", "Honorary Chairman"),
    (r"Honorary\s+President", "president", "Honorary President"),
    (r"First\s+Deputy\s+(?:Foreign\s+Ministers?|Ministers?\s+(?:of|for)\s+Foreign\s+Affairs)", "deputy-minister-of-foreign-affairs",
     "First Deputy Minister of Foreign Affairs"),
    (r"Deputy\s+Ministers?\s+(?:of|for)\s+Foreign\s+Affairs(?:\s+and\s+(?-i:Trade|trade(?!\s+(?:relations|representatives|cooperation|ties|turnover|volume|missions?|houses?|policy|issues|and\s+economic))|International\s+Cooperation|European\s+Affairs|Foreign\s+Trade))?",
     "deputy-minister-of-foreign-affairs", "Deputy Minister of Foreign Affairs"),
    (r"Deputy\s+Foreign\s+Ministers?", "deputy-minister-of-foreign-affairs", "Deputy Minister of Foreign Affairs"),
    (r"Vice\s+Minister\s+(?:of|for)\s+Foreign\s+Affairs", "deputy-minister-of-foreign-affairs", "Deputy Minister of Foreign Affairs"),
    (r"Ministers?\s+of\s+Trade\s+and\s+Foreign\s+Affairs", "minister-of-foreign-affairs", "Minister of Foreign Affairs and Trade"),
    # "Minister of Foreign Economic Relations and Foreign Affairs", "… of European Integration and Foreign Affairs":
    # a foreign minister with another portfolio first (the title as written, see persons.titles)
    (r"Ministers?\s+of\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\s+and\s+Foreign\s+Affairs", "minister-of-foreign-affairs",
     "Minister of Foreign Affairs"),
    (r"Ministers?\s+(?:of|for)\s+Foreign\s+Affairs(?:\s+and\s+(?-i:Trade|trade(?!\s+(?:relations|representatives|cooperation|ties|turnover|volume|missions?|houses?|policy|issues|and\s+economic))|International\s+Cooperation|European\s+Affairs|"
     r"Foreign\s+Trade|Worship|International\s+Trade))?", "minister-of-foreign-affairs", "Minister of Foreign Affairs"),
    (r"Foreign\s+Ministers?", "minister-of-foreign-affairs", "Minister of Foreign Affairs"),
    (r"(?-i:\bDeputy\s+FM\b)", "deputy-minister-of-foreign-affairs", "Deputy Minister of Foreign Affairs"),
    (r"(?-i:\bFM\b|\btop\s+diplomat\b)", "minister-of-foreign-affairs", "Minister of Foreign Affairs"),   # "Azerbaijani FM X"
    (r"Deputy\s+Secretar(?:y|ies)[\s-]+General", "deputy-secretary-general", "Deputy Secretary General"),
    (r"Secretar(?:y|ies)[\s-]+General", "secretary-general", "Secretary General"),
    (r"Executive\s+Director", "director-general", "Executive Director"),
    (r"Ambassadors?\s+Extraordinary\s+and\s+Plenipotentiary", "ambassador", "Ambassador"),
    (r"Ambassadors?", "ambassador", "Ambassador"),
    (r"Permanent\s+Representatives?", "permanent-representative", "Permanent Representative"),
    (r"Consuls?[\s-]+General", "consul-general", "Consul General"),
    (r"(?:First\s+)?(?:Deputy|Vice)\s+Prime\s+Ministers?", "minister", "Deputy Prime Minister"),
    (r"Prime\s+Ministers?", "prime-minister", "Prime Minister"),
    (r"(?-i:\bPM\b)", "prime-minister", "Prime Minister"),
    (r"(?:First\s+)?Deputy\s+Governor", "head-of-institution", "Deputy Governor"),    # a deputy, not the governor
    (r"Vice[\s-]+Governor", "head-of-institution", "Vice Governor"),
    (r"(?:First\s+)?Deputy\s+Akim", "head-of-institution", "Deputy Akim"),
    (r"(?:First\s+)?Deputy\s+[KH]h?okim", "head-of-institution", "Deputy Hokim"),
    (r"(?:First\s+)?Deputy\s+Mayor", "head-of-institution", "Deputy Mayor"),
    (r"Governor", "head-of-institution", "Governor"),
    (r"Akim", "head-of-institution", "Akim"),                     # a Kazakh region's or city's governor
    (r"[KH]h?okim", "head-of-institution", "Hokim"),              # an Uzbek one
    (r"Executive\s+Secretary", "head-of-institution", "Executive Secretary"),
    (r"Vice[\s-]+Speaker", "chairman", "Vice Speaker"),
    (r"Mayor", "head-of-institution", "Mayor"),
    (r"General\s+Director", "director-general", "General Director"),
    (r"\bRector", "head-of-institution", "Rector"),     # not the end of "Director"
    (r"(?-i:Member)(?=\s+of\s)", "member", "Member"),     # "Member of the Council of Elders", "… of the Parliament of A"
    (r"Crown\s+Prince", "head-of-institution", "Crown Prince"),   # "Saudi Crown Prince X"
    (r"(?-i:King)(?=\s+(?:of\s|[A-Z\U000F0000-\U0010FFFD]))", "head-of-institution", "King"),  # "the King of Jordan", "Saudi King X"
    (r"Vice[\s-]+President(?!ial)", "vice-president", "Vice President"),
    (r"President(?!ial)", "president", "President"),
    (r"(?:Deputy|Vice|First\s+Deputy)[\s-]+(?:Chairman|Chairwoman|Chairperson)", "chairman", "Deputy Chairman"),
    (r"Chairman|Chairwoman|Chairperson", "chairman", "Chairman"),
    (r"Director[\s-]+General", "director-general", "Director General"),
    (r"Head\s+of\s+(?:the\s+)?Mission", "head-of-institution", "Head of Mission"),
    (r"Head\s+of\s+(?:the\s+)?(?:Permanent\s+)?Delegation", "head-of-institution", "Head of the Delegation"),
    (r"\bHead\b(?=\s+of\b)", "head-of-institution", "Head"),
    (r"First\s+Deputy\s+Speaker", "chairman", "First Deputy Speaker"),
    (r"Deputy\s+Speaker", "chairman", "Deputy Speaker"),
    (r"Speaker", "chairman", "Speaker"),
    (r"State\s+Secretary", "head-of-institution", "State Secretary"),
    (r"(?<!Assistant\s)(?<!Deputy\s)(?<!Under\s)Secretary\s+of\s+State", "head-of-institution", "Secretary of State"),
    (r"Assistant\s+Secretary\s+of\s+State", "head-of-institution", "Assistant Secretary of State"),
    (r"Charg[ée]s?\s+d['’]\s?Affaires", "head-of-institution", "Chargé d'Affaires"),
    (r"(?:Deputy|Vice)\s+Minister\s+of\s+(?-i:(?:TOPIC)(?:,?\s+(?:and\s+)?(?:TOPIC))*)", "minister", "Deputy Minister"),
    (r"Minister\s+of\s+(?-i:(?:TOPIC)(?:,?\s+(?:and\s+)?(?:TOPIC))*)", "minister", "Minister"),
    (r"(?-i:(?:TOPIC)(?:,?\s+(?:and\s+)?(?:TOPIC))*)\s+Minister", "minister", "Minister"),
)

_TOPIC_WORDS = ("Culture|Information|Tourism|Education|Science|Energy|Economy|Finance|Trade|Industry|Agriculture|"
                "Health|Defen[cs]e|Justice|Interior|Internal\\s+Affairs|Labou?r|Transport|Digital\\s+Development|Development|"
                "Sports?|Youth|Ecology|Environment|Emergency\\s+Situations|Emergencies|Social\\s+Protection|Investments?|"
                "Innovation|Communications|Media|Family|Integration|Technolog(?:y|ies)|Economic\\s+Development|"
                "National\\s+Economy|Natural\\s+Resources|Water\\s+Resources|Higher\\s+Education|Science|Healthcare|"
                "Foreign\\s+Trade|Trade\\s+and\\s+Integration|Population|Public\\s+Health|Construction|Infrastructure|"
                "Diaspora\\s+Affairs|Religious\\s+Affairs|Economic\\s+Affairs|Digital\\s+Technologies|Tourism\\s+and\\s+Sports?|"
                "Culture\\s+and\\s+Tourism|Labou?r\\s+and\\s+Social\\s+Protection|Investments?\\s+and\\s+Foreign\\s+Trade|"
                # more portfolios ("… Social Protection, and Migration", "Economy and Commerce", "Energy and Mines")
                "Migration|Commerce|Employment|Mines|Mining|Petroleum|Housing|Urban\\s+Development|Railways|Roads|"
                "Telecommunications|Home\\s+Affairs|Refugees|Fisheries|Forestry|Food|Land\\s+Resources|Statistics|"
                "Entrepreneurship|Privati[sz]ation|Civil\\s+Service|Veterans|Sports?\\s+and\\s+Youth|Physical\\s+Culture")
ROLE_TITLES = tuple((p.replace("TOPIC", _TOPIC_WORDS), r, t) for p, r, t in ROLE_TITLES)

_ACRONYM = re.compile(r"^[A-Z0-9.ÜÖÇŞİĞ]{2,8}$")


def slugify(text: str) -> str:
    """A lower-case ASCII slug with hyphens.

    >>> slugify("Gürsel Dönmez")
    'gursel-donmez'
    >>> slugify("  MuTh Concert & Theater Hall ")
    'muth-concert-theater-hall'
    """
    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower().replace("'", "")).strip("-")


def iri(kind: str, local: str) -> str:
    """A project IRI: ``iri("state", "TUR")`` → ``https://w3id.org/turkic-kg/id/state/TUR``."""
    return f"{ID}{'org' if kind == 'organization' else kind}/{local}"


def fold_text(text: str) -> tuple[str, list[int]]:
    """Text transliterated to lower-case ASCII, punctuation as single spaces, with a map from
    each folded character to its position in the original text.

    >>> folded, where = fold_text("Türkiye’s  Ömüraliyev")
    >>> folded
    'turkiye s omuraliyev'
    >>> where[10]
    11
    """
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        piece = anyascii(ch).lower() if ord(ch) > 127 else ch.lower()
        for c in piece:
            if not ("a" <= c <= "z" or "0" <= c <= "9"):
                c = " "
            if c == " " and (not out or out[-1] == " "):
                continue
            out.append(c)
            where.append(i)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def variant_key(name: str) -> str:
    """A name folded further, so that common transliteration variants of Turkic names agree:
    "Omuraliyev", "Ömüraliyev" and "Omuraliev"; "Tokayev" and "Tokaev"; "Khodjaev" and "Xo'jayev".

    >>> variant_key("Ömüraliyev") == variant_key("Omuraliev")
    True
    >>> variant_key("Kassym-Jomart Tokayev") == variant_key("Kasym-Zhomart Tokaev")
    True
    """
    key = normalize(name)
    for pattern, repl in ((r"iy(?=[aeiou])", "i"), (r"(?<=[aeiou])y(?=e)", ""), (r"zh|dzh|dj", "j"),
                          (r"kh|x", "h"), (r"q", "k"), (r"w", "v"), (r"ss", "s"), (r"yy", "y"),
                          (r"ou", "u"), (r"(.)\1", r"\1")):
        key = re.sub(pattern, repl, key)
    return key


@dataclass(frozen=True)
class NameHit:
    """One name found in the text."""

    start: int
    end: int
    text: str
    kind: str          # State, Organization, City, Venue, Person, Demonym
    iri: str
    label: str


class IngestIndex(NameIndex):
    """A :class:`~graph.names.NameIndex` that also keeps every (IRI, name, type) for scanning text,
    and matches transliteration variants (:func:`variant_key`)."""

    def __init__(self, entries: list[tuple[str, str, str, tuple[str, ...]]]):
        super().__init__(entries)
        self.entries = entries
        self._by_variant: dict[str, set[str]] = {}
        self._names_by_iri: dict[str, set[str]] = {}
        self._raw_names: dict[str, set[str]] = {}
        for iri_, name, _pref, _types in entries:
            self._names_by_iri.setdefault(iri_, set()).add(normalize(name))
            self._raw_names.setdefault(iri_, set()).add(name)
            key = variant_key(name)
            if key:
                self._by_variant.setdefault(key, set()).add(iri_)

    def has(self, iri_: str) -> bool:
        return iri_ in self._labels

    def names_of(self, iri_: str) -> set[str]:
        """The folded names (:func:`~graph.names.normalize`) of an entity."""
        return self._names_by_iri.get(iri_, set())

    def all_names(self, iri_: str) -> list[str]:
        """The names of an entity as written in the graph, preferred label first."""
        names = sorted(self._raw_names.get(iri_, ()))
        label = self.label(iri_)
        return [label, *[n for n in names if n != label]] if iri_ in self._labels else names

    def variants(self, name: str, *, types: set[str] | None = None) -> list[str]:
        """IRIs whose names are transliteration variants of ``name``."""
        found = self._by_variant.get(variant_key(name), set())
        return sorted(i for i in found if not types or self._types.get(i, set()) & types)


ORG_TYPES = {"Organization", "InternationalOrganization", "AffiliatedInstitution", "GovernmentBody",
             "DiasporaInstitution", "CulturalOrganization", "OrganizationalUnit"}
KIND_TYPES: dict[str, set[str]] = {
    "State": {"State"}, "Organization": ORG_TYPES, "City": {"City"}, "Venue": {"Venue"},
    "Person": {"Person"}, "Event": {"Event", "Summit", "Meeting", "Concert", "Training", "Session", "CulturalEvent"},
    "Post": {"Post"}, "Mission": {"Embassy", "PermanentMission", "Consulate", "DiplomaticMission"},
}


def kind_of(types: set[str] | tuple[str, ...]) -> str | None:
    """The ingest's kind of an entity from its tkg: types."""
    for kind in ("State", "Person", "City", "Venue", "Event", "Post", "Mission", "Organization"):
        if set(types) & KIND_TYPES[kind]:
            return kind
    return None


@dataclass
class Gazetteer:
    """Every name the ingest can find in a text, and the index that links names to IRIs."""

    index: IngestIndex
    names: dict[str, list[tuple[str, str, str, bool]]] = field(default_factory=dict)
    # folded name -> [(kind, iri, label, is_acronym)]
    state_iso: dict[str, str] = field(default_factory=dict)      # state IRI -> ISO3
    short_names: dict[str, str] = field(default_factory=dict)    # state IRI -> common short name
    city_state: dict[str, str] = field(default_factory=dict)     # city IRI -> state IRI
    event_dates: dict[str, str] = field(default_factory=dict)    # event IRI -> start date
    posts: dict[tuple[str, str, str | None], str] = field(default_factory=dict)  # (role, of, to) -> post IRI
    graphs: frozenset[str] = frozenset()                          # the named graphs it was read from
    dated: frozenset[str] = frozenset()                           # memberships and tenures with a start or end
    holders: dict[str, list[Holder]] = field(default_factory=dict)   # post IRI -> who held it, when
    _pattern: re.Pattern[str] | None = None

    def add(self, name: str, kind: str, iri_: str, label: str) -> None:
        folded, _ = fold_text(name)
        if len(folded) < 2:
            return
        acronym = bool(_ACRONYM.match(name.replace(" ", ""))) and len(folded) <= 8
        entry = (kind, iri_, label, acronym)
        bucket = self.names.setdefault(folded, [])
        if entry not in bucket:
            bucket.append(entry)
        self._pattern = None

    def label(self, iri_: str) -> str:
        return self.index.label(iri_)

    def scan(self, text: str) -> list[NameHit]:
        """Every known name in ``text``, longest first at each place, not overlapping."""
        if self._pattern is None:
            alts = sorted(self.names, key=lambda n: (-len(n), n))
            self._pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![a-z0-9])")
        folded, where = fold_text(text)
        hits: list[NameHit] = []
        for m in self._pattern.finditer(folded):
            start, end = where[m.start()], where[m.end() - 1] + 1
            surface = text[start:end]
            for kind, iri_, label, acronym in self.names[m.group(0)]:
                if acronym and not anyascii(surface).replace(".", "").isupper():
                    continue
                if not acronym and not (surface[:1].isupper() or surface[:1].isdigit()):
                    continue
                if kind == "State" and _CURRENCY_AFTER.match(text, end):
                    continue        # "US dollars", "Canadian dollars": a currency, not the state
                hits.append(NameHit(start, end, surface, kind, iri_, label))
        return hits


_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|cents?)\b", re.I)

_EVENT_DATES = sparql_prefixes() + """
SELECT ?e ?d ?iso ?city ?state WHERE {
  { ?e schema:startDate ?d . ?e a/rdfs:subClassOf* tkg:Event }
  UNION { ?e tkg:isoCode ?iso }
  UNION { ?city a tkg:City ; schema:containedInPlace ?state . ?state a tkg:State }
}"""


_POSTS = sparql_prefixes() + """
SELECT ?post ?role ?in ?sender ?target WHERE {
  ?post a tkg:Post ; org:role ?role ; org:postIn ?in .
  OPTIONAL { ?in tkg:sendingState ?sender }
  OPTIONAL { ?in tkg:accreditedTo ?target }
}"""


_HOLDERS = sparql_prefixes() + """
SELECT ?post ?person (MIN(?s) AS ?start) (MAX(?e) AS ?end) (MIN(?a) AS ?first) (MAX(?a) AS ?last) WHERE {
  ?t a tkg:Tenure ; org:member ?person ; tkg:post ?post .
  OPTIONAL { ?t schema:startDate ?s } OPTIONAL { ?t schema:endDate ?e } OPTIONAL { ?t tkg:attestedOn ?a }
} GROUP BY ?post ?person"""


@dataclass(frozen=True)
class Holder:
    """A holder of a post in the graph, and when: start and end as stated, first and last attested
    (``YYYY-MM-DD`` strings or None)."""

    person: str
    start: str | None
    end: str | None
    first: str | None
    last: str | None


_DATED = sparql_prefixes() + """
SELECT DISTINCT ?m WHERE { ?m schema:startDate|schema:endDate ?d . ?m a ?c . FILTER(?c IN (tkg:StateMembership, tkg:Tenure)) }"""


def build_gazetteer(index: IngestIndex, engine: Engine | None = None) -> Gazetteer:
    """The gazetteer: the built-in lists first, then every name of the graph's states,
    organizations, cities, venues and persons."""
    gz = Gazetteer(index=index)
    for iso, short, official, demonyms, others in STATES:
        state = iri("state", iso)
        label = index.label(state) if index.has(state) else official
        for name in (short, official, *others):
            gz.add(name, "State", state, label)
        for name in demonyms:
            gz.add(name, "Demonym", state, label)
        gz.state_iso[state] = iso
        gz.short_names[state] = short
    for slug, names, _cls in ORGANIZATIONS:
        org = iri("organization", slug)
        label = index.label(org) if index.has(org) else names[0]
        for name in names:
            gz.add(name, "Organization", org, label)
    for slug, names, iso in CITIES:
        city = iri("city", slug)
        label = index.label(city) if index.has(city) else names[0]
        for name in names:
            gz.add(name, "City", city, label)
        gz.city_state[city] = iri("state", iso)
    for iri_, name, _pref, types in index.entries:
        kind = kind_of(types)
        if kind in ("State", "Organization", "City", "Venue", "Person"):
            if kind == "Person" and len(normalize(name).split()) < 2:
                continue
            gz.add(name, kind, iri_, index.label(iri_))
    if engine is not None:
        for e, d, iso, city, state in engine.query(_EVENT_DATES).rows:
            if e is not None and d is not None:
                gz.event_dates[e.value] = d.value
            if e is None and iso is not None:
                pass
            if city is not None and state is not None:
                gz.city_state.setdefault(city.value, state.value)
        gz.dated = frozenset(row[0].value for row in engine.query(_DATED).rows if row[0] is not None)
        for post, role, where, sender, target in sorted(engine.query(_POSTS).rows, key=lambda r: str(r[0])):
            role_slug = local_name(role.value)
            if sender is not None:
                key = (role_slug, sender.value, target.value if target is not None else None)
            else:
                mfa = re.match(r".*/org/mfa-([a-z]{3})$", where.value)
                key = (role_slug, iri("state", mfa.group(1).upper()) if mfa else where.value, None)
            gz.posts.setdefault(key, post.value)
        for post, person, start, end, first, last in engine.query(_HOLDERS).rows:
            if post is not None and person is not None:
                day = [v.value[:10] if v is not None else None for v in (start, end, first, last)]
                gz.holders.setdefault(post.value, []).append(Holder(person.value, *day))
    return gz


def _from_store(store, exclude: str | None) -> Gazetteer:  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    from ..store import OxigraphEngine

    if exclude is not None:
        store.remove_graph(ox.NamedNode(exclude))
    engine = OxigraphEngine(store)
    gz = build_gazetteer(IngestIndex.from_engine(engine), engine)
    gz.graphs = frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    return gz


@lru_cache(maxsize=4)
def _cached(dataset: str, mtime: float, exclude: str | None) -> Gazetteer:
    from ..store import load_dataset_store

    return _from_store(load_dataset_store(Path(dataset)), exclude)


def load_gazetteer(settings, *, exclude: str | None = None) -> Gazetteer:  # type: ignore[no-untyped-def]
    """The gazetteer of a project: from its build when there is one, else from its data files
    read directly (parsed, not validated). ``exclude`` leaves out one named graph — the article's
    own, when it is ingested again — so that a second ingest sees the graph as the first did."""
    path = settings.dataset_path
    if path.is_file():
        return _cached(str(path), path.stat().st_mtime, exclude)
    import pyoxigraph as ox

    from ..load import read_sources

    store = ox.Store()
    store.extend(read_sources(settings.ontology_dir, settings.data_dir, root=settings.root).quads)
    return _from_store(store, exclude)
