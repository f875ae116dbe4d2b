"""Finding entities by any of their names, in any script and spelling.

Names are compared after transliteration to ASCII (anyascii: "Кыргызстан" → "Kyrgyzstan",
"Ömüraliyev" → "Omuraliyev") and case folding; near spellings are scored with rapidfuzz.
The same index serves ``tkg query``'s look-ups, the views and the ingest's entity linking.

:func:`resolve_name` is the one rule for turning what a user typed into an entity: an IRI
(``<…>``, ``https://…``) or a prefixed name (``state:KGZ``) must name an entity of the graph,
else :class:`~graph.errors.EntityNotFound` (exit 2), never a look-alike; only free text is matched
by name, fuzzily, and the :class:`Resolved` says what it matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz, process

from .errors import EntityNotFound, InputError
from .namespaces import local_name, sparql_prefixes
from .store import Engine

__all__ = ["normalize", "NameIndex", "Match", "preferred_labels", "Resolved", "is_identifier", "resolve_name"]


def normalize(text: str) -> str:
    """A name folded for comparison: ASCII, lower case, punctuation as spaces.

    >>> normalize("Ömüraliyev")
    'omuraliyev'
    >>> normalize("Кыргызстан")
    'kyrgyzstan'
    >>> normalize("  Türkiye's ")
    'turkiyes'
    """
    text = anyascii(text).casefold().replace("'", "").replace("`", "")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@dataclass(frozen=True)
class Match:
    iri: str
    label: str
    matched: str
    score: float
    types: tuple[str, ...]


_LABELS_QUERY = sparql_prefixes() + """
SELECT ?s ?name ?kind ?pref ?type WHERE {
  { ?s skos:prefLabel ?name . BIND("pref" AS ?kind) }
  UNION { ?s skos:altLabel ?name . BIND("alt" AS ?kind) }
  UNION { ?s skos:hiddenLabel ?name . BIND("hidden" AS ?kind) }
  OPTIONAL { ?s skos:prefLabel ?pref . FILTER(langMatches(lang(?pref), "en")) }
  OPTIONAL { ?s a ?type . FILTER(STRSTARTS(STR(?type), STR(tkg:))) }
}"""


class NameIndex:
    """Every name of every entity, folded, for exact and fuzzy look-up."""

    def __init__(self, entries: list[tuple[str, str, str, tuple[str, ...]]]):
        # entries: (iri, name, english preferred label, types)
        self._by_key: dict[str, set[str]] = {}
        self._labels: dict[str, str] = {}
        self._types: dict[str, set[str]] = {}
        self._names: list[tuple[str, str]] = []  # (folded name, iri)
        for iri, name, pref, types in entries:
            key = normalize(name)
            if not key:
                continue
            self._by_key.setdefault(key, set()).add(iri)
            self._labels.setdefault(iri, pref or name)
            self._types.setdefault(iri, set()).update(types)
            self._names.append((key, iri))
        self._choices = [k for k, _ in self._names]

    @classmethod
    def from_engine(cls, engine: Engine) -> NameIndex:
        result = engine.query(_LABELS_QUERY)
        grouped: dict[tuple[str, str], tuple[str, set[str]]] = {}
        for s, name, _kind, pref, typ in result.rows:
            if s is None or name is None:
                continue
            key = (s.value, name.value)
            entry = grouped.setdefault(key, (pref.value if pref is not None else "", set()))
            if typ is not None:
                entry[1].add(local_name(typ.value))
        return cls([(iri, name, pref, tuple(sorted(types))) for (iri, name), (pref, types) in grouped.items()])

    def label(self, iri: str) -> str:
        return self._labels.get(iri, iri)

    def types(self, iri: str) -> tuple[str, ...]:
        return tuple(sorted(self._types.get(iri, ())))

    def find(self, name: str, *, limit: int = 10, cutoff: float = 85.0,
             types: set[str] | None = None) -> list[Match]:
        """Entities whose names match ``name``: exact folded matches first (score 100), then
        fuzzy ones scoring at least ``cutoff`` (0-100)."""
        key = normalize(name)
        best: dict[str, Match] = {}

        def keep(iri: str, matched: str, score: float) -> None:
            if types and not (self._types.get(iri, set()) & types):
                return
            if iri not in best or best[iri].score < score:
                best[iri] = Match(iri, self.label(iri), matched, round(score, 1), self.types(iri))

        for iri in self._by_key.get(key, ()):
            keep(iri, key, 100.0)
        if key and len(best) < limit:
            hits = process.extract(key, self._choices, scorer=fuzz.WRatio, score_cutoff=cutoff,
                                   limit=limit * 4)
            for matched, score, idx in hits:
                keep(self._names[idx][1], matched, min(float(score), 99.0))
        return sorted(best.values(), key=lambda m: (-m.score, m.label))[:limit]


_IRI_FORM = re.compile(r"<[^<>]*>|[A-Za-z][A-Za-z0-9+.-]*://\S*")
_PREFIXED_FORM = re.compile(r"[A-Za-z][\w.-]*:[^\s:]*")
_BAD_IRI_CHARS = set('<>"{}|^`\\ ')


def is_identifier(name: str) -> bool:
    """Whether ``name`` is written as an IRI or a prefixed name (not free text).

    >>> [is_identifier(x) for x in ("state:KGZ", "<https://x.org/a>", "https://x.org/a", "Kyrgyz Republic")]
    [True, True, True, False]
    """
    name = name.strip()
    return bool(_IRI_FORM.fullmatch(name) or _PREFIXED_FORM.fullmatch(name))


@dataclass(frozen=True)
class Resolved:
    """What a name resolved to; ``score`` is None for an IRI or prefixed name, else the name match's."""

    name: str
    iri: str
    label: str
    score: float | None = None

    def note(self) -> str | None:
        """One line saying what an inexact match matched, for stderr (None when the match is exact)."""
        if self.score is None or self.score >= 100.0:
            return None
        return f'matched "{self.name}" to {self.label} <{self.iri}> (score {self.score:g})'


def resolve_name(name: str, *, exists: Callable[[str], bool], index: Callable[[], NameIndex]) -> Resolved:
    """The entity ``name`` stands for, by the rule of this module.

    ``exists(iri)`` says whether the graph holds an entity; ``index()`` gives the name index (built
    only for free text). Raises :class:`~graph.errors.EntityNotFound` when nothing in the graph has
    that identifier or name, :class:`~graph.errors.InputError` for an unknown prefix, a malformed
    IRI, or a name that several entities have exactly.
    """
    from .library import expand_name

    given = name.strip()
    if is_identifier(given):
        iri = expand_name(given)
        if _BAD_IRI_CHARS & set(iri):
            raise InputError(f"not a valid IRI: {iri!r}")
        if not exists(iri):
            shown = f"<{iri}>" if given.startswith("<") or given == iri else f"{given} <{iri}>"
            raise EntityNotFound(f"no entity {shown} in the graph")
        return Resolved(given, iri, iri)
    idx = index()
    matches = [m for m in idx.find(given, limit=10) if exists(m.iri)]
    if not matches:
        raise EntityNotFound(f"no entity named {name!r} in the graph")
    exact = [m for m in matches if m.score == 100.0]
    if len({m.iri for m in exact}) > 1:
        listed = "; ".join(f"{m.label} <{m.iri}>" for m in exact[:5])
        raise InputError(f"{name!r} names several entities: {listed}; give the IRI")
    best = matches[0]
    return Resolved(given, best.iri, best.label, best.score)


def preferred_labels(engine: Engine, langs: list[str]) -> dict[str, str]:
    """The best label of every entity for a language preference chain (``["ky", "ru", "en"]``):
    in each language the preferred label, else an alternative one; then English; then any label."""
    chain = [lang.lower() for lang in langs if lang.strip()] + ["en"]
    rows = engine.query(sparql_prefixes() + """
        SELECT ?s ?l ?alt WHERE { { ?s skos:prefLabel ?l BIND(0 AS ?alt) } UNION { ?s skos:altLabel ?l BIND(1 AS ?alt) } }""").rows
    best: dict[str, tuple[int, int, str]] = {}
    for s, label, alt in rows:
        if s is None or label is None:
            continue
        lang = (label.language or "").lower()
        rank = next((i for i, want in enumerate(chain) if lang == want or lang.startswith(want + "-")), len(chain))
        key = (rank, int(alt.value) if alt is not None else 0, label.value)
        if s.value not in best or key < best[s.value]:
            best[s.value] = key
    return {iri: label for iri, (_, _, label) in best.items()}
