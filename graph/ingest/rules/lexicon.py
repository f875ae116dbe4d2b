"""Word lists the rules share: head words of organizations, venues and events, words that are never
part of a name, ministerial topics, and what a name's words look like."""

from __future__ import annotations

from .dates import MONTHS, WEEKDAYS

__all__ = ["HONOR", "HONOR_WORD", "LEAD_IN", "ORG_HEADS", "VENUE_HEADS", "EVENT_HEADS", "STOP", "TOPICS", "LEFT_STOP", "TITLE_WORDS",
           "NAME_TOKEN", "NOT_NAME", "PARTICLE", "KNOWN_AS", "base_kind", "event_kind"]

#: The words that give a group of states the name it is known by ("known collectively as", "referred to as", "dubbed"),
#: before the name (a pattern; without "as", only before a name in quotes).
KNOWN_AS = (r"(?:(?:collectively|jointly|together|commonly|also|often|informally)\s+)?(?:known|referred\s+to|dubbed|grouped|labell?ed)"
            r"(?:\s+(?:together|collectively|jointly))?(?:\s+as\b|(?=\s+(?:the\s+)?[\"“«]))")

ORG_HEADS = ("Institute", "Institution", "Center", "Centre", "Committee", "Ministry", "Agency", "Foundation", "Airlines", "Airways",
              "Association", "Union", "Council", "Academy", "University", "Fund", "Chamber", "Assembly",
              "Office", "Parliament", "Secretariat", "Federation", "Society", "Organization", "Organisation",
              "Administration", "Embassy", "Mission", "Consulate", "Commission", "Bank", "Directorate",
              "Service", "Presidency", "Cabinet", "Government", "Majlis", "Mejlis", "Senate", "Board", "Maslahaty", "Kenesh", "Mazhilis",
              "Meclisi", "Parliament", "Platform", "Orchestra", "Ensemble", "Choir", "Troupe", "Group", "Club", "Department")
VENUE_HEADS = ("Hall", "Palace", "Hotel", "Theater", "Theatre", "Opera", "Museum", "Library", "Stadium",
                "Arena", "Residence", "Gallery", "Park", "Square", "Complex", "Pavilion", "Auditorium", "Monastery",
                "Palais", "Castle", "Cathedral", "Mosque", "Church", "Villa", "Headquarters", "Mausoleum", "Memorial",
                "Monument", "Tomb", "Stadium", "Hippodrome")
EVENT_HEADS = {
    "Summit": "Summit", "Forum": "Meeting", "Conference": "Meeting", "Meeting": "Meeting",
    "Festival": "CulturalEvent", "Concert": "Concert", "Exhibition": "CulturalEvent",
    "Program": "Training", "Programme": "Training", "Training": "Training", "Session": "Session",
    "Congress": "Meeting", "Week": "CulturalEvent", "Ceremony": "CulturalEvent", "Reception": "Meeting",
    "Symposium": "Meeting", "Seminar": "Training", "Workshop": "Training", "Games": "CulturalEvent",
    "Days": "CulturalEvent", "Olympiad": "CulturalEvent", "Celebration": "CulturalEvent",
    "Round Table": "Meeting", "Roundtable": "Meeting", "Dialogue": "Meeting", "Fair": "CulturalEvent",
    "Commemoration": "CulturalEvent", "Gala": "Concert", "Evening": "CulturalEvent",
}
# words that start a sentence or a clause and are never part of a name
STOP = {
    "The", "A", "An", "In", "On", "At", "By", "For", "Of", "To", "And", "But", "As", "With", "From", "During",
    "After", "Before", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "It", "He", "She",
    "They", "We", "Our", "Also", "Earlier", "Later", "Meanwhile", "Within", "Under", "Addressing", "Speaking",
    "According", "Following", "Among", "Besides", "Moreover", "However", "Furthermore", "Mr", "Mrs",
    "Ms", "Dr", "Prof", "Madam", "Excellency", "H", "E", "HE", "Minister", "Ambassador", "Secretary",
    "General", "President", "Deputy", "Foreign", "Affairs", "Permanent", "Representative", "Consul",
    "Chairman", "Chairwoman", "Chairperson", "Head", "Director", "Prime", "Vice", "Turkic", "World",
    "Republic", "State", "States", "Member", "Members", "Observer", "Observers", "Chair", "Chairmanship",
    "Today", "Yesterday", "Tomorrow", "Photo", "Source", "Read", "More", "See", "All", "Both", "Each",
    "Guests", "Participants", "Speakers", "Delegations", "Heads", "Representatives", "Ambassadors",
    "There", "Here", "When", "While", "Where", "Which", "Who", "What", "Why", "How", "Not", "No", "Yes",
    "Extraordinary", "Plenipotentiary", "Acting", "Former", "Honorary", "Executive", "Senior", "Special",
    "Envoy", "Official", "Officials", "Speaker", "Rector", "Governor", "Mayor", "Akim", "Hokim", "Chief",
    "Embassy", "Ministry", "Day", "Week", "Year", "Summit", "Forum", "Meeting", "Council", "Office",
    "Welcoming", "Opening", "Closing", "Thanks", "Greetings", "Congratulating", "Noting", "Stressing",
    "Recalling", "Highlighting", "Emphasizing", "Underlining", "Concluding", "Together", "Finally",
    "First", "Second", "Third", "Then", "Next", "Since", "Until", "Some", "Many", "Several", "Other",
    "Cultural", "Culture", "Diaspora", "National", "International", "Independence", "Constitution",
    "Nowruz", "Novruz", "Ramadan", "Eid", "Capital", "Excellencies", "Distinguished", "Dear", "Ladies",
    "Gentlemen", "Kindly", "Please", "Program", "Programme", "Session", "Concert", "Gala",
    "Ministers", "Presidents", "Chairmen",     # plural titles before names ("Prime Ministers X (A) and Y (B)")
}
TOPICS = {"Culture", "Information", "Tourism", "Education", "Science", "Energy", "Economy", "Finance", "Trade",
           "Industry", "Agriculture", "Health", "Defense", "Defence", "Justice", "Interior", "Labour", "Labor",
           "Transport", "Digital", "Development", "Sports", "Sport", "Youth", "Ecology", "Environment", "Emergency",
           "Internal", "Social", "Protection", "Investment", "Investments", "Innovation", "Communications", "Media",
           "Family", "Religious", "Integration", "Technology", "Technologies", "Policy", "Relations"}
#: "Jan" is a given name as well as a month's abbreviation ("H. E. Jan Galiyev"): never a stop word
_NAME_MONTHS = {m.capitalize() for m in MONTHS} - {"Jan"}
STOP |= _NAME_MONTHS | {d.capitalize() for d in WEEKDAYS} | TOPICS | {
    "Professor", "Academician", "Governor", "Mayor", "Rector", "Consulate", "Parliament", "Speaker"}
#: Words that are never part of a person's name (regions, abstract nouns of headlines, lead-in nouns).
NOT_NAME = {"Asia", "Asian", "Africa", "African", "America", "American", "Europe", "European", "Caucasus", "Eurasia",
            "Eurasian", "Central", "Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West",
            "Middle", "Resources", "Partnership", "Strategic", "Priority", "Era", "Enhanced", "Meets", "Natural",
            "Collaboration", "Cooperation", "Relations", "Development", "Economic", "Security", "Agenda", "Prospects",
            "Diplomat", "Migration", "Republic", "Kingdom", "Union", "Region", "Silk", "Road", "Corridor",
            # verbs of headlines ("Secretary General Meets with …")
            "Receives", "Received", "Hosts", "Holds", "Visits", "Attends", "Discusses", "Signs", "Welcomes",
            "Addresses", "Says", "Calls", "Met", "Meet", "Talks", "Urges", "Praises", "Congratulates",
            # abbreviated titles ("Sec Gen") and abstract nouns of themes ("Humanitarian Assistance")
            "Sec", "Gen", "Humanitarian", "Assistance", "Disaster", "Emergency", "Management", "Response",
            # job titles that are not in the role list
            "Coordinator", "Project", "Secretaries", "Counselor", "Counsellor", "Adviser", "Advisor", "Attaché", "Attache",
            "Spokesperson", "Spokesman", "Officer", "Commission", "Office", "Service", "Department",
            "Spokeswoman", "Undersecretary", "Senator", "Parliamentarian", "Lawmaker", "Prosecutor", "Mufti", "Patriarch",
            "Archbishop", "Provost", "Prorector",
            # documents ("the Gabala Declaration")
            "Declaration", "Agreement", "Treaty", "Charter", "Accord", "Accords", "Protocol", "Memorandum", "Convention",
            "Statement", "Communique", "Communiqué", "Initiative", "Vision", "Roadmap",
            # epithets before a name ("Great Leader X", "national leader X") and bodies of the state
            "Great", "Leader", "National", "Nation", "Armed", "Forces", "Army", "Border", "Guard", "Troops",
            # geographic features ("the Caspian Sea", "Lake Issyk-Kul")
            "Sea", "Lake", "River", "Ocean", "Gulf", "Mountains", "Desert", "Valley", "Basin", "Steppe", "Plateau",
            # awards ("the Supreme Order of the Turkic World", "the Friendship Medal")
            "Order", "Medal", "Prize", "Award",
            # a group sent and a headline's "new" ("TRNC Aksakal Delegation attends …", "New Australian Ambassador …")
            "Delegation", "New"}
#: Words that end what stands before a name and never begin one: the head words of organizations ("… of the
#: Mazhilis Rustam Kholov") and the portfolios of ministers' titles ("Minister of Economy and Commerce Aigul …")
LEAD_IN = set(ORG_HEADS) | {
    "Commerce", "Employment", "Mines", "Mining", "Petroleum", "Housing", "Railways", "Roads", "Telecommunications",
    "Refugees", "Fisheries", "Forestry", "Food", "Statistics", "Entrepreneurship", "Privatization", "Privatisation",
    "Veterans", "Construction", "Infrastructure", "Population", "Healthcare", "Resources", "Affairs", "Planning",
    "Finances", "Taxes", "Customs", "Tourism", "Heritage", "Services", "Transportation", "Communication"}
#: a word of tenure before a title ("Türkiye's new ambassador", "X, the recently appointed Director of Y", "Kazakhstan's
#: outgoing envoy"): one list for every rule that looks past it to a title's owner or holder
TENURE_WORD = (r"(?:(?:newly|recently|just)[\s-]+(?:appointed|elected|named|accredited)|new|incoming|outgoing|former"
               r"|current|incumbent|acting|interim|elected)")
#: an adverb of time that sets a past or present title off after a name ("X, formerly Minister of Culture,")
TENURE_ADVERB = r"(?:formerly|previously|currently|now)"
#: a word of honour before a name ("H.E.", "Prof. Dr.", "Academician"), and up to three of them
HONOR_WORD = r"(?:H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|Academician|Assoc\.\s?Prof\.?|Associate\s+Professor|Ambassador)"
HONOR = rf"(?:{HONOR_WORD}\s+){{0,3}}"
#: a word of a name, or an initial ("A.", and the two-letter Central Asian "Sh.", "Ch.", "Zh.", "Kh.": "Sh.Mirziyoyev")
NAME_TOKEN = r"(?:(?:Sh|Ch|Zh|Kh)\.|[A-ZÀ-ÖØ-ÞĀ-ſƏЀ-Я][a-zß-öø-ÿā-ſəа-яё'’]+(?:-[A-ZÀ-ÖØ-ÞĀ-ſƏЀ-Я]?[a-zß-öø-ÿā-ſəа-яё'’]+)*|[A-Z]\.)"
PARTICLE = r"(?:van|der|von|de|del|bin|ibn|al|ogly|oglu|oğlu|kyzy|uulu|qizi)"

LEFT_STOP = {
    "Attending", "Joining", "Including", "Participating", "Those", "Member",
    "The", "A", "An", "In", "On", "At", "By", "For", "Of", "To", "And", "But", "As", "With", "From", "During",
    "After", "Before", "This", "That", "These", "His", "Her", "Their", "Its", "It", "He", "She", "They",
    "We", "Our", "Also", "Earlier", "Later", "Meanwhile", "Within", "Under", "Addressing", "Speaking", "According",
    "Following", "Among", "Besides", "Moreover", "However", "Mr", "Mrs", "Ms", "Dr", "Minister", "Ambassador",
    "Secretary", "President", "Deputy", "Permanent", "Representative", "Consul", "Chairman", "Head", "Director",
    "Prime", "Speaker", "Rector", "Governor", "Mayor", "Today", "Yesterday", "Tomorrow", "Then", "Next", "Since", "Until", "When", "While",
} | _NAME_MONTHS | {d.capitalize() for d in WEEKDAYS}
TITLE_WORDS = r"Minister|Ambassador|President|Secretary|Deputy|Vice|Chairman|Chairwoman|Chairperson|Consul|Permanent|Prime|Speaker|Director|Head|Governor|Mayor"


def base_kind(head: str) -> str:
    """The kind of a phrase's head word: Event, Venue or Organization."""
    base = head[:-1] if head.endswith("s") and head[:-1] in (*EVENT_HEADS, *ORG_HEADS, *VENUE_HEADS) else head
    if base in EVENT_HEADS:
        return "Event"
    if base in VENUE_HEADS:
        return "Venue"
    return "Organization"


def event_kind(label: str) -> str:
    """The kind of an event from its label: the last head word ("Summit", "Forum"), else a word in it."""
    words = label.split()
    for w in reversed(words):
        base = w.rstrip("s") if w.rstrip("s") in EVENT_HEADS else w
        if base in EVENT_HEADS:
            return EVENT_HEADS[base]
    low = label.lower()
    if "concert" in low:
        return "Concert"
    if "session" in low or "panel" in low:
        return "Session"
    if "program" in low or "training" in low or "seminar" in low:
        return "Training"
    if "summit" in low:
        return "Summit"
    if any(w in low for w in ("ceremony", "festival", "exhibition", "commemoration", "celebration")):
        return "CulturalEvent"
    return "Meeting"
