"""schema.org JSON-LD for meeting (Event) and review (Report) pages.

The JSON goes inside a <script> element, where HTML entities are not decoded, so the characters
that could end the element are written as JSON escapes instead.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from digest.model import Authority, Review


def script_safe_json(data: dict[str, Any]) -> Markup:
    """Return JSON that cannot close a <script> element, whatever the content says."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(character, escape)
    return Markup(text)


def event_jsonld(view: Any) -> Markup:
    """Return a schema.org Event for a meeting page (``view`` is a plan.MeetingView)."""
    meeting = view.meeting
    start = meeting.date.isoformat() + (f"T{meeting.time}" if meeting.time else "")
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": view.title,
        "startDate": start, "organizer": _organisation(view.authority),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if meeting.venue:
        data["location"] = {"@type": "Place", "name": meeting.venue}
    if meeting.summary:
        data["description"] = meeting.summary
    return script_safe_json(data)


def report_jsonld(review: Review, authority: Authority) -> Markup:
    """Return a schema.org Report for a review page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Report", "name": review.title,
        "publisher": {"@type": "Organization", "name": review.publisher},
        "spatialCoverage": authority.name,
    }
    if review.period:
        data["temporalCoverage"] = f"{review.period.start}/{review.period.end}"
    if review.summary:
        data["description"] = review.summary
    return script_safe_json(data)


def _organisation(authority: Authority) -> dict[str, str]:
    organisation = {"@type": "Organization", "name": authority.name}
    if authority.website:
        organisation["url"] = authority.website
    return organisation
