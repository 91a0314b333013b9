"""privacy-date-of-birth: no dates of birth in published text.

A date (or a month and year) right after "born", "date of birth" or "DOB" is a date of birth,
unless it starts a range of dates: "babies born 1 April 2023 to 31 March 2024" is a group.
A year alone ("babies born in 2022") describes a group, not a person.

PASS: "The review was published on 3 May 2023." / "babies born 1 April 2023 to 31 March 2024"
FAIL: "Child B was born on 3 May 2015." / "DOB: 03/05/2015" / "d.o.b. 3.3.15" / "Born in March 2015"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import RuleSettings, finding, pattern_matches
from digest.findings import Finding, Level
from digest.model import Content

ID = "privacy-date-of-birth"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{2,4}}"
         rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|{_MONTH}\s+\d{{4}}"
         r"|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4})")
_BIRTH = re.compile(
    rf"\b(?:(?:born|date\s+of\s+birth|dob)\b|d\.\s?o\.\s?b\.?)\s*[:\-]?\s*(?:on\s+|in\s+)?"
    rf"(?:the\s+)?(?P<date>{_DATE})(?P<after>\s*(?:to|and|until|-|–)\s+\d)?", re.I)


def _marks_a_birth(value: str) -> bool:
    """Return True if the text has what every match has: 'born', 'birth', 'dob' or the 'o.'
    of 'd.o.b.' (quicker to look for than the pattern, which may start at any word)."""
    lower = value.lower()
    return "born" in lower or "birth" in lower or "dob" in lower or "o." in lower


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report a date written right after 'born', 'date of birth' or 'DOB'."""
    for text, match in pattern_matches(content, _BIRTH, needs=_marks_a_birth):
        if not match.group("after"):
            yield finding(text, ID, LEVEL, "contains a date of birth",
                          "remove it; give an age range instead if it matters, like 'a baby'")
