"""Draft a meeting record from an agenda or minutes document."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from digest.extract.attendance import AttendanceDraft, read_apologies, read_attendance, section_of
from digest.extract.dates import find_time, first_date
from digest.extract.items import ItemDraft, find_headings, read_items, units
from digest.extract.source import Block
from digest.extract.split import BODY_WORDS, Segment, is_title_like

_PLACE = re.compile(r"\b(room|chamber|hall|house|centre|center|building|offices?|library|"
                    r"online|virtual|microsoft teams|zoom|civic)\b", re.I)
_VENUE_FIELD = re.compile(r"^(?:venue|meeting at|location|place|held at|held in)\s*:?\s*(.+)$",
                          re.I)
_VENUE_PREFIX = re.compile(r"^(?:(?:to be )?held\s+)?(?:in|at)\s+(?:the\s+)?(.+)$", re.I)


@dataclass
class MeetingDraft:
    """A meeting drafted from one document of a paper, with what the extractor doubts."""

    paper: str
    body_name: str | None
    date: dt.date | None
    time: str | None
    venue: str | None
    start: int
    end: int
    attendance: AttendanceDraft
    items: list[ItemDraft]
    doubts: list[tuple[int, str]] = field(default_factory=list)


def draft_meeting(segment: Segment) -> MeetingDraft:
    """Read the header (body, date, time, venue, attendance) and the items of a meeting."""
    blocks = units(segment.blocks)
    headings = find_headings(blocks)
    first_item = headings[0].index if headings else len(blocks)
    header = blocks[:first_item]
    paper = "minutes" if segment.kind == "minutes" else "agenda"
    draft = MeetingDraft(
        paper=paper,
        body_name=_body_name(segment, header),
        date=_date(header),
        time=_time(header),
        venue=_venue(header),
        start=segment.start,
        end=segment.end,
        attendance=read_attendance(header if paper == "minutes" else blocks),
        items=read_items(blocks, headings, segment.end, with_body=paper == "minutes"),
    )
    draft.attendance.apologies.extend(_apologies_from_header(header))
    _apologies_from_items(draft)
    _check(draft)
    return draft


_BODY_IN_SENTENCE = re.compile(
    r"\bminutes of (?:a |the )?(?:meeting of )?(?:the )?(?P<body>.+?\b(?:sub-committee|committee|"
    r"board|panel|cabinet|forum|partnership))\b", re.I,
)


def _body_name(segment: Segment, header: list[Block]) -> str | None:
    if segment.kind == "minutes" and BODY_WORDS.search(segment.title):
        return _tidy_body(segment.title)
    for block in header[:3]:
        found = _BODY_IN_SENTENCE.search(block.text)
        if found:
            return _tidy_body(found.group("body"))
    named = [block.lines[0].text for block in header[:8]
             if BODY_WORDS.search(block.lines[0].text) and is_title_like(block, 16)
             and not re.match(r"^(minutes|agenda|report)\b", block.lines[0].text, re.I)]
    # 'Northborough Borough Council' then 'Children and Young People Scrutiny Panel': the
    # meeting is the panel's; the council's name alone is the body only when nothing else is.
    bodies = [name for name in named if _COMMITTEE_WORDS.search(name)]
    return _tidy_body((bodies or named)[0]) if named else None


_COMMITTEE_WORDS = re.compile(r"\b(committee|sub-committee|panel|board|cabinet|forum|"
                              r"partnership)\b", re.I)


def _tidy_body(name: str) -> str:
    name = re.sub(r"^(?:minutes of (?:the )?|meeting of (?:the )?)", "", name.strip(), flags=re.I)
    # 'Children's Services Scrutiny Committee - Tuesday, 16th April, 2024 6.00 pm': the body,
    # then the meeting's date, as committee systems title their meeting pages.
    name = re.sub(r"\s+[-–]\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*$", "", name,
                  flags=re.I)
    return " ".join(name.replace("\t", " ").split()).strip(" *")


def _date(header: list[Block]) -> dt.date | None:
    for block in header[:12]:
        for line in block.lines:
            found = first_date(line.text)
            if found and not re.match(r"^(?:to |the minutes)", line.text, re.I):
                return found
    return None


def _time(header: list[Block]) -> str | None:
    for block in header[:12]:
        for line in block.lines:
            if first_date(line.text) or re.search(r"\b(?:at|from|start|time)\b", line.text, re.I):
                found = find_time(line.text)
                if found:
                    return found
    return None


def _venue(header: list[Block]) -> str | None:
    for block in header[:12]:
        for line in block.lines:
            text = line.text.replace("\t", " ").strip()
            field_match = _VENUE_FIELD.match(text)
            if field_match and _PLACE.search(field_match.group(1)):
                return _tidy_venue(field_match.group(1))
            prefix = _VENUE_PREFIX.match(text)
            if prefix and _PLACE.search(prefix.group(1)) and not first_date(text):
                return _tidy_venue(prefix.group(1))
            if first_date(text) and _PLACE.search(text):
                return _venue_after_date(text)
            first_part = text.split(",")[0]
            names_a_body = BODY_WORDS.search(first_part) and not _PLACE.search(first_part)
            if (_PLACE.search(text) and not first_date(text) and not names_a_body
                    and len(text.split()) <= 10 and section_of(block) is None):
                return _tidy_venue(text)  # 'Council Chamber, County Hall': a place
    return None


def _venue_after_date(text: str) -> str | None:
    """'Tuesday 4 June 2024 at 10am in Committee Room 1, County Hall': the clause with the place."""
    place = _PLACE.search(text)
    if place is None:
        return None
    before = text[: place.start()]
    boundary = max((m.end() for m in re.finditer(r",\s*|\s(?:in|at)\s(?:the\s)?", before,
                                                  re.I)), default=0)
    venue = text[boundary:]
    return _tidy_venue(venue) if not first_date(venue) and not find_time(venue) else None


def _tidy_venue(venue: str) -> str:
    venue = re.sub(r"\s+-\s+", ", ", venue)
    return " ".join(venue.split()).strip(" .*")


def _apologies_from_header(header: list[Block]) -> list[str]:
    return [name for block in header if re.match(r"^apologies\b", block.text, re.I)
            for name in read_apologies(block.text)]


def _apologies_from_items(draft: MeetingDraft) -> None:
    """Add apologies recorded under an 'Apologies' item, unless the header already named them
    ('Councillor Doyle' in the item is 'Councillor S Doyle' of the header)."""
    known = {name.split()[-1].lower() for name in draft.attendance.apologies}
    for item in draft.items:
        if re.match(r"^apologies", item.heading.title, re.I):
            for point in item.points:
                for name in read_apologies(point):
                    if name.split()[-1].lower() not in known:
                        draft.attendance.apologies.append(name)
                        known.add(name.split()[-1].lower())


def _check(draft: MeetingDraft) -> None:
    """Record what a person should confirm: missing header facts, items without decisions."""
    for name, value in (("date", draft.date), ("body", draft.body_name)):
        if value is None:
            draft.doubts.append((draft.start, f"no {name} found in the heading of this meeting"))
    if not draft.items:
        draft.doubts.append((draft.start, "no agenda items found"))
    for line, text in draft.attendance.not_drafted:
        draft.doubts.append((line, f"not copied, may name a private individual: '{text}'; "
                                   "add them under attendance.others by role only"))
    for line, name in draft.attendance.repeated:
        draft.doubts.append((line, f"'{name}' is listed twice as present; drafted once"))
    if draft.paper == "minutes":
        for item in draft.items:
            if not item.decisions and len(item.points) >= 2:
                draft.doubts.append((item.start, f"item '{item.heading.title}': no decision "
                                                 "found; check the minutes"))
