"""jargon-acronym: every short form in our plain-language text is in the glossary.

The site explains a glossary term on its first use on each page and links it to the glossary,
so a short form missing from the glossary is a short form nobody explains.

PASS: "Police referrals to the MASH improved." (MASH is in the glossary)
FAIL: "The LSCP met twice." (LSCP is not)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.rule import Settings, finding
from digest.checks.texts import published_texts
from digest.explain import terms_by_first_word
from digest.findings import Finding, Level
from digest.model import Authority, GlossaryTerm
from digest.validate import Content

ID = "jargon-acronym"
LEVEL: Level = "warning"
DEFAULT: Settings = {"ignore": ["UK", "OK", "TV", "II", "III", "IV"]}
# Two capitals or more: review codes such as 'W3' or 'Child B' are pseudonyms, not jargon.
ACRONYM = re.compile(r"\b[A-Z]{2}[A-Z0-9&]{0,6}\b")


_KNOWN: dict[tuple[int, str | None], tuple[list[GlossaryTerm], frozenset[str]]] = {}


def known_terms(glossary: list[GlossaryTerm], authority: str | None) -> frozenset[str]:
    """Return the terms and aliases that apply in an authority's pages (kept per glossary)."""
    kept = _KNOWN.get((id(glossary), authority))
    if kept is None or kept[0] is not glossary:
        names = frozenset(name for names in terms_by_first_word(glossary, authority).values()
                          for name, _ in names)
        kept = (glossary, names)
        _KNOWN[(id(glossary), authority)] = kept
    return kept[1]


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report short forms in summaries that the glossary does not explain."""
    ignored = set(settings["ignore"])
    for text in published_texts(content):
        if text.role not in {"summary", "plain"} or text.record is None:
            continue
        authority = text.record.id if isinstance(text.record, Authority) else text.record.authority
        known = known_terms(content.glossary, authority)
        missing = [word for word in dict.fromkeys(ACRONYM.findall(text.value))
                   if word not in known and word not in ignored and not word.isdigit()]
        for word in missing:
            yield finding(text, ID, LEVEL, f"'{word}' is not explained in the glossary",
                          f"add '{word}' to content/glossary.yaml, or write it out in full")
