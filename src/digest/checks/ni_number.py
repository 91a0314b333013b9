"""privacy-ni-number: no National Insurance numbers in published text.

PASS: "The AB group met in June."
FAIL: "Her NI number is QQ 12 34 56 C." / "qq123456c"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import RuleSettings, finding, pattern_matches
from digest.findings import Finding, Level
from digest.model import Content

ID = "privacy-ni-number"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


_NI = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b",
                 re.I)
_TWO_DIGITS = re.compile(r"\d\d")  # in every match, and quick to look for


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report every National Insurance number in published text."""
    for text, _ in pattern_matches(content, _NI, needs=_TWO_DIGITS.search):
        yield finding(text, ID, LEVEL, "contains what looks like a National Insurance number",
                      "remove it: personal identifiers are never published")
