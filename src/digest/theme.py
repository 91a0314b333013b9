"""Material's page skeleton with the structure a screen reader needs, made from the installed copy.

Material's ``base.html`` puts the site menu and the table of contents inside ``<main>`` and has
no block to change that. Rather than keep a copy of the file (tied to one Material release and
its hashed asset names), the build reads the installed ``base.html``, makes three marked
changes, and puts the result first in the theme's search path: the menus sit outside
``<main>``, ``<main>`` holds the page itself, and a "Worried about a child?" region follows it
(overrides/partials/help.html). If Material changes the lines these changes look for, the build
stops and says so, rather than publishing pages without them.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from digest.errors import DigestError

# (what Material writes, what we write instead), each found exactly once.
CHANGES = [
    ('<main class="md-main" data-md-component="main">',
     '<div class="md-main" data-md-component="main">'),
    ('<div class="md-content" data-md-component="content">',
     '<main class="md-content" data-md-component="content" id="main-content">'),
    ("</article>\n            </div>\n          {% endblock %}",
     "</article>\n            </main>\n          {% endblock %}"),
    ("</main>\n      {% block footer %}",
     '</div>\n      {% include "partials/help.html" %}\n      {% block footer %}'),
]


class ThemeChanged(DigestError):
    """The installed Material's base.html no longer has the lines we change."""

    def report(self) -> str:
        """Return the reason as a sentence the command line prints."""
        return (f"Material for MkDocs has changed its base.html ({self}); update "
                "src/digest/theme.py before building, so pages keep their structure.")


def page_skeleton() -> str:
    """Return Material's installed base.html with our structural changes."""
    text = files("material").joinpath("templates", "base.html").read_text(encoding="utf-8")
    for old, new in CHANGES:
        if text.count(old) != 1:
            raise ThemeChanged(f"expected once: {old.splitlines()[0]!r}")
        text = text.replace(old, new)
    return text


def write_theme_layer(folder: Path) -> Path:
    """Write the changed base.html into ``folder``; return it, to go first in the theme path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "base.html"
    text = page_skeleton()
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return folder
