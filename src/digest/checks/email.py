"""privacy-email: no e-mail addresses in published text, even written out in words.

Council papers print officers' direct e-mail addresses; the site never repeats them, nor the
disguised forms people type to dodge filters ("jane dot doe at example dot com").

PASS: "Contact the council through its website."
FAIL: "Contact nikki.gough@walsall.gov.uk for details." / "write to jane dot doe at example dot com"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import RuleSettings, excerpt, finding, pattern_matches
from digest.findings import Finding, Level
from digest.model import Content

ID = "privacy-email"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


_WORD_DOT = r"(?:\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+)"
_DOT = rf"(?:\.(?=[A-Za-z0-9])|{_WORD_DOT})"
_AT = r"(?:\s*@\s*|\s*[\[(]\s*at\s*[\])]\s*|\s+at\s+)"
_PART = r"[A-Za-z0-9_%+-]+"
_EMAIL = re.compile(
    rf"(?<![\w.]){_PART}(?:{_DOT}{_PART})*{_AT}[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)+", re.I)
# In every address: an 'at', a name and a 'dot' (looked for from the 'at' itself, which is
# quicker to find than the spaces around it).
_AT_NAME_DOT = re.compile(rf"(?:@|[\[(]\s*at\s*[\])]|\sat\s)\s*[A-Za-z0-9-]+{_DOT}", re.I)


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report every e-mail address in published text."""
    for text, match in pattern_matches(content, _EMAIL, needs=_AT_NAME_DOT.search):
        if _is_address(match.group()):
            yield finding(text, ID, LEVEL,
                          f"contains an e-mail address: '{excerpt(text.value, *match.span())}'",
                          "remove it: the site never publishes e-mail addresses")


def _is_address(found: str) -> bool:
    """Return True for an address; 'reports are at walsall.gov.uk' only names a website.

    Written-out forms count when a 'dot' is spelt out, or the part before 'at' has a dot
    ('jane.doe at example.com') as names in addresses do.
    """
    if "@" in found or re.search(r"[\[(]\s*(?:at|dot)\s*[\])]", found, re.I):
        return True
    local = re.split(_AT, found, maxsplit=1, flags=re.I)[0]
    return bool(re.search(_WORD_DOT, found, re.I)) or "." in local
