"""Write the generated Markdown, run MkDocs into a fresh folder, and swap it into place.

A failed MkDocs run (including any warning, since builds are strict) leaves the previous site
exactly as it was: the new site is built beside it and only replaces it once it is complete.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from digest.errors import DigestError
from digest.timing import Stopwatch


class PublishError(DigestError):
    """MkDocs could not build the site; ``problems`` holds its warnings and errors."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def write_docs(pages: dict[str, str], docs_dir: Path) -> int:
    """Make ``docs_dir`` hold exactly ``pages``; write only files whose bytes change.

    Returns the number of files written. Unchanged files keep their modification time, so
    MkDocs' live reload and incremental tools see only real changes.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    for relative, text in pages.items():
        target = docs_dir / relative
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    wanted = {docs_dir / relative for relative in pages}
    for existing in sorted(docs_dir.rglob("*"), reverse=True):
        if existing.is_file() and existing not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return written


LOCAL_SITE_URL = "http://127.0.0.1:8000/"


def configured_site_url(config_file: Path, docs_dir: Path, override: str | None = None) -> str:
    """Return the site's public address: ``override``, else mkdocs.yml's site_url."""
    from mkdocs.config import load_config

    docs_dir.mkdir(parents=True, exist_ok=True)
    extra = {"site_url": override} if override else {}
    with _captured_mkdocs_log():
        config = load_config(str(config_file.resolve()), docs_dir=str(docs_dir.resolve()),
                             **extra)
    url = config.site_url or LOCAL_SITE_URL
    return url if url.endswith("/") else url + "/"


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, build_epoch: int,
               site_url: str | None = None, stopwatch: Stopwatch | None = None,
               in_place: bool = False) -> None:
    """Run MkDocs (strict) and Pagefind into a folder beside ``site_dir``, then swap it in.

    ``in_place`` (previews only) builds straight into ``site_dir``, letting MkDocs rebuild
    only the pages whose Markdown changed, and skips the search index.
    """
    clock = stopwatch or Stopwatch()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    if in_place and site_dir.exists():
        with clock.stage("MkDocs"):
            _run_mkdocs(config_file.resolve(), docs_dir.resolve(), site_dir, build_epoch,
                        site_url, dirty=True)
        return
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        with clock.stage("MkDocs"):
            _run_mkdocs(config_file.resolve(), docs_dir.resolve(), staging, build_epoch,
                        site_url)
        with clock.stage("search index"):
            index_for_search(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    with clock.stage("swap"):
        _swap(staging, site_dir)


def index_for_search(site: Path) -> None:
    """Run Pagefind over the built pages (its binary ships in the pagefind[bin] wheel)."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent",
         "--exclude-selectors", ".headerlink"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise PublishError([f"pagefind: {line}" for line in
                            (result.stderr or result.stdout).splitlines()] or ["pagefind failed"])


def _run_mkdocs(config_file: Path, docs_dir: Path, out_dir: Path, build_epoch: int,
                site_url: str | None, dirty: bool = False) -> None:
    # Imported here: MkDocs is heavy, and validation-only commands never need it.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

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
            build(config, dirty=dirty)
        except (Abort, ConfigurationError) as exc:
            raise PublishError(problems or [str(exc)]) from exc


def _swap(new_site: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new_site`` with renames, so readers never see a half site."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    new_site.rename(site_dir)
    if old is not None:
        shutil.rmtree(old)


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
