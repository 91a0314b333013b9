"""What every check shares: its settings' base, and how a finding about a published text is made."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from digest.checks.texts import Text, published_texts, published_values
from digest.findings import Finding, Level
from digest.model import Content


class RuleSettings(BaseModel):
    """A rule's settings: each one typed, with its default; unknown ones are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


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


def texts(content: Content, applies: Callable[[Text], bool] | None = None,
          look: Callable[[str], object] | None = None) -> Iterator[Text]:
    """Yield every published text, or those a rule applies to.

    ``look`` is a quick test (a pattern's search) that every text the rule could report on
    passes: it is run over all the texts in one go, without a step of Python for each (at
    national scale, 800,000 texts for each rule), and the texts that fail it are passed by.
    """
    found: Iterable[Text] = published_texts(content) if look is None else itertools.compress(
        published_texts(content), map(look, published_values(content)))
    return iter(found) if applies is None else filter(applies, found)


def pattern_matches(content: Content, pattern: re.Pattern[str],
                    needs: Callable[[str], object] | None = None,
                    ) -> Iterator[tuple[Text, re.Match[str]]]:
    """Yield every match of a pattern in every published text, with the text it is in.

    ``needs`` is a quicker test that every text with a match passes: a text that fails it is
    not searched (Python's patterns are slow to scan for a match that may start anywhere).
    """
    for text in texts(content, look=needs or pattern.search):
        for match in pattern.finditer(text.value):
            yield text, match
