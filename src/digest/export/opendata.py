"""Open data: meetings and reviews as JSON, decisions and recommendations as CSV.

Only approved, non-exempt content reaches here (the plan removes the rest first). Ids are the
content's own, so they stay stable between builds. Published under the Open Government Licence.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from digest.build_cache import Kept, key_of
from digest.model import Content, Meeting, Review

LICENCE = {
    "name": "Open Government Licence v3.0",
    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
_INTERNAL = {"allow", "status"}


def meetings_json(content: Content, kept: Kept) -> str:
    """Return every meeting as JSON, with the licence."""
    return _records_json("meetings", sorted(content.meetings, key=lambda m: m.id), content, kept)


def reviews_json(content: Content, kept: Kept) -> str:
    """Return every review and report as JSON, with the licence."""
    return _records_json("reviews", sorted(content.reviews, key=lambda r: r.id), content, kept)


def _records_json(key: str, records: Sequence[Meeting | Review], content: Content,
                  kept: Kept) -> str:
    """Return {"licence": ..., key: [records]} as compact JSON, each record's JSON kept between
    builds by its fingerprint (and the meeting a review names, which the plan may drop).

    A record is written by pydantic's own JSON encoder: three times quicker than turning it
    into Python data and encoding that (12,000 meetings: 0.85 s to 0.29 s), and the same text
    (a tiny number's exponent aside: 1e-7 rather than 1e-07).
    """
    written = [kept.get(key_of("open data", content.record_fingerprints[id(record)],
                               str(getattr(record, "considered_at", None))),
                        lambda: record.model_dump_json(exclude=_INTERNAL))  # noqa: B023
               for record in records]
    # Compact JSON is items joined by commas: the same bytes as encoding the whole at once.
    head = _json({"licence": LICENCE, key: []}).removesuffix("[]}\n")
    return head + "[" + ",".join(written) + "]}\n"


def decisions_csv(content: Content, kept: Kept) -> str:
    """Return one row per decision, each meeting's rows kept between builds (a CSV is its rows
    one after another, so the kept rows join into the file writing all of them gives)."""
    rows = [_csv([["meeting_id", "authority", "body", "date", "item_number", "item_anchor",
                   "item_title", "kind", "text"]])]
    for meeting in sorted(content.meetings, key=lambda m: m.id):
        rows.append(kept.get(key_of("decisions", content.record_fingerprints[id(meeting)]),
                             lambda: _csv(_decision_rows(meeting))))  # noqa: B023
    return "".join(rows)


def recommendations_csv(content: Content, kept: Kept) -> str:
    """Return one row per recommendation, from reviews and from meeting items."""
    rows = [_csv([["source_kind", "source_id", "authority", "text", "owner", "due", "status",
                   "update"]])]
    records: list[Meeting | Review] = [*sorted(content.reviews, key=lambda r: r.id),
                                       *sorted(content.meetings, key=lambda m: m.id)]
    for record in records:
        rows.append(kept.get(key_of("recommendations", content.record_fingerprints[id(record)]),
                             lambda: _csv(_recommendation_rows(record))))  # noqa: B023
    return "".join(rows)


def _decision_rows(meeting: Meeting) -> list[list[str]]:
    return [[meeting.id, meeting.authority, meeting.body, meeting.date.isoformat(),
             item.number or "", item.anchor, item.title, d.kind, d.text]
            for item in meeting.items for d in item.decisions]


def _recommendation_rows(record: Meeting | Review) -> list[list[str]]:
    if isinstance(record, Review):
        return [["review", record.id, record.authority, *_recommendation(r)]
                for r in record.recommendations]
    return [["meeting", f"{record.id}#{item.anchor}", record.authority, *_recommendation(r)]
            for item in record.items for r in item.recommendations]


def schema(model: type[Meeting] | type[Review]) -> str:
    """Return the JSON Schema of a record as published (internal fields left out)."""
    generated = model.model_json_schema(mode="serialization")
    for name in _INTERNAL:
        generated.get("properties", {}).pop(name, None)
        if name in generated.get("required", []):
            generated["required"].remove(name)
    return _json(generated)


def _recommendation(rec: Any) -> list[str]:
    return [rec.text, rec.owner or "", rec.due.isoformat() if rec.due else "",
            rec.status or "", rec.update or ""]


def _json(data: Any) -> str:
    # Compact JSON: Python's fast C encoder is only used without indentation.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(
        [[_inert(cell) for cell in row] for row in rows])
    return buffer.getvalue()


def _inert(cell: str) -> str:
    """Return a cell a spreadsheet shows as text: a leading = + - @ tab or CR starts a formula.

    As OWASP advises for CSV injection, such a cell gets a leading apostrophe.
    """
    return "'" + cell if cell[:1] in _FORMULA_STARTS else cell


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
