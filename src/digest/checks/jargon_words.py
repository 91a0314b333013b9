"""jargon-word: council jargon in our plain-language text gets a plainer word suggested.

PASS: "Councillors looked at the report."
FAIL: "The report was noted in the municipal year." (suggests 'looked at', 'council year')
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from digest.checks.rule import RuleSettings, finding, texts
from digest.findings import Finding, Level
from digest.model import Content

ID = "jargon-word"
LEVEL: Level = "warning"
WORDS = {
    "municipal year": "council year (May to May)",
    "noted": "looked at, or were told about",
    "cohort": "group",
    "multi-agency": "several services working together",
    "stakeholders": "people and groups involved",
    "utilise": "use",
    "facilitate": "help",
    "in relation to": "about",
    "prior to": "before",
    "subsequently": "later",
    "mitigate": "reduce",
    "robust": "strong",
    "holistic": "whole",
    "pertaining to": "about",
    "in respect of": "about",
    "commissioned": "paid for",
    "outcomes": "results",
    "salient": "main",
    "thresholds": "the point at which help is given",
}


class Settings(RuleSettings):
    """Council words and the plainer words to suggest."""

    words: dict[str, str] = Field(default_factory=lambda: dict(WORDS), min_length=1,
                                  description="Jargon, each with a plainer alternative.")


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report each jargon word once per summary, with a plainer alternative."""
    words: dict[str, str] = {word.lower(): plain for word, plain in settings.words.items()}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I)
    for text in texts(content, lambda text: text.role.plain_language):
        found = dict.fromkeys(match.group(1).lower() for match in pattern.finditer(text.value))
        for word in sorted(found, key=list(words).index):
            yield finding(text, ID, LEVEL, f"uses council jargon: '{word}'",
                          f"try: {words[word]}")
