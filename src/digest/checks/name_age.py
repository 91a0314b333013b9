"""privacy-name-age: no first name beside an age, which can identify a child.

Case reviews use pseudonyms ("Child A"); a real first name with an age must not appear, in
any of the ways people write it. First names come from names-dataset (see names.py).

PASS: "Child A, aged 7, was known to services."
FAIL: "Tom, aged 7, was known to services." / "Amira (14) went missing." / "seven-year-old Tom"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.names import first_names
from digest.checks.rule import RuleSettings, finding, pattern_matches
from digest.facts import NUMBER_WORDS
from digest.findings import Finding, Level
from digest.model import Content

ID = "privacy-name-age"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


_AGE = rf"(?:\d{{1,2}}|{'|'.join(NUMBER_WORDS[1:])})"
_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAME_AGE = re.compile(
    # Tom, aged 7 / Tom aged 7 / Tom (aged 7) / Tom (7) / Tom, 7, / Tom, age 7
    rf"\b(?P<name>{_NAME})(?:,\s*|\s+)(?:\(\s*(?:aged?\s+)?{_AGE}\s*\)|aged?\s+{_AGE}\b"
    rf"|{_AGE}\s*,)"
    # seven-year-old Tom / a 7 year old called Tom / Tom, a seven-year-old
    rf"|\b{_AGE}[- ](?:year|yr)s?[- ]old\s+(?:(?:boy|girl|child)\s+)?(?:called\s+|named\s+)?"
    rf"(?P<name2>{_NAME})"
    rf"|\b(?P<name3>{_NAME}),?\s+(?:a|an|who\s+is|is)\s+{_AGE}[- ](?:year|yr)s?[- ]old", re.I)
_AGE_AND_COMMA = re.compile(rf"\b{_AGE}\s*,", re.I)


def _marks_an_age(value: str) -> bool:
    """Return True if the text has what every match has: 'age', a bracket, 'old' (as in
    'year-old'), or an age and a comma."""
    lower = value.lower()
    return ("age" in lower or "(" in value or "old" in lower
            or ("," in value and _AGE_AND_COMMA.search(value) is not None))


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report a first name written beside an age."""
    names = first_names()
    for text, match in pattern_matches(content, _NAME_AGE, needs=_marks_an_age):
        name = match.group("name") or match.group("name2") or match.group("name3")
        if name[0].isupper() and name.split("-")[0] in names:
            yield finding(text, ID, LEVEL, f"names '{name}' beside an age",
                          "use the pseudonym the review uses, like 'Child A', or no name")
