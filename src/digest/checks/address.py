"""privacy-address: no home addresses (a house number with a postcode) in published text.

An organisation's address without a house number, like a council house, is fine.

PASS: "Council House, Lichfield Street, Walsall, WS1 1TW"
FAIL: "The family lived at 14 Park Road, Walsall WS2 8AB." / "14 park road, walsall ws2 8ab"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import RuleSettings, finding, pattern_matches
from digest.findings import Finding, Level
from digest.model import Content

ID = "privacy-address"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.I)
# A postcode starts with a letter and a digit ("B1", "WS10"): quick to look for.
_LETTER_DIGIT = re.compile(r"[A-Z]\d", re.I)
_HOUSE_NUMBER = re.compile(r"(?:^|[\s,(])(?:flat\s+)?\d{1,4}[A-Za-z]?,?\s+[A-Za-z][a-z]+", re.I)


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report a postcode that has a house number before it in the same text."""
    for text, match in pattern_matches(content, _POSTCODE, needs=_LETTER_DIGIT.search):
        before = text.value[max(0, match.start() - 60): match.start()]
        if _HOUSE_NUMBER.search(before):
            yield finding(text, ID, LEVEL, "contains what looks like a home address",
                          "remove the house number and postcode")
