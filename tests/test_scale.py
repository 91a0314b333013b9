"""The benchmark corpus: realistic, valid, deterministic; and exempt items stay out of search."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import sys
from pathlib import Path

from digest.build import BuildOptions, build, check_content
from digest.plan import HARDEST_LISTED

from .conftest import PROJECT

sys.path.insert(0, str(PROJECT / "benchmarks"))
from generate_corpus import EXEMPT_MARKER, generate  # noqa: E402


def digest_of(folder: Path) -> str:
    hasher = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            hasher.update(path.relative_to(folder).as_posix().encode())
            hasher.update(path.read_bytes())
    return hasher.hexdigest()


def test_generated_corpus_validates_and_repeats_for_a_seed(tmp_path: Path) -> None:
    counts = generate(tmp_path / "a" / "content", authorities=3, years=2, seed=7)
    assert counts == {"authorities": 3, "meetings": 48, "reviews": 6,
                      "items": counts["items"]}
    assert 6 * 48 <= counts["items"] <= 11 * 48
    _, findings = check_content(tmp_path / "a" / "content")
    assert [f.format() for f in findings if f.level == "error"] == []
    generate(tmp_path / "b" / "content", authorities=3, years=2, seed=7)
    assert digest_of(tmp_path / "a" / "content") == digest_of(tmp_path / "b" / "content")
    generate(tmp_path / "c" / "content", authorities=3, years=2, seed=8)
    assert digest_of(tmp_path / "a" / "content") != digest_of(tmp_path / "c" / "content")


def test_exempt_items_never_reach_the_search_index_and_listings_stay_bounded(
        tmp_path: Path) -> None:
    content = tmp_path / "content"
    generate(content, authorities=2, years=3, seed=3)
    exempt = [p for p in content.rglob("*.yaml") if EXEMPT_MARKER in p.read_text()]
    assert exempt, "the corpus should contain exempt items"
    for name in ("mkdocs.yml", "templates", "overrides"):
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    result = build(BuildOptions(content_dir=content, templates_dir=tmp_path / "templates",
                                config_file=tmp_path / "mkdocs.yml",
                                docs_dir=tmp_path / "build" / "docs", site_dir=tmp_path / "site"))
    assert not [f for f in result.findings if f.level == "error"]
    index = [p for p in (tmp_path / "site" / "pagefind").rglob("*") if p.is_file()]
    contents = b"".join(gzip.decompress(p.read_bytes()) if p.read_bytes()[:2] == b"\x1f\x8b"
                        else p.read_bytes() for p in index)
    assert b"Councillors looked at" in contents  # the index does hold meeting text
    assert EXEMPT_MARKER.encode() not in contents
    everything = b"".join(p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file())
    assert EXEMPT_MARKER.encode() not in everything
    readability = (tmp_path / "build" / "docs" / "about" / "readability.md").read_text()
    assert len([line for line in readability.splitlines() if line.startswith("| [")]) == \
        HARDEST_LISTED, "the readability page lists the hardest pages, not every page"
