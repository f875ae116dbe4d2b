"""The database-of-embassies table's known quirks, each handled by an explicit, reviewed entry.

Every entry is keyed by a Wikidata item of the table, so that a refreshed snapshot applies them only
where the same item appears (``docs/diplomacy-data.md`` explains each kind).
"""

from __future__ import annotations

__all__ = ["TYPE_CLASS", "TYPE_WORDS", "DISTRICT_CITY", "HOST_FIX", "DUPLICATE_OPERATOR"]

#: The table's mission types (``typeQID``) → the most specific ontology class (local name).
TYPE_CLASS: dict[str, str] = {
    "Q3917681": "Embassy",            # embassy
    "Q113065939": "Embassy",          # Embassy of the United States
    "Q18414273": "HighCommission",    # high commission
    "Q19600600": "HighCommission",    # British High Commission
    "Q4824242": "HighCommission",     # Australian High Commission
    "Q372690": "ConsulateGeneral",    # consulate general
    "Q108058047": "ConsulateGeneral",  # Consulate General of Sweden
    "Q112307194": "ConsulateGeneral",  # Consulate General of Belgium
    "Q7843791": "Consulate",          # consulate
    "Q10686185": "Consulate",         # consulates of Sweden
    "Q23891529": "HonoraryConsulate",  # honorary consulate
    "Q2360219": "PermanentMission",   # permanent mission
    "Q5244910": "DeFactoEmbassy",     # de facto embassy
    "Q579581": "DeFactoEmbassy",      # Taipei Representative Office
    "Q61881945": "DeFactoConsulate",  # de facto consulate
    "Q620045": "Nunciature",          # apostolic nunciature
    "Q2712647": "OtherMission",       # apostolic delegation
    "Q64779402": "OtherMission",      # liaison office
    "Q24868622": "OtherMission",      # consular office
    "Q73088858": "OtherMission",      # assistant high commission
    "Q94158456": "OtherMission",      # interests section
    "Q1783003": "OtherMission",       # consular agency
    "Q7314257": "OtherMission",       # representative office
    "Q4461020": "OtherMission",       # trade office
    "Q213283": "OtherMission",        # diplomatic mission (kind not stated)
    "Q73414365": "OtherMission",      # diplomatic mission of El Salvador (kind not stated)
    "Q431071": "OtherMission",        # Quebec Government Office (its operator is not a state: skipped)
}

#: Class → (words of English labels, slug of IRIs).
TYPE_WORDS: dict[str, tuple[str, str]] = {
    "Embassy": ("Embassy", "embassy"), "HighCommission": ("High Commission", "high-commission"),
    "ConsulateGeneral": ("Consulate General", "consulate-general"), "Consulate": ("Consulate", "consulate"),
    "HonoraryConsulate": ("Honorary Consulate", "honorary-consulate"),
    "PermanentMission": ("Permanent Mission", "permanent-mission"),
    "DeFactoEmbassy": ("De Facto Embassy", "de-facto-embassy"),
    "DeFactoConsulate": ("De Facto Consulate", "de-facto-consulate"),
    "Nunciature": ("Apostolic Nunciature", "nunciature"), "OtherMission": ("Mission", "mission"),
}

#: A district, municipality, street or region the table gives as the "city" → the city that contains
#: it (its item, its English name). The mission is placed in that city; a note keeps the table's value.
DISTRICT_CITY: dict[str, tuple[str, str]] = {
    **{d: ("Q1781", "Budapest") for d in (
        "Q1094308", "Q1068701", "Q580770", "Q1042732", "Q697679", "Q597182", "Q330026", "Q974038", "Q851023",
        "Q228445")},                                            # Budapest districts I … XIII, Zugló (XIV)
    "Q217411": ("Q406", "Istanbul"), "Q459495": ("Q406", "Istanbul"),   # Beyoğlu, Beşiktaş
    "Q6379026": ("Q3640", "Ankara"),                                    # Kavaklıdere, Çankaya
    "Q16648877": ("Q1520", "Astana"),                                   # Esil District
    "Q862100": ("Q649", "Moscow"), "Q2320761": ("Q649", "Moscow"),      # Khamovniki, Presnensky
    "Q163966": ("Q64", "Berlin"), "Q163012": ("Q64", "Berlin"),         # Mitte, Pankow
    "Q203312": ("Q239", "Brussels"), "Q192859": ("Q239", "Brussels"),   # Uccle, Etterbeek
    "Q208713": ("Q239", "Brussels"), "Q242393": ("Q239", "Brussels"),   # Ixelles, Woluwe-Saint-Pierre
    "Q179351": ("Q84", "London"), "Q188801": ("Q84", "London"),         # Westminster, Kensington and Chelsea
    "Q233903": ("Q1490", "Tokyo"), "Q193638": ("Q1490", "Tokyo"),       # Meguro, Shibuya
    "Q1224979": ("Q1524", "Athens"), "Q2004382": ("Q1524", "Athens"),   # Athens Municipality, Psychiko
    "Q3348": ("Q456", "Lyon"), "Q3358": ("Q456", "Lyon"),               # 3rd and 6th arrondissements
    "Q504125": ("Q1748", "Copenhagen"),                                 # Copenhagen Municipality
    "Q5245991": ("Q585", "Oslo"),                                       # Oslo municipality
    "Q506250": ("Q1754", "Stockholm"), "Q12904658": ("Q1754", "Stockholm"),  # municipality, Östermalm
    "Q4442915": ("Q472", "Sofia"),                                      # Sofia Capital Municipality
    "Q4450503": ("Q1770", "Tallinn"),                                   # Tallinn City
    "Q3434113": ("Q437", "Ljubljana"),                                  # Ljubljana City Municipality
    "Q1270190": ("Q11194", "Sarajevo"), "Q18276": ("Q11194", "Sarajevo"),  # Centar, Sarajevo Canton
    "Q2673474": ("Q3561", "Algiers"),                                   # El Biar
    "Q1026229": ("Q2868", "Lima"), "Q2632912": ("Q2868", "Lima"),       # Miraflores, San Isidro
    "Q51587": ("Q2887", "Santiago"),                                    # Providencia
    "Q2099152": ("Q1563", "Havana"),                                    # Plaza de la Libertad
    "Q1204": ("Q1297", "Chicago"),                                      # Illinois (consulates general)
}

#: Missions whose ``country`` is the sending state itself although the mission resides abroad, and
#: no other row places their city: mission item → the host state's code (from the city it names).
HOST_FIX: dict[str, str] = {
    "Q111889686": "ROU",  # Hungary's consulate general in Miercurea Ciuc
    "Q843186": "TWN",     # Japan's de facto embassy (Taipei)
    "Q114350159": "GIN",  # Qatar's embassy in Conakry
}

#: Missions that appear on several rows with different operators → the operator kept.
DUPLICATE_OPERATOR: dict[str, str] = {
    "Q106686567": "Q837",  # the embassy in Kuwait City: rows for Iraq and Nepal; its website is Nepal's
}
