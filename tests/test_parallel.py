"""Work spread over cores gives exactly what one core gives, and a template's error says where."""

from __future__ import annotations

import functools
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from digest import parallel
from digest.checks import RULES, _findings_of, _raw_findings
from digest.parallel import Background, cores, deal, in_dealt_order, run_all, split
from digest.plan import plan_site, publishable
from digest.readability_report import measure, measure_papers
from digest.render import TemplateProblem, render_pages, write_pages
from digest.validate import load_and_validate

from .conftest import FIXTURE_CONTENT, PROJECT

pytestmark = pytest.mark.skipif(cores() < 2, reason="one core: everything runs in order anyway")


def test_split_keeps_every_item_once_in_order() -> None:
    assert split(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert split([1], 4) == [[1]]


def test_dealt_runs_come_back_in_the_order_of_the_items() -> None:
    assert deal(list(range(7)), 3) == [[0, 3, 6], [1, 4], [2, 5]]
    assert deal([1], 4) == [[1]]
    squares = [[n * n for n in run] for run in deal(list(range(7)), 3)]
    assert in_dealt_order(squares) == [n * n for n in range(7)]
    assert in_dealt_order([[None, 0], [None]]) == [None, None, 0], "None is a result too"


def test_jobs_come_back_in_order_from_the_workers() -> None:
    assert run_all([lambda n=n: n * n for n in range(5)]) == [0, 1, 4, 9, 16]


@pytest.fixture
def spread(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of jobs each call of run_all sends to the workers, in order."""
    calls: list[int] = []

    def spy(jobs: list[Callable[[], object]]) -> list[object]:
        calls.append(len(jobs))
        return run_all(jobs)

    monkeypatch.setattr(parallel, "run_all", spy)
    return calls


def test_content_parsed_on_every_core_is_what_one_core_parses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spread: list[int]) -> None:
    from digest.load import load_content

    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    broken = content / "meetings" / "walsall" / "broken.yaml"
    broken.write_text("id: x\nid: y\ntitle: [unclosed\n", encoding="utf-8")
    (content / "meetings" / "walsall" / "latin1.yaml").write_bytes(b"title: caf\xe9")
    in_order = {folder: load_content(folder) for folder in (content, FIXTURE_CONTENT)}
    assert in_order[content][1], "the broken files are reported"
    monkeypatch.setattr(parallel, "PARALLEL_AT", 1)
    for folder, parsed in in_order.items():
        assert load_content(folder) == parsed
    assert spread == [cores(), cores()]


def test_calendars_made_on_every_core_are_the_same_bytes(
        monkeypatch: pytest.MonkeyPatch, spread: list[int]) -> None:
    from digest import export

    content, _ = load_and_validate(PROJECT / "content")
    visible = publishable(content)
    in_order = export.exports(visible, "https://example.org/digest/")
    assert any(path.endswith(".ics") and "BEGIN:VEVENT" in text
               for path, text in in_order.items())
    monkeypatch.setattr(parallel, "PARALLEL_AT", 1)
    assert export.exports(visible, "https://example.org/digest/") == in_order
    assert spread == [cores()]


def test_checks_on_every_core_find_what_one_core_finds() -> None:
    content, _ = load_and_validate(PROJECT / "content")
    visible = publishable(content)
    settings = {rule.ID: rule.Settings() for rule in RULES}
    serial = _findings_of(visible, settings)
    assert serial, "the real content has findings to compare (warnings at least)"
    spread = _raw_findings(visible, settings, parallel_at=1)
    assert len(spread) == len(set(spread)), "a shared file's findings came back twice"
    assert sorted(spread) == sorted(set(serial))


def test_pages_rendered_on_every_core_are_the_same_bytes() -> None:
    content, _ = load_and_validate(PROJECT / "content")
    visible = publishable(content)
    pages = plan_site(visible, measure(visible, PROJECT / "content" / "papers"))
    arguments = (PROJECT / "templates", pages, visible.glossary, visible.authorities,
                 "http://127.0.0.1:8000/")
    assert render_pages(*arguments, parallel_at=1) == render_pages(*arguments,
                                                                   parallel_at=10**9)


def test_pages_written_on_every_core_hold_what_one_core_renders(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spread: list[int]) -> None:
    content, _ = load_and_validate(PROJECT / "content")
    visible = publishable(content)
    pages = plan_site(visible, measure(visible, PROJECT / "content" / "papers"))
    arguments = (PROJECT / "templates", pages, visible.glossary, visible.authorities,
                 "http://127.0.0.1:8000/")
    texts = render_pages(*arguments, parallel_at=10**9)
    monkeypatch.setattr(parallel, "PARALLEL_AT", 1)
    docs = tmp_path / "docs"
    assert write_pages(docs, *arguments) == dict.fromkeys(texts, True)
    assert spread == [cores()]
    assert {path: (docs / path).read_text(encoding="utf-8") for path in texts} == texts
    times = {path: (docs / path).stat().st_mtime_ns for path in texts}
    assert write_pages(docs, *arguments) == dict.fromkeys(texts, False), "none written again"
    assert {path: (docs / path).stat().st_mtime_ns for path in texts} == times


def test_a_template_error_in_a_worker_names_the_template(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT / "templates", templates)
    meeting = templates / "meeting.md.j2"
    meeting.write_text(meeting.read_text(encoding="utf-8") + "\n{% if %}\n", encoding="utf-8")
    content, _ = load_and_validate(PROJECT / "content")
    visible = publishable(content)
    pages = plan_site(visible, measure(visible, PROJECT / "content" / "papers"))
    with pytest.raises(TemplateProblem, match=r"templates/meeting\.md\.j2:\d+"):
        render_pages(templates, pages, visible.glossary, visible.authorities, "http://x/",
                     parallel_at=1)


def test_papers_and_records_measured_on_every_core_measure_as_in_order(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from digest import readability_report
    from digest.checks.readability import _lengths

    content, _ = load_and_validate(PROJECT / "content")
    visible = publishable(content)
    in_order = measure(visible, PROJECT / "content" / "papers")
    assert len(in_order.papers) >= 4 and len(in_order.pages) >= 10
    monkeypatch.setattr(readability_report, "PARALLEL_AT", 1)
    monkeypatch.setattr(readability_report, "RECORDS_PARALLEL_AT", 1)
    _lengths.cache_clear()  # the workers grade every text again
    assert measure(visible, PROJECT / "content" / "papers") == in_order


def test_a_background_job_gives_its_value_or_raises_its_error() -> None:
    assert Background(functools.partial(sorted, [3, 1, 2])).result() == [1, 2, 3]
    failing = Background(functools.partial(int, "not a number"))
    with pytest.raises(ValueError, match="not a number"):
        failing.result()


def test_a_cancelled_background_job_stops(tmp_path: Path) -> None:
    finished = tmp_path / "finished"
    job = Background(functools.partial(_sleep_then_touch, finished))
    job.cancel()
    time.sleep(1.5)
    assert not finished.exists()


def _sleep_then_touch(path: Path) -> None:
    time.sleep(1)
    path.touch()


def test_papers_measured_before_the_content_loads_measure_as_in_order(tmp_path: Path) -> None:
    content, _ = load_and_validate(PROJECT / "content")
    visible = publishable(content)
    papers = PROJECT / "content" / "papers"
    early = Background(functools.partial(measure_papers, papers, tmp_path / "kept.pickle"))
    found = early.result()
    assert len(found) >= 4
    assert measure(visible, papers, tmp_path / "kept.pickle", found) == measure(visible, papers)
    # Every paper a record cites is kept now; only the folder's guide, cited by none, is not.
    assert list(measure_papers(papers, tmp_path / "kept.pickle")) == ["README.md"]


def test_a_background_job_whose_worker_dies_is_done_here() -> None:
    assert Background(functools.partial(_die_unless_in, os.getpid())).result() == 42


def _die_unless_in(pid: int) -> int:
    if os.getpid() != pid:
        os._exit(1)  # the worker is killed before it can answer
    return 42
