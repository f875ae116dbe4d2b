"""Take the screenshots of docs/views.md from real views of the build, in headless Chromium.

    tkg build && tkg viz --all && tkg viz --entity "Kubanychbek Omuraliev"
    python docs/make_screenshots.py entity-person-kubanychbek-omuraliev-1.html

Writes docs/img/overview.png (the overview) and docs/img/entity.png (the entity view named on the
command line, else the one with the most relations among the views written).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from graph.settings import load_settings

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
OUT = Path(__file__).resolve().parent / "img"


def main() -> int:
    from playwright.sync_api import sync_playwright

    views = load_settings().views_dir
    entries = json.loads((views / "views.json").read_text(encoding="utf-8"))["views"]
    overview = views / "overview.html"
    if len(sys.argv) > 1:
        entity = views / sys.argv[1]
    else:
        entity = views / max((e for e in entries if e["kind"] == "entity"), key=lambda e: e["edges"])["file"]
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for page_path, name, search in ((overview, "overview.png", None), (entity, "entity.png", None)):
            context = browser.new_context(offline=True, viewport={"width": 1400, "height": 860})
            page = context.new_page()
            page.goto(page_path.as_uri())
            page.wait_for_function("window.tkgView && tkgView.ready === true", timeout=60_000)
            if search:
                page.fill("#tkg-search", search)
                page.press("#tkg-search", "Enter")
            page.wait_for_timeout(300)
            page.screenshot(path=str(OUT / name))
            context.close()
            print(f"wrote {OUT / name}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
