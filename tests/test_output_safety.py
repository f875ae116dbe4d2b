"""Output that cannot hurt where it lands: CSV/TSV formula escaping (OWASP), control characters in
tables, clipped labels in views."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox

from graph.formats import format_result
from graph.results import Result
from graph.settings import Settings

from .helpers import tkg

XSD = "http://www.w3.org/2001/XMLSchema#"
HOSTILE = ["=HYPERLINK(\"http://x.example/\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A9)", "\tTAB", "\rCR",
           "-3.5", "+7", "plain", "a=b"]
ESCAPED = ["'=HYPERLINK(\"http://x.example/\",\"click\")", "'+1+2", "'-2+3", "'@SUM(A1:A9)", "'\tTAB", "'\rCR",
           "-3.5", "+7", "plain", "a=b"]


def _values_query() -> str:
    values = " ".join('"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r") + '"'
                      for v in HOSTILE)
    return f"SELECT ?v WHERE {{ VALUES ?v {{ {values} }} }}"


def q(built: Settings, *args: str):  # type: ignore[no-untyped-def]
    return tkg("--root", str(built.root), "--build-dir", str(built.build_dir), "query", *args)


def test_csv_cells_that_begin_like_formulas_get_a_quote(built: Settings) -> None:
    result = q(built, "-e", _values_query(), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows == [["v"]] + [[v] for v in ESCAPED]


def test_csv_raw_writes_the_data_exactly(built: Settings) -> None:
    result = q(built, "-e", _values_query(), "-f", "csv", "--csv-raw")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows == [["v"]] + [[v] for v in HOSTILE]


def test_tsv_literals_are_escaped_inside_their_quotes() -> None:
    r = Result("select", ["v"], [(ox.Literal("=1+1"),), (ox.Literal("@x", language="en"),),
                                 (ox.Literal("-4", datatype=ox.NamedNode(XSD + "integer")),),
                                 (ox.NamedNode("https://example.org/=x"),)])
    assert format_result(r, "tsv").splitlines() == [
        "?v", "\"'=1+1\"", "\"'@x\"@en", f"\"-4\"^^<{XSD}integer>", "<https://example.org/=x>"]
    assert format_result(r, "tsv", formula_escape=False).splitlines()[1:3] == ['"=1+1"', '"@x"@en']


def test_default_json_is_untouched() -> None:
    r = Result("select", ["v"], [(ox.Literal("=1+1"),)])
    assert '"value": "=1+1"' in format_result(r, "json")


def test_table_shows_control_characters_visibly(built: Settings) -> None:
    text = "red\x1b[31m bell\x07 csi\x9b2J del\x7f"
    sparql = 'SELECT ?v WHERE { BIND("red\\u001B[31m bell\\u0007 csi\\u009B2J del\\u007F" AS ?v) }'
    result = q(built, "-e", sparql, "-f", "table")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[2].rstrip() == "red\\x1b[31m bell\\x07 csi\\x9b2J del\\x7f"
    for ch in "\x1b\x07\x9b\x7f":
        assert ch not in result.stdout
    r = Result("select", ["v"], [(ox.Literal(text),)])
    assert "\x1b" not in format_result(r, "table")
