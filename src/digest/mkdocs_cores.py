"""MkDocs' two page loops spread over the machine's cores.

MkDocs converts each page's Markdown to HTML, then puts each page into the theme, one page after
another; at national scale that is most of the build. Inside ``every_core()``, the first call of
each loop does the pages of the whole loop in forked workers (digest.parallel), and every later
call finds its page done. The workers run MkDocs' own functions on the same objects, so the
pages are the same bytes; the warnings they log are logged again here, so a strict build still
fails on them. Only the loops of MkDocs 1.6 are known: any other MkDocs runs its own as they are.
"""

from __future__ import annotations

import functools
import inspect
import logging
import pickle
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from digest.parallel import PARALLEL_AT, cores, deal, in_dealt_order, run_all

_POPULATE = ["page", "config", "files", "dirty"]
_BUILD = ["page", "config", "doc_files", "nav", "env", "dirty", "excluded"]


@dataclass
class _Rendered:
    """What MkDocs' Markdown step leaves on a page, to carry it back from a worker."""

    markdown: str | None
    meta: MutableMapping[str, Any]
    content: str | None
    toc: Any
    title_from_render: str | None
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's path

    @classmethod
    def of(cls, page: Page) -> _Rendered:
        links = None if page.links_to_anchors is None else {
            file.src_uri: found for file, found in page.links_to_anchors.items()}
        return cls(page.markdown, page.meta, page.content, page.toc, page._title_from_render,
                   page.present_anchor_ids, links)

    def apply(self, page: Page, files: Files) -> None:
        page.markdown, page.meta, page.content = self.markdown, self.meta, self.content
        page.toc, page._title_from_render = self.toc, self.title_from_render
        page.present_anchor_ids = self.present_anchor_ids
        page.links_to_anchors = None if self.links_to_anchors is None else {
            _file(files, uri): found for uri, found in self.links_to_anchors.items()}


def _file(files: Files, uri: str) -> File:
    found = files.get_file_from_path(uri)
    assert found is not None, uri
    return found


@contextmanager
def every_core() -> Iterator[None]:
    """Run MkDocs builds started inside the block with their page loops on every core."""
    if cores() < 2 or not known_loops():
        yield
        return
    populate, build_page = mkdocs_build._populate_page, mkdocs_build._build_page
    populating, building = _Loop(), _Loop()

    def populate_all(page: Page, config: Any, files: Files, dirty: bool = False) -> None:
        if populating.first_call():
            # As MkDocs' own loop does next, make the pages outside the navigation.
            for file in files.documentation_pages():
                if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]
                    Page(None, file, config)
            todo = populating.take([f.page for f in files.documentation_pages()], dirty)
            rendered = _in_workers(
                todo, lambda p: (populate(p, config, files, dirty), _Rendered.of(p))[1])
            for done, found in zip(todo, rendered, strict=True):
                found.apply(done, files)
        if not populating.done(page):
            populate(page, config, files, dirty)

    def build_all(page: Page, config: Any, doc_files: Sequence[File], nav: Any, env: Any,
                  dirty: bool = False, excluded: bool = False) -> None:
        if building.first_call():
            todo = building.take([f.page for f in doc_files], dirty)
            _in_workers(todo, lambda p: build_page(
                p, config, doc_files, nav, env, dirty,
                p.file.inclusion.is_excluded()))  # type: ignore[no-untyped-call]
        if not building.done(page):
            build_page(page, config, doc_files, nav, env, dirty, excluded)

    mkdocs_build._populate_page, mkdocs_build._build_page = populate_all, build_all
    try:
        yield
    finally:
        mkdocs_build._populate_page, mkdocs_build._build_page = populate, build_page


class _Loop:
    """One of MkDocs' page loops: on its first call, the pages it will do are taken to do in
    workers if there are many, or left to MkDocs page by page if there are few."""

    def __init__(self) -> None:
        self.called = False
        self.taken: set[int] = set()

    def first_call(self) -> bool:
        first, self.called = not self.called, True
        return first

    def take(self, pages: list[Page | None], dirty: bool) -> list[Page]:
        """Return the pages to do in workers (none if few), as MkDocs would choose them.

        A dirty build's unmodified pages count as done: MkDocs would only look at their files'
        times again to pass them by (two file times per page, 15,000 pages, in each loop).
        """
        present = [p for p in pages if p is not None]
        todo = [p for p in present if not dirty or p.file.is_modified()]
        if len(todo) < PARALLEL_AT:  # MkDocs does the rest, page by page
            self.taken = set(map(id, present)) - set(map(id, todo))
            return []
        self.taken = set(map(id, present))
        return todo

    def done(self, page: Page) -> bool:
        return id(page) in self.taken


def known_loops() -> bool:
    """Return True if MkDocs' page functions are the ones this module was written for."""
    return (list(inspect.signature(mkdocs_build._populate_page).parameters) == _POPULATE
            and list(inspect.signature(mkdocs_build._build_page).parameters) == _BUILD)


def _in_workers(pages: list[Page], work: Callable[[Page], Any]) -> list[Any]:
    """Do ``work`` on every page in forked workers; log their records here; return results."""
    outcomes = run_all([functools.partial(_logged, run, work) for run in deal(pages, cores())])
    results: list[list[Any]] = []
    failure: BaseException | None = None
    for found, records, error in outcomes:
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
        results.append(found)
        failure = failure or error
    if failure is not None:
        raise failure
    return in_dealt_order(results)


def _logged(pages: Sequence[Page], work: Callable[[Page], Any]) -> tuple[
        list[Any], list[tuple[str, int, str]], BaseException | None]:
    """Do the work in a worker, keeping MkDocs' log records (and any error) to send back."""
    records: list[tuple[str, int, str]] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append((record.name, record.levelno, record.getMessage()))

    logger = logging.getLogger("mkdocs")
    logger.handlers, logger.propagate = [Keep(level=logging.INFO)], False  # a forked copy
    found: list[Any] = []
    try:
        for page in pages:
            found.append(work(page))
    except Exception as exc:  # sent back and raised in the build, after the records
        return found, records, _sendable(exc)
    return found, records, None


def _sendable(error: Exception) -> Exception:
    """Return the error, or its words if it cannot be sent between processes."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
