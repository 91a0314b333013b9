"""'digest serve' shows a saved meeting's page first: the page the whole rebuild then makes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from digest.build import BuildOptions, build
from digest.findings import has_errors
from digest.first_page import show_saved_meeting

from .conftest import options_for, replace_once

MEETING = "content/meetings/testshire/2024-05-01-scrutiny.yaml"
PAGE = "meetings/testshire-2024-05-01-scrutiny/index.html"


def _preview(project: Path) -> BuildOptions:
    return replace(options_for(project), docs_dir=project / "build" / "preview-docs",
                   site_dir=project / "build" / "preview-site", include_drafts=True,
                   in_place=True)


def _show(options: BuildOptions, saved: Path) -> str | None:
    return show_saved_meeting(saved, options.content_dir, options.templates_dir,
                              options.docs_dir, options.site_dir)


@pytest.mark.parametrize("builds_before", [1, 2], ids=["after the first preview",
                                                        "after a rebuild in place"])
def test_a_saved_meeting_is_shown_first_as_the_whole_rebuild_then_shows_it(
        project: Path, builds_before: int) -> None:
    options = _preview(project)
    for _ in range(builds_before):
        assert not has_errors(build(options).findings)
    replace_once(project / MEETING, "summary: Councillors", "summary: This week councillors")
    assert _show(options, project / MEETING) == "meetings/testshire-2024-05-01-scrutiny/"
    shown_at = time.time_ns()
    page = options.site_dir / PAGE
    first = page.read_text(encoding="utf-8")
    assert "This week councillors" in first
    feed = options.site_dir / "feeds" / "testshire.xml"
    assert "This week councillors" not in feed.read_text(encoding="utf-8"), "only the page"
    assert not has_errors(build(options).findings)
    assert page.read_text(encoding="utf-8") == first, "the whole rebuild draws the same page"
    assert page.stat().st_mtime_ns >= shown_at, "and draws it again, rather than trusting it"
    assert "This week councillors" in feed.read_text(encoding="utf-8"), "then everything"


@pytest.mark.parametrize(("old", "new"), [
    ("summary: Councillors", "summary: Ring 07700 900123. Councillors"),  # an error: not shown
    ("date: 2024-05-01", "date: 2024-05-02"),  # moves on every list: the whole rebuild shows it
    ("date: 2024-05-01", "date: 2024-02-30"),  # not a date
    ("venue: Council Chamber", "venu: Council Chamber"),  # not a field
], ids=["planted phone number", "new date", "impossible date", "typo in a key"])
def test_a_meeting_the_whole_rebuild_must_show_or_refuse_is_not_shown_first(
        project: Path, old: str, new: str) -> None:
    options = _preview(project)
    assert not has_errors(build(options).findings)
    before = (options.site_dir / PAGE).read_bytes()
    replace_once(project / MEETING, old, new)
    assert _show(options, project / MEETING) is None
    assert (options.site_dir / PAGE).read_bytes() == before


def test_a_meeting_made_a_draft_is_not_shown_first_in_a_preview_without_drafts(
        project: Path) -> None:
    options = replace(_preview(project), include_drafts=False)
    assert not has_errors(build(options).findings)
    replace_once(project / MEETING, "status: approved", "status: draft")
    assert _show(options, project / MEETING) is None


def test_only_a_preview_shows_a_page_first(project: Path) -> None:
    options = options_for(project)
    assert build(options).findings == []
    replace_once(project / MEETING, "summary: Councillors", "summary: This week councillors")
    assert _show(options, project / MEETING) is None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _until(found: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found():
            return True
        time.sleep(0.1)
    return False


def test_digest_serve_shows_a_saved_meeting_and_then_the_rest(project: Path) -> None:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "digest", "serve", "--port", str(port)],
                              cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _until(lambda: _fetch(base) is not None, 120), "the preview is served"
        time.sleep(1)  # the watcher has started
        replace_once(project / MEETING, "summary: Councillors", "summary: This week councillors")
        assert _until(lambda: "This week councillors" in (_fetch(base + PAGE) or ""), 60)
        assert _until(lambda: "This week councillors" in (
            _fetch(base + "feeds/testshire.xml") or ""), 60), "then the rest is rebuilt"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "Showing meetings/testshire-2024-05-01-scrutiny/ first" in output
