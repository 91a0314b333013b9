"""Save screenshots (PNG) of the home page, a meeting and a review at phone and desktop widths.

    python benchmarks/screenshots.py [--site site] [--out build/screenshots]

Build the site first (python build_digest.py build). Uses Debian's Chromium.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from digest import audit  # noqa: E402


def pages(site: Path) -> dict[str, str]:
    """Return the pages to photograph: home, the newest meeting and the newest review."""
    addresses = audit.site_pages(site)
    meeting = next(a for a in sorted(addresses, reverse=True) if a.startswith("meetings/"))
    review = next(a for a in sorted(addresses, reverse=True) if a.startswith("reviews/")
                  and a != "reviews/")
    return {"home": "", "meeting": meeting, "review": review}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with audit.serve(args.site) as base, audit.chromium() as browser:
        for width in audit.WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, address in pages(args.site).items():
                page.goto(base + address)
                path = args.out / f"{name}-{width}.png"
                page.screenshot(path=str(path), full_page=True)
                print(path)
            page.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
