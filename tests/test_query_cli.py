"""tkg query / tkg queries and the Python API: formats, parameters, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from graph.api import KnowledgeGraph, open_graph
from graph.settings import Settings
from graph.store import OxigraphEngine

from .helpers import ROOT, tkg


def q(built: Settings, *args: str):  # type: ignore[no-untyped-def]
    return tkg("--root", str(built.root), "--build-dir", str(built.build_dir), "query", *args)


def test_csv_output_is_only_the_result(built: Settings) -> None:
    result = q(built, "members_on_date", "--param", "date=2019-12-31", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["memberLabel", "roleLabel", "start"],
        ["Republic of Azerbaijan", "Chair", "2019-10-15"],
        ["Kyrgyz Republic", "Member", "2009-10-03"],
        ["Republic of Azerbaijan", "Member", "2009-10-03"],
        ["Republic of Kazakhstan", "Member", "2009-10-03"],
        ["Republic of Türkiye", "Member", "2009-10-03"],
        ["Republic of Uzbekistan", "Member", "2019-10-15"],
        ["Hungary", "Observer", "2018-09-03"],
    ]


def test_tsv_and_json_results(built: Settings) -> None:
    tsv = q(built, "missions_of_state", "-p", "state=state:KGZ", "-f", "tsv").stdout.splitlines()
    assert tsv[0] == "?missionLabel\t?accreditedToLabel"
    assert '"Embassy of the Kyrgyz Republic in Austria"@en\t"Republic of Austria"@en' in tsv
    data = json.loads(q(built, "is_member_on_date", "-p", "member=state:HUN", "-f", "json").stdout)
    assert data == {"head": {}, "boolean": True}
    data = json.loads(q(built, "is_member_on_date", "-p", "member=state:HUN", "-p", "date=2017-01-01",
                        "-f", "json").stdout)
    assert data == {"head": {}, "boolean": False}


def test_construct_as_turtle_and_jsonld(built: Settings) -> None:
    turtle = q(built, "neighbourhood", "-p", "entity=person:levent-eler", "-f", "turtle").stdout
    triples = {t for t in (q.triple for q in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE))}
    eler = ox.NamedNode("https://w3id.org/turkic-kg/id/person/levent-eler")
    holds = ox.NamedNode("http://www.w3.org/ns/org#holds")
    post = ox.NamedNode("https://w3id.org/turkic-kg/id/post/permanent-representative-tur-vienna")
    assert ox.Triple(eler, holds, post) in triples
    jsonld = q(built, "describe_entity", "-p", "entity=state:KGZ", "-f", "jsonld").stdout
    assert {t.subject for t in (x.triple for x in ox.parse(jsonld.encode(), format=ox.RdfFormat.JSON_LD))} >= {
        ox.NamedNode("https://w3id.org/turkic-kg/id/state/KGZ")}


def test_select_as_turtle_is_refused(built: Settings) -> None:
    result = q(built, "summits", "-f", "turtle")
    assert result.exit_code == 2
    assert result.stderr == ("tkg: error: turtle and jsonld are for CONSTRUCT or DESCRIBE results; "
                             "use table, csv, tsv or json\n")


def test_table_with_label_language(built: Settings) -> None:
    result = q(built, "-e", "SELECT ?s WHERE { VALUES ?s { state:KGZ } }", "-f", "table", "--lang", "ky")
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == "s" and set(lines[1]) == {"─"}
    assert lines[2:] == ["Кыргызстан (state:KGZ)", "1 row"]


def test_rdflib_engine_gives_the_same_rows(built: Settings) -> None:
    a = q(built, "summits", "-f", "csv").stdout
    b = q(built, "summits", "-f", "csv", "--engine", "rdflib").stdout
    assert a == b and a.count("\n") == 19


def test_file_query(built: Settings) -> None:
    result = q(built, str(ROOT / "queries" / "summits.rq"), "-f", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["ordinal", "date", "summitLabel", "cityLabel", "hostLabel"]
    assert rows[1][:2] == ["9", "2009-10-03"]  # the pre-council summit in Nakhchivan


def test_syntax_error_gives_line_and_column(built: Settings) -> None:
    result = q(built, "-e", "SELECT ?x WHERE {\n  ?x a tkg:Person .\n  FILTER(?x = ) }")
    assert result.exit_code == 2
    assert result.stderr.startswith("tkg: error: <text>:3:")
    result = q(built, "-e", "SELECT ?x WHERE {\n  ?x a tkg:Person .\n  FILTER(?x = ) }", "--engine", "rdflib")
    assert result.exit_code == 2
    assert result.stderr.startswith("tkg: error: <text>:3:")


@pytest.mark.parametrize(("args", "message"), [
    (["nosuch"], "tkg: error: 'nosuch' is neither a .rq file nor a library query; see `tkg queries`\n"),
    (["members_on_date", "-p", "date=2020-13"], "tkg: error: not an xsd:date: '2020-13'\n"),
    (["members_on_date", "-p", "when=2020-01-01"],
     "tkg: error: members_on_date: unknown parameter(s) when; it takes date, organization\n"),
    (["members_on_date", "-p", "date"], "tkg: error: --param takes K=V, got 'date'\n"),
    (["summits", "-e", "ASK {}"], "tkg: error: give a library query name, a .rq file, or -e TEXT (exactly one)\n"),
])
def test_bad_arguments_exit_2(built: Settings, args: list[str], message: str) -> None:
    result = q(built, *args)
    assert (result.exit_code, result.stderr) == (2, message)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True, timeout=120)


def test_timeout_exits_3_at_once(built: Settings) -> None:
    proc = _run("--root", str(built.root), "--build-dir", str(built.build_dir), "query", "-e",
                "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--timeout", "0.5", "-f", "csv")
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert proc.stderr == "tkg: error: oxigraph: the query ran longer than its time limit of 0.5 s\n"


def test_unreachable_endpoint_exits_3(built: Settings) -> None:
    result = q(built, "summits", "--endpoint", "http://127.0.0.1:9/sparql", "--timeout", "5")
    assert result.exit_code == 3
    assert result.stderr.startswith("tkg: error: http://127.0.0.1:9/sparql: unreachable (")
    assert result.stderr.count("\n") == 1


def test_queries_lists_the_library(built: Settings) -> None:
    result = tkg("--root", str(built.root), "queries")
    names = [line.split()[0] for line in result.stdout.splitlines()[2:] if line and not line.startswith(" ")]
    assert len(names) == 36 and "diplomats_in_vienna" in names and not any(n.startswith("qc_") for n in names)
    qc = tkg("--root", str(built.root), "queries", "--qc").stdout
    assert qc.count("qc_") == 7


def test_every_command_has_help() -> None:
    from graph.cli import main

    assert tkg("--help").exit_code == 0
    for name in sorted(main.commands):
        result = tkg(name, "--help")
        assert result.exit_code == 0, name
        assert result.stdout.startswith(f"Usage: main {name} ") or result.stdout.startswith(f"Usage: tkg {name} ")


def test_console_script_entry_point() -> None:
    import tomllib
    from importlib import import_module

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"tkg": "graph.cli:main"}
    module, _, attr = scripts["tkg"].partition(":")
    assert callable(getattr(import_module(module), attr))
    proc = subprocess.run(["tkg", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.stdout == "tkg, version 0.1.0\n"


def test_python_api(built: Settings) -> None:
    kg = open_graph(built.root, build_dir=built.build_dir)
    assert isinstance(kg.engine, OxigraphEngine)
    kg = KnowledgeGraph(OxigraphEngine.from_build(built), built)
    assert [m.iri.rsplit("/", 1)[-1] for m in kg.find("Omuraliyev", limit=1)] == ["kubanychbek-omuraliev"]
    assert [m.iri.rsplit("/", 1)[-1] for m in kg.find("Ömüraliyev", limit=1)] == ["kubanychbek-omuraliev"]
    assert [m.iri.rsplit("/", 1)[-1] for m in kg.find("Кыргызстан", limit=1)] == ["KGZ"]
    assert [m.iri.rsplit("/", 1)[-1] for m in kg.find("Turkey", limit=1)] == ["TUR"]
    df = kg.query("members_on_date", date="2017-06-30").to_dataframe()
    assert list(df.columns) == ["memberLabel", "roleLabel", "start"]
    assert sorted(df[df["roleLabel"] == "Member"]["memberLabel"]) == [
        "Kyrgyz Republic", "Republic of Azerbaijan", "Republic of Kazakhstan", "Republic of Türkiye"]
    facts = dict(kg.describe("Levent Eler"))
    assert facts["http://www.w3.org/2004/02/skos/core#prefLabel"] == "Levent Eler"


SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_query_files_own_timeout_applies_unless_the_user_gives_one(built: Settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``# timeout:`` in the header is the query's limit; ``--timeout`` and ``TKG_TIMEOUT`` win over it."""
    import os

    slow = tmp_path / "slow.rq"
    slow.write_text(f"# title: Slow\n# description: A cross join.\n# timeout: 0.5\n{SLOW}\n", encoding="utf-8")
    base = ("--root", str(built.root), "--build-dir", str(built.build_dir), "query", str(slow), "-f", "csv")
    env = {k: v for k, v in os.environ.items() if k != "TKG_TIMEOUT"}
    for extra, env_limit, limit in (((), None, "0.5"), (("--timeout", "0.3"), None, "0.3"),
                                     ((), "0.4", "0.4"), (("--timeout", "0.3"), "0.4", "0.3")):
        run_env = {**env, "TKG_TIMEOUT": env_limit} if env_limit else env
        proc = subprocess.run([sys.executable, "-m", "graph.cli", *base, *extra], capture_output=True, text=True,
                              timeout=120, env=run_env)
        assert (proc.returncode, proc.stdout) == (3, "")
        assert proc.stderr == f"tkg: error: oxigraph: the query ran longer than its time limit of {limit} s\n"


def test_query_timeout_resolution(built: Settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from graph.api import query_timeout

    own = tmp_path / "own.rq"
    own.write_text("# title: T\n# description: D\n# timeout: 600\nASK {}\n", encoding="utf-8")
    assert query_timeout(built, str(own), given=None) == 600.0
    assert query_timeout(built, str(own), given=2.0) == 2.0
    assert query_timeout(replace(built, timeout=7.0, timeout_set=True), str(own), given=None) == 7.0
    assert query_timeout(built, "summits", given=None) == 30.0  # no line of its own: the default
    assert query_timeout(built, None, given=None) == 30.0  # -e TEXT
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: T\n# description: D\n# timeout: soon\nASK {}\n", encoding="utf-8")
    result = q(built, str(bad))
    assert (result.exit_code, result.stderr) == (2, f"tkg: error: {bad}: bad '# timeout:' line (a positive number "
                                                    "of seconds): soon\n")
