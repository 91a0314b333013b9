"""What every check shares: how a finding about a published text is made."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from digest.checks.texts import Text, published_texts
from digest.findings import Finding, Level
from digest.validate import Content

Settings = dict[str, Any]


def finding(text: Text, rule: str, level: Level, message: str, hint: str | None = None) -> Finding:
    """Return a finding located at the text's file, line and field."""
    return Finding(text.document.path, text.line, text.field, message, hint=hint, level=level,
                   rule=rule)


def excerpt(value: str, start: int, end: int, margin: int = 20) -> str:
    """Return the matched part of a text with a little context, for a message."""
    left = max(0, start - margin)
    right = min(len(value), end + margin)
    if left > 0:  # start and end on whole words
        left = value.find(" ", left, start) + 1 or left
    if right < len(value):
        space = value.rfind(" ", end, right)
        right = space if space > 0 else right
    return ("..." if left else "") + value[left:right] + ("..." if right < len(value) else "")


def pattern_matches(content: Content,
                    pattern: re.Pattern[str]) -> Iterator[tuple[Text, re.Match[str]]]:
    """Yield every match of a pattern in every published text, with the text it is in."""
    for text in published_texts(content):
        for match in pattern.finditer(text.value):
            yield text, match
