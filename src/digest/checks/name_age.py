"""privacy-name-age: no first name beside an age, which can identify a child.

Case reviews use pseudonyms ("Child A"); a real first name with an age must not appear.

PASS: "Child A, aged 7, was known to services."
FAIL: "Tom, aged 7, was known to services." / "Amira (14) went missing."
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from digest.checks.rule import Settings, finding
from digest.checks.texts import published_texts
from digest.findings import Finding, Level
from digest.validate import Content

ID = "privacy-name-age"
LEVEL: Level = "error"
DEFAULT: Settings = {}
_NAME_AGE = re.compile(
    r"\b(?P<name>[A-Z][a-z]+)(?:,\s*|\s+)(?:aged\s+|age\s+|\()(?P<age>\d{1,2})\b"
    r"|\b(?P<age2>\d{1,2})[- ]year[- ]old\s+(?:called|named)\s+(?P<name2>[A-Z][a-z]+)"
)


@cache
def first_names() -> frozenset[str]:
    """Return the list of common first names shipped with the checks."""
    text = (Path(__file__).parent / "first_names.txt").read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#")
                     for word in line.split())


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report a known first name written beside an age."""
    for text in published_texts(content):
        for match in _NAME_AGE.finditer(text.value):
            name = match.group("name") or match.group("name2")
            if name in first_names():
                yield finding(text, ID, LEVEL, f"names '{name}' beside an age",
                              "use the pseudonym the review uses, like 'Child A', or no name")
