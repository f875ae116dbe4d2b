"""The diplomacy view in a real browser (Debian's headless Chromium, Playwright, offline): it draws with
no console error and no request, clicking and searching work, the legend by sender hides a sender's
links, and hostile labels show literally. Timing is measured in benchmarks/bench_diplomacy_view.py, not here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.analyze_diplomacy import DiplomacyNetwork, Mission
from graph.store import OxigraphEngine
from graph.viz.diplomacy import DiplomacyView, build_diplomacy_network, capitals, diplomacy_model, diplomacy_view, \
    map_positions, write_diplomacy_view
from graph.viz.network import node_id

from .diplomacy_fixture import diplo_built, diplo_engine  # noqa: F401  (pytest fixtures)
from .test_viz_browser import IMG, SCRIPT, Loaded, browser, open_offline, shot  # noqa: F401  (browser: a fixture)

S = "https://w3id.org/turkic-kg/id/state/"


@pytest.fixture(scope="module")
def page(browser: Any, diplo_engine: OxigraphEngine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    path = write_diplomacy_view(diplomacy_view(diplo_engine), tmp_path_factory.mktemp("dv") / "diplomacy.html")
    loaded = open_offline(browser, path)
    yield loaded
    loaded.page.context.close()


def test_draws_offline_without_errors(page: Loaded) -> None:
    assert page.problems() == []
    assert page.eval("[tkgView.nodes.length, tkgView.edges.length]") == [10, 46]
    assert page.eval("tkgView.network.physics.options.enabled") is False
    legend = page.page.inner_text("#tkg-legend").split("\n")
    assert legend == ["Republic of Azerbaijan", "6", "Republic of Kazakhstan", "8", "Kyrgyz Republic", "4",
                      "Republic of Türkiye", "9", "Republic of Uzbekistan", "7", "Hungary", "5", "Turkmenistan", "3",
                      "Turkish Republic of Northern Cyprus", "2", "Other states", "2"]
    shot(page, "diplomacy-fixture.png")


def test_click_on_a_state_shows_its_details(page: Loaded) -> None:
    page.eval("tkgView.network.fit({animation: false})")
    x, y = page.eval("""(id) => { const n = tkgView.network; const p = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.getElementById('tkg-network').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }""",
                     node_id(S + "TUR"))
    page.page.mouse.click(x, y)
    assert page.eval("tkgView.selected") == node_id(S + "TUR")
    assert page.page.inner_text("#tkg-details").split("\n")[:3] == [
        "Republic of Türkiye", "State (one of the eight)", "resident missions shown: 11 sent, 12 hosted"]


@pytest.mark.parametrize(("typed", "expected"), [("georgia", "GEO"), ("Turkiye", "TUR"), ("northern cyp", "NCY")])
def test_search_focuses_a_state(page: Loaded, typed: str, expected: str) -> None:
    page.page.fill("#tkg-search", typed)
    page.page.press("#tkg-search", "Enter")
    assert page.eval("tkgView.network.getSelectedNodes()") == [node_id(S + expected)]
    assert page.page.inner_text("#tkg-status") == page.eval("(id) => tkgView.plain[id].label", node_id(S + expected))


def test_legend_hides_a_senders_links(page: Loaded) -> None:
    hidden = "tkgView.edges.get({filter: e => e.hidden === true}).length"
    page.page.get_by_role("checkbox", name="Republic of Türkiye").uncheck()
    assert page.eval(hidden) == 9
    page.page.get_by_role("checkbox", name="accredited from a third capital").uncheck()
    assert page.eval(hidden) == 12
    page.page.get_by_role("checkbox", name="accredited from a third capital").check()
    page.page.click("#tkg-all")
    assert page.eval(hidden) == 0
    page.page.click("#tkg-none")
    assert page.eval(hidden) == 46
    page.page.click("#tkg-all")


def test_hostile_labels_show_literally(browser: Any, tmp_path: Path) -> None:
    net = DiplomacyNetwork(labels={S + "TUR": IMG, "q": SCRIPT}, missions=[Mission("m", S + "TUR", "q", True, "c", 1.0, 2.0)])
    G = diplomacy_model(net)
    caps = capitals(net)
    pos, unplaced = map_positions(G, caps)
    view = DiplomacyView("x", IMG, SCRIPT, G, build_diplomacy_network(net, G, pos, caps, unplaced, layout="map"), [])
    loaded = open_offline(browser, write_diplomacy_view(view, tmp_path / "xss.html"))
    try:
        assert loaded.problems() == []
        assert loaded.page.inner_text("#tkg-title") == IMG
        assert loaded.page.inner_text("#tkg-subtitle") == SCRIPT
        assert loaded.page.inner_text("#tkg-legend").split("\n") == [IMG, "1"]
        assert loaded.eval("(id) => tkgView.plain[id].label", node_id("q")) == SCRIPT
    finally:
        loaded.page.context.close()
