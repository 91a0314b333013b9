"""Each kind of content mistake gives one exact message naming the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.findings import format_all
from digest.validate import load_and_validate

AUTHORITY = """\
id: walsall
name: Walsall Council
kind: metropolitan borough
website: https://www.walsall.gov.uk
bodies:
  - {id: scrutiny, name: Children's Scrutiny Committee, kind: scrutiny}
"""
TOPICS = """\
topics:
  - {id: exploitation, name: Child exploitation, description: Adults using children.}
"""
GLOSSARY = """\
terms:
  - id: mash
    term: MASH
    explanation: The team that looks at worries about a child.
    related: [lado]
  - id: lado
    term: LADO
    explanation: The officer who deals with concerns about staff.
"""
MEETING = """\
id: walsall-2024-04-16-scrutiny
status: approved
authority: walsall
body: scrutiny
date: 2024-04-16
time: "18:00"
venue: Council House
paper: minutes
source: {paper: minutes.md, lines: [1, 10]}
attendance:
  present: [Councillor Hicken]
items:
  - number: "65"
    title: Exploitation
    topics: [exploitation]
    decisions:
      - {text: The report was noted., plain: Councillors read the report., kind: noted}
    source: {lines: [1, 10]}
"""
MEETING_FILE = "content/meetings/walsall/2024-04-16-scrutiny.yaml"
MINUTES = ("Minutes of the meeting held on 16 April 2024 at 6.00 pm at the Council House.\n"
           + "".join(f"Line {n} of the minutes.\n" for n in range(2, 21)))


def write_content(root: Path, meeting: str = MEETING, glossary: str = GLOSSARY) -> Path:
    """Write a small valid content tree (with the given meeting text); return its folder."""
    content = root / "content"
    files = {
        "authorities/walsall.yaml": AUTHORITY,
        "topics.yaml": TOPICS,
        "glossary.yaml": glossary,
        "papers/minutes.md": MINUTES,
        "meetings/walsall/2024-04-16-scrutiny.yaml": meeting,
    }
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    return content


def report(content: Path) -> str:
    return format_all(load_and_validate(content)[1])


def test_valid_content_has_no_findings(tmp_path: Path) -> None:
    content, findings = load_and_validate(write_content(tmp_path))
    assert findings == []
    assert [m.id for m in content.meetings] == ["walsall-2024-04-16-scrutiny"]


CASES = [
    ("impossible date", "date: 2024-04-16", "date: 2024-02-30",
     f"{MEETING_FILE}:5: date: '2024-02-30' is not a real date\n"
     "    hint: write dates as YYYY-MM-DD, for example 2024-04-16"),
    ("typo in a key", "venue:", "venu:",
     f"{MEETING_FILE}:7: venu: 'venu' is not a field here\n    hint: did you mean 'venue'?"),
    ("unknown authority", "authority: walsall", "authority: walsal",
     f"{MEETING_FILE}:3: authority: 'walsal' is not an authority in content/authorities/\n"
     "    hint: did you mean 'walsall'?"),
    ("unknown body", "body: scrutiny", "body: scrutny",
     f"{MEETING_FILE}:4: body: 'scrutny' is not a body of Walsall Council "
     "(content/authorities/walsall.yaml)\n    hint: did you mean 'scrutiny'?"),
    ("unknown topic", "topics: [exploitation]", "topics: [exploitaton]",
     f"{MEETING_FILE}:15: items[0].topics[0]: 'exploitaton' is not a topic in "
     "content/topics.yaml\n    hint: did you mean 'exploitation'?"),
    ("wrong type", "present: [Councillor Hicken]", "present: Councillor Hicken",
     f"{MEETING_FILE}:11: attendance.present: expected a list, got 'Councillor Hicken'\n"
     "    hint: Members present."),
    ("missing required field", "paper: minutes\n", "",
     f"{MEETING_FILE}:1: paper: 'paper' is required but missing\n"
     "    hint: Whether we have the agenda or the minutes."),
    ("id that climbs out of the site", "id: walsall-2024-04-16-scrutiny", "id: ../../etc",
     f"{MEETING_FILE}:1: id: '../../etc' is not a valid id\n"
     "    hint: use only lowercase letters, digits and single hyphens, like 'walsall'"),
    ("paper path that climbs out of the papers folder", "paper: minutes.md",
     "paper: ../../secrets.md",
     f"{MEETING_FILE}:9: source.paper: '../../secrets.md' is not a plain file name\n"
     "    hint: give just the name of a file in content/papers/, without folders"),
    ("bad slug", "id: walsall-2024-04-16-scrutiny", "id: Walsall_Meeting",
     f"{MEETING_FILE}:1: id: 'Walsall_Meeting' is not a valid id\n"
     "    hint: use only lowercase letters, digits and single hyphens, like 'walsall'"),
    ("value not in the list", "kind: noted", "kind: notd",
     f"{MEETING_FILE}:17: items[0].decisions[0].kind: 'notd' is not one of noted, agreed, "
     "recommended, deferred, action\n    hint: did you mean 'noted'?"),
    ("time as a number", 'time: "18:00"', "time: 1800",
     f'{MEETING_FILE}:6: time: 1800 is a number, not a time: write it like "18:00"'),
    ("duplicate key", "venue: Council House", "venue: Council House\nvenue: Town Hall",
     f"{MEETING_FILE}:8: venue: 'venue' appears twice in the same record (first on line 7)\n"
     "    hint: keep one of them: YAML would silently keep only the last"),
    ("unknown source paper", "paper: minutes.md", "paper: minutse.md",
     f"{MEETING_FILE}:9: source.paper: 'minutse.md' is not a file in content/papers/\n"
     "    hint: did you mean 'minutes.md'?"),
    ("comma inside a flow record", "{text: The report was noted., plain:",
     "{text: The report was noted, in full., plain:",
     f"{MEETING_FILE}:17: items[0].decisions[0].in full.: 'in full.' is not a field here\n"
     "    hint: this looks like part of a sentence: put the whole text in quotes, because a "
     "comma inside { } or a ': ' starts a new field"),
    ("invalid YAML", "venue: Council House", "venue: [Council House",
     f"{MEETING_FILE}:7: this is not valid YAML (column 8): did not find expected ',' or ']' "
     "on line 8: the bracket opened here is not closed\n"
     "    hint: check the indentation and that text containing ': ' or '#' "
     "is in quotes"),
]


@pytest.mark.parametrize(("old", "new", "expected"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_each_mistake_gives_one_exact_message(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in MEETING
    assert report(write_content(tmp_path, MEETING.replace(old, new, 1))) == expected


def test_an_unquoted_time_is_read_as_the_time_it_looks_like(tmp_path: Path) -> None:
    """YAML 1.1 reads 18:00 as the number 1080; people and the editor (YAML 1.2) mean 6 pm."""
    content = write_content(tmp_path, MEETING.replace('time: "18:00"', "time: 18:00"))
    loaded, findings = load_and_validate(content)
    assert format_all(findings) == ""
    assert [m.time for m in loaded.meetings] == ["18:00"]


def test_empty_file(tmp_path: Path) -> None:
    assert report(write_content(tmp_path, "")) == (
        f"{MEETING_FILE}:1: the file is empty\n    hint: add the record's fields"
    )


def test_record_that_is_not_a_mapping(tmp_path: Path) -> None:
    assert report(write_content(tmp_path, "- just\n- a list\n")) == (
        f"{MEETING_FILE}:1: expected a record of 'key: value' lines, got list"
    )


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    content = write_content(tmp_path)
    (content / "meetings/walsall/2024-04-17-scrutiny.yaml").write_text(MEETING)
    assert report(content) == (
        "content/meetings/walsall/2024-04-17-scrutiny.yaml:1: id: 'walsall-2024-04-16-scrutiny' "
        f"is already the id of {MEETING_FILE}\n"
        "    hint: every record needs its own id: it is the address of its page"
    )


def test_unknown_glossary_term(tmp_path: Path) -> None:
    glossary = GLOSSARY.replace("related: [lado]", "related: [lad]")
    assert report(write_content(tmp_path, glossary=glossary)) == (
        "content/glossary.yaml:5: terms[0].related[0]: 'lad' is not a term id in the glossary\n"
        "    hint: did you mean 'lado'?"
    )


def test_meeting_in_another_authoritys_folder(tmp_path: Path) -> None:
    content = write_content(tmp_path)
    moved = content / "meetings/sandwell/2024-04-16-scrutiny.yaml"
    moved.parent.mkdir()
    (content / "meetings/walsall/2024-04-16-scrutiny.yaml").rename(moved)
    assert report(content) == (
        "content/meetings/sandwell/2024-04-16-scrutiny.yaml:3: authority: the file is in the "
        "folder 'sandwell' but says authority 'walsall'\n"
        "    hint: move it to content/meetings/walsall/ or fix the authority"
    )


def test_file_in_an_unknown_place_is_reported_not_ignored(tmp_path: Path) -> None:
    content = write_content(tmp_path)
    (content / "meeting.yaml").write_text(MEETING)
    assert report(content) == (
        "content/meeting.yaml:1: this file is not in a place the digest reads, so it would be "
        "ignored\n    hint: move it to one of: authorities/*.yaml, meetings/*/*.yaml, "
        "reviews/*/*.yaml, updates/*.yaml, topics.yaml, glossary.yaml, accessibility.yaml "
        "(under content/, with the .yaml ending)"
    )


def test_every_problem_is_reported_at_once_in_file_order(tmp_path: Path) -> None:
    broken = (MEETING.replace("date: 2024-04-16", "date: 2024-13-01")
              .replace("venue:", "venu:").replace("kind: noted", "kind: notd"))
    lines = [line for line in report(write_content(tmp_path, broken)).splitlines()
             if not line.startswith("    hint")]
    assert [line.split(": ")[0] for line in lines] == [
        f"{MEETING_FILE}:5", f"{MEETING_FILE}:7", f"{MEETING_FILE}:17",
    ]


def test_missing_content_folder(tmp_path: Path) -> None:
    assert report(tmp_path / "nowhere") == (
        f"{tmp_path / 'nowhere'}:1: there is no content folder here\n"
        "    hint: run the command from the project folder, or give --content"
    )


@pytest.mark.parametrize(("written", "replacement", "expected"), [
    pytest.param(
        "https://www.walsall.gov.uk", "javascript:alert(1)",
        "content/authorities/walsall.yaml:4: website: 'javascript:alert(1)' is not a web address "
        "this site can link to\n    hint: use a full address starting with https://",
        id="web addresses must be plain http links"),
    pytest.param(
        "name: Walsall Council", "name: Walsall <b>Council</b>",
        "content/authorities/walsall.yaml:2: name: 'Walsall <b>Council</b>' cannot be used as a "
        "title: it is empty or contains < or >\n"
        "    hint: write the name in plain words, on one line",
        id="titles cannot carry html"),
])
def test_unsafe_authority_fields_are_refused(tmp_path: Path, written: str, replacement: str,
                                             expected: str) -> None:
    content = write_content(tmp_path)
    authority = content / "authorities" / "walsall.yaml"
    authority.write_text(AUTHORITY.replace(written, replacement))
    assert report(content).startswith(expected)
