"""The editor at /admin/, used as a comms officer uses it: forms in Chromium, saving through the
local backend (decap-server) into content/, then `digest check` and a rebuild."""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from digest import audit
from digest.build import BuildOptions, build
from digest.cli import main
from digest.editor import LOCAL_BACKEND_PORT, start_local_backend
from digest.validate import load_and_validate

from .conftest import PROJECT, browser_needed

pytestmark = browser_needed

MEETING = Path("content/meetings/walsall/2023-04-18-childrens-services-scrutiny.yaml")
NEW_SUMMARY = ("Councillors looked at how children are kept safe from exploitation. They agreed "
               "to write to the Police and Crime Commissioner about money for this work.")
UPDATE_TITLE = "The Walsall report for this year is out"


def _build(root: Path) -> None:
    result = build(BuildOptions(content_dir=root / "content", templates_dir=root / "templates",
                                config_file=root / "mkdocs.yml", docs_dir=root / "build" / "docs",
                                site_dir=root / "site"))
    assert not [f for f in result.findings if f.level == "error"], [
        f.format() for f in result.findings]
    assert result.editor, "the editor is not installed: run 'npm ci'"


def _wait_for_backend() -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{LOCAL_BACKEND_PORT}/api/v1", data=b'{"action": "info"}',
        headers={"Content-Type": "application/json"})
    for _ in range(100):
        try:
            with urllib.request.urlopen(request, timeout=1) as response:
                json.load(response)
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"decap-server did not answer on port {LOCAL_BACKEND_PORT}")


@pytest.fixture
def editing(tmp_path: Path) -> Iterator[tuple[Path, Any, str]]:
    """A copy of the project with its real content, its site built, the editor's local backend
    running, and a browser on the editor, signed in."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("mkdocs.yml", "templates", "overrides", "content"):
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    (root / "node_modules").symlink_to(PROJECT / "node_modules")
    _build(root)
    backend = start_local_backend(root)
    assert backend is not None, "decap-server is not installed: run 'npm ci'"
    try:
        _wait_for_backend()
        with audit.serve(root / "site") as base, audit.chromium() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requested: list[str] = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(base + "admin/")
            page.get_by_role("button", name="Login").click()
            page.get_by_role("link", name="Meetings").wait_for()
            yield root, page, base
            backend_url = f"http://127.0.0.1:{LOCAL_BACKEND_PORT}/"
            assert [url for url in requested if not url.startswith((base, backend_url))] == [], \
                "the editor loaded something from elsewhere"
    finally:
        backend.terminate()
        backend.wait(timeout=10)


def field(page: Any, name: str) -> Any:
    """Return the newest form control for a field of this name (Decap names ids after fields)."""
    return page.locator(f"[id^={name}-field-]").last


def choose(page: Any, name: str, option: str) -> None:
    """Pick an option from a list or a search of other records, by typing as a person does."""
    field(page, name).click()
    page.keyboard.type(option)
    page.locator("[id*=-option-]", has_text=option).first.click()


def add_lines(page: Any, first: str, last: str) -> None:
    """Fill the newest 'lines' pair: the first and last line of the paper."""
    for _ in range(2):
        page.get_by_role("button", name="Add lines").last.click()
    page.locator("[id^=value-field-]").nth(-2).fill(first)
    page.locator("[id^=value-field-]").nth(-1).fill(last)


def open_collection(page: Any, name: str) -> None:
    """Go back to the list of collections and open one, as a person does between records."""
    if page.get_by_role("link", name=name).count() == 0:
        page.get_by_role("link", name=re.compile("^←")).click()  # the form's way back
    page.get_by_role("link", name=name).click()


def publish(page: Any) -> None:
    """Publish the entry (in the local backend: save its file) and wait until it is saved."""
    page.get_by_role("button", name="Publish").click()
    page.get_by_role("menuitem", name="Publish now").click()
    saved = page.get_by_text("Changes saved")
    refused = page.get_by_text("missed a required field")
    saved.or_(refused).first.wait_for()
    problems = page.locator("ul li", has_text=re.compile(r"required|must|match", re.I))
    assert saved.is_visible(), f"not saved: {problems.all_inner_texts()}"


def digest_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run `digest check --include-drafts` on the project's content, as the Pages workflow does."""
    capsys.readouterr()
    code = main(["check", "--include-drafts", "--content", str(root / "content")])
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def test_a_comms_officer_adds_an_update_and_a_meeting_and_edits_a_summary(
        editing: tuple[Path, Any, str], capsys: pytest.CaptureFixture[str]) -> None:
    root, page, base = editing
    before = {path: path.read_text(encoding="utf-8") for path in (root / "content").rglob("*")
              if path.is_file()}

    # A new update: it starts as a draft, so nothing is published until it is approved.
    open_collection(page, "Updates")
    page.get_by_role("link", name=re.compile(r"\bUpdate$")).click()  # "+ Update"
    field(page, "id").fill("2026-11-26-walsall-report")
    field(page, "date").fill("2026-11-26")
    field(page, "title").fill(UPDATE_TITLE)
    field(page, "text").fill("The yearly report on keeping children safe in Walsall is out. "
                             "It says what the partners did and what they will do next.")
    choose(page, "authority", "Walsall")
    publish(page)
    update = root / "content" / "updates" / "2026-11-26-walsall-report.yaml"
    assert "status: draft" in update.read_text(encoding="utf-8")

    # A new meeting with two items and a decision.
    open_collection(page, "Meetings")
    page.get_by_role("link", name=re.compile(r"\bMeeting$")).click()
    field(page, "id").fill("walsall-2026-01-12-childrens-services-scrutiny")
    choose(page, "authority", "Walsall")
    field(page, "body").fill("childrens-services-scrutiny")
    field(page, "date").fill("2026-01-12")
    field(page, "time").fill("18:00")
    field(page, "venue").fill("Council House, Walsall")
    page.locator("[id^=paper-field-]").first.click()  # agenda or minutes, not the source paper
    page.keyboard.type("minutes")
    page.keyboard.press("Enter")
    field(page, "paper").fill("walsall-2024-04-16-childrens-services-scrutiny-minutes.md")
    add_lines(page, "1", "162")
    field(page, "summary").fill("Councillors heard how children are kept safe from harm.")
    for number, title, lines in (("1", "Apologies", ("5", "8")),
                                 ("2", "Child exploitation", ("10", "40"))):
        page.get_by_role("button", name="Add items").click()
        field(page, "number").fill(number)
        field(page, "title").fill(title)
        add_lines(page, *lines)
    page.get_by_role("button", name="Add decisions").last.click()
    field(page, "text").fill("That the report be noted.")
    field(page, "plain").fill("Councillors read the report.")
    choose(page, "kind", "noted")
    publish(page)
    meeting = root / "content/meetings/walsall/2026-01-12-childrens-services-scrutiny.yaml"
    assert meeting.is_file(), sorted(p.name for p in meeting.parent.iterdir())

    # An existing meeting's summary, edited.
    open_collection(page, "Meetings")
    page.get_by_text("walsall-2023-04-18-childrens-services-scrutiny").click()
    page.locator("[id^=summary-field-]").first.fill(NEW_SUMMARY)
    publish(page)

    # Approving the update is setting its status.
    open_collection(page, "Updates")
    page.get_by_text(UPDATE_TITLE).click()
    choose(page, "status", "approved")
    publish(page)

    after = {path: path.read_text(encoding="utf-8") for path in (root / "content").rglob("*")
             if path.is_file()}
    assert sorted(set(after) - set(before)) == sorted([update, meeting])
    assert [path for path in before if before[path] != after[path]] == [root / MEETING]
    assert digest_check(root, capsys) == (0, "\n0 errors, 0 warnings.\n")

    # Only the summary of the edited meeting changed, whatever the editor rewrote around it.
    content, _ = load_and_validate(root / "content")
    edited = next(m for m in content.meetings if m.id.startswith("walsall-2023-04-18"))
    original = next(m for m in load_and_validate(PROJECT / "content")[0].meetings
                    if m.id == edited.id)
    assert edited.summary == NEW_SUMMARY
    assert edited.model_copy(update={"summary": original.summary}) == original
    assert any(s.breakdown for i in edited.items for s in i.statistics), "a breakdown was lost"
    created = next(m for m in content.meetings if m.id.startswith("walsall-2026-01-12"))
    assert (created.status, created.time, [i.title for i in created.items]) == (
        "draft", "18:00", ["Apologies", "Child exploitation"])
    assert [d.plain for d in created.items[1].decisions] == ["Councillors read the report."]

    _build(root)
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert UPDATE_TITLE in home
    page_html = (root / "site" / "meetings" / edited.id / "index.html").read_text(encoding="utf-8")
    assert "write to the Police and Crime Commissioner about money" in page_html
    assert not (root / "site" / "meetings" / created.id).exists(), "a draft was published"
