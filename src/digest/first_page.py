"""'digest serve' shows a saved meeting's own page first, then rebuilds the rest of the preview.

At national scale a whole preview rebuild takes several seconds (8-10 s for 15,000 pages),
most of it on lists, feeds and pages one saved meeting hardly changes. When the one file saved
is a meeting that keeps its place (its id, area, committee, date and paper), its own page is
made first: the file is read, validated and checked alone (every other record is as the last
rebuild checked it), put in place of its old record in the content that rebuild showed, drawn
with the same template, and put into the theme by MkDocs with the last rebuild's navigation:
0.3-0.4 s at national scale. The browser shows it; the whole rebuild follows, draws the page
again with everything else, and the browser reloads once more. Anything else saved, or any
problem in the meeting, goes straight to the whole rebuild, which reports it; a problem
elsewhere that stops the whole rebuild leaves the page shown until the next save.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.checks import load_config, run_checks
from digest.checks.readability import read_dictionaries
from digest.file_walk import files_under
from digest.findings import has_errors
from digest.load import display_path, load_file
from digest.model import Content, Entry, Meeting
from digest.plan import meeting_page, meeting_view, paper_names, publishable
from digest.render import render_pages
from digest.validate import check_references, paper_lines, parse_document

# What places a meeting on other pages: if any changes, only the whole rebuild can show it.
_PLACE = ("id", "authority", "body", "date", "paper", "source")


@dataclass
class _LastPreview:
    """What the last whole rebuild of a preview showed, for the next meeting saved."""

    content: Content
    site_url: str
    include_drafts: bool
    theme: tuple[Any, Any, Any, Any] | None = None  # MkDocs' config, files, nav and Jinja env


_LAST: dict[Path, _LastPreview] = {}  # by the preview's site folder


def remember_content(site_dir: Path, content: Content, site_url: str,
                     include_drafts: bool) -> None:
    """Keep the content a preview rebuild showed, the site's address and whether it shows
    drafts."""
    _LAST[_key(site_dir)] = _LastPreview(content, site_url, include_drafts)


def _key(site_dir: Path) -> Path:
    # Not resolved: the first preview is built beside its folder, then linked to it.
    return Path(os.path.abspath(site_dir))


def theme_keeper(site_dir: Path) -> Any:
    """Return a MkDocs plugin that keeps a preview build's configuration, files, navigation and
    templates for the next meeting's page. (MkDocs is imported only once a preview builds.)"""
    from mkdocs.plugins import BasePlugin

    class KeepTheme(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
        nav: Any = None

        def on_nav(self, nav: Any, /, *, config: Any, files: Any) -> None:
            self.nav = nav

        def on_env(self, env: Any, /, *, config: Any, files: Any) -> None:
            last = _LAST.get(_key(site_dir))
            if last is not None:
                last.theme = (config, files, self.nav, env)

    return KeepTheme()


def warm_up(site_dir: Path) -> None:
    """Do once what the first page shown would otherwise do first (a second or two at national
    scale): load the syllable dictionary the reading checks use, which rebuilds never load (they
    keep each record's findings), and compile the theme's templates, which a large build
    compiles only in its workers, by drawing the home page again."""
    read_dictionaries()
    last = _LAST.get(_key(site_dir))
    if last is not None and last.theme is not None:
        with contextlib.suppress(Exception):  # it only saves time: a save still shows the page
            _draw("index.md", *last.theme)


def content_stamps(content_dir: Path) -> dict[Path, tuple[int, int]]:
    """Return each file under ``content_dir`` with its size and modification time."""
    return {content_dir / relative: (info.st_size, info.st_mtime_ns)
            for relative, info in files_under(content_dir)}


def show_saved_meeting(saved: Path, content_dir: Path, templates_dir: Path, docs_dir: Path,
                       site_dir: Path) -> str | None:
    """Draw the page of the meeting in ``saved`` into the preview; return its path in the
    site, or None if only the whole rebuild can show the change."""
    from digest.mkdocs_cores import known_loops  # imports MkDocs, which only previews need

    last = _LAST.get(_key(site_dir))
    if last is None or last.theme is None or not known_loops():
        return None  # no rebuild to start from, or MkDocs' page functions are not known ones
    display = display_path(saved, content_dir)
    old = next((entry for entry in last.content.entries if entry.document.path == display
                and isinstance(entry.record, Meeting)), None)
    if old is None:
        return None
    document, problems = load_file(saved, display, "meeting")
    if document is None:
        return None
    record, invalid = parse_document(document)
    if not isinstance(record, Meeting) or problems or invalid or any(
            getattr(record, name) != getattr(old.record, name) for name in _PLACE):
        return None
    # Only the saved record is made visible and checked again: every other record is as the
    # last rebuild showed and checked it (and none refers to this one by anything that moved).
    shown = publishable(Content(entries=[Entry(old.kind, record, document)],
                                papers=last.content.papers, papers_dir=last.content.papers_dir),
                        include_drafts=last.include_drafts).entries
    if not shown:  # made a draft, in a preview without drafts
        return None
    entry = shown[0]
    content = Content(entries=[entry if e is old else e for e in last.content.entries],
                      papers=last.content.papers, papers_dir=last.content.papers_dir)
    if _has_errors(entry, content, content_dir):
        return None
    meeting = entry.record
    assert isinstance(meeting, Meeting)
    view = meeting_view(meeting, content, [r for r in content.reviews
                                           if r.considered_at == meeting.id])
    page = meeting_page(view, content, _name_of_its_paper(meeting, content))
    markdown = render_pages(templates_dir, [page], content.glossary, content.authorities,
                            last.site_url)[page.path]
    (docs_dir / page.path).write_text(markdown, encoding="utf-8")
    return _draw(page.path, *last.theme)


def _has_errors(entry: Entry, content: Content, content_dir: Path) -> bool:
    """Return True if the saved record would not preview: a broken reference, or a problem the
    checks find that is an error (in an approved record; a draft's problems are warnings)."""
    # What a meeting's checks look up (areas, topics, glossary), without the other records.
    shared = [e for e in content.entries if e.kind.name not in ("meeting", "review", "update")]
    alone = Content(entries=[*shared, entry], papers=content.papers,
                    papers_dir=content.papers_dir)
    config, problems = load_config(content_dir)
    problems += check_references(alone, paper_lines(content_dir / "papers"))
    if not entry.is_draft:
        problems += run_checks(alone, config)
    return has_errors([found for found in problems if found.path == entry.document.path])


def _name_of_its_paper(meeting: Meeting, content: Content) -> dict[str, str]:
    """Return the name of the meeting's paper as the whole site names it (paper_names), from
    the records that cite that paper."""
    if meeting.source is None:
        return {}
    paper = meeting.source.paper
    citing = [m for m in content.meetings if m.source and m.source.paper == paper]
    return paper_names([meeting_view(m, content, []) for m in citing],
                       [r for r in content.reviews if r.source and r.source.paper == paper])


def _draw(path: str, config: Any, files: Any, nav: Any, env: Any) -> str:
    """Put one page into the theme with MkDocs, as its build would; return its site path.

    The page is left marked as older than its Markdown, so the whole rebuild draws it again.
    """
    from mkdocs.commands.build import _build_page, _populate_page

    file = files.get_file_from_path(path)
    _populate_page(file.page, config, files, dirty=False)
    _build_page(file.page, config, files.documentation_pages(), nav, env, dirty=False,
                excluded=False)
    os.utime(file.abs_dest_path, (0, 0))
    return str(file.url)
