"""Report page weight: bytes of HTML, CSS and JavaScript each page loads, raw and gzipped.

The search index is left out (it loads only when someone searches). Goals: a meeting page at
most 40 KB gzip on a first visit (page, stylesheets, scripts, icon) and 8 KB for the next page,
once the shared files are cached.

    python benchmarks/page_weight.py [--site site]
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

_ASSETS = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')
_ICON = re.compile(r'<link[^>]+rel="icon"[^>]+href="([^"]+)"')


def page_files(site: Path, html: Path) -> list[Path]:
    """Return one page and the local stylesheets, scripts and icon it loads."""
    text = html.read_text(encoding="utf-8")
    address = "/" + html.relative_to(site).as_posix()
    found = [html]
    for reference in sorted(set(_ASSETS.findall(text) + _ICON.findall(text))):
        asset = site / urlparse(urljoin(address, reference)).path.lstrip("/")
        if asset.is_file():
            found.append(asset)
    return found


def page_weight(site: Path, html: Path) -> int:
    """Return the bytes of one page and the local stylesheets and scripts it loads."""
    return sum(path.stat().st_size for path in page_files(site, html))


def gzip_size(path: Path) -> int:
    """Return a file's size as a web server sends it compressed."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


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
    meetings = sorted(p for p in pages if p.relative_to(args.site).parts[0] == "meetings")
    if meetings:
        cold = [sum(gzip_size(f) for f in page_files(args.site, p)) for p in meetings]
        warm = [gzip_size(p) for p in meetings]
        print(f"meeting pages, gzip: first visit median {statistics.median(cold) / 1024:.1f} KB "
              f"(largest {max(cold) / 1024:.1f} KB); next page median "
              f"{statistics.median(warm) / 1024:.1f} KB (largest {max(warm) / 1024:.1f} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
