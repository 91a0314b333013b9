"""Decide which pages the site has and what each one shows. Pure: content in, pages out.

This is also where publishing rules hold: drafts are left out unless previewing, and exempt
items are removed here, before any template, feed or index can see them.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from operator import attrgetter
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from digest.model import (
    Authority,
    Body,
    Content,
    Meeting,
    Recommendation,
    Review,
    Statistic,
)

if TYPE_CHECKING:
    from digest.readability_report import Readability

LATEST_ON_HOME = 6
# Listing pages stay light at national scale: they show the newest entries and say how many
# more there are; every record is still reached from its area's page and from search.
MAX_LISTED = 100
HARDEST_LISTED = 25  # rows on the readability page, however many pages the site has
KEY_NUMBERS_PER_REVIEW = 6


@dataclass(frozen=True)
class Page:
    """One generated Markdown page: where it goes, which template draws it, and its data."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    authority: str | None = None  # whose glossary meanings apply on this page


@dataclass(frozen=True)
class MeetingView:
    """A meeting with the names a page needs beside it."""

    meeting: Meeting
    authority: Authority
    body: Body
    path: str
    reviews: list[Review]

    @property
    def title(self) -> str:
        """Return the page title: the body and the date."""
        return f"{self.body.name}, {self.meeting.date.day} {self.meeting.date:%B %Y}"


@dataclass(frozen=True)
class TopicEntry:
    """Something on a topic page: a meeting item or a review."""

    title: str
    link: str
    authority: Authority
    date_text: str
    sort_key: str
    summary: str | None


@dataclass(frozen=True)
class TrackedRecommendation:
    """A recommendation on the tracker page, with the page it comes from."""

    recommendation: Recommendation
    source: str
    link: str
    authority: Authority


@dataclass(frozen=True)
class ProgressGroup:
    """Recommendations at one stage of progress, each paper or meeting they come from named once."""

    status: str | None
    name: str
    sources: list[tuple[str, str, list[Recommendation]]]  # (source, link, recommendations)

    @property
    def count(self) -> int:
        """Return how many recommendations the group holds."""
        return sum(len(recommendations) for _, _, recommendations in self.sources)


# What a parent reads for each stage. Not reporting progress is itself a finding about the council.
PROGRESS_WORDS: dict[str | None, str] = {
    "done": "Done", "in progress": "Under way", "open": "Not done yet", "dropped": "Dropped",
    None: "The papers do not say"}
STATUS_ORDER = [(status, words if status else "Not reported: the papers do not say")
                for status, words in PROGRESS_WORDS.items()]


@dataclass(frozen=True)
class SourceUse:
    """A page that draws on a source paper, and the lines it draws on."""

    title: str
    link: str
    lines: tuple[int, int]


def publishable(content: Content, include_drafts: bool = False) -> Content:
    """Return the content a reader may see: approved records only, exempt items removed.

    A reference to a record the reader cannot see (an approved review considered at a draft
    meeting, in a preview) is dropped too, so no output can name it.
    """
    entries = [entry for entry in content.entries if include_drafts or not entry.is_draft]
    meeting_ids = {entry.key[1] for entry in entries if entry.kind.name == "meeting"}
    visible = []
    for entry in entries:
        record = entry.record
        if isinstance(record, Meeting) and any(item.withheld for item in record.items):
            record = record.model_copy(
                update={"items": [item for item in record.items if not item.withheld]})
        if isinstance(record, Review) and record.considered_at not in (None, *meeting_ids):
            record = record.model_copy(update={"considered_at": None})
        visible.append(entry if record is entry.record else replace(entry, record=record))
    return Content(entries=visible, papers=content.papers, papers_dir=content.papers_dir)


def plan_site(content: Content, readability: Readability | None = None) -> list[Page]:
    """Return every page of the site, in a stable order."""
    meetings = meeting_views(content)
    reviews = _sorted_reviews(content.reviews)
    updates = sorted(content.updates, key=lambda u: (u.date, u.id), reverse=True)
    sources = _source_uses(meetings, reviews)
    authorities = sorted(content.authorities.values(), key=lambda a: a.name)
    topics = sorted(content.topics.values(), key=lambda t: t.name)
    as_of = latest_date(content)
    # Each area's own records, and its recommendations, worked out once (not once per area).
    meetings_of: dict[str, list[MeetingView]] = defaultdict(list)
    for view in meetings:
        meetings_of[view.authority.id].append(view)
    reviews_of: dict[str, list[Review]] = defaultdict(list)
    for review in reviews:
        reviews_of[review.authority].append(review)
    groups_of = {a.id: _recommendation_groups(meetings_of[a.id], reviews_of[a.id], content)
                 for a in authorities}
    pages = [
        Page("index.md", "home.md.j2", {
            "updates": updates[:LATEST_ON_HOME],
            "authorities": authorities,
            "authorities_by_id": content.authorities,
            "meetings": meetings[:LATEST_ON_HOME],
            "reviews": reviews[:LATEST_ON_HOME],
            "topics": topics,
        }),
        Page("authorities/index.md", "authorities.md.j2", {"authorities": authorities}),
        Page("reviews/index.md", "reviews.md.j2", {
            "reviews": reviews[:MAX_LISTED], "total": len(reviews),
            "authorities": content.authorities,
        }),
        Page("topics/index.md", "topics.md.j2", {"topics": topics}),
        Page("glossary.md", "glossary.md.j2", {
            "terms": sorted(content.glossary, key=lambda t: (t.term.lower(), t.id)),
            "authorities": content.authorities,
        }),
        Page("search.md", "search.md.j2", {}),
        Page("help.md", "help.md.j2", {"authorities": authorities}),
        Page("updates.md", "updates.md.j2", {"updates": updates,
                                             "authorities": content.authorities}),
        Page("data.md", "data.md.j2", {
            "authorities": authorities, "topics": topics,
            "calendars": _calendar_list(meetings),
        }),
        Page("recommendations.md", "recommendations.md.j2", {
            "groups": [], "areas": [(a, _status_counts(groups_of[a.id])) for a in authorities],
        }),
        Page("accessibility.md", "accessibility.md.j2", {"statement": content.accessibility}),
        Page("about.md", "about.md.j2", {
            "papers": [(paper, source_path(paper)) for paper in sorted(sources)][:MAX_LISTED],
            "total_papers": len(sources),
            "readability": readability is not None,
        }),
    ]
    if readability is not None:
        # Bounded at any scale: the hardest pages and papers, which are the ones to work on;
        # 'digest readability' lists every page for a comms team.
        pages.append(Page("about/readability.md", "readability.md.j2", {
            # What the page states of the whole report, not the report: the render cache reads
            # every value of a context, and the report holds every page's grades.
            "median_summary_grade": readability.median_summary_grade,
            "worst_summary_grade": readability.worst_summary_grade,
            "median_paper_grade": readability.median_paper_grade,
            "pages_measured": len(readability.pages),
            "papers_measured": len(readability.papers),
            "hardest_pages": sorted(readability.pages, key=lambda p: (-p.worst_grade, p.page))[
                :HARDEST_LISTED],
            "hardest_papers": sorted(readability.papers, key=lambda p: (-p.grade, p.paper))[
                :HARDEST_LISTED],
        }))
    for authority in authorities:
        own_meetings, own_reviews = meetings_of[authority.id], reviews_of[authority.id]
        pages.append(Page(authority_path(authority.id), "authority.md.j2", {
            "authority": authority,
            "meetings": own_meetings,
            "reviews": own_reviews,
            "key_numbers": _key_numbers(own_reviews, as_of),
            "questions": _questions(own_reviews),
            "feed": Markup(feed_path(authority.id)),
            "calendar": Markup(calendar_path(authority.id)) if own_meetings else None,
            "committee_pages": {body.id: body_path(authority.id, body.id)
                                for body in authority.bodies},
            "recommendations_page": (f"recommendations/{authority.id}.md"
                                     if groups_of[authority.id] else None),
        }, authority=authority.id))
    names = paper_names(meetings, reviews)
    for authority in authorities:
        for body in authority.bodies:
            own = [m for m in meetings_of[authority.id] if m.body.id == body.id]
            pages.append(Page(body_path(authority.id, body.id), "committee.md.j2", {
                "authority": authority, "body": body, "meetings": own,
                "feed": Markup(body_feed_path(authority.id, body.id)) if own else None,
                "calendar": Markup(calendar_path(authority.id, body.id)) if own else None,
            }, authority=authority.id))
    pages += [meeting_page(view, content, names) for view in meetings]
    by_meeting = {view.meeting.id: view for view in meetings}
    for review in reviews:
        pages.append(Page(review_path(review.id), "review.md.j2", {
            "review": review, "when": period_words(review), "old": is_old(review, as_of),
            "review_topics": sorted(content.topics[t].name for t in review.topics),
            "authority": content.authorities[review.authority],
            "meeting": by_meeting.get(review.considered_at or ""),
            "topics": content.topics,
            "source_page": source_path(review.source.paper) if review.source else None,
            "paper_name": names.get(review.source.paper) if review.source else None,
        }, authority=review.authority))
    for authority in authorities:
        groups = groups_of[authority.id]
        if groups:
            pages.append(Page(f"recommendations/{authority.id}.md", "recommendations.md.j2", {
                "groups": groups, "areas": [], "authority": authority,
            }, authority=authority.id))
    by_topic = _topic_entries(meetings, reviews, content)
    for topic in topics:
        entries = by_topic.get(topic.id, [])
        pages.append(Page(topic_path(topic.id), "topic.md.j2", {
            "topic": topic, "total": len(entries),
            # The newest: as sorting them all would give them, without sorting them all.
            "entries": heapq.nlargest(MAX_LISTED, entries, key=attrgetter("sort_key", "title")),
            "feed": Markup(topic_feed_path(topic.id)),
        }))
    addresses = _paper_urls(content)
    for paper, uses in sorted(sources.items()):
        pages.append(Page(source_path(paper), "source.md.j2", {
            "paper": paper, "uses": uses, "name": names.get(paper, paper),
            "url": addresses.get(paper),
        }))
    return pages


def authority_path(authority_id: str) -> str:
    """Return the page path of an authority."""
    return f"authorities/{authority_id}.md"


def meeting_path(meeting_id: str) -> str:
    """Return the page path of a meeting."""
    return f"meetings/{meeting_id}.md"


def review_path(review_id: str) -> str:
    """Return the page path of a review or report."""
    return f"reviews/{review_id}.md"


def topic_path(topic_id: str) -> str:
    """Return the page path of a topic."""
    return f"topics/{topic_id}.md"


@functools.cache
def source_path(paper: str) -> str:
    """Return the page path describing a source paper (a few papers serve many records)."""
    return f"sources/{PurePosixPath(paper).stem}.md"


def meeting_page(view: MeetingView, content: Content, names: dict[str, str]) -> Page:
    """Return a meeting's own page; ``names`` are the papers' names (paper_names)."""
    return Page(view.path, "meeting.md.j2", {
        "view": view, "meeting": view.meeting, "topics": content.topics,
        "area_page": authority_path(view.authority.id),
        "body_page": body_path(view.authority.id, view.body.id),
        "paper_name": names.get(view.meeting.source.paper) if view.meeting.source else None,
        "meeting_topics": sorted({content.topics[t].name for item in view.meeting.items
                                  for t in item.topics}),
        "source_page": source_path(view.meeting.source.paper) if view.meeting.source else None,
    }, authority=view.authority.id)


def meeting_views(content: Content) -> list[MeetingView]:
    """Return every meeting with its area, committee, page and the reviews it considered,
    newest first."""
    reviews_at: dict[str, list[Review]] = defaultdict(list)
    for review in content.reviews:
        if review.considered_at:
            reviews_at[review.considered_at].append(review)
    views = [meeting_view(meeting, content, reviews_at[meeting.id])
             for meeting in content.meetings]
    return sorted(views, key=lambda v: (v.meeting.date, v.meeting.id), reverse=True)


def meeting_view(meeting: Meeting, content: Content, reviews: list[Review]) -> MeetingView:
    """Return a meeting with its area, committee and page; ``reviews`` are those it
    considered."""
    authority = content.authorities[meeting.authority]
    body = next(b for b in authority.bodies if b.id == meeting.body)
    return MeetingView(meeting, authority, body, meeting_path(meeting.id), reviews)


def _paper_urls(content: Content) -> dict[str, str]:
    """Return the council's published copy of each paper whose address a record gives (the
    first record to give one, meetings before reviews)."""
    addresses: dict[str, str] = {}
    sources = [m.source for m in content.meetings] + [r.source for r in content.reviews]
    for source in sources:
        if source and source.url:
            addresses.setdefault(source.paper, source.url)
    return addresses


def _sorted_reviews(reviews: list[Review]) -> list[Review]:
    """Newest first by the end of the period covered; reviews without a period last."""
    dated = [r for r in reviews if r.period]
    dated.sort(key=lambda r: (r.period.end.isoformat() if r.period else "", r.id), reverse=True)
    undated = sorted((r for r in reviews if not r.period), key=lambda r: r.id)
    return [*dated, *undated]


@dataclass(frozen=True)
class FigureGroup:
    """A report's key figures, with when they are from and whether that is long ago."""

    review: Review
    when: str
    old: bool
    statistics: list[Statistic]


OLD_AFTER_YEARS = 3  # a figure this much older than the newest content is marked as old


def latest_date(content: Content) -> dt.date:
    """Return the newest date in the content: the site's 'as of' date (never the clock)."""
    dates = [meeting.date for meeting in content.meetings]
    dates += [update.date for update in content.updates]
    dates += [review.period.end for review in content.reviews if review.period]
    return max(dates, default=dt.date(2000, 1, 1))


def is_old(review: Review, as_of: dt.date) -> bool:
    """Say whether a report's figures are more than three years older than the newest content."""
    return review.period is not None and review.period.end < as_of.replace(
        year=as_of.year - OLD_AFTER_YEARS)


def period_words(review: Review) -> str:
    """Return when a report's figures are from: 'April 2013 to March 2014'."""
    if review.period is None:
        return "the report does not say"
    return f"{review.period.start:%B %Y} to {review.period.end:%B %Y}"


@dataclass(frozen=True)
class Question:
    """A question parents ask of every area, the papers' figures that answer it, and where the
    figure is published when the papers do not give it."""

    question: str
    answers: list[tuple[Review, Statistic]]
    elsewhere: str
    publisher: str


_STATISTICS = "https://explore-education-statistics.service.gov.uk/find-statistics/"
COMMON_QUESTIONS = [
    ("How many children are on a child protection plan?",
     re.compile(r"\bchild protection plans?\b", re.I),
     _STATISTICS + "characteristics-of-children-in-need"),
    ("How many children are in care?",
     re.compile(r"\b(?:children in care|looked after children|children looked after)\b", re.I),
     _STATISTICS + "children-looked-after-in-england-including-adoptions"),
]


def _questions(reviews: list[Review]) -> list[Question]:
    return [Question(question, [(review, stat) for review in reviews for stat in review.statistics
                                if pattern.search(stat.label)], elsewhere,
                     "The Department for Education")
            for question, pattern, elsewhere in COMMON_QUESTIONS]


def _key_numbers(reviews: list[Review], as_of: dt.date) -> list[FigureGroup]:
    return [FigureGroup(review, period_words(review), is_old(review, as_of),
                        review.statistics[:KEY_NUMBERS_PER_REVIEW])
            for review in reviews if review.statistics]


def _topic_entries(meetings: list[MeetingView], reviews: list[Review],
                   content: Content) -> dict[str, list[TopicEntry]]:
    """Return each topic's items and reports, in one pass over the content."""
    entries: dict[str, list[TopicEntry]] = defaultdict(list)
    for view in meetings:
        meeting = view.meeting
        date_text = f"{view.body.name}, {meeting.date.day} {meeting.date:%B %Y}"
        sort_key = meeting.date.isoformat()
        for item in meeting.items:
            if item.topics:
                entry = TopicEntry(item.title, f"{view.path}#{item.anchor}", view.authority,
                                   date_text, sort_key, item.summary)
                for topic in dict.fromkeys(item.topics):
                    entries[topic].append(entry)
    for review in reviews:
        end = review.period.end.isoformat() if review.period else ""
        for topic in dict.fromkeys(review.topics):
            entries[topic].append(TopicEntry(
                review.title, review_path(review.id), content.authorities[review.authority],
                _period_text(review), end, review.summary,
            ))
    return entries


def _period_text(review: Review) -> str:
    if review.period is None:
        return review.publisher
    return f"{review.publisher}, {review.period.start:%B %Y} to {review.period.end:%B %Y}"


def _calendar_list(meetings: list[MeetingView]) -> list[tuple[str, str]]:
    """Return (name, calendar path) for every authority and body that has meetings."""
    calendars: dict[str, str] = {}
    for view in meetings:
        calendars[calendar_path(view.authority.id)] = view.authority.name
        calendars[calendar_path(view.authority.id, view.body.id)] = (
            f"{view.authority.name}: {view.body.name}"
        )
    return sorted((name, path) for path, name in calendars.items())


def feed_path(authority_id: str) -> str:
    """Return the path of an authority's news feed."""
    return f"feeds/{authority_id}.xml"


def body_feed_path(authority_id: str, body_id: str) -> str:
    """Return the path of a committee's or board's news feed."""
    return f"feeds/{authority_id}/{body_id}.xml"


def body_path(authority_id: str, body_id: str) -> str:
    """Return the page path of a committee or board."""
    return f"committees/{authority_id}-{body_id}.md"


def paper_names(meetings: list[MeetingView], reviews: list[Review]) -> dict[str, str]:
    """Name each source paper in words a reader knows it by: 'The minutes of the Children's
    Services Overview and Scrutiny Committee meeting on 16 April 2024'.

    An agenda pack can hold an earlier meeting's minutes too: it is named for its own meeting.
    """
    names: dict[str, str] = {}
    for view in sorted(meetings, key=lambda v: v.meeting.date):
        meeting = view.meeting
        if meeting.source:
            kind = "The minutes" if meeting.paper == "minutes" else "The agenda pack"
            names[meeting.source.paper] = (f"{kind} of the {view.body.name} meeting on "
                                           f"{meeting.date.day} {meeting.date:%B %Y}")
    for review in reviews:
        if review.source and review.source.paper not in names:
            names[review.source.paper] = review.title
    return names


def topic_feed_path(topic_id: str) -> str:
    """Return the path of a topic's news feed."""
    return f"feeds/topics/{topic_id}.xml"


def calendar_path(authority_id: str, body_id: str | None = None) -> str:
    """Return the path of an authority's (or one of its bodies') meeting calendar."""
    return f"calendars/{authority_id}{'-' + body_id if body_id else ''}.ics"


def _status_counts(groups: list[ProgressGroup]) -> dict[str | None, int]:
    return {group.status: group.count for group in groups}


def _recommendation_groups(
    meetings: list[MeetingView], reviews: list[Review], content: Content
) -> list[ProgressGroup]:
    """An area's recommendations (from its own meetings and reviews), grouped by progress in a
    fixed order; empty groups left out."""
    tracked: list[TrackedRecommendation] = []
    for review in reviews:
        tracked += [TrackedRecommendation(rec, review.title, review_path(review.id),
                                          content.authorities[review.authority])
                    for rec in review.recommendations]
    for view in meetings:
        for item in view.meeting.items:
            tracked += [TrackedRecommendation(rec, f"{view.title}: {item.title}",
                                              f"{view.path}#{item.anchor}", view.authority)
                        for rec in item.recommendations]
    groups = []
    for status, name in STATUS_ORDER:
        sources: dict[tuple[str, str], list[Recommendation]] = {}
        for t in tracked:
            if t.recommendation.status == status:
                sources.setdefault((t.source, t.link), []).append(t.recommendation)
        if sources:
            groups.append(ProgressGroup(status, name, [(source, link, recommendations)
                                                       for (source, link), recommendations
                                                       in sources.items()]))
    return groups


def _source_uses(meetings: list[MeetingView], reviews: list[Review]) -> dict[str, list[SourceUse]]:
    uses: dict[str, list[SourceUse]] = defaultdict(list)
    for view in meetings:
        if view.meeting.source:
            source = view.meeting.source
            uses[source.paper].append(SourceUse(view.title, view.path, source.lines))
    for review in reviews:
        if review.source:
            uses[review.source.paper].append(
                SourceUse(review.title, review_path(review.id), review.source.lines)
            )
    return {paper: sorted(found, key=lambda u: u.lines) for paper, found in uses.items()}
