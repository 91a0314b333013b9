"""Draft content YAML from a council paper: split it, read each document, note every doubt."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from digest.extract import source
from digest.extract.draft import DraftFile, authority_file, meeting_file, review_file
from digest.extract.identity import authority_id, authority_name, body_id
from digest.extract.meeting import draft_meeting
from digest.extract.report import draft_review
from digest.extract.source import Paper, read_paper
from digest.extract.split import Segment, split_paper
from digest.findings import Finding

__all__ = ["Extraction", "extract_paper", "extract_text"]

NOT_DRAFTED = {"work_programme": "work programme", "forward_plan": "forward plan"}


@dataclass
class Extraction:
    """The drafts from one paper, the documents found, and notes for the person checking."""

    path: Path
    paper: Paper
    segments: list[Segment] = field(default_factory=list)
    files: list[DraftFile] = field(default_factory=list)
    authority: DraftFile | None = None
    notes: list[Finding] = field(default_factory=list)


def extract_paper(path: Path) -> Extraction:
    """Read the paper at ``path`` and draft its meetings and reports (raises PaperError)."""
    return extract_text(read_paper(path), path)


def extract_text(paper: Paper, path: Path) -> Extraction:
    """Draft meetings and reports from an already-read paper."""
    result = Extraction(path, paper, split_paper(paper))
    name = authority_name(paper)
    authority = authority_id(name) if name else "unknown-authority"
    if name is None:
        result.notes.append(_note(paper, 1, "authority", "no council named in the paper; "
                                  "set authority in each draft"))
    bodies: dict[str, str] = {}
    agenda_meeting: str | None = None
    for segment in result.segments:
        if segment.kind in {"agenda", "minutes"}:
            meeting = draft_meeting(segment)
            draft = meeting_file(meeting, paper.name, authority)
            result.files.append(draft)
            if meeting.body_name:
                bodies[body_id(meeting.body_name)] = meeting.body_name
            if segment.kind == "agenda" and agenda_meeting is None:
                agenda_meeting = str(draft.data["id"])
            result.notes.extend(_note(paper, line, draft.path, text)
                                for line, text in meeting.doubts)
    taken: set[str] = set()
    for segment in result.segments:
        if segment.kind in {"report", "annual_report", "case_review", "inspection", "tracker"}:
            review = draft_review(segment, name)
            draft = review_file(review, paper.name, authority, agenda_meeting, taken)
            result.files.append(draft)
            result.notes.extend(_note(paper, line, draft.path, text)
                                for line, text in review.doubts)
        elif segment.kind in NOT_DRAFTED:
            result.notes.append(_note(
                paper, segment.start, "", f"{NOT_DRAFTED[segment.kind]} found (lines "
                f"{segment.start}-{segment.end}); not drafted: it lists plans, not decisions",
            ))
    if name:
        result.authority = authority_file(name, bodies, _website(paper))
    _check_paper(paper, path, result)
    return result


_COUNCIL_WORDS = re.compile(r"\b(council|committee|board|cabinet|scrutiny|safeguarding|"
                            r"councillors?|cllr|agenda|minutes|partnership)\b", re.I)


def looks_like_council_paper(paper: Paper) -> bool:
    """Return True if the paper uses at least two words every council paper uses."""
    text = " ".join(line.text for line in paper.lines[:300])
    return len({word.lower() for word in _COUNCIL_WORDS.findall(text)}) >= 2


def _check_paper(paper: Paper, path: Path, result: Extraction) -> None:
    drafted = any(f.path.startswith(("meetings/", "reviews/")) for f in result.files)
    if not drafted or not looks_like_council_paper(paper):
        result.notes.append(_note(paper, 1, "", "no meeting, minutes or report found: is this a "
                                  "council paper?", level="error"))
    if paper.truncated:
        result.notes.append(_note(paper, len(paper.lines), "", "the file is larger than "
                                  f"{_size(source.MAX_BYTES)}; only its start was read"))
    last = next((line for line in reversed(paper.lines) if line.text.strip()), None)
    if last and len(last.text.split()) > 6 and re.search(r"[A-Za-z,]$", last.text):
        result.notes.append(_note(paper, last.number, "", "the paper seems to stop mid-sentence: "
                                  "check that the file is complete"))


def _size(count: int) -> str:
    return f"{count / 1_000_000:g} MB" if count >= 1_000_000 else f"{count / 1000:g} KB"


def _website(paper: Paper) -> str | None:
    for line in paper.lines:
        match = re.search(r"\b(?:https?://)?(www\.[a-z-]+\.gov\.uk)\b", line.text, re.I)
        if match:
            return f"https://{match.group(1).lower()}"
    return None


def _note(paper: Paper, line: int, where: str, message: str,
          level: str = "warning") -> Finding:
    page = paper.page_of(line)
    return Finding(paper.name, line, where, message + (f" (page {page})" if page else ""),
                   level="error" if level == "error" else "warning", rule="extract")
