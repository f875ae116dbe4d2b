"""Bad input never passes silently: data/ files of other kinds, empty, unbounded or not files at all,
byte-order marks and control characters; names that are not in the graph; query parameters."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import ROOT, SEED_FILE, small_project, tkg


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path)


def _limit_memory() -> None:  # a child that reads without bound dies at 2 GB, not the machine
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m graph.cli ARGS`` in a child process (bounded in time and memory)."""
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60, preexec_fn=_limit_memory, env={**os.environ, **(env or {})})


def _errors(project: Path, *args: str) -> tuple[int, str]:
    result = tkg("--root", str(project), *args)
    return result.exit_code, result.stderr


# ---------------------------------------------------------------- data/ files


@pytest.mark.parametrize("name", ["extra.ttl", "extra.nq", "EXTRA.TRIG", "notes.txt"])
@pytest.mark.parametrize("command", ["validate", "build"])
def test_files_of_other_kinds_in_data_are_refused(project: Path, name: str, command: str) -> None:
    (project / "data" / name).write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    code, err = _errors(project, command)
    assert (code, err) == (2, f"tkg: error: data/{name}: not a .trig file; data/ holds only TriG files "
                              "named *.trig (one source each)\n")
    assert not (project / "build").exists()


def test_a_folder_in_data_is_refused(project: Path) -> None:
    (project / "data" / "more").mkdir()
    assert _errors(project, "validate") == (
        2, "tkg: error: data/more: a folder; data/ holds only TriG files named *.trig (one source each)\n")


@pytest.mark.parametrize("text", ["", "# a comment and nothing else\n", "@prefix ex: <http://example.org/> .\n"])
def test_an_empty_data_file_is_refused(project: Path, text: str) -> None:
    (project / "data" / "empty.trig").write_text(text, encoding="utf-8")
    assert _errors(project, "validate") == (
        2, "tkg: error: data/empty.trig:1:1: no statements: a data file holds at least one named graph\n")


def test_a_fifo_in_data_is_refused_without_waiting(project: Path) -> None:
    os.mkfifo(project / "data" / "pipe.trig")
    result = _run("--root", str(project), "validate")
    assert (result.returncode, result.stderr) == (
        2, "tkg: error: data/pipe.trig: not a regular file (a FIFO); only regular files are read\n")


def test_a_symlink_to_dev_zero_is_refused(project: Path) -> None:
    (project / "data" / "zero.trig").symlink_to("/dev/zero")
    result = _run("--root", str(project), "build")
    assert (result.returncode, result.stderr) == (
        2, "tkg: error: data/zero.trig: not a regular file (a character device); only regular files are read\n")


def test_a_symlink_to_a_regular_file_is_read(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.trig"
    (project / "data" / SEED_FILE).rename(elsewhere)
    (project / "data" / SEED_FILE).symlink_to(elsewhere)
    result = tkg("--root", str(project), "validate")
    assert result.exit_code == 0 and result.stdout.startswith("valid: 4 files, ")


def test_a_symlink_loop_in_data_is_one_line(project: Path) -> None:
    (project / "data" / "a.trig").symlink_to(project / "data" / "b.trig")
    (project / "data" / "b.trig").symlink_to(project / "data" / "a.trig")
    result = _run("--root", str(project), "build")
    assert (result.returncode, result.stderr) == (
        2, "tkg: error: data/a.trig: cannot read: Too many levels of symbolic links\n")


def test_a_file_over_the_size_limit_is_refused(project: Path) -> None:
    seed = project / "data" / SEED_FILE
    largest_ontology_file = max(p.stat().st_size for p in (project / "ontology").glob("*.ttl"))
    with seed.open("a", encoding="utf-8") as fh:  # a comment makes the data file the largest one
        fh.write("# padding\n" * (largest_ontology_file // 10 + 1))
    size = seed.stat().st_size
    result = _run("--root", str(project), "validate", env={"TKG_MAX_FILE_BYTES": str(size - 1)})
    assert (result.returncode, result.stderr) == (
        2, f"tkg: error: data/{SEED_FILE}: larger than the limit of {size - 1} bytes per file "
           "(TKG_MAX_FILE_BYTES)\n")
    result = _run("--root", str(project), "validate", "--no-qc", env={"TKG_MAX_FILE_BYTES": str(size)})
    assert result.returncode == 0, result.stderr


def test_the_size_limit_must_be_a_number(project: Path) -> None:
    result = _run("--root", str(project), "validate", env={"TKG_MAX_FILE_BYTES": "lots"})
    assert (result.returncode, result.stderr) == (
        2, "tkg: error: TKG_MAX_FILE_BYTES must be a positive whole number of bytes, not 'lots'\n")


def test_a_byte_order_mark_is_accepted(project: Path) -> None:
    seed = project / "data" / SEED_FILE
    seed.write_bytes(b"\xef\xbb\xbf" + seed.read_bytes())
    result = tkg("--root", str(project), "build")
    assert result.exit_code == 0, result.stderr
    assert "\ufeff" not in (project / "build" / "dataset.nq").read_text(encoding="utf-8")


def test_invisible_characters_in_a_syntax_error_are_named(project: Path) -> None:
    (project / "data" / "zw.trig").write_text('<http://a> { <http://a> <http://b> "x" ; <http://c> \u200b . }\n',
                                              encoding="utf-8")
    code, err = _errors(project, "validate")
    assert code == 2
    assert err == ("tkg: error: data/zw.trig:1:53: 'U+200B' is not allowed at the beginning of a prefix name\n")
    assert err.isascii()


@pytest.mark.parametrize(("literal", "column", "char"), [
    ('"a\\u0000b"', 51, "U+0000"),
    ('"tab\tok but bell \x07"', 66, "U+0007"),
    ('"a C1 \\u0085 char"', 55, "U+0085"),
    ('"""line one\nline two \x1b[31m"""', 10, "U+001B"),
])
def test_control_characters_in_literals_are_refused(project: Path, literal: str, column: int, char: str) -> None:
    text = ("<http://example.org/g> {\n"
            f"  <http://example.org/s> <http://example.org/p> {literal} .\n"
            "}\n")
    (project / "data" / "ctl.trig").write_text(text, encoding="utf-8")
    code, err = _errors(project, "build")
    line = 3 if "line one" in literal else 2
    assert (code, err) == (2, f"tkg: error: data/ctl.trig:{line}:{column}: a literal of <http://example.org/s> "
                              f"holds the control character {char}; only tab, line feed and carriage return "
                              "are allowed\n")
    assert not (project / "build").exists()


# ---------------------------------------------------------------- query parameters

TWO_STRINGS = """# title: Labels containing two strings
# param: a string - The first string.
# param: b string - The second string.
SELECT ?s WHERE { ?s skos:prefLabel ?l .
  FILTER(CONTAINS(STR(?l), $a) && CONTAINS(STR(?l), $b))
}
"""


def test_a_value_is_never_substituted_again(tmp_path: Path) -> None:
    from graph.library import load_query, render

    rq = tmp_path / "two.rq"
    rq.write_text(TWO_STRINGS, encoding="utf-8")
    text = render(load_query(rq), {"a": "$b", "b": ") || true) #"})
    assert text.splitlines()[4] == '  FILTER(CONTAINS(STR(?l), "$b") && CONTAINS(STR(?l), ") || true) #"))'
    # a parameter whose name begins another's is still replaced whole
    rq.write_text("# param: d string\n# param: dd string\nSELECT * { BIND($dd AS ?x) BIND($d AS ?y) }\n",
                  encoding="utf-8")
    assert render(load_query(rq), {"d": "$dd", "dd": "2"}).splitlines()[2] == \
        'SELECT * { BIND("2" AS ?x) BIND("$dd" AS ?y) }'


def test_the_filter_exploit_finds_nothing(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rq = tmp_path / "two.rq"
    rq.write_text(TWO_STRINGS, encoding="utf-8")
    result = tkg("--root", str(ROOT), "--build-dir", str(built.build_dir), "query", str(rq),
                 "-p", "a=$b", "-p", "b=) || true) #", "-f", "csv")
    assert (result.exit_code, result.stdout) == (0, "s\n")
    result = tkg("--root", str(ROOT), "--build-dir", str(built.build_dir), "query", str(rq),
                 "-p", "a=Kubanychbek", "-p", "b=Omuraliev", "-f", "csv")
    assert (result.exit_code, result.stdout) == (0, "s\nhttps://w3id.org/turkic-kg/id/person/kubanychbek-omuraliev\n")


@pytest.mark.parametrize(("param", "message"), [
    ("date=2024-13-45", "not an xsd:date: '2024-13-45'"),
    ("date=2023-02-29", "not an xsd:date: '2023-02-29'"),
    ("date=\u0662\u0660\u0662\u0664-\u0660\u0661-\u0660\u0661", "not an xsd:date: '\u0662\u0660\u0662\u0664-\u0660\u0661-\u0660\u0661'"),
    ("date=２０２４-０１-０１", "not an xsd:date: '２０２４-０１-０１'"),
    ("date=2024-01-01\n", "not an xsd:date: '2024-01-01\\n'"),
    ("date=20240101", "not an xsd:date: '20240101'"),
    ("date=2024-1-01", "not an xsd:date: '2024-1-01'"),
])
def test_dates_must_be_real_dates_in_ascii_digits(built, param: str, message: str) -> None:  # type: ignore[no-untyped-def]
    result = tkg("--root", str(ROOT), "--build-dir", str(built.build_dir), "query", "members_on_date", "-p", param)
    assert (result.exit_code, result.stderr) == (2, f"tkg: error: {message}\n")


def test_a_leap_day_is_a_date(built) -> None:  # type: ignore[no-untyped-def]
    result = tkg("--root", str(ROOT), "--build-dir", str(built.build_dir), "query", "members_on_date",
                 "-p", "date=2024-02-29", "-f", "csv")
    assert result.exit_code == 0 and result.stdout.startswith("memberLabel,roleLabel,start\n")


@pytest.mark.parametrize(("value", "kind"), [("\u0662\u0660\u0662\u0664", "gYear"), ("\u0661\u0662", "integer"),
                                             ("1.\u0665", "decimal"), ("12\n", "integer")])
def test_numbers_and_years_take_ascii_digits(value: str, kind: str) -> None:
    from graph.errors import InputError
    from graph.library import sparql_term

    with pytest.raises(InputError, match=f"not an xsd:{kind}"):
        sparql_term(value, kind)


@pytest.mark.parametrize(("params", "message"), [
    (["a=1", "a=2"], "--param a is given twice"),
    (["a b=1"], "--param takes K=V with K a parameter name (letters, digits, _), got 'a b=1'"),
    (["=1"], "--param takes K=V with K a parameter name (letters, digits, _), got '=1'"),
])
def test_param_names_are_names_and_given_once(params: list[str], message: str) -> None:
    from graph.cli._common import parse_params
    from graph.errors import InputError

    with pytest.raises(InputError) as info:
        parse_params(params)
    assert str(info.value) == message


# ---------------------------------------------------------------- names that are not in the graph

ID = "https://w3id.org/turkic-kg/id/"


def _cli(built, *args: str):  # type: ignore[no-untyped-def]
    return tkg("--root", str(ROOT), "--build-dir", str(built.build_dir), *args)


@pytest.mark.parametrize(("args", "message"), [
    (["path", "state:XXX", "person:nobody-at-all"], f"no entity state:XXX <{ID}state/XXX> in the graph"),
    (["path", "state:KGZ", "person:nobody-at-all"],
     f"no entity person:nobody-at-all <{ID}person/nobody-at-all> in the graph"),
    (["path", f"<{ID}state/XXX>", "state:KGZ"], f"no entity <{ID}state/XXX> in the graph"),
    (["path", "https://example.org/nothing", "state:KGZ"], "no entity <https://example.org/nothing> in the graph"),
    (["path", "nosuchprefix:KGZ", "state:KGZ"], "not an IRI or known prefixed name: 'nosuchprefix:KGZ'"),
    (["viz", "--entity", "state:XXX"], f"no entity state:XXX <{ID}state/XXX> in the graph"),
    (["viz", "--entity", f"<{ID}state/XXX>", "--hops", "2"], f"no entity <{ID}state/XXX> in the graph"),
    (["viz", "--path", "state:XXX", "state:KGZ"], f"no entity state:XXX <{ID}state/XXX> in the graph"),
])
def test_an_identifier_not_in_the_graph_is_exit_2(built, tmp_path: Path, args: list[str],  # type: ignore[no-untyped-def]
                                                  message: str) -> None:
    out = tmp_path / "view.html"
    result = _cli(built, *args, *(["-o", str(out)] if args[0] == "viz" else []))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"tkg: error: {message}\n")
    assert not out.exists()


def test_identifiers_in_the_graph_resolve_without_a_note(built) -> None:  # type: ignore[no-untyped-def]
    result = _cli(built, "path", "person:levent-eler", f"<{ID}person/kubanychbek-omuraliev>")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == ("Levent Eler --speaker--> Opening session of the 3rd Diaspora Capacity Building Training "
                             "Program <--speaker-- Kubanychbek Omuraliev\n")


def test_a_fuzzy_match_says_what_it_matched(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = _cli(built, "path", "Levent Elr", "Kubanychbek Omuraliev")
    assert result.exit_code == 0
    assert result.stderr == f'matched "Levent Elr" to Levent Eler <{ID}person/levent-eler> (score 95.2)\n'
    assert result.stdout.startswith("Levent Eler --speaker--> ")
    result = _cli(built, "viz", "--entity", "Kyrgyz Republik", "-o", str(tmp_path / "k.html"))
    assert result.exit_code == 0
    assert result.stderr == f'matched "Kyrgyz Republik" to Kyrgyz Republic <{ID}state/KGZ> (score 93.3)\n'
    assert result.stdout.startswith(f"wrote {tmp_path / 'k.html'} (")


def test_the_python_api_refuses_unknown_identifiers(built) -> None:  # type: ignore[no-untyped-def]
    from graph.api import KnowledgeGraph
    from graph.errors import EntityNotFound, InputError
    from graph.store import OxigraphEngine

    kg = KnowledgeGraph(OxigraphEngine.from_build(built), built)
    for name, message in [("state:XXX", f"no entity state:XXX <{ID}state/XXX> in the graph"),
                          (f"<{ID}person/nobody>", f"no entity <{ID}person/nobody> in the graph"),
                          ("Zzyzx Qwvq", "no entity named 'Zzyzx Qwvq' in the graph")]:
        with pytest.raises(EntityNotFound) as info:
            kg.describe(name)
        assert (str(info.value), info.value.exit_code) == (message, 2)
    with pytest.raises(InputError, match="not a valid IRI"):
        kg.resolve("<https://example.org/a b>")
    assert kg.resolve("state:KGZ") == f"{ID}state/KGZ"
    assert kg.resolve("Kyrgyz Republik") == f"{ID}state/KGZ"
    assert kg.describe("state:KGZ") == kg.describe(f"{ID}state/KGZ") != []


def test_other_files_in_the_ontology_folder_are_refused(project: Path) -> None:
    (project / "ontology" / "extra.owl").write_text("<x/>", encoding="utf-8")
    assert _errors(project, "validate") == (
        2, "tkg: error: ontology/extra.owl: not a .ttl file; ontology/ holds only Turtle files named *.ttl\n")


def test_a_query_file_that_is_not_a_regular_utf8_file_is_one_line(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "latin1.rq"
    bad.write_bytes("SELECT * { ?s ?p \"K\xfcr\" }".encode("latin-1"))
    result = _run("--root", str(ROOT), "--build-dir", str(built.build_dir), "query", str(bad))
    assert (result.returncode, result.stderr) == (
        2, f"tkg: error: {bad}: not UTF-8 text (byte 0xfc at offset 19)\n")
    queries = tmp_path / "queries"
    queries.mkdir()
    os.mkfifo(queries / "pipe.rq")
    from graph.errors import InputError
    from graph.library import load_library

    with pytest.raises(InputError, match=r"pipe.rq: not a regular file \(a FIFO\)"):
        load_library(queries)
