"""Posts recall: a title recognised by its head word, for a person the text names and no other rule
gave a post.

A title is one to five words of the title lexicon ending in a head word ("Deputy Director General",
"Chief Executive Officer", "Honorary Consul"), then what it keeps ("of Economy and Commerce",
"for External Relations", "for Russia and Central Asia"), then what it is of ("of <state or
organization>") and accredited to ("to/in <state, organization or city>", for diplomatic titles).
Before it may stand its owner ("Kyrgyzstan's", "the Kazakh", "UNESCO"). The holder is named right
after it, before it in apposition ("X, General Director of Y,"; "X, Azerbaijan's Ombudsman,"), before
it as a predicate ("X was appointed / serves as / took office as Deputy Secretary General of Y"),
after it between commas ("The Director of Y, X, said"), or is a pronoun's ("Previously he served as …").
A lower-case title ("X, deputy director general of UNESCO,") needs its "of/to" and a holder before it.
A title with neither owner nor accreditation nor a complement of its own ("Ambassador X") is a
courtesy title, not a post.

The lexicon is that of the 241 dev gold posts, counted by head word: Minister 79, President 50,
Secretary 38 (Secretary General 35 with its deputies), Ambassador 33, Chairman 16, Director 7, Head 6,
Representative 5, Consul 3, Speaker 2, Rector 1, Chargé d'Affaires 1; modifiers General 41, Deputy 19,
Prime 5, Permanent 5, Vice 4, Honorary 3, Assistant 2, First 2, Senior 1, Executive 1; 81 of the 241
keep a complement ("of Foreign Affairs", "for External Relations"). To these are added the heads news
prose uses for the same kind of office (Governor, Mayor, Commissioner, Adviser, Coordinator, Envoy,
Chief, Officer, Manager, Dean, Ombudsman, CEO …) and their usual modifiers (Acting, Special, Chief …)."""

from __future__ import annotations

import re

from ..facts import Post
from ..text import DATELINE, MARK, Reader
from .lexicon import HONOR, HONOR_WORD, TENURE_ADVERB, TENURE_WORD

__all__ = ["HEADS", "MODIFIERS", "listed_holder", "owner_from_repeat", "pronoun_holder", "recall_posts"]

#: head words of a title (the last word of its core), with the role each gives a post
HEADS = {
    "Minister": "minister", "President": "president", "Director": "director", "Chairman": "chairman",
    "Chairwoman": "chairman", "Chairperson": "chairman", "Chair": "chairman", "Secretary": "head-of-institution",
    "Speaker": "chairman", "Consul": "consul-general", "Ambassador": "ambassador", "Envoy": "head-of-institution",
    "Representative": "head-of-institution", "Head": "head-of-institution", "Chief": "head-of-institution",
    "Rector": "head-of-institution", "Governor": "head-of-institution", "Mayor": "head-of-institution",
    "Commissioner": "head-of-institution", "Adviser": "head-of-institution", "Advisor": "head-of-institution",
    "Coordinator": "head-of-institution", "Officer": "head-of-institution", "Manager": "head-of-institution",
    "Dean": "head-of-institution", "Akim": "head-of-institution", "Hokim": "head-of-institution",
    "Ombudsman": "head-of-institution", "Chancellor": "head-of-institution", "Administrator": "head-of-institution",
    "CEO": "head-of-institution",
    # offices news prose names that dev rarely or never shows (gtl9: benchmarks/title_candidates.py): spokespersons,
    # embassy staff, parliaments, courts, armed forces, churches and muftiates, universities, newsrooms
    "Spokesperson": "head-of-institution", "Spokesman": "head-of-institution", "Spokeswoman": "head-of-institution",
    "Counsellor": "head-of-institution", "Counselor": "head-of-institution", "Attaché": "head-of-institution",
    "Attache": "head-of-institution", "Undersecretary": "head-of-institution", "Senator": "member", "MP": "member",
    "Parliamentarian": "member", "Lawmaker": "member", "Prosecutor": "head-of-institution", "Judge": "member",
    "Commander": "head-of-institution", "Mufti": "head-of-institution", "Patriarch": "head-of-institution",
    "Archbishop": "head-of-institution", "Provost": "head-of-institution", "Prorector": "head-of-institution",
    "Editor-in-Chief": "head-of-institution", "Commander-in-Chief": "head-of-institution",
}
#: words that come before a head word ("Deputy", "First Deputy", "Executive", "Senior") or after it ("General")
MODIFIERS = ("Deputy", "First", "Vice", "Assistant", "Executive", "Senior", "Chief", "Honorary", "Acting", "Permanent",
             "Special", "Prime", "Under", "Principal", "Managing", "Interim", "Regional", "State", "General", "Presidential",
             "Federal", "National", "Press", "Grand", "Supreme", "Military", "Defense", "Defence", "Economic", "Commercial",
             "Political", "Cultural")
#: heads whose "to/in/at <place>" is the accreditation
_DIPLOMATIC = {"Ambassador", "Consul", "Representative", "Envoy", "Head", "Counsellor", "Counselor", "Attaché", "Attache"}
#: heads whose "of <city>" is what they are of
_CIVIC = {"Mayor", "Governor", "Akim", "Hokim"}

_WORD = "|".join(sorted({*HEADS, *MODIFIERS}, key=len, reverse=True))
_HEAD_WORDS = "|".join(sorted(HEADS, key=len, reverse=True))     # "Commander-in-Chief" before "Commander"
_CORE = re.compile(rf"\b(?:(?:{_WORD})[ \t-]+){{0,4}}(?:{_HEAD_WORDS}|(?<=Secretary[ -])General|(?<=Director[ -])General"
                   rf"|(?<=Consul[ -])General|(?<=Prosecutor[ -])General|(?<=Governor[ -])General)\b", re.IGNORECASE)
_OWN = rf"(?:[A-Z][\w'’-]*|and|,|{MARK})"          # a word a complement keeps ("for South and Central Asian Affairs")
_END = r"(?=\s+(?:of|to|in|at)\s|\s*[,.;(]|\s+(?!and\b)[a-z]|$)"
_KEPT = re.compile(rf"\s+of\s+(?!the\b)[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|,)){{0,6}}?(?:{_END}|(?=\s+{MARK}))"
                   rf"|\s+for\s+(?!the\b)(?:[A-Z][\w'’-]*|{MARK})(?:\s*{_OWN}){{0,6}}?{_END}")
_NEXT = r"(?:[ \t]+|[ \t]*\n(?![ \t]*\n)[ \t]*)"         # the space before a word, not past a paragraph
_HONOR = HONOR
_BEFORE = re.compile(rf"({MARK})\s*,\s*(?:the\s+|who\s+(?:is|serves\s+as|was\s+(?:appointed|elected|named)(?:\s+as)?)\s+(?:the\s+)?"
                     rf"|{TENURE_ADVERB}\s+(?:the\s+)?)?(?:{TENURE_WORD}\s+)?$")
_PREDICATE = re.compile(rf"({MARK})\s+(?:(?:currently|also|now)\s+)?(?:is|was|has\s+been|had\s+been|became|remains"
                        r"|(?:was|has\s+been|is|will\s+be)\s+(?:appointed|elected|re-elected|named)(?:\s+as)?"
                        r"|(?:serves|served|works|worked|has\s+served|will\s+serve|(?:has\s+been|had\s+been|is|was)\s+serving"
                        r"|t(?:ook|akes)\s+(?:up\s+)?office|t(?:ook|akes)\s+over)\s+as|holds\s+the\s+(?:post|position|office)\s+of)"
                        r"\s+(?:the\s+|an?\s+)?(?:new\s+)?$")


#: "First President" is a title of honour; "Adviser to the President": a title that is the object of another
_NOT_A_POST = re.compile(r"First\s+President")
#: "X, formerly <title>", "the outgoing <title>": a post held before
_PAST = re.compile(r"\b(?:former|outgoing|formerly|previously)\s+(?:the\s+)?\Z", re.IGNORECASE)
_OBJECT = re.compile(r"\b(?:to|for|under)\s+(?:the\s+)?\Z")


def _entity(reader: Reader, masked: str, pos: int, words: str, kinds: tuple[str, ...]) -> tuple[str, int] | None:
    """The entity of ``kinds`` right after ``pos`` behind one of ``words`` ("of the X"): (key, end)."""
    m = re.match(rf"\s+(?:{words})\s+(?:the\s+)?({MARK})(?![ \t]+(?!{HONOR_WORD})[A-Z][a-z])", masked[pos:])   # not "of Uzbekistan Airways"
    mention = reader.at(pos + m.start(1)) if m else None
    if mention is None or mention[3] not in kinds:
        return None
    return mention[2], pos + m.end()


def _phrase(reader: Reader, masked: str, core: re.Match[str]) -> dict | None:
    """The whole title at ``core``: its text, role, owner ("of"), accreditation ("to") and extent."""
    text = reader.text
    compound = next((h for h in HEADS if "-" in h and core.group(0).lower().endswith(h.lower())), None)
    words = re.split(r"[ \t-]+", core.group(0)[:len(core.group(0)) - len(compound)] if compound else core.group(0))
    words = [w for w in words if w] + ([compound] if compound else [])    # "Commander-in-Chief" is one word
    head = compound or next((h for w in reversed(words) for h in HEADS if h.lower() == w.lower()), None)
    lower = core.group(0).islower()
    if head is None or (not lower and not all(w[:1].isupper() for w in words)):
        return None
    start, pos = core.start(), core.end()
    if re.match(r"[ \t-]+[A-Z][a-z]", masked[pos:]):
        return None      # "Chief Negotiator": a title longer than the lexicon knows
    kept = _KEPT.match(masked, pos)
    if kept:         # "for Russia and Central Asia": names of places, up to the holder's name
        holder = [m[0] for m in reader.inside(*kept.span()) if m[3] == "Person"]
        cut = re.sub(r"(?:\s+(?:and|,))*\s*$", "", masked[pos:min(holder)]) if holder else kept.group(0)
        pos = pos + len(cut) if re.search(r"(?:of|for)\s+\S", cut) else pos
    title = " ".join(text[start:pos].split())
    if lower:       # "X, deputy director general of UNESCO,": a title in lower case owned by what follows it
        title = " ".join(w.capitalize() for w in title.split())
    kinds = ("State", "Organization", "Demonym", "City") if head in _CIVIC else ("State", "Organization", "Demonym")
    of = _entity(reader, masked, pos, "of", kinds)
    if of:
        pos = of[1]
    to = _entity(reader, masked, pos, "to|in|at", ("State", "Organization", "City")) if head in _DIPLOMATIC else None
    if to:
        pos = to[1]
    owner, pre = (of[0] if of else None), False
    if owner is None:
        before = re.search(rf"({MARK})(?:['’`]s)?\s+(?:{TENURE_WORD}\s+)?$", masked[max(0, start - 200):start])
        mention = reader.at(max(0, start - 200) + before.start(1)) if before else None
        if mention and mention[3] in ("State", "Demonym", "Organization") and not any(
                a <= mention[0] < b for a, b in ((d.start(), d.end()) for d in DATELINE.finditer(text))):
            owner, start, pre = mention[2], mention[0], True     # "X, Azerbaijan's Ombudsman,": the holder is before the owner
    if owner is None and to is None and title.lower() == " ".join(core.group(0).split()).lower():
        return None      # "Ambassador X": a courtesy title
    if lower and of is None and to is None:
        return None
    role = "deputy-secretary-general" if re.match(r"Deputy\s+Secretary[\s-]+General$", title) else (
        "secretary-general" if re.fullmatch(r"Secretary[\s-]+General", title) else HEADS[head])
    if head == "MP":        # "Azerbaijani MP X": the gold's "Member of Parliament"
        title = re.sub(r"\bMP$", "Member of Parliament", title)
    if role == "minister" and title in ("Prime Minister",):
        role = "prime-minister"
    return {"title": title, "role": role, "of": owner, "to": to[0] if to else None, "span": (start, pos), "lower": lower, "pre": pre}


def _holder(reader: Reader, masked: str, start: int, end: int, *, after: bool = True, pre: bool = False) -> str | None:
    """The person the title at [start, end) belongs to: before it in apposition ("X, <title>,"), named
    right after it ("<title> X"), or before it as a predicate ("X was appointed <title>"). A title between
    two persons ("X, Chief Executive of Kazakhstan Temir Zholy"; a name the reader took for a person) is no one's."""
    base = max(0, start - 200)
    lead = masked[base:start]
    named = re.match(rf"{_NEXT}{_HONOR}({MARK})", masked[end:])
    found = reader.at(end + named.start(1)) if named else None
    person_after = found[2] if found and found[3] == "Person" else None
    m = _BEFORE.search(lead)
    found = reader.at(base + m.start(1)) if m else None
    if found and found[3] == "Person" and not (pre and person_after):     # "…, Kyrgyz Deputy Minister X": X's
        listed = listed_holder(reader, masked, start, end) if person_after is None and after else None
        return listed or (found[2] if person_after is None else None)
    if person_after is not None:
        return person_after if after else None
    m = _PREDICATE.search(lead)
    found = reader.at(base + m.start(1)) if m else None
    if found and found[3] == "Person":
        return found[2]
    # "The Director of the Foundation, X, said", "… met the Chief Adviser of UNESCO, X, and …": the name set off by commas
    named = re.match(rf"\s*,{_NEXT}{_HONOR}({MARK})\s*(?:,|\.(?:\s|$)|$)", masked[end:])
    found = reader.at(end + named.start(1)) if named and after else None
    return found[2] if found and found[3] == "Person" else None


_NAME_CHUNK = re.compile(rf"\s*(?:and\s+)?{_HONOR}({MARK})\s*")
_ENDS_NAMED = re.compile(rf"({MARK})\s*$")
_CLAUSE = re.compile(r"(?<!\b[A-Z])(?<!Mr)(?<!Ms)(?<!Mrs)(?<!Dr)(?<!Prof)[.!?:;]\s|\n\s*\n")


def _is_person(reader: Reader, pos: int) -> bool:
    mention = reader.at(pos)
    return mention is not None and mention[3] == "Person"


def listed_holder(reader: Reader, masked: str, start: int, end: int) -> str | None:
    """"Speeches were made by the Director of A, X, President of B, Y, and …": in a sentence that lists
    pairs "<title>, <name>" from its start, the title at [start, end) is the name's set off by commas after
    it (None when the sentence before it does not alternate title, name, title, name …)."""
    named = re.match(rf"\s*,{_NEXT}{_HONOR}({MARK})\s*(?:,|\.(?:\s|$)|$|\s+and\b)", masked[end:])
    if named is None or not _is_person(reader, end + named.start(1)):
        return None
    stops = list(_CLAUSE.finditer(masked, max(0, start - 600), start))
    at = stops[-1].end() if stops else max(0, start - 600)
    chunks = masked[at:start].split(",")[:-1]
    if not chunks or len(chunks) % 2:
        return None
    for i, chunk in enumerate(chunks):
        name = _NAME_CHUNK.fullmatch(chunk)
        last = _ENDS_NAMED.search(chunk)
        if i % 2 and not (name and _is_person(reader, at + name.start(1))):
            return None         # a name where a name is due
        if not i % 2 and last and _is_person(reader, at + last.start(1)):
            return None         # a title where a title is due ("Ambassador X" is a name with its honour)
        at += len(chunk) + 1
    return reader.at(end + named.start(1))[2]  # type: ignore[index]


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:\([^()]{0,40}\)\s+)?(?:(?:previously|formerly|also|currently|now|earlier|later)\s+)?"
                      r"(?:\([^()]{0,40}\)\s+)?(serves|served|works|worked|has\s+served|had\s+served|has\s+worked|had\s+worked"
                      r"|(?:was|has\s+been|had\s+been|is)\s+(?:appointed|elected|named)|became|becomes)\s+(?:as\s+)?(?:the\s+|an?\s+)?$")


def pronoun_holder(reader: Reader, masked: str, start: int) -> tuple[str, bool] | None:
    """"X presented his credentials to Y. Previously he served as <title>": the first person named in the
    sentence of the pronoun or the one before it (its subject) holds the title (person key, a past post)."""
    lead = masked[max(0, start - 200):start]
    m = _PRONOUN.search(lead)
    if m is None:
        return None
    at = start - len(lead) + m.start()
    ends = [e.end() for e in re.finditer(r"[.!?]\s|\n", masked[max(0, at - 600):at])]
    since = max(0, at - 600) + (ends[-2] if len(ends) >= 2 else 0)
    people = sorted(mm for mm in reader.inside(since, at) if mm[3] == "Person")
    if not people:
        return None
    return people[0][2], bool(re.match(r"serve|work|ha[sd]", m.group(1))) and "appointed" not in m.group(1)


def recall_posts(reader: Reader) -> None:
    """Posts of persons who hold none yet, from titles recognised by their head words."""
    masked, out = reader.masked_text, reader.out
    have = {p.person for p in out.posts}
    for core in _CORE.finditer(masked):
        if not reader.free(core.start(), core.end()) or _NOT_A_POST.fullmatch(core.group(0)):
            continue
        if _OBJECT.search(masked, max(0, core.start() - 20), core.start()):
            continue        # "Adviser to the President of A X": X is the adviser, not the President
        rec = _phrase(reader, masked, core)
        if rec is None:
            continue
        person = _holder(reader, masked, rec["span"][0], rec["span"][1], after=not rec["lower"], pre=rec["pre"])
        past = person is not None and bool(_PAST.search(masked, max(0, rec["span"][0] - 16), rec["span"][0]))
        if person is None and (pronoun := pronoun_holder(reader, masked, rec["span"][0])) is not None:
            person, past = pronoun
        if person is None or person in have:
            continue
        if any(p.person == person and p.title == rec["title"] for p in out.posts):
            continue
        out.posts.append(Post(person=person, role=rec["role"], title=rec["title"], of=rec["of"], to=rec["to"],
                              span=rec["span"], confidence=0.6, past=past))


def owner_from_repeat(reader: Reader) -> None:
    """"Ruslan Kazakbaev meets U.S. Assistant Secretary of State … met with the Assistant Secretary of State
    Donald Lu": a post of no state written takes the state written before the same title elsewhere in the
    text, when that title there is no one else's."""
    masked, out = reader.masked_text, reader.out
    for post in out.posts:
        if post.of is not None or post.to is not None:
            continue
        words = r"[\s-]+".join(re.escape(w) for w in reader.text[post.span[0]:post.span[1]].split())
        states = set()
        for m in re.finditer(rf"({MARK})\.?(?:['’`]s)?\s+{words}\b", masked):
            mention = reader.at(m.start(1))
            after = re.match(rf"{_NEXT}{_HONOR}({MARK})", masked[m.end():])
            other = reader.at(m.end() + after.start(1)) if after else None
            accredited = mention is not None and any(p.to == mention[2] and p.span[1] == mention[1] for p in out.posts)
            if mention and mention[3] in ("State", "Demonym") and not accredited and not (
                    other and other[3] == "Person" and other[2] != post.person):
                states.add(mention[2])
        if len(states) == 1:
            post.of = states.pop()
