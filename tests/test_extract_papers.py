"""The extractor on the four bundled papers: its drafts, kept as golden files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.extract import extract_paper
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
