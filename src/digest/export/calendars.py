"""iCalendar files of meetings, one per authority and one per body, made with icalendar."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from digest.model import Meeting

LONDON = ZoneInfo("Europe/London")


def calendar(name: str, meetings: list[tuple[Meeting, str, str]], site_url: str) -> bytes:
    """Return an .ics file of meetings, given as (meeting, title, page path).

    Papers give start times but not end times, so events have no end: nothing is guessed.
    """
    cal = Calendar()
    cal.add("prodid", "-//Safeguarding Digest//Meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for meeting, title, path in sorted(meetings, key=lambda m: (m[0].date, m[0].id)):
        event = Event()
        event.add("uid", f"{meeting.id}@safeguarding-digest")
        # The stamp is the meeting's own date: the same content builds the same bytes.
        event.add("dtstamp", dt.datetime.combine(meeting.date, dt.time(), tzinfo=dt.UTC))
        event.add("summary", title)
        if meeting.time:
            hour, minute = (int(part) for part in meeting.time.split(":"))
            start = dt.datetime.combine(meeting.date, dt.time(hour, minute), tzinfo=LONDON)
            event.add("dtstart", start)
        else:
            event.add("dtstart", meeting.date)
        if meeting.venue:
            event.add("location", meeting.venue)
        event.add("url", urljoin(site_url, path))
        if meeting.summary:
            event.add("description", meeting.summary)
        cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
