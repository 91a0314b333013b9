"""placeholder: no text that 'digest new' left for a person to fill in is published.

PASS: "Councillors looked at the plan against neglect."
FAIL: "FILL IN: two or three short sentences in plain words."
"""

from __future__ import annotations

from collections.abc import Iterator

from digest.checks.rule import RuleSettings, finding, texts
from digest.findings import Finding, Level
from digest.model import Content
from digest.new import FILL_IN

ID = "placeholder"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report every text that still starts with the 'FILL IN:' a new file was made with."""
    for text in texts(content, lambda text: text.value.startswith(FILL_IN)):
        yield finding(text, ID, LEVEL, f"still holds the text to replace: '{text.value[:60]}'",
                      "write what the paper says here, or delete the line if it says nothing")
