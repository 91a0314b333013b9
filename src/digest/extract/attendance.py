"""Who was at a meeting: 'Present' lists, chairs, apologies, officers and partners.

Only councillors, officers and partner representatives are drafted by name. Anyone else listed
as present (co-optees, lay members, parent governors) may be a private individual: the extractor
does not copy their names, and says so in its report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.extract.source import Block

COUNCILLOR = re.compile(r"^(?:councillors?|cllrs?)\.?\s+", re.I)
_TITLE_AHEAD = r"(?=(?:councillor|cllr)\b)"
CHAIR_ROLES = {"chair", "in the chair", "chairman", "chairperson", "chairwoman"}
_END = r"\s*(?::-?|\s[–-]\s|$)\s*(?P<rest>.*)$"
_HEADINGS = {
    "present": re.compile(r"^(?:committee\s+)?(?:members?\s+|councillors?\s+)?present" + _END,
                          re.I),
    "membership": re.compile(r"^(?:membership|distribution)" + _END, re.I),
    "members": re.compile(r"^members" + _END, re.I),
    "officers": re.compile(r"^(?:council\s+)?officers?(?:\s+(?:present|in attendance))?" + _END,
                           re.I),
    "partners": re.compile(r"^(?:partners?|(?:also\s+)?in attendance|also present)" + _END, re.I),
    "portfolio": re.compile(r"^portfolio holders?" + _END, re.I),
}
_ROLE_IN_BRACKETS = re.compile(r"\((?P<role>[^)]*)\)\s*$")


@dataclass
class Person:
    """A person drafted from an attendance list."""

    name: str
    role: str | None = None


@dataclass
class AttendanceDraft:
    """Attendance as drafted, with the lines it came from and anything left for a person."""

    chair: str | None = None
    present: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    officers: list[Person] = field(default_factory=list)
    partners: list[Person] = field(default_factory=list)
    not_drafted: list[tuple[int, str]] = field(default_factory=list)
    repeated: list[tuple[int, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def section_of(block: Block) -> tuple[str, str] | None:
    """Return (section, rest of line) if the block starts an attendance section."""
    first = block.lines[0].text.replace("\t", " ")
    for section, pattern in _HEADINGS.items():
        match = pattern.match(first)
        if match:
            if section == "members":
                if not _looks_like_names(block, match.group("rest")):
                    continue
                section = "membership"
            return section, match.group("rest")
    return None


def _looks_like_names(block: Block, rest: str) -> bool:
    text = rest + " " + " ".join(line.text for line in block.lines[1:3])
    return bool(re.search(r"\b(councillor|cllr|chair)", text, re.I))


def read_attendance(header: list[Block]) -> AttendanceDraft:
    """Draft attendance from the blocks before a meeting's first item."""
    draft = AttendanceDraft()
    section: str | None = None
    for block in header:
        found = section_of(block)
        entries = logical_lines(block)
        if found:
            section = found[0]
            first_number, first_text = entries[0]
            rest = _rest_after_heading(first_text)
            entries = ([(first_number, rest)] if rest else []) + entries[1:]
            draft.lines.append(block.start)
        elif section is None or not _names_only(block):
            section = None
            continue
        for number, text in entries:
            _read_line(draft, section, number, text)
            draft.lines.append(number)
    return draft


def _rest_after_heading(text: str) -> str:
    for pattern in _HEADINGS.values():
        match = pattern.match(text.replace("\t", " "))
        if match:
            return match.group("rest")
    return text


def logical_lines(block: Block) -> list[tuple[int, str]]:
    """Join lines that a PDF conversion broke mid-entry: an open bracket, a lowercase start."""
    joined: list[tuple[int, str]] = []
    for line in block.lines:
        text = line.text.strip()
        if joined and "\t" not in text and (
            joined[-1][1].count("(") > joined[-1][1].count(")") or text[:1].islower()
        ):
            joined[-1] = (joined[-1][0], f"{joined[-1][1]} {text}")
        else:
            joined.append((line.number, text))
    return joined


def _names_only(block: Block) -> bool:
    """A block that continues an attendance section: every line a name, or name and role."""
    return all(
        COUNCILLOR.match(line.text) or "\t" in line.text
        or (len(line.text.split()) <= 10 and not line.text.endswith("."))
        for line in block.lines
    ) and not re.match(r"^(note|contact|if you)\b", block.text, re.I)


def _read_line(draft: AttendanceDraft, section: str | None, number: int, text: str) -> None:
    text = text.strip().rstrip(";.")
    if not text:
        return
    chair = re.match(r"^(?:chair|chairman|chairperson)\s*:\s*(.+)$", text, re.I)
    vice = re.match(r"^vice[- ]chair\s*:\s*(.+)$", text, re.I)
    if chair or vice:
        name = tidy_name((chair or vice).group(1))  # type: ignore[union-attr]
        if chair:
            draft.chair = name
            draft.present.append(f"{name} (Chair)")
        else:
            draft.present.append(f"{name} (Vice Chair)")
        return
    if section in {"present", "membership"}:
        _read_members(draft, number, text)
    elif section == "portfolio":
        for name in split_names(text):
            draft.present.append(f"{tidy_name(name)} (Portfolio Holder)")
    elif section in {"officers", "partners"}:
        people = [person for part in _split_people(text) for person in read_people(part)]
        (draft.officers if section == "officers" else draft.partners).extend(people)


def _read_members(draft: AttendanceDraft, number: int, text: str) -> None:
    text = re.sub(r"\b(councillors?|cllrs?)\.\s*", r"\1 ", text, flags=re.I)
    for part in re.split(r";|(?<!\b[A-Z])\.\s+(?=[A-Z])", text):
        part = part.strip()
        if not part:
            continue
        in_chair = re.match(r"^(.+?)\s+in the chair$", part, re.I)
        if in_chair:
            part = in_chair.group(1)
            draft.chair = tidy_name(part)
        if not COUNCILLOR.match(part):
            draft.not_drafted.append((number, part))
            continue
        for name in split_names(part):
            name = tidy_name(name)
            role = _ROLE_IN_BRACKETS.search(name)
            if role and role.group("role").strip().lower() in CHAIR_ROLES:
                draft.chair = draft.chair or name[: role.start()].strip()
            if name in draft.present:
                draft.repeated.append((number, name))
                continue
            draft.present.append(name)


def split_names(text: str) -> list[str]:
    """Split 'Councillors Mayo, Pall and Weston' into 'Councillor Mayo', ... ; a list may mix
    both: 'Councillor M Khan (Chair), Councillors P Lee, R Shah and T Wood'."""
    groups = re.split(r"(?:,|;|\s+and)\s+(?=(?:councillors|cllrs)\b)", text.strip(), flags=re.I)
    if len(groups) > 1:
        return [name for group in groups for name in split_names(group)]
    plural = re.match(r"^(councillors|cllrs)\.?\s+(.+)$", text.strip(), re.I)
    if plural:
        title = plural.group(1)[:-1]  # 'Councillors' gives 'Councillor', 'Cllrs' gives 'Cllr'
        names = re.split(r",\s*|\s+and\s+|\s*&\s*", plural.group(2))
        return [f"{title} {name.strip()}" for name in names if name.strip()]
    pattern = rf",\s*{_TITLE_AHEAD}|\s+and\s+{_TITLE_AHEAD}|\s+{_TITLE_AHEAD}"
    return [name.strip() for name in re.split(pattern, text, flags=re.I) if name.strip()]


def tidy_name(name: str) -> str:
    """Remove conversion artefacts such as 'Councillor. Hicken' and stray punctuation."""
    name = re.sub(r"^(councillor|cllr)\.\s*", r"\1 ", name.strip(), flags=re.I)
    return " ".join(name.strip(" ;,.").split())


def read_people(text: str) -> list[Person]:
    """Read officers or partners: 'Name<TAB>Role', 'Name - Role' or 'Name (Role); Name (Role)'."""
    cells = [cell for cell in text.split("\t") if cell.strip()]
    if len(cells) >= 2:
        return [Person(tidy_name(cells[0]), _tidy_role(" ".join(cells[1:])))]
    bracketed = list(re.finditer(
        r"(?P<names>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+(?:\s+and\s+[A-Z][\w'’.-]*"
        r"(?:\s+[A-Z][\w'’.-]*)+)*)\s*[–-]?\s*\((?P<role>[^)]*(?:\([^)]*\)[^)]*)*)\)", text))
    if bracketed:
        people = []
        for match in bracketed:
            for name in re.split(r"\s+and\s+", match.group("names")):
                people.append(Person(tidy_name(name), _tidy_role(match.group("role"))))
        return people
    dashed = re.match(r"^(?P<name>.+?)\s+[–-]\s+(?P<role>.+)$", text)
    if dashed:
        return [Person(tidy_name(dashed.group("name")), _tidy_role(dashed.group("role")))]
    return [Person(tidy_name(text))]


def _split_people(text: str) -> list[str]:
    """Split 'A (Role); B (Role)' at semicolons outside brackets."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == ";" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [part.strip() for part in [*parts, current] if part.strip()]


def _tidy_role(role: str) -> str | None:
    role = " ".join(role.strip(" ;,.–-").split())
    if role.startswith("(") and role.endswith(")"):
        role = role[1:-1]
    return role or None


def read_apologies(text: str) -> list[str]:
    """Read names from 'Apologies for absence were received from Councillors A, B and C.'"""
    match = re.search(r"\b(?:from|on behalf of)\s+(.+?)\.?$", text, re.I) or re.match(
        r"^apologies(?: for absence)?\s*[:–-]\s*(.+?)\.?$", text, re.I
    )
    if not match:
        return []
    names: list[str] = []
    for part in re.split(rf",\s*{_TITLE_AHEAD}|\s+and\s+{_TITLE_AHEAD}", match.group(1),
                         flags=re.I):
        names.extend(tidy_name(name) for name in split_names(part.strip()))
    return [name for name in names if COUNCILLOR.match(name)]
