"""Take docs/img/diplomacy.png from the real diplomacy view of the build, in headless Chromium.

    tkg build && tkg viz --diplomacy && python docs/make_diplomacy_screenshot.py

The page is zoomed on Europe and Asia (where the eight and most of their partners are) after it is drawn.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph.settings import load_settings

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
OUT = Path(__file__).resolve().parent / "img" / "diplomacy.png"
#: Where to look: the canvas point (longitude 42° E, latitude 44° N at 14 px per degree) and the zoom.
FOCUS = "tkgView.network.moveTo({position: {x: 42 * 14, y: -44 * 14}, scale: 0.62, animation: false})"


def main() -> int:
    from playwright.sync_api import sync_playwright

    page_path = load_settings().views_dir / "diplomacy.html"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context = browser.new_context(offline=True, viewport={"width": 1400, "height": 860})
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_function("window.tkgView && tkgView.ready === true", timeout=60_000)
        page.evaluate(FOCUS)
        page.wait_for_timeout(300)
        OUT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(OUT))
        context.close()
        browser.close()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
