"""privacy-named-person: only people recorded in a meeting's attendance may be named.

Councillors, officers and partners in `attendance` have public roles at that meeting, and are
named exactly as printed there. Anyone else (a family member, a reviewer, a lay member) is not
named; children appear only under the pseudonyms reviews use ("Child A"). A person is spotted
by a title ('Mrs Khan', 'Councillor Reid'), a first name and a surname both known to
names-dataset ('Sarah Jones'), or a list-style 'WHITFIELD, Karen'. Names of places are not
people: 'Florence Nightingale House', 'Grace Academy', 'in Ashley Green', 'on Victoria Ward'.

PASS: in a meeting attended by "R. Homer", "The Director, R. Homer, introduced the report."
FAIL: "Sarah Jones, the child's aunt, was not told." / "WHITFIELD, Karen"
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.checks.names import first_names, last_names
from digest.checks.rule import RuleSettings, finding, texts
from digest.checks.texts import Text
from digest.findings import Finding, Level
from digest.model import Content, Meeting, published_strings

ID = "privacy-named-person"
LEVEL: Level = "error"


class Settings(RuleSettings):
    """No settings."""


_TITLES = r"Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Professor|Prof|Councillor|Cllr|Lord|Lady|Baroness"
_SURNAME = r"(?P<surname>(?:Mc|Mac|O'|O’)?[A-Z][a-zA-Z'’-]+)"
_TITLED = re.compile(rf"\b(?P<title>{_TITLES})\.?\s+(?P<first>(?:[A-Z]\.?\s+)*"
                     rf"(?:[A-Z][a-z]+\s+)?){_SURNAME}")
_NAME_PAIR = rf"\b(?P<first>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:[A-Z]\.\s+)?{_SURNAME}"
_FIRST_AND_LAST = re.compile(rf"(?P<before>\b[a-z]+\s+)?{_NAME_PAIR}(?P<next>\s+[A-Z][a-z]+)?")
# In every match of the pattern above, and over twice as quick to look for: Python tries the
# optional word before a name at every word.
_A_NAME_PAIR = re.compile(_NAME_PAIR)
_LIST_STYLE = re.compile(r"\b(?P<surname>[A-Z]{2,}(?:-[A-Z]{2,})?),\s+(?P<first>[A-Z][a-z]+)\b")
# In every match of the three patterns above: a capitalised word (a title, a first name, a
# surname in capitals), a space, then a capital. Most texts have none (24 in 25 in the
# benchmark's national corpus), and looking for it once is quicker than the three patterns
# (2.7 s to 0.6 s over that corpus's 745,000 published texts).
_CAPITALISED_PAIR = re.compile(r"[A-Z][A-Za-z'’.,-]*\s+[A-Z]")
# Words that follow a first name in the name of a place, a building or an organisation.
PLACE_WORDS = frozenset({
    "Green", "House", "Academy", "Ward", "School", "Valley", "Primary", "Secondary", "College",
    "Centre", "Center", "Hospital", "Court", "Park", "Road", "Street", "Lane", "Avenue",
    "Close", "Drive", "Way", "Hall", "Hill", "Gardens", "Place", "Square", "Terrace", "Estate",
    "Grove", "Field", "Fields", "Wood", "Woods", "Farm", "Bridge", "Church", "Chapel",
    "Cathedral", "Trust", "Foundation", "Fund", "Award", "Awards", "Programme", "Project",
    "Unit", "Wing", "Clinic", "Surgery", "Practice", "Medical", "Nursery", "Infant", "Infants",
    "Junior", "Juniors", "High", "Grammar", "University", "Institute", "Library", "Museum",
    "Theatre", "Station", "Building", "Buildings", "Tower", "Towers", "Lodge", "Manor", "Mill",
    "Mews", "View", "Rise", "Row", "Walk", "Crescent", "Gate", "Gateway", "Quay", "Dock",
    "Wharf", "Common", "Heath", "Moor", "Village", "Town", "City", "County", "Borough",
    "Council", "Councils", "Partnership", "Board", "Committee", "Team", "Service", "Services",
    "Hub", "Network", "Forum", "Group", "Panel", "Office", "Police", "Report", "Review", "Act",
    "Day", "Week", "Strategy", "Plan", "Children", "Childrens", "Children's", "Youth", "Family",
    "Families", "Health", "Education", "Social", "Care", "Community", "Safeguarding", "Multi",
    "Local", "District", "Metropolitan", "Safer", "Sports", "Leisure", "Arena", "Stadium",
    "Club", "Society", "Association", "Alliance", "Collaborative", "Commission", "Agency",
    "Limited", "Ltd", "Homes", "Home", "Housing", "Prison"
})
# Surnames that are also the last word of place names: after 'in', 'at', 'on'... they are places.
PLACE_SURNAMES = frozenset({
    "Green", "Ward", "House", "Valley", "Park", "Hill", "Hall", "Wood", "Woods", "Field",
    "Fields", "Court", "Lane", "Grove", "Heath", "Common", "Bridge", "Gate", "Cross", "Street",
    "Road", "Way", "Brook", "Moor", "Dale", "Vale", "End", "Gardens", "Farm", "Mill", "Well",
    "Wells"
})
_PLACE_PREPOSITIONS = frozenset({
    "in", "at", "on", "from", "near", "to", "around", "across", "of", "into", "via"
})


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report a person's name that is not printed in the record's attendance."""
    attendees: dict[str, set[str]] = {}
    for text in texts(content, lambda text: not text.role.names_a_person,
                      _CAPITALISED_PAIR.search):
        allowed: set[str] = set()
        if isinstance(text.record, Meeting):
            if text.record.id not in attendees:
                attendees[text.record.id] = _attendees(text.record)
            allowed = attendees[text.record.id]
        for mention in people_named(text.value):
            if _key(mention) not in allowed:
                yield _found(text, mention)


def _found(text: Text, mention: str) -> Finding:
    return finding(
        text, ID, LEVEL, f"names a person ('{mention}') who is not in this record's attendance",
        "remove the name, or use their role; if they spoke at the meeting in a public role, "
        "add them to attendance exactly as named here")


def people_named(value: str) -> list[str]:
    """Return each mention of a person's name in the text, as written."""
    if not _CAPITALISED_PAIR.search(value):
        return []
    found = [m.group().strip() for m in _TITLED.finditer(value)
             if m.group("surname") not in PLACE_WORDS]
    pairs = _FIRST_AND_LAST.finditer(value) if _A_NAME_PAIR.search(value) else iter(())
    for match in pairs:
        mention = f"{match.group('first')} {match.group('surname')}"
        if _is_person(match) and not any(mention in titled for titled in found):
            found.append(mention)
    found += [m.group() for m in _LIST_STYLE.finditer(value)
              if m.group("first") in first_names() and m.group("surname").title() in last_names()]
    return list(dict.fromkeys(found))


def _is_person(match: re.Match[str]) -> bool:
    """Return True if a capitalised pair is a first name and surname, not a place's name."""
    first, surname = match.group("first"), match.group("surname")
    follower = (match.group("next") or "").strip()
    before = (match.group("before") or "").strip()
    if first.split("-")[0] not in first_names() or surname not in last_names():
        return False
    if surname in PLACE_WORDS - PLACE_SURNAMES or follower in PLACE_WORDS:
        return False
    return not (surname in PLACE_SURNAMES and (before in _PLACE_PREPOSITIONS or follower))


def _key(name: str) -> str:
    """Return a name without its title and brackets, for comparing mentions with attendance."""
    name = re.sub(r"\([^)]*\)", "", name)
    name = re.sub(rf"\b(?:{_TITLES})\b\.?", "", name)
    return " ".join(name.replace(",", " ").split()).lower()


def _attendees(meeting: Meeting) -> set[str]:
    """Return the names printed in a meeting's attendance, each as a comparable key: every
    field the model marks as a person's name."""
    return {_key(name) for _, name, role in published_strings(meeting.attendance)
            if role.names_a_person}
