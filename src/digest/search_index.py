"""Build the Pagefind search index, reading only what it indexes and reusing what is unchanged.

Pagefind reads every page whole, though it indexes only the part marked data-pagefind-body:
a third of the bytes at national scale, the rest being navigation, header and footer. So it is
given, instead, a folder of search pages, each holding the marked part of one page with its
language and title, kept beside the generated Markdown and made again only for pages whose
HTML changed. It makes the same records from them (tests compare the two), 8 s sooner at
national scale (15,000 pages).

Pagefind also keeps one gzip file per page (its "fragment": the page's words, address and
filters), named by a hash of its bytes, and does not write a hashed file that is already there.
So the fragments of pages whose HTML is the very file the last build published (MkDocs did not
write them again) are linked into the new index before Pagefind runs, and Pagefind writes only
the others: 2-3 s less after one edit at national scale. What is left (about 16 s) is Pagefind
reading the search pages and compressing its word index, most of which any edit changes.

A fragment's name is the first seven hex digits of its hash, lengthened only when two pages
share them, and which of the two is lengthened depends on the order Pagefind reads pages in
(Pagefind's own TODO in pagefind/src/index/mod.rs). A linked file could then carry the wrong
page under a shared name, so a build whose fragments share a short name with a linked one is
indexed again from nothing: at 15,000 pages, about one build in two hundred.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from digest.errors import DigestError
from digest.file_walk import files_under
from digest.parallel import cores, split

FRAGMENTS = Path("pagefind") / "fragment"
_SHORT_HASH = 7  # hex digits in an unlengthened fragment name (pagefind/src/index/mod.rs)


class SearchIndexError(DigestError):
    """Pagefind failed; ``problems`` holds what it said."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def index_for_search(site: Path, search_pages: Path, previous: Path | None = None,
                     previous_fragments: dict[str, str] | None = None) -> dict[str, str]:
    """Index ``site`` into ``site``/pagefind; return each indexed page's fragment file name,
    by page path.

    ``search_pages`` is the folder of search pages kept from build to build. ``previous`` is
    the last published build and ``previous_fragments`` what this function returned for it:
    fragments of pages that build shares with ``site`` are reused.
    """
    update_search_pages(site, search_pages)
    linked = _link_unchanged(previous, site, previous_fragments or {})
    _run_pagefind(search_pages, site / "pagefind")
    if _shares_a_short_name(site / FRAGMENTS, set(linked.values())):
        shutil.rmtree(site / "pagefind")
        linked = {}
        _run_pagefind(search_pages, site / "pagefind")
    return {**linked, **_written_fragments(site, set(linked.values()))}


_BODY_START = "<div data-pagefind-body>"  # as overrides/main.html writes it
_BODY_END = "</article>"  # Material's, right after the content block
_STAMPS = ".stamps.json"


def update_search_pages(site: Path, search_pages: Path) -> None:
    """Make ``search_pages`` hold the search page of every page of ``site`` Pagefind indexes.

    A page whose HTML file is the one its search page was made from (the same file, size and
    modification time) keeps it; the others are read again.
    """
    search_pages.mkdir(parents=True, exist_ok=True)
    record = search_pages / _STAMPS
    try:
        made = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        made = {}
    # Until it is written again, no search page is taken as current: a build stopped halfway
    # through leaves pages it changed that the old record would still vouch for.
    record.unlink(missing_ok=True)
    there = {page for page, _ in _html_files(search_pages)}
    stamps = {}
    for page, info in _html_files(site):
        stamp = [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns]
        stamps[page] = stamp
        if made.get(page) == stamp and page in there:
            continue
        search_page = _search_page((site / page).read_text(encoding="utf-8"))
        target = search_pages / page
        if search_page is None:
            target.unlink(missing_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(search_page, encoding="utf-8")
    for page in there - stamps.keys():
        (search_pages / page).unlink()
    record.write_text(json.dumps(stamps, sort_keys=True), encoding="utf-8")


def _html_files(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Yield each HTML file under ``folder`` (its path inside it) with its stat, outside the
    search index."""
    return ((page, info) for page, info in files_under(folder, leave_out="pagefind")
            if page.endswith(".html"))


def _search_page(html: str) -> str | None:
    """Return the part of a page Pagefind indexes, as a page of its own; None if it has none.

    A page whose marked part cannot be found is kept whole, which Pagefind reads the same way.
    """
    start = html.find(_BODY_START)
    if start < 0:
        return html if "data-pagefind-body" in html else None
    end = html.find(_BODY_END, start)
    language = re.search(r'<html lang="([^"]*)"', html)
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    if end < 0 or language is None or title is None:
        return html
    return (f'<!doctype html><html lang="{language.group(1)}"><head><title>{title.group(1)}'
            f"</title></head><body>{html[start:end]}</body></html>")


def _link_unchanged(previous: Path | None, site: Path,
                    fragments: dict[str, str]) -> dict[str, str]:
    """Hard-link the fragment of every page ``site`` shares with ``previous`` (the same file,
    not a copy). Pagefind never writes a file that is there, so the published site is never
    written through the link."""
    if previous is None or not fragments:
        return {}
    target = site / FRAGMENTS
    target.mkdir(parents=True, exist_ok=True)

    def link(part: Sequence[tuple[str, str]]) -> dict[str, str]:
        linked = {}
        for page, name in part:
            try:
                if not os.path.samefile(site / page, previous / page):
                    continue
                os.link(previous / FRAGMENTS / name, target / name)
            except OSError:  # the page or its fragment is gone: Pagefind writes it
                continue
            linked[page] = name
        return linked

    with ThreadPoolExecutor(cores()) as pool:  # system calls, which free the interpreter
        return {page: name for linked in pool.map(link, split(list(fragments.items()), cores()))
                for page, name in linked.items()}


def _run_pagefind(pages: Path, output: Path) -> None:
    """Run Pagefind (its binary ships in the pagefind[bin] wheel)."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path",
         str(output.resolve()), "--silent", "--exclude-selectors", ".headerlink"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError([f"pagefind: {line}" for line in
                                (result.stderr or result.stdout).splitlines()]
                               or ["pagefind failed"])


def _shares_a_short_name(folder: Path, linked: set[str]) -> bool:
    """Return whether a linked fragment's short name is also the start of another's."""
    if not linked:
        return False
    short = Counter(_short_name(name) for name in os.listdir(folder))
    return any(short[_short_name(name)] > 1 for name in linked)


def _short_name(name: str) -> str:
    """Return a fragment's name as it is before Pagefind lengthens it ("en-gb_1b97343")."""
    return name[:name.index("_") + 1 + _SHORT_HASH]


def _written_fragments(site: Path, linked: set[str]) -> dict[str, str]:
    """Return the page path of each fragment Pagefind wrote, read from the address it starts
    with (only its first bytes are inflated)."""
    found = {}
    for name in os.listdir(site / FRAGMENTS):
        if name in linked:
            continue
        head = zlib.decompressobj(wbits=31).decompress((site / FRAGMENTS / name).read_bytes(),
                                                       512)
        page = _page_of(head)
        if page is not None and (site / page).is_file():
            found[page] = name
    return found


def _page_of(fragment_head: bytes) -> str | None:
    """Return the file a fragment describes, from its opening ``{"url":"/a/b/"``."""
    opening = b'pagefind_dcd{"url":"/'
    if not fragment_head.startswith(opening):
        return None
    end = fragment_head.find(b'"', len(opening))
    if end < 0:
        return None
    url = fragment_head[len(opening):end].decode("utf-8", "replace")
    return url + "index.html" if url == "" or url.endswith("/") else url
