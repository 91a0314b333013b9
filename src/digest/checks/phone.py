"""privacy-phone: no phone numbers in published text, except the council's published help lines.

The only numbers a reader sees are the service lines in an authority's `help`, on that
authority's own records (and the national helplines the site prints itself). Numbers are found
by Google's libphonenumber (the phonenumbers package) in every shape people write them.

PASS: "Call the children's front door on 0300 555 2866." when that number is in `help`.
FAIL: "Call Zoe on 07775 541850." / "(0121) 496 0000" / "0044 7700 900123"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from digest.checks.rule import RuleSettings, excerpt, finding, texts
from digest.findings import Finding, Level
from digest.model import Content

ID = "privacy-phone"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report every phone number that is not one of the record's own authority's help lines."""
    allowed = {authority.id: {_key(number) for number in
                              (authority.help.children_front_door, authority.help.out_of_hours)
                              if number}
               for authority in content.authorities.values()}
    for text in texts(content, lambda text: not text.role.help_line, _DIGITS.search):
        own = allowed.get(text.entry.authority or "", set())
        for start, end, key in phone_numbers(text.value):
            if key not in own:
                yield finding(text, ID, LEVEL,
                              f"contains a phone number: '{excerpt(text.value, start, end)}'",
                              "remove it; only the help lines in the authority's 'help' are "
                              "shown, on that authority's pages")


def phone_numbers(value: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, number in E.164) for each UK-style or international number."""
    if not _DIGITS.search(value):
        return
    for match in phonenumbers.PhoneNumberMatcher(value, "GB", phonenumbers.Leniency.POSSIBLE):
        raw = match.raw_string.lstrip("(")
        number = match.number
        dialled = raw.startswith(("0", "+"))
        # Valid numbers, and well-formed ones in ranges kept for drama (07700 900123) or not
        # yet issued: a reference or a year never starts with 0 or +.
        if phonenumbers.is_valid_number(number) or (
                dialled and len(str(number.national_number)) >= 9):
            yield match.start, match.end, phonenumbers.format_number(
                number, phonenumbers.PhoneNumberFormat.E164)


def _key(number: str) -> str:
    found = [key for _, _, key in phone_numbers(number)]
    return found[0] if found else re.sub(r"\D", "", number)


# Every number phonenumbers can find has at least six digits (the shortest anywhere: a
# country code and four), each at most four punctuation marks from the next (its matcher's own
# limit). Most texts have no such run (years, counts, money), and skip the matcher, which was
# most of the time the privacy checks took.
_DIGITS = re.compile(r"\d(?:[\WxX]{0,4}\d){5}")
