"""reading-grade: plain-language summaries a parent can read (Flesch-Kincaid grade).

GOV.UK writes for a reading age of about 9 to 11. A summary above the configured grade is
reported with its Flesch reading ease, so the writer can see how far off it is.

PASS: "Councillors looked at how children are kept safe. They agreed to write to the police."
FAIL: "The Committee received an update in respect of the multi-agency arrangements pertaining
to the identification of exploitation."
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from digest.checks.readability import grade, reading_ease
from digest.checks.rule import RuleSettings, finding, texts
from digest.findings import Finding, Level
from digest.model import Content

ID = "reading-grade"
LEVEL: Level = "warning"


class Settings(RuleSettings):
    """How hard a summary may be to read."""

    max_grade: float = Field(default=9.0, ge=0, le=20,
                             description="Highest Flesch-Kincaid grade allowed.")
    min_words: int = Field(default=8, ge=1,
                           description="Shorter summaries are not measured (too few words).")


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report summaries whose Flesch-Kincaid grade is above the limit."""
    for text in texts(content, lambda text: text.role.in_short):
        if len(text.value.split()) < settings.min_words:
            continue
        level = grade(text.value)
        if level > settings.max_grade:
            yield finding(
                text, ID, LEVEL,
                f"reads at grade {level:.1f} (reading ease {reading_ease(text.value):.0f}); "
                f"aim for {settings.max_grade:g} or less",
                "use shorter sentences and everyday words",
            )
