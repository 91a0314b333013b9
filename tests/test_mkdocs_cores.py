"""MkDocs' page loops on every core: the same site, and the same warnings, as MkDocs alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest import mkdocs_cores
from digest.publish import PublishError, _run_mkdocs

from .conftest import PROJECT, snapshot

EPOCH = 1_700_000_000


def _built(docs: Path, out: Path) -> dict[str, bytes]:
    _run_mkdocs(PROJECT / "mkdocs.yml", docs, out, EPOCH, None)
    return {name: data for name, (data, _) in snapshot(out).items()}


def test_pages_made_on_every_core_are_the_bytes_mkdocs_makes_alone(
        real_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = real_site.parent / "docs"
    monkeypatch.setattr(mkdocs_cores, "PARALLEL_AT", 10**9)
    alone = _built(docs, tmp_path / "alone")
    monkeypatch.setattr(mkdocs_cores, "PARALLEL_AT", 1)
    monkeypatch.setattr(mkdocs_cores, "cores", lambda: 2)
    shared = _built(docs, tmp_path / "shared")
    assert len(alone) > 50 and shared.keys() == alone.keys()
    assert [name for name in alone if alone[name] != shared[name]] == []


def test_a_warning_in_a_worker_still_fails_the_strict_build(
        real_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(real_site.parent / "docs", docs)
    glossary = docs / "glossary.md"
    glossary.write_text(glossary.read_text() + "\n[More](nowhere-at-all.md)\n")
    monkeypatch.setattr(mkdocs_cores, "PARALLEL_AT", 1)
    monkeypatch.setattr(mkdocs_cores, "cores", lambda: 2)
    with pytest.raises(PublishError) as failed:
        _run_mkdocs(PROJECT / "mkdocs.yml", docs, tmp_path / "site", EPOCH, None)
    assert any("glossary.md" in line and "nowhere-at-all.md" in line
               for line in failed.value.problems), failed.value.problems
