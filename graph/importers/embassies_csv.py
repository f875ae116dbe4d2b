"""Reading the database-of-embassies table (semicolon-separated UTF-8) into checked rows.

Errors name the place as ``file:line:column`` (column = the 1-based field number), so a refreshed
snapshot with a changed layout or a broken value fails with one clear line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, ParseError

__all__ = ["COLUMNS", "Row", "read_rows", "qid"]

#: The header of the 2022-11-16 snapshot (the line ends with a separator, so a last empty name).
COLUMNS = (
    "operator", "operatorQID", "jurisdictions", "jurisdictionQIDs", "country", "countryQID", "city", "cityQID",
    "address", "latitude", "longitude", "phone", "email", "website", "facebook", "twitter", "youtube", "picture",
    "pictureAuthor", "pictureLicense", "pictureLicenseURL", "type", "typeQID", "creation", "QID",
)
_QID_IRI = re.compile(r"http://www\.wikidata\.org/entity/(Q[1-9][0-9]*)")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def qid(iri: str) -> str:
    """The Q-number of a Wikidata entity IRI.

    >>> qid("http://www.wikidata.org/entity/Q43")
    'Q43'
    """
    return iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Row:
    """One mission as the table states it (Q-numbers without the IRI part)."""

    line: int
    operator: str
    operator_qid: str
    jurisdictions: tuple[tuple[str, str], ...]  # (name, qid)
    country: str
    country_qid: str
    city: str
    city_qid: str
    latitude: str
    longitude: str
    website: str
    type: str
    type_qid: str
    qid: str


def _qid_field(value: str, *, where: tuple[Path, int, int], required: bool) -> str:
    if not value:
        if required:
            raise ParseError("empty Wikidata IRI", path=where[0], line=where[1], column=where[2])
        return ""
    m = _QID_IRI.fullmatch(value)
    if not m:
        raise ParseError(f"not a Wikidata entity IRI: {value!r}", path=where[0], line=where[1], column=where[2])
    return m.group(1)


def _row(path: Path, line: int, rec: list[str]) -> Row:
    col = {name: i for i, name in enumerate(COLUMNS)}

    def get(name: str) -> str:
        return rec[col[name]].strip()

    def q(name: str, *, required: bool = True) -> str:
        return _qid_field(get(name), where=(path, line, col[name] + 1), required=required)

    for name in ("latitude", "longitude"):
        if get(name) and not _NUMBER.fullmatch(get(name)):
            raise ParseError(f"{name} is not a decimal number: {get(name)!r}", path=path, line=line,
                             column=col[name] + 1)
    names, qids = get("jurisdictions"), get("jurisdictionQIDs")
    jur_qids = [_qid_field(v, where=(path, line, col["jurisdictionQIDs"] + 1), required=True)
                for v in qids.split("|")] if qids else []
    jur_names = names.split("|") if names else []
    if len(jur_names) != len(jur_qids):
        raise ParseError(f"{len(jur_names)} jurisdiction names but {len(jur_qids)} Wikidata IRIs",
                         path=path, line=line, column=col["jurisdictionQIDs"] + 1)
    return Row(line=line, operator=get("operator"), operator_qid=q("operatorQID"),
               jurisdictions=tuple(zip(jur_names, jur_qids)), country=get("country"), country_qid=q("countryQID"),
               city=get("city"), city_qid=q("cityQID", required=False), latitude=get("latitude"),
               longitude=get("longitude"), website=get("website"), type=get("type"),
               type_qid=q("typeQID"), qid=q("QID"))


def read_rows(path: Path) -> list[Row]:
    """Every row of the table, checked: the header, the field count, the Wikidata IRIs, the numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = next(reader, None)
    if header is None:
        raise ParseError("empty file: expected the header line", path=path, line=1, column=1)
    fields = [h for h in header if h != ""] if header[-1] == "" else header
    for i, (want, got) in enumerate(zip(COLUMNS, fields), start=1):
        if want != got:
            raise ParseError(f"header column {i} is {got!r}, expected {want!r}", path=path, line=1, column=i)
    if len(fields) != len(COLUMNS):
        raise ParseError(f"header has {len(fields)} columns, expected {len(COLUMNS)}", path=path, line=1,
                         column=min(len(fields), len(COLUMNS)) + 1)
    rows = []
    for rec in reader:
        line = reader.line_num
        if not any(rec):
            continue
        if len(rec) < len(COLUMNS):
            raise ParseError(f"{len(rec)} fields, expected {len(COLUMNS)}", path=path, line=line, column=len(rec))
        rows.append(_row(path, line, rec))
    return rows
