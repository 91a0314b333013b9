"""sentence-length: no sentence in a summary longer than the configured number of words.

PASS: "The committee agreed to write to the police."
FAIL: a 30-word sentence joined by 'and', 'which' and commas.
"""

from __future__ import annotations

from collections.abc import Iterator

from digest.checks.readability import sentences
from digest.checks.rule import Settings, finding
from digest.checks.texts import published_texts
from digest.findings import Finding, Level
from digest.validate import Content

ID = "sentence-length"
LEVEL: Level = "warning"
DEFAULT: Settings = {"max_words": 25}


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report the first over-long sentence of each summary."""
    for text in published_texts(content):
        if text.role != "summary":
            continue
        for sentence in sentences(text.value):
            count = len(sentence.split())
            if count > settings["max_words"]:
                start = " ".join(sentence.split()[:6])
                yield finding(text, ID, LEVEL,
                              f"has a sentence of {count} words ('{start} ...'); "
                              f"keep sentences to {settings['max_words']} words or fewer",
                              "split it into two sentences")
                break
