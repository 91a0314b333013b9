"""Run axe-core on every page of the built site, light at 320, 390 and 1280 px and dark at
390 px, and measure reflow at 320 px: the figures for content/accessibility.yaml.

    python benchmarks/accessibility_audit.py [--site site]

Build the site first (python build_digest.py build). Uses Debian's Chromium.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from digest import audit  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    site = args.site.resolve()
    pages = audit.site_pages(site)
    light = audit.audit(site)
    dark = audit.audit(site, (390,), scheme="dark")
    with audit.serve(site) as base, audit.chromium() as browser:
        wide = audit.wider_than_screen(browser.new_page(viewport={"width": 320, "height": 700}),
                                       base, pages)
    for (address, width), found in sorted({**light, **{(a, -w): f for (a, w), f
                                                        in dark.items()}}.items()):
        for violation in found:
            print(f"{address} at {abs(width)} px{' (dark)' if width < 0 else ''}: {violation}")
    print(f"pages: {len(pages)}; widths: {list(audit.WIDTHS)} light, [390] dark")
    print(f"violations: {sum(map(len, light.values())) + sum(map(len, dark.values()))}")
    print(f"pages wider than 320 px at 320 px: {len(wide)} {sorted(wide) if wide else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
