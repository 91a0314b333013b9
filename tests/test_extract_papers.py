"""The extractor on the four bundled papers: its drafts, kept as golden files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from digest.extract import extract_paper, source
from digest.extract.write import to_yaml

from .conftest import PROJECT

GOLDEN = Path(__file__).resolve().parent / "golden" / "extract"
DOCUMENTS = yaml.safe_load((Path(__file__).parent / "extraction" / "documents.yaml").read_text())
PAPERS = PROJECT / "content" / "papers"


@pytest.mark.parametrize("paper", sorted(DOCUMENTS))
def test_drafts_match_golden_files(paper: str, regen: bool) -> None:
    extraction = extract_paper(PAPERS / paper)
    drafted = {draft.path: to_yaml(draft) for draft in extraction.files}
    folder = GOLDEN / Path(paper).stem
    if regen:
        for path, text in drafted.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
    expected = {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in folder.rglob("*.yaml")
    }
    assert drafted.keys() == expected.keys()
    for path, text in drafted.items():
        assert text == expected[path], f"{path} changed; run pytest --regen and review git diff"


# A line of each markup the cleaning takes out, and of the characters it looks for first.
MARKUP_LINES = [
    "<b>Bold</b> text", "Fish &amp; chips &#42;starred&#42;", "See [the plan](plan.pdf) now",
    "## 3. Heading", "   # Indented heading", "- a bullet", "  • a bullet", "○ an open bullet",
    "✓ done", "+ plus bullet", "* star bullet", "\\_escaped\\_ words", "**bold** and __bold__",
    "*emphasis* here", "| a | table | row |", "cell\tcell\t\tcell", "non\u00a0breaking  spaces",
    "  - spaced bullet", "-not a bullet", "a - b", "&lt;tag&gt;", "under_score and a#hash",
    "back\\slash", "pipe | inside", "", "   ", "\t", "Plain words, with nothing to take out.",
]


def _paper_lines() -> list[str]:
    return [line for paper in sorted(PAPERS.iterdir())
            for line in paper.read_text(encoding="utf-8").splitlines()] + MARKUP_LINES


def test_cleaning_a_line_gives_the_same_words_without_its_quick_look(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A line is cleaned only if it holds a character some markup needs: every line of the
    papers, and every kind of markup, must come out as it would if all were cleaned."""
    lines = _paper_lines()
    quick = [source.clean_line(line) for line in lines]
    words = [source.line_words(line) for line in lines]
    monkeypatch.setattr(source, "_MARKUP_CHARACTER", re.compile(""))
    assert [source.clean_line(line) for line in lines] == quick
    assert [source.line_words(line) for line in lines] == words
    assert words == [" ".join(line.split()) for line in quick]
    assert sum(clean != line for clean, line in zip(quick, lines, strict=True)) > 1000
