"""A committee system's meeting page, saved from the browser (tests/extraction/pages/).

The layout councils' committee systems share: the council named only in the browser's title,
'<body> - <day and date>' as the heading, a table of items whose cells hold paragraphs, each
with its documents' links ('pdf icon PDF 95 KB', 'Additional documents:'), 'Minutes:' and
'Resolved:'.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from digest.cli import main

PAGES = Path(__file__).parent / "extraction" / "pages"


def test_a_saved_minutes_page_drafts_the_meeting_its_items_and_decisions(
        tmp_path: Path) -> None:
    assert main(["extract", str(PAGES / "moderngov-minutes.html"), "--out",
                 str(tmp_path)]) == 0
    [draft] = (tmp_path / "meetings" / "northshire").glob("*.yaml")
    meeting = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert (meeting["authority"], meeting["body"], str(meeting["date"]), meeting["time"]) == (
        "northshire", "childrens-services-scrutiny", "2024-04-16", "18:00")
    assert meeting["venue"] == "Council Chamber, Town Hall, Northshire"
    assert meeting["attendance"]["apologies"] == ["Councillor Smith"]
    assert [(item["number"], item["title"]) for item in meeting["items"]] == [
        ("1", "Apologies"), ("2", "Minutes of the previous meeting"),
        ("3", "Child exploitation update")]
    assert [d["text"] for d in meeting["items"][2]["decisions"]] == [
        "That the report be noted and a further update be brought to a future meeting."]
    everything = draft.read_text(encoding="utf-8")
    for furniture in ("pdf icon", "KB", "Additional documents", "View directions", "cookies",
                      "Minutes:"):
        assert furniture not in everything, furniture
