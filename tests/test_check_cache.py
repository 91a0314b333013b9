"""Checks kept between builds: after any edit, the cached findings are exactly a fresh run's."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from digest import build_cache, parse_cache
from digest.checks import run_checks
from digest.plan import publishable
from digest.validate import load_and_validate

from .conftest import FIXTURE_CONTENT, replace_once

MEETING = Path("meetings") / "testshire" / "2024-05-01-scrutiny.yaml"


PLANT = ("summary: Councillors", "summary: Ring 07700 900123. Councillors")
EDITS: list[tuple[str, bool, Callable[[Path], None]]] = [
    ("a phone number planted in one meeting", False,
     lambda c: replace_once(c / MEETING, *PLANT)),
    ("a comment that moves the line of a finding", True,
     lambda c: (c / MEETING).write_text("# a note\n# another\n" + (c / MEETING).read_text())),
    ("a glossary term removed, which every record is checked against", False,
     lambda c: replace_once(c / "glossary.yaml", "term: MASH", "term: MASHX")),
    ("a paper the meeting cites, changed", False,
     lambda c: replace_once(c / "papers" / "testshire-2024-05-01-minutes.md", "helped 1,200",
                        "helped 1,300")),
]


@pytest.mark.parametrize(("planted", "edit"), [(planted, edit) for _, planted, edit in EDITS],
                         ids=[name for name, _, _ in EDITS])
def test_after_an_edit_the_cached_findings_are_a_fresh_runs(
        tmp_path: Path, planted: bool, edit: Callable[[Path], None]) -> None:
    content_dir = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content_dir)
    if planted:
        replace_once(content_dir / MEETING, *PLANT)
    cache_file = tmp_path / "check-cache.pickle"

    def findings(cached: bool) -> list[str]:
        content, problems = load_and_validate(content_dir)
        assert problems == []
        visible = publishable(content)
        return [f.format() for f in run_checks(visible, cache_file=cache_file if cached
                                               else None)]

    before = findings(cached=True)  # the cache is filled
    assert before == findings(cached=False)
    edit(content_dir)
    fresh = findings(cached=False)
    assert fresh != before, "the edit changes what the checks find"
    assert findings(cached=True) == fresh
    _new_process()
    assert findings(cached=True) == fresh  # and read back from the file


def test_cached_parses_give_a_fresh_runs_content_and_errors(tmp_path: Path) -> None:
    """A comms officer's edit, a new mistake and a damaged cache: each reads as a fresh load."""
    content_dir = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content_dir)
    cache_file = tmp_path / "parse-cache.pickle"

    def loaded(cached: bool) -> tuple[list[object], list[str]]:
        content, problems = load_and_validate(content_dir, cache_file if cached else None)
        return ([(e.document.path, e.record, sorted(e.document.lines.items()))
                 for e in content.entries], [p.format() for p in problems])

    def both_ways() -> tuple[list[object], list[str]]:
        """Load through this process's last run, then through the file (a new process)."""
        fresh = loaded(cached=False)
        assert loaded(cached=True) == fresh
        _new_process()
        assert loaded(cached=True) == fresh
        return fresh

    both_ways()
    assert cache_file.stat().st_size > 0
    replace_once(content_dir / MEETING, "summary: Councillors", "summary: This week councillors")
    edited = both_ways()
    assert any("This week councillors" in repr(record) for _, record, _ in edited[0])
    replace_once(content_dir / MEETING, "date: 2024-05-01", "date: 2024-05-01\ndate: 2024-05-02")
    broken = both_ways()
    assert any("date" in problem and ".yaml:" in problem for problem in broken[1])
    cache_file.write_bytes(b"not a pickle")
    _new_process()
    assert loaded(cached=True) == loaded(cached=False)


def _new_process() -> None:
    """Forget what this process kept from its last run, as a new process would not have it."""
    build_cache._LAST_RUN.clear()
    parse_cache._RECORDS.clear()


def test_reading_grades_are_kept_between_builds_and_match_a_fresh_measure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from digest import readability_report

    content, _ = load_and_validate(FIXTURE_CONTENT)
    visible = publishable(content)
    cache_file = tmp_path / "readability-cache.pickle"
    fresh = readability_report.measure(visible, FIXTURE_CONTENT / "papers")
    assert fresh.pages and fresh.papers
    assert readability_report.measure(visible, FIXTURE_CONTENT / "papers", cache_file) == fresh

    def no_grading(text: str | Path) -> float:
        raise AssertionError(f"graded again: {str(text)[:40]}")

    monkeypatch.setattr(readability_report, "grade", no_grading)
    monkeypatch.setattr(readability_report, "paper_measure", no_grading)
    assert readability_report.measure(visible, FIXTURE_CONTENT / "papers", cache_file) == fresh
    _new_process()  # read back from the file
    assert readability_report.measure(visible, FIXTURE_CONTENT / "papers", cache_file) == fresh
    _new_process()
    cache_file.write_bytes(b"damaged")
    with pytest.raises(AssertionError, match="graded again: [A-Z]"):
        readability_report.measure(visible, FIXTURE_CONTENT / "papers", cache_file)
    monkeypatch.undo()
    assert readability_report.measure(visible, FIXTURE_CONTENT / "papers", cache_file) == fresh


def test_a_paper_cut_short_between_two_loads_is_checked_against_its_new_length(
        tmp_path: Path) -> None:
    """A preview keeps unchanged records from its last load; their cited lines still count."""
    content_dir = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content_dir)
    cache_file = tmp_path / "parse-cache.pickle"
    assert load_and_validate(content_dir, cache_file)[1] == []
    paper = content_dir / "papers" / "testshire-2024-05-01-minutes.md"
    paper.write_text("\n".join(paper.read_text(encoding="utf-8").splitlines()[:3]) + "\n",
                     encoding="utf-8")
    problems = [p.format() for p in load_and_validate(content_dir, cache_file)[1]]
    assert problems and all("past the end of testshire-2024-05-01-minutes.md, which has 3 lines"
                            in problem for problem in problems)
