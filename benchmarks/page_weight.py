"""Report page weight: bytes of HTML, CSS and JavaScript each page loads, before compression.

The search index is left out (it loads only when someone searches). Goal: median under 150 KB.

    python benchmarks/page_weight.py [--site site]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

_ASSETS = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def page_weight(site: Path, html: Path) -> int:
    """Return the bytes of one page and the local stylesheets and scripts it loads."""
    text = html.read_text(encoding="utf-8")
    address = "/" + html.relative_to(site).as_posix()
    total = len(text.encode("utf-8"))
    for reference in sorted(set(_ASSETS.findall(text))):
        path = urlparse(urljoin(address, reference)).path
        asset = site / path.lstrip("/")
        if asset.is_file():
            total += asset.stat().st_size
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    pages = sorted(args.site.rglob("*.html"))
    weights = {html.relative_to(args.site).as_posix(): page_weight(args.site, html)
               for html in pages}
    html_only = [html.stat().st_size for html in pages]
    largest = max(weights, key=lambda name: weights[name])
    print(f"pages: {len(weights)}")
    print(f"median: {statistics.median(weights.values()) / 1024:.1f} KB")
    print(f"largest: {weights[largest] / 1024:.1f} KB ({largest})")
    print(f"HTML alone: median {statistics.median(html_only) / 1024:.1f} KB, "
          f"largest {max(html_only) / 1024:.1f} KB (the rest is the theme's CSS and JS, the "
          "same file for every page, so a browser fetches it once)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
