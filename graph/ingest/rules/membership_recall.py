"""Memberships, a recall layer: the forms the sentence rules of :mod:`.memberships` do not read, built from
word lists (membership nouns, chair nouns, the verbs of admission) and the mentions the reader already found:

* a membership as a noun: "the observer membership of A in the OTS and TURKPA", "A's membership in the OTS",
  "A's OTS membership", "A's status as an observer in the OTS";
* a chair's office before the body's name: "the Hungarian EU presidency", "A's OTS chairmanship";
  "A, the OTS chair", "As the current chair of the OTS, A …", "(held) under the chairmanship of A";
* an admission with its rank: "A was accepted to the organization … as the third observer state after B and C"
  (B and C are observers too);
* a body's countries: "the OTS countries A and B".

Nothing is read from a clause that speaks of a wish, a plan or the future ("A's bid for membership in the OTS",
"the upcoming Hungarian EU presidency", "A hopes to …"), and a state is only a member where it is named as one,
never for being named near a body.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import LIST, MARK

if TYPE_CHECKING:
    from .memberships import _Memberships

__all__ = ["recall"]

#: Words of a wish, a plan, a proposal or the future: a membership spoken of with them is none (yet).
FUTURE = re.compile(r"\b(?:will|would|shall|could|should|may|might|hopes?|hoped|hoping|wish\w*|wants?|wanted|seek\w*|aims?|aimed|"
                    r"aspir\w*|bids?|candida\w*|prospect\w*|future|potential|upcoming|forthcoming|next|incoming|planned|plans?|"
                    r"intend\w*|expected|appl(?:y|ies|ied|ication)|become|becoming|towards?|not|never|no\s+longer|former(?:ly)?|"
                    r"support\w*|calls?|called|request\w*|push\w*|advocat\w*|back(?:s|ed|ing)?)\b", re.I)
#: Nouns after a membership that make it a wish or a process ("membership bid / talks / application").
_PROCESS = r"\s+(?:bid|application|talks|negotiations?|process|prospects?|aspirations?|request|ambitions?|path|road|issue|question)\b"
#: The offices of a chair.
_CHAIR = r"(?:chairmanship|presidency|chair)"
#: A body by its name, or by a common noun ("the organization", "the Council", "the bloc").
_BODY = r"(?:({MARK})|(?:organi[sz]ation|[Aa]ssembly|[Cc]ouncil|[Uu]nion|bloc|alliance|[Cc]ommunity)\b)".replace("{MARK}", MARK)
#: The rank in an admission ("as the third observer member state", "as an observer").
_RANK = r"as\s+(?:the|an?)\s+(?:(?!observer)[\w-]+\s+)?(?:(observer)|(?:full(?:-fledged)?\s+)?member)(?:\s+(?:member|state|country|nation)s?){0,2}"

# "the observer membership of A in the OTS (and TURKPA)"
_MEMBERSHIP_OF = re.compile(rf"\b(?:(observer|full|associate)\s+)?membership\s+of\s+(?:the\s+)?({MARK})\s+(?:in|at|to|of|within)\s+"
                            rf"(?:the\s+)?({MARK})", re.I)
# "A's (observer) membership in the OTS", "A's OTS membership", "A's status as an observer in the OTS"
_STATE_MEMBERSHIP = [
    re.compile(rf"({MARK})(?:['’]s)?\s+(?:(observer|full|associate)\s+)?membership\s+(?:in|of|at|with|within)\s+(?:the\s+)?({MARK})", re.I),
    re.compile(rf"({MARK})['’]s\s+({MARK})\s+(?:(observer|full|associate)\s+)?membership", re.I),
    re.compile(rf"({MARK})['’]s\s+status\s+as\s+(?:an?\s+)?(observer|member)(?:\s+(?:state|country|nation))?\s+(?:in|of|at|to|within)\s+"
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
]
# "(the summit of the OTS, held) under the chairmanship of A" (a state, not its minister)
_UNDER = re.compile(rf"\b[Uu]nder\s+(?:the\s+)?(?:rotating\s+)?(?:chairmanship|presidency)\s+of\s+(?:the\s+)?({MARK})"
                    rf"(?!\uf8ff|\s*['’]s|\s+(?:President|Prime|Minister|Foreign|Deputy|Speaker|Chair|Ambassador|Head)\b)")
# "A was accepted to the organization (…) as the third observer state after B and C"
_ADMITTED = re.compile(rf"(?:({MARK})\s+)?(?:was|were|has\s+been|had\s+been)\s+(?:officially\s+)?(?:accepted|admitted)\s+(?:in)?to\s+(?:the\s+)?{_BODY}"
                       rf"([^.;]{{0,100}}?)\b{_RANK}(?:\s+after\s+(?:the\s+)?{LIST})?", re.I)
# "the OTS countries A and B", "the OTS member states, namely A and B"
_BODY_COUNTRIES = re.compile(rf"({MARK})\s+(?:countries|states|nations)\s*,?\s*(?:(?:namely|including|such\s+as|like)\s+)?(?:the\s+)?{LIST}")


def recall(mb: _Memberships, s: int, sm: str) -> None:
    """The memberships of one sentence (``sm`` of the masked text, from ``s``) in the forms above."""
    _nouns(mb, s, sm)
    _chairs(mb, s, sm)
    _admitted(mb, s, sm)
    for m in _BODY_COUNTRIES.finditer(sm):
        org = mb.key_at(s + m.start(1))
        if org and mb.is_org(org) and not _wish(sm, m.start()):
            for key in mb.states(s + m.start(2), m.group(2)):
                mb.add(key, org, "member", (s + m.start(), s + m.end()), 0.7)


def _wish(sm: str, at: int, end: int | None = None) -> bool:
    """Whether the clause (from the last comma) up to ``at`` and the words to ``end`` speak of a wish, a plan or the future."""
    clause = re.split(r"[;:,]|\s+(?:while|whereas|but)\s", sm[:at])[-1]
    return bool(FUTURE.search(clause + (sm[at:end] if end else "")))


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
    for m in _UNDER.finditer(sm):
        mention = mb.reader.at(s + m.start(1))
        if mention is None or mention[3] != "State" or _wish(sm, m.start()):
            continue
        before = [k for end, k in mb.org_ends if s <= end <= s + m.start()]     # the body named before, in the sentence
        if before:
            mb.add(mention[2], before[-1], "chair", (s + m.start(), s + m.end()), 0.7)


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
