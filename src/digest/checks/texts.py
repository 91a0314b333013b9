"""Every piece of text the site publishes, with the file and line it comes from.

Checks read content through this one walker, so a rule can never miss a field that a template
shows, and every finding points at the line a comms officer has to change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from digest.load import Loc, RawDocument, field_path
from digest.model import Authority, Meeting, Review
from digest.validate import Content


@dataclass(frozen=True)
class Text:
    """One published text field: where it is, what it says, and what kind of field it is."""

    document: RawDocument
    loc: Loc
    value: str
    role: str  # "summary" (an "In short"), "plain" (other words we wrote), "quoted" (the
    # paper's own words) or "label" (what a number counts)
    record: Meeting | Review | Authority | None

    @property
    def line(self) -> int:
        """Return the line of the field in its file."""
        return self.document.line_of(self.loc)

    @property
    def field(self) -> str:
        """Return the field path, like items[3].summary."""
        return field_path(self.loc)


_WALKED: dict[int, tuple[Content, list[Text]]] = {}


def published_texts(content: Content) -> list[Text]:
    """Return every text field a reader can see, skipping exempt items entirely.

    Every check walks the same texts, so the walk is kept for the content it was made from.
    """
    kept = _WALKED.get(id(content))
    if kept is None or kept[0] is not content:
        kept = (content, list(_walk(content)))
        _WALKED.clear()
        _WALKED[id(content)] = kept
    return kept[1]


def _walk(content: Content) -> Iterator[Text]:
    for authority in content.authorities.values():
        document = content.documents[("authority", authority.id)]
        yield from _maybe(document, ("summary",), authority.summary, "summary", authority)
    for meeting in content.meetings:
        yield from _meeting(content.documents[("meeting", meeting.id)], meeting)
    for review in content.reviews:
        yield from _review(content.documents[("review", review.id)], review)
    for update in content.updates:
        document = content.documents[("update", update.id)]
        yield Text(document, ("title",), update.title, "quoted", None)
        yield Text(document, ("text",), update.text, "summary", None)
    glossary = content.documents.get(("glossary", ""))
    if glossary is not None:
        for i, term in enumerate(content.glossary):
            yield Text(glossary, ("terms", i, "explanation"), term.explanation, "plain", None)
    topics = content.documents.get(("topics", ""))
    if topics is not None:
        for i, topic in enumerate(content.topics.values()):
            yield Text(topics, ("topics", i, "description"), topic.description, "plain", None)


def _meeting(document: RawDocument, meeting: Meeting) -> Iterator[Text]:
    yield from _maybe(document, ("summary",), meeting.summary, "summary", meeting)
    yield from _maybe(document, ("venue",), meeting.venue, "quoted", meeting)
    for i, item in enumerate(meeting.items):
        if item.exempt:
            continue
        at = ("items", i)
        yield Text(document, (*at, "title"), item.title, "quoted", meeting)
        yield from _maybe(document, (*at, "summary"), item.summary, "summary", meeting)
        yield from _maybe(document, (*at, "purpose"), item.purpose, "quoted", meeting)
        for j, point in enumerate(item.points):
            yield Text(document, (*at, "points", j), point, "plain", meeting)
        for j, decision in enumerate(item.decisions):
            yield Text(document, (*at, "decisions", j, "text"), decision.text, "quoted", meeting)
        for j, rec in enumerate(item.recommendations):
            yield Text(document, (*at, "recommendations", j, "text"), rec.text, "quoted", meeting)
            yield from _maybe(document, (*at, "recommendations", j, "owner"), rec.owner,
                              "quoted", meeting)
            yield from _maybe(document, (*at, "recommendations", j, "update"), rec.update,
                              "quoted", meeting)
        for j, stat in enumerate(item.statistics):
            yield Text(document, (*at, "statistics", j, "label"), stat.label, "label", meeting)


def _review(document: RawDocument, review: Review) -> Iterator[Text]:
    yield Text(document, ("title",), review.title, "quoted", review)
    yield from _maybe(document, ("summary",), review.summary, "summary", review)
    for i, finding in enumerate(review.findings):
        yield Text(document, ("findings", i, "text"), finding.text, "plain", review)
    for i, rec in enumerate(review.recommendations):
        yield Text(document, ("recommendations", i, "text"), rec.text, "plain", review)
        yield from _maybe(document, ("recommendations", i, "owner"), rec.owner, "quoted", review)
        yield from _maybe(document, ("recommendations", i, "update"), rec.update, "quoted", review)
    for i, stat in enumerate(review.statistics):
        yield Text(document, ("statistics", i, "label"), stat.label, "label", review)
        yield from _maybe(document, ("statistics", i, "note"), stat.note, "label", review)


def _maybe(document: RawDocument, loc: Loc, value: str | None, role: str,
           record: Meeting | Review | Authority | None) -> Iterator[Text]:
    if value:
        yield Text(document, loc, value, role, record)
