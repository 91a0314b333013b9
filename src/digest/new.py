"""'digest new': start a meeting or review file that is valid YAML, with comments to guide."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from digest.errors import DigestError
from digest.model import KIND_BY_NAME

# Every value a person must replace starts with this; the placeholder check refuses to publish
# a record that still holds one.
FILL_IN = "FILL IN:"

MEETING = """\
# yaml-language-server: $schema=../../../schemas/meeting.schema.json
# A meeting of {body_name}. Fill in what the paper says; leave out what it does not.
# Check it with: python build_digest.py check --include-drafts
id: {authority}-{date}-{body}
status: draft            # change to 'approved' when it has been checked
authority: {authority}
body: {body}
date: {date}
# time: "18:00"          # 24-hour, in quotes, if the paper gives it
venue: "FILL IN: the place, as the paper gives it"
paper: agenda            # agenda or minutes
{source}
summary: >-
  FILL IN: two or three short sentences in plain words: what the meeting looked at and decided.
attendance:
  chair: "FILL IN: Councillor Name"
  expected: ["FILL IN: Councillor Name"]   # on minutes: present, and apologies
  apologies: []
  officers: []           # - {{name: A. Name, role: Director of Children's Services}}
  others: []             # people who are not public officials, by role only: never names
items:
  - number: "1"
    title: "FILL IN: the item's title as printed"
    summary: "FILL IN: what the item was about, in plain words."
    # decisions: the council's words, then what they mean, for a parent:
    # - {{text: That the report be noted., plain: Councillors read the report., kind: noted}}
    decisions: []
    source: {{lines: [1, 1]}}
"""

REVIEW = """\
# yaml-language-server: $schema=../../../schemas/review.schema.json
# A report or review. Fill in what it says; leave out what it does not.
# Check it with: python build_digest.py check --include-drafts
id: {authority}-{slug}
status: draft            # change to 'approved' when it has been checked
kind: annual_report      # annual_report, serious_case_review, practice_review, inspection, report
authority: {authority}
title: "FILL IN: the title as published"
publisher: "FILL IN: who published it"
period: {{start: {date}, end: {date}}}
summary: >-
  FILL IN: two or three short sentences in plain words: what the report found.
findings:
  - text: "FILL IN: one thing it found, in plain words."
recommendations:
  - text: "FILL IN: what it recommends, in its own words."
    plain: "FILL IN: the same in plain words, for a parent."
statistics: []           # - {{label: Child deaths, value: 31, unit: deaths, period: 2023-24}}
topics: []
{source}
"""


class AlreadyExists(DigestError):
    """The file to create is already there; nothing was written."""

    def report(self) -> str:
        """Return the sentence the command line prints."""
        return f"{self} already exists; nothing was written."


def new_meeting(content_dir: Path, authority: str, body: str, date: dt.date, body_name: str,
                paper: str | None) -> Path:
    """Write a commented meeting file to fill in; refuse to overwrite."""
    path = content_dir / KIND_BY_NAME["meeting"].file_for(authority=authority,
                                                          date=date.isoformat(), body=body)
    text = MEETING.format(authority=authority, body=body, date=date.isoformat(),
                          body_name=body_name, source=_source(paper))
    return _write(path, text)


def new_review(content_dir: Path, authority: str, slug: str, date: dt.date,
               paper: str | None) -> Path:
    """Write a commented review file to fill in; refuse to overwrite."""
    path = content_dir / KIND_BY_NAME["review"].file_for(authority=authority,
                                                         id=f"{authority}-{slug}")
    text = REVIEW.format(authority=authority, slug=slug, date=date.isoformat(),
                         source=_source(paper))
    return _write(path, text)


def _source(paper: str | None) -> str:
    if paper:
        return f"source: {{paper: {paper}, lines: [1, 1]}}   # the paper's file and the lines used"
    return ("# source: {paper: file-in-content-papers.md, lines: [1, 1]}   "
            "# needed before it is approved")


def _write(path: Path, text: str) -> Path:
    if path.exists():
        raise AlreadyExists(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
