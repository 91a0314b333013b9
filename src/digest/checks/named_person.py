"""privacy-named-person: only people recorded in a meeting's attendance may be named.

Councillors, officers and partners in `attendance` have public roles at that meeting. Anyone
else (a family member, a reviewer, a lay member) is not named; children appear only under the
pseudonyms reviews use ("Child A", "W3"). A person is spotted by a title ('Mrs Khan',
'Councillor Reid') or a common first name with a surname ('Sarah Jones').

PASS: in a meeting attended by "R. Homer", "The Director, R. Homer, introduced the report."
FAIL: "Sarah Jones, the child's aunt, was not told."
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.name_age import first_names
from digest.checks.rule import Settings, finding
from digest.checks.texts import published_texts
from digest.findings import Finding, Level
from digest.model import Meeting
from digest.validate import Content

ID = "privacy-named-person"
LEVEL: Level = "error"
DEFAULT: Settings = {}
_SURNAME = r"(?P<surname>[A-Z][a-zA-Z'’-]{1,})"
_TITLED = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Professor|Prof|Councillor|Cllr)\.?\s+"
    rf"(?:[A-Z]\.?\s+)*{_SURNAME}"
)
_FIRST_AND_LAST = re.compile(rf"\b(?P<first>[A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{_SURNAME}")
_NOT_SURNAMES = {
    "Council", "Councils", "Street", "Road", "House", "Partnership", "Board", "Committee",
    "Team", "Service", "Services", "Hub", "Project", "Trust", "School", "Schools", "Centre",
    "Day", "Week", "Report", "Review", "Act", "Police", "Strategy", "Plan", "Group", "Panel",
    "Hospital", "College", "University", "Church", "Foundation", "Fund", "Award", "Awards",
    "Programme", "Network", "Forum", "Unit", "Office", "Court", "Park", "Lane", "Hall",
    # Places can share a first name ('Ashley', 'Stanley'): their organisations are not people.
    "Safeguarding", "Children", "Childrens", "Children's", "Youth", "Family", "Families",
    "Health", "Education", "Social", "Care", "Community", "Borough", "County", "City", "Town",
    "District", "Metropolitan", "Safer", "Multi", "Local",
}


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report a person's name that is not in the record's attendance."""
    attendees: dict[str, set[str]] = {}
    for text in published_texts(content):
        allowed: set[str] = set()
        if isinstance(text.record, Meeting):
            if text.record.id not in attendees:
                attendees[text.record.id] = _attendees(text.record)
            allowed = attendees[text.record.id]
        for surname in _surnames(text.value):
            if surname.lower() not in allowed:
                yield finding(
                    text, ID, LEVEL, f"names a person ('{surname}') who is not in this "
                    "record's attendance",
                    "remove the name, or use their role; if they spoke at the meeting in a "
                    "public role, add them to attendance",
                )


def _surnames(value: str) -> list[str]:
    found = [m.group("surname") for m in _TITLED.finditer(value)]
    found += [m.group("surname") for m in _FIRST_AND_LAST.finditer(value)
              if m.group("first") in first_names() and m.group("surname") not in _NOT_SURNAMES]
    return list(dict.fromkeys(name for name in found if name not in _NOT_SURNAMES))


def _attendees(meeting: Meeting) -> set[str]:
    people = meeting.attendance
    names = [*people.present, *people.apologies, *(p.name for p in people.officers),
             *(p.name for p in people.partners), *([people.chair] if people.chair else [])]
    surnames = set()
    for name in names:
        words = re.findall(r"[A-Za-z'’-]+", re.sub(r"\([^)]*\)", "", name))
        if words:
            surnames.add(words[-1].lower())
    return surnames
