"""Posts: a role title with the person who holds it ("Ambassador of A to B X", "X, Ambassador of A"),
coordinated titles of one person ("Ambassador of A to B and Permanent Representative to C"), past
posts ("X previously served as …")."""

from __future__ import annotations

import re

from ..facts import Post
from ..text import MARK, Reader
from .lexicon import HONOR, TENURE_ADVERB, TENURE_WORD
from .persons import titles as find_titles
from .post_recall import listed_holder, owner_from_repeat, pronoun_holder, recall_posts
from .post_succession import succession_posts

__all__ = ["posts"]


def _owner_ok(reader: Reader, rec: dict) -> bool:
    """Whether what a title is "of" suits its role (an ambassador is a state's, a mayor a city's)."""
    of_kind = reader.out.entities[rec["of"]].kind if rec["of"] else None
    role = rec["role"]
    if rec["title"].split()[-1] in ("Governor", "Mayor", "Akim", "Hokim"):
        return of_kind in ("City", "State")
    if role in ("ambassador", "permanent-representative", "consul-general", "prime-minister",
                "minister-of-foreign-affairs", "deputy-minister-of-foreign-affairs", "minister"):
        return of_kind == "State" or (role == "minister" and of_kind is not None)
    return of_kind in ("State", "Organization")


_HONOR = HONOR       # "H.E. Mr.", "Prof. Dr."
_SERVES = (r"(?:['’]s\s+(?:appointment|election)\s+as|\s+(?:\w+\s+)?(?:(?:serves|served|works|worked|acts|acted|has\s+served|had\s+served|will\s+serve"
           # "X has been serving as", "X took office as", "X holds the post of"
           r"|(?:has\s+been|had\s+been|is|was)\s+serving|t(?:ook|akes)\s+(?:up\s+)?office|t(?:ook|akes)\s+over)\s+(?:\w+\s+)?as"
           r"|holds\s+the\s+(?:post|position|office)\s+of"
           r"|(?:was|has\s+been|is|will\s+be)\s+(?:appointed|elected|re-elected|named)(?:\s+as)?|appointed\s+[\U000F0000-\U0010FFFD]\uf8ff*\s+as"
           # "X was awarded the status of honorary president of …"
           r"|(?:was|has\s+been|is|will\s+be)\s+(?:awarded|granted|given)\s+(?:the\s+|a\s+)?(?:status|title)\s+of"
           r"|is|was|remains|became|has\s+been|had\s+been"
           # "congratulated X on his appointment to the post of …", "X's appointment as …"
           r"|on\s+(?:his|her)\s+(?:appointment|election)\s+(?:to\s+the\s+post\s+of|as)))\s+(?:also\s+|now\s+|currently\s+)?(?:the\s+|an?\s+)?(?:new\s+)?$")


_DESCRIPTOR = r"(?i:diplomat|politician|statesman|scholar|scientist|economist|lawyer|journalist|writer|poet|businessman|entrepreneur)"


_AIDE = re.compile(r"\b(?:Assistant|Adviser|Advisor|Aide|Envoy|Spokes(?:person|man|woman)|Counsell?or|Press\s+Secretary|"
                   r"Representative|Special\s+Representative)\s+(?:to|of)\s+(?:the\s+)?$", re.I)


def _person_at(reader: Reader, pos: int) -> str | None:
    mention = reader.at(pos)
    return mention[2] if mention and mention[3] == "Person" else None


def posts(reader: Reader) -> None:
    """Every post the text states, in text order, with its holder."""
    masked = reader.masked_text
    for chain in _chains(reader, find_titles(reader)):
        s, e = chain[0]["span"][0], chain[-1]["span"][1]
        person, confidence, past = _holder(reader, masked, s, e)
        if person is None or _AIDE.search(masked[max(0, s - 40):s]):
            continue        # "Assistant to the President of Azerbaijan X": not the President
        if re.search(r"\b(?:former|ex|outgoing|late|formerly|previously)\s*-?\s*(?:the\s+)?$", masked[max(0, s - 16):s], re.I) or re.search(
                r"\b(?:former|outgoing)\s+$", masked[s:chain[0]["title_span"][0]]):     # "Kazakhstan's former Ambassador"
            past = True
        if chain[0]["role"] == "president" and re.search(r"\b(?:the\s+)?First\s+$", masked[max(0, s - 12):s]):
            continue        # "First President of Kazakhstan X": a title of honour, not the presidency
        for rec in chain:
            _add_post(reader, rec, person, confidence, past)
        plural = re.search(r"(?:Secretaries|Ministers|Ambassadors|Representatives)\b", masked[chain[0]["title_span"][0]:chain[0]["title_span"][1]])
        second = re.match(rf"\s*{_HONOR}{MARK}\s+and\s+{_HONOR}({MARK})", masked[e:]) if plural else None
        other = _person_at(reader, e + second.start(1)) if second else None
        if other:                        # "Deputy Secretaries General X and Y": both hold the title
            for rec in chain:
                _add_post(reader, rec, other, confidence, past)
    listed_posts(reader)
    parenthesized_posts(reader)
    respective_posts(reader)
    counterpart_posts(reader)
    recall_posts(reader)
    owner_from_repeat(reader)
    _drop_unowned_repeats(reader)
    demonym_reference_posts(reader)
    succession_posts(reader)


# "the Azerbaijani minister said", "The top Turkish diplomat": a reference back to a state-less title
_DEMONYM_REF = re.compile(rf"\b[Tt]he\s+(?:top\s+({MARK})\s+(diplomat)|({MARK})\s+(top\s+diplomat|foreign\s+minister|minister))\b(?!\s*,?\s*{MARK})")
_REF_ROLES = {"top diplomat": ("minister-of-foreign-affairs",), "foreign minister": ("minister-of-foreign-affairs",),
              "minister": ("minister", "minister-of-foreign-affairs")}


def demonym_reference_posts(reader: Reader) -> None:
    """"Shahin Mustafayev, Minister of Economy, … the Azerbaijani minister said": the one state-less
    minister's post named before the reference is that state's."""
    out = reader.out
    for m in _DEMONYM_REF.finditer(reader.masked_text):
        g = 1 if m.group(1) else 3
        state = reader.at(m.start(g))
        if not state or state[3] != "Demonym" or out.entities[state[2]].kind != "State":
            continue
        roles = _REF_ROLES["top diplomat" if g == 1 else " ".join(m.group(4).split())]
        cands = [p for p in out.posts if p.of is None and p.to is None and not p.past and p.role in roles and p.span[0] < m.start()]
        if len({p.person for p in cands}) != 1 or any(p.person != cands[0].person and p.role in roles and p.of == state[2]
                                                      and p.span[0] < m.start() and p.span[0] > cands[0].span[0]
                                                      for p in out.posts):
            continue
        for p in cands:
            p.of = state[2]
            p.confidence = 0.7


# "his Uzbek counterpart Y", "Uzbekistan's counterpart, Y" (state, person); "Y, his Kyrgyz counterpart" (person, state)
_COUNTERPART = re.compile(rf"({MARK})(?:['’`]s)?\s+counterpart\s*,?\s+({MARK})"
                          rf"|({MARK})\s*,\s+(?:his|her|their)\s+(?:(?:new|newly\s+appointed)\s+)?({MARK})\s+counterpart\b")
_ROLE_TITLES = {"minister-of-foreign-affairs": "Minister of Foreign Affairs",
                "deputy-minister-of-foreign-affairs": "Deputy Minister of Foreign Affairs"}


def counterpart_posts(reader: Reader) -> None:
    """"A's Foreign Minister X met his Uzbek counterpart Y", "X held talks with Y, his Kyrgyz counterpart":
    Y holds X's title (a foreign minister's as such, without X's other portfolios), of that state."""
    masked, out = reader.masked_text, reader.out
    for m in _COUNTERPART.finditer(masked):
        g_state, g_person = (1, 2) if m.group(1) else (4, 3)
        state, person = reader.at(m.start(g_state)), reader.at(m.start(g_person))
        if not (state and person and state[3] in ("State", "Demonym") and person[3] == "Person"):
            continue
        lead = masked[max(0, m.start() - 300):m.start()]
        lead = lead[max(lead.rfind(". "), lead.rfind("\n")) + 1:]
        base = m.start() - len(lead)
        holders = [reader.at(base + x.start()) for x in re.finditer(MARK, lead)]
        titled = [p for h in reversed(holders) if h and h[3] == "Person" and h[2] != person[2]
                  for p in out.posts if p.person == h[2] and not p.past and (p.of is not None or p.role in _ROLE_TITLES)]
        if not titled or titled[0].of == state[2] or titled[0].role in ("ambassador", "permanent-representative", "consul-general"):
            continue
        model = titled[0]
        if any(p.person == person[2] and p.role == model.role for p in out.posts):
            continue
        out.posts.append(Post(person=person[2], role=model.role, title=_ROLE_TITLES.get(model.role, model.title), of=state[2],
                              to=None, span=(m.start(), m.end()), confidence=0.7, topic=model.topic))


def _drop_unowned_repeats(reader: Reader) -> None:
    """A title without its state ("Deputy Minister of Foreign Affairs X, in turn, …") repeats the same
    person's title that has one earlier or later in the text: the state-less copy is dropped."""
    owned = {(p.person, p.title) for p in reader.out.posts if p.of is not None}
    reader.out.posts = [p for p in reader.out.posts
                        if p.of is not None or p.to is not None or (p.person, p.title) not in owned]


_LISTED_ROLES = {"foreign ministers": ("minister-of-foreign-affairs", "Minister of Foreign Affairs"),
                 "ministers of foreign affairs": ("minister-of-foreign-affairs", "Minister of Foreign Affairs"),
                 "deputy foreign ministers": ("deputy-minister-of-foreign-affairs", "Deputy Minister of Foreign Affairs"),
                 "ambassadors": ("ambassador", "Ambassador"), "presidents": ("president", "President"),
                 "prime ministers": ("prime-minister", "Prime Minister")}
_PAIR = rf"(?:the\s+)?({MARK})\s*(?:[–—-]\s*)?({MARK})"
_LISTED = re.compile(rf"\b(deputy\s+foreign\s+ministers|foreign\s+ministers|ministers\s+of\s+foreign\s+affairs|presidents|prime\s+ministers"
                     rf"|(?-i:Ambassadors)(?=\s+Extraordinary|[^.;:–—]{{0,80}}\s[–—:-]\s))"
                     rf"(?:\s+of|\s+Extraordinary\s+and\s+Plenipotentiary\s+of\s+[^.;:–—]{{0,60}}?\s[–—:-])\s+"
                     rf"({_PAIR}(?:\s*(?:,\s*and|,|and|,\s*as\s+well\s+as)\s*{_PAIR})*)", re.I)


_RESPECTIVELY = re.compile(rf"\b(deputy\s+foreign\s+ministers|foreign\s+ministers|ministers\s+of\s+foreign\s+affairs)\s+of\s+(?:the\s+)?"
                          rf"({MARK})\s+and\s+(?:the\s+)?({MARK}),?\s+({MARK})\s+and\s+({MARK})", re.I)


def respective_posts(reader: Reader) -> None:
    """"Foreign Ministers of A and B, X and Y": X of A, Y of B."""
    for m in _RESPECTIVELY.finditer(reader.masked_text):
        role, title = _LISTED_ROLES[" ".join(m.group(1).lower().split())]
        found = [reader.at(m.start(g)) for g in (2, 3, 4, 5)]
        if not all(found) or [f[3] for f in found] != ["State", "State", "Person", "Person"]:  # type: ignore[index]
            continue
        for state, person in ((found[0], found[2]), (found[1], found[3])):
            post = Post(person=person[2], role=role, title=title, of=state[2], to=None,  # type: ignore[index]
                        span=(m.start(), m.end()), confidence=0.75)
            if not any(p.person == post.person and p.role == role for p in reader.out.posts):
                reader.out.posts.append(post)


_PLURAL_TITLE = re.compile(r"\b(deputy\s+foreign\s+ministers|foreign\s+ministers|ministers\s+of\s+foreign\s+affairs|presidents|prime\s+ministers|"
                           r"(?-i:Ambassadors)|ambassadors(?=\s+of\s+(?:the\s+)?(?:\S+\s+)?(?:member|participating)))\b", re.I)
_PERSON_STATE = re.compile(rf"({MARK})\s*\(\s*(?:the\s+)?({MARK})\s*\)")


def parenthesized_posts(reader: Reader) -> None:
    """"foreign ministers Jeyhun Bayramov (Azerbaijan), Murat Nurtleu (Kazakhstan) and …": after a plural
    title, each person followed by a state in brackets holds the title of that state (to the end of the sentence)."""
    masked = reader.masked_text
    for m in _PLURAL_TITLE.finditer(masked):
        role, title = _LISTED_ROLES[" ".join(m.group(1).lower().split())]
        end = re.search(r"[.;]\s|\n|$", masked[m.end():])
        for pair in _PERSON_STATE.finditer(masked, m.end(), m.end() + (end.start() if end else 0)):
            person, state = reader.at(pair.start(1)), reader.at(pair.start(2))
            if not (person and state and person[3] == "Person" and state[3] == "State"):
                continue
            post = Post(person=person[2], role=role, title=title, of=state[2], to=None, span=pair.span(),
                        confidence=0.6 if role == "ambassador" else 0.75)    # an ambassador's "to" is not written
            if not any(p.person == post.person and p.role == role for p in reader.out.posts):
                reader.out.posts.append(post)


def listed_posts(reader: Reader) -> None:
    """Posts stated as a list of pairs: "foreign ministers of Azerbaijan – Elmar Mammadyarov, Kyrgyzstan – …",
    "Foreign Ministers of Kazakhstan Mukhtar Tleuberdi, Tajikistan Sirodjiddin Mukhriddin"."""
    for m in _LISTED.finditer(reader.masked_text):
        role, title = _LISTED_ROLES[" ".join(m.group(1).lower().split())]
        for pair in re.finditer(_PAIR, m.group(2)):
            state = reader.at(m.start(2) + pair.start(1))
            person = reader.at(m.start(2) + pair.start(2))
            if not (state and person and state[3] == "State" and person[3] == "Person"):
                continue
            span = (m.start(2) + pair.start(), m.start(2) + pair.end())
            post = Post(person=person[2], role=role, title=title, of=state[2], to=None, span=span, confidence=0.8)
            if not any(p.person == post.person and p.role == role and p.of == post.of for p in reader.out.posts):
                reader.out.posts.append(post)


def _first_has_holder(reader: Reader, rec: dict) -> bool:
    """Whether the first of two coordinated titles has a holder of its own ("X, Ambassador of A, and
    Minister Y"), or stands at the head of a sentence or clause, so that a name after the second title
    is the second title's alone ("the President of A and Prime Minister Y" after a verb keeps its own)."""
    first = rec.get("coordinated") or rec
    while first.get("coordinated") is not None:
        first = first["coordinated"]
    s = first["span"][0]
    if _holder(reader, reader.masked_text, s, rec["span"][1])[0] is not None:
        return True
    lead = reader.masked_text[max(0, s - 60):s]
    opens = (s <= 60 and re.fullmatch(r"\s*(?:[Tt]he\s+)?", lead)) or re.search(r"(?:[.!?]\s+|\n|,\s+)(?:[Tt]he\s+)?$", lead)
    return not opens


def _chains(reader: Reader, titles: list[dict]) -> list[list[dict]]:
    """Titles grouped into chains of coordinated titles of one person.

    "<title …> and <title …>" is one person's, and shares "of" when missing — unless the second
    title is directly followed by a name and the first has a holder of its own or follows a verb (then
    the second is that name's title)."""
    masked = reader.masked_text
    for a, b in zip(titles, titles[1:]):
        between = masked[a["span"][1]:b["title_span"][0]]
        dash = re.fullmatch(r"\s*[–—-]\s*", between) is not None     # "Deputy Prime Minister – Minister of Trade"
        if not dash and not re.fullmatch(r"\s*(?:,\s*)?and\s+(?:the\s+|also\s+|concurrently\s+)?", between):
            continue
        nxt = re.match(rf"\s*({MARK})", masked[b["span"][1]:b["span"][1] + 40])
        if not dash and nxt and _person_at(reader, b["span"][1] + nxt.start(1)) and _first_has_holder(reader, a):
            continue
        b["coordinated"] = a
        if b["of"] is None and b["pre"] is None:
            b["of"] = a["of"]
    chains: list[list[dict]] = []
    for rec in titles:
        if rec.get("coordinated") is not None:
            chains[-1].append(rec)
        else:
            chains.append([rec])
    return chains


_ASSUMED = re.compile(r"\b(?:and\s+)?(?:officially\s+|formally\s+)?(?:assumed|assumes|took\s+up|takes\s+up)\s+"
                      r"(?:the\s+)?(?:position|post|office|duties)\s+(?:of|as)\s+(?:the\s+)?$")


def _assumed_subject(reader: Reader, masked: str, off: int, s: int) -> str | None:
    """"X, …, presented his credentials and officially assumed the position of <title>": the subject
    of the sentence holds the title."""
    lead = masked[off:s]
    if not _ASSUMED.search(lead):
        return None
    ends = [m.end() for m in re.finditer(r"(?<![A-Z])(?<!Mr)(?<!Ms)(?<!Mrs)(?<!Dr)(?<!Prof)\.\s|\n", lead)]   # not "H.E. Mr. "
    lead_at = off + (ends[-1] if ends else 0)
    subject = re.match(rf"\s*(?:On\s[^,]{{2,40}},\s+)?{_HONOR}(?:{_HONOR})?({MARK})", masked[lead_at:s])
    return _person_at(reader, lead_at + subject.start(1)) if subject else None


def _holder(reader: Reader, masked: str, s: int, e: int) -> tuple[str | None, float, bool]:
    """Who holds the titles at [s, e): (person key, confidence, a past post)."""
    person, confidence, past = None, 0.9, False
    after = re.match(rf"\s*(,)?\s*(?:(?:the\s+)?{MARK}\s+{_DESCRIPTOR}\s+)?{_HONOR}({MARK})", masked[e:])   # "…, Kazakh diplomat X"
    off = max(0, s - 300)
    before = re.search(rf"({MARK})\s*(?:,|\(|–|-)\s*(?:the\s+|who\s+is\s+(?:the\s+)?|who\s+(?:was|has\s+been)\s+(?:appointed|elected|named)\s+(?:as\s+)?(?:the\s+)?"
                       rf"|as\s+(?:the\s+)?|{TENURE_ADVERB}\s+(?:the\s+)?)?(?:{TENURE_WORD}\s+)?$", masked[off:s])
    serves = re.search(rf"({MARK}){_SERVES}", masked[off:s])
    cand_after = _person_at(reader, e + after.start(2)) if after else None
    cand_before = _person_at(reader, off + before.start(1)) if before else None
    person = _assumed_subject(reader, masked, off, s)     # before all else
    if person is not None:
        confidence = 0.8
    elif cand_after and not after.group(1):
        person = cand_after
    elif serves and _person_at(reader, off + serves.start(1)):
        person, confidence = _person_at(reader, off + serves.start(1)), 0.85
        past = bool(re.search(r"\b(?:served|was|worked|acted|had\s+served|previously|formerly)\b", serves.group(0))) and not re.search(
            r"appointed|elected|named|awarded|granted|given", serves.group(0))
    elif cand_before:
        listed = listed_holder(reader, masked, s, e) if after and after.group(1) else None
        person, confidence = (listed, 0.8) if listed else (cand_before, 0.85)
    elif cand_after:
        person, confidence = cand_after, 0.8
    if person is None:       # "The previous Ambassador of A to B (since 2017) was X"
        was = re.match(rf"\s*(?:\([^)]{{0,40}}\)\s*)?\s+(?:was|is|has\s+been)\s+{_HONOR}({MARK})(?=\s*[.;]|$)", masked[e:])
        if was and _person_at(reader, e + was.start(1)) and re.search(r"\b[Tt]he\s+(?:\w+\s+){0,2}$", masked[max(0, s - 30):s]):
            person, confidence = _person_at(reader, e + was.start(1)), 0.8
            past = bool(re.search(r"\b(?:previous|former|outgoing)\s+(?:\w+\s+)?$", masked[max(0, s - 30):s], re.I))
    if person is None and (pronoun := pronoun_holder(reader, masked, s)) is not None:
        (person, past), confidence = pronoun, 0.7      # "Previously he served as <title>"
    return person, confidence, past


def _add_post(reader: Reader, rec: dict, person: str, confidence: float, past: bool) -> None:
    """One title of a chain as a post of ``person``, unless it is a courtesy title or a duplicate."""
    courtesy = rec["of"] is None and rec["to"] is None and rec["pre"] is None
    portfolio = rec["role"] in ("deputy-minister-of-foreign-affairs", "minister-of-foreign-affairs") or (
        rec["role"] == "minister" and " of " in rec["title"]) or rec["role"] in ("secretary-general", "deputy-secretary-general")
    if courtesy and not portfolio:
        return
    if rec["of"] is not None and not _owner_ok(reader, rec):
        return
    if rec["role"] in ("ambassador", "permanent-representative", "consul-general") and rec["of"] is None and (
            rec["to"] is None or rec["role"] == "ambassador"):
        return      # "X, Consul General in Istanbul" is a post (of no state written); "Ambassador X" is not
    conf = confidence
    if rec["role"] == "ambassador" and rec["to"] is None:
        conf -= 0.15
    if rec["of"] is None:
        conf = 0.6
    post = Post(person=person, role=rec["role"], title=rec["title"], of=rec["of"], to=rec["to"],
                span=rec["span"], confidence=round(conf, 2), topic=rec["topic"], past=past)
    if not any(p.person == post.person and p.role == post.role and p.title == post.title and p.of == post.of
               and p.to == post.to for p in reader.out.posts):
        reader.out.posts.append(post)
