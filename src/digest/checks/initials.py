"""privacy-initials: no child or family member named by initials.

Initials with a setting ("pupil J.S. at St Mary's Primary") point at one child as surely as a
name. Reviews' single-letter pseudonyms ("Child A") are a different rule's concern.

PASS: "Child A was known to three services."
FAIL: "pupil J.S. at St Mary's Primary" / "the mother, K. L., was not told"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import RuleSettings, excerpt, finding, pattern_matches
from digest.findings import Finding, Level
from digest.model import Content

ID = "privacy-initials"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


_PEOPLE = (r"pupil|child|student|young\s+person|boy|girl|baby|infant|toddler|son|daughter|"
           r"sibling|brother|sister|mother|father|mum|dad|parent|carer|grandparent|aunt|uncle|"
           r"stepfather|stepmother|partner|family|victim|teenager")
_INITIALS = re.compile(
    rf"\b(?:{_PEOPLE})\b,?\s+(?:called\s+|known\s+as\s+)?[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?", re.I)
# In every match, and quicker to look for than the words before it.
_DOTTED_PAIR = re.compile(r"[A-Z]\.\s?[A-Z]\.", re.I)


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report a child or family member named by dotted initials."""
    for text, match in pattern_matches(content, _INITIALS, needs=_DOTTED_PAIR.search):
        yield finding(text, ID, LEVEL,
                      f"names someone by initials: '{excerpt(text.value, *match.span())}'",
                      "describe them by role only ('a pupil', 'the mother')")
