"""Memberships of states in organizations: "A's Chairmanship of the OTS", "A, an observer of the OTS",
"A holds observer status", "A joined the OTS as an observer", "member states A, B and C",
"A, B and C are members of the OTS"; "since 2018" after one."""

from __future__ import annotations

import bisect
import re

from ..facts import Membership, Span
from ..gazetteer import ORGANIZATIONS, iri
from ..text import LIST, MARK, Mention, Reader, headline, sentences
from .membership_recall import LATER, recall, unreal

__all__ = ["memberships"]

# a chair's office, capitalized or not
_CHAIR = r"(?:[Cc]hairmanship|[Pp]residency)"
_BUILTIN_ORGS = {iri("organization", slug) for slug, _names, _cls in ORGANIZATIONS}
# "TURKPA unites the parliaments of A, B and C": the states are its members
_BODIES_OF = (r"(?:(?:the\s+)?(?:national\s+)?(?:parliaments|legislatures|governments|leaders|heads\s+of\s+state|presidents|"
              r"(?:ministries|ministers)(?:\s+of\s+(?-i:[a-z]+)(?:\s+(?-i:[a-z]+)){0,2}?)?)\s+of\s+)?")
_ORGREF = rf"(?:({MARK})|(?:[Oo]rgani[sz]ation|Assembly|Council|Union|[Ff]und|Academy))"
_ELLIPSIS = re.compile(rf"(?:,\s*|\s+and\s+|,?\s+followed\s+by\s+|,\s*and\s+)(?:the\s+)?({MARK})\s+((?:in|since)\s+(?:19|20)\d\d)\b")
_SINCE = re.compile(r"^[^.;]{0,40}?\b(?:since|in)\s+((?:19|20)\d\d)\b")
_CHAIRS = [
    re.compile(rf"({MARK})(?:['’]s)?\s+(?:[\w-]+\s+)?{_CHAIR}\s+(?:of|in)\s+(?:the\s+)?{_ORGREF}"),
    re.compile(rf"(?:chairmanship|presidency)\s+of\s+(?:the\s+)?({MARK})\s+(?:in|of|at|over)\s+(?:the\s+)?{_ORGREF}", re.I),
    re.compile(rf"({MARK}),?\s+(?:which|that|as)\s+(?:currently\s+)?(?:chairs|holds\s+the\s+(?:rotating\s+)?(?:chairmanship|presidency)\s+(?:of|in))\s+(?:the\s+)?{_ORGREF}", re.I),
    # "Azerbaijan, the current chair of the organization", "Uzbekistan, as the new Term President of the OTS"
    re.compile(rf"({MARK}),\s+(?:as\s+)?(?:the\s+)?(?:(?:current|incumbent|new|rotating|outgoing|incoming)\s+){{0,2}}(?:term\s+)?"
               rf"(?:chair|chairman|chair(?:ing)?\s+country|president|presiding\s+(?:country|state))\s+of\s+(?:the\s+)?{_ORGREF}", re.I),
    # "Uzbekistan is the chair of the OTS"
    re.compile(rf"({MARK})\s+(?:is|was|became|remains)\s+(?:the\s+)?(?:current\s+|incumbent\s+)?(?:chair|chairman|chair\s+country)\s+of\s+(?:the\s+)?{_ORGREF}", re.I),
    # "Azerbaijan currently holds the chairmanship of the OTS"
    re.compile(rf"({MARK})\s+(?:currently\s+|now\s+)?(?:holds|is\s+holding)\s+the\s+(?:rotating\s+)?(?:chairmanship|presidency)\s+(?:of|in)\s+(?:the\s+)?{_ORGREF}", re.I),
]
# "Kazakhstan holds the OTS chairmanship", "(the summit of the OTS) under Kyrgyzstan's chairmanship"
_CHAIRS += [
    re.compile(rf"({MARK})\s+(?:currently\s+|now\s+)?(?:holds|held|is\s+holding|has\s+held)\s+the\s+(?:rotating\s+)?({MARK})\s+"
               rf"{_CHAIR}"),
    re.compile(rf"\b[Uu]nder\s+(?:the\s+)?({MARK})['’]s\s+(?:rotating\s+)?{_CHAIR}(?:\s+(?:of|in)\s+(?:the\s+)?{_ORGREF})?"),
]
# "the chairmanship of the OTS passed to Azerbaijan", "Türkiye handed over the chairmanship to Uzbekistan" (done, not "will hand")
_HANDED = re.compile(rf"(?:{_CHAIR}(?:\s+of\s+(?:the\s+)?{_ORGREF})?\s+(?:passed|(?:was|has\s+been)\s+(?:handed\s+over|passed|transferred))"
                     rf"|(?<!will\s)(?:handed|passed|transferred|handing|passing)\s+(?:over\s+)?the\s+(?:rotating\s+)?{_CHAIR}"
                     rf"(?:\s+of\s+(?:the\s+)?{_ORGREF})?(?:\s+over)?)\s+to\s+(?:the\s+)?({MARK})")
# "Kyrgyzstan took over the TURKPA Chairmanship from Kazakhstan"
_TOOK_OVER = re.compile(rf"({MARK})\s+(?:took\s+over|has\s+taken\s+over|assumed|assumes|takes\s+over|has\s+assumed)\s+(?:the\s+)?(?:rotating\s+)?"
                        rf"(?:({MARK})\s+)?{_CHAIR}(?:\s+(?:of|in)\s+(?:the\s+)?({MARK}))?")
# "Uzbekistan's accession to the Turkic Council"
_ACCESSION = re.compile(rf"({MARK})(?:['’]s)?\s+(?:recent\s+|full\s+)?(?:accession|admission)\s+to\s+(?:the\s+)?{_ORGREF}"
                        rf"(?:\s+as\s+(?:an?\s+)?(observer))?")
# "the TRNC's observer status in the OTS", "accepted the TRNC as an observer", "the OTS granted observer status to the TRNC"
_OBSERVER_FORMS = [
    (re.compile(rf"({MARK})['’]s\s+(?:new\s+)?observer\s+status\s+(?:in|at|with|of)\s+(?:the\s+)?{_ORGREF}"), 1, 2),
    (re.compile(rf"\b(?:accepted|accepting|admitted|admitting)\s+(?:the\s+)?({MARK})\s+as\s+(?:an?\s+)?observer(?:\s+(?:member|state|country))?"
                rf"(?:\s+(?:of|to|in|at)\s+(?:the\s+)?({MARK}))?"), 1, 2),
    (re.compile(rf"({MARK})\s+(?:granted|gave|has\s+granted)\s+(?:the\s+)?observer\s+status\s+to\s+(?:the\s+)?({MARK})"), 2, 1),
]
# "<State>, an observer of the <Org>", "<State>, which is an observer of …", "<State> is a member of …"
_IS_A = re.compile(rf"({MARK})(?:,\s*(?:which|that)\s+(?:is|was|has\s+been|became|remains)|,\s*as|,|\s*\((?=an?\s)|\s+[–—-](?=\s+an?\s)|\s+(?:is|was|became|has\s+been|remains))\s*"
                   rf"(?:also\s+)?(?:an?\s+|the\s+|one\s+of\s+the\s+)?(?:full\s+|founding\s+|full-fledged\s+)?(member|observer|(?:co-?)?founder|founding(?=\s+(?:state|country|nation)s?\b))s?(?:[\s-]+(?:state|country|nation|member)s?)?\s+(?:of|in|to|at)\s+(?:both\s+)?(?:the\s+)?{_ORGREF}", re.I)
_STATUS_OF = re.compile(rf"({MARK}),?\s+(?:(?:which|that)\s+)?(?:also\s+|already\s+|officially\s+|currently\s+)?(?:has|holds|held|enjoys|has\s+held|has\s+had|(?:was|(?:has|had)\s+(?:already\s+|also\s+)?been)\s+(?:granted|given|awarded|accorded|conferred)|received|obtained|acquired|gained|secured)\s+(?:the\s+)?observer\s+status(?:\s+(?:in|at|with|of)\s+(?:the\s+)?{_ORGREF})?", re.I)
_JOINED = re.compile(rf"({MARK}),?\s+(?:(?:which|that)\s+)?(?:officially\s+|later\s+|also\s+)?(?:joined|was\s+admitted\s+to|was\s+accepted\s+(?:in)?to|"
                     rf"(?:participates|participated|takes\s+part|took\s+part)\s+in(?=\s+(?:the\s+)?\S+\s+as\s+(?:an?\s+)?observer))\s+(?:the\s+)?{_ORGREF}"
                     rf"(?:\s+as\s+(?:an?\s+)?(?:full\s+)?(member|observer)|(?=\s+in\s+(?:19|20)\d\d\b|\s*[.;]))", re.I)   # "joined the OTS in 2019": a member
# "<Org> member states A, B and C", "five member states, A, B …", "observers A and B"
_MEMBERS_LIST = re.compile(rf"(?:({MARK})(?:['’]s)?\s+)?(?:(?!observer)\w+(?:['’]s)?\s+)?(?:full\s+)?(member|observer)s?(?:[\s-]+(?:states?|countries|nations|members?))?"
                           rf"(?:\s+of\s+(?:the\s+)?(?:({MARK})|(?:[Oo]rgani[sz]ation|[Aa]ssembly)\b))?(?!\s+and\s+observer)\s*(?:[:,(–—-](?:\s*(?:such\s+as|including|namely)\b)?|\s+(?:(?:now|currently|also|today)\s+)?(?:such\s+as|including|namely|are|were|include|includes))?\s*{_BODIES_OF}(?:the\s+)?{LIST}", re.I)
# "Azerbaijan chaired the Non-Aligned Movement", "Kazakhstan chairs the CICA"
_CHAIRED = re.compile(rf"({MARK})\s+(?:currently\s+|now\s+)?(?:chairs|chaired|has\s+chaired|is\s+chairing|presides\s+over|presided\s+over)\s+(?:the\s+)?({MARK})(?!\uf8ff)"
                      rf"(?!\s+(?:[\w-]+\s+)?(?:meetings?|sessions?|summits?|forums?|conferences?|events?|talks|councils?|committees?)\b)")
# "Türkiye is a NATO member", "Hungary is an EU and NATO member state"
_IS_ORG_MEMBER = re.compile(rf"({MARK})\s+(?:is|was|became|has\s+been|remains)\s+(?:also\s+)?(?:an?\s+|the\s+)?(?:full\s+|founding\s+)?"
                            rf"({MARK}(?:\s*(?:,|and)\s*{MARK})*)\s+(member|observer)(?:[\s-]+(?:state|country|nation))?\b")
# "…, the CSTO and the SCO" after a membership of one: the same membership of each
_MORE_ORGS = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?({MARK})")
# "As the OTS chair, Kazakhstan …" (organization first, then the state)
_AS_CHAIR = re.compile(rf"\b[Aa]s\s+(?:the\s+)?(?:current\s+)?({MARK})\s+(?:chair|chairman|chair\s+country)\s*,\s+({MARK})")
# "the OTS, of which Azerbaijan is a founding member"
# "…, the OTS, of which it / the country is a founding member": the state named last before, in the sentence
_OF_WHICH = re.compile(rf"({MARK}),?\s+of\s+which\s+({MARK}|it|the\s+country|the\s+state|the\s+republic)\s+(?:is|has\s+been|was)\s+(?:also\s+)?(?:an?\s+)?"
                       rf"(?:founding\s+|full\s+)?(member|observer)(?!ship)")
# "A, B and C founded the <Org>"
_FOUNDED = re.compile(rf"{LIST}\s+(?:founded|established|set\s+up|co-founded)\s+(?:the\s+)?({MARK})")
# "A, B and C are members of the <Org>", "Hungary and Turkmenistan take part as observers"
# "A, B and C make up the group's members", "A and B were recognised as observers within the bloc"
_MAKE_UP = r"make\s+up|made\s+up|constitute|constituted|form|formed"
_RECOGNISED = r"(?:are|were|have\s+been|had\s+been)\s+(?:officially\s+)?(?:(?:recogni[sz]ed|accepted|admitted|designated|included|listed)\s+as|(?:granted|given|awarded|accorded)(?=\s+(?:the\s+)?observer\s+status))"
_LIST_ARE = re.compile(rf"{LIST}(?:,\s+(?:which|that)\s+|\s+)(?:also\s+|now\s+|currently\s+|together\s+)?(?:{_RECOGNISED}|are|were|as|became|remain|take\s+part\s+as|participate\s+as|act\s+as|have\s+the\s+status\s+of|joined\s+as|have|hold|enjoy|{_MAKE_UP})\s+"
                       rf"(?:its\s+|their\s+|(?<!as\s)an?\s+|the\s+(?:group|bloc|organi[sz]ation|alliance|union|council|assembly)['’]s\s+)?(?:the\s+)?(?:full\s+|founding\s+)?(member|observer)(?:ship|s|\s+status)?(?:[\s-]+(?:states?|countries|country|members?))?(?:\s+(?:of|in|to|within)\s+(?:the\s+)?({MARK}))?", re.I)


# "A attended the summit of the OTS as an observer", "A participates in the work of the OTS as an observer",
# "A was admitted as an observer at the OTS summit": the body named in between or right after
_AS_OBSERVER = re.compile(rf"({MARK})\s+(?:(?:also|regularly|has|had|have)\s+)?(?:attended|attends|participates\s+in|participated\s+in|"
                          rf"takes\s+part\s+in|took\s+part\s+in|was\s+(?:admitted|accepted|welcomed))\s+([^.;:]{{0,60}}?)\s*"
                          rf"\bas\s+(?:an?\s+)?observer(?:[\s-]+(?:state|country|member))?(?:\s+(?:at|to|of|in)\s+(?:the\s+)?({MARK}))?")


# "Kazakhstan, along with A and B, is a member of the OTS"
_ALONG_WITH = re.compile(rf"({MARK}),?\s+(?:along|together)\s+with\s+(?:the\s+)?{LIST},?\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
                         rf"(?:an?\s+|the\s+)?(?:full\s+|founding\s+)?(member|observer)s?(?:[\s-]+(?:states?|countries|country))?\s+(?:of|in)\s+(?:the\s+)?({MARK})")


# "A, B and C – the member states of the OTS –", "A and B, both members of the OTS"
_LIST_APPOS = re.compile(rf"{LIST}(?:\s*,|\s+[–—-])\s+(?:all\s+|both\s+)?(?:the\s+)?(?:full\s+|founding\s+)?(member|observer)"
                         rf"(?:s|\s+states|\s+countries)\s+of\s+(?:the\s+)?({MARK})")


# a body by a common noun ("the organization", "the academy", "this bloc"): the one named last with that head word
_BODY_NOUN = (r"(?:organi[sz]ation|[Aa]ssembly|[Cc]ouncil|[Uu]nion|bloc|alliance|grouping|group|[Cc]ommunity|[Aa]cademy|[Ff]und|[Bb]ank|"
              r"[Ff]orum|[Ff]oundation|[Ll]eague|[Mm]ovement|[Cc]ommonwealth|platform|format|partnership)\b")
# an event named after its body ("the OTS Summit", "the Informal SCO Summit", "the 10th TURKPA Plenary Session")
_BODY_FIRST = re.compile(r"^(?:[Tt]he\s+)?(?:(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)\s+){0,2}$")
_EVENT_AFTER_BODY = re.compile(r"^\s+(?:[A-Z][a-z]+\s+){0,2}(?:Summit|Session|Meeting|Forum|Congress|Conference|Plenary)s?$")
# common nouns too wide to stand for whichever body was named last ("the group", "the bank", "the forum")
_NAMED_ONLY = re.compile(r"group|bank|forum|foundation|league|movement|commonwealth|platform|format|partnership", re.I)
# "The OTS unites A, B and C", "<Org> comprises A and B as members, and C as an observer"
_ORG_HAS = re.compile(rf"(?:({MARK})|\b(?:[Tt]he|[Tt]his)\s+{_BODY_NOUN}|\ban?\s+(?:intergovernmental|international|regional)\s+(?:organi[sz]ation|bloc|alliance|platform))(?:,\s+(?:established|founded|created|set\s+up)\s+in\s+(?:19|20)\d\d,)?(?:,?\s+(?:which|that))?,?\s+(?:currently\s+|now\s+)?"
                      rf"(?:unites|comprises|includes|brings\s+together|consists\s+of|is\s+(?:composed|made\s+up)\s+of|consisting\s+of|comprising|"
                      rf"uniting|bringing\s+together|(?:(?:was|were)\s+)?(?:jointly\s+)?(?:established|founded|set\s+up|created|co-founded)\s+(?:in\s+\d{{4}}\s+)?"
                      rf"(?:jointly\s+)?by)\s+"
                      rf"(?:(?:the\s+)?(?:[\w-]+\s+){{0,4}}(?:countries|states|nations)\s*:?\s*)?{_BODIES_OF}(?:the\s+)?{LIST}"
                      rf"(?!\uf8ff)(?!\s+as\s+(?:an?\s+)?observers?)(?:\s+as\s+(?:full\s+)?members)?(?:,?\s+(?:and|with|while)\s+(?:the\s+)?{LIST}\s+as\s+(?:an?\s+)?observers?)?")

# a name, then a name in brackets: "the Organization of Turkic States (OTS)" (the same entity, see ``acronyms_joined``)
_OWN_ACRONYM = re.compile(rf"({MARK})\s*\(\s*({MARK})\s*\)")


def _first_clause(chunk: str) -> str:
    """A list up to the ", and" where a second list of its own begins ("A and B, and C, D and E"), or
    all of it (a serial comma before the last item, "A, B, and C", is no second list)."""
    cut = [m.start() for m in re.finditer(r",\s*and\s", chunk) if re.search(r",|\band\b", chunk[m.end():])]
    return chunk[:cut[-1]] if cut else chunk


def memberships(reader: Reader) -> None:
    """Every membership the text states (outside the headline)."""
    _Memberships(reader).run()


class _Memberships:
    def __init__(self, reader: Reader):
        self.reader, self.out = reader, reader.out
        self.bodies = dict(reader.event_bodies)
        for mm in reader.mentions:
            if mm[3] == "Event" and mm[2] not in self.bodies:
                self.event_body(mm)
        # the organizations named, also inside an event's name ("the OTS summit … the organization": the OTS)
        self.org_ends = sorted((mm[1], self.bodies.get(mm[2], mm[2])) for mm in reader.mentions
                               if (mm[3] == "Organization" and self.is_org(mm[2]))
                               or (mm[3] == "Event" and mm[2] in self.bodies and self.is_org(self.bodies[mm[2]])))

    def event_body(self, mention: Mention) -> None:
        """The body a named event is of when its name ends in a known organization's name ("the 11th Summit
        of … of the Organization of Turkic States (OTS)"): the event's mentions stand for it too."""
        start, end, key, _kind = mention
        ev = self.out.entities[key]
        if ev.spans and (start, end) != ev.spans[0] and len(ev.spans) > 1:
            return
        hits = [h for h in self.reader.gz.scan(self.reader.text[start:end]) if h.kind == "Organization"]
        if hits and re.search(r"\bof\s+(?:the\s+)?$", self.reader.text[start:start + hits[-1].start]) \
                and hits[-1].end >= end - start - 8:
            h = hits[-1]
        elif len({(h.start, h.end) for h in hits}) == 1 and _BODY_FIRST.match(self.reader.text[start:start + hits[0].start]) \
                and _EVENT_AFTER_BODY.match(self.reader.text[start + hits[0].end:end]):
            h = hits[0]          # "the OTS Summit", "the 10th TURKPA Plenary Session": the body is the name's modifier
        else:
            return
        org = self.reader.entity("Organization", h.text, (start + h.start, start + h.end), known=h.iri)
        if self.is_org(org):
            self.bodies[key] = org

    def run(self) -> None:
        text, masked = self.reader.text, self.acronyms_joined(self.reader.masked_text)
        head = headline(text)
        for s, e in sentences(text):
            if (s, e) == head:
                continue
            sm = masked[s:e]
            for pattern in _CHAIRS:
                for m in pattern.finditer(sm):
                    if LATER.match(sm, m.end()):      # "A's chairmanship of the OTS will begin next year"
                        continue
                    self.add(self.key_at(s + m.start(1)), self.org_at(m, 2, s), "chair", (s + m.start(), s + m.end()), 0.85)
            for m in _IS_A.finditer(sm):      # a founder ("one of the founders of", "a founding state of") is a member
                status = "observer" if m.group(2).lower() == "observer" else "member"
                self.add(self.key_at(s + m.start(1)), self.org_at(m, 3, s), status, (s + m.start(), s + m.end()),
                         0.85, sm[m.end():], s + m.end())
                for org in self.more_orgs(sm, m.end(), s):
                    self.add(self.key_at(s + m.start(1)), org, status, (s + m.start(), s + m.end()), 0.8)
            for m in _STATUS_OF.finditer(sm):
                org = self.org_at(m, 2, s)
                if org is None:     # "was granted observer status at the Samarkand summit of the OTS"
                    later = re.search(rf"^[^;]{{0,60}}?\b(?:of|in|at)\s+(?:the\s+)?({MARK})", sm[m.end():])
                    org = self.key_at(s + m.end() + later.start(1)) if later else None
                    org = org if org and self.is_org(org) else None
                self.add(self.key_at(s + m.start(1)), org, "observer", (s + m.start(), s + m.end()),
                         0.85, sm[m.end():], s + m.end())
            for m in _HANDED.finditer(sm):
                if re.search(r"\b(?:handing|passing)\b", m.group(0)) and unreal(sm, m.start(), m.end()):
                    continue      # "the summit will end with A handing over the chairmanship to B"
                org = self.org_at(m, 1, s) if m.group(1) or not m.group(2) else self.org_at(m, 2, s)
                self.add(self.key_at(s + m.start(3)), org, "chair", (s + m.start(), s + m.end()), 0.8)
            for m in _TOOK_OVER.finditer(sm):
                org = next((self.key_at(s + m.start(g)) for g in (2, 3) if m.group(g)), None)
                if org is not None and self.is_org(org):
                    self.add(self.key_at(s + m.start(1)), org, "chair", (s + m.start(), s + m.end()), 0.85)
            for m in _ACCESSION.finditer(sm):
                if unreal(sm, m.start(), m.end()):       # "A's accession to the WTO is expected / will boost …"
                    continue
                self.add(self.key_at(s + m.start(1)), self.org_at(m, 2, s), "observer" if m.group(3) else "member",
                         (s + m.start(), s + m.end()), 0.8)
            for pattern, member_g, org_g in _OBSERVER_FORMS:
                for m in pattern.finditer(sm):
                    org = self.org_at(m, org_g, s)
                    if org is None:      # "… as an observer member at the OTS summit": the body named next
                        later = re.search(rf"^[^;]{{0,40}}?\b(?:of|in|at|to)\s+(?:the\s+)?({MARK})", sm[m.end():])
                        org = self.key_at(s + m.end() + later.start(1)) if later else None
                        org = org if org and self.is_org(org) else None
                    self.add(self.key_at(s + m.start(member_g)), org, "observer", (s + m.start(), s + m.end()), 0.8)
            for m in _JOINED.finditer(sm):
                self.add(self.key_at(s + m.start(1)), self.org_at(m, 2, s), (m.group(3) or "member").lower(), (s + m.start(), s + m.end()),
                         0.85, sm[m.end():], s + m.end())
            self.lists(s, sm)
            self.as_observer(s, sm)
            recall(self, s, sm)      # the forms of the word lists (membership_recall)

    def acronyms_joined(self, masked: str) -> str:
        """The masked text with a name's own acronym in brackets after it ("the Turkish Republic of Northern Cyprus (TRNC)",
        "the Organization of Turkic States (OTS)") made part of the name's mark, so a form reads "A (AB), which holds …" as
        it reads "A, which holds …"; the text keeps its length, and a bracket of another name is left as it is."""
        def join(m: re.Match[str]) -> str:
            outer, inner = self.reader.at(m.start(1)), self.reader.at(m.start(2))
            if outer is None or inner is None or outer[2] != inner[2]:
                return m.group(0)
            return m.group(1) + "\uf8ff" * (m.end() - m.end(1))
        return _OWN_ACRONYM.sub(join, masked)

    def lists(self, s: int, sm: str) -> None:
        """Memberships stated as lists of states."""
        for m in _MEMBERS_LIST.finditer(sm):
            org = None
            for g in (1, 3):
                if m.group(g):
                    mention = self.reader.at(s + m.start(g))
                    if mention and self.is_org(mention[2]):
                        org = mention[2]
            if org is None and not m.group(1):     # the body named before; or, if none is, the one named next in the sentence
                org = self.org_at(m, 1, s)
                later = [k for end, k in self.org_ends if s + m.end() < end <= s + len(sm)]
                org = later[0] if org is None and len(set(later)) == 1 else org
            chunk = m.group(4)
            if m.group(2).lower() == "member" and re.match(r"\s+(?:are|is|have|hold|enjoy)\s+(?:\w+\s+){0,2}observers?\b", sm[m.end():]):
                chunk = _first_clause(chunk)     # "the members are A and B, and C and D are observers"
            for key in self.states(s + m.start(4), chunk):
                self.add(key, org, m.group(2).lower(), (s + m.start(), s + m.end()), 0.8)
        for m in _ORG_HAS.finditer(sm):
            org = self.org_at(m, 1, s)       # "the organization unites …": the body named last
            if org is None:
                continue
            for key in self.states(s + m.start(2), m.group(2)):
                self.add(key, org, "member", (s + m.start(), s + m.end()), 0.8)
            if m.group(3):
                for key in self.states(s + m.start(3), m.group(3)):
                    self.add(key, org, "observer", (s + m.start(), s + m.end()), 0.8)
        for m in _ALONG_WITH.finditer(sm):
            org = self.key_at(s + m.start(4))
            if org and self.is_org(org):
                for key in [self.key_at(s + m.start(1)), *self.states(s + m.start(2), m.group(2))]:
                    self.add(key, org, m.group(3).lower(), (s + m.start(), s + m.end()), 0.8)
        for m in _LIST_APPOS.finditer(sm):
            org = self.key_at(s + m.start(3))
            if org and self.is_org(org) and re.search(r",|\band\b", m.group(1)):
                for key in self.states(s + m.start(1), m.group(1)):
                    self.add(key, org, m.group(2).lower(), (s + m.start(), s + m.end()), 0.8)
        for m in _CHAIRED.finditer(sm):
            mention = self.reader.at(s + m.start(2))
            org = mention[2] if mention and mention[3] == "Organization" else None
            if org and self.is_org(org):
                self.add(self.key_at(s + m.start(1)), org, "chair", (s + m.start(), s + m.end()), 0.8)
        for m in _IS_ORG_MEMBER.finditer(sm):
            for om in re.finditer(MARK, m.group(2)):
                org = self.key_at(s + m.start(2) + om.start())
                if org and self.is_org(org):
                    self.add(self.key_at(s + m.start(1)), org, m.group(3).lower(), (s + m.start(), s + m.end()), 0.8)
        for m in _AS_CHAIR.finditer(sm):
            org = self.key_at(s + m.start(1))
            if org and self.is_org(org):
                self.add(self.key_at(s + m.start(2)), org, "chair", (s + m.start(), s + m.end()), 0.8)
        for m in _OF_WHICH.finditer(sm):
            org = self.key_at(s + m.start(1))
            if org and self.is_org(org):
                member = self.key_at(s + m.start(2)) if re.match(MARK, m.group(2)) else self.state_before(s, s + m.start())
                self.add(member, org, m.group(3), (s + m.start(), s + m.end()), 0.8)
        for m in _FOUNDED.finditer(sm):
            org = self.key_at(s + m.start(2))
            if org and self.is_org(org):
                for key in self.states(s + m.start(1), m.group(1)):
                    self.add(key, org, "member", (s + m.start(), s + m.end()), 0.8)
        for m in _LIST_ARE.finditer(sm):
            org = None
            if m.group(3):
                mention = self.reader.at(s + m.start(3))
                org = mention[2] if mention and self.is_org(mention[2]) else None
            if org is None:
                org = self.last_org(s + m.start())
            if org is None:      # "A and B are full members, while C is an observer of the OTS": the body named later
                later = [k for end, k in self.org_ends if s + m.end() < end <= s + len(sm)]
                org = later[0] if len(set(later)) == 1 else None
            chunk, at = m.group(1), s + m.start(1)
            if m.group(2).lower() == "observer" and re.search(r"\bmembers?\b", sm[:m.start()], re.I) and _first_clause(chunk) != chunk:
                at += len(_first_clause(chunk))       # "… members are A and B, and C and D are observers": only C and D
                chunk = chunk[len(_first_clause(chunk)):]
            for key in self.states(at, chunk):
                self.add(key, org, m.group(2).lower(), (s + m.start(), s + m.end()), 0.8, sm[m.end():])
                for other in self.more_orgs(sm, m.end(), s) if m.group(3) else []:
                    self.add(key, other, m.group(2).lower(), (s + m.start(), s + m.end()), 0.8)

    def as_observer(self, s: int, sm: str) -> None:
        """"A attended the summit of the OTS as an observer": the one body named in between (or right after)."""
        for m in _AS_OBSERVER.finditer(sm):
            between = [k for mm in re.finditer(MARK, m.group(2)) if (k := self.key_at(s + m.start(2) + mm.start())) and self.is_org(k)]
            after = self.key_at(s + m.start(3)) if m.group(3) else None
            orgs = set(between) | ({after} if after and self.is_org(after) else set())
            if len(orgs) == 1:
                self.add(self.key_at(s + m.start(1)), orgs.pop(), "observer", (s + m.start(), s + m.end()), 0.8)

    def more_orgs(self, sm: str, at: int, s: int) -> list[str]:
        """The organizations listed right after one ("members of the EAEU, the CSTO and the SCO")."""
        orgs = []
        while (m := _MORE_ORGS.match(sm, at)) is not None:
            key = self.key_at(s + m.start(1))
            if not (key and self.is_org(key)):
                break
            orgs.append(key)
            at = m.end()
        return orgs

    def state_before(self, s: int, pos: int) -> str | None:
        """The one state named in the sentence (from ``s``) before ``pos`` ("Kazakhstan values TURKSOY, of which it is a
        member"); none if two or more are named."""
        named = {mm[2] for mm in self.reader.mentions if s <= mm[0] < pos and mm[3] == "State"
                 and self.out.entities[mm[2]].kind == "State"}
        return named.pop() if len(named) == 1 else None

    def key_at(self, pos: int) -> str | None:
        mention = self.reader.at(pos)
        return self.bodies.get(mention[2], mention[2]) if mention else None   # "at the OTS summit": the OTS

    def is_org(self, key: str) -> bool:
        """An international organization (states are members of these, not of ministries)."""
        ent = self.out.entities[key]
        if ent.kind != "Organization":
            return False
        if ent.known_iri:
            return bool(set(self.reader.gz.index.types(ent.known_iri)) & {"InternationalOrganization", "AffiliatedInstitution"}
                        ) or ent.known_iri in _BUILTIN_ORGS
        return bool(re.search(r"\b(?:Organi[sz]ation|Union|Council|Assembly|Fund|Academy|Cooperation|Community|League|Movement|Commonwealth"
                              r"|(?:Development|Investment|Reconstruction)\s+Bank)\b", ent.label))

    def last_org(self, pos: int, head: str | None = None, *, strict: bool = False) -> str | None:
        """The last organization named before ``pos``, not one used as a modifier ("EU state Hungary");
        for "the Council" the last one whose name has that head word, if any ("the Turkic Council … EU-Turkic
        ties … observer status in the Council": the Turkic Council)."""
        i = bisect.bisect_right(self.org_ends, (pos, "\U0010ffff"))
        while i and re.match(r"\s+(?:member\s+)?(?:state|country|nation)\b", self.reader.masked_text[self.org_ends[i - 1][0]:]):
            i -= 1
        if head is not None:
            fold = head.lower().replace("organisation", "organization")
            for _end, key in reversed(self.org_ends[:i]):
                names = " ".join(self.out.entities[key].names).lower().replace("organisation", "organization")
                if re.search(rf"\b{fold}\b", names):
                    return key
            if strict:
                return None
        return self.org_ends[i - 1][1] if i else None

    def org_at(self, m: re.Match[str], group: int, pos: int) -> str | None:
        if m.group(group):
            key = self.key_at(pos + m.start(group))
            return key if key and self.is_org(key) else None
        heads = re.findall(rf"\b(?:the|its|this)\s+({_BODY_NOUN})", m.group(0), re.I)
        head = heads[-1] if heads else None       # "the group", "the bank": only a body with that word in its name
        return self.last_org(pos + m.start(), head, strict=bool(head and _NAMED_ONLY.fullmatch(head)))

    def add(self, member: str | None, org: str | None, status: str, span: Span, conf: float, tail: str = "",
            tail_at: int | None = None) -> None:
        out = self.out
        if member is None or org is None:
            return
        if out.entities[member].kind != "State" or out.entities[org].kind != "Organization":
            return
        since = _SINCE.match(tail)
        if since and tail_at is not None:       # "… in 2018, Turkmenistan in 2021 and the TRNC in 2022": the same again
            at = since.end()
            while (more := _ELLIPSIS.match(tail, at)) is not None:
                self.add(self.key_at(tail_at + more.start(1)), org, status, span, conf, tail[more.start(2):])
                at = more.end()
        for x in out.memberships:
            if x.member == member and x.organization == org and x.status == status:
                if since and not x.since:
                    x.since = since.group(1)
                return
        out.memberships.append(Membership(member, org, status, span, conf,
                                          since=since.group(1) if since and status != "chair" else None))

    def states(self, pos: int, chunk: str) -> list[str]:
        keys = []
        for mm in re.finditer(MARK, chunk):
            mention: Mention | None = self.reader.at(pos + mm.start())
            if mention and self.out.entities[mention[2]].kind == "State" and mention[3] != "Demonym":
                keys.append(mention[2])
        return keys
