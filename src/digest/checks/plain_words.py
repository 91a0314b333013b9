"""plain-words: every decision and recommendation has plain words beside the council's own.

A parent reads "The committee will ask the trust to explain its overspend", not "That the Board
notes the responses to the recommendations". The rule follows the model, not a list of fields:
any published record part that has a ``plain`` field next to official wording must fill it in.

PASS: text: "That the minutes be deferred." plain: "Councillors put off agreeing the minutes."
FAIL: text: "That the minutes be deferred." (no plain)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from digest.checks.rule import RuleSettings, finding, texts
from digest.findings import Finding, Level
from digest.model import Content

ID = "plain-words"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report official wording whose record part has an empty ``plain`` field."""
    for text in texts(content, lambda text: text.loc[-1:] == ("text",)):
        part = _part(text.record, text.loc[len(text.entry.loc):-1])
        if "plain" in type(part).model_fields and part.plain is None:
            yield finding(text, ID, LEVEL, "the council's words have no plain words beside "
                          "them", "add 'plain:' under it: what it means for a family, in short "
                          "everyday words (pages lead with it; the council's words stay one "
                          "click away)")


def _part(record: Any, loc: tuple[str | int, ...]) -> Any:
    """Return the part of a record at a field path, like ('items', 2, 'decisions', 0)."""
    for step in loc:
        record = record[step] if isinstance(step, int) else getattr(record, step)
    return record
