"""What the site publishes besides pages, from a real build: feeds, calendars, open data,
structured data, and a site that works under a project sub-path."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree as ET

import pytest
import yaml
from icalendar import Calendar
from jsonschema import Draft202012Validator

from digest.build import build
from digest.cli import main
from digest.schemas import editor_schemas

from .conftest import PROJECT, options_for

ATOM = "{http://www.w3.org/2005/Atom}"
SUB_PATH = "https://example.github.io/safeguarding-digest/"


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built for a project sub-path, as GitHub Pages serves it."""
    root = tmp_path_factory.mktemp("subpath")
    options = options_for(PROJECT, content=PROJECT / "content", site=root / "site")
    options = type(options)(**{**options.__dict__, "docs_dir": root / "docs",
                               "site_url": SUB_PATH})
    assert not [f for f in build(options).findings if f.level == "error"]
    return root / "site"


def test_every_feed_is_atom_with_summaries(sub_path_site: Path) -> None:
    feeds = sorted((sub_path_site / "feeds").rglob("*.xml"))
    assert len(feeds) >= 1 + 2 + 10  # everything, each area, each topic
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == f"{ATOM}feed"
        for tag in ("id", "title", "updated"):
            assert root.find(f"{ATOM}{tag}") is not None, (feed, tag)
        for entry in root.findall(f"{ATOM}entry"):
            assert entry.findtext(f"{ATOM}summary"), feed
            assert entry.find(f"{ATOM}link").get("href", "").startswith(SUB_PATH)
    everything = ET.parse(sub_path_site / "feeds" / "all.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in everything.findall(f"{ATOM}entry")]
    assert "Children's Services Overview and Scrutiny Committee, 16 April 2024" in titles
    assert "Safeguarding Digest is live for Walsall and Sandwell" in titles


def test_every_calendar_parses_with_one_event_per_meeting(sub_path_site: Path) -> None:
    calendars = sorted((sub_path_site / "calendars").glob("*.ics"))
    assert [c.name for c in calendars] == [
        "sandwell-childrens-services-education-scrutiny.ics", "sandwell.ics",
        "walsall-childrens-services-scrutiny.ics", "walsall.ics",
        "worcestershire-children-families-scrutiny.ics", "worcestershire.ics",
    ]
    events = Calendar.from_ical((sub_path_site / "calendars" / "walsall.ics").read_bytes()).walk(
        "VEVENT")
    assert len(events) == 3
    april = next(e for e in events if "2024-04-16" in str(e["uid"]))
    assert april.decoded("dtstart").isoformat() == "2024-04-16T18:00:00+01:00"
    assert str(april["location"]) == "Conference Room 2, Council House, Walsall"
    assert str(april["url"]).startswith(SUB_PATH)


@pytest.mark.parametrize("name", ["meetings", "reviews"])
def test_open_data_json_matches_its_schema(sub_path_site: Path, name: str) -> None:
    data = json.loads((sub_path_site / "data" / f"{name}.json").read_text())
    schema = json.loads((sub_path_site / "data" / f"{name}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(data)]
    assert errors == []
    assert data["licence"]["name"] == "Open Government Licence v3.0"
    ids = [record["id"] for record in data[name]]
    assert ids == sorted(ids) and len(ids) == len(set(ids))


def test_open_data_csv(sub_path_site: Path) -> None:
    decisions = list(csv.DictReader(io.StringIO(
        (sub_path_site / "data" / "decisions.csv").read_text())))
    meetings = [yaml.safe_load(p.read_text()) for p in (PROJECT / "content/meetings").glob("*/*")]
    expected = sum(len(i.get("decisions", [])) for m in meetings for i in m["items"])
    assert len(decisions) == expected
    assert {d["kind"] for d in decisions} <= {"noted", "agreed", "recommended", "deferred",
                                             "action"}
    recommendations = list(csv.DictReader(io.StringIO(
        (sub_path_site / "data" / "recommendations.csv").read_text())))
    assert recommendations and set(recommendations[0]) == {
        "source_kind", "source_id", "authority", "text", "owner", "due", "status", "update"}


def test_structured_data_on_meeting_and_review_pages(sub_path_site: Path) -> None:
    def structured(page: str) -> dict[str, object]:
        html = (sub_path_site / page / "index.html").read_text()
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert found, page
        return dict(json.loads(found.group(1)))

    event = structured("meetings/walsall-2024-04-16-childrens-services-scrutiny")
    assert event["@type"] == "Event" and event["startDate"] == "2024-04-16T18:00"
    assert event["location"] == {"@type": "Place",
                                 "name": "Conference Room 2, Council House, Walsall"}
    assert event["organizer"] == {"@type": "Organization", "name": "Walsall Council",
                                  "url": "https://www.walsall.gov.uk"}
    report = structured("reviews/walsall-scb-annual-report-2013-14")
    assert report["@type"] == "Report"
    assert report["temporalCoverage"] == "2013-04-01/2014-03-31"


def test_feeds_are_linked_from_page_heads(sub_path_site: Path) -> None:
    html = (sub_path_site / "authorities" / "walsall" / "index.html").read_text()
    assert '<link rel="alternate feed" type="application/atom+xml" title="Safeguarding Digest: ' \
           'Walsall Council" href="../../feeds/walsall.xml">' in html
    assert 'rel="alternate"' not in html, "Material would fetch a sitemap.xml beside the feed"


def test_nothing_escapes_the_sub_path(sub_path_site: Path) -> None:
    site = urlparse(SUB_PATH)
    problems = []
    for file in sorted(sub_path_site.rglob("*")):
        if file.suffix not in {".html", ".xml", ".ics", ".json", ".txt"} or not file.is_file():
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r'(?:href|src|action)="([^"]+)"', text):
            if url.startswith("/") and not url.startswith(site.path):
                problems.append((file.name, url))
        for url in re.findall(r"https?://[^\s\"'<>)]+", text):
            parsed = urlparse(url)
            if parsed.netloc == site.netloc and not parsed.path.startswith(site.path):
                problems.append((file.name, url))
            if parsed.netloc.startswith("127.0.0.1"):
                problems.append((file.name, url))
    assert problems == []
    assert (sub_path_site / "404.html").is_file()
    assert f"Sitemap: {SUB_PATH}sitemap.xml" in (sub_path_site / "robots.txt").read_text()
    assert SUB_PATH in (sub_path_site / "sitemap.xml").read_text()


def test_new_meeting_writes_a_valid_commented_file_and_refuses_to_overwrite(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    command = ["new", "meeting", "--authority", "testshire", "--body", "scrutiny",
               "--date", "2025-01-20"]
    assert main(command) == 0
    created = project / "content" / "meetings" / "testshire" / "2025-01-20-scrutiny.yaml"
    assert created.read_text().startswith(
        "# yaml-language-server: $schema=../../../schemas/meeting.schema.json\n")
    capsys.readouterr()
    assert main(["check", "--include-drafts"]) == 0
    assert main(command) == 1
    assert capsys.readouterr().err.endswith(
        "content/meetings/testshire/2025-01-20-scrutiny.yaml already exists; nothing was "
        "written.\n")
    assert main(["new", "review", "--authority", "testshire", "--date", "2025-03-31"]) == 0
    assert main(["check", "--include-drafts"]) == 0


def test_drafts_in_a_preview_carry_a_banner(project: Path, tmp_path: Path) -> None:
    options = options_for(project, site=tmp_path / "preview")
    options = type(options)(**{**options.__dict__, "include_drafts": True})
    build(options)
    html = (tmp_path / "preview" / "meetings" / "testshire-2024-06-01-scrutiny" /
            "index.html").read_text()
    assert "DRAFT: not published" in html


def test_editor_schemas_are_up_to_date(regen: bool) -> None:
    folder = PROJECT / "schemas"
    for name, text in editor_schemas().items():
        if regen:
            (folder / name).write_text(text)
        assert (folder / name).read_text() == text, f"run pytest --regen to update {name}"


def test_content_files_name_their_schema() -> None:
    for file in sorted((PROJECT / "content").rglob("*.yaml")):
        if file.name in {"accessibility.yaml"}:
            continue
        assert file.read_text().startswith("# yaml-language-server: $schema="), file


def test_problems_in_drafts_are_warnings_in_a_preview_and_errors_once_approved(
    project: Path, tmp_path: Path
) -> None:
    draft = project / "content" / "meetings" / "testshire" / "2024-06-01-scrutiny.yaml"
    draft.write_text(draft.read_text().replace("summary: DRAFT-MARKER-91bc",
                                               "summary: Ring 07700 900123. DRAFT-MARKER-91bc"))
    options = options_for(project, site=tmp_path / "preview")
    preview = type(options)(**{**options.__dict__, "include_drafts": True})
    found = [(f.level, f.rule) for f in build(preview).findings]
    assert ("warning", "privacy-phone") in found
    assert (tmp_path / "preview" / "index.html").is_file()
    draft.write_text(draft.read_text().replace("status: draft", "status: approved"))
    assert ("error", "privacy-phone") in [(f.level, f.rule) for f in build(options).findings]
