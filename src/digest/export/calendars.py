"""iCalendar files of meetings, one per authority and one per body, made with icalendar.

A meeting is in two calendars (its area's and its committee's), so each event is made and
written once and the calendars are put together from the written events: icalendar folds every
line as it writes, and at national scale that was most of the time spent on calendars.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from digest.model import Meeting

LONDON = ZoneInfo("Europe/London")
END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True)
class WrittenEvent:
    """One meeting's event, written as iCalendar text, with what its calendar needs to know."""

    order: tuple[dt.date, str]
    text: bytes
    timed: bool  # a start time in London's time zone, so the calendar must define the zone


def meeting_event(meeting: Meeting, title: str, path: str, site_url: str) -> WrittenEvent:
    """Return the event of a meeting whose page is at ``path``.

    Papers give start times but not end times, so events have no end: nothing is guessed.
    """
    event = Event()
    event.add("uid", f"{meeting.id}@safeguarding-digest")
    # The stamp is the meeting's own date: the same content builds the same bytes.
    event.add("dtstamp", dt.datetime.combine(meeting.date, dt.time(), tzinfo=dt.UTC))
    event.add("summary", title)
    if meeting.time:
        hour, minute = (int(part) for part in meeting.time.split(":"))
        event.add("dtstart", dt.datetime.combine(meeting.date, dt.time(hour, minute),
                                                 tzinfo=LONDON))
    else:
        event.add("dtstart", meeting.date)
    if meeting.venue:
        event.add("location", meeting.venue)
    event.add("url", urljoin(site_url, path))
    if meeting.summary:
        event.add("description", meeting.summary)
    return WrittenEvent((meeting.date, meeting.id), bytes(event.to_ical()),
                        timed=bool(meeting.time))


def calendar(name: str, events: list[WrittenEvent]) -> bytes:
    """Return an .ics file of the events, oldest first, defining London's time zone if used."""
    cal = Calendar()
    cal.add("prodid", "-//Safeguarding Digest//Meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    head = bytes(cal.to_ical()).removesuffix(END)
    zone = _london_zone() if any(event.timed for event in events) else b""
    body = b"".join(event.text for event in sorted(events, key=lambda e: e.order))
    return head + zone + body + END


@functools.cache
def _london_zone() -> bytes:
    """Return London's VTIMEZONE, as icalendar's add_missing_timezones writes it."""
    return bytes(Timezone.from_tzid("Europe/London").to_ical())
