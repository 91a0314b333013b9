"""privacy-email: no e-mail addresses in published text.

Council papers print officers' direct e-mail addresses; the site never repeats them.

PASS: "Contact the council through its website."
FAIL: "Contact nikki.gough@walsall.gov.uk for details."
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import Settings, excerpt, finding, pattern_matches
from digest.findings import Finding, Level
from digest.validate import Content

ID = "privacy-email"
LEVEL: Level = "error"
DEFAULT: Settings = {}
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report every e-mail address in published text."""
    for text, match in pattern_matches(content, _EMAIL):
        yield finding(text, ID, LEVEL,
                      f"contains an e-mail address: '{excerpt(text.value, *match.span())}'",
                      "remove it: the site never publishes e-mail addresses")
