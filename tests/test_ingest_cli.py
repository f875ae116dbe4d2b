"""`tkg ingest` end to end: bad input, output files, idempotence, the build and a library query."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.build import build
from graph.cli import main
from graph.library import load_library, render
from graph.settings import Settings, load_settings
from graph.store import OxigraphEngine

from .helpers import ROOT

ARTICLES = ROOT / "tests" / "articles"
KULUBAEV = ARTICLES / "08-kyrgyz-fm-meets-ots-secretary-general.txt"
SLUG = "testwire-2026-02-18-kyrgyz-fm-meets-ots-secretary-general"


def tkg(built: Settings, *args: str):  # type: ignore[no-untyped-def]
    """``tkg --root ROOT --build-dir BUILT ingest …`` in-process (the build gives the linking index)."""
    return CliRunner().invoke(main, ["--root", str(ROOT), "--build-dir", str(built.build_dir), "ingest", *args],
                              catch_exceptions=False)


@pytest.fixture()
def project(tmp_path: Path, built: Settings) -> Settings:
    """A copy of the project (ontology, data, queries) whose build folder is a copy of the session's build."""
    root = tmp_path / "project"
    for name in ("ontology", "data", "queries"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(built.build_dir, root / "build")
    return load_settings(root=root, build_dir=root / "build")


# ---------------------------------------------------------------------------------- bad input

@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "the article is empty"),
    ("blank.txt", b"  \n\n \t\n", "the article is empty"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a binary file (NUL bytes), not a text article"),
    ("latin1.txt", "Türkiye Büyükelçisi Dönmez".encode("latin-1"), "not UTF-8 text (invalid byte 0xfc at offset 1)"),
    ("big.txt", b"The envoy spoke. " * (10 * 1024 * 1024 // 17 + 1), "is too large for an article (at most 2097152 bytes)"),
])
def test_bad_input_exits_2_and_writes_nothing(tmp_path: Path, built: Settings, name: str, content: bytes,
                                              message: str) -> None:
    article = tmp_path / name
    article.write_bytes(content)
    out = tmp_path / "out" / "x.trig"
    result = tkg(built, str(article), "--date", "2026-01-15", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"tkg: error: {article}: ")
    assert message in result.stderr
    assert result.stdout == ""
    assert not out.exists() and not out.parent.exists()


def test_ten_megabytes_are_refused(tmp_path: Path, built: Settings) -> None:
    article = tmp_path / "ten.txt"
    article.write_bytes(b"a" * (10 * 1024 * 1024))
    result = tkg(built, str(article), "--date", "2026-01-15", "--dry-run")
    assert result.exit_code == 2
    assert result.stderr == (f"tkg: error: {article}: 10485760 bytes is too large for an article "
                             "(at most 2097152 bytes)\n")


@pytest.mark.parametrize(("args", "message"), [
    (["--date", "15.01.2026"], "not a YYYY-MM-DD date for --date: '15.01.2026'"),
    ([], "no date; give --date YYYY-MM-DD"),
])
def test_bad_or_missing_date(tmp_path: Path, built: Settings, args: list[str], message: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Gürsel Dönmez, Ambassador of Türkiye to Austria, spoke.", encoding="utf-8")
    result = tkg(built, str(article), *args, "--dry-run")
    assert result.exit_code == 2
    assert message in result.stderr


def test_bad_url(tmp_path: Path, built: Settings) -> None:
    result = tkg(built, str(KULUBAEV), "--date", "2026-02-18", "--url", "example.org/a b", "-o", str(tmp_path / "x.trig"))
    assert (result.exit_code, result.stderr) == (2, "tkg: error: not an absolute URL for --url: 'example.org/a b'\n")
    assert not (tmp_path / "x.trig").exists()


def test_missing_article(tmp_path: Path, built: Settings) -> None:
    result = tkg(built, str(tmp_path / "nope.txt"), "--date", "2026-01-15")
    assert (result.exit_code, result.stderr) == (2, f"tkg: error: {tmp_path / 'nope.txt'}: no such file or folder\n")


def test_existing_output_is_refused_without_force(tmp_path: Path, built: Settings) -> None:
    out = tmp_path / "out.trig"
    out.write_text("# someone's file\n", encoding="utf-8")
    result = tkg(built, str(KULUBAEV), "--date", "2026-02-18", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"tkg: error: {out}: exists; give --force to overwrite (nothing was written)\n"
    assert out.read_text(encoding="utf-8") == "# someone's file\n"
    forced = tkg(built, str(KULUBAEV), "--date", "2026-02-18", "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Source: no URL given, 2026-02-18")


# ---------------------------------------------------------------------------------- outputs

def test_dry_run_prints_the_review_table_and_writes_nothing(project: Settings) -> None:
    before = sorted(p.name for p in project.data_dir.iterdir())
    result = CliRunner().invoke(main, ["--root", str(project.root), "ingest", str(KULUBAEV), "--date", "2026-02-18",
                                       "--dry-run"], catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"{KULUBAEV}: source:article-2026-02-18-kyrgyz-fm-meets-ots-secretary-general (dry run, nothing written)"
    assert lines[1].split() == ["what", "text", "chars", "IRI", "status", "conf", "sentence"]
    assert lines[3].split() == ["Organization", "Organization", "of", "Turkic", "States", "33-36", "organization:ots",
                                "linked", "1.00"]
    assert ["Person", "Jeenbek", "Kulubaev", "135-151", "person:jeenbek-kulubaev", "linked", "1.00"] in [
        line.split() for line in lines]
    assert ["Person", "Almaz", "Imangaziev", "722-738", "person:almaz-imangaziev", "new", "0.90"] in [
        line.split() for line in lines]
    assert lines[-1] == ("7 entities (6 linked, 0 fuzzy, 1 new), 3 posts, 3 events, 3 participations, "
                         "1 memberships, 0 figures; 0 held for review (confidence below 0.65)")
    assert sorted(p.name for p in project.data_dir.iterdir()) == before


def test_gold_json_output(built: Settings) -> None:
    result = tkg(built, str(KULUBAEV), "--date", "2026-02-18", "--format", "gold-json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert sorted(doc) == ["article", "date", "entities", "events", "figures", "memberships", "posts"]
    assert [{k: p[k] for k in ("person", "title", "of", "to")} for p in doc["posts"]] == [
        {"person": "Jeenbek Kulubaev", "title": "Minister of Foreign Affairs", "of": "Kyrgyz Republic", "to": None},
        {"person": "Kubanychbek Omuraliev", "title": "Secretary General", "of": "Organization of Turkic States", "to": None},
        {"person": "Almaz Imangaziev", "title": "Deputy Minister of Foreign Affairs", "of": "Kyrgyz Republic", "to": None},
    ]
    meeting = doc["events"][0]
    assert {k: meeting[k] for k in ("label", "date", "venue", "city", "participants", "named")} == {
        "label": "Meeting of Jeenbek Kulubaev and Kubanychbek Omuraliev", "date": "2026-02-16", "venue": None,
        "city": "Bishkek", "participants": ["Jeenbek Kulubaev", "Kubanychbek Omuraliev", "Almaz Imangaziev"],
        "named": False}
    text = KULUBAEV.read_text(encoding="utf-8")
    a, b = doc["posts"][0]["offsets"]
    assert text[a:b] == "Minister of Foreign Affairs of the Kyrgyz Republic"


def test_evaluate_prints_scores(built: Settings) -> None:
    gold = KULUBAEV.with_name(KULUBAEV.stem + ".gold.json")
    result = tkg(built, str(KULUBAEV), "--evaluate", str(gold))
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[3:]}
    assert rows["posts"] == ["3", "3", "3", "1.000", "1.000", "1.000"]
    assert rows["events"] == ["3", "3", "3", "1.000", "1.000", "1.000"]
    assert sorted(rows) == ["entities", "events", "figures", "memberships", "overall", "participations", "posts"]


def test_folder_shows_progress_and_writes_one_file_each(tmp_path: Path, built: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("02-uzbek-ambassador-credentials-austria.txt", "12-uzbekistan-azerbaijan-credentials-baku.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = tkg(built, str(folder), "--date", "2025-08-14", "-o", str(out))
    assert result.exit_code == 0
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == [
        f"ingest [1/2] {folder / '02-uzbek-ambassador-credentials-austria.txt'}",
        f"ingest [2/2] {folder / '12-uzbekistan-azerbaijan-credentials-baku.txt'}"]
    assert sorted(p.name for p in out.iterdir()) == [
        "article-2025-08-14-uzbek-ambassador-credentials-austria.trig",
        "article-2025-08-14-uzbekistan-azerbaijan-credentials-baku.trig"]


def test_one_bad_article_in_a_folder_writes_nothing(tmp_path: Path, built: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(KULUBAEV, folder / KULUBAEV.name)
    (folder / "z-empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    out.mkdir()
    result = tkg(built, str(folder), "--date", "2026-02-18", "-o", str(out))
    assert result.exit_code == 2
    assert list(out.iterdir()) == []


# ---------------------------------------------------------------------------------- idempotence and the build

def _ingest_into(project: Settings, *extra: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--root", str(project.root), "ingest", str(KULUBAEV), "--date", "2026-02-18",
                                     "--url", "https://example.org/news/kulubaev-omuraliev",
                                     "--publisher", "TestWire", *extra], catch_exceptions=False)


def test_ingest_build_and_query(project: Settings) -> None:
    result = _ingest_into(project)
    assert result.exit_code == 0, result.stderr
    target = project.data_dir / f"{SLUG}.trig"
    assert result.stdout.startswith(f"wrote {target}: source:{SLUG}, 3 posts, 3 events, 3 participations, "
                                    "1 memberships, 0 figures;")
    built = build(project)
    assert built.graphs >= 2
    engine = OxigraphEngine.from_build(project)
    # the source, its provenance, and the facts, in their own named graph
    rows = engine.query(f"""
        PREFIX tkg: <https://w3id.org/turkic-kg/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX schema: <https://schema.org/>
        SELECT ?person ?post ?on WHERE {{
          GRAPH <https://w3id.org/turkic-kg/id/graph/{SLUG}> {{
            ?t a tkg:Tenure ; org:member ?person ; tkg:post ?post ; tkg:attestedOn ?on ;
               prov:wasDerivedFrom <https://w3id.org/turkic-kg/id/source/{SLUG}> }}
          <https://w3id.org/turkic-kg/id/source/{SLUG}> schema:url <https://example.org/news/kulubaev-omuraliev> .
        }} ORDER BY ?person ?post""").rows
    assert [(p.value.rsplit("/", 1)[-1], q.value.rsplit("/", 1)[-1], d.value) for p, q, d in rows] == [
        ("almaz-imangaziev", "deputy-minister-of-foreign-affairs-kgz", "2026-02-16"),
        ("jeenbek-kulubaev", "minister-of-foreign-affairs-kgz", "2026-02-16"),
        ("kubanychbek-omuraliev", "secretary-general-ots", "2026-02-16"),
    ]
    # a library query answers with the new facts
    library = load_library(project.queries_dir)
    holders = engine.query(render(library["holders_on_date"], {"date": "2026-02-16"})).rows
    assert {(p.value, q.value) for p, q in holders} >= {
        ("Almaz Imangaziev", "Deputy Minister of Foreign Affairs of the Kyrgyz Republic"),
        ("Kubanychbek Omuraliev", "Secretary General of the Organization of Turkic States"),
    }
    events = engine.query(render(library["participations_of_person"], {"person": "person:almaz-imangaziev"})).rows
    assert [(d.value, e.value, r.value) for d, e, r, *_ in events] == [
        ("2026-02-16", "Meeting of Jeenbek Kulubaev and Kubanychbek Omuraliev", "Attendee")]


def test_ingesting_twice_adds_nothing(project: Settings) -> None:
    assert _ingest_into(project).exit_code == 0
    target = project.data_dir / f"{SLUG}.trig"
    first = target.read_bytes()
    before = build(project)
    again = _ingest_into(project)
    assert again.exit_code == 2
    assert "exists; give --force" in again.stderr
    forced = _ingest_into(project, "--force")
    assert forced.exit_code == 0
    assert forced.stdout == f"unchanged {target}: nothing new\n"
    assert target.read_bytes() == first
    after = build(project)
    assert (after.asserted, after.inferred, after.graphs) == (before.asserted, before.inferred, before.graphs)


def test_the_same_article_under_another_file_name_is_refused(project: Settings) -> None:
    assert _ingest_into(project).exit_code == 0
    other = project.data_dir / "copy.trig"
    result = _ingest_into(project, "-o", str(other))
    assert result.exit_code == 2
    assert result.stderr == (f"tkg: error: graph:{SLUG} is already defined in {project.data_dir / (SLUG + '.trig')}; "
                             "the article was ingested before (nothing was written)\n")
    assert not other.exists()


def test_every_article_builds_with_shacl(tmp_path: Path, built: Settings) -> None:
    """The files written for all test articles pass the build (SHACL shapes) together with the data."""
    root = tmp_path / "project"
    for name in ("ontology", "data"):
        shutil.copytree(ROOT / name, root / name)
    for article in sorted(ARTICLES.rglob("*.txt")):
        date = json.loads(article.with_name(article.stem + ".gold.json").read_text(encoding="utf-8"))["date"]
        result = tkg(built, str(article), "--date", date, "--url", f"https://example.org/{article.stem}",
                     "-o", str(root / "data" / f"ingest-{article.stem}.trig"))
        assert result.exit_code == 0, result.stderr
    for written in (root / "data").glob("ingest-*.trig"):
        text = written.read_text(encoding="utf-8")
        assert not any("\ue000" <= ch <= "\uf8ff" for ch in text), written.name
        assert '  "@en' not in text and ' "@en' not in text, written.name
    result = build(load_settings(root=root, build_dir=root / "build"))
    assert result.files >= len(list(ARTICLES.rglob("*.txt")))
