"""Shared fixtures: the project's paths, a scratch copy of the fixture content, and real builds."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from digest.browser import NoBrowser, find_chromium
from digest.build import BuildOptions, build

PROJECT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"


def _has_browser() -> bool:
    try:
        find_chromium()
    except NoBrowser:
        return False
    return True


# Browser tests run wherever a browser is found, and always in CI, where a missing browser is
# a failure to report, not a reason to skip.
browser_needed = pytest.mark.skipif(
    not _has_browser() and not os.environ.get("CI"),
    reason="no Chromium found (apt-get install -y chromium); CI always runs these")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true",
                     help="rewrite golden files from the current output (review with git diff)")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project: the real mkdocs.yml and templates, with the small fixture content."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "templates", root / "templates")
    shutil.copytree(PROJECT / "overrides", root / "overrides")
    shutil.copytree(FIXTURE_CONTENT, root / "content")
    return root


def site_config() -> dict[str, Any]:
    """Return the project's mkdocs.yml as data (!ENV tags dropped: such values read as lists)."""
    config: dict[str, Any] = yaml.safe_load(
        (PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    return config


def options_for(root: Path, content: Path | None = None, site: Path | None = None) -> BuildOptions:
    """Return build options that read and write only inside ``root``."""
    return BuildOptions(
        content_dir=content or root / "content",
        templates_dir=root / "templates",
        config_file=root / "mkdocs.yml",
        docs_dir=root / "build" / "docs",
        site_dir=site or root / "site",
    )


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The site built once from the project's real content."""
    root = tmp_path_factory.mktemp("real")
    options = BuildOptions(
        content_dir=PROJECT / "content",
        templates_dir=PROJECT / "templates",
        config_file=PROJECT / "mkdocs.yml",
        docs_dir=root / "docs",
        site_dir=root / "site",
    )
    result = build(options)
    assert not result.findings, [f.format() for f in result.findings]
    yield root / "site"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Return every file under ``folder`` with its bytes and modification time."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def replace_once(file: Path, old: str, new: str) -> None:
    """Change the first ``old`` in a content file to ``new``, failing if it is not there."""
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def tab_through(page: Any, presses: int, describe: str) -> list[str]:
    """Press Tab ``presses`` times; return what the JavaScript ``describe`` says of each stop."""
    reached = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(describe))
    return reached
