"""Everything the site publishes besides pages: feeds, calendars, open data, robots.txt.

Each export is a file placed beside the generated pages, so MkDocs copies it into the site and
the same atomic swap publishes it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from urllib.parse import urljoin

from digest.build_cache import Kept, key_of
from digest.export.calendars import WrittenEvent, calendar, meeting_event
from digest.export.feeds import STYLESHEET, STYLESHEET_PATH, Entry, atom_feed, latest_entries
from digest.export.opendata import (
    decisions_csv,
    meetings_json,
    recommendations_csv,
    reviews_json,
    schema,
)
from digest.model import Content, Meeting, Review
from digest.parallel import map_all
from digest.plan import (
    body_feed_path,
    calendar_path,
    feed_path,
    meeting_path,
    review_path,
    topic_feed_path,
)

UNDATED = dt.date(2000, 1, 1)  # sorts a report without a period after every dated one


def exports(content: Content, site_url: str, kept: Kept | None = None) -> dict[str, str]:
    """Return every exported file's path and text, in a stable order.

    ``kept`` holds each feed, each meeting's calendar event and each record's open data from
    the last build, by what they were made from.
    """
    files: dict[str, str] = {}
    kept = kept or Kept(None)

    def feed(title: str, path: str, entries: list[Entry]) -> None:
        held = latest_entries(entries)  # a feed is rewritten only when one of its entries changes
        files[path] = kept.get(key_of("feed", title, path, site_url, repr(held)),
                               lambda: atom_feed(title, path, held, site_url))

    entries = feed_entries(content)
    files[STYLESHEET_PATH] = STYLESHEET
    feed("Safeguarding Digest", "feeds/all.xml", entries)
    # Each feed's entries, in the order of all entries, sorted out in one pass.
    by_area: dict[str | None, list[Entry]] = defaultdict(list)
    by_body: dict[tuple[str | None, str | None], list[Entry]] = defaultdict(list)
    by_topic: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_area[entry.authority].append(entry)
        by_body[(entry.authority, entry.body)].append(entry)
        for topic_id in dict.fromkeys(entry.topics):
            by_topic[topic_id].append(entry)
    for authority in sorted(content.authorities.values(), key=lambda a: a.id):
        feed(f"Safeguarding Digest: {authority.name}", feed_path(authority.id),
             by_area[authority.id])
    for authority in sorted(content.authorities.values(), key=lambda a: a.id):
        for body in authority.bodies:
            own = by_body[(authority.id, body.id)]
            if own:
                feed(f"Safeguarding Digest: {body.name}, {authority.name}",
                     body_feed_path(authority.id, body.id), own)
    for topic in sorted(content.topics.values(), key=lambda t: t.id):
        feed(f"Safeguarding Digest: {topic.name}", topic_feed_path(topic.id),
             by_topic[topic.id])
    files.update(calendars(content, site_url, kept))
    files["data/meetings.json"] = meetings_json(content, kept)
    files["data/reviews.json"] = reviews_json(content, kept)
    files["data/decisions.csv"] = decisions_csv(content, kept)
    files["data/recommendations.csv"] = recommendations_csv(content, kept)
    files["data/meetings.schema.json"] = file_schema("meetings", schema(Meeting))
    files["data/reviews.schema.json"] = file_schema("reviews", schema(Review))
    files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"
    return files


def feed_entries(content: Content) -> list[Entry]:
    """Return a feed entry for every meeting, review and update."""
    entries = [_meeting_entry(m, content) for m in content.meetings]
    entries += [_review_entry(r) for r in content.reviews]
    entries += [Entry(f"update-{u.id}", u.title, "updates/", u.date, u.text, u.authority,
                      tuple(u.topics)) for u in content.updates]
    return entries


def calendars(content: Content, site_url: str, kept: Kept) -> dict[str, str]:
    """Return an iCalendar file per authority and per body that has meetings."""
    by_authority: dict[str, list[WrittenEvent]] = defaultdict(list)
    by_body: dict[tuple[str, str], list[WrittenEvent]] = defaultdict(list)
    body_names: dict[tuple[str, str], str] = {}
    wanted: list[tuple[tuple[Meeting, str, str, str], str]] = []  # what makes each event, key
    for meeting in content.meetings:
        authority = content.authorities[meeting.authority]
        body = next(b.name for b in authority.bodies if b.id == meeting.body)
        title = body_names[(authority.id, meeting.body)] = f"{body}, {authority.name}"
        path = meeting_path(meeting.id).removesuffix(".md") + "/"
        key = key_of("event", content.record_fingerprints[id(meeting)], title, path, site_url)
        wanted.append(((meeting, title, path, site_url), key))
    # New events are made on every core: calendars at national scale (12,000 meetings) take
    # 1.7 s rather than 2.5 s.
    new = {key: what for what, key in wanted if not kept.has(key)}
    made = dict(zip(new, map_all(_event, list(new.values())), strict=True))
    for (meeting, *_), key in wanted:
        event = kept.get(key, functools.partial(made.__getitem__, key))
        by_authority[meeting.authority].append(event)
        by_body[(meeting.authority, meeting.body)].append(event)
    files = {}
    for authority_id, events in sorted(by_authority.items()):
        name = content.authorities[authority_id].name
        files[calendar_path(authority_id)] = calendar(name, events).decode()
    for body_key, events in sorted(by_body.items()):
        files[calendar_path(*body_key)] = calendar(body_names[body_key], events).decode()
    return files


def _event(what: tuple[Meeting, str, str, str]) -> WrittenEvent:
    return meeting_event(*what)


def file_schema(key: str, record_schema: str) -> str:
    """Return the JSON Schema of an open data file: the licence and a list of records."""
    record = json.loads(record_schema)
    definitions = record.pop("$defs", {})
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Safeguarding Digest {key}",
        "type": "object",
        "required": ["licence", key],
        "properties": {
            "licence": {"type": "object", "required": ["name", "url"]},
            key: {"type": "array", "items": record},
        },
        "$defs": definitions,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _meeting_entry(meeting: Meeting, content: Content) -> Entry:
    authority = content.authorities[meeting.authority]
    body = next(b.name for b in authority.bodies if b.id == meeting.body)
    topics = tuple(sorted({t for item in meeting.items for t in item.topics}))
    title = f"{body}, {meeting.date.day} {meeting.date:%B %Y}"
    summary = meeting.summary or f"The {meeting.paper} of this meeting."
    return Entry(meeting.id, title, meeting_path(meeting.id).removesuffix(".md") + "/",
                 meeting.date, summary, meeting.authority, topics, meeting.body)


def _review_entry(review: Review) -> Entry:
    date = review.period.end if review.period else None
    return Entry(review.id, review.title, review_path(review.id).removesuffix(".md") + "/",
                 date or UNDATED, review.summary or review.title, review.authority,
                 tuple(review.topics))


