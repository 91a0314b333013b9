"""jargon-acronym: every short form in our plain-language text is in the glossary.

The site explains a glossary term on its first use on each page and links it to the glossary,
so a short form missing from the glossary is a short form nobody explains.

PASS: "Police referrals to the MASH improved." (MASH is in the glossary)
FAIL: "The LSCP met twice." (LSCP is not)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from digest.checks.rule import RuleSettings, finding, texts
from digest.explain import terms_by_first_word
from digest.findings import Finding, Level
from digest.model import Content, GlossaryTerm

ID = "jargon-acronym"
LEVEL: Level = "warning"


class Settings(RuleSettings):
    """Short forms everyone knows, which need no glossary entry."""

    ignore: list[str] = Field(default_factory=lambda: ["UK", "OK", "TV", "II", "III", "IV"],
                              description="Short forms never reported.")
# Two capitals or more: review codes such as 'W3' or 'Child B' are pseudonyms, not jargon.
ACRONYM = re.compile(r"\b[A-Z]{2}[A-Z0-9&]{0,6}\b")


def known_terms(glossary: list[GlossaryTerm], authority: str | None) -> frozenset[str]:
    """Return the terms and aliases that apply in an authority's pages."""
    return frozenset(name for names in terms_by_first_word(glossary, authority).values()
                     for name, _ in names)


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report short forms in summaries that the glossary does not explain."""
    ignored = set(settings.ignore)
    glossary = content.glossary
    known_by_area: dict[str | None, frozenset[str]] = {}
    for text in texts(content, lambda text: text.role.plain_language, ACRONYM.search):
        authority = text.entry.authority
        if authority not in known_by_area:
            known_by_area[authority] = known_terms(glossary, authority)
        known = known_by_area[authority]
        missing = [word for word in dict.fromkeys(ACRONYM.findall(text.value))
                   if word not in known and word not in ignored and not word.isdigit()]
        for word in missing:
            yield finding(text, ID, LEVEL, f"'{word}' is not explained in the glossary",
                          f"add '{word}' to content/glossary.yaml, or write it out in full")
