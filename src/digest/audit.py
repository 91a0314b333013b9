"""Look at the built site as readers do: serve it on localhost and open it in Chromium.

Used by the accessibility tests and the screenshot script. Playwright drives Debian's own
Chromium (browser downloads are not possible here), and axe-core, bundled by
axe-playwright-python, checks each page against WCAG 2.0, 2.1 and 2.2 A and AA.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from digest.browser import find_chromium
from digest.editor import EDITOR_FOLDER

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (320, 390, 1280)  # the narrowest phone (WCAG reflow), a common phone, a desktop


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Keep test output clean."""


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free localhost port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Any]:
    """Yield a headless Chromium browser driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(),
                                             args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def site_pages(site: Path) -> list[str]:
    """Return the address of every page in a built site, relative to its root."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative.startswith(f"{EDITOR_FOLDER}/"):
            continue  # the comms team's editor (Decap's own interface), not a page for readers
        pages.append(relative[: -len("index.html")] if relative.endswith("index.html")
                     else relative)
    return pages


def audit(site: Path, widths: tuple[int, ...] = WIDTHS,
          scheme: str = "light") -> dict[tuple[str, int], list[str]]:
    """Run axe-core on every page at every width, in the light or dark colour scheme; return
    the violations found, by page."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    found: dict[tuple[str, int], list[str]] = {}
    with serve(site) as base, chromium() as browser:
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": 900},
                                    color_scheme=scheme)
            for address in site_pages(site):
                page.goto(base + address)
                results = axe.run(page, options=options)
                found[(address, width)] = [
                    f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'])})"
                    for v in results.response["violations"]
                ]
            page.close()
    return found



def wider_than_screen(page: Any, base: str, addresses: list[str]) -> dict[str, int]:
    """Return the pages that scroll sideways in ``page``'s viewport, with how wide they are.

    Any element reaching past the right edge counts, not only the document's own width.
    """
    width = page.viewport_size["width"]
    wide: dict[str, int] = {}
    for address in addresses:
        page.goto(base + address)
        reach = page.evaluate(
            "Math.max(document.documentElement.scrollWidth, ...Array.from("
            "document.querySelectorAll('body *'), e => { const r = e.getBoundingClientRect();"
            " return r.width > 0 && getComputedStyle(e).visibility !== 'hidden'"
            " ? Math.ceil(r.right) : 0; }))")
        if reach > width:
            wide[address] = reach
    return wide
