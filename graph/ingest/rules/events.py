"""Events: named events (names the phrase rules found), their parts ("the opening session", "was
followed by …"), unnamed ones announced by a trigger ("met", "received", "presented credentials",
"hosted a reception", "held consultations", "organized an evening", "paid a visit"), with their
dates, venues, cities (also from a dateline or "in the Hungarian capital") and parent events.

The text is read sentence by sentence; an :class:`EventReader` keeps what the report is about so
far (the main event, the current one, the date last spoken of) and hands each
:class:`Sentence` to :func:`~graph.ingest.rules.participations.participations`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..facts import Event
from ..text import DATELINE, MARK, Mention, Reader, headline, is_marker, sentences
from .dates import DAY_OF, FUTURE, DateMention, find_dates, is_stamp, parse_day_of
from .coming_events import coming_in_series
from .event_coref import merge_retold
from .event_mentions import coming_by_day, coordinated_names, drop_recalled_repeats, placed_mentions, recall_event
from .event_places import carry_stay_cities
from .lexicon import event_kind
from .participations import PERFORM, PLURAL_REF, drop_represented, participations

__all__ = ["Sentence", "EventReader", "events"]

_UNNAMED = [
    (re.compile(r"\b(?:present(?:ed|s|ing)|hand(?:ed|s|ing)(?:\s+over)?|submit(?:ted|s))\s+(?:(?:his|her|their)\s+)?(?:(?:an?\s+)?cop(?:y|ies)\s+of\s+(?:(?:his|her|the)\s+)?)?(?:letters?\s+of\s+)?(?:credentials|credence)\b", re.I),
     "Meeting", "presentation of credentials"),
    # "the President accepted the credentials of the new Ambassador X": the ambassador presents them
    (re.compile(r"\b(?:accept(?:ed|s)|receiv(?:ed|es))\s+(?:the\s+)?(?:letters\s+of\s+)?(?:credentials|credence)\s+(?:of|from)\b", re.I),
     "Meeting", "presentation of credentials"),
    (re.compile(r"\b(?:held|hold|holds|will\s+hold|conducted)\s+(?:\w+\s+){0,2}(?:consultations|negotiations)\b", re.I),
     "Meeting", "consultations"),
    (re.compile(r"([\U000F0000-\U0010FFFD]\uf8ff*)\s+(?:held|holds|convened|opened)\s+(?:its|their|a|an|the)\s+(?:\w+\s+)?(meeting|session|summit|forum|conference|congress|assembly)\b", re.I),
     "Meeting", "org-meeting"),
    (re.compile(r"\b(?:attended|attend|attends|took\s+part\s+in|participated\s+in|joined)\s+the\s+((?:official\s+)?(?:opening|launch|inauguration|unveiling|"
                r"presentation|signing|laying)(?:\s+ceremony)?\s+of\s+[^,.;]{3,80}?)(?=\s+(?:on|at|in|yesterday|today)\b|[,.;]|$)", re.I),
     "CulturalEvent", "opening"),
    (re.compile(r"\bheld\s+(?:a|the)\s+(?:\w+\s+)?(meeting|session)\s+of\s+(?:the\s+)?([\U000F0000-\U0010FFFD]\uf8ff*)", re.I), "Meeting", "meeting-of"),
    # "will gather in Istanbul on March 7 for an informal meeting"
    (re.compile(r"\b(?:gather(?:ed|s)?|convene[sd]?)\b[^.;]{0,60}?\bfor\s+(?:an?|the|their)\s+((?:[\w-]+\s+){0,3}?"
                r"(?:meeting|summit|talks|session|conference|forum|consultations))\b", re.I), "Meeting", "noun-event"),
    # "X was welcomed by Y at the airport", "At the airport, X was met by Y"
    (re.compile(r"\b(?:was|were)\s+(?:warmly\s+|solemnly\s+|officially\s+)?(?:welcomed|greeted|met)\b[^.;]{0,120}?\bat\s+the\s+(?:[\w-]+\s+){0,2}airport\b"
                r"|\b[Aa]t\s+the\s+(?:[\w-]+\s+){0,2}airport\b[^.;]{0,120}?\b(?:was|were)\s+(?:warmly\s+|solemnly\s+|officially\s+)?(?:welcomed|greeted|met)\s+by\b"),
     "Meeting", "airport"),
    (re.compile(r"\b(?:hosted|welcomed|hosts|welcomes)\s+(?:his|her|their)\s+(?:\S+\s+){0,2}?(?:counterpart|colleague|guest)s?\b"
                r"|\b(?:held|holds|hold|had|has)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:meeting|talks)\b|\bmet\s+(?:with\s+)?|\bmeets\s+(?:with\s+)?|\breceived\b|\bwelcomed\s+(?=[\U000F0000-\U0010FFFD])|\bmeeting\s+(?:with|between)\b|\btalks\s+(?:with|between)\b"
                r"|\b(?:talks|a\s+meeting|negotiations)\s+(?:was|were)\s+held\s+between\b|\bmeeting\s+held\s+(?:in|on|at)\b"
                r"|\b(?:gathered|convened)\s+(?=(?:in|at)\s)", re.I),      # "foreign ministers … gathered in Istanbul": with a group only
     "Meeting", "meeting"),
    # "was presented with the medal at an event celebrating the 100th anniversary of …", "attended a gathering marking …"
    (re.compile(r"\b(?:at|during|attended|attends|joined|hosted|hosts|addressed)\s+(?:an?|the)\s+((?:[\w-]+\s+){0,2}?(?:event|evening|gathering|"
                r"reception|ceremony|celebration|concert)\s+(?:celebrating|marking|commemorating|dedicated\s+to|devoted\s+to|to\s+mark|"
                r"to\s+celebrate|held\s+(?:to\s+mark|in\s+honou?r\s+of|on\s+the\s+occasion\s+of)|in\s+honou?r\s+of)\s+[^,.;]{3,100}?)"
                r"(?=[,.;]|\s+(?:on|in|at|held|organi[sz]ed|hosted|where|with)\b|$)", re.I), "CulturalEvent", "occasion"),
    (re.compile(r"\b(?:organi[sz]ed|held|hosted|staged|arranged|hold|holds|organi[sz]es)\s+(?:a|an)\s+((?:[\w-]+\s+){0,4}?"
                r"(?:evening|concert|exhibition|festival|conference|forum|seminar|round\s?table|ceremony|celebration|"
                r"commemoration|presentation|screening|competition|tournament|workshop|webinar|symposium|gathering|event|"
                r"fair|meeting|training|reception)s?)\b(?:\s+(?:dedicated\s+to|on|devoted\s+to|marking|celebrating)\s+"
                r"[^,.;]{3,80}?(?=\s+(?:on|at|in|yesterday|today|last|this)\b|[,.;]))?", re.I), "CulturalEvent", "organized"),
    (re.compile(r"\b(?:paid|pays|paying|made|makes|began|begins|started|starts|is\s+on|was\s+on|arrived\s+(?:in|at)\s+\S+\s+on)\s+(?:an?\s+|his\s+|her\s+|their\s+)?"
                r"(?:(?:official|state|working|two-day|three-day|first|official\s+working|friendly)\s+)?visit\b(?:\s+to\s+(?:the\s+)?([\U000F0000-\U0010FFFD]\uf8ff*))?", re.I),
     "Meeting", "visit"),
    # "… during a visit of the diplomatic corps to Azerbaijan's Sumgait city"
    (re.compile(rf"\b(?:during|amid|as\s+part\s+of|(?:in|within)\s+the\s+(?:framework|course)\s+of)\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+)?visit\s+(?:of\s+[^.;]{{3,100}}?\s+)?to\s+(?:the\s+)?"
                rf"(?:{MARK}['’]s\s+)?({MARK})", re.I), "Meeting", "visit"),
    # "visited Tashkent on 14 January": a visit to a city or state named right after the verb
    (re.compile(r"\b(?:visited|visits)\s+(?:the\s+)?([\U000F0000-\U0010FFFD]\uf8ff*)"), "Meeting", "visit"),
    # "the delegation led by X arrived in Baku on 6 June": a visit there
    (re.compile(r"\b(?:arrived|arrives)\s+in\s+(?:the\s+)?([\U000F0000-\U0010FFFD]\uf8ff*)"), "Meeting", "visit"),
    (re.compile(r"\b(?:held|had|holds|has)\s+(?:a\s+)?(?:telephone|phone|video)\s+(?:conversation|call|talks?|conference)\b|\bspoke\s+(?:by|on\s+the)\s+(?:tele)?phone\b"
                r"|\b(?:discussed|talked|spoke)\b[^.;]{0,160}?\b(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b", re.I),
     "Meeting", "call"),
    (re.compile(r"\bpresent(?:ed|s)\s+(?:its|his|her|their|a|the)\s+(?:new\s+|latest\s+)?(?:[\w-]+\s+){0,2}?[\"“«]([^\"”»]{2,80})[\"”»]", re.I),
     "CulturalEvent", "presentation"),
    # "following the council's 18th meeting in Baku"
    (re.compile(r"\b(?:the\s+)?(council|organization|assembly|commission|committee)['’]s\s+(\d+(?:st|nd|rd|th))\s+(meeting|session|summit)\b", re.I),
     "Meeting", "numbered"),
    # "TURKSOY celebrated its 25th anniversary at UNESCO Headquarters"
    (re.compile(r"([\U000F0000-\U0010FFFD]\uf8ff*)\s+(?:celebrated|celebrates|marked|marks)\s+(?:its|their|the)\s+(\d+(?:st|nd|rd|th))\s+anniversary\b"),
     "CulturalEvent", "anniversary"),
    (re.compile(r"\b(?:a|an|the)\s+(?:official\s+|diplomatic\s+|festive\s+)?reception\b", re.I), "Meeting", "reception"),
    (re.compile(r"\b(?:a|an|the)\s+(?:official\s+|festive\s+|solemn\s+|award\s+|signing\s+|opening\s+|closing\s+|[a-z]+\s+[a-z]+\s+)?ceremony\b", re.I), "CulturalEvent", "ceremony"),
    (re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?(?:concert|exhibition|festival)\b", re.I), "CulturalEvent", "cultural event"),
    (re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?(?:meeting|conference|forum|seminar|round\s?table|training)\s+(?:of|on|for|with)\b", re.I), "Meeting", "meeting"),
    # "took part in the international conference held in Samarkand", "Baku hosted the third … summit on 9 May":
    # a lower-case event described where it is reported
    (re.compile(r"\b(?:participated\s+in|took\s+part\s+in|attended|addressed|spoke\s+at|hosted|hosts|will\s+host|(?<=[a-z,]\s)at)\s+the\s+"
                r"((?:(?:[\w-]|[\U000F0000-\U0010FFFD\uf8ff])+\s+){0,5}?(?:conference|forum|summit|seminar|workshop|symposium|"
                r"round\s?table|congress|festival|exhibition|fair|games|championship|olympiad|competition|meeting|session|ceremony|celebration)"
                r"(?:\s+of\s+(?:the\s+)?[\U000F0000-\U0010FFFD]\uf8ff*)?)"
                r"(?=\s+(?:held|organi[sz]ed|hosted|dedicated|devoted|titled|entitled|on\s+the\s+theme)\b|"
                r"(?<=ummit|forum|gress|games|nship)(?=\s+(?:on|in)\s+(?:\d|[A-Z][a-z]+\s+\d)))", re.I), "Meeting", "noun-event"),
    # "preparations for the upcoming informal summit of the OTS, to be held in Turkistan": a coming event and its place
    (re.compile(r"\b(?:preparations?\s+for|ahead\s+of|on\s+the\s+eve\s+of|invited\s+\S+\s+to)\s+the\s+(?:upcoming\s+|forthcoming\s+|next\s+)?"
                r"((?:[\w-]+\s+){0,3}?(?:summit|meeting|session|forum|conference|congress)(?:\s+of\s+(?:the\s+)?[\U000F0000-\U0010FFFD]\uf8ff*)?)"
                r"(?=\s*,?\s+(?:to\s+be\s+held|which\s+will\s+be\s+held|that\s+will\s+be\s+held|scheduled)\b)", re.I), "Meeting", "coming"),
    (re.compile(r"\b(?:a|an)\s+((?:[\w-]+\s+){0,4}?(?:conference|forum|summit|seminar|workshop|symposium|round\s?table|competition|congress|"
                r"webinar|celebration|gala|tournament|olympiad|contest|briefing|press\s+conference)s?)\b(?:\s+(?:on|of|for|dedicated\s+to|devoted\s+to)\s+[^,.;]{3,60}?)?"
                r"(?=[,.;]|\s+(?:was|were|took|on|in|at|with|yesterday|today)\b)", re.I), "Meeting", "noun-event"),
    # "A and B (have) discussed …": two persons who discussed something met (a call is found first)
    (re.compile(r"\b(?:have\s+|has\s+|had\s+|also\s+)?discussed\b"), "Meeting", "discussed"),
]
_SUB = re.compile(r"\b(?:the\s+)?(opening\s+(?:session|ceremony)|closing\s+(?:session|ceremony)|plenary\s+session|panel\s+(?:session|discussion)|"
                  r"interactive\s+sessions?|working\s+session|main\s+(?:training\s+)?(?:program(?:me)?|session|day)|gala\s+concert|official\s+dinner)\b", re.I)
_REFERENCE = re.compile(r"(?:\bon\s+the\s+eve\s+of|\bahead\s+of|\bin\s+preparation\s+for|\bpreparations?\s+for|\bpreparing\s+for|"
                        r"\bupcoming|\bforthcoming|\bnext|\bdecisions\s+(?:of|adopted\s+at|taken\s+at)|\bresults\s+of|\boutcomes?\s+of|"
                        r"\bprevious|\blast\s+year['’]s|\bfollow[\s-]+up\s+(?:to|on)|\bimplementation\s+of|"
                        r"\b(?:ceremony|closing|framework|part|day|session)\s+of)\s+(?:the\s+)?[\"“«]?(?:\w+\s+)?$", re.I)
_PLACE_AT = re.compile(rf"(?:\b(?:at|in)|(?<=[)\]])In)\s+(?:the\s+)?(?:(?:{MARK}(?:['’]s)?\s+|[A-Z][a-z]+\s+)?capital(?:\s+city)?(?:\s+of\s+(?:the\s+)?{MARK},?)?(?:\s+of)?\s+"
                       rf"|{MARK}['’]s\s+(?=[\U000F0000-\U0010FFFD])"        # "in Kyrgyzstan's Cholpon-Ata"
                       rf"|(?:premises|city|town)\s+of\s+(?:the\s+)?)?({MARK})")
_HELD = re.compile(r"^(?:(?:On|In|At|During)\s[^,]{0,60},\s+(?:(?:at|in)\s[^,]{0,120},\s+)?)?(?:the\s+|a\s+|an\s+|(?=(?-i:[A-Z])[a-z]+\s+(?:talks|consultations|negotiations)\b))(?P<np>[^,;:]{3,160}?)\s+(?:was|were|will\s+be|(?:is|are)\s+(?:scheduled|set|expected|planned)\s+to\s+be)\s+(?:held|organi[sz]ed|hosted|staged|opened|launched)"
                   r"|^(?:(?:(?:On|In|At)\s[^,]{0,60}|Today|Yesterday|Earlier\s+today|(?:Last|This)\s+(?:week|weekend|month)),\s+)?"
                   r"(?:the|a|an)\s+(?P<np2>[^,;:]{3,160}?)\s+(?:took\s+place|(?:is|are)\s+taking\s+place|takes\s+place|will\s+take\s+place|(?:is|are)\s+(?:scheduled|set|expected)\s+to\s+take\s+place|opened|began|started|commenced|continued)\b", re.I)
# a finite verb or a modal inside what :data:`_HELD` takes for the noun phrase: the verb after it is not its predicate
_FINITE = re.compile(r"\b(?:aims?|seeks?|intends?|is|are|was|were|has|have|had|will|would|shall|should|must|can|could|may|might)\b", re.I)
_VENUE_AFTER_CITY = re.compile(r",\s+((?:[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w'’&-]*\s+){1,4}(?i:cent(?:er|re)|hall|palace|hotel|museum|theat(?:er|re)|"
                               r"gallery|library|house|complex|residence))(?=\s*[,.;]|\s*$)")
_HELD_AT = re.compile(r"^(?:The|This)\s+(?:\w+\s+)?(?:meeting|talks|session|summit|reception|ceremony|event|gathering)\s*,\s+"
                      r"(?:which\s+was\s+)?(?:held|hosted|organi[sz]ed)\s+(?:at|in)\b")
_HAPPENING = re.compile(r"\b(?:held|hosted|(?:co-)?chaired|took\s+place|opened|began|started|gathered|convened|was\s+attended|were\s+attended|"
                        r"brought\s+together|featured|continued|concluded|closed|welcomed|kicked\s+off)\b", re.I)
_GENERIC = re.compile(r"(?:\w+\s+)?(?:meeting|session|event|ceremony|reception|concert|forum|conference|talks|"
                      r"consultations|training|exhibition|festival|evening|summit|program(?:me)?|gathering|celebration)")
_EVENT_NOUN = re.compile(r"\b(?:meeting|summit|session|part|program(?:me)?|day|event|ceremony|reception|concert|forum|conference|"
                         r"talks|consultations|training|exhibition|festival|evening|discussion|gathering|celebration)s?\b")
_CONTEXT = re.compile(rf"(?:on\s+the\s+sidelines\s+of|within\s+the\s+framework\s+of|"
                      rf"as\s+part\s+of\s+(?:the\s+|an?\s+|its\s+|his\s+|her\s+|their\s+)?[^,.;]{{0,60}}?\bparticipation\s+in|"   # "… delegation's participation in"
                      rf"as\s+part\s+of|in\s+the\s+framework\s+of|during)"
                      rf"\s+(?:the\s+)?({MARK}|summit|forum|conference|meeting|session|visit)", re.I)
_IN_CITY_FOR = re.compile(rf"\b(?:is|was|are|were)\s+(?:currently\s+|now\s+|also\s+)?in\s+({MARK})\s+(?:for|as\s+part\s+of|to\s+attend|"
                          rf"to\s+take\s+part\s+in|to\s+participate\s+in)\s+(?:the\s+)?$")
_TOOK_PART = re.compile(r"\b(?:participated|participates|took\s+part|takes\s+part|taking\s+part|attended|attends|"
                        r"(?:is|was|are|were)\s+(?:currently\s+|now\s+|also\s+)?in\s+\S+\s+(?:for|as\s+part\s+of)|"
                        r"(?:departed|departs|left|leaves|flew|headed|travell?ed|set\s+off)\s+(?:for|to)\s+[^.;]{0,60}?\bto\s+"
                        r"(?:attend|participate\s+in|take\s+part\s+in)|"
                        r"(?:expected|scheduled|set|due|will|going)\s+(?:also\s+)?(?:to\s+)?(?:participate|attend|take\s+part)|"
                        r"(?:arrived|arrives)\s+in\s+\S+\s+(?:for|to\s+attend|to\s+take\s+part\s+in|to\s+participate\s+in)|"
                        r"(?:[Ss]peaking|spoke|speech|remarks|statement|[Aa]ddressing|addressed)\s+at|[Aa]ddressing|addressed)\s+(?:in\s+)?(?:the\s+)?"
                        r"[\U000F0000-\U0010FFFD]")
# "Deputy Foreign Ministers of … A, B and C met at the Secretariat": a group meets, no person named
_GROUP_MET = re.compile(r"\b(?:[Mm]inisters|[Ll]eaders|[Hh]eads\s+of\s+(?:[Ss]tate|[Gg]overnment|[Dd]elegation)s?|[Dd]elegations|"
                        r"[Rr]epresentatives|[Ss]peakers|[Cc]hairmen|[Aa]mbassadors|[Ss]ecretaries[\s-]+[Gg]eneral|[Pp]arliamentarians)\b"
                        r"[^.;]{0,200}?\b(?:met|gathered|convened)\s+(?:at|in)\b")
_PRONOUN = re.compile(r"(?:^\s*|,\s+|\band\s+)([Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+|subsequently\s+)?"
                      r"(?:met|meets|held|holds|had|received|receives|visited|attended|took\s+part|participated|addressed|delivered|"
                      r"presented|paid|(?:is|was)\s+(?:also\s+)?(?:expected|scheduled|set|due)\s+to\s+(?:participate|attend|take\s+part)|"
                      r"will\s+(?:also\s+)?(?:participate|attend|take\s+part))\b")
# "The Azerbaijani leader was welcomed by …": the first person of the sentence before
_NOMINAL = re.compile(rf"\s*The\s+((?:{MARK})\s+(?:leader|president|head\s+of\s+state|guest|prime\s+minister|minister|foreign\s+minister|top\s+diplomat))\s+"
                      r"(?:was|were|is|has|had|arrived|met|held|paid|visited|attended|took\s+part|participated|addressed)\b")
# "The Head of State received …", "The Secretary General met …": the one holder of that role named before
_ROLE_REF = re.compile(r"\s*(?:(?:On|In)\s[^,]{2,40},\s+)?[Tt]he\s+(head\s+of\s+(?:state|our\s+state)|Head\s+of\s+State|President|Secretary[\s-]+General|"
                       r"Ambassador|Foreign\s+Minister|Prime\s+Minister|Speaker)\s+"
                       r"(?:also\s+|then\s+|later\s+)?(?:met|received|held|visited|attended|took\s+part|participated|addressed|delivered|"
                       r"presented|paid|hosted|welcomed|spoke|noted|said|stressed|opened|chaired)\b")
_REF_ROLE_WORDS = {r"head of (?:state|our state)|president": ("president",), r"secretary general": ("secretary-general",),
                   r"ambassador": ("ambassador",), r"foreign minister": ("minister-of-foreign-affairs",),
                   r"prime minister": ("prime-minister",), r"speaker": ("chairman",)}
_ANOTHER = re.compile(r"\s*(?:(?:At|In|During|On)\s+(?:another|a\s+separate|a\s+different|a\s+later|a\s+second|an\s+earlier)\s+"
                      r"(?:event|meeting|ceremony|occasion|session|engagement|function)|Separately|In\s+a\s+separate\s+(?:development|event))\b")
# after the trigger, a clause of what was agreed or planned: a place in it is not where the event was
_PLANNED = re.compile(r"\b(?:agreed|decided|announced|confirmed|plans?|planned|intends?|intention|proposed|invited)\b[^.;]*?\b(?:that|to)\b"
                      r"|\b(?<!which\s)(?<!that\s)(?:would|will|shall)\b(?!\s+(?:take\s+place|be\s+held))", re.I)
_MEETINGS_WITH = re.compile(r"\b(?:(?:held|had|holds|has|conducted)\s+(?:several|separate|a\s+series\s+of|a\s+number\s+of|bilateral|"
                            r"individual|\w+\s+separate)?\s*meetings|(?:The|the|Separate|separate|Bilateral|bilateral)\s+meetings\s+(?:were\s+)?held)"
                            r"\s+with\b")
# "The President of Kazakhstan received X …": a state's office holder, not named, met one named person
_TITLE_SUBJECT = re.compile(rf"\s*(?:The\s+|{MARK}(?:['’]s)?\s+)?(?:(?:Vice[\s-])?President|Prime\s+Minister|Foreign\s+Minister|Minister\s+of\s+Foreign\s+Affairs|"
                            rf"Speaker(?:\s+of\s+(?:the\s+)?Parliament)?|Chairman(?:\s+of\s+(?:the\s+)?Parliament)?|King|Emir|Head\s+of\s+State)"
                            rf"(?:\s+of\s+(?:the\s+)?{MARK})?\s+(?:has\s+|also\s+)?(?:received|met(?:\s+with)?|hosted|welcomed)\s", re.I)
# "the Foreign Ministers of Kyrgyzstan and Russia": two states' office holders, not named
_OFFICE_PAIR = re.compile(rf"\b(?:[Tt]he\s+)?((?:[Ff]oreign\s+|[Pp]rime\s+)?[Mm]inisters|[Pp]residents|[Ll]eaders|[Hh]eads\s+of\s+(?:[Ss]tate|[Gg]overnment)|"
                          rf"[Ss]peakers)\s+of\s+(?:the\s+)?{MARK}\s+and\s+(?:the\s+)?{MARK}")
_CONTAINERS = ("Training", "Summit", "Meeting", "CulturalEvent")


@dataclass
class Sentence:
    """One sentence being read: its span, masked text, dates, mentions, and the events it reports."""

    s: int
    e: int
    sm: str                                  # the masked text of the sentence
    dates: list[DateMention]
    day_of: re.Match[str] | None
    in_sentence: list[Mention]
    persons: list[Mention]
    happening: bool
    prev_current: Event | None
    new_events: list[Event] = field(default_factory=list)
    refs: list[Event] = field(default_factory=list)          # "the meeting": the current event again
    referenced: list[Event] = field(default_factory=list)    # named, but not reported here ("on the eve of …")
    dateline_day: bool = False                               # the only date is the dateline's
    split: list[tuple[Event, Mention]] = field(default_factory=list)    # "meetings with A, B and C": one each
    subject: Mention | None = None                           # … and who held them


class EventReader:
    """The events of one article, read sentence by sentence (see the module's docstring)."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self.text, self.masked = reader.text, reader.masked_text
        self.ref = reader.article.date
        self.out = reader.out
        self.datelines = [(m.start(), m.end()) for m in DATELINE.finditer(self.text)]
        self.headline = headline(self.text)
        self.by_start = sorted(reader.mentions)
        self.dateline_city: str | None = None
        self.dateline_date = next((d.date for a_, b_ in self.datelines[:1]
                                   for d in find_dates(self.text, self.ref, start=a_, end=b_)), None)
        for a_, b_ in self.datelines[:1]:
            for mm in reader.mentions:
                if a_ <= mm[0] < b_ and mm[3] == "City":
                    self.dateline_city = mm[2]
        self.current: Event | None = None
        self.main: Event | None = None
        self.discourse: dt.date | None = None
        self.posts_by_person: dict[str, list[int]] = {}
        for i, p in enumerate(self.out.posts):
            self.posts_by_person.setdefault(p.person, []).append(i)
        self.last_city: tuple[dt.date, str] | None = None
        self.pending_start: dict[str, DateMention] = {}
        self.recalled: list[Event] = []        # events of :mod:`.event_mentions`
        self.coming: list[tuple[Event, bool]] = []     # coming events of :mod:`.event_mentions`, dated or not
        self.coming_attendees: set[tuple[str, str]] = set()   # (event, who "will attend" it) of :mod:`.coming_events`
        self.placed: list[tuple[Event, str]] = []      # events only spoken of with their place, and their head nouns
        self.stamps: list[tuple[int, int]] = []        # lines that are only the page's date
        self.discourse_stamp = False                   # whether the date last spoken of is only the page's stamp
        self.stamp_dated: list[Event] = []             # events whose day is only the date last spoken of, a stamp's

    def event(self, key: str) -> Event | None:
        return next((x for x in self.out.events if x.key == key), None)

    # ------------------------------------------------------------------------------ the loop
    def run(self) -> None:
        prev_persons: list[Mention] = []
        for s, e in sentences(self.text):
            if (s, e) == self.headline:
                continue
            sn = self._sentence(s, e)
            if _ANOTHER.match(sn.sm):
                self.current = None       # "At another event, …", "Separately, …": not the event reported so far
            self._pronoun(sn, prev_persons)
            before = prev_persons
            prev_persons = [mm for mm in sn.persons if mm[1] - mm[0] > 3]
            self._meeting_with_ref(sn)
            self._named(sn)
            coordinated_names(self, sn)     # "the Istanbul, Samarkand and Ankara Summits"
            self._subs(sn)
            if not sn.new_events and not sn.refs:
                self._separate_meetings(sn, before)
            if not sn.new_events:
                self._held(sn)
            if not sn.new_events and not sn.refs:
                self._noun_ref(sn)
                self._meeting_again(sn)
            if not sn.new_events and not sn.refs:
                self._same_event(sn)
            if not sn.refs and all(self._in_context(ev, sn) for ev in sn.new_events):
                self._unnamed(sn)
            if not sn.refs and all(self._in_context(ev, sn) for ev in sn.new_events):
                recall_event(self, sn)      # what the rules above missed: a lexicon of event verbs and nouns
            placed_mentions(self, sn)       # "last year's summit in Uzbekistan": only spoken of, with its place
            coming_by_day(self, sn)         # "preparing Monday's meeting of …": to come, on that day
            coming_in_series(self, sn)      # "decided to hold the next meeting of the Council on …": to come
            self._noun_in_city(sn)
            self._when_and_where(sn)
            self._after(sn)
            participations(self, sn)
        carry_stay_cities(self)         # "X paid a visit to Istanbul and met Y. He also met Z": there
        self._unstamp()

    def _unstamp(self) -> None:
        """An event whose day came only from the page's date line ("Saturday, 30 June 2018" under the headline)
        keeps it only if the text itself speaks of that day elsewhere (a date, "on Friday", not inside a quotation):
        a page's stamp says when it was posted, not when what it reports took place."""
        if not self.stamp_dated:
            return
        text = self.text
        spoken = {d.date for a, b in sentences(text) if (a, b) not in self.stamps
                  for d in find_dates(text, self.ref, start=a, end=b)
                  if not _quoted(text[text.rfind("\n", 0, d.start) + 1:d.start])      # a quotation may run over sentences
                  and not any(x <= d.start < y for x, y in self.datelines[:1])}
        for ev in self.stamp_dated:
            if ev.date is not None and ev.date not in spoken:
                ev.date = ev.end_date = None

    def _pronoun(self, sn: Sentence, prev_persons: list[Mention]) -> None:
        """"X is on a visit to Budapest. On 4 May, he met Y": a sentence whose subject is "he" or "she",
        with no person named before it, is about the first person of the sentence before."""
        self._role_reference(sn)
        pm = _PRONOUN.search(sn.sm) or _NOMINAL.match(sn.sm)
        if pm is None or not prev_persons or any(mm[0] < sn.s + pm.start() for mm in sn.persons):
            return
        key = prev_persons[0][2]
        if any(mm[2] == key for mm in sn.persons):
            return
        sn.persons.append((sn.s + pm.start(1), sn.s + pm.end(1), key, "Person"))
        sn.persons.sort()

    def _role_reference(self, sn: Sentence) -> None:
        """"The Head of State received …", "The Secretary General met …": the one person who holds that
        role in a post named before the sentence."""
        rm = _ROLE_REF.match(sn.sm)
        if rm is None or any(mm[0] < sn.s + rm.end(1) for mm in sn.persons):
            return
        word = " ".join(rm.group(1).lower().replace("-", " ").split())
        roles = next(r for k, r in _REF_ROLE_WORDS.items() if re.fullmatch(k, word))
        holders = {p.person for p in self.out.posts if p.role in roles and p.span[0] < sn.s and not p.past}
        if len(holders) != 1:
            return
        sn.persons.append((sn.s + rm.start(1), sn.s + rm.end(1), holders.pop(), "Person"))
        sn.persons.sort()

    def _noun_ref(self, sn: Sentence) -> None:
        """"… attended the meeting" after a named event of another kind was mentioned (a congress the
        meeting was dedicated to): the last unnamed event that is a meeting, not the named one."""
        current = self.current
        m = re.search(r"\b(?:the|this)\s+(meeting|talks|reception|ceremony)\b(?!\s+(?:of|on|with|between)\b)", sn.sm)
        if m is None or current is None or not current.named or m.group(1) in current.label.lower():
            self._big_noun_ref(sn)
            return
        earlier = [x for x in self.out.events if not x.named and x.parent is None and x is not current
                   and x.label.lower().startswith(m.group(1)) and x.span[0] < sn.s]
        if earlier:
            sn.refs.append(earlier[-1])
            self.current = earlier[-1]

    def _separate_meetings(self, sn: Sentence, prev_persons: list[Mention]) -> None:
        """"X held meetings with A, B and C", "The meetings were held with A, …, B, … and C": one meeting
        with each of them (X, or the first person of the sentence before, takes part in every one)."""
        m = _MEETINGS_WITH.search(sn.sm)
        if m is None:
            return
        others = [mm for mm in sn.persons if mm[0] >= sn.s + m.end()]
        subject = ([mm for mm in sn.persons if mm[1] <= sn.s + m.start()] or prev_persons or [None])[0]
        if len(others) < 2 or subject is None or any(mm[2] == subject[2] for mm in others):
            return
        who = self.out.entities[subject[2]].label
        for mm in others:
            label = f"Meeting of {who} and {self.out.entities[mm[2]].label}"
            key = self.reader.entity("Event", label, mm[:2], unique=True)
            ev = Event(key=key, label=label, kind="Meeting", named=False, date=None, end_date=None, venue=None,
                       city=None, span=(sn.s + m.start(), sn.s + m.end()), confidence=0.7)
            self.out.events.append(ev)
            sn.new_events.append(ev)
            sn.split.append((ev, mm))
        sn.subject = subject

    def _meeting_with_ref(self, sn: Sentence) -> None:
        """"During the meeting with A, …": the meeting with A reported before (its persons are "the parties")."""
        m = re.match(rf"\s*(?:During|At|In\s+the\s+course\s+of)\s+(?:the|their|his|her)\s+(?:[\w-]+\s+)?(?:meeting|talks)\s+with\s+(?:\S+\s+)?({MARK})",
                     sn.sm)
        mention = self.reader.at(sn.s + m.start(1)) if m else None
        if mention is None:
            return
        keys = {p.event for p in self.out.participations if p.participant == mention[2]}
        found = [x for x in self.out.events if x.key in keys and not x.named and x.kind == "Meeting" and x.span[0] < sn.s]
        if found:
            sn.refs.append(found[-1])
            sn.prev_current = self.current = found[-1]

    def _noun_in_city(self, sn: Sentence) -> None:
        """"adopted at the summit in Samarkand", "On the occasion of the Summit in Samarkand": the summit
        reported or named before is in that city; with none before, an unnamed summit there, only mentioned."""
        for m in re.finditer(rf"\b(?:at|during|of|from|since|after)\s+the\s+(?:(?:[\w-]+|{MARK})\s+)?(summit|forum|congress|conference)\s+in\s+({MARK})",
                             sn.sm, re.I):
            city = self.reader.at(sn.s + m.start(2))
            if city is None or self.out.entities[city[2]].kind != "City" or any(
                    ev.span[0] <= sn.s + m.start(1) < ev.span[1] for ev in sn.new_events + sn.referenced):
                continue
            noun = m.group(1).lower()
            where: str | None = city[2]
            if re.match(rf"\s*/\s*{MARK}", sn.sm[m.end():]):
                where = None       # "in Baku/Shusha": two cities, neither is the place
            before = [x for x in self.out.events if x.span[0] < sn.s + m.start() and x.parent is None
                      and re.search(rf"\b{noun}\b", x.label, re.I)]
            if before:
                before[-1].city = before[-1].city or where
                continue
            label = f"{noun.capitalize()} in {self.text[sn.s + m.start(2):sn.s + m.end()].strip()}"
            span = (sn.s + m.start(1), sn.s + m.end(2))
            key = self.reader.entity("Event", label, span, unique=True)
            ev = Event(key=key, label=label, kind=event_kind(label), named=False, date=None, end_date=None, venue=None,
                       city=where, span=span, confidence=0.6)
            self.out.events.append(ev)
            sn.referenced.append(ev)

    def _big_noun_ref(self, sn: Sentence) -> None:
        """"… were also in attendance for the summit" after a meeting on its margins was reported: "the
        summit" (forum, conference …) is the last event before of that kind, not the current meeting."""
        current = self.current
        m = re.search(r"\b(?:for|at|in|to|of|during)\s+(?:the|this)\s+(?:[\w-]+\s+)?(summit|forum|conference|congress|festival|"
                      r"exhibition|assembly|games)\b(?!\s+(?:of|on|in|to\s+be|which|that)\b)", sn.sm, re.I)
        if m is None or current is None or m.group(1).lower() in current.label.lower():
            return
        noun = m.group(1).lower()
        earlier = [x for x in self.out.events if x is not current and x.parent is None and x.span[0] < sn.s
                   and re.search(rf"\b{noun}\b", x.label.lower()) and (x.date is not None or x.named)]
        if earlier and not FUTURE.search(sn.sm):
            sn.refs.append(earlier[-1])
            self.current = earlier[-1]

    def _same_event(self, sn: Sentence) -> None:
        """"…, said X at the same forum": the event just reported again (its participants)."""
        current = self.current
        if current is not None and re.search(r"\b(?:at|during|in)\s+the\s+same\s+(?:meeting|forum|event|conference|summit|session|"
                                             r"ceremony|reception|talks|gathering)\b", sn.sm):
            sn.refs.append(current)

    def _meeting_again(self, sn: Sentence) -> None:
        """"A and B discussed … . The Baku-based meeting held on 9 September …": a sentence that opens
        with "the meeting" is about the unnamed meeting just reported, and gives its day and city."""
        current = self.current
        m = re.match(rf"\s*(?:The|This)\s+(?:({MARK})-based\s+)?(?:meeting|talks)\b(?!\s+(?:of|with|between)\b)", sn.sm)
        if m is None or current is None or current.named or current.kind != "Meeting" or sn.refs or current.label.startswith("Telephone"):
            return
        sn.refs.append(current)
        city = self.reader.at(sn.s + m.start(1)) if m.group(1) else None
        if city and self.out.entities[city[2]].kind == "City":
            current.city = city[2]         # said of the meeting itself: over a city guessed from its sentence
        if current.date is None and sn.dates and re.match(r"\s*held\s+on\b", sn.sm[m.end():]):
            current.date, current.end_date = sn.dates[0].date, sn.dates[0].end_date

    def _in_context(self, ev: Event, sn: Sentence) -> bool:
        """Whether a named event is only the frame of what the sentence reports ("A met B on the
        sidelines of the <Summit>", "A paid a visit to B to attend the <Meeting>"): the meeting or the visit
        is still to be found."""
        return ev.named and bool(re.search(r"(?i)\b(?:on\s+the\s+sidelines\s+of|on\s+the\s+margins\s+of|within\s+the\s+framework\s+of|"
                                           r"in\s+the\s+framework\s+of|\bvisit\s+to\s+(?:the\s+)?\S+\s+(?:in\s+order\s+)?to\s+(?:attend|participate\s+in|take\s+part\s+in)|"
                                           r"[Aa]s\s+part\s+of\s+(?:the\s+)?(?:\S+\s+){0,3}participation\s+in)\s+(?:the\s+)?$",
                                           self.text[max(sn.s, ev.span[0] - 80):ev.span[0]]))

    def _sentence(self, s: int, e: int) -> Sentence:
        text = self.text
        found = find_dates(text, self.ref, start=s, end=e)
        if is_stamp(text[s:e], found, s):
            self.stamps.append((s, e))     # "Saturday, 30 June 2018" on a line of its own: the page's stamp
        dates = [d for d in found if not any(a <= d.start < b for a, b in self.datelines)]
        dateline_day = False
        if not dates and self.datelines[:1] and s <= self.datelines[0][0] < e:
            dates = found[:1]       # the lead of a report, with no day of its own: the dateline's day
            dateline_day = bool(dates)
        lo = bisect.bisect_left(self.by_start, (s,))
        in_sentence = [mm for mm in self.by_start[lo:bisect.bisect_left(self.by_start, (e,))] if mm[1] <= e]
        names = [(mm[0], mm[1]) for mm in in_sentence if mm[3] in ("Event", "Organization", "Venue")]
        dates = [d for d in dates if not any(a <= d.start < b for a, b in names)]   # "Turkic World Today": a name, not a day
        persons = sorted([mm for mm in in_sentence if mm[3] == "Person"])
        sm = self.masked[s:e]
        return Sentence(s, e, sm, dates, DAY_OF.search(text, s, e), in_sentence, persons,
                        bool(_HAPPENING.search(sm)), self.current, dateline_day=dateline_day)

    def _when_and_where(self, sn: Sentence) -> None:
        """Dates, places and parents of the sentence's events; what the referenced ones add."""
        future = FUTURE.search(sn.sm)
        for ev in sn.new_events:
            self._date(ev, sn, bool(future))
            self._place(ev, sn.s, sn.sm)
            self._hosting_city(ev, sn.s, sn.sm)
            self._parent(ev, sn)
            self._dateline_city(ev, sn, bool(future))
            if ((sn.dateline_day or not sn.dates) and ev.city and self.dateline_city and ev.city != self.dateline_city
                    and ev.date is not None and ev.date == self.dateline_date):
                ev.date = ev.end_date = None    # reported from Baku, held in Tashkent: the dateline's day is not its day
        # "On 11 May, in Istanbul, …", "Today in Istanbul, …", "In Astana, …": the sentence's city, given first
        lead_in = re.match(rf"\s*(?:(?:On|In)\s[^,]{{2,40}},\s+in|(?:(?:Today|Yesterday|Earlier\s+today|This\s+(?:morning|afternoon|evening)),?\s+)?"
                           rf"(?i:in))\s+(?:the\s+(?:\w+\s+)?capital(?:\s+city)?(?:\s+of)?\s+)?({MARK}),", sn.sm)
        lead_city = self.reader.at(sn.s + lead_in.start(1)) if lead_in else None
        for ev in sn.new_events:
            if lead_city and self.out.entities[lead_city[2]].kind == "City" and ev.city is None and ev.date is not None:
                ev.city = lead_city[2]
        for ev in sn.refs:
            self._place(ev, sn.s, sn.sm, anywhere=True)
        for ev in sn.referenced:
            self._referenced(ev, sn)
            for part in [x for x in sn.new_events if x.parent == ev.key and x.date is not None]:
                ev.date = ev.date or part.date         # the frame of a meeting "on its sidelines" is where and when it was
                ev.city = ev.city or part.city
        # an unnamed event with no place of its own, on the day of the last event that had one, is there too
        for ev in sn.new_events:
            if (ev.city is None and ev.venue is None and ev.parent is None and ev.date is not None
                    and not ev.label.startswith("Telephone") and (not ev.named or sn.happening)
                    and self.last_city is not None and self.last_city[0] == ev.date):
                ev.city = self.last_city[1]
        for ev in sn.new_events:      # "X arrived in Astana for the summit. He was welcomed at the airport": there
            if ev.label.startswith("Welcome of") and ev.city is None and sn.prev_current is not None:
                ev.city = sn.prev_current.city
        visit = sn.prev_current
        for ev in sn.new_events:      # "X is on a visit to Budapest. On 4 May he met Y": met there
            if (visit is not None and visit.label.startswith("Visit ") and visit.city and ev is not visit and not ev.named
                    and ev.city is None and ev.venue is None and ev.parent is None and not ev.label.startswith("Telephone")
                    and (visit.date is None or ev.date is None or visit.date <= ev.date <= (visit.end_date or visit.date))):
                ev.city = visit.city
        self._coordinated(sn)
        for ev in sn.new_events:
            if ev.city is not None and ev.date is not None:
                self.last_city = (ev.date, ev.city)

    def _coordinated(self, sn: Sentence) -> None:
        """"attended the <A> and the closing ceremony of <B> held on 4-5 December in Turkistan": the clause after
        the second of two events joined by "and" gives the first its day and city too."""
        here = {ev.key: next(((ms, me) for ms, me, key, _k in sn.in_sentence if key == ev.key), ev.span) for ev in sn.new_events}
        pairs = [(a, b) for a in sn.new_events for b in sn.new_events if here[a.key][1] <= here[b.key][0]
                 and re.fullmatch(r"\s*,?\s+and\s+(?:the\s+|an?\s+)?", self.text[here[a.key][1]:here[b.key][0]])]
        for a, b in pairs:
            if not re.match(r"[^.;]{0,120}?\b(?:held|hosted|organi[sz]ed|which\s+took\s+place|taking\s+place)\b", self.text[here[b.key][1]:sn.e]):
                continue
            if a.city is None and b.city is not None and a.venue is None:
                a.city = b.city
            if a.date is None and b.date is not None:
                a.date, a.end_date = b.date, b.end_date

    def _after(self, sn: Sentence) -> None:
        """Program start dates, "was followed by", and what the report is now about."""
        text = self.text
        started = re.match(r"\s*The\s+(program(?:me)?|forum|festival|summit|conference|exhibition|training|congress|week|days)\s+"
                           r"(?:commenced|began|started|opened|kicked\s+off)\b", text[sn.s:sn.e], re.I)
        if started and sn.dates:
            word = started.group(1).lower()
            self.pending_start[word.rstrip("e") if word == "programme" else word] = sn.dates[0]
        for ev in sn.new_events + sn.referenced:
            if ev.named and ev.date is None and ev.parent is None:
                head = ev.label.split()[-1].lower() if ev.label else ""
                head = "program" if head == "programme" else head
                if head in self.pending_start:
                    ev.date, ev.end_date = self.pending_start[head].date, self.pending_start[head].end_date
        self._followed(sn)
        if sn.dates:
            self.discourse = sn.dates[-1].date
            self.discourse_stamp = (sn.s, sn.e) in self.stamps
        elif sn.new_events and sn.new_events[-1].date:
            self.discourse = sn.new_events[-1].date
            self.discourse_stamp = False
        # an event dated after the article is only announced: what follows is not reported from it
        dated = [x for x in sn.new_events if x.date is not None and not self._announced(x, sn)]
        if dated:
            if self.main is None:
                top = [x for x in dated if x.parent is None]
                self.main = top[0] if top else None
            self.current = dated[-1]
        elif (sn.happening or _TOOK_PART.search(sn.sm)) and (
                named := [x for x in sn.new_events if x.named and x.parent is None and not self._announced(x, sn)]):
            # "The … Forum kicked off in Astana", "… participated in the Extraordinary Meeting": reported, without a day
            self.current = named[-1]
        elif unnamed := [x for x in sn.new_events if not x.named and x.parent is None]:
            self.current = unnamed[-1]     # "A met with B in New York": reported, without a day
        sn.new_events = sn.new_events + sn.refs

    def _announced(self, ev: Event, sn: Sentence) -> bool:
        """An event dated after the article, in a sentence that speaks of the future ("scheduled for", "would
        take place", "will be held"): only announced, never the event that later sentences report."""
        return (ev.date is not None and self.ref is not None and ev.date > self.ref
                and (FUTURE.search(sn.sm) is not None or re.search(r"\b(?:would|scheduled\s+for|planned\s+for|next)\b", sn.sm, re.I) is not None))

    # -------------------------------------------------------------------- finding the events
    def _named(self, sn: Sentence) -> None:
        """Named events among the sentence's mentions."""
        alongside: list[Event] = []
        for ms, me, key, kind in sn.in_sentence:
            if kind != "Event":
                continue
            ent = self.out.entities[key]
            ev = self.event(key)
            if ev is None:
                label = ent.label
                ordinal = re.match(r"(\d+)(?:st|nd|rd|th)\b", label)
                ev = Event(key=key, label=label, kind=self.reader.titled.get(key) or event_kind(label), named=True,
                           date=None, end_date=None, venue=None, city=None, span=(ms, me), confidence=0.85,
                           ordinal=int(ordinal.group(1)) if ordinal else None)
                self.out.events.append(ev)
            here = _IN_CITY_FOR.search(self.masked[max(sn.s, ms - 120):ms])     # "X is in New York as part of the <Event>"
            along = self.current if re.search(r"\b(?:coincides?|coincided|coinciding)\s+with\s+(?:the\s+)?$",
                                              self.text[max(sn.s, ms - 40):ms]) else None
            if (along is not None and along is not ev) or ev in alongside:
                if along is not None:     # "The summit coincides with the 18th Meeting of …": its day
                    ev.date = ev.date or along.date
                if ev not in alongside:
                    alongside.append(ev)
                    sn.referenced.append(ev)
                continue            # (the place may differ), also at its other names in the sentence ("(GCC)")
            if here is not None:
                city = self.reader.at(max(sn.s, ms - 120) + here.start(1))
                if city is not None and self.out.entities[city[2]].kind == "City" and ev.city is None:
                    ev.city = city[2]
            elif ev.date is None and (_REFERENCE.search(self.text[max(sn.s, ms - 80):ms]) or self._in_context(ev, sn)):
                sn.referenced.append(ev)     # "on the eve of the 12th Summit", "on the sidelines of …": named, not reported here
                continue
            sn.new_events.append(ev)

    def _subs(self, sn: Sentence) -> None:
        """Parts: "the opening session", "the plenary session", "the gala concert" of the current or main event."""
        current, main = self.current, self.main
        for m in _SUB.finditer(self.text, sn.s, sn.e):
            label = m.group(1)
            if not self.reader.free(m.start(1), m.end(1)) or re.search(r"\bon\s+the\s+occasion\s+of\s+$", self.text[max(sn.s, m.start() - 40):m.start()]):
                continue     # "held on the occasion of the opening ceremony of …": what the meeting marks, not a part of it
            if current is not None and current.kind == "Session" and current.parent:
                parent = next((x for x in self.out.events if x.key == current.parent), main)
            else:
                parent = current if current is not None and current.kind != "Session" else main
            is_main = re.match(r"main\b", label, re.I)
            if is_main or (parent is not None and parent.kind not in _CONTAINERS):
                parent = main if main is not None and main.kind in _CONTAINERS and not is_main else None
                if is_main and main is not None and main.kind in _CONTAINERS and main.named:
                    parent = main
            cap = label[:1].upper() + label[1:]
            full = cap + (f" of the {parent.label}" if parent is not None and parent.named else "")
            key = self.reader.entity("Event", full, (m.start(1), m.end(1)))
            ev = self.event(key)
            if ev is None:
                sub_kind = event_kind(label)
                if re.search(r"session|ceremony|panel|discussion|round\s?table|dinner", label, re.I):
                    sub_kind = "Session"
                ev = Event(key=key, label=full, kind=sub_kind, named=False, date=None, end_date=None,
                           venue=None, city=None, span=(m.start(1), m.end(1)), confidence=0.75,
                           parent=parent.key if parent else None)
                self.out.events.append(ev)
            sn.new_events.append(ev)

    def _held(self, sn: Sentence) -> None:
        """"The <noun phrase> was held / took place": the current event again, or a new unnamed one."""
        text, s, e = self.text, sn.s, sn.e
        body = max([s] + [b_ for a_, b_ in self.datelines if a_ <= s < b_ or s <= a_ < e])
        body += len(text[body:e]) - len(text[body:e].lstrip())
        held = _HELD.search(text[body:e])
        if not held:
            if self.current is not None and _HELD_AT.search(text[body:e]):
                sn.refs.append(self.current)      # "The meeting, held at the Working Office, was attended by …"
            return
        np = re.sub(r"\s+(?:which|that)$", "", held.group("np") or held.group("np2"))    # "the concert which was held"
        np = re.split(r"\s+(?:featured|included|includes|features|with)\s+", np)[0]     # "the celebration featured a concert which took place"
        if _FINITE.search(np):
            return      # "The summit further aims to ensure continued dialogue": a clause of its own, no noun phrase held
        npos = body + held.start("np" if held.group("np") else "np2")
        if any(mm[3] == "Event" and npos <= mm[0] < npos + len(np) for mm in sn.in_sentence):
            return      # "… the preparations for the 10th Summit that will be hosted by …": the named event's clause
        low = np.lower()
        generic = _GENERIC.fullmatch(low)
        current = self.current
        of_people = re.match(r"(?:meeting|session|talks)\s+of\s+the\s+(?:heads|ministers|foreign\s+ministers|leaders|participants)\b", low)
        if current is not None and (generic or of_people) and held.group(0).lower().lstrip().startswith(("the ", "this ")) or (
                current is not None and generic and np.lower().split()[-1] in current.label.lower()):
            sn.refs.append(current)
        elif (again := next((x for x in reversed(self.out.events) if x.span[0] < sn.s and len(low.split()) >= 2
                             and x.label.lower().startswith(low)), None)) is not None:
            sn.refs.append(again)        # "a foreign ministerial meeting of the Council …" before: "The foreign ministerial meeting was …"
        elif _EVENT_NOUN.search(low):
            label = np[:1].upper() + np[1:]
            key = self.reader.entity("Event", label, (npos, npos + len(np)), unique=True)
            parent = self.main if self.main is not None and re.search(r"\b(?:part|day|session)\b", low) else None
            ev = Event(key=key, label=label, kind=event_kind(label), named=False, date=None, end_date=None,
                       venue=None, city=None, span=(npos, npos + len(np)), confidence=0.7,
                       parent=parent.key if parent else None)
            self.out.events.append(ev)
            sn.new_events.append(ev)

    def _unnamed(self, sn: Sentence) -> None:
        """The first trigger of :data:`_UNNAMED` that the sentence anchors (a date, two persons, a place …)."""
        current = self.current
        for pattern, kind, label in _UNNAMED:
            m = pattern.search(sn.sm)
            if not m or _quoted(self.text[sn.s:sn.s + m.start()]):
                continue       # a meeting someone speaks of in a quotation is not reported here
            if current is not None and re.match(r"(?i)the\b", m.group(0)) and label in (
                    "reception", "ceremony", "cultural event", "meeting"):
                sn.refs.append(current)
                break
            if label == "presentation" and current is not None and not sn.dates:
                continue       # "X presented his book “Y” to the audience" at the event reported: a part of it, no event of its own
            performing = bool(label == "cultural event" and PERFORM.search(sn.sm) and sn.persons and current)
            if not self._anchored(sn, m, label, performing):
                continue
            named = self._unnamed_label(sn, m, kind, label, performing)
            if named is None:
                continue
            full, kind, organizer = named
            key = self.reader.entity("Event", full, (sn.s + m.start(), sn.s + m.end()), unique=True)
            ev = Event(key=key, label=full, kind=kind, named=False, date=None, end_date=None, venue=None,
                       city=None, span=(sn.s + m.start(), sn.s + m.end()), confidence=0.7)
            if performing and not sn.dates:
                ev.parent = current.key  # type: ignore[union-attr]
            ev.organizer = organizer
            self.out.events.append(ev)
            if label == "coming":
                sn.referenced.append(ev)     # only spoken of: its day and place from ", to be held in …", no participants
            else:
                sn.new_events.append(ev)
            break

    def _anchored(self, sn: Sentence, m: re.Match[str], label: str, performing: bool) -> bool:
        """Whether a trigger reports an event here: a date, two persons, a place, a performance …"""
        persons, dates, day_of = sn.persons, sn.dates, sn.day_of
        actors = persons + [mm for mm in sn.in_sentence if mm[3] in ("State", "Organization", "Demonym")]
        plural_ref = PLURAL_REF.search(sn.sm)
        took_part = re.search(r"\b(?:took\s+part|participated|attended)\s+(?:in\s+)?(?:the|a)\s+(?:\w+\s+){0,2}"
                              r"(?:meeting|session|summit|conference)\s+of\b", sn.sm)   # "X took part in the meeting of …"
        has_anchor = (bool(dates) or bool(day_of) or len(persons) >= 2 or bool(_PLACE_AT.search(sn.sm)) or performing
                      or (label == "meeting" and len(persons) == 1 and _TITLE_SUBJECT.match(sn.sm) is not None)
                      or (plural_ref is not None and self.current is not None) or (took_part is not None and bool(persons)))
        if label == "visit" and m.lastindex and m.group(1) and persons:
            has_anchor = True        # "a delegation headed by X visited the State Committee"
        if label == "call" and _OFFICE_PAIR.search(sn.sm):
            has_anchor = True        # "The Foreign Ministers of A and B discussed … by telephone"
        if label in ("airport", "occasion"):
            return bool(persons)
        if not has_anchor:
            return False
        held_at = re.match(r"meeting\s+held\s+(?:in|at)\b", m.group(0), re.I) and _PLACE_AT.search(sn.sm)
        if label == "meeting" and (len(actors) < 2 or not persons) and not plural_ref and not _GROUP_MET.search(sn.sm) and not held_at:
            return False
        if label == "opening" and not (dates or day_of or persons or plural_ref):
            return False
        if label == "opening" and any(mm[3] == "Event" and sn.s + m.start(1) <= mm[0] < sn.s + m.end(1)
                                      for mm in sn.in_sentence):
            return False
        if label == "consultations" and not (dates or persons):
            return False
        if label == "discussed" and not self._two_discussed(sn, m):
            return False
        if FUTURE.search(sn.sm[:m.start()]) and not dates:
            return False
        return True

    def _two_discussed(self, sn: Sentence, m: re.Match[str]) -> bool:
        """"A, <title>, and B have discussed …": the two first persons, joined by "and", are the subject
        of "discussed"; not over the phone, not in a quotation or a relative clause."""
        before = [mm for mm in sn.persons if mm[1] <= sn.s + m.start()]
        if len(before) != 2 or re.search(r"\b(?:tele)?phone\b|\bvideo\b|\bonline\b", sn.sm, re.I):
            return False
        between = self.masked[before[0][1]:before[1][0]]
        after = self.masked[before[1][1]:sn.s + m.start()]
        return (re.search(r"\band\b", between) is not None and not re.search(r"\b(?:who|which|that|said|says|with|met)\b|[;:]", between + after)
                and len(after) < 40 and not re.search(rf"[.;]", after))

    def _unnamed_label(self, sn: Sentence, m: re.Match[str], kind: str, label: str,
                       performing: bool) -> tuple[str, str, str | None] | None:
        """(label, kind, organizer) of an unnamed event, or None when the trigger names none after all."""
        out, s, text = self.out, sn.s, self.text
        persons = sn.persons
        names = [out.entities[mm[2]].label for mm in persons[:2]]
        if label == "presentation of credentials":
            copies = re.search(r"cop(?:y|ies)", m.group(0), re.I)
            before_trigger = [mm for mm in persons if mm[1] <= s + m.start()]
            if re.match(r"accept|receiv", m.group(0), re.I):
                before_trigger = [mm for mm in persons if mm[0] >= s + m.end()][:1]   # "accepted the credentials of X"
            if before_trigger:
                names = [out.entities[before_trigger[-1][2]].label]
            return (("Handover of copies of credentials" if copies else "Presentation of credentials")
                    + (f" by {names[0]}" if names else "")), kind, None
        if label == "numbered":
            bodies = [mm for mm in self.reader.mentions if mm[1] <= s + m.start() and mm[3] == "Organization"
                      and m.group(1).lower() in out.entities[mm[2]].label.lower()]
            body = out.entities[max(bodies)[2]].label if bodies else m.group(1)
            return f"{m.group(2)} {m.group(3).lower()} of the {body}", "Session" if m.group(3).lower() == "session" else kind, None
        if label == "anniversary":
            org_m = self.reader.at(s + m.start(1))
            if org_m is None or out.entities[org_m[2]].kind != "Organization":
                return None
            return f"Celebration of the {m.group(2)} anniversary of {out.entities[org_m[2]].label}", kind, org_m[2]
        if label == "reception":
            return "Reception" + (f" hosted by {names[0]}" if names else ""), kind, None
        if label == "visit":
            return self._visit_label(sn, m, kind)
        if label == "call":
            pair = _OFFICE_PAIR.search(sn.sm)
            if len(persons) < 1 and pair is None:
                return None
            if len(persons) < 1 and pair is not None:      # the office holders are named in the sentences after
                return "Telephone conversation of the " + " ".join(text[s + pair.start(1):s + pair.end()].split()), kind, None
            return "Telephone conversation of " + " and ".join(names), kind, None
        if label in ("noun-event", "coming"):
            if not (sn.dates or sn.day_of or sn.happening):
                return None
            noun = " ".join(text[s + m.start(1):s + m.end()].split())
            full = noun[:1].upper() + noun[1:]
            return full, event_kind(full), None
        if label == "presentation":
            full = f"Presentation of the {' '.join(text[s + m.start(1):s + m.end(1)].split())}"
            organizer_m = [mm for mm in sn.in_sentence if mm[0] < s + m.start() and mm[3] == "Organization"]
            return full, kind, organizer_m[-1][2] if organizer_m else None
        if label in ("meeting-of", "org-meeting"):
            return self._org_meeting_label(sn, m, kind, label)
        if label == "occasion":
            phrase = " ".join(text[s + m.start(1):s + m.end(1)].split())
            return phrase[:1].upper() + phrase[1:], event_kind(phrase) if "concert" in phrase.lower() else kind, None
        if label == "opening":
            phrase = text[s + m.start(1):s + m.end(1)]
            full = phrase[:1].upper() + phrase[1:]
            full = re.sub(r"^(?:Official\s+)?", "", full)
            return full[:1].upper() + full[1:], kind, None
        if label == "organized":
            noun = " ".join(text[s + m.start(1):s + m.end()].split())
            full = noun[:1].upper() + noun[1:]
            kind = event_kind(full)
            if kind == "Meeting" and re.search(r"evening|concert|exhibition|festival|ceremony|celebration|"
                                              r"commemoration|screening|competition", full, re.I):
                kind = "CulturalEvent" if "concert" not in full.lower() else "Concert"
            organizer_m = [mm for mm in sn.in_sentence if mm[0] < s + m.start() and mm[3] in ("Organization", "State")]
            return full, kind, organizer_m[-1][2] if organizer_m else None
        if label == "cultural event":
            noun = re.search(r"concert|exhibition|festival", m.group(0), re.I).group(0).capitalize()  # type: ignore[union-attr]
            kind = "Concert" if noun == "Concert" else "CulturalEvent"
            return noun + (f" by {names[0]}" if names and performing else ""), kind, None
        if label == "discussed":
            label = "meeting"
        if label == "airport":      # the guest is the subject, before "was welcomed"
            guest = [mm for mm in persons if mm[1] <= s + m.start() + len(m.group(0).split(" by ")[0])]
            if not guest:
                return None
            return f"Welcome of {out.entities[guest[0][2]].label} at the airport", kind, None
        return label.capitalize() + (" of " + " and ".join(names) if names else ""), kind, None

    def _visit_label(self, sn: Sentence, m: re.Match[str], kind: str) -> tuple[str, str, str | None] | None:
        out = self.out
        if not sn.persons:
            return None
        where_m = self.reader.at(sn.s + m.start(1)) if m.group(1) else None
        where = out.entities[where_m[2]].label if where_m else None
        if where and where.isupper() and out.entities[where_m[2]].kind == "City":  # type: ignore[index]
            better = [n for n in out.entities[where_m[2]].names if not n.isupper()]  # type: ignore[index]
            where = better[0] if better else where.title()
        visitor = [mm for mm in sn.persons if mm[1] <= sn.s + m.start()] or sn.persons
        return f"Visit of {out.entities[visitor[-1][2]].label}" + (f" to {where}" if where else ""), kind, None

    def _org_meeting_label(self, sn: Sentence, m: re.Match[str], kind: str,
                           label: str) -> tuple[str, str, str | None] | None:
        """"held a meeting of the <Org>", "<Org> held its session": (label, kind, organizer)."""
        out = self.out
        if label == "meeting-of":
            org_m = self.reader.at(sn.s + m.start(2))
            if org_m is None or out.entities[org_m[2]].kind != "Organization":
                return None
            return f"{m.group(1).capitalize()} of the {out.entities[org_m[2]].label}", kind, None
        org_m = self.reader.at(sn.s + m.start(1))
        if org_m is None or out.entities[org_m[2]].kind != "Organization":
            return None
        noun = m.group(2).lower()
        kind = "Summit" if noun == "summit" else ("Session" if noun == "session" else "Meeting")
        return f"{noun.capitalize()} of the {out.entities[org_m[2]].label}", kind, org_m[2]

    # ------------------------------------------------------------------------ when and where
    def _date(self, ev: Event, sn: Sentence, future: bool) -> None:
        """The nearest date of the sentence, "the second day", "two days later", the parent's, or the
        date last spoken of; none for what is earlier, coming, or only mentioned."""
        if ev.date is not None:
            return
        text, dates, day_of = self.text, sn.dates, sn.day_of
        earlier = re.match(r"\s*(?:Earlier|Previously|Before\s+that|In\s+the\s+past|Last\s+(?:year|month))\b", text[sn.s:sn.e])
        later = re.search(r"\b(a|one|two|three)\s+days?\s+later\b|\bthe\s+(?:next|following)\s+day\b", text[sn.s:sn.e], re.I)
        inside = [d for d in dates if ev.span[0] <= d.start and d.end <= ev.span[1]]   # "gather on March 7 for a meeting"
        after = [d for d in dates if d.start >= ev.span[1]]
        before = [d for d in dates if d.end <= ev.span[0]]
        near = inside[0] if inside else after[0] if after else (before[-1] if before else None)
        parent = self.event(ev.parent) if ev.parent else None
        if near is not None:
            ev.date, ev.end_date = near.date, near.end_date
            ev.confidence = min(0.95, ev.confidence + 0.1)
        elif day_of is not None and parse_day_of(day_of.group(1), parent or self.main, self.discourse):
            ev.date = parse_day_of(day_of.group(1), parent or self.main, self.discourse)
        elif later is not None and self.discourse is not None:
            n = {"a": 1, "one": 1, "two": 2, "three": 3}.get((later.group(1) or "a").lower(), 1)
            ev.date = self.discourse + dt.timedelta(days=n)
        elif parent is not None and parent.date and not parent.end_date:
            ev.date = parent.date
        elif earlier or future:
            ev.date = None
        elif ev.named and not sn.happening:
            ev.date = None      # a mention of a past or coming event, not a report of it
        elif self.discourse is not None and ev not in self.recalled:    # a recalled event: only a day its sentence gives
            ev.date = self.discourse
            if self.discourse_stamp:
                self.stamp_dated.append(ev)
            ev.confidence = round(ev.confidence - 0.1, 2)
        elif (not ev.named and self._lead(sn) and self.dateline_date is None and not ev.label.startswith("Visit ")
              and not _CONTEXT.search(sn.sm)):
            ev.date = self.ref      # "BISHKEK. KAZINFORM – A met B …": an agency's lead, no day given, is the report's day
            ev.confidence = round(ev.confidence - 0.1, 2)

    def _place(self, ev: Event, s: int, sent_masked: str, *, anywhere: bool = False) -> None:
        """The venue or city after "at"/"in" near the event (an institution "at" which it is held is a venue)."""
        reader, out, text = self.reader, self.out, self.text
        for pm in _PLACE_AT.finditer(sent_masked):
            mention = reader.at(s + pm.start(1))
            if mention is None or mention[2] == ev.key:
                continue
            if not anywhere and not (ev.span[0] - 100 <= s + pm.start() <= ev.span[1] + 160) and not (
                    not ev.named and s + pm.start() > ev.span[1] and not sent_masked[pm.end():].strip(" .")):
                continue       # far from the trigger, unless it closes the sentence: "met A, B … in New York."
            if re.search(r"(?:organi[sz]ations|Embassy|Mission|Consulate|based|Representative|Ambassador|residing|living)\s*$",
                         text[max(s, s + pm.start() - 40):s + pm.start()]):
                continue
            if not ev.named and s + pm.start() > ev.span[1] and _PLANNED.search(self.masked[ev.span[1]:s + pm.start()]):
                continue       # "held talks, where they agreed that Hungary would open a consulate in Bishkek": a plan's place
            ent = out.entities[mention[2]]
            kind = ent.kind
            is_at = pm.group(0).lower().startswith("at")
            alt = reader.alternatives.get(mention[:2], {})
            if is_at and kind == "Organization" and "Venue" in alt:
                vkey = reader.entity("Venue", alt["Venue"][1], mention[:2], known=alt["Venue"][0])
                ent, kind = out.entities[vkey], "Venue"
            elif is_at and kind == "Organization" and re.search(
                    r"\b(?:Cent(?:er|re)|House|Institute|Embassy|Academy|University|Museum|Residence|Secretariat|Headquarters|Office)\b",
                    ent.label):
                vkey = reader.entity("Venue", ent.label, mention[:2])
                ent, kind = out.entities[vkey], "Venue"
            if kind == "Venue" and ev.venue is None:
                ev.venue = ent.key
                self._venue_city(ev, ent, mention)
            elif kind == "City" and ev.city is None:
                ev.city = ent.key
                self._venue_after_city(ev, mention)

    def _venue_after_city(self, ev: Event, city: Mention) -> None:
        """"took place in Budapest, Eötvös Cultural center": a venue named after the city, its head word in lower case too."""
        vm = _VENUE_AFTER_CITY.match(self.text, city[1])
        if vm is None or ev.venue is not None:
            return
        found = self.reader.at(vm.start(1))      # the names rules may have marked it already (phrases.places_after_city)
        if found is not None and found[3] == "Venue":
            key = found[2]
        elif self.reader.free(vm.start(1), vm.end(1)):
            key = self.reader.entity("Venue", " ".join(vm.group(1).split()), (vm.start(1), vm.end(1)))
            self.reader.mention(vm.start(1), vm.end(1), key, "Venue")
        else:
            return
        self.out.entities[key].city = city[2]
        ev.venue = key

    def _venue_city(self, ev: Event, ent, mention: Mention) -> None:  # type: ignore[no-untyped-def]
        """A venue's city: "… Center, in Vienna", inside its name, or a city the gazetteer finds in it."""
        reader, out = self.reader, self.out
        vm = re.match(rf"(?:\s*\({MARK}\))?,?\s+in\s+({MARK})", self.masked[mention[1]:])     # "… Culture (TURKSOY) in Ankara"
        if vm:
            cm = reader.at(mention[1] + vm.start(1))
            if cm and out.entities[cm[2]].kind == "City":
                ev.city = ev.city or cm[2]
                ent.city = cm[2]
            return
        # "the Azerbaijan Cultural Center in Vienna" names its city inside
        for cs, ce, ck, ckind in reader.mentions:
            if ckind == "City" and mention[0] <= cs and ce <= mention[1]:
                ent.city = ck
        if ent.city is None:
            words = " ".join(ent.names)
            pieces = [words, *re.split(r"\s+in\s+|,\s*", words)[1:], *words.split()]
            hits = [h for piece in pieces for h in reader.gz.scan(piece) if h.kind == "City"]
            for hit in hits[:1]:
                if hit.kind == "City":
                    ent.city = reader.entity("City", hit.text, mention[:2], known=hit.iri)
        if ent.city is not None:
            ev.city = ev.city or ent.city

    def _hosting_city(self, ev: Event, s: int, sent_masked: str) -> None:
        """"Baku hosted the forum": the city that hosts is the event's."""
        if ev.city is not None:
            return
        hm = re.search(rf"({MARK})\s+(?:hosted|hosts|will\s+host|is\s+hosting|welcomed)\b|\bvisit(?:ed|s)\s+(?:the\s+)?({MARK})"
                       rf"|\b(?:departed|left|headed|flew|travell?ed|arrived)\s+(?:for|to|in)\s+(?:{MARK}(?:['’]s)?\s+capital\s+)?({MARK})"
                       rf"\s+to\s+(?:attend|participate|take\s+part)\b"       # "departed for Astana to attend the summit"
                       rf"|\bvisit\s+to\s+({MARK})[^.;]{{0,40}}?,?\s+where\b"   # "a visit to Baku, where he met …"
                       rf"|\bvisit\s+(?:of\s+[^.;]{{3,100}}?\s+)?to\s+(?:the\s+)?(?:{MARK}['’]s\s+)?({MARK})", sent_masked)   # "is on a working visit to Budapest"
        if hm and hm.group(5) and not ev.label.startswith("Visit"):
            hm = None
        if hm:
            cm = self.reader.at(s + hm.start(next(g for g in (1, 2, 3, 4, 5) if hm.group(g))))
            if cm and self.out.entities[cm[2]].kind == "City":
                ev.city = cm[2]

    def _parent(self, ev: Event, sn: Sentence) -> None:
        """"on the sidelines of …", "during the summit": a part of that event; a part takes its parent's
        place; a named event inside the dates of a longer main event is one of its parts."""
        main = self.main
        ctx = _CONTEXT.search(sn.sm)
        frame = self.reader.at(sn.s + ctx.start(1)) if ctx and is_marker(ctx.group(1)[:1]) else None
        if ev.named and frame and frame[2] != ev.key and ev.span[1] <= sn.s + ctx.start() and ev.parent is None:
            outer = self.event(frame[2])         # "The Meeting of the Council … will be held within the framework of the Session"
            if outer is not None:
                ev.parent, ev.city = outer.key, ev.city or outer.city
        if ctx and ev.parent is None and not ev.named:
            mention = self.reader.at(sn.s + ctx.start(1)) if is_marker(ctx.group(1)[:1]) else None
            parent = next((x for x in self.out.events if mention and x.key == mention[2]), None) if mention else (
                main if main is not None and main is not ev else None)
            if parent is not None and parent is not ev:
                ev.parent = parent.key
                if ev.date is None:
                    ev.date = parent.date
                if ev.city is None:
                    ev.city = parent.city
        if ev.parent and ev.venue is None and ev.city is None and (ev.kind == "Session" or not ev.named):
            parent = self.event(ev.parent)
            if parent is not None:
                ev.city = parent.city
                if ev.kind == "Session" or (ev.kind == "Concert" and ctx is None):
                    ev.venue = parent.venue
        if (ev.parent is None and main is not None and ev is not main and main.end_date and ev.date
                and main.date and main.date <= ev.date <= main.end_date and ev.key != main.key):
            ev.parent = main.key

    def _lead(self, sn: Sentence) -> bool:
        """Whether the sentence is the first one after the dateline ("Baku. 19 October. REPORT.AZ/ A delegation …")."""
        return bool(self.datelines) and re.fullmatch(r"\s*", self.text[self.datelines[0][1]:sn.s]) is not None

    def _dateline_city(self, ev: Event, sn: Sentence, future: bool) -> None:
        """"in the Hungarian capital" with the dateline's city; a report's dateline for its own meeting."""
        city = self.dateline_city
        if (ev.city is None and ev.date is None and city and not future and ev.parent is None
                and self.datelines and ((sn.s <= self.datelines[0][1] and self.datelines[0][0] < sn.e) or self._lead(sn))
                and (not ev.named or sn.happening or _TOOK_PART.search(sn.sm))):
            ev.city = city     # "BAKU. KAZINFORM – … participated in the Extraordinary Meeting …", "… met with …"
            return
        if not (ev.city is None and ev.date is not None and city and not ev.label.startswith("Telephone")):
            return
        capital = re.search(rf"\bin\s+the\s+({MARK})\s+capital\b", sn.sm)
        if capital:
            cm = self.reader.at(sn.s + capital.start(1))
            if cm and self.reader.gz.city_state.get(self.out.entities[city].known_iri or "") == cm[2]:
                ev.city = city
        elif (ev.parent is None and abs((ev.date - self.ref).days) <= 3
              and (ev.venue is None or self.out.entities[ev.venue].city is None)
              and not future and not (self.last_city is not None and self.last_city[0] == ev.date)):
            ev.city = city
            ev.confidence = round(ev.confidence - 0.1, 2)

    def _referenced(self, ev: Event, sn: Sentence) -> None:
        """A named event only referred to: its date and city from ", held in Baku on …" after it."""
        masked, out = self.masked, self.out
        held_clause = re.match(r"\s*,?\s+(?:(?:which|that)\s+(?:was|will\s+be|is\s+to\s+be)\s+|to\s+be\s+)?(?:held|hosted)\b[^,;.]{0,80}"
                               r"|\s*,?\s+(?:which|that)\s+(?:took|will\s+take)\s+place\b[^,;.]{0,80}",
                               masked[ev.span[1]:])
        if held_clause and ev.date is None:
            clause_dates = [d for d in sn.dates if ev.span[1] <= d.start < ev.span[1] + held_clause.end()]
            if clause_dates:
                ev.date, ev.end_date = clause_dates[0].date, clause_dates[0].end_date
            city_m = re.search(rf"\bin\s+(?:{MARK}['’]s\s+)?({MARK})", held_clause.group(0))
            if city_m:
                cm = self.reader.at(ev.span[1] + city_m.start(1))
                if cm and out.entities[cm[2]].kind == "City":
                    ev.city = cm[2]
        on_day = [d for d in sn.dates if 0 <= d.start - ev.span[1] <= 4]      # "the Summit on 14-15 October 2019 in Baku"
        if on_day and ev.date is None and re.match(r"\s*(?:on|,)?\s*$", self.text[ev.span[1]:on_day[0].start]):
            ev.date, ev.end_date = on_day[0].date, on_day[0].end_date
            in_city = re.match(rf"\s+in\s+({MARK})", masked[on_day[0].end:])
            cm = self.reader.at(on_day[0].end + in_city.start(1)) if in_city else None
            if cm and out.entities[cm[2]].kind == "City" and ev.city is None:
                ev.city = cm[2]
        after_mention = re.match(rf"\s+in\s+({MARK})", masked[ev.span[1]:])
        if after_mention and ev.city is None:
            cm = self.reader.at(ev.span[1] + after_mention.start(1))
            if cm and out.entities[cm[2]].kind == "City":
                ev.city = cm[2]

    def _followed(self, sn: Sentence) -> None:
        """"The opening was followed by presentations by …": a further part, same day and place."""
        current, text = self.current, self.text
        followed = re.search(r"\b(?:was|were)\s+followed\s+by\s+((?:an?\s+|the\s+)?(?!a\s+family\s+photo)[^,.;]{3,120}?)"
                             r"(?=[,.;]|\s+(?:focusing|on|at|in|where|during|with)\b)", text[sn.s:sn.e], re.I)
        if not (followed and current is not None and current.date is not None and not sn.new_events):
            return
        phrase = re.sub(r"^(?:an?|the)\s+", "", " ".join(followed.group(1).split()), flags=re.I)
        if not re.search(r"\b(?:presentations?|sessions?|concert|reception|panel|discussions?|ceremony|dinner|lunch|"
                         r"performances?|screening|exhibition|visit|tour|meeting|talks|briefing|workshop)\b", phrase, re.I):
            return
        fs = sn.s + followed.start(1)
        label = phrase[:1].upper() + phrase[1:]
        key = self.reader.entity("Event", label, (fs, fs + len(followed.group(1))), unique=True)
        container = self.event(current.parent) if current.kind == "Session" and current.parent else current
        kind = event_kind(phrase) if not re.search(r"presentation|discussion|panel|briefing", phrase, re.I) else "Session"
        ev = Event(key=key, label=label, kind=kind, named=False, date=current.date, end_date=None, venue=current.venue,
                   city=current.city, span=(fs, fs + len(followed.group(1))), confidence=0.65,
                   parent=container.key if container is not None else None)
        self.out.events.append(ev)
        sn.new_events.append(ev)
        self.current = ev


def _quoted(before: str) -> bool:
    """Whether a sentence's text up to here has a quotation still open."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _drop_repeats(reader: Reader) -> None:
    """An unnamed event with no date, labelled like another unnamed event that has one, is the same
    event mentioned again (a standfirst before the report): it is dropped, with its participations.
    So is an undated one labelled like an undated one told before it in its city or none (a lead, then the
    report: "A had a telephone conversation with B. … A spoke by telephone with B")."""
    out = reader.out
    parents = {ev.parent for ev in out.events if ev.parent}
    seen = {ev.label for ev in out.events if not ev.named and ev.date is not None}
    gone = {ev.key for ev in out.events if not ev.named and ev.date is None and ev.key not in parents and ev.label in seen}
    told: dict[str, Event] = {}
    for ev in sorted(out.events, key=lambda x: x.span[0]):
        if ev.named or ev.date is not None or ev.key in parents or ev.key in gone:
            continue
        first = told.setdefault(ev.label, ev)
        if first is not ev and ev.city in (None, first.city):
            gone.add(ev.key)
    out.events = [ev for ev in out.events if ev.key not in gone]
    out.participations = [p for p in out.participations if p.event not in gone]


def _drop_city_names(reader: Reader) -> None:
    """"the Budapest summit" after a summit reported in Budapest is that summit again, not a second event:
    a named "<City> summit" without a day is dropped when another event of that head is in that city."""
    out = reader.out
    gone: dict[str, str] = {}
    for ev in out.events:
        m = re.fullmatch(r"(.+)\s+(summit|forum|congress)", ev.label)
        if not (ev.named and ev.date is None and m) or ev.key in {x.parent for x in out.events}:
            continue
        same = [x for x in out.events if x is not ev and x.city and m.group(2) in x.label.lower()
                and out.entities[x.city].label.lower() == m.group(1).lower()]
        if same:
            gone[ev.key] = same[0].key
    out.events = [ev for ev in out.events if ev.key not in gone]
    out.participations = [p for p in out.participations if p.event not in gone]


_HEAD = re.compile(r"\b(concert|exhibition|festival|ceremony|reception|evening|celebration|gala|conference|forum|seminar|"
                   r"symposium|round\s?table|workshop|fair|competition)\b", re.I)


def _merge_same(reader: Reader) -> None:
    """"TURKSOY organized a concert in Ankara … . A concert featuring the orchestra was held on 26 November":
    an unnamed event (not a meeting) with the head noun, day and city of an unnamed event reported before it
    is that event again; its venue and participants go to the first."""
    out = reader.out
    gone: dict[str, Event] = {}
    for i, ev in enumerate(out.events):
        head = _HEAD.search(ev.label)
        if ev.named or ev.kind == "Meeting" or head is None or ev.date is None or ev.parent is not None:
            continue
        same = [x for x in out.events[:i] if not x.named and x.key not in gone and x.date == ev.date and x.parent is None
                and (x.city == ev.city or None in (x.city, ev.city)) and x.kind == ev.kind
                and (h := _HEAD.search(x.label)) is not None and h.group(1).lower() == head.group(1).lower()]
        if same and ev.key not in {x.parent for x in out.events}:
            first = same[-1]
            first.venue, first.city = first.venue or ev.venue, first.city or ev.city
            gone[ev.key] = first
    out.fold_events(gone)


def events(reader: Reader) -> None:
    """Every event of the article, with its participations (see :class:`EventReader`)."""
    er = EventReader(reader)
    er.run()
    drop_recalled_repeats(er)
    merge_retold(reader)           # "the 11th Summit of the OTS" after its full name: one event
    _drop_repeats(reader)
    _drop_city_names(reader)
    _merge_same(reader)
    drop_represented(reader.out)
