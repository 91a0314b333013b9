"""Write the generated Markdown, run MkDocs and Pagefind into a new folder, check it, publish it.

A failed MkDocs run (including any warning, since builds are strict), a failed or partial
search index, or a full disk leaves the previous site exactly as it was: the new site is built
beside it (site_folder.py) and only replaces it once it is complete and read back.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import shutil
import stat
import zlib
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from digest import site_folder
from digest.errors import DigestError
from digest.file_walk import files_under
from digest.parallel import cores, split
from digest.search_index import SearchIndexError, index_for_search
from digest.theme import page_skeleton, write_theme_layer
from digest.timing import Stopwatch


class PublishError(DigestError):
    """MkDocs could not build the site; ``problems`` holds its warnings and errors."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def write_docs(pages: dict[str, str | bytes], docs_dir: Path, kept: Iterable[str] = ()) -> int:
    """Make ``docs_dir`` hold exactly ``pages`` (text or bytes) and the files ``kept`` as they
    are; write only files whose bytes change.

    Returns the number of files written. Unchanged files keep their modification time, so
    MkDocs' live reload and incremental tools see only real changes.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = sum(write_if_changed(docs_dir, relative, text) for relative, text in pages.items())
    # Walked with os.walk, which knows files from folders without asking for each (16,000
    # files at national scale).
    wanted = {os.path.join(docs_dir, relative) for relative in [*pages, *kept]}
    for folder, _, names in os.walk(docs_dir, topdown=False):
        for name in names:
            if os.path.join(folder, name) not in wanted:
                os.unlink(os.path.join(folder, name))
        if folder != str(docs_dir) and not os.listdir(folder):
            os.rmdir(folder)
    return written


def write_if_changed(docs_dir: Path, relative: str, text: str | bytes) -> bool:
    """Write one file of ``docs_dir`` unless it already holds these bytes; return True if it
    was written."""
    target = docs_dir / relative
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


LOCAL_SITE_URL = "http://127.0.0.1:8000/"


def configured_site_url(config_file: Path, docs_dir: Path, override: str | None = None) -> str:
    """Return the site's public address: ``override``, else mkdocs.yml's site_url."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    docs_dir.mkdir(parents=True, exist_ok=True)
    extra = {"site_url": override} if override else {}
    with _captured_mkdocs_log() as problems:
        try:
            config = load_config(str(config_file.resolve()), docs_dir=str(docs_dir.resolve()),
                                 **extra)
        except (Abort, ConfigurationError) as exc:
            raise PublishError([f"{config_file}: {line}" for line in
                                [*problems, str(exc)] if "Aborted with" not in line]) from exc
    url = config.site_url or LOCAL_SITE_URL
    return url if url.endswith("/") else url + "/"


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, build_epoch: int,
               expected: list[str], site_url: str | None = None,
               stopwatch: Stopwatch | None = None, in_place: bool = False) -> None:
    """Run MkDocs (strict) and Pagefind into a new build folder, verify it, then publish it.

    ``expected`` lists the Markdown pages and files the site must hold. ``in_place``
    (previews only) builds straight into ``site_dir``, letting MkDocs rebuild only the pages
    whose Markdown changed, and skips the search index.
    """
    clock = stopwatch or Stopwatch()
    site_dir = Path(os.path.abspath(site_dir))  # not resolved: the link itself is replaced
    with site_folder.locked(site_dir):
        site_folder.clean_up(site_dir)
        preview = site_dir if in_place else None
        if in_place and site_dir.exists():
            with clock.stage("MkDocs"):
                _run_mkdocs(config_file.resolve(), docs_dir.resolve(), site_dir.resolve(),
                            build_epoch, site_url, dirty=True, preview=preview)
            return
        fingerprint = _fingerprint(config_file, site_url, build_epoch)
        previous = _reusable_build(site_dir, fingerprint)
        build = site_folder.new_build(site_dir)
        try:
            if previous is None:
                with clock.stage("MkDocs"):
                    _run_mkdocs(config_file.resolve(), docs_dir.resolve(), build, build_epoch,
                                site_url, preview=preview)
            else:
                with clock.stage("copy the previous site"):
                    _copy_unchanged(previous, build, docs_dir.resolve(), expected)
                with clock.stage("MkDocs"):
                    _run_mkdocs(config_file.resolve(), docs_dir.resolve(), build, build_epoch,
                                site_url, dirty=True, published=True)
            with clock.stage("search index"), ThreadPoolExecutor(1) as beside:
                # The pages are final: note them while Pagefind works.
                built = beside.submit(_file_stamps, build)
                fragments = index_for_search(
                    build, docs_dir.with_name(docs_dir.name + "-search-pages"), previous,
                    _previous_fragments(previous))
            with clock.stage("verify"):
                verify_site(build, expected, built.result())
            site_folder.write_manifest(build, {"fingerprint": fingerprint, "files": expected,
                                               "built": built.result(),
                                               "fragments": fragments})
        except OSError as exc:
            shutil.rmtree(build, ignore_errors=True)
            raise PublishError([f"could not write the site: {exc.strerror or exc}"]) from exc
        except SearchIndexError as exc:
            shutil.rmtree(build, ignore_errors=True)
            raise PublishError(exc.problems) from exc
        except BaseException:
            shutil.rmtree(build, ignore_errors=True)
            raise
        with clock.stage("swap"):
            site_folder.publish(build, site_dir)


def _fingerprint(config_file: Path, site_url: str | None, build_epoch: int) -> str:
    """Return what every page of a build depends on besides its own Markdown.

    The site's configuration, our theme overrides, the installed MkDocs and Material, the page
    skeleton, the address and the build date: if any of them changes, every page is rebuilt.
    """
    from importlib.metadata import version

    hasher = hashlib.sha256()
    overrides = config_file.resolve().parent / "overrides"
    sources = [config_file.resolve(), *sorted(p for p in overrides.rglob("*") if p.is_file())]
    for path in sources:
        hasher.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for value in (version("mkdocs"), version("mkdocs-material"), page_skeleton(),
                  site_url or "", str(build_epoch)):
        hasher.update(value.encode() + b"\0")
    return hasher.hexdigest()


def _reusable_build(site_dir: Path, fingerprint: str) -> Path | None:
    """Return the current build if the next one can start from it (same fingerprint)."""
    current = site_folder.current_build(site_dir)
    if current is None:
        return None
    manifest = site_folder.read_manifest(current)
    return current if manifest.get("fingerprint") == fingerprint else None


def _previous_fragments(previous: Path | None) -> dict[str, str]:
    """Return the search index's fragment of each page of the last build, by page path."""
    if previous is None:
        return {}
    fragments = site_folder.read_manifest(previous).get("fragments")
    return fragments if isinstance(fragments, dict) else {}


def _file_stamps(site: Path) -> dict[str, list[int]]:
    """Return every file a build wrote, with its size and modification time (search_index.py
    keeps its own record of the search index)."""
    return {relative: [info.st_size, info.st_mtime_ns]
            for relative, info in files_under(site, leave_out="pagefind")}


def _copy_unchanged(previous: Path, build: Path, docs_dir: Path, expected: list[str]) -> None:
    """Bring into the new build the files the previous build wrote and nobody has touched since,
    keeping their modification times; leave out the search index (search_index.py takes what
    it can reuse) and the pages and files the site no longer has.

    MkDocs then rebuilds only pages whose Markdown is newer than their copy: write_docs leaves
    unchanged Markdown untouched, so an edit to one meeting rebuilds that meeting's pages.
    A page or file MkDocs will not write again (its source in ``docs_dir`` is not newer, the
    same test MkDocs makes) is hard-linked, not copied: the old and new builds share it, and
    nothing ever writes to it. Everything MkDocs might write (changed pages, the sitemap, 404,
    theme files) is copied, so the site being read is never written through a shared file.
    """
    manifest = site_folder.read_manifest(previous)
    sources = {_built_path(relative): docs_dir / relative for relative in expected}
    gone = {_built_path(relative) for relative in manifest.get("files", [])} - sources.keys()
    wanted = [(relative, stamp) for relative, stamp in manifest.get("built", {}).items()
              if relative not in gone and relative != site_folder.MARKER]

    def bring(part: Sequence[tuple[str, list[int]]]) -> None:
        made: set[Path] = set()  # folders made so far by this thread
        for relative, stamp in part:
            source = previous / relative
            try:
                info = source.stat()
            except OSError:  # gone since it was built
                continue
            if not stat.S_ISREG(info.st_mode) or [info.st_size, info.st_mtime_ns] != stamp:
                continue  # changed since it was built: let MkDocs write it again
            target = build / relative
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            markdown = sources.get(relative)
            if markdown is not None and os.path.getmtime(markdown) <= info.st_mtime:
                os.link(source, target)
            else:
                shutil.copy2(source, target)

    # Threads, as nearly all of it is the kernel making folders and links (1.2 s on one core,
    # 0.6 s on two, for 16,000 files at national scale).
    with ThreadPoolExecutor(cores()) as pool:
        list(pool.map(bring, split(wanted, cores())))


def verify_site(site: Path, expected: list[str],
                stamps: dict[str, list[int]] | None = None) -> None:
    """Raise PublishError unless every expected page and file is there and whole.

    A full disk or a killed tool can leave empty files behind with a success code (Pagefind
    does), so the built site is read back before it is published. ``stamps`` is what
    ``_file_stamps`` read of the site, when it was read already (while Pagefind worked).
    """
    sizes = _file_stamps(site) if stamps is None else stamps
    problems = [f"{page} is missing or empty" for page in map(_built_path, expected)
                if not sizes.get(page, [0])[0]]
    problems += _broken_search_index(site)
    if problems:
        raise PublishError(["the built site is incomplete, so it was not published:",
                            *problems[:10]])


def _broken_search_index(site: Path) -> list[str]:
    """Return what is missing or cut short in the search index Pagefind wrote."""
    problems = []
    index = site / "pagefind"
    try:
        entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        entry = {}
    if not isinstance(entry, dict) or not entry.get("languages"):
        problems.append("pagefind/pagefind-entry.json is missing or unreadable")
    for file in sorted(index.rglob("*.pf_*")) if index.is_dir() else []:
        if file.stat().st_nlink > 1:  # the last build's, which was read back: not written now
            continue
        try:
            gzip.decompress(file.read_bytes())
        except (OSError, EOFError, zlib.error):
            problems.append(f"{file.relative_to(site)} is not a whole search index file")
    return problems


def _built_path(relative: str) -> str:
    """Return where MkDocs writes a generated file: pages become folders with index.html."""
    if not relative.endswith(".md"):
        return relative
    if relative == "index.md" or relative.endswith("/index.md"):
        return relative.removesuffix(".md") + ".html"
    return relative.removesuffix(".md") + "/index.html"


_DIRTY_WARNING = "A 'dirty' build is being performed"


def _run_mkdocs(config_file: Path, docs_dir: Path, out_dir: Path, build_epoch: int,
                site_url: str | None, dirty: bool = False, published: bool = False,
                preview: Path | None = None) -> None:
    """Run MkDocs. A dirty build rebuilds only changed pages; when its result is to be
    ``published``, any warning but MkDocs' own note about dirty builds fails it, as strict
    mode fails a full build. A ``preview`` (its site folder) keeps MkDocs' navigation and
    templates for the next saved meeting (first_page.py)."""
    # Imported here: MkDocs is heavy, and validation-only commands never need it.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from digest.mkdocs_cores import every_core

    with _captured_mkdocs_log() as problems, _source_date_epoch(build_epoch):
        try:
            extra = {"site_url": site_url} if site_url else {}
            # A dirty (preview) build always warns that links may be stale, so only full
            # builds are strict; previews are never published.
            config = load_config(
                str(config_file), strict=not dirty, docs_dir=str(docs_dir),
                site_dir=str(out_dir),
                **extra,
            )
            config.theme.dirs.insert(0, str(write_theme_layer(docs_dir.parent / "theme")))
            if preview is not None:
                from digest.first_page import theme_keeper

                config.plugins["digest-first-page"] = theme_keeper(preview)
            with every_core():
                build(config, dirty=dirty)
        except (Abort, ConfigurationError) as exc:
            raise PublishError(problems or [str(exc)]) from exc
    real = [problem for problem in problems if _DIRTY_WARNING not in problem]
    if published and real:
        raise PublishError(real)


@contextmanager
def _captured_mkdocs_log() -> Iterator[list[str]]:
    """Collect MkDocs warnings and errors so they can be reported together."""
    problems: list[str] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            problems.append(f"mkdocs: {record.levelname.lower()}: {record.getMessage()}")

    handler = Collector(level=logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield problems
    finally:
        logger.removeHandler(handler)


@contextmanager
def _source_date_epoch(epoch: int) -> Iterator[None]:
    """Pin MkDocs' build date (sitemap, gzip headers) so the same content gives the same bytes."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
