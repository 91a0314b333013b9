"""Atom feeds of meetings, reviews and updates: for the whole site, each area and each topic.

Entries carry the plain-language summary. Dates are the content's own (the meeting's date, the
end of a report's period, an update's date), so the same content gives the same feed bytes.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from importlib.resources import files
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
STYLESHEET_PATH = "feeds/feed.xsl"
STYLESHEET = files("digest.export").joinpath("feed.xsl").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Entry:
    """One item in a feed."""

    id: str
    title: str
    path: str
    date: dt.date
    summary: str
    authority: str | None
    topics: tuple[str, ...]
    body: str | None = None  # the committee or board, for a meeting


MAX_ENTRIES = 50  # feed readers want what is new, not the whole archive


def atom_feed(title: str, path: str, entries: list[Entry], site_url: str) -> str:
    """Return an Atom feed of the newest entries, newest first."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ordered = latest_entries(entries)
    _text(feed, "id", urljoin(site_url, path))
    _text(feed, "title", title)
    newest = ordered[0].date if ordered else dt.date(2000, 1, 1)
    _text(feed, "updated", _timestamp(newest))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=urljoin(site_url, path))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=site_url)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Safeguarding Digest")
    for item in ordered:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"tag:safeguarding-digest,{item.date.year}:{item.id}")
        _text(entry, "title", item.title)
        _text(entry, "updated", _timestamp(item.date))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=urljoin(site_url, item.path))
        _text(entry, "summary", item.summary)
    ET.indent(feed)
    # A browser shows the feed as a page explaining how to follow it (feeds/feed.xsl).
    stylesheet = posixpath.relpath(STYLESHEET_PATH, posixpath.dirname(path))
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<?xml-stylesheet type="text/xsl" href="{stylesheet}"?>\n'
            + ET.tostring(feed, encoding="unicode") + "\n")


def latest_entries(entries: list[Entry]) -> list[Entry]:
    """Return the entries a feed holds: the newest, newest first."""
    return sorted(entries, key=lambda e: (e.date, e.id), reverse=True)[:MAX_ENTRIES]


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = value


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"
