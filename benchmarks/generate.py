"""A deterministic synthetic graph in the ontology's shape, for benchmarks.

States, cities and venues, international organizations, missions with posts and tenures,
memberships (member / observer / chair, some decided at summits), events with sub-events and
participations, trade observations, labels in several languages and scripts; one named graph per
synthetic source, each with its source description (as the curated data). Entities are described
in the graph of the source that introduces them, and later sources repeat the English label of
what they mention, as curated files do. The same seed and size give the same bytes.

    python benchmarks/generate.py --triples 100000 -o /tmp/synth-100k.trig
    python benchmarks/generate.py --triples 10000000 --data-dir /tmp/synth-10M/data   # files of ≤ 48 MiB

The output passes the SHACL shapes (``benchmarks/bench_query.py`` checks the 10k one with
``graph.build.check`` on a temporary project).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from graph.namespaces import TRIG_PREFIX_BLOCK

PREFIXES = TRIG_PREFIX_BLOCK

#: Real codes first (the library's default parameters name some), then synthetic ones.
REAL_STATES = ["TUR", "AZE", "KAZ", "KGZ", "UZB", "TKM", "HUN", "NCY", "AUT", "RUS", "DEU", "CHN", "USA",
               "GBR", "FRA", "ITA", "IRN", "PAK", "UKR", "GEO", "MNG", "KOR", "JPN", "IND"]
REAL_ORGS = ["ots", "osce", "unov", "turksoy", "turkpa", "turkic-academy", "cica", "eco", "un", "sco"]
#: The library's default parameters name these; the first synthetic persons, event and venue get them.
REAL_PERSONS = ["kubanychbek-omuraliev", "levent-eler", "nurjan-shaildabekova"]
CITIES = ["vienna", "ankara", "istanbul", "baku", "astana", "bishkek", "tashkent", "ashgabat", "budapest",
          "almaty", "shusha", "samarkand", "kazan", "berlin", "geneva", "new-york"]

# Syllables in Latin and matching Cyrillic, for names in several scripts.
LATIN = ["ka", "ny", "bek", "nur", "jan", "ai", "gul", "er", "lan", "tur", "san", "bo", "lat", "mir", "ze",
         "ra", "el", "da", "sh", "um", "ar", "tem", "zi", "yo"]
CYRIL = ["ка", "ны", "бек", "нур", "жан", "ай", "гүл", "ер", "лан", "тур", "сан", "бо", "лат", "мир", "зе",
         "ра", "эл", "да", "ш", "ум", "ар", "тем", "зи", "ё"]
LANGS = ["ru", "tr", "kk-Cyrl", "ky-Cyrl", "uz-Latn", "az-Latn", "hu", "tk-Latn"]

# Roughly how many triples each synthetic source adds (measured on the output, see `sizes`).
TRIPLES_PER_SOURCE = 76


def _lit(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def _date(year: int, month: int, day: int) -> str:
    return f'"{year:04d}-{month:02d}-{day:02d}"^^xsd:date'


class Generator:
    """Builds the TriG text of ``sources`` synthetic sources, deterministically from ``seed``."""

    def __init__(self, sources: int, *, seed: int = 2026):
        self.sources = sources
        self.rng = random.Random(seed)
        n = max(1, sources)
        synthetic_states = min(26 * 26, max(0, n // 20))
        self.states = REAL_STATES + [f"X{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(synthetic_states)]
        self.orgs = REAL_ORGS + [f"synth-org-{i}" for i in range(max(0, n // 25))]
        self.cities = CITIES + [f"synth-city-{i}" for i in range(max(0, n // 40))]
        self.defined: set[str] = set()
        self.persons = 0
        self.events = 0

    # -------------------------------------------------------------- names
    def _name(self) -> tuple[str, str]:
        idx = [self.rng.randrange(len(LATIN)) for _ in range(self.rng.randint(2, 4))]
        latin = "".join(LATIN[i] for i in idx).capitalize()
        cyril = "".join(CYRIL[i] for i in idx).capitalize()
        return latin, cyril

    def _labels(self, en: str, *, extra: int = 2) -> list[str]:
        out = [f"skos:prefLabel {_lit(en, 'en')}"]
        for lang in self.rng.sample(LANGS, extra):
            text = en if lang.endswith("Latn") or lang in ("tr", "hu") else self._name()[1] + " " + en.split()[-1]
            out.append(f"skos:prefLabel {_lit(text + ' (' + lang + ')', lang)}")
        if self.rng.random() < 0.3:
            out.append(f"skos:altLabel {_lit(en.upper(), 'en')}")
        return out

    # -------------------------------------------------------------- entities, each defined once
    def _define(self, iri: str, lines: list[str], out: list[str]) -> None:
        if iri in self.defined:
            return
        self.defined.add(iri)
        out.append(f"  {iri} " + " ;\n      ".join(lines) + " .")

    def state(self, code: str, out: list[str]) -> str:
        iri = f"state:{code}"
        self._define(iri, ["a tkg:State", f'tkg:isoCode "{code}"', *self._labels(f"State {code}", extra=3)], out)
        return iri

    def city(self, name: str, out: list[str]) -> str:
        iri = f"city:{name}"
        self._define(iri, ["a tkg:City", *self._labels(name.replace("-", " ").title(), extra=2)], out)
        return iri

    def venue(self, city: str, out: list[str]) -> str:
        name = city.split(":")[1]
        iri = "venue:azerbaijan-cultural-center-vienna" if name == "vienna" else f"venue:hall-{name}"
        self._define(iri, ["a tkg:Venue", f"schema:containedInPlace {city}",
                           *self._labels(f"Congress hall {city.split(':')[1]}", extra=1)], out)
        return iri

    def organization(self, name: str, out: list[str]) -> str:
        iri = f"organization:{name}"
        seat = self.city(self.rng.choice(self.cities), out)
        self._define(iri, ["a tkg:InternationalOrganization", f"tkg:seat {seat}",
                           f'schema:foundingDate "{self.rng.randint(1992, 2015)}"^^xsd:gYear',
                           *self._labels(f"Organization {name}", extra=2)], out)
        return iri

    def person(self, out: list[str]) -> str:
        self.persons += 1
        latin, cyril = self._name()
        family, _ = self._name()
        iri = (f"person:{REAL_PERSONS[self.persons - 1]}" if self.persons <= len(REAL_PERSONS)
               else f"person:p{self.persons}")
        self._define(iri, ["a tkg:Person", f"skos:prefLabel {_lit(latin + ' ' + family, 'en')}",
                           f"skos:prefLabel {_lit(cyril + ' ' + family, 'ru')}",
                           f"skos:hiddenLabel {_lit((latin + family).lower(), 'en')}"], out)
        return iri

    def mission(self, sender: str, target: str, out: list[str]) -> tuple[str, str]:
        s, t = sender.split(":")[1], target.split(":")[1]
        iri = f"mission:{s.lower()}-embassy-{t.lower()}"
        seat = self.city(self.rng.choice(self.cities), out)
        self._define(iri, ["a tkg:Embassy", f"tkg:sendingState {sender}", f"tkg:accreditedTo {target}",
                           f"tkg:seat {seat}", f"skos:prefLabel {_lit(f'Embassy of {s} in {t}', 'en')}"], out)
        post = f"post:ambassador-{s.lower()}-{t.lower()}"
        self._define(post, ["a tkg:Post", f"org:postIn {iri}", "org:role role:ambassador",
                            f"skos:prefLabel {_lit(f'Ambassador of {s} to {t}', 'en')}"], out)
        return iri, post

    def org_post(self, org: str, out: list[str]) -> str:
        name = org.split(":")[1]
        post = f"post:secretary-general-{name}"
        self._define(post, ["a tkg:Post", f"org:postIn {org}", "org:role role:secretary-general",
                            f"skos:prefLabel {_lit(f'Secretary General of {name}', 'en')}"], out)
        return post

    # -------------------------------------------------------------- one source
    def source(self, i: int) -> str:
        rng = self.rng
        slug = f"synth-{i:07d}"
        year = rng.randint(1995, 2026)
        published = (year, rng.randint(1, 12), rng.randint(1, 28))
        src = f"source:{slug}"
        out: list[str] = [
            f"  graph:{slug} prov:wasDerivedFrom {src} .",
            f"  {src} a tkg:Source , schema:NewsArticle ;\n      schema:headline {_lit(f'Synthetic report {i}', 'en')} ;\n"
            f"      schema:url <https://example.org/news/{slug}> ;\n      schema:datePublished {_date(*published)} .",
        ]
        pick_state = lambda: self.state(rng.choice(self.states), out)  # noqa: E731
        sender, target = pick_state(), pick_state()
        while target == sender:
            target = pick_state()
        org = self.organization(rng.choice(self.orgs), out)
        # A tenure of an ambassador (dates, or attested on the article's date).
        _, post = self.mission(sender, target, out)
        person = self.person(out) if rng.random() < 0.7 or self.persons == 0 else self._known_person()
        tenure = f"tenure:{slug}-{person.split(':')[1]}"
        when = ([f"schema:startDate {_date(year, 1 + i % 12, 1 + i % 28)}"] if rng.random() < 0.5
                else [f"tkg:attestedOn {_date(*published)}"])
        if when[0].startswith("schema:startDate") and rng.random() < 0.5:
            when.append(f'schema:endDate "{min(2030, year + rng.randint(1, 4))}"^^xsd:gYear')
        out.append(f"  {tenure} a tkg:Tenure ; org:member {person} ; tkg:post {post} ; "
                   + " ; ".join(when) + f" ; prov:wasDerivedFrom {src} .")
        # A secretary general now and then.
        if rng.random() < 0.2:
            sg = self.org_post(org, out)
            holder = self.person(out)
            out.append(f"  tenure:{slug}-sg a tkg:Tenure ; org:member {holder} ; tkg:post {sg} ; "
                       f"tkg:attestedOn {_date(*published)} ; prov:wasDerivedFrom {src} .")
        # An event with parts, a venue, participations.
        self.events += 1
        ev = "event:ots-diaspora-training-2026" if self.events == 1 else f"event:e{self.events}"
        city = self.city(rng.choice(self.cities), out)
        venue = self.venue(city, out)
        kind = rng.choice(["tkg:Summit", "tkg:Meeting", "tkg:Meeting", "tkg:CulturalEvent", "tkg:Training"])
        parts = [f"{ev}-part{k}" for k in range(rng.randint(0, 3))]
        ev_lines = [f"a {kind}", f"schema:startDate {_date(*published)}", f"schema:location {venue}",
                    f"schema:organizer {org}", f"tkg:host {sender}", *self._labels(f"Event {self.events} in {city.split(':')[1]}", extra=1)]
        if kind == "tkg:Summit":
            ev_lines.append(f"tkg:ordinal {1 + self.events % 15}")
        if parts:
            ev_lines.append("schema:subEvent " + " , ".join(parts))
        self._define(ev, ev_lines, out)
        for k, part in enumerate(parts):
            self._define(part, ["a tkg:Session", f"schema:startDate {_date(*published)}",
                                f"skos:prefLabel {_lit(f'Session {k + 1} of event {self.events}', 'en')}"], out)
        for k, who in enumerate([person, *(self.person(out) for _ in range(rng.randint(1, 3)))]):
            where = rng.choice([ev, *parts])
            role = "role:speaker" if k == 0 or rng.random() < 0.5 else "role:attendee"
            capacity = f" tkg:inCapacityOf {post} ;" if who == person else ""
            out.append(f"  participation:{slug}-{k} a tkg:Participation ; tkg:event {where} ; tkg:participant {who} ;"
                       f" tkg:participationRole {role} ;{capacity} tkg:onBehalfOf {sender} ; prov:wasDerivedFrom {src} .")
        # A membership of a state in an organization.
        if rng.random() < 0.5:
            role = rng.choice(["role:member", "role:member", "role:observer", "role:chair"])
            decided = f" tkg:decidedAt {ev} ;" if kind == "tkg:Summit" else ""
            out.append(f"  membership:{slug} a tkg:StateMembership ; org:member {sender} ; org:organization {org} ;"
                       f" org:role {role} ;{decided} schema:startDate {_date(year, 1 + i % 12, 1 + i % 28)} ;"
                       f" prov:wasDerivedFrom {src} .")
        # A trade figure.
        if rng.random() < 0.4:
            measure = rng.choice(["measure:trade-volume", "measure:exports", "measure:imports"])
            value = f"{rng.randint(1, 900)}.{rng.randint(0, 9)}"
            out.append(f"  observation:{slug} a tkg:Observation ; tkg:subject {sender} ; tkg:counterparty {target} ;"
                       f" tkg:measure {measure} ; tkg:value {value} ; tkg:unit unit:usd-billion ;"
                       f' tkg:period "{year}" ; prov:wasDerivedFrom {src} .')
        # Curated files repeat the English label of what they mention.
        for iri in {sender, target, org}:
            out.append(f"  {iri} skos:prefLabel {_lit(self._english(iri), 'en')} .")
        return f"graph:{slug} {{\n" + "\n".join(out) + "\n}\n"

    def _known_person(self) -> str:
        k = self.rng.randint(1, self.persons)
        return f"person:{REAL_PERSONS[k - 1]}" if k <= len(REAL_PERSONS) else f"person:p{k}"

    @staticmethod
    def _english(iri: str) -> str:
        kind, name = iri.split(":")
        return f"State {name}" if kind == "state" else f"Organization {name}"

    def trig(self) -> Iterator[str]:
        yield PREFIXES
        for i in range(self.sources):
            yield self.source(i)


def sources_for(triples: int) -> int:
    """How many sources give about ``triples`` asserted triples."""
    return max(1, round(triples / TRIPLES_PER_SOURCE))


def generate(triples: int, *, seed: int = 2026) -> str:
    """The TriG text of a synthetic graph of about ``triples`` asserted triples."""
    return "".join(Generator(sources_for(triples), seed=seed).trig())


#: The largest synthetic data file :func:`write_data` writes: under the build's 64 MiB limit per file.
MAX_FILE_BYTES = 48 * 1024 * 1024


def write_data(folder: Path, triples: int, *, seed: int = 2026, max_bytes: int = MAX_FILE_BYTES) -> list[Path]:
    """Write the synthetic graph of about ``triples`` triples into ``folder`` as data files
    ``synthetic-000.trig``, … of at most about ``max_bytes`` each (a new file starts at a source's
    boundary), each with the prefix block; the same bytes as :func:`generate` once the files are
    joined without their repeated prefix blocks. Returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    out = None
    size = 0
    for part in Generator(sources_for(triples), seed=seed).trig():
        if part is PREFIXES:
            continue
        data = part.encode("utf-8")
        if out is None or size + len(data) > max_bytes:
            if out is not None:
                out.close()
            written.append(folder / f"synthetic-{len(written):03d}.trig")
            out = written[-1].open("wb")
            out.write(PREFIXES.encode("utf-8"))
            size = len(PREFIXES)
        out.write(data)
        size += len(data)
    if out is not None:
        out.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=10_000, help="about how many triples (default 10000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("-o", "--output", type=Path, default=None, help="TriG file (default: stdout)")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="write data files of at most 48 MiB each into this folder instead (for 10M)")
    args = parser.parse_args(argv)
    if args.data_dir is not None:
        for path in write_data(args.data_dir, args.triples, seed=args.seed):
            print(path)
        return 0
    text = generate(args.triples, seed=args.seed)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
