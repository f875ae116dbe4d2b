"""The views in a real browser: Debian's headless Chromium driven by Playwright, offline.

Never skipped in CI (``CI=true``): a missing browser fails there. Screenshots are kept in
``test-artifacts/`` (git-ignored).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from graph.settings import Settings
from graph.store import OxigraphEngine
from graph.viz.html import write_view
from graph.viz.model import entity_model, graph_model, query_model
from graph.viz.network import build_network, node_id
from graph.viz.synthetic import synthetic_graph
from graph.viz.views import overview_view, write_views

from .conftest import IN_CI
from .viz_fixtures import AYANA, BOLOT, KGZ, PREFIXES, fixture_engine

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (browser tests never skip in CI)")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@dataclass
class Loaded:
    page: Any
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def eval(self, js: str, arg: Any = None) -> Any:
        return self.page.evaluate(js, arg) if arg is not None else self.page.evaluate(js)

    def problems(self) -> list[str]:
        """Console errors and warnings, page errors, requests other than the file itself, dialogs."""
        out = [f"console {t}: {m}" for t, m in self.console if t in ("error", "warning")]
        out += [f"page error: {e}" for e in self.errors]
        out += [f"request: {u}" for u in self.requests if not u.startswith(("file:", "data:"))]
        out += [f"dialog: {d}" for d in self.dialogs]
        return out


def open_offline(browser: Any, path: Path, *, ready: bool = True, viewport: tuple[int, int] = (1400, 900)) -> Loaded:
    """Open a page from disk in a fresh context with the network off, recording what happens."""
    context = browser.new_context(offline=True, viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    loaded = Loaded(page)
    page.on("console", lambda m: loaded.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: loaded.errors.append(str(e)))
    page.on("request", lambda r: loaded.requests.append(r.url))

    def on_dialog(dialog: Any) -> None:
        loaded.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    start = time.perf_counter()
    page.goto(path.as_uri())
    if ready:
        page.wait_for_function("window.tkgView && window.tkgView.ready === true", timeout=60_000)
    loaded.seconds = time.perf_counter() - start
    return loaded


def shot(loaded: Loaded, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    loaded.page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    return path


def counts(loaded: Loaded) -> tuple[int, int]:
    return tuple(loaded.eval("[tkgView.nodes.length, tkgView.edges.length]"))  # type: ignore[return-value]


def hover_node(loaded: Loaded, nid: str) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    pos = loaded.eval("""(id) => { const n = tkgView.network; const p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.getElementById('tkg-network').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }""", nid)
    loaded.page.mouse.move(pos[0] + 40, pos[1] + 40)
    loaded.page.mouse.move(pos[0], pos[1])
    loaded.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    return loaded.page.inner_text("div.vis-tooltip")


# ---------------------------------------------------------------- the fixture graph: exact numbers


@pytest.fixture(scope="module")
def fixture_page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    G = graph_model(fixture_engine())
    path = write_view(build_network(G), tmp_path_factory.mktemp("views") / "fixture.html", title="Fixture")
    loaded = open_offline(browser, path)
    yield loaded
    loaded.page.context.close()


def test_fixture_loads_offline_without_errors(fixture_page: Loaded) -> None:
    assert fixture_page.problems() == []
    assert counts(fixture_page) == (9, 8)
    assert fixture_page.eval("tkgView.network.physics.options.enabled") is False  # frozen once settled
    legend = fixture_page.page.inner_text("#tkg-legend").split("\n")
    assert legend == ["★", "State", "3", "●", "Person", "2", "▲", "Embassy", "1",
                      "⬢", "International organization", "1", "◆", "Meeting", "1", "■", "Post", "1"]


@pytest.mark.parametrize(("typed", "expected"), [("Kyrgyzstan", KGZ), ("кыргыз республикасы", KGZ),
                                                 ("Aiana", AYANA), ("bolot", BOLOT)])
def test_search_focuses_a_node_by_any_name(fixture_page: Loaded, typed: str, expected: str) -> None:
    page = fixture_page.page
    page.fill("#tkg-search", typed)
    page.press("#tkg-search", "Enter")
    assert fixture_page.eval("tkgView.network.getSelectedNodes()") == [node_id(expected)]
    label = fixture_page.eval("(id) => tkgView.plain[id].label", node_id(expected))
    assert page.inner_text("#tkg-status") == label
    assert page.inner_text("#tkg-details").split("\n")[0] == label
    # The view is centred on the node.
    dx, dy = fixture_page.eval("""(id) => { const n = tkgView.network; const p = n.getPositions([id])[id];
        const v = n.getViewPosition(); return [Math.abs(p.x - v.x), Math.abs(p.y - v.y)]; }""", node_id(expected))
    assert dx < 1 and dy < 1


def test_search_without_match(fixture_page: Loaded) -> None:
    fixture_page.page.fill("#tkg-search", "Atlantis")
    fixture_page.page.press("#tkg-search", "Enter")
    assert fixture_page.page.inner_text("#tkg-status") == "no match"


def test_class_filter_hides_and_shows(fixture_page: Loaded) -> None:
    page = fixture_page.page
    hidden = "tkgView.nodes.get({filter: n => n.hidden === true}).map(n => n.id).sort()"
    page.get_by_role("checkbox", name="Person").uncheck()
    assert fixture_page.eval(hidden) == sorted([node_id(AYANA), node_id(BOLOT)])
    page.get_by_role("checkbox", name="Person").check()
    assert fixture_page.eval(hidden) == []
    page.click("#tkg-none")
    assert len(fixture_page.eval(hidden)) == 9
    page.click("#tkg-all")
    assert fixture_page.eval(hidden) == []


def test_tooltip_is_plain_text(fixture_page: Loaded) -> None:
    fixture_page.eval("tkgView.network.fit({animation: false})")
    text = hover_node(fixture_page, node_id(KGZ))
    assert text.split("\n") == ["Kyrgyz Republic", "State", "also: Kyrgyzstan, Кыргыз Республикасы",
                                "ISO code: KGZ", "Sources:",
                                "- A test article (2024-05-02) https://example.org/article"]


# ---------------------------------------------------------------- hostile labels


XSS_TRIG = PREFIXES + f"""
graph:xss {{
  state:XSS a tkg:State ; skos:prefLabel "{IMG}"@en .
  event:xss a tkg:Meeting ; skos:prefLabel "{SCRIPT}"@en ; tkg:host state:XSS .
}}
"""


@pytest.fixture(scope="module")
def xss_engine() -> OxigraphEngine:
    return fixture_engine(XSS_TRIG)


@pytest.mark.parametrize("shape", ["construct", "select"])
def test_hostile_labels_show_literally_and_never_run(browser: Any, xss_engine: OxigraphEngine, tmp_path: Path,
                                                     shape: str) -> None:
    if shape == "construct":
        sparql = ("PREFIX tkg: <https://w3id.org/turkic-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                  "CONSTRUCT { ?e tkg:host ?s . ?e skos:prefLabel ?el . ?s skos:prefLabel ?sl } "
                  "WHERE { ?e tkg:host ?s ; skos:prefLabel ?el . ?s skos:prefLabel ?sl }")
        relation = "host"
    else:
        sparql = ("PREFIX tkg: <https://w3id.org/turkic-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                  "SELECT ?source ?target ?sourceLabel ?targetLabel ?edgeLabel WHERE { ?source tkg:host ?target ; "
                  "skos:prefLabel ?sourceLabel . ?target skos:prefLabel ?targetLabel . "
                  f"BIND(\"{IMG.replace('x', 'y')}\" AS ?edgeLabel) }}")
        relation = IMG.replace("x", "y")
    G = query_model(xss_engine, xss_engine.query(sparql))
    assert sorted(d["label"] for _n, d in G.nodes(data=True)) == sorted([IMG, SCRIPT])
    path = write_view(build_network(G), tmp_path / "xss.html", title=f"{SCRIPT} {IMG}", subtitle=IMG)
    assert "alert(1)</script>" not in path.read_text("utf-8")
    loaded = open_offline(browser, path)
    page = loaded.page
    try:
        assert counts(loaded) == (2, 1)
        # The text is shown literally: in the page title and heading, on the canvas, in the
        # tooltip, in the details panel and in the search suggestions.
        assert page.title() == f"{SCRIPT} {IMG} – Turkic-world institutions graph"
        assert page.inner_text("#tkg-title") == f"{SCRIPT} {IMG}"
        assert page.inner_text("#tkg-subtitle") == IMG
        state, event = node_id("https://w3id.org/turkic-kg/id/state/XSS"), node_id("https://w3id.org/turkic-kg/id/event/xss")
        assert loaded.eval("(id) => tkgView.nodes.get(id).label", state) == IMG
        assert loaded.eval("(id) => tkgView.nodes.get(id).label", event) == SCRIPT
        assert loaded.eval("tkgView.edges.get()[0].label") == relation
        loaded.eval("tkgView.network.fit({animation: false})")
        assert hover_node(loaded, state).split("\n")[0] == IMG
        hover_node(loaded, event)
        page.fill("#tkg-search", IMG)
        page.press("#tkg-search", "Enter")
        assert loaded.eval("tkgView.network.getSelectedNodes()") == [state]
        assert page.inner_text("#tkg-details").split("\n")[0] == IMG
        page.fill("#tkg-search", "")
        page.focus("#tkg-search")
        options = loaded.eval("Array.from(document.querySelectorAll('#tkg-names option')).map(o => o.value).sort()")
        assert options == sorted([IMG, SCRIPT])
        page.wait_for_timeout(300)
        # Nothing ran and nothing was injected.
        assert loaded.dialogs == []
        assert loaded.eval("document.querySelectorAll('img, svg, iframe').length") == 0
        assert loaded.eval("document.scripts.length") == 2
        assert loaded.problems() == []
        shot(loaded, f"xss-{shape}.png")
    finally:
        page.context.close()


def test_hostile_entity_view_title(browser: Any, xss_engine: OxigraphEngine, tmp_path: Path) -> None:
    H = entity_model(xss_engine, "state:XSS", hops=1)
    path = write_view(build_network(H), tmp_path / "e.html", title=H.graph["title"])
    loaded = open_offline(browser, path)
    try:
        assert loaded.page.inner_text("#tkg-title") == f"{IMG} (1 hop)"
        assert loaded.page.inner_text("#tkg-details").split("\n")[:2] == [IMG, "State"]
        assert loaded.dialogs == [] and loaded.problems() == []
    finally:
        loaded.page.context.close()


def test_100kb_label_is_clipped_on_the_canvas_and_full_in_details(browser: Any, tmp_path: Path) -> None:
    long = "Ambassador <b>& " * 6400  # 102,400 characters
    engine = fixture_engine(PREFIXES + f"""
graph:long {{
  state:LONG a tkg:State ; skos:prefLabel "{long}"@en .
  event:near a tkg:Meeting ; skos:prefLabel "A neighbour"@en ; tkg:host state:LONG .
}}
""")
    state, event = node_id("https://w3id.org/turkic-kg/id/state/LONG"), node_id("https://w3id.org/turkic-kg/id/event/near")
    for center, name in (("state:LONG", "long"), ("event:near", "neighbour")):
        H = entity_model(engine, center, hops=1)
        path = write_view(build_network(H), tmp_path / f"{name}.html", title=H.graph["title"])
        loaded = open_offline(browser, path)
        try:
            assert loaded.eval("(id) => tkgView.nodes.get(id).label", state) == long[:79] + "…"
            assert loaded.eval("(id) => tkgView.nodes.get(id).title.textContent.length", state) < 200
            assert loaded.eval("tkgView.edges.get()[0].title.textContent.length") < 200
            assert len(loaded.page.inner_text("#tkg-title")) <= 90
            loaded.page.fill("#tkg-search", "Ambassador")
            loaded.page.press("#tkg-search", "Enter")
            assert loaded.eval("tkgView.network.getSelectedNodes()") == [state]
            assert loaded.page.inner_text("#tkg-details").split("\n")[0] == long
            assert loaded.eval("(id) => tkgView.nodes.get(id).label", event) == "A neighbour"
            assert loaded.problems() == []
        finally:
            loaded.page.context.close()


# ---------------------------------------------------------------- scale


def test_5000_node_view_is_drawn_and_interactive(browser: Any, fixture_page: Loaded, tmp_path: Path) -> None:
    G = synthetic_graph(5000, seed=1)
    net = build_network(G)
    assert net.options["physics"]["enabled"] is False and len(net.nodes) == 5000
    path = write_view(net, tmp_path / "big.html", title="5,000 entities")
    # fixture_page has already started the browser, as a user's browser would be running.
    loaded = open_offline(browser, path)
    try:
        # How fast is measured side by side in benchmarks/bench_views.py, not asserted here.
        assert loaded.eval("tkgView.timings.drawn") > 0
        assert counts(loaded) == (5000, G.number_of_edges())
        assert loaded.problems() == []
        # Interactive: a search selects and focuses a node at once, a zoom redraws at once.
        loaded.page.fill("#tkg-search", "Person 2000 Türkçe")
        loaded.page.press("#tkg-search", "Enter")
        assert loaded.eval("tkgView.network.getSelectedNodes()") == [node_id("https://example.org/id/person/2000")]
        loaded.eval("new Promise(r => { tkgView.network.once('afterDrawing', r); tkgView.network.moveTo({scale: 0.3}); })")
        assert loaded.eval("tkgView.network.getScale()") == 0.3
        shot(loaded, "synthetic-5000.png")
    finally:
        loaded.page.context.close()


# ---------------------------------------------------------------- the repository's data


def test_repo_views_and_index_offline(browser: Any, built: Settings, tmp_path: Path) -> None:
    engine = OxigraphEngine.from_build(built)
    G = graph_model(engine)
    overview = overview_view(engine, G=G)
    degree = dict(G.degree())
    center = max(sorted(G), key=lambda n: degree[n])
    from graph.viz.views import entity_view

    entity = entity_view(engine, center, hops=1, G=G)
    written, index = write_views([overview, entity], tmp_path / "views", settings=built)

    loaded = open_offline(browser, written[0])
    try:
        assert loaded.problems() == []
        assert counts(loaded) == (len(overview.network.nodes), len(overview.network.edges))
        assert counts(loaded) == (G.number_of_nodes(), G.number_of_edges())
        loaded.eval("tkgView.network.fit({animation: false})")
        shot(loaded, "overview.png")
        label = G.nodes[center]["label"]
        loaded.page.fill("#tkg-search", label)
        loaded.page.press("#tkg-search", "Enter")
        assert loaded.eval("tkgView.network.getSelectedNodes()") == [node_id(center)]
        assert loaded.page.inner_text("#tkg-status") == label
    finally:
        loaded.page.context.close()

    loaded = open_offline(browser, written[1])
    try:
        assert loaded.problems() == []
        assert counts(loaded) == (entity.graph.number_of_nodes(), entity.graph.number_of_edges())
        # The entity is selected and described from the start.
        assert loaded.eval("tkgView.network.getSelectedNodes()") == [node_id(center)]
        assert loaded.page.inner_text("#tkg-details").split("\n")[0] == G.nodes[center]["label"]
        shot(loaded, "entity.png")
    finally:
        loaded.page.context.close()

    loaded = open_offline(browser, index, ready=False)
    try:
        assert loaded.problems() == []
        links = loaded.eval("Array.from(document.querySelectorAll('#views ~ table a')).map(a => a.getAttribute('href'))")
        assert sorted(links) == sorted(p.name for p in written)
        assert loaded.eval("document.querySelectorAll('.query').length") == len(list(built.queries_dir.glob("*.rq")))
    finally:
        loaded.page.context.close()
