"""The table's rows as missions, states, cities, organizations and regions, with the project's IRIs.

Entities already in ``data/`` keep their IRIs: states by code, cities by name across scripts within
the same state, organizations by slug or name, missions by sender, host, kind and city (the curated
missions carry no Wikidata items). Disagreements and quirk decisions become :class:`Review` rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..errors import InputError
from ..ingest.gazetteer import slugify
from ..names import normalize
from .curated import Curated
from .embassies_csv import Row
from .polities import ORGANIZATIONS, THE_EIGHT, classify, is_state_item
from .quirks import DISTRICT_CITY, DUPLICATE_OPERATOR, HOST_FIX, TYPE_CLASS, TYPE_WORDS

__all__ = ["Mission", "Place", "Review", "Model", "build_model", "in_scope", "ID"]

ID = "https://w3id.org/turkic-kg/id/"
_EIGHT_CODES = set(THE_EIGHT.values())
_ARTICLE = ("Republic", "People's", "United", "Kingdom", "Democratic", "Czech", "Netherlands", "Philippines",
            "Gambia", "Bahamas", "State of", "Holy See", "Federated", "Central African", "Dominican Republic",
            "Comoros", "Maldives", "Marshall", "Solomon", "Seychelles")


@dataclass
class Mission:
    iri: str
    cls: str
    label: str
    sending: str          # state code
    host: str             # state code
    accredited: list[str]  # IRIs
    city: str | None
    lat: str
    long: str
    website: str
    qid: str
    line: int
    note: str = ""
    curated: bool = False


@dataclass
class Place:
    """A state, city, organization or region the missions name."""

    iri: str
    kind: str            # State, City, Organization, Region
    name: str
    qid: str | None
    within: str | None = None  # the state a city or region is in (IRI)
    curated: bool = False


@dataclass(frozen=True, order=True)
class Review:
    """A point a person should look at: the table and a curated source disagree, or a quirk was decided."""

    kind: str
    entity: str
    curated: str
    table: str


@dataclass
class Model:
    missions: list[Mission] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    review: list[Review] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)


def in_scope(row: Row, scope: str) -> bool:
    """``turkic``: the sender, the host or a jurisdiction is one of the eight; ``all``: every row."""
    if scope == "all":
        return True
    items = {row.operator_qid, row.country_qid, *(q for _, q in row.jurisdictions)}
    return bool(items & set(THE_EIGHT))


def _names(rows: list[Row]) -> dict[str, str]:
    """Item → the name the table gives it most often (ties: alphabetical)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        counts[r.operator_qid][r.operator] += 1
        counts[r.country_qid][r.country] += 1
        for name, item in r.jurisdictions:
            counts[item][name] += 1
    return {item: min(c, key=lambda n: (-c[n], n)) for item, c in counts.items()}


def _city_country(rows: list[Row]) -> dict[str, str]:
    """City item → the country item most rows place it in, leaving out rows whose host is their sender."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r.city_qid and r.country_qid != r.operator_qid:
            counts[r.city_qid][r.country_qid] += 1
    return {city: min(c, key=lambda k: (-c[k], k)) for city, c in counts.items()}


def _dedupe(rows: list[Row], model: Model) -> list[Row]:
    by_item: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_item[r.qid].append(r)
    kept = []
    for item, group in by_item.items():
        if len(group) == 1:
            kept.append(group[0])
            continue
        want = DUPLICATE_OPERATOR.get(item)
        chosen = next((r for r in group if r.operator_qid == want), group[0])
        kept.append(chosen)
        for r in group:
            if r is not chosen:
                model.skipped.append((r.line, f"{item} repeated (kept line {chosen.line}, {chosen.operator})"))
        model.review.append(Review("duplicate item", f"wd:{item}", "",
                                   f"{len(group)} rows; kept line {chosen.line} ({chosen.operator})"))
    return sorted(kept, key=lambda r: r.line)


def state_name(code: str, name: str) -> str:
    """A state's name as the middle of a mission label ("Embassy of … in …").

    >>> state_name("TUR", "Turkey"), state_name("CHN", "People's Republic of China")
    ('Türkiye', "the People's Republic of China")
    """
    if code == "TUR":
        return "Türkiye"
    if code == "VAT":
        return "the Holy See"
    return f"the {name}" if name.startswith(_ARTICLE) else name


_FAMILY = {"Embassy": "embassy", "HighCommission": "embassy", "Consulate": "consulate",
           "ConsulateGeneral": "consulate", "HonoraryConsulate": "consulate", "PermanentMission": "permanent"}


def _family(cls: str) -> str:
    return _FAMILY.get(cls.rsplit("#", 1)[-1], cls.rsplit("#", 1)[-1])


class _Builder:
    """Turns rows into a :class:`Model`; one instance per import."""

    def __init__(self, rows: list[Row], curated: Curated):
        self.names = _names(rows)
        self.city_country = _city_country(rows)
        self.curated = curated
        self.model = Model()
        self.city_of_item: dict[str, str] = {}
        self.new_cities: dict[str, tuple[str, str, str]] = {}  # item → (name, state code, qid)

    # ---------------------------------------------------------------- polities
    def state(self, item: str) -> str | None:
        polity = classify(item, self.names.get(item, ""))
        if polity.kind != "state":
            return None
        iri = f"{ID}state/{polity.key}"
        place = self.model.places.get(iri)
        if place is None:
            place = Place(iri, "State", self.names.get(item, polity.key), None, curated=iri in self.curated.states)
            self.model.places[iri] = place
        if is_state_item(item, polity.key) and place.qid is None:
            place.qid, place.name = item, self.names.get(item, place.name)
        return polity.key

    def target(self, item: str, host: str) -> str:
        """The IRI of a jurisdiction: a state, an organization or a region of the host state."""
        code = self.state(item)
        if code is not None:
            return f"{ID}state/{code}"
        if item in ORGANIZATIONS:
            slug, name = ORGANIZATIONS[item]
            iri = f"{ID}org/{slug}"
            self.model.places.setdefault(iri, Place(iri, "Organization", name, item,
                                                    curated=iri in self.curated.iris))
            return iri
        iri = f"{ID}place/{slugify(self.names.get(item, item))}-{host.lower()}"
        self.model.places.setdefault(iri, Place(iri, "Region", self.names.get(item, item), item,
                                                within=f"{ID}state/{host}"))
        return iri

    # ---------------------------------------------------------------- cities
    def city(self, item: str, name: str, host: str) -> str:
        if item in self.city_of_item:
            return self.city_of_item[item]
        home = self.city_country.get(item)
        host = (self.state(home) or host) if home else host
        state_iri = f"{ID}state/{host}"
        key = normalize(name)
        found = sorted(c for c, within in self.curated.cities.items()
                       if within in ("", state_iri)
                       and (item in self.curated.same_as.get(c, ())
                            or key in self.curated.city_names.get(c, ())
                            or any(fuzz.ratio(key, n) >= 92 for n in self.curated.city_names.get(c, ()))))
        if len(found) == 1:
            iri = found[0]
            self.model.places[iri] = Place(iri, "City", name, item, within=state_iri, curated=True)
        else:
            iri = ""  # named once all cities are known (slugs must not collide)
            # a city-state's table "city" is often the state's own item (Singapore): no sameAs then
            own = classify(item, self.names.get(item, "")).kind == "state" and item in self.names
            self.new_cities[item] = (name, host, "" if own else item)
        self.city_of_item[item] = iri
        return iri

    def name_new_cities(self) -> None:
        slugs: dict[str, list[str]] = defaultdict(list)
        for item, (name, _, _) in sorted(self.new_cities.items()):
            slugs[slugify(name)].append(item)
        taken = set(self.curated.iris)
        for slug, items in sorted(slugs.items()):
            for item in items:
                name, host, same = self.new_cities[item]
                local = slug if len(items) == 1 and f"{ID}city/{slug}" not in taken else f"{slug}-{host.lower()}"
                if f"{ID}city/{local}" in taken:
                    local = f"{slug}-{item.lower()}"
                iri = f"{ID}city/{local}"
                taken.add(iri)
                self.city_of_item[item] = iri
                self.model.places[iri] = Place(iri, "City", name, same or None, within=f"{ID}state/{host}")
        for m in self.model.missions:
            if m.city is not None and m.city.startswith("item:"):
                m.city = self.city_of_item[m.city[5:]]

    # ---------------------------------------------------------------- rows
    def host_of(self, r: Row, sending: str) -> tuple[str | None, str]:
        """The host state's code, and why it differs from the table's country column (or "")."""
        if r.qid in HOST_FIX:
            return HOST_FIX[r.qid], f"reviewed fix for wd:{r.qid}"
        host = self.state(r.country_qid)
        if r.country_qid != r.operator_qid:
            return host, ""
        home = self.city_country.get(r.city_qid) if r.city_qid else None
        if home and home != r.operator_qid and self.state(home):
            return self.state(home), f"the country most rows give for {r.city or r.city_qid}"
        others = {c for _, q in r.jurisdictions if (c := self.state(q)) and c != sending}
        if len(others) == 1 and not r.city_qid:
            return others.pop(), "its only jurisdiction"
        return host, ""

    def add(self, r: Row) -> None:
        sending = self.state(r.operator_qid)
        if sending is None:
            self.model.skipped.append((r.line, f"operator {r.operator} (wd:{r.operator_qid}) is not a state"))
            return
        host, why = self.host_of(r, sending)
        if host is None:
            self.model.skipped.append((r.line, f"country {r.country} (wd:{r.country_qid}) is not a state"))
            return
        if why:
            self.model.review.append(Review("host", f"wd:{r.qid}", "",
                                            f"country column {r.country}; placed in {host} ({why})"))
        cls = TYPE_CLASS.get(r.type_qid)
        if cls is None:
            raise InputError(f"line {r.line}: unknown mission type {r.type!r} (wd:{r.type_qid}); "
                             "add it to graph/importers/quirks.py TYPE_CLASS")
        city, note = None, ""
        if r.city_qid:
            item, name = DISTRICT_CITY.get(r.city_qid, (r.city_qid, r.city))
            if item != r.city_qid:
                note = (f"The source table gives {r.city} (http://www.wikidata.org/entity/{r.city_qid}) as the "
                        f"city; it lies within {name}, where the mission is placed here.")
            iri = self.city(item, name, host)
            city = iri or f"item:{item}"
        host_iri = f"{ID}state/{host}"
        accredited = [host_iri] + [self.target(q, host) for _, q in r.jurisdictions if q != r.operator_qid]
        if any(q == r.operator_qid for _, q in r.jurisdictions):
            self.model.review.append(Review("jurisdiction", f"wd:{r.qid}", "",
                                            f"line {r.line}: the sender {r.operator} among its jurisdictions; left out"))
        words = TYPE_WORDS[cls][0]
        where = r.city if not note else DISTRICT_CITY[r.city_qid][1]
        sender_name = state_name(sending, self.model.places[f"{ID}state/{sending}"].name)
        host_name = state_name(host, self.model.places[host_iri].name)
        label = f"{words} of {sender_name} in {where or host_name}"
        home = self.city_country.get(item) if r.city_qid else None
        covered = [c for _, q in r.jurisdictions if (c := self.state(q)) and c != sending]
        if covered and host not in covered:  # e.g. an embassy to the Holy See that resides in Rome
            to = state_name(covered[0], self.model.places[f"{ID}state/{covered[0]}"].name)
            label = f"{words} of {sender_name} to {to} in {where or host_name}"
        elif home and self.state(home) != host:
            label = f"{words} of {sender_name} to {host_name} in {where}"
        self.model.missions.append(Mission(
            iri="", cls=cls, label=label, sending=sending, host=host,
            accredited=sorted(set(accredited)), city=city, lat=r.latitude, long=r.longitude,
            website=r.website, qid=r.qid, line=r.line, note=note))

    # ---------------------------------------------------------------- mission IRIs
    def match_curated(self) -> None:
        for cm in sorted(self.curated.missions.values(), key=lambda c: c.iri):
            families = {_family(c) for c in cm.classes}
            cands = [m for m in self.model.missions if not m.curated
                     and f"{ID}state/{m.sending}" in cm.sending and f"{ID}state/{m.host}" in cm.accredited
                     and _family(m.cls) in families]
            if len(cands) > 1 and cm.seat:
                cands = [m for m in cands if m.city in cm.seat] or cands
            if len(cands) != 1:
                if cands:
                    self.model.review.append(Review("unmatched", cm.iri, "curated mission",
                                                    f"{len(cands)} candidate rows; none chosen"))
                continue
            m = cands[0]
            m.iri, m.curated = cm.iri, True
            if f"https://w3id.org/turkic-kg/ontology#{m.cls}" not in cm.classes:
                have = ", ".join(sorted("tkg:" + c.rsplit("#", 1)[-1] for c in cm.classes))
                self.model.review.append(Review("type", cm.iri, f"{have} ({', '.join(sorted(cm.files))})",
                                                f"tkg:{m.cls} (line {m.line}, wd:{m.qid})"))
            if cm.seat and m.city not in cm.seat:
                self.model.review.append(Review("city", cm.iri, f"{', '.join(sorted(cm.seat))}",
                                                f"{m.city} (line {m.line})"))

    def distinct_labels(self) -> None:
        """Missions that would share an English label (two Wikidata items for one mission, or two
        missions of one kind in one city) get their item in brackets, so each label names one IRI."""
        counts = Counter(m.label for m in self.model.missions)
        for m in self.model.missions:
            if counts[m.label] > 1:
                m.label = f"{m.label} ({m.qid})"

    def name_missions(self) -> None:
        groups: dict[str, list[Mission]] = defaultdict(list)
        for m in self.model.missions:
            if not m.curated:
                where = self.model.places[m.city].iri.rsplit("/", 1)[-1] if m.city else m.host.lower()
                groups[f"{m.sending.lower()}-{TYPE_WORDS[m.cls][1]}-{where}"].append(m)
        for slug, ms in groups.items():
            for m in ms:
                clash = len(ms) > 1 or f"{ID}mission/{slug}" in self.curated.iris
                m.iri = f"{ID}mission/{slug}-{m.qid.lower()}" if clash else f"{ID}mission/{slug}"


def build_model(rows: list[Row], curated: Curated, *, scope: str) -> Model:
    """The missions of ``scope`` with their places, matched to ``curated``; names and cities are read
    from the whole table (so a scope changes which missions, not what they are called)."""
    b = _Builder(rows, curated)
    chosen = _dedupe([r for r in rows if in_scope(r, scope)], b.model)
    for r in chosen:
        b.add(r)
    b.name_new_cities()
    b.match_curated()
    b.name_missions()
    b.distinct_labels()
    b.model.missions.sort(key=lambda m: m.iri)
    b.model.review.sort()
    return b.model
