"""Draft a review record from a report, annual report or recommendations tracker."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from digest.extract.dates import find_period
from digest.extract.source import Block
from digest.extract.split import Segment
from digest.extract.statistics import StatisticDraft, find_statistics, most_confident

MAX_STATISTICS = 20  # drafted for precision: every extra figure is one to check and delete
_PUBLISHER = re.compile(
    r"(?P<name>(?:[A-Z][\w'’]+\s)+?(?:Safeguarding\s)?(?:Children(?:'s|’s)?\s)?"
    r"(?:Safeguarding\s)?(?:Partnership|Board))\b"
)
# Only what the paper itself labels as recommendations: 'Next steps' and 'Areas for focus' are
# priorities, and drafting them as recommendations puts words in the council's mouth.
_RECOMMENDATION_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)?\s+)?recommendations?(?: and actions)?\s*:?$", re.I,
)
_STATUS = {"complete": "done", "completed": "done", "done": "done", "closed": "done",
           "in progress": "in progress", "ongoing": "in progress", "on track": "in progress",
           "underway": "in progress", "open": "open", "not started": "open"}


@dataclass
class RecommendationDraft:
    """A recommendation with whatever owner, date and progress the paper gives."""

    text: str
    line: int
    owner: str | None = None
    status: str | None = None
    update: str | None = None
    due: str | None = None


@dataclass
class ReviewDraft:
    """A report or review drafted from one document of a paper."""

    kind: str
    title: str
    publisher: str | None
    period: tuple[dt.date, dt.date] | None
    period_inferred: bool
    start: int
    end: int
    findings: list[tuple[int, str]] = field(default_factory=list)
    recommendations: list[RecommendationDraft] = field(default_factory=list)
    statistics: list[StatisticDraft] = field(default_factory=list)
    doubts: list[tuple[int, str]] = field(default_factory=list)


def draft_review(segment: Segment, authority_name: str | None) -> ReviewDraft:
    """Read a report's title, publisher, period, section headings, recommendations and numbers."""
    title = _title(segment)
    # A period the report states ('October 2021 to September 2022') beats one guessed from a
    # year span in its title (which is read as April to March).
    from_title = find_period(title)
    stated = from_title if from_title and not from_title[2] else None
    period = stated or _period_in_text(segment.blocks) or from_title
    kind = _review_kind(segment.kind, title)
    publisher = _publisher(title, segment.blocks) if kind != "report" else None
    draft = ReviewDraft(
        kind=kind, title=title, publisher=publisher or authority_name,
        period=(period[0], period[1]) if period else None,
        period_inferred=bool(period and period[2]),
        start=segment.start, end=segment.end,
        findings=[(line, text) for line, text in _headings(segment.blocks)
                  if overlap_words(text, title) < 0.9],
    )
    if segment.kind == "tracker":
        draft.recommendations, has_header = _tracker(segment.blocks)
        if not has_header:
            draft.doubts.append((segment.start, "the tracker table has no header row: each "
                                                "recommendation is the longest cell of its row; "
                                                "check owners and progress by hand"))
    else:
        draft.recommendations = _recommendations(segment.blocks)
    statistics = find_statistics(segment.blocks) if segment.kind != "tracker" else []
    draft.statistics = most_confident(statistics, MAX_STATISTICS)
    left_out = [s for s in statistics if s not in draft.statistics]
    if left_out:
        lines = ", ".join(str(s.line) for s in left_out[:40])
        draft.doubts.append((segment.start, f"{len(statistics)} numbers found; the "
                                            f"{MAX_STATISTICS} clearest are drafted. Others are on "
                                            f"lines {lines}"))
    if draft.period_inferred:
        draft.doubts.append((segment.start, "period read from a year span in the title "
                                            "(financial year, 1 April to 31 March): check it"))
    if draft.publisher is None:
        draft.doubts.append((segment.start, "publisher not found: add who published this"))
    return draft


def _review_kind(segment_kind: str, title: str) -> str:
    lowered = title.lower()
    if segment_kind == "case_review":
        return "serious_case_review" if "serious case review" in lowered else "practice_review"
    if segment_kind in {"annual_report", "inspection"}:
        return segment_kind
    return "report"


def _title(segment: Segment) -> str:
    title = " ".join(segment.title.split())
    if title and title.lower() not in {"agenda", "recommendation tracker"}:
        return title
    for block in segment.blocks[:6]:
        if block.kind == "heading" or 0 < block.words() <= 14:
            return block.text
    return segment.title or "Untitled report"


def _publisher(title: str, blocks: tuple[Block, ...]) -> str | None:
    for text in [title, *(block.text for block in blocks[:30])]:
        match = _PUBLISHER.search(text)
        if match:
            return match.group("name").strip()
    return None


def _period_in_text(blocks: tuple[Block, ...]) -> tuple[dt.date, dt.date, bool] | None:
    for block in blocks[:150]:
        if re.search(r"\b(period|covers?|year)\b", block.text, re.I):
            found = find_period(block.text)
            if found and not found[2]:
                return found
    return None


def overlap_words(first: str, second: str) -> float:
    """Return the share of the first text's words that the second also has."""
    a = set(re.findall(r"\w+", first.lower()))
    b = set(re.findall(r"\w+", second.lower()))
    return len(a & b) / len(a) if a else 0.0


def _headings(blocks: tuple[Block, ...]) -> list[tuple[int, str]]:
    seen: set[str] = set()
    headings = []
    for block in blocks:
        text = block.text.strip(" :")
        if block.kind != "heading" or len(text) < 4 or text.lower() in seen:
            continue
        seen.add(text.lower())
        headings.append((block.start, text[:1].upper() + text[1:].lower()
                         if text.isupper() else text))
    return headings


# 'The Panel is asked to:' or 'made the following recommendations:' then a list.
_ASKED_TO = re.compile(r"\b(?:(?:is|are)\s+(?:asked|invited|recommended)\s+to(?:\s+\w+)?|"
                       r"following\s+recommendations)\s*:$", re.I)
_NUMBER = re.compile(r"^(\d+(?:\.\d+)+)\s")
_LIST_MARK = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\d*[a-z]?\)|\(\w+\))\s+")


def _recommendations(blocks: tuple[Block, ...]) -> list[RecommendationDraft]:
    found: list[RecommendationDraft] = []
    collecting = False
    in_section = 0  # recommendations found since the section's heading
    sibling_depth = 0  # '2.2 ... following recommendations:' ends at the next '2.3'
    lead_in: RecommendationDraft | None = None  # 'include the importance of:' and its sub-points
    lead_level = 0
    for block in blocks:
        if _RECOMMENDATION_HEADING.match(block.text) or _ASKED_TO.search(block.text):
            collecting, in_section, lead_in = True, 0, None
            number = _NUMBER.match(block.text)
            sibling_depth = number.group(1).count(".") if number else 0
            continue
        if not collecting:
            continue
        number = _NUMBER.match(block.text)
        if (block.kind == "heading"
                or (block.kind == "paragraph" and in_section
                    and not re.match(r"^(that|\d)", block.text, re.I))
                or (sibling_depth and number and number.group(1).count(".") == sibling_depth)):
            collecting = False
            continue
        text = _LIST_MARK.sub("", block.text).strip()
        if lead_in is not None and block.kind == "item" and block.level > lead_level:
            lead_in.text = f"{lead_in.text} {text}"
            continue
        lead_in = None
        if len(text.split()) < 3:
            continue
        draft = RecommendationDraft(text, block.start)
        if text.endswith(":"):
            if block.kind != "item":
                continue
            lead_in, lead_level = draft, block.level
        found.append(draft)
        in_section += 1
    return [draft for draft in found if not draft.text.endswith(":")]  # a lead-in with no points


def _tracker(blocks: tuple[Block, ...]) -> tuple[list[RecommendationDraft], bool]:
    """Read a tracker table, using its header row (if any) to tell the columns apart."""
    rows = [(line.columns, line.number) for block in blocks
            for line in (block.lines if block.kind != "row" else block.lines[:1])
            if len(line.cells) >= 3]
    header_at = next((i for i, (cells, _) in enumerate(rows)
                      if any("recommendation" in c.lower() or "action" in c.lower()
                             for c in cells) and any("status" in c.lower() for c in cells)), None)
    if header_at is None:
        return [RecommendationDraft(max(cells, key=len), line) for cells, line in rows
                if len(max(cells, key=len).split()) >= 6], False
    header = [cell.lower() for cell in rows[header_at][0]]
    column = {name: _column(header, words) for name, words in {
        "text": ("recommendation", "action"), "owner": ("officer", "responsible", "owner", "lead"),
        "status": ("status",), "due": ("target", "due", "completion"), "notes": ("notes",
                                                                                 "response"),
    }.items()}
    drafts = []
    for cells, line in rows[header_at + 1:]:
        row = {name: _cell(cells, index) for name, index in column.items()}
        if not row["text"]:
            continue
        status_text = row["status"]
        drafts.append(RecommendationDraft(
            row["text"], line, owner=row["owner"],
            status=_STATUS.get((status_text or "").lower().strip(" .")),
            update=" ".join(part for part in (status_text, row["notes"]) if part) or None,
            due=row["due"],
        ))
    return drafts, True


def _cell(cells: list[str], index: int | None) -> str | None:
    if index is None or index >= len(cells):
        return None
    return cells[index].strip() or None


def _column(header: list[str], words: tuple[str, ...]) -> int | None:
    for index, name in enumerate(header):
        if any(word in name for word in words):
            return index
    return None
