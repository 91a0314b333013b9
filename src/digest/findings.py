"""One problem type for every stage: loading, validating, checking and extracting."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """A problem in a content file, located precisely enough for a comms officer to fix it."""

    path: str
    line: int
    field: str
    message: str
    hint: str | None = None
    level: Level = "error"
    rule: str | None = None

    def format(self) -> str:
        """Return the finding as 'path:line: field: message', with a hint line if there is one."""
        rule = f"[{self.rule}] " if self.rule else ""
        level = "" if self.level == "error" else f"{self.level}: "
        field = f"{self.field}: " if self.field else ""
        text = f"{self.path}:{self.line}: {level}{field}{rule}{self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


def format_all(findings: Iterable[Finding]) -> str:
    """Return every finding, sorted by file and line, one block per finding."""
    return "\n".join(f.format() for f in sorted(findings))


def as_json(findings: Iterable[Finding]) -> str:
    """Return the findings as a JSON list, for editors and other tools."""
    return json.dumps([asdict(f) for f in sorted(findings)], indent=2, ensure_ascii=False)


def as_github(findings: Iterable[Finding]) -> str:
    """Return the findings as GitHub Actions workflow commands, so a failed check in the Pages
    workflow shows each problem on its file and line in the log and the pull request."""
    lines = []
    for f in sorted(findings):
        message = f"{f.field}: {f.message}" if f.field else f.message
        if f.hint:
            message += f" (hint: {f.hint})"
        lines.append(f"::{f.level} file={_property(f.path)},line={f.line},"
                     f"title={_property(f.rule or 'content')}::{_data(message)}")
    return "\n".join(lines)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def has_errors(findings: Iterable[Finding]) -> bool:
    """Return True if any finding is an error (warnings do not stop a build)."""
    return any(f.level == "error" for f in findings)
