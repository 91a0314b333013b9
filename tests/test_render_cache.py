"""Pages kept between builds: after any edit, the pages a build reuses are exactly those it
would render afresh."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from digest.plan import plan_site, publishable
from digest.publish import write_docs
from digest.readability_report import measure
from digest.render import render_pages
from digest.render_cache import RenderCache
from digest.validate import load_and_validate

from .conftest import FIXTURE_CONTENT, PROJECT, replace_once

MEETING = Path("meetings") / "testshire" / "2024-05-01-scrutiny.yaml"
URL = "http://127.0.0.1:8000/"

EDITS: list[tuple[str, Callable[[Path, Path], None]]] = [
    ("a meeting's summary", lambda c, t: replace_once(
        c / MEETING, "summary: Councillors", "summary: This week councillors")),
    ("a glossary term, explained on every page that uses it", lambda c, t: replace_once(
        c / "glossary.yaml", "term: MASH", "term: MASHX")),
    ("the area's help line", lambda c, t: replace_once(
        c / "authorities" / "testshire.yaml", "name: Testshire", "name: Testshire County")),
    ("a template", lambda c, t: (t / "meeting.md.j2").write_text(
        (t / "meeting.md.j2").read_text(encoding="utf-8") + "\nA line added.\n",
        encoding="utf-8")),
]


def _render(content_dir: Path, templates: Path, docs: Path | None) -> dict[str, str]:
    """Render every page; with ``docs``, through the cache, writing as a build does, and
    return each page's Markdown as the build leaves it in ``docs``."""
    content, findings = load_and_validate(content_dir)
    assert findings == []
    visible = publishable(content)
    pages = plan_site(visible, measure(visible, content_dir / "papers"))
    if docs is None:
        return render_pages(templates, pages, visible.glossary, visible.authorities, URL)
    kept = RenderCache(docs, visible, templates, URL)
    texts = render_pages(templates, pages, visible.glossary, visible.authorities, URL, kept=kept)
    assert sorted([*texts, *kept.reused]) == sorted(page.path for page in pages)
    kept.forget()
    write_docs(dict(texts), docs, kept.reused)
    kept.save()
    return {page.path: (docs / page.path).read_text(encoding="utf-8") for page in pages}


def test_a_meetings_edit_renders_only_the_pages_that_show_it(tmp_path: Path) -> None:
    content, templates, docs = tmp_path / "content", tmp_path / "templates", tmp_path / "docs"
    shutil.copytree(FIXTURE_CONTENT, content)
    shutil.copytree(PROJECT / "templates", templates)
    _render(content, templates, docs)
    replace_once(content / MEETING, "summary: Councillors", "summary: This week councillors")
    visible = publishable(load_and_validate(content)[0])
    pages = plan_site(visible, measure(visible, content / "papers"))
    kept = RenderCache(docs, visible, templates, URL)
    rendered = render_pages(templates, pages, visible.glossary, visible.authorities, URL,
                            kept=kept)
    assert sorted(rendered) == [  # the pages that show the meeting's summary or its grade
        "about/readability.md", "authorities/testshire.md", "committees/testshire-scrutiny.md",
        "index.md", "meetings/testshire-2024-05-01-scrutiny.md",
        "reviews/testshire-annual-report-2023-24.md"]  # the report considered at it


@pytest.mark.parametrize("edit", [edit for _, edit in EDITS], ids=[name for name, _ in EDITS])
def test_after_an_edit_kept_pages_are_what_a_fresh_render_gives(
        tmp_path: Path, edit: Callable[[Path, Path], None]) -> None:
    content, templates, docs = tmp_path / "content", tmp_path / "templates", tmp_path / "docs"
    shutil.copytree(FIXTURE_CONTENT, content)
    shutil.copytree(PROJECT / "templates", templates)
    before = _render(content, templates, docs)
    assert _render(content, templates, docs) == before
    edit(content, templates)
    fresh = _render(content, templates, None)
    assert fresh != before, "the edit changes some page"
    assert _render(content, templates, docs) == fresh
    assert _render(content, templates, docs) == fresh  # and read back once more


def test_an_edit_undone_is_rendered_again_not_taken_from_a_stale_file(tmp_path: Path) -> None:
    content, templates, docs = tmp_path / "content", tmp_path / "templates", tmp_path / "docs"
    shutil.copytree(FIXTURE_CONTENT, content)
    shutil.copytree(PROJECT / "templates", templates)
    original = _render(content, templates, docs)
    text = (content / MEETING).read_text(encoding="utf-8")
    replace_once(content / MEETING, "summary: Councillors", "summary: This week councillors")
    _render(content, templates, docs)
    (content / MEETING).write_text(text, encoding="utf-8")
    assert _render(content, templates, docs) == original
