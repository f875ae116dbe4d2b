"""The SPARQL query library: one query per ``queries/*.rq`` file, with a header and parameters.

A file opens with comment lines::

    # title: Posts held by a person
    # description: Every post a person has held, with dates and sources.
    # param: person iri person:kubanychbek-omuraliev  The person (IRI or prefixed name).
    # timeout: 600

and uses each parameter as ``$name`` in its body (``$name`` is a plain SPARQL variable, so the file
stays valid SPARQL; never project a parameter in ``SELECT``). :func:`render` replaces ``$name`` by
the value as a SPARQL term, the same text for every engine: every parameter in one pass over the
original text, so a value that holds ``$other`` is never substituted again. Values are checked by
type: ``date`` is a real day in ASCII digits (``YYYY-MM-DD``), ``gYear``, ``integer`` and
``decimal`` take ASCII digits only, strings are escaped.

``# timeout:`` (optional, seconds) is the query's own time limit, for a whole-graph audit that
cannot answer within the default limit on a large build: ``tkg query`` and ``tkg serve`` use it
when the user gave no limit of their own (:func:`effective_timeout`); the Python API sets no limit
unless given ``timeout=``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .load import read_bytes
from .namespaces import ALL_PREFIXES, ID_PREFIXES, PREFIXES

__all__ = ["Param", "LibraryQuery", "load_query", "load_library", "render", "sparql_term",
           "ID_PREFIXES", "expand_name", "with_prefixes", "effective_timeout"]

_TYPES = {"iri", "string", "date", "gYear", "integer", "decimal", "lang"}
_HEADER = re.compile(r"^#\s*(title|description|param|timeout)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    description: str


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    path: Path
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default=())
    timeout: float | None = None

    @property
    def kind(self) -> str:
        body = re.sub(r"<[^>\s]*>", " ", self.text)  # IRIs first: they may hold '#'
        body = re.sub(r"#[^\n]*", "", body)
        body = re.sub(r"\b(PREFIX|BASE)\b", "", body, flags=re.I)
        match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, flags=re.I)
        return match.group(1).upper() if match else "SELECT"


def load_query(path: Path) -> LibraryQuery:
    """Read one ``.rq`` file and its header."""
    data = read_bytes(path)  # a regular file of bounded size, opened without blocking
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, value = match.groups()
        if key == "param":
            parts = value.split(None, 3)
            if len(parts) < 2 or parts[1] not in _TYPES:
                raise InputError(f"{path}: bad '# param:' line (name type [default] [description]): {value}")
            default = parts[2] if len(parts) > 2 and parts[2] != "-" else None
            params.append(Param(parts[0], parts[1], default, parts[3] if len(parts) > 3 else ""))
        else:
            meta[key] = value.strip()
    return LibraryQuery(name=path.stem, path=path, title=meta.get("title", ""),
                        description=meta.get("description", ""), text=text, params=tuple(params),
                        timeout=_timeout(path, meta.get("timeout")))


def _timeout(path: Path, value: str | None) -> float | None:
    """The ``# timeout:`` header: a positive number of seconds."""
    if value is None:
        return None
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", value) or float(value) <= 0:
        raise InputError(f"{path}: bad '# timeout:' line (a positive number of seconds): {value}")
    return float(value)


def effective_timeout(query: LibraryQuery | None, *, given: float | None, default: float) -> float:
    """The time limit of one run: the user's own limit if they gave one (``--timeout``,
    ``TKG_TIMEOUT``), else the query's ``# timeout:``, else the default (30 s).

    >>> q = LibraryQuery("q", Path("q.rq"), "", "", "", timeout=600.0)
    >>> [effective_timeout(q, given=None, default=30.0), effective_timeout(q, given=5.0, default=30.0),
    ...  effective_timeout(None, given=None, default=30.0)]
    [600.0, 5.0, 30.0]
    """
    if given is not None:
        return given
    if query is not None and query.timeout is not None:
        return query.timeout
    return default


def load_library(queries_dir: Path) -> dict[str, LibraryQuery]:
    """Every library query by name (data-quality checks included: their names start with ``qc_``)."""
    return {p.stem: load_query(p) for p in sorted(queries_dir.glob("*.rq"))}


def expand_name(value: str) -> str:
    """A full IRI from an IRI, ``<IRI>`` or a prefixed name of the project's prefixes.

    >>> expand_name("state:KGZ")
    'https://w3id.org/turkic-kg/id/state/KGZ'
    """
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    if re.match(r"^[a-z][a-z0-9+.-]*://", value, flags=re.I):
        return value
    prefix, sep, local = value.partition(":")
    table = ALL_PREFIXES
    if sep and prefix in table:
        return table[prefix] + local
    raise InputError(f"not an IRI or known prefixed name: {value!r}")


#: The accepted text of each typed parameter: ASCII digits only ([0-9], never ``\d``, which is any script's digits).
_LEXICAL = {"date": r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "gYear": r"[0-9]{4}",
            "integer": r"-?[0-9]+", "decimal": r"-?[0-9]+(\.[0-9]+)?"}


def _is_day(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def sparql_term(value: str, kind: str) -> str:
    """A parameter's value as SPARQL text.

    >>> sparql_term("2026-01-14", "date")
    '"2026-01-14"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> sparql_term('Omura"liev', "string")
    '"Omura\\\\"liev"'
    """
    xsd = PREFIXES["xsd"]
    if kind == "iri":
        iri = expand_name(value)
        if any(c in iri for c in '<>"{}|^`\\ '):
            raise InputError(f"not a valid IRI: {iri!r}")
        return f"<{iri}>"
    if kind in _LEXICAL:
        if not re.fullmatch(_LEXICAL[kind], value) or (kind == "date" and not _is_day(value)):
            raise InputError(f"not an xsd:{kind}: {value!r}")
        return f'"{value}"^^<{xsd}{kind}>'
    return f'"{_escape(value)}"'


def render(query: LibraryQuery, params: dict[str, str] | None = None) -> str:
    """The query text with every ``$param`` replaced by its value (or its default)."""
    params = dict(params or {})
    known = {p.name for p in query.params}
    unknown = set(params) - known
    if unknown:
        raise InputError(f"{query.name}: unknown parameter(s) {', '.join(sorted(unknown))}; "
                         f"it takes {', '.join(sorted(known)) or 'none'}")
    terms: dict[str, str] = {}
    for p in query.params:
        value = params.get(p.name, p.default)
        if value is None:
            raise InputError(f"{query.name}: parameter {p.name!r} is required ({p.description})")
        terms[p.name] = sparql_term(value, p.type)
    if not terms:
        return query.text
    # one pass over the original text: a substituted value is never scanned again
    names = "|".join(re.escape(n) for n in sorted(terms, key=len, reverse=True))
    return re.sub(rf"\$({names})\b", lambda m: terms[m.group(1)], query.text)


def with_prefixes(text: str) -> tuple[str, int]:
    """Add, on one first line, the PREFIX declarations that the text uses but does not declare.

    Returns the text and the number of lines added (0 or 1), so error positions can be mended.
    """
    declared = {m.group(1) for m in re.finditer(r"PREFIX\s+([A-Za-z][\w.-]*)?:", text, flags=re.I)}
    body = re.sub(r"<[^>\s]*>|\"(?:[^\"\\]|\\.)*\"|#[^\n]*", " ", text)
    table = ALL_PREFIXES
    used = {m.group(1) for m in re.finditer(r"(?<![\w?$:/<])([A-Za-z][\w-]*):(?=[\w-]|\s|[;,.)}\]])", body)}
    missing = [p for p in sorted(used - declared) if p in table]
    if not missing:
        return text, 0
    return " ".join(f"PREFIX {p}: <{table[p]}>" for p in missing) + "\n" + text, 1
