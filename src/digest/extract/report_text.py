"""The extraction report: what was found where, what was drafted, and what to check."""

from __future__ import annotations

from digest.extract import Extraction
from digest.findings import format_all


def extraction_report(extraction: Extraction) -> str:
    """Return a plain-text report of one extraction, for the person checking the drafts."""
    lines = [f"Extraction report for {extraction.path.name}", "", "Documents found:"]
    for segment in extraction.segments:
        title = f": {segment.title}" if segment.title else ""
        lines.append(f"  lines {segment.start}-{segment.end}  {segment.kind}{title}"
                     f"  (found by rule {segment.rule})")
    lines += ["", "Drafts:"]
    lines += [f"  {draft.path}  ({draft.title})" for draft in extraction.files]
    if extraction.authority is not None:
        lines.append(f"  {extraction.authority.path}  (only if it does not exist yet)")
    lines += ["", "To check:" if extraction.notes else "Nothing doubtful was noted."]
    if extraction.notes:
        lines.append(format_all(extraction.notes))
    return "\n".join(lines)
