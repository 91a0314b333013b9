"""privacy-date-of-birth: no dates of birth in published text.

PASS: "The review was published on 3 May 2023."
FAIL: "Child B was born on 3 May 2015." / "DOB: 03/05/2015"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import Settings, finding
from digest.checks.texts import published_texts
from digest.extract.dates import find_dates
from digest.findings import Finding, Level
from digest.validate import Content

ID = "privacy-date-of-birth"
LEVEL: Level = "error"
DEFAULT: Settings = {}
_BIRTH = re.compile(r"\b(?:born(?:\s+on)?|date of birth|d\.?o\.?b\.?)\s*:?\s*", re.I)


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report a date written right after 'born', 'date of birth' or 'DOB'."""
    for text in published_texts(content):
        for match in _BIRTH.finditer(text.value):
            if any(found.position == match.end() for found in find_dates(text.value)):
                yield finding(text, ID, LEVEL, "contains a date of birth",
                              "remove it; give an age range instead if it matters, like 'a baby'")
