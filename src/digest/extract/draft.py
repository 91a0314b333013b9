"""Turn what was read from a paper into draft content records, in the content model's shape."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from digest.extract.dates import first_date
from digest.extract.identity import authority_id, body_id, body_kind, slug
from digest.extract.items import ItemDraft
from digest.extract.meeting import MeetingDraft
from digest.extract.report import RecommendationDraft, ReviewDraft
from digest.extract.statistics import StatisticDraft

MAX_FINDINGS = 30
_PRIVATE = re.compile(r"\b(exempt|not for publication|private session|confidential)\b", re.I)


@dataclass
class DraftFile:
    """One file to write: where it goes under the output folder, and its data."""

    path: str
    data: dict[str, Any]
    title: str


def meeting_file(meeting: MeetingDraft, paper: str, authority: str) -> DraftFile:
    """Return the draft file of a meeting."""
    body = body_id(meeting.body_name or "committee")
    date = meeting.date.isoformat() if meeting.date else "undated"
    record: dict[str, Any] = {
        "id": f"{authority}-{date}-{body}", "status": "draft", "authority": authority,
        "body": body,
    }
    if meeting.date:
        record["date"] = meeting.date
    _put(record, "time", meeting.time)
    _put(record, "venue", meeting.venue)
    record["paper"] = meeting.paper
    record["source"] = {"paper": paper, "lines": [meeting.start, meeting.end]}
    attendance: dict[str, Any] = {}
    people = meeting.attendance
    _put(attendance, "chair", people.chair)
    # An agenda lists the committee's members; only minutes say who came.
    _put(attendance, "expected" if meeting.paper == "agenda" else "present", people.present)
    _put(attendance, "apologies", people.apologies)
    _put(attendance, "officers", [_person(p.name, p.role) for p in people.officers])
    _put(attendance, "partners", [_person(p.name, p.role) for p in people.partners])
    _put(record, "attendance", attendance)
    record["items"] = [_item(item) for item in meeting.items]
    title = f"{meeting.body_name or 'Meeting'}, {date} ({meeting.paper})"
    return DraftFile(f"meetings/{authority}/{date}-{body}.yaml", record, title)


def _item(item: ItemDraft) -> dict[str, Any]:
    heading = item.heading
    record: dict[str, Any] = {}
    _put(record, "number", heading.number)
    record["title"] = heading.title
    _put(record, "purpose", heading.purpose)
    _put(record, "points", item.points)
    _put(record, "decisions", [{"text": d.text, "kind": d.kind} for d in item.decisions])
    if _PRIVATE.search(heading.title) or (heading.purpose and _PRIVATE.search(heading.purpose)):
        record["exempt"] = True
    record["source"] = {"lines": [item.start, item.end]}
    return record


def review_file(review: ReviewDraft, paper: str, authority: str,
                considered_at: str | None, taken: set[str]) -> DraftFile:
    """Return the draft file of a report or review, with an id none in ``taken`` has.

    A cover report often carries the title of the annual report it introduces; its id says so
    ('...-annual-report-2021-22-report') rather than overwriting the annual report's draft.
    """
    identifier = slug(review.title) or "report"
    if not identifier.startswith(authority):
        identifier = f"{authority}-{identifier}"
    identifier = identifier[:80].strip("-")
    candidates = [identifier, f"{identifier[:70]}-{review.kind.replace('_', '-')}"]
    candidates += [f"{identifier[:70]}-{n}" for n in range(2, len(taken) + 3)]
    identifier = next(c for c in candidates if c not in taken)
    taken.add(identifier)
    record: dict[str, Any] = {
        "id": identifier, "status": "draft", "kind": review.kind,
        "authority": authority, "title": review.title,
    }
    _put(record, "publisher", review.publisher)
    if review.period:
        record["period"] = {"start": review.period[0], "end": review.period[1]}
    _put(record, "considered_at", considered_at)
    _put(record, "findings", [{"text": text, "source": {"lines": [line, line]}}
                              for line, text in review.findings[:MAX_FINDINGS]])
    _put(record, "recommendations", [_recommendation(r) for r in review.recommendations])
    _put(record, "statistics", [_statistic(s) for s in review.statistics])
    record["source"] = {"paper": paper, "lines": [review.start, review.end]}
    return DraftFile(f"reviews/{authority}/{record['id']}.yaml", record, review.title)


def authority_file(name: str, bodies: dict[str, str], website: str | None) -> DraftFile:
    """Return a draft authority file naming the bodies whose papers were read."""
    record: dict[str, Any] = {"id": authority_id(name), "name": name}
    _put(record, "website", website)
    record["bodies"] = [{"id": identifier, "name": body, "kind": body_kind(body)}
                        for identifier, body in sorted(bodies.items())]
    return DraftFile(f"authorities/{record['id']}.yaml", record, name)


def _recommendation(draft: RecommendationDraft) -> dict[str, Any]:
    record: dict[str, Any] = {"text": draft.text}
    _put(record, "owner", draft.owner)
    due = first_date(draft.due) if draft.due else None
    _put(record, "due", due)
    _put(record, "status", draft.status)
    update = draft.update
    if draft.due and not due:
        update = f"{update}. Target: {draft.due}" if update else f"Target: {draft.due}"
    _put(record, "update", update)
    return record


def _statistic(draft: StatisticDraft) -> dict[str, Any]:
    record: dict[str, Any] = {"label": draft.label, "value": _plain(draft.value)}
    _put(record, "unit", draft.unit)
    _put(record, "period", draft.period)
    _put(record, "breakdown", {k: _plain(v) for k, v in draft.breakdown.items()})
    record["source"] = {"lines": [draft.line, draft.line]}
    return record


def _person(name: str, role: str | None) -> dict[str, str]:
    return {"name": name, "role": role} if role else {"name": name}


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _put(record: dict[str, Any], key: str, value: Any) -> None:
    """Set a key only when there is something to say: the paper's silence stays silence."""
    if value not in (None, "", [], {}):
        record[key] = value
