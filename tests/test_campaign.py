"""Bad inputs and faults, as a careless user or a hostile file would bring them.

Each case changes a copy of a small project that already has a built site, runs one command,
and expects an exit code and a message: never a traceback, never a hang, never a changed site,
never a lost content file.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from digest import publish
from digest.cli import main
from digest.publish import verify_site
from digest.site_folder import builds_folder

from .conftest import FIXTURE_CONTENT, PROJECT, snapshot

MEETING = "content/meetings/testshire/2024-05-01-scrutiny.yaml"
AUTHORITY = "content/authorities/testshire.yaml"
REVIEW = "content/reviews/testshire/testshire-annual-report-2023-24.yaml"
PAPER = "content/papers/testshire-2024-05-01-minutes.md"
Setup = Callable[[Path, pytest.MonkeyPatch], None]


@dataclass(frozen=True)
class Case:
    """One bad input: what to change, the command, and what a person must see."""

    name: str
    args: list[str]
    code: int
    message: str
    edits: dict[str, tuple[str, str]] = field(default_factory=dict)  # file: (old, new)
    files: dict[str, str | bytes | None] = field(default_factory=dict)  # file: text, or delete
    setup: Setup | None = None


def _pipe(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.mkfifo(root / "content" / "meetings" / "testshire" / "pipe.yaml")


def _folder(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "content" / "updates" / "folder.yaml").mkdir()


def _dangling(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "content" / "updates" / "gone.yaml").symlink_to(root / "nowhere.yaml")


def _empty_content(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "empty").mkdir()


def _only_papers(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "bare" / "papers").mkdir(parents=True)
    shutil.copy(root / PAPER, root / "bare" / "papers")


def _user_folder(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "photos").mkdir()
    (root / "photos" / "holiday.jpg").write_bytes(b"not a site")


HELD: list[object] = []


def _build_running(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handle = open(root / ".site.lock", "a+b")  # noqa: SIM115 - held until the case ends
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    HELD.append(handle)


def _search_index_left_empty(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a full disk does to Pagefind: it exits 0 after writing empty files."""
    def empty_index(site: Path, *reused: object) -> dict[str, str]:
        (site / "pagefind" / "fragment").mkdir(parents=True)
        (site / "pagefind" / "pagefind-entry.json").write_text("")
        (site / "pagefind" / "fragment" / "en_1.pf_fragment").write_bytes(b"")
        return {}

    monkeypatch.setattr("digest.publish.index_for_search", empty_index)


def _page_left_empty(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a full disk can do to MkDocs: a page written empty, and no error."""
    run_mkdocs = publish._run_mkdocs

    def empty_page(config_file: Path, docs_dir: Path, out_dir: Path, *args: Any,
                   **kwargs: Any) -> None:
        run_mkdocs(config_file, docs_dir, out_dir, *args, **kwargs)
        (out_dir / "meetings" / "testshire-2024-05-01-scrutiny" / "index.html").write_text("")

    monkeypatch.setattr(publish, "_run_mkdocs", empty_page)


def _disk_full(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(site: Path, *reused: object) -> dict[str, str]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("digest.publish.index_for_search", no_space)


def _new_meeting_approved(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    assert main(["new", "meeting", "--authority", "testshire", "--body", "scrutiny", "--date",
                 "2024-07-01", "--paper", "testshire-2024-05-01-minutes.md"]) == 0
    new = root / "content" / "meetings" / "testshire" / "2024-07-01-scrutiny.yaml"
    new.write_text(new.read_text().replace("status: draft", "status: approved"))


def _bad_template(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    template = root / "templates" / "topic.md.j2"
    template.write_text(template.read_text() + "\n{% if %}\n")


def _mkdocs(old: str, new: str) -> Setup:
    def change(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        config = root / "mkdocs.yml"
        config.write_text(config.read_text().replace(old, new, 1))
    return change


def _no_mkdocs(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (root / "mkdocs.yml").unlink()


CASES = [
    # Where the output goes.
    Case("site is the content", ["build", "--site", "content"], 2,
         "--site content would hold"),
    Case("site is the project", ["build", "--site", "."], 2, "--site . would hold"),
    Case("site is above the project", ["build", "--site", ".."], 2, "--site .. would hold"),
    Case("site is the templates", ["build", "--site", "templates"], 2,
         "--site templates would hold"),
    Case("site inside the content", ["build", "--site", "content/papers/site"], 2,
         "is inside"),
    Case("site inside .git", ["build", "--site", ".git/site"], 2, "is inside"),
    Case("site is a folder of someone's files", ["build", "--site", "photos"], 2,
         "holds files the digest did not make", setup=_user_folder),
    Case("site is a file", ["build", "--site", "mkdocs.yml"], 2, "is a file, not a folder"),
    Case("drafts into the published site", ["build", "--include-drafts"], 2,
         "--include-drafts would put drafts into site/"),
    Case("another build is running", ["build"], 1, "another build is writing",
         setup=_build_running),
    Case("search index left empty", ["build"], 1,
         "the built site is incomplete, so it was not published",
         edits={MEETING: ("summary: Councillors", "summary: Changed. Councillors")},
         setup=_search_index_left_empty),
    Case("a page left empty", ["build"], 1,
         "meetings/testshire-2024-05-01-scrutiny/index.html is missing or empty",
         edits={MEETING: ("summary: Councillors", "summary: Changed. Councillors")},
         setup=_page_left_empty),
    Case("disk full", ["build"], 1, "could not write the site: No space left on device",
         edits={MEETING: ("summary: Councillors", "summary: Changed. Councillors")},
         setup=_disk_full),
    Case("empty content folder", ["build", "--content", "empty"], 1,
         "there is nothing to publish", setup=_empty_content),
    Case("content with only papers", ["build", "--content", "bare"], 1,
         "there is nothing to publish", setup=_only_papers),
    Case("no content folder", ["build", "--content", "missing"], 1,
         "there is no content folder here"),
    # Files that are not what they seem.
    Case("a named pipe called .yaml", ["build"], 1, "this is not a regular file",
         setup=_pipe),
    Case("a folder called .yaml", ["build"], 1, "this is a folder, not a file", setup=_folder),
    Case("a dangling link called .yaml", ["build"], 1,
         "this is a link to a file that does not exist", setup=_dangling),
    Case("empty file", ["build"], 1, "the file is empty", files={AUTHORITY: ""}),
    Case("comments only", ["build"], 1, "the file holds only comments",
         files={AUTHORITY: "# nothing yet\n"}),
    Case("a list, not a record", ["build"], 1,
         "expected a record of 'key: value' lines, got list", files={AUTHORITY: "- a\n- b\n"}),
    Case("invalid UTF-8 on line 3", ["build"], 1,
         "testshire.yaml:3: the file is not UTF-8 text",
         files={AUTHORITY: b"id: testshire\nname: Testshire\nsummary: caf\xe9\n"}),
    Case("NUL byte on line 2", ["build"], 1, "testshire.yaml:2: contains the invisible "
         "character U+0000", files={AUTHORITY: b"id: testshire\nname: Test\x00shire\n"}),
    Case("tab indentation", ["build"], 1, "use spaces to indent, never tabs",
         edits={MEETING: ("\n  present:", "\n\tpresent:")}),
    Case("unclosed bracket", ["build"], 1, "2024-05-01-scrutiny.yaml:7: this is not valid YAML",
         edits={MEETING: ("venue: Council Chamber", "venue: [Council Chamber")}),
    Case("unclosed quote", ["build"], 1, "this is not valid YAML",
         edits={MEETING: ("venue: Council Chamber", 'venue: "Council Chamber')}),
    Case("duplicate key", ["build"], 1, "'venue' appears twice",
         edits={MEETING: ("venue: Council Chamber", "venue: A\nvenue: B")}),
    Case("alias bomb", ["build"], 1, "anchors and aliases (& and *) are not allowed",
         files={"content/updates/bomb.yaml": 'a: &a ["x","x"]\nb: &b [*a,*a,*a,*a]\n'
                'c: [*b,*b,*b,*b]\n'}),
    Case("merge key", ["build"], 1, "'<<' (merging another entry) is not allowed",
         files={"content/updates/merge.yaml": "base: &b {id: x}\nrecord:\n  <<: *b\n"}),
    Case("unknown field", ["build"], 1, "'venu' is not a field here",
         edits={MEETING: ("venue:", "venu:")}),
    # Values that are not what they should be.
    Case("date far in the future", ["build"], 1,
         "2204-04-16 is outside the years 1990 to 2100",
         edits={MEETING: ("date: 2024-05-01", "date: 2204-04-16")}),
    Case("date as a number", ["build"], 1, "date: '0' is not a real date",
         edits={MEETING: ("date: 2024-05-01", "date: 0")}),
    Case("impossible date", ["build"], 1, "'2024-02-30' is not a real date",
         edits={MEETING: ("date: 2024-05-01", "date: 2024-02-30")}),
    Case("empty date", ["build"], 1, "date: needs a value here",
         edits={MEETING: ("date: 2024-05-01", "date:")}),
    Case("time as a number", ["build"], 1, 'is a number, not a time: write it like "18:00"',
         edits={MEETING: ('time: "18:00"', "time: 1800")}),
    Case("time out of range", ["build"], 1, "is not a 24-hour time",
         edits={MEETING: ('time: "18:00"', 'time: "25:00"')}),
    Case("statistic is NaN", ["build"], 1, "nan is not a number a page can show",
         edits={MEETING: ("value: 1200", "value: .nan")}),
    Case("statistic is infinite", ["build"], 1, "inf is not a number a page can show",
         edits={MEETING: ("value: 1200", "value: .inf")}),
    Case("a part of a statistic is NaN", ["build"], 1,
         "statistics[0].breakdown.Police: nan is not a number a page can show",
         edits={REVIEW: ("{Police: 100,", "{Police: .nan,")}),
    Case("statistic is text", ["build"], 1, "input should be a valid number",
         edits={MEETING: ("value: 1200", "value: lots")}),
    Case("exempt is 'no'", ["build"], 1, "input should be a valid boolean, got 'no'",
         edits={MEETING: ("exempt: true", 'exempt: "no"')}),
    Case("exempt is 1", ["build"], 1, "input should be a valid boolean, got 1",
         edits={MEETING: ("exempt: true", "exempt: 1")}),
    Case("status misspelt", ["build"], 1, "'aproved' is not one of draft, approved",
         edits={MEETING: ("status: approved", "status: aproved")}),
    Case("escaped NUL", ["build"], 1, "contains the invisible character U+0000",
         edits={MEETING: ("venue: Council Chamber", 'venue: "Council\\0Chamber"')}),
    Case("terminal escape", ["build"], 1, "contains the invisible character U+001B",
         edits={MEETING: ("venue: Council Chamber", 'venue: "\\e[31mCouncil"')}),
    Case("carriage return in a name", ["build"], 1, "contains the invisible character U+000D",
         edits={AUTHORITY: ("name: Testshire Council", 'name: "Testshire\\rCouncil"')}),
    Case("non-character", ["build"], 1, "contains the invisible character U+FFFE",
         edits={MEETING: ("venue: Council Chamber", 'venue: "Council\\uFFFE"')}),
    Case("bidirectional override", ["build"], 1, "contains the invisible character U+202E",
         edits={MEETING: ("venue: Council Chamber", 'venue: "Council\\u202E"')}),
    Case("HTML code", ["build"], 1, "contains '&lt;', a code for web pages",
         edits={MEETING: ("venue: Council Chamber", "venue: Council &lt;b&gt;")}),
    Case("markup in a title", ["build"], 1, "cannot be used as a title",
         edits={AUTHORITY: ("name: Testshire Council", "name: Testshire <b>Council</b>")}),
    Case("line range past the paper", ["build"], 1, "line 99 is past the end of",
         edits={MEETING: ("lines: [1, 15]}", "lines: [1, 99]}")}),
    Case("line range backwards", ["build"], 1, "expected [first, last] with 1 <= first",
         edits={MEETING: ("lines: [1, 15]}", "lines: [15, 1]}")}),
    Case("id of 300 characters", ["build"], 1, "is too long: at most 100 characters",
         edits={AUTHORITY: ("id: testshire", "id: " + "a" * 300)}),
    Case("id with capitals", ["build"], 1, "'Testshire' is not a valid id",
         edits={AUTHORITY: ("id: testshire", "id: Testshire")}),
    Case("unknown paper", ["build"], 1, "'missing.md' is not a file in content/papers/",
         edits={MEETING: ("paper: testshire-2024-05-01-minutes.md",
                          "paper: missing.md")}),
    Case("paper path climbing out", ["build"], 1, "is not a plain file name",
         edits={MEETING: ("paper: testshire-2024-05-01-minutes.md",
                          "paper: ../../etc/passwd")}),
    Case("javascript link", ["build"], 1, "is not a web address this site can link to",
         edits={AUTHORITY: ("website: https://www.example.org",
                            "website: javascript:alert(1)")}),
    Case("help line is a mobile", ["build"], 1, "is a mobile number",
         edits={AUTHORITY: ("kind: county", "kind: county\nhelp: {out_of_hours: 07911 123456}")}),
    Case("review points at a draft meeting", ["build"], 1, "which is still a draft",
         edits={REVIEW: ("considered_at: testshire-2024-05-01-scrutiny",
                         "considered_at: testshire-2024-06-01-scrutiny")}),
    Case("new meeting approved as it was made", ["build"], 1,
         "still holds the text to replace", setup=_new_meeting_approved),
    Case("planted phone number", ["build"], 1, "[privacy-phone] contains a phone number",
         edits={MEETING: ("summary: Councillors", "summary: Ring 07700 900123. Councillors")}),
    Case("planted name in attendance.others", ["build"], 1,
         "[privacy-named-person] names a person ('Sarah Jones')",
         edits={MEETING: ("others: [Parent governor representative]",
                          "others: [Sarah Jones]")}),
    Case("allowance for an unknown check", ["build"], 1, "'privacy-fone' is not a check",
         edits={MEETING: ("paper: minutes", "paper: minutes\nallow: [{rule: privacy-fone, "
                          "field: summary, reason: test}]")}),
    # Settings.
    Case("grade written in words", ["check"], 1,
         "content/checks.yaml:1: reading-grade.max_grade: input should be a valid number",
         files={"content/checks.yaml": "reading-grade: {max_grade: nine}\n"}),
    Case("empty word list", ["check"], 1, "jargon-word.words: needs at least 1 entry",
         files={"content/checks.yaml": "jargon-word: {words: {}}\n"}),
    Case("setting without a name", ["check"], 1,
         "sentence-length: expected settings as 'name: value' lines, got 12",
         files={"content/checks.yaml": "sentence-length: 12\n"}),
    Case("one word where a list is needed", ["check"], 1,
         "jargon-acronym.ignore: expected a list, got 'MASH'",
         files={"content/checks.yaml": "jargon-acronym: {ignore: MASH}\n"}),
    Case("unknown check", ["check"], 1, "'reading-grde' is not a check",
         files={"content/checks.yaml": "reading-grde: {max_grade: 8}\n"}),
    Case("checks.yaml not YAML", ["check"], 1, "content/checks.yaml:1: this is not valid YAML",
         files={"content/checks.yaml": "reading-grade: {max_grade: 8\n"}),
    # The site's configuration and templates.
    Case("no mkdocs.yml", ["build"], 1, "Config file", setup=_no_mkdocs),
    Case("theme misspelt", ["build"], 1, "Unrecognised theme name: 'materia'",
         setup=_mkdocs("name: material", "name: materia")),
    Case("mkdocs.yml broken", ["build"], 1, "error parsing the configuration file",
         setup=_mkdocs("site_name:", "site_name: [")),
    Case("template syntax error", ["build"], 1, "templates/topic.md.j2:",
         setup=_bad_template),
    # Commands used wrongly.
    Case("extract a missing paper", ["extract", "nothing.pdf", "--out", "drafts"], 1,
         "Cannot extract:"),
    Case("extract an empty paper", ["extract", "empty.md", "--out", "drafts"], 1,
         "Cannot extract:", files={"empty.md": ""}),
    Case("extract a binary file", ["extract", "image.md", "--out", "drafts"], 1,
         "Cannot extract:", files={"image.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00"}),
    Case("extract report in a missing folder",
         ["extract", PAPER, "--out", "drafts", "--report", "nowhere/report.txt"], 2,
         "must be a file in a folder that exists"),
    Case("extract report over the paper", ["extract", PAPER, "--out", "drafts", "--report",
                                           PAPER], 2, "--report"),
    Case("extract into .git", ["extract", PAPER, "--out", ".git/drafts"], 2, "is inside"),
    Case("new meeting for an unknown area", ["new", "meeting", "--authority", "nowhere",
                                             "--body", "scrutiny", "--date", "2024-07-01"], 1,
         "'nowhere' is not an authority"),
    Case("new meeting with a bad date", ["new", "meeting", "--authority", "testshire",
                                         "--body", "scrutiny", "--date", "1 July"], 2,
         "'1 July' is not a date like 2025-01-20"),
    Case("serve on an impossible port", ["serve", "--port", "99999"], 2,
         "'99999' is not a port from 1024 to 65535"),
    Case("check in an unknown format", ["check", "--format", "xml"], 2, "invalid choice"),
    Case("an unknown command", ["publish"], 2, "invalid choice"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project with a built site, copied for each case."""
    root = tmp_path_factory.mktemp("campaign") / "project"
    root.mkdir()
    for name in ("mkdocs.yml", "templates", "overrides"):
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    shutil.copytree(FIXTURE_CONTENT, root / "content")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    previous = Path.cwd()
    os.chdir(root)
    try:
        assert main(["build"]) == 0
    finally:
        os.chdir(previous)
    return root


@pytest.fixture
def project_copy(built: Path, tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    yield root
    while HELD:
        HELD.pop().close()  # type: ignore[attr-defined]


def _apply(root: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, (old, new) in case.edits.items():
        file = root / name
        text = file.read_text(encoding="utf-8")
        assert old in text, (name, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    for name, data in case.files.items():
        file = root / name
        if data is None:
            file.unlink()
        elif isinstance(data, bytes):
            file.write_bytes(data)
        else:
            file.write_text(data, encoding="utf-8")
    if case.setup:
        case.setup(root, monkeypatch)


def _content_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in (root / "content").rglob("*")}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_gets_a_clear_message_and_changes_nothing(
    case: Case, project_copy: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = project_copy
    site_before = snapshot(root / "site")
    _apply(root, case, monkeypatch)
    files_before = _content_files(root)
    monkeypatch.chdir(root)
    capsys.readouterr()

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"'{case.name}' did not finish in 60 s")

    signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        code = _run(case.args)
    finally:
        signal.alarm(0)
    out, err = capsys.readouterr()
    output = out + err
    assert code == case.code, output
    assert case.message in output
    assert "Traceback" not in output and "digest stopped on an unexpected problem" not in output
    assert snapshot(root / "site") == site_before
    assert _content_files(root) >= files_before


def _run(args: list[str]) -> int:
    """Run the command line in-process; argparse's usage errors exit rather than return."""
    try:
        return main(args)
    except SystemExit as exc:
        return int(exc.code or 0)


def test_the_campaign_is_large() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("delay", [0.3, 0.9, 1.5, 2.5])
def test_a_killed_build_leaves_a_whole_site_and_the_next_build_tidies_up(
    built: Path, tmp_path: Path, delay: float,
) -> None:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    meeting = root / MEETING
    meeting.write_text(meeting.read_text().replace("summary: Councillors",
                                                   "summary: Changed. Councillors"))
    command = [sys.executable, "-m", "digest", "build"]
    running = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    time.sleep(delay)
    running.send_signal(signal.SIGKILL)
    running.wait()
    _assert_whole(root)
    subprocess.run(command, cwd=root, check=True, capture_output=True)
    _assert_whole(root)
    current = (root / "site").resolve().name  # the site's build and its manifest, no more
    assert sorted(p.name for p in builds_folder(root / "site").iterdir()
                  if not p.name.startswith("removed-")) == [current, f"{current}.json"]
    assert not list(root.glob(".site.link-*"))


def _assert_whole(root: Path) -> None:
    site = root / "site"
    assert site.is_dir()
    pages = [p.relative_to(site).as_posix() for p in site.rglob("index.html")]
    verify_site(site, pages)
    assert len(pages) >= 15
