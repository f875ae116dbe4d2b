"""Memberships, a recall layer: the forms the sentence rules of :mod:`.memberships` do not read, built from
word lists (membership nouns, chair nouns, the verbs of admission) and the mentions the reader already found:

* a membership as a noun: "the observer membership of A in the OTS and TURKPA", "A's membership in the OTS",
  "A's OTS membership", "A's status as an observer in the OTS";
* a chair's office before the body's name: "the Hungarian EU presidency", "A's OTS chairmanship";
  "A, the OTS chair", "A, the country chairing the OTS", "As the current chair of the OTS, A …", "during A's
  chairmanship" (the body named before), "(held) under the chairmanship of A";
* an admission with its rank: "A was accepted to the organization … as the third observer state after B and C"
  (B and C are observers too);
* a body's countries: "the OTS countries A and B", "the countries of the OTS, A and B";
* grants, admissions, accessions: "observer status in the OTS was granted to A", "the OTS granted A observer status",
  "the OTS welcomed A as a new observer", "the accession of A to the OTS", "A's admission as an observer to the OTS",
  "A was granted the status of an observer", "A became the fifth member of the OTS", "A and B, as fellow members of";
* a status in a participation: "A participates in the OTS with observer status", "A is represented in the OTS as an
  observer"; founders: "the founding states are A, B and C";
* a body used as a modifier or in a partitive: "A, an SCO observer", "A, a fellow OTS member", "A is one of the five
  OTS member states", "A and B are among the observers of the OTS";
* a body named before, not in the clause: "A, which has been an observer since 2018", "A is also an observer", "A, as an observer,",
  "A joined (as an observer) in 2018", "with A joining in 2019"; and in a clause before its subject: "Since joining
  the OTS as an observer, A …", "Founded in 2009 by A, B and C, the OTS …", "the OTS – comprising A, B and C –";
* a speaker's own country: '"We … by joining the OTS as an observer member," said the Hungarian minister';
* a chair passed on or elected: "the OTS chairmanship passed from A to B", "A was elected chair of the OTS";
* the time of a state's office: "during the presidency of A (last year)", "throughout A's chairmanship", "During its
  presidency, A …" (the body named in the sentence, else the one named last);
* chairs in more word orders: "A, currently chairing the OTS", "the OTS's current chair, A", "the OTS, which A chairs",
  "A holds the rotating chairmanship" (the body named before); lists set apart: "Five states – A, B and C – are members
  of the OTS", "the leaders of A, B and C, the member states of the organization", "with A and B holding observer status",
  "A and B are OTS members", "A is an observer of the OTS, as is B";
* a group of states by the name it is known by: 'the countries known as the "C5" (A, B and C)', "A, B and C, known
  collectively as the T3"; a body with only its states in brackets: "the OTS (A, B and C)".

Nothing is read from a clause that speaks of a wish, a plan or the future ("A's bid for membership in the OTS",
"the upcoming Hungarian EU presidency", "A hopes to …"; a speaker's politeness, "I would like to note that …", is
no wish), and a state is only a member where it is named as one,
never for being named near a body.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import LIST, MARK
from .lexicon import KNOWN_AS

if TYPE_CHECKING:
    from .memberships import _Memberships

__all__ = ["LATER", "recall", "unreal"]

#: Words of a wish, a plan, a proposal or the future: a membership spoken of with them is none (yet).
FUTURE = re.compile(r"\b(?:will|would|shall|could|should|may|might|hopes?|hoped|hoping|wish\w*|wants?|wanted|seek\w*|aims?|aimed|"
                    r"aspir\w*|bids?|candida\w*|prospect\w*|future|potential|upcoming|forthcoming|next|incoming|planned|plans?|"
                    r"intend\w*|expected|appl(?:y|ies|ied|ication)|become|becoming|towards?|not|never|no\s+longer|former(?:ly)?|"
                    r"support\w*|calls?|called|request\w*|push\w*|advocat\w*|back(?:s|ed|ing)?)\b", re.I)
#: A speaker's politeness, no wish: "I would like to note / acknowledge that …", "we would like to thank".
_POLITE = re.compile(r"\b(?:would|should)\s+(?:like|love|want)\s+to\s+(?:(?:once\s+again|again|also|especially|particularly)\s+)?"
                     r"(?:note|acknowledge|emphasi[sz]e|stress|say|thank|point\s+out|underline|underscore|express|mention|recall|remind|"
                     r"highlight|reiterate|congratulate|inform|welcome)\b", re.I)
#: After a statement: it is of the future ("… is expected", "… will begin").
LATER = re.compile(r"[^.;,]{0,25}?\b(?:is|are|was|were)\s+(?:expected|planned|scheduled|due|likely|set|to\s+be)\b|\s+(?:will|would|could|may|might|should)\b")
#: Nouns after a membership that make it a wish or a process ("membership bid / talks / application").
_PROCESS = r"\s+(?:bid|application|talks|negotiations?|process|prospects?|aspirations?|request|ambitions?|path|road|issue|question)\b"
#: A body by its name, or by a common noun ("the organization", "the Council", "the bloc").
_BODY = r"(?:({MARK})|(?:organi[sz]ation|[Aa]ssembly|[Cc]ouncil|[Uu]nion|bloc|alliance|[Cc]ommunity)\b)".replace("{MARK}", MARK)
#: The rank in an admission ("as the third observer member state", "as an observer").
_RANK = r"as\s+(?:the|an?)\s+(?:(?!observer)[\w-]+\s+)?(?:(observer)|(?:full(?:-fledged)?\s+)?member)(?:[\s-]+(?:member|state|country|nation)s?){0,2}"

# "the observer membership of A in the OTS (and TURKPA)"
_MEMBERSHIP_OF = re.compile(rf"\b(?:(observer|full|associate)\s+)?membership\s+of\s+(?:the\s+)?({MARK})\s+(?:in|at|to|of|within)\s+"
                            rf"(?:the\s+)?({MARK})", re.I)
# "A's (observer) membership in the OTS", "A's OTS membership", "A's status as an observer in the OTS"
_STATE_MEMBERSHIP = [
    re.compile(rf"({MARK})(?:['’]s)?\s+(?:(observer|full|associate)\s+)?membership\s+(?:in|of|at|with|within)\s+(?:the\s+)?({MARK})", re.I),
    re.compile(rf"({MARK})['’]s\s+({MARK})\s+(?:(observer|full|associate)\s+)?membership", re.I),
    re.compile(rf"({MARK})['’]s\s+status\s+as\s+(?:an?\s+)?(observer|member)(?:[\s-]+(?:state|country|nation))?\s+(?:in|of|at|to|within)\s+"
               rf"(?:the\s+)?({MARK})", re.I),
]
# "the (six-month) Hungarian EU presidency", "A's OTS chairmanship", "A, which holds the SCO presidency"
_STATE_ORG_CHAIR = re.compile(rf"({MARK})(?:['’]s|,?\s+(?:which|that))?(?:\s+(?:currently|now|also))?(?:\s+(?:holds|held|has\s+held|is\s+holding|assumed|"
                              rf"has\s+assumed|took\s+over|has\s+taken\s+over)\s+the)?\s+(?:(?!(?:and|or|with|to|of|for|the)\b)[\w-]+\s+)?"
                              rf"(?:rotating\s+)?({MARK})\s+(?:rotating\s+)?(?:chairmanship|presidency)\b", re.I)
# "A, the (current) OTS chair", "As the current chair of the OTS, A"
_CHAIR_APPOS = [
    (re.compile(rf"({MARK}),\s+(?:as\s+)?(?:the\s+)?(?:current\s+|incumbent\s+|rotating\s+)?({MARK})\s+(?:chair|chairman|chair(?:ing)?\s+(?:country|state)|"
                rf"presiding\s+(?:country|state))\b", re.I), 1, 2),
    (re.compile(rf"\b[Aa]s\s+(?:the\s+)?(?:current\s+|incumbent\s+|rotating\s+)?(?:chair|chairman|chair(?:ing)?\s+(?:country|state)|"
                rf"presiding\s+(?:country|state))\s+of\s+(?:the\s+)?({MARK}),\s+({MARK})"), 2, 1),
    # "A, the country (currently) chairing / holding the presidency of the OTS"
    (re.compile(rf"({MARK}),\s+(?:the\s+)?(?:country|state|nation)\s+(?:that\s+|which\s+)?(?:currently\s+|now\s+)?(?:chairing|chairs|presiding\s+over|"
                rf"presides\s+over|holding\s+the\s+(?:rotating\s+)?(?:chairmanship|presidency)\s+(?:of|in)|holds\s+the\s+(?:rotating\s+)?"
                rf"(?:chairmanship|presidency)\s+(?:of|in))\s+(?:the\s+)?({MARK})"), 1, 2),
]
# "During A's chairmanship, …" (the body named before)
_BARE_CHAIR = re.compile(rf"({MARK})['’]s\s+(?:(?:current|ongoing|rotating|successful|one-year|annual)\s+)?chairmanship\b(?!\s+(?:of|in|at|over)\b|\s*{MARK})")
# "(the summit of the OTS, held) under the chairmanship of A" (a state, not its minister)
_UNDER = re.compile(rf"\b[Uu]nder\s+(?:the\s+)?(?:rotating\s+)?(?:chairmanship|presidency)\s+of\s+(?:the\s+)?({MARK})"
                    rf"(?!\uf8ff|\s*['’]s|\s+(?:President|Prime|Minister|Foreign|Deputy|Speaker|Chair|Ambassador|Head)\b)")
# "during the presidency of A (last year)", "throughout A's presidency", "During its chairmanship, A …": a time of
# a state's office; the body is the one named in the sentence (before, else after), else the one named last
_TIME = r"(?:[Dd]uring|[Tt]hroughout|[Ii]n\s+the\s+course\s+of|[Oo]ver\s+the\s+course\s+of)"
_CHAIR_ADJ = r"(?:(?:rotating|current|successful|one-year|annual|past|previous|recent|fruitful|ongoing)\s+)?"
_COMING = re.compile(r"\b(?:next|coming|upcoming|incoming|future|starting|from\s+(?:19|20)\d\d)\b", re.I)
_DURING_CHAIR = [
    re.compile(rf"\b{_TIME}\s+(?:the\s+)?{_CHAIR_ADJ}(?:chairmanship|presidency)\s+of\s+(?:the\s+)?({MARK})"
               rf"(?!\uf8ff|\s*['’]s|\s+(?:in|of|at|over|within)\s+(?:the\s+)?{MARK})"),
    re.compile(rf"\b{_TIME}\s+({MARK})['’]s?\s+{_CHAIR_ADJ}(?:chairmanship|presidency)\b(?!\s+(?:of|in|at|over|within)\s+(?:the\s+)?{MARK})"),
    re.compile(rf"\b{_TIME}\s+its\s+{_CHAIR_ADJ}(?:chairmanship|presidency)(?:\s+(?:of|in)\s+(?:the\s+)?(?:organi[sz]ation|[Cc]ouncil|"
               rf"[Aa]ssembly|[Uu]nion|bloc|group))?(?:\s+(?:in\s+)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?)?,\s+(?:the\s+)?({MARK})"),
]
# a group of states by the name it is known as, with its states: 'the countries known as the "C5" (A, B and C)', "A, B and C,
# known collectively as the C3"; a body with its states in brackets: "the OTS (A, B and C)"
_KNOWN_AS = re.compile(rf"\b(?:countries|states|nations|republics|economies),?\s+{KNOWN_AS}\s+(?:the\s+)?[\"“«]?({MARK})[\"”»]?\s*"
                       rf"(?:\(\s*|[,:–—]\s*(?:namely\s+|including\s+)?)(?:the\s+)?{LIST}")
_LIST_KNOWN_AS = re.compile(rf"{LIST},\s+{KNOWN_AS}\s+(?:the\s+)?[\"“«]?({MARK})")
_BRACKETED = re.compile(rf"({MARK})\s*\(\s*(?:the\s+)?{LIST}\s*\)")
# "A was accepted to the organization (…) as the third observer state after B and C"
_ADMITTED = re.compile(rf"(?:({MARK})\s+)?(?:was|were|has\s+been|had\s+been)\s+(?:officially\s+)?(?:accepted|admitted)\s+(?:in)?to\s+(?:the\s+)?{_BODY}"
                       rf"([^.;]{{0,100}}?)\b{_RANK}(?:\s+after\s+(?:the\s+)?{LIST})?", re.I)
# "the OTS countries A and B", "the OTS member states, namely A and B"
_BODY_COUNTRIES = re.compile(rf"({MARK})\s+(?:countries|states|nations)\s*,?\s*(?:(?:namely|including|such\s+as|like)\s+)?(?:the\s+)?{LIST}")


# "A, an SCO observer", "A, a fellow OTS member", "A is one of the five OTS member states", "A and B are among the OTS members"
_ART = r"(?:an?\s+|the\s+|one\s+of\s+the\s+|among\s+the\s+)"
_MODIFIER = re.compile(rf"{LIST}(?:,\s*{_ART}|\s+(?:is|are|was|were|has\s+been|have\s+been|remains?)\s+(?:also\s+|both\s+|all\s+)?{_ART}?)"
                       rf"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|fellow|other)?\s*(?:full\s+|founding\s+)?"
                       rf"({MARK})\s+(?:full\s+|founding\s+)?(member|observer)s?(?:[\s-]+(?:state|country|nation)s?)?\b")
# "A and B are among the observers of the OTS"
_AMONG = re.compile(rf"{LIST}\s+(?:is|are|was|were|remains?)\s+(?:also\s+)?among\s+the\s+(?:\w+\s+)?(?:full\s+|founding\s+)?(member|observer|founder)s"
                    rf"(?:[\s-]+(?:states|countries|nations))?\s+(?:of|in)\s+(?:the\s+)?({MARK})")
# "the countries of the OTS, A and B"
_COUNTRIES_OF = re.compile(rf"\b(?:countries|states|nations)\s+of\s+(?:the\s+)?({MARK})\s*(?:[,:(–—-]\s*(?:namely|including|such\s+as)?|"
                           rf"\s+(?:namely|including|such\s+as))\s*(?:the\s+)?{LIST}")
# "A, which has been an observer since 2018", "A is also an observer.", "A became a full member in 2019" (the body named before)
_BARE = re.compile(rf"({MARK})(?:(?:,\s*(?:which|that))?\s+(?:is|was|has\s+been|had\s+been|became|has\s+become|remains)\s+(?:also\s+|already\s+|now\s+)?"
                   rf"|,\s*(?:as\s+)?)an?\s+(?:full\s+|founding\s+|full-fledged\s+)?(member|observer)(?:[\s-]+(?:state|country|nation|member))?"
                   rf"(?=\s*[,.;)]|\s+(?:since|in)\s+(?:19|20)\d\d\b)")
# "A participates in the OTS with observer status", "A is represented in the OTS as an observer"
_WITH_STATUS = re.compile(rf"({MARK})\s+(?:also\s+)?(?:participates|participated|takes\s+part|took\s+part|is\s+represented|was\s+represented|"
                          rf"is\s+involved|has\s+participated)\s+in\s+(?:the\s+(?:work\s+of\s+the\s+)?)?({MARK})\s+(?:with\s+(?:the\s+)?(observer)\s+status|"
                          rf"as\s+(?:an?\s+)?(observer)(?:[\s-]+(?:state|country|member))?)\b")
# "the founding states are A, B and C", "its founders were A, B and C", "founding members: A, B"
_FOUNDERS = re.compile(rf"\b(?:founding\s+(?:member\s+)?(?:states|countries|nations|members)|founders)(?:\s+of\s+(?:the\s+)?({MARK}))?"
                       rf"\s*(?:[:–—-]|,\s*(?:namely\s+)?|\s+(?:are|were|include|included|namely))\s*(?:the\s+)?{LIST}", re.I)
# "A joined as an observer in 2018", "A joined in 2019", "with A joining in 2019" (the body named before)
_JOINED_BARE = re.compile(rf"({MARK})\s+(?:officially\s+|later\s+|also\s+)?(?:joined|joining)\s+(?:as\s+(?:an?\s+)?(?:full\s+)?(member|observer)\b|"
                          rf"(?=in\s+(?:19|20)\d\d\b))")
# "Since joining the OTS as an observer (in 2018), A …", "After becoming a member of the OTS, A …"
_PARTICIPLE = re.compile(rf"\b(?:[Ss]ince|[Aa]fter|[Uu]pon|[Hh]aving)\s+(?:officially\s+)?(?:joining|joined|becoming\s+an?\s+(?:full\s+)?(?:(observer)|member)"
                         rf"(?:[\s-]+(?:state|country))?\s+(?:of|in|to))\s+(?:the\s+)?({MARK})(?:\s+as\s+(?:an?\s+)?(?:full\s+)?(?:(observer)|member)\b)?"
                         rf"[^,.;]{{0,30}},\s+(?:the\s+)?({MARK})(?![\uf8ff'’])")
# "Founded in 2009 by A, B and C, the OTS …"
_FOUNDED_BY = re.compile(rf"\b(?:[Ff]ounded|[Ee]stablished|[Ss]et\s+up|[Cc]reated)\s+(?:in\s+(?:19|20)\d\d\s+)?by\s+(?:the\s+)?{LIST}"
                         rf"(?:\s+in\s+(?:19|20)\d\d)?,\s+(?:the\s+)?({MARK})")
# "the OTS – comprising A, B and C –", "the OTS (comprising A and B)"
_DASHED = re.compile(rf"({MARK})\s*[–—(-]\s*(?:which\s+)?(?:comprising|comprises|including|includes|uniting|unites|consisting\s+of|consists\s+of|"
                     rf"made\s+up\s+of|bringing\s+together|brings\s+together)\s+(?:the\s+)?{LIST}")
# "the OTS chairmanship passed from A to B", "A was elected chair of the OTS"
_PASSED = re.compile(rf"(?:({MARK})\s+)?(?:rotating\s+)?(?:chairmanship|presidency)(?:\s+of\s+(?:the\s+)?({MARK}))?\s+(?:passed|"
                     rf"(?:was|has\s+been)\s+(?:handed\s+over|passed|transferred))\s+from\s+(?:the\s+)?{MARK}\s+to\s+(?:the\s+)?({MARK})")
_ELECTED = re.compile(rf"({MARK})\s+(?:was|has\s+been)\s+(?:elected|chosen|designated)(?:\s+as)?\s+(?:the\s+)?(?:new\s+)?(?:chair|chairman|"
                      rf"chair\s+country|president)\s+of\s+(?:the\s+)?({MARK})")


# a chair by a participle, a possessive or a body's common noun: "A, currently chairing the OTS,", "A, the OTS's current
# chair", "A currently chairs the organization" (never a meeting, a session or a summit it chairs)
_NOT_MEETING = (r"(?!\uf8ff)(?!\s*['’]s?\s)(?!\s+(?:[\w-]+\s+)?(?:meetings?|sessions?|summits?|forums?|conferences?|events?|talks|councils?|committees?|"
                r"panels?|debates?|discussions?|ceremony|ceremonies)\b)")
_CHAIRING = [
    re.compile(rf"({MARK}),\s+(?:(?:currently|now|also)\s+)?(?:chairing|presiding\s+over)\s+(?:the\s+)?{_BODY}{_NOT_MEETING}"),
    re.compile(rf"({MARK}),\s+(?:the\s+)?({MARK})['’]s?\s+(?:(?:current|incumbent|rotating|new)\s+)?(?:chair|chairman|chair(?:ing)?\s+(?:country|state)|"
               rf"presiding\s+(?:country|state))\b(?!\s+of\b)"),
    re.compile(rf"({MARK})\s+(?:currently\s+|now\s+|also\s+)?(?:chairs|chaired|is\s+chairing|has\s+chaired|presides\s+over|presided\s+over)\s+the\s+"
               rf"(organi[sz]ation|bloc|[Cc]ouncil|[Aa]ssembly|[Uu]nion|alliance)\b{_NOT_MEETING}"),
]
# a chair held or taken over with no body named after it: "A holds the rotating chairmanship", "A took over the presidency"
# (the body named before, in the sentence or else last)
_HOLDS_CHAIR = re.compile(rf"({MARK})\s+(?:currently\s+|now\s+|officially\s+)?(?:holds|held|has\s+held|is\s+holding|assumed|has\s+assumed|assumes|"
                          rf"took\s+over|has\s+taken\s+over|takes\s+over|taking\s+over|assuming)\s+the\s+(?:rotating\s+|annual\s+|one-year\s+)?"
                          rf"(?:chairmanship|presidency)\b(?!\s+(?:of|in|at|over|for)\b|\s*{MARK})")
# the body first: "the OTS, which Türkiye chairs", "the OTS, (currently) chaired by Türkiye" (a body, not a meeting, by a state)
_CHAIRED_BY = re.compile(rf"({MARK})(?!\uf8ff),?\s+(?:(?:which|that)\s+({MARK})\s+(?:currently\s+|now\s+)?(?:chairs|presides\s+over)\b|"
                         rf"(?:(?:which|that)\s+is\s+|currently\s+|now\s+)*(?:chaired|presided\s+over)\s+by\s+(?:the\s+)?({MARK}))")
# the chair's office before the state: "the OTS chair, A", "the OTS's current chair, A", "Its rotating chair, A", "the
# current chair country A" (a bare "the chair" only with an adjective or "country")
_CHAIR_WORD = r"(?:chair|chairman|chair(?:ing)?\s+(?:country|state|nation)|presiding\s+(?:country|state))"
_CHAIR_BEFORE = re.compile(rf"(?:\b(?:[Ii]ts|[Tt]he\s+({MARK})(?:['’]s)?|({MARK})(?:['’]s)?)\s+(?:(?:current|incumbent|rotating|new)\s+)?{_CHAIR_WORD}"
                           rf"|\b[Tt]he\s+(?:(?:current|incumbent|rotating|new)\s+{_CHAIR_WORD}|chair(?:ing)?\s+(?:country|state)))\s*,?\s+"
                           rf"(?:the\s+)?({MARK})(?!\uf8ff)(?!['’]s)")
# "A is an observer of the OTS, as is B", "…, as are B and C": the same status in the same body
_AS_IS = re.compile(rf",\s+as\s+(?:is|are|was|were|does|do)\s+(?:also\s+)?(?:the\s+)?{LIST}(?=\s*[.;,)]|\s*$)")
# a list of states set apart by dashes or brackets, then their status: "Five states – A, B and C – are members of the OTS"
_APART_ARE = re.compile(rf"[–—(]\s*(?:the\s+)?{LIST}\s*[–—)],?\s+(?:are|were)\s+(?:all\s+)?(?:the\s+)?(?:full\s+|founding\s+)?"
                        rf"(member|observer)s(?:[\s-]+(?:states|countries|nations))?\s+(?:of|in)\s+(?:the\s+)?({MARK})")
# a list, then its status of a body by a common noun: "the presidents of A, B and C, the member states of the organization"
_LIST_APPOS_NOUN = re.compile(rf"{LIST},\s+(?:all\s+|both\s+)?(?:the\s+)?(?:full\s+|founding\s+)?(member|observer)(?:s|[\s-]+states|[\s-]+countries)\s+of\s+"
                              rf"(?:the\s+|this\s+)(organi[sz]ation|bloc|[Cc]ouncil|[Aa]ssembly|[Uu]nion|alliance)\b")
# a status in a clause of "with": "…, with A and B holding observer status (in the OTS)"
_WITH_HOLDING = re.compile(rf"\bwith\s+(?:the\s+)?{LIST}\s+(?:also\s+)?(?:holding|having|enjoying)\s+(?:the\s+)?observer\s+status"
                           rf"(?:\s+(?:in|at|of|within|with)\s+(?:the\s+)?{_BODY})?(?!\uf8ff)"
                           rf"(?!\s+(?:at|in|during|for)\s+(?:the\s+|this\s+)?(?:[\w-]+\s+)?(?:meetings?|sessions?|summits?|talks|conferences?|forums?|events?)\b)")


# grants, admissions and accessions: "observer status in the OTS was granted to A", "the OTS granted A (and B) observer
# status", "the OTS welcomed A as a new observer", "the accession of A to the OTS", "A's admission as an observer to the OTS",
# "A was granted the status of an observer in the OTS", "the observer status of A in the OTS"
_OBS = r"observer(?:[\s-]+(?:state|country|nation|member))?"
_GRANTS = [      # (pattern, group of the body, group of the list, group of the status or None for "observer")
    (re.compile(rf"\bobserver\s+status(?:\s+(?:in|at|within|with|of)\s+(?:the\s+)?({MARK}))?\s+(?:was|were|has\s+been|had\s+been)\s+"
                rf"(?:granted|given|awarded|accorded|conferred)\s+(?:to|on|upon)\s+(?:the\s+)?{LIST}", re.I), 1, 2, None),
    (re.compile(rf"({MARK})\s+(?:has\s+)?(?:granted|gave|has\s+given|awarded|accorded)\s+(?:the\s+)?{LIST}\s+(?:the\s+)?observer\s+status"), 1, 2, None),
    (re.compile(rf"({MARK})\s+(?:has\s+|officially\s+)?(?:welcomed|accepted|admitted|approved)\s+(?:the\s+)?{LIST}\s+as\s+(?:an?\s+|its\s+)?"
                rf"(?:new\s+|newest\s+|first\s+|second\s+|third\s+)?(?:full\s+)?(observer|member)s?\b"), 1, 2, 3),
    (re.compile(rf"\b(?:accession|admission|entry)\s+of\s+(?:the\s+)?{LIST}\s+(?:in)?to\s+(?:the\s+)?({MARK})(?:\s+as\s+(?:an?\s+)?(observer))?"), 2, 1, 3),
    (re.compile(rf"({MARK})['’]s\s+(?:accession|admission|entry)\s+as\s+(?:an?\s+)?(observer|member)(?:[\s-]+(?:state|country))?\s+(?:in)?to\s+"
                rf"(?:the\s+)?({MARK})"), 3, 1, 2),
    (re.compile(rf"({MARK})\s+(?:was\s+granted|has\s+been\s+granted|was\s+given|has|holds|held|received|obtained|enjoys|acquired)\s+the\s+status\s+of\s+"
                rf"(?:an?\s+)?(observer|member)(?:[\s-]+(?:state|country))?(?:\s+(?:in|at|of|within|to)\s+(?:the\s+)?({MARK}))?"), 3, 1, 2),
    (re.compile(rf"\bobserver\s+status\s+of\s+(?:the\s+)?({MARK})\s+(?:in|at|within|with)\s+(?:the\s+)?({MARK})"), 2, 1, None),
    # "A became the fifth member of the Turkic Council", "A became the first EU country to join the OTS as an observer"
    (re.compile(rf"({MARK})\s+(?:officially\s+)?(?:became|is|was|has\s+become)\s+the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                rf"tenth|newest|latest|\d+(?:st|nd|rd|th))\s+(?:(?:full\s+)?(member|{_OBS})(?:[\s-]+(?:state|country))?\s+(?:of|in|to)|"
                rf"(?:[\w\s-]|{MARK}){{0,30}}?(?:country|state|nation)\s+to\s+join)\s+(?:the\s+)?({MARK})(?:\s+as\s+(?:an?\s+)?({_OBS}))?"), 3, 1, (2, 4)),
    # "A and B, as fellow members of the OTS"
    (re.compile(rf"{LIST},?\s+(?:as|being)\s+(?:fellow\s+|full\s+)?(member|observer)s?(?:[\s-]+(?:states|countries))?\s+(?:of|in)\s+(?:the\s+)?({MARK})"), 3, 1, 2),
]


# a speaker's own country in the first person: '"We … by joining the OTS as an observer," said the Hungarian minister'
_WE_JOINED = re.compile(rf"\b(?:[Ww]e|[Oo]ur\s+country|[Oo]ur\s+state)\b[^\"“”.;]{{0,80}}?\b(?:joining|joined|have\s+joined|became\s+an?\s+(?:full\s+)?"
                        rf"(?:(observer)|member)\s+(?:of|in))\s+(?:the\s+)?({MARK})(?:\s+as\s+(?:an?\s+)?(?:full\s+)?(?:(observer)|member))?"
                        rf"[^\"“”]{{0,40}}[\"“”]\s*,?\s*(?:said|says|stated|noted|stressed|emphasi[sz]ed|added|declared)\s+(?:the\s+)?({MARK})")


def recall(mb: _Memberships, s: int, sm: str) -> None:
    """The memberships of one sentence (``sm`` of the masked text, from ``s``) in the forms above."""
    _nouns(mb, s, sm)
    _chairs(mb, s, sm)
    _chair_times(mb, s, sm)
    _admitted(mb, s, sm)
    _grants(mb, s, sm)
    _bodies_before(mb, s, sm)
    _clauses_before(mb, s, sm)
    lists = [(m, 1, 2, "member") for m in _BODY_COUNTRIES.finditer(sm)]
    lists += [(m, 1, 2, "member") for m in _COUNTRIES_OF.finditer(sm)]
    lists += [(m, 1, 2, "member") for m in _DASHED.finditer(sm)]
    lists += [(m, 2, 1, m.group(3).lower()) for m in _MODIFIER.finditer(sm)]
    lists += [(m, 3, 1, m.group(2).lower().replace("founder", "member")) for m in _AMONG.finditer(sm)]
    lists += [(m, 2, 1, "observer") for m in _WITH_STATUS.finditer(sm)]
    lists += [(m, 1, 2, "member") for m in _FOUNDERS.finditer(sm)]
    _groups(mb, s, sm)
    _chairing(mb, s, sm)
    _set_apart(mb, s, sm)
    for m, org_g, list_g, status in lists:
        org = _org(mb, s, m, org_g) if m.re is not _FOUNDERS or m.group(1) else mb.last_org(s + m.start())
        if org and not _wish(sm, m.start(), m.end()):
            for key in mb.states(s + m.start(list_g), m.group(list_g)):
                mb.add(key, org, status, (s + m.start(), s + m.end()), 0.7)
    _as_is(mb, s, sm)


def _wish(sm: str, at: int, end: int | None = None) -> bool:
    """Whether the clause (from the last comma) up to ``at`` and the words to ``end`` speak of a wish, a plan or the future."""
    clause = re.split(r"[;:,]|\s+(?:while|whereas|but)\s", sm[:at])[-1]
    return bool(FUTURE.search(_POLITE.sub(" ", clause + (sm[at:end] if end else ""))))


def unreal(sm: str, start: int, end: int) -> bool:
    """Whether the words ``sm[start:end]`` state no fact: a wish or a plan in their clause, or a future or a process
    after them ("A's accession to the WTO is expected / will …", "A's accession talks")."""
    return _wish(sm, start, end) or bool(LATER.match(sm, end)) or bool(re.match(_PROCESS, sm[end:], re.I))


def _org(mb: _Memberships, s: int, m: re.Match[str], group: int) -> str | None:
    key = mb.key_at(s + m.start(group)) if m.group(group) else None
    return key if key and mb.is_org(key) else None


def _nouns(mb: _Memberships, s: int, sm: str) -> None:
    """"the observer membership of A in the OTS", "A's membership in the OTS", "A's OTS membership"."""
    found = [(m, 2, (1,), 3) for m in _MEMBERSHIP_OF.finditer(sm)]
    found += [(m, 1, (2,), 3) for m in _STATE_MEMBERSHIP[0].finditer(sm)]
    found += [(m, 1, (3,), 2) for m in _STATE_MEMBERSHIP[1].finditer(sm)]
    found += [(m, 1, (2,), 3) for m in _STATE_MEMBERSHIP[2].finditer(sm)]
    for m, member_g, status_gs, org_g in found:
        if _wish(sm, m.start(), m.end()) or re.match(_PROCESS, sm[m.end():], re.I):
            continue
        status = "observer" if any((m.group(g) or "").lower() == "observer" for g in status_gs) else "member"
        org = _org(mb, s, m, org_g)
        if org is None:
            continue
        member = mb.key_at(s + m.start(member_g))
        for body in [org, *mb.more_orgs(sm, m.end(), s)]:
            mb.add(member, body, status, (s + m.start(), s + m.end()), 0.75)


def _chairs(mb: _Memberships, s: int, sm: str) -> None:
    """"the Hungarian EU presidency", "A, the OTS chair", "under the chairmanship of A"."""
    for m in _STATE_ORG_CHAIR.finditer(sm):
        org = _org(mb, s, m, 2)
        if org and not _wish(sm, m.start(), m.end()):
            mb.add(mb.key_at(s + m.start(1)), org, "chair", (s + m.start(), s + m.end()), 0.75)
    for pattern, member_g, org_g in _CHAIR_APPOS:
        for m in pattern.finditer(sm):
            org = _org(mb, s, m, org_g)
            if org and not _wish(sm, m.start(), m.end()):
                mb.add(mb.key_at(s + m.start(member_g)), org, "chair", (s + m.start(), s + m.end()), 0.75)
    for m in _BARE_CHAIR.finditer(sm):
        mention, org = mb.reader.at(s + m.start(1)), mb.last_org(s + m.start())
        if mention and mention[3] == "State" and org and not _wish(sm, m.start(), m.end()) and not LATER.match(sm, m.end()):
            mb.add(mention[2], org, "chair", (s + m.start(), s + m.end()), 0.7)
    for m in _UNDER.finditer(sm):
        mention = mb.reader.at(s + m.start(1))
        if mention is None or mention[3] != "State" or _wish(sm, m.start()):
            continue
        before = [k for end, k in mb.org_ends if s <= end <= s + m.start()]     # the body named before, in the sentence
        if before:
            mb.add(mention[2], before[-1], "chair", (s + m.start(), s + m.end()), 0.7)


def _chair_times(mb: _Memberships, s: int, sm: str) -> None:
    """"during the presidency of A", "during A's presidency", "During its chairmanship, A …" (a state, not a person):
    of the body named in the sentence, before the words or else after them, or else of the body named last."""
    for pattern in _DURING_CHAIR:
        for m in pattern.finditer(sm):
            mention = mb.reader.at(s + m.start(1))
            tail = re.split(r"[,;.]", sm[m.end():m.end() + 30])[0]      # "during the presidency of A next year"
            if mention is None or mention[3] != "State" or _wish(sm, m.start(), m.end()) or _COMING.search(tail):
                continue
            before = [k for end, k in mb.org_ends if s <= end <= s + m.start()]
            after = [k for end, k in mb.org_ends if s + m.end() < end <= s + len(sm)]
            org = before[-1] if before else after[0] if after else mb.last_org(s + m.start())
            if org is not None:
                mb.add(mention[2], org, "chair", (s + m.start(), s + m.end()), 0.7)

def _groups(mb: _Memberships, s: int, sm: str) -> None:
    """The states of a group known by a name ('the countries known as the "C5" (A, B)', "A and B, known as the C2"),
    and of a body with its states in brackets ("the OTS (A, B and C)": two states or more, nothing else)."""
    found = [(m, 1, 2) for m in _KNOWN_AS.finditer(sm)] + [(m, 2, 1) for m in _LIST_KNOWN_AS.finditer(sm)]
    found += [(m, 1, 2) for m in _BRACKETED.finditer(sm)]
    for m, org_g, list_g in found:
        org = mb.key_at(s + m.start(org_g))
        named = mb.states(s + m.start(list_g), m.group(list_g))
        if org is None or _wish(sm, m.start(), m.end()) or len(set(named)) < 2:
            continue
        if m.re is _BRACKETED and not (mb.is_org(org) and len(named) == len(re.findall(MARK, m.group(list_g)))):
            continue
        for key in named:
            mb.add(key, org, "member", (s + m.start(), s + m.end()), 0.7)

def _grants(mb: _Memberships, s: int, sm: str) -> None:
    """Observer status granted, a state welcomed or admitted, an accession: see ``_GRANTS``."""
    for pattern, org_g, list_g, status_g in _GRANTS:
        for m in pattern.finditer(sm):
            if _wish(sm, m.start(), m.end()) or LATER.match(sm, m.end()):       # "… is expected next year"
                continue
            org = _org(mb, s, m, org_g)
            if org is None and not m.group(org_g):     # "observer status was granted to A at the OTS summit", or the body before
                later = re.match(rf"[^.;]{{0,50}}?\b(?:of|in|at|by|to)\s+(?:the\s+)?({MARK})", sm[m.end():])
                org = mb.key_at(s + m.end() + later.start(1)) if later else mb.last_org(s + m.start())
                org = org if org and mb.is_org(org) else None
            gs = status_g if isinstance(status_g, tuple) else (status_g,)
            words = [m.group(g) or "" for g in gs if g is not None]
            status = "member" if words and not any(w.lower().startswith("observer") for w in words) else "observer"
            for key in mb.states(s + m.start(list_g), m.group(list_g)):
                mb.add(key, org, status, (s + m.start(), s + m.end()), 0.7)


def _bodies_before(mb: _Memberships, s: int, sm: str) -> None:
    """"A, which has been an observer since 2018", "A joined in 2019": of the body named last before (in the text)."""
    for pattern, status_g in ((_BARE, 2), (_JOINED_BARE, 2)):
        for m in pattern.finditer(sm):
            if _wish(sm, m.start(), m.end()):
                continue
            org = mb.last_org(s + m.start())
            if org is None:
                continue
            status, member = (m.group(status_g) or "member").lower(), mb.key_at(s + m.start(1))
            if any(x.member == member and x.status == status and x.organization != org for x in mb.out.memberships):
                continue     # "A is a member of the ECO … (the OIC …) A joined in 1996": the body A is known of, not the last one
            mb.add(member, org, status, (s + m.start(), s + m.end()), 0.7, sm[m.end():], s + m.end())


def _clauses_before(mb: _Memberships, s: int, sm: str) -> None:
    """"Since joining the OTS as an observer, A …", "Founded in 2009 by A, B and C, the OTS …"; a chair passed on or elected."""
    for m in _WE_JOINED.finditer(sm):
        org, speaker = _org(mb, s, m, 2), mb.reader.at(s + m.start(4))
        if mb.states(s + m.start(), sm[m.start():m.start(2)]):     # "We welcome B joining the OTS": B joins
            continue
        if org and speaker and speaker[3] in ("State", "Demonym") and not _wish(sm, m.start(), m.start(4)):
            mb.add(speaker[2], org, "observer" if m.group(1) or m.group(3) else "member", (s + m.start(), s + m.end()), 0.7)
    for m in _PARTICIPLE.finditer(sm):
        org = _org(mb, s, m, 2)
        if org and not _wish(sm, m.start()):
            status = "observer" if m.group(1) or m.group(3) else "member"
            mb.add(mb.key_at(s + m.start(4)), org, status, (s + m.start(), s + m.end()), 0.7)
    for m in _FOUNDED_BY.finditer(sm):
        org = _org(mb, s, m, 2)
        for key in mb.states(s + m.start(1), m.group(1)) if org else []:
            mb.add(key, org, "member", (s + m.start(), s + m.end()), 0.7)
    for m in _PASSED.finditer(sm):
        org = _org(mb, s, m, 1) or _org(mb, s, m, 2)
        org = org if org or m.group(1) or m.group(2) else mb.last_org(s + m.start())    # "the chairmanship passed from A to B"
        if org:
            mb.add(mb.key_at(s + m.start(3)), org, "chair", (s + m.start(), s + m.end()), 0.7)
    for m in _ELECTED.finditer(sm):
        org = _org(mb, s, m, 2)
        if org and not _wish(sm, m.start()):
            mb.add(mb.key_at(s + m.start(1)), org, "chair", (s + m.start(), s + m.end()), 0.7)


def _admitted(mb: _Memberships, s: int, sm: str) -> None:
    """"A was accepted to the organization (…) as the third observer state after B and C"."""
    for m in _ADMITTED.finditer(sm):
        if _wish(sm, m.start()):
            continue
        org = _org(mb, s, m, 2) if m.group(2) else mb.last_org(s + m.start())
        if org is None or not mb.is_org(org):
            continue
        status = "observer" if m.group(4) else "member"
        subject = mb.key_at(s + m.start(1)) if m.group(1) else None
        if subject is None or mb.out.entities[subject].kind != "State":     # "our country was accepted …, the TRNC, as …"
            named = mb.states(s + m.start(3), m.group(3))
            subject = named[0] if len(set(named)) == 1 else None
        span = (s + m.start(), s + m.end())
        mb.add(subject, org, status, span, 0.75)
        if m.group(5):
            for key in mb.states(s + m.start(5), m.group(5)):
                mb.add(key, org, status, span, 0.7)


def _chairing(mb: _Memberships, s: int, sm: str) -> None:
    """"A, currently chairing the OTS", "A, the OTS's current chair", "A currently chairs the organization" (the body
    named, else the one named last with that head word); "the OTS, which A chairs / chaired by A"; "the OTS chair, A", "Its
    rotating chair, A"; "A holds / took over the (rotating) chairmanship" (the body named before). Not a meeting it chairs,
    a person, a wish or a coming term."""
    for i, pattern in enumerate(_CHAIRING):
        for m in pattern.finditer(sm):
            if _wish(sm, m.start(), m.end()) or LATER.match(sm, m.end()):
                continue
            named = mb.reader.at(s + m.start(2)) if m.group(2) and i < 2 else None
            if named is not None and named[3] != "Organization":      # "chairing the OTS summit": an event, not the body
                continue
            org = _org(mb, s, m, 2) if named else None
            if org is None and (i == 2 or not m.group(2)):
                word = re.search(r"(organi[sz]ation|bloc|[Cc]ouncil|[Aa]ssembly|[Uu]nion|alliance|[Cc]ommunity)\s*$", m.group(0))
                org = mb.last_org(s + m.start(), word.group(1) if word else None)
            if org is not None and mb.is_org(org):
                mb.add(mb.key_at(s + m.start(1)), org, "chair", (s + m.start(), s + m.end()), 0.7)
    for m in _CHAIRED_BY.finditer(sm):
        body, mention = mb.reader.at(s + m.start(1)), mb.reader.at(s + m.start(m.lastindex or 2))
        if body is None or body[3] != "Organization" or mention is None or mention[3] != "State" or _wish(sm, m.start(), m.end()):
            continue
        if mb.is_org(body[2]) and not LATER.match(sm, m.end()):
            mb.add(mention[2], body[2], "chair", (s + m.start(), s + m.end()), 0.7)
    for m in _CHAIR_BEFORE.finditer(sm):
        mention = mb.reader.at(s + m.start(3))
        if mention is None or mention[3] != "State" or _wish(sm, m.start(), m.end()):
            continue
        has_name = m.group(1) or m.group(2)
        org = (_org(mb, s, m, 1) or _org(mb, s, m, 2)) if has_name else mb.last_org(s + m.start())
        if org is not None and mb.is_org(org):
            mb.add(mention[2], org, "chair", (s + m.start(), s + m.end()), 0.7)
    for m in _HOLDS_CHAIR.finditer(sm):
        mention = mb.reader.at(s + m.start(1))
        if mention is None or mention[3] != "State" or _wish(sm, m.start(), m.end()) or LATER.match(sm, m.end()):
            continue
        before = [k for end, k in mb.org_ends if s <= end <= s + m.start()]
        org = before[-1] if before else mb.last_org(s + m.start())
        if org is not None and mb.is_org(org):
            mb.add(mention[2], org, "chair", (s + m.start(), s + m.end()), 0.7)


def _set_apart(mb: _Memberships, s: int, sm: str) -> None:
    """A list set apart by dashes or brackets, then "are members of the OTS"; a list, then ", the member states of the
    organization" (two states or more); "with A and B holding observer status"."""
    found = [(m, _org(mb, s, m, 3), m.group(2).lower()) for m in _APART_ARE.finditer(sm)]
    for m in _LIST_APPOS_NOUN.finditer(sm):
        if len(set(mb.states(s + m.start(1), m.group(1)))) >= 2:
            found.append((m, mb.last_org(s + m.start(3), m.group(3)), m.group(2).lower()))
    for m in _WITH_HOLDING.finditer(sm):
        org = _org(mb, s, m, 2) if m.group(2) else None
        if org is None:
            before = [k for end, k in mb.org_ends if s <= end <= s + m.start()]     # the body named before, in the sentence
            org = before[-1] if before else mb.last_org(s + m.start())
        found.append((m, org, "observer"))
    for m, org, status in found:
        if org is None or not mb.is_org(org) or _wish(sm, m.start(), m.end()):
            continue
        for key in mb.states(s + m.start(1), m.group(1)):
            mb.add(key, org, status, (s + m.start(), s + m.end()), 0.7)


def _as_is(mb: _Memberships, s: int, sm: str) -> None:
    """"A is an observer of the OTS, as is B": the membership stated last before, in the sentence (a member or an observer,
    not a chair), for the states after "as is"."""
    for m in _AS_IS.finditer(sm):
        before = [x for x in mb.out.memberships if s <= x.span[0] and x.span[1] <= s + m.start() + 1 and x.status != "chair"]
        if not before or _wish(sm, m.start(), m.end()):
            continue
        last = max(before, key=lambda x: x.span[1])
        for key in mb.states(s + m.start(1), m.group(1)):
            mb.add(key, last.organization, last.status, (s + m.start(), s + m.end()), 0.7)
