"""Where the browser is: the one place the tests, the screenshots and the Pages workflow ask.

The order follows how machines offer Chromium: a path given in DIGEST_CHROMIUM; Debian's and
GitHub's runners' ``chromium``; Google Chrome; ``chromium-browser`` unless it is Ubuntu's shim
that installs a snap (which fails on CI runners); last, a Chromium that Playwright installed.

``python -m digest.browser`` prints the path, or says what was tried and exits 1.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from digest.errors import DigestError

NAMES = ("chromium", "google-chrome", "google-chrome-stable", "chromium-browser")


class NoBrowser(DigestError):
    """No Chromium or Chrome could be found."""


def find_chromium(environ: dict[str, str] | None = None) -> Path:
    """Return the browser to drive; raise NoBrowser naming everything that was tried."""
    environ = dict(os.environ if environ is None else environ)
    tried = []
    given = environ.get("DIGEST_CHROMIUM")
    if given:
        if Path(given).is_file():
            return Path(given)
        tried.append(f"DIGEST_CHROMIUM={given} (no such file)")
    for name in NAMES:
        found = shutil.which(name, path=environ.get("PATH", os.defpath))
        if found is None:
            tried.append(f"{name} (not on PATH)")
        elif _is_snap_shim(Path(found)):
            tried.append(f"{found} (a shim that installs a snap: not used)")
        else:
            return Path(found)
    installed = _playwright_chromium()
    if installed is not None:
        return installed
    tried.append("a Chromium installed by 'playwright install chromium' (none)")
    raise NoBrowser("No Chromium or Chrome was found. Tried: " + "; ".join(tried) + ". Install "
                    "one (Debian: apt-get install chromium) or set DIGEST_CHROMIUM to its path.")


def _is_snap_shim(path: Path) -> bool:
    """Return True for Ubuntu's chromium-browser script, which only installs the snap."""
    real = path.resolve()
    if "/snap/" in real.as_posix():
        return True
    try:
        head = real.read_bytes()[:4096]
    except OSError:
        return False
    return head.startswith(b"#!") and b"snap" in head


def _playwright_chromium() -> Path | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as playwright:
            path = Path(playwright.chromium.executable_path)
    except Exception:  # Playwright not set up on this machine: there is no such browser
        return None
    return path if path.is_file() else None


def main() -> int:
    """Print the browser's path; say what was tried and return 1 if there is none."""
    try:
        print(find_chromium())
    except NoBrowser as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
