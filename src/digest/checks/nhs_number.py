"""privacy-nhs-number: no NHS numbers in published text.

Ten digits that pass the NHS number check-digit test are treated as an NHS number, wherever
they stand in a sentence.

PASS: "There were 4,194 referrals."
FAIL: "NHS number 943 476 5919 was shared." / "Her number is 943 476 5919."
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import RuleSettings, finding, pattern_matches
from digest.findings import Finding, Level
from digest.model import Content

ID = "privacy-nhs-number"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


# Ten digits, grouped 3-3-4 or not; a full stop or comma after them ends the sentence unless a
# digit follows (4,194,000 is a number, not an identifier).
_TEN_DIGITS = re.compile(r"(?<![\d,.])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)(?![.,]\d)")
_THREE_DIGITS = re.compile(r"\d\d\d")  # in every match, and quick to look for


def is_nhs_number(candidate: str) -> bool:
    """Return True if ten digits pass the NHS number's modulus 11 check."""
    digits = [int(d) for d in re.sub(r"\D", "", candidate)]
    if len(digits) != 10:
        return False
    remainder = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 11 - remainder
    return check != 10 and (check % 11) == digits[9]


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report every valid NHS number in published text."""
    for text, match in pattern_matches(content, _TEN_DIGITS, needs=_THREE_DIGITS.search):
        if is_nhs_number(match.group()):
            yield finding(text, ID, LEVEL, "contains what looks like an NHS number",
                          "remove it: health identifiers are never published")
