"""sentence-length: no sentence in a summary longer than the configured number of words.

PASS: "The committee agreed to write to the police."
FAIL: a 30-word sentence joined by 'and', 'which' and commas.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from digest.checks.readability import sentences
from digest.checks.rule import RuleSettings, finding, texts
from digest.findings import Finding, Level
from digest.model import Content

ID = "sentence-length"
LEVEL: Level = "warning"


class Settings(RuleSettings):
    """How long a sentence in a summary may be."""

    max_words: int = Field(default=25, ge=5, description="Most words in one sentence.")


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report the first over-long sentence of each summary."""
    for text in texts(content, lambda text: text.role.in_short):
        for sentence in sentences(text.value):
            count = len(sentence.split())
            if count > settings.max_words:
                start = " ".join(sentence.split()[:6])
                yield finding(text, ID, LEVEL,
                              f"has a sentence of {count} words ('{start} ...'); "
                              f"keep sentences to {settings.max_words} words or fewer",
                              "split it into two sentences")
                break
