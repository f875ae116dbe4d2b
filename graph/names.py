"""Finding entities by any of their names, in any script and spelling.

Names are compared after transliteration to ASCII (anyascii: "Кыргызстан" → "Kyrgyzstan",
"Ömüraliyev" → "Omuraliyev") and case folding; near spellings are scored with rapidfuzz.
The same index serves ``tkg query``'s look-ups, the views and the ingest's entity linking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz, process

from .namespaces import local_name, sparql_prefixes
from .store import Engine

__all__ = ["normalize", "NameIndex", "Match", "preferred_labels"]


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
