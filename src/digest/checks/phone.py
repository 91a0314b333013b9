"""privacy-phone: no phone numbers in published text, except the council's published help lines.

The only numbers a reader sees are the service lines in an authority's `help` (and the national
helplines the site prints itself).

PASS: "Call the children's front door on 0300 555 2866." when that number is in `help`.
FAIL: "Call Zoe on 07775 541850."
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import Settings, excerpt, finding, pattern_matches
from digest.findings import Finding, Level
from digest.validate import Content

ID = "privacy-phone"
LEVEL: Level = "error"
DEFAULT: Settings = {}
_PHONE = re.compile(r"(?<![\d£.,])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){7,9}(?![\d%])")


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report every phone number that is not one of the authorities' published help lines."""
    allowed = {_digits(number) for authority in content.authorities.values()
               for number in (authority.help.children_front_door, authority.help.out_of_hours)
               if number}
    for text, match in pattern_matches(content, _PHONE):
        if _digits(match.group()) not in allowed:
            yield finding(text, ID, LEVEL,
                          f"contains a phone number: '{excerpt(text.value, *match.span())}'",
                          "remove it; only the help lines in the authority's 'help' are shown")


def _digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return "0" + digits[2:].lstrip("0") if digits.startswith("44") else digits
