"""``tkg serve`` in a real browser (Debian's headless Chromium via Playwright), with every request
to another host refused: YASGUI runs a library query and shows its rows, a permalink runs its
query, a result is drawn as a network, an entity page shows its graph, search finds a spelling,
and no page logs an error."""

from __future__ import annotations

import csv
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest

from graph.settings import Settings

from .serve_support import Served, tkg_serve
from .test_viz_browser import ARGS, ARTIFACTS, CHROMIUM, IN_CI


@pytest.fixture(scope="module")
def served(built: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with tkg_serve(built, tmp_path_factory.mktemp("serve-browser"), workers=3, timeout=10) as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Page:
    """A page of the server in a fresh context; requests to any other host are aborted and noted."""

    def __init__(self, browser: Any, served: Served, *, viewport: tuple[int, int] = (1400, 950)):
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))

        def route(r: Any) -> None:
            url = r.request.url
            if url.startswith((served.base, "data:", "about:")):
                r.continue_()
            else:
                self.problems.append(f"request to another host: {url}")
                r.abort()

        self.context.route("**/*", route)

    def close(self) -> None:
        self.context.close()


def expected_rows(built: Settings, name: str) -> int:
    with (built.queries_dir / f"{name}.expected.csv").open(encoding="utf-8", newline="") as f:
        return len(list(csv.reader(f))) - 1


def test_yasgui_runs_a_library_query(browser: Any, served: Served, built: Settings) -> None:
    p = Page(browser, served)
    page = p.page
    page.goto(served.base + "/")
    page.wait_for_function("window.tkgYasgui !== undefined")
    page.click("#tkg-examples-list a[data-name='diplomats_in_vienna']")
    page.wait_for_function("tkgYasgui.getTab().getQuery().includes('accreditedTo')")
    page.click(".tabPanel.active .yasqe_queryButton")
    page.wait_for_selector(".tabPanel.active .yasr .dataTable tbody tr", timeout=30_000)
    rows = page.locator(".tabPanel.active .yasr .dataTable tbody tr").count()
    assert rows == expected_rows(built, "diplomats_in_vienna")
    assert "Kazakhstan" in page.inner_text(".tabPanel.active .yasr .dataTable tbody")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "serve-query.png"))
    p.close()
    assert p.problems == []


def test_permalink_runs_its_query_on_this_server(browser: Any, served: Served) -> None:
    p = Page(browser, served)
    query = "SELECT ?code WHERE { state:KGZ tkg:isoCode ?code }"
    # a permalink naming another endpoint still runs here
    p.page.goto(served.base + "/#query=" + urllib.parse.quote(query) + "&endpoint=" +
                urllib.parse.quote("https://example.org/sparql") + "&tabTitle=Code")
    p.page.wait_for_selector(".tabPanel.active .yasr .dataTable tbody tr", timeout=30_000)
    assert p.page.inner_text(".tabPanel.active .yasr .dataTable tbody").strip().endswith("KGZ")
    assert p.page.evaluate("tkgYasgui.getTab().getEndpoint()") == served.sparql
    p.page.click("#tkg-permalink-btn")
    link = p.page.input_value("#tkg-permalink")
    assert link.startswith(served.base + "/#query=") and urllib.parse.quote(query) in link
    p.close()
    assert p.problems == []


def test_a_result_as_a_network(browser: Any, served: Served) -> None:
    p = Page(browser, served)
    p.page.goto(served.base + "/")
    p.page.wait_for_function("window.tkgYasgui !== undefined")
    p.page.click("#tkg-examples-list a[data-name='neighbourhood']")
    p.page.click("#tkg-network-btn")
    frame = p.page.frame_locator("#tkg-network-frame")
    frame.locator("body[data-ready='1']").wait_for(timeout=60_000)
    nodes = p.page.frames[-1].evaluate("tkgView.nodes.length")
    assert nodes > 5
    p.close()
    assert p.problems == []


def test_entity_page_shows_its_graph(browser: Any, served: Served) -> None:
    p = Page(browser, served, viewport=(1300, 1100))
    p.page.goto(served.base + "/entity/state/KGZ")
    assert p.page.inner_text("#tkg-entity-label") == "Kyrgyz Republic"
    p.page.frame_locator("#tkg-graph").locator("body[data-ready='1']").wait_for(timeout=60_000)
    frame = next(f for f in p.page.frames if f.url.endswith("/graph/entity/state/KGZ?hops=1"))
    assert frame.evaluate("tkgView.nodes.length") > 5
    labels = frame.evaluate("Object.values(tkgView.plain).map(n => n.label)")
    assert "Kyrgyz Republic" in labels and "Organization of Turkic States" in labels
    ARTIFACTS.mkdir(exist_ok=True)
    p.page.screenshot(path=str(ARTIFACTS / "serve-entity.png"))
    p.close()
    assert p.problems == []


def test_search_finds_omuraliyev(browser: Any, served: Served) -> None:
    p = Page(browser, served)
    p.page.goto(served.base + "/ontology")
    p.page.fill("header input[name=q]", "Omuraliyev")
    p.page.press("header input[name=q]", "Enter")
    p.page.wait_for_selector("#tkg-results li a")
    first = p.page.locator("#tkg-results li a").first
    assert first.get_attribute("href") == "/entity/person/kubanychbek-omuraliev"
    first.click()
    p.page.wait_for_selector("#tkg-entity-label")
    assert "Omuraliev" in p.page.inner_text("#tkg-entity-label")
    p.close()
    assert p.problems == []
