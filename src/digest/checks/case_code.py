"""privacy-case-code: no case review pseudonym or code in public text.

Reviews call a child "Child A" or "W3" so the family cannot be named, but a code beside the
team, the year and the kind of investigation still points at one family, and the code is
repeated on every page, feed and data file that shows the text. Name the review by its kind
and date instead ("a serious case review published in March 2014"). Accepting one needs an
`allow` with a reason.

PASS: "A serious case review published in March 2014 found failings by several services."
FAIL: "It published a serious case review about a boy called W3." / "Baby D was known to services."
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import RuleSettings, excerpt, finding, pattern_matches
from digest.findings import Finding, Level
from digest.model import Content

ID = "privacy-case-code"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


_PERSON = (r"Child|Baby|Infant|Young\s+Person|Sibling|Family|Adult|Mother|Father|Boy|Girl|"
           r"Parent|Teenager|Brother|Sister")
_CODE = r"[A-Z]{1,3}\d{0,3}(?![\w'’])"
_CASE_CODE = re.compile(
    # Child A, Baby D, Family Z, Child W3
    rf"\b(?:{_PERSON})\s+(?P<code>{_CODE})"
    # a boy called W3, known as 'Sam', review W13
    rf"|\b(?:called|known\s+as|named|referred\s+to\s+as|case|review|SCR|LCSPR|CSPR)\s+"
    rf"['‘\"“]?(?P<code2>[A-Z]{{1,3}}\d{{1,3}})\b"
    # the W3 review, W13 'Sam'
    rf"|\b(?P<code3>[A-Z]{{1,3}}\d{{1,3}})\s+(?:review|case|SCR|LCSPR|CSPR|['‘\"“][A-Z])")
def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report each case review pseudonym or code in published text."""
    for text, match in pattern_matches(content, _CASE_CODE):
        yield finding(text, ID, LEVEL,
                      f"names a case by its code: '{excerpt(text.value, *match.span())}'",
                      "name the review by its kind and date instead, like 'a serious case "
                      "review published in March 2014'")

