"""The extractor on the four bundled papers: golden drafts, and a floor under its scores."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from digest.extract import extract_paper
from digest.extract.score import Score, score_documents, score_meetings, score_reviews
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


def test_scores_on_the_bundled_papers_stay_high() -> None:
    """A floor, not the goal: it catches a change that breaks what worked."""
    meetings = [
        yaml.safe_load(p.read_text()) for p in (PROJECT / "content" / "meetings").glob("*/*.yaml")
    ]
    reviews = [
        yaml.safe_load(p.read_text()) for p in (PROJECT / "content" / "reviews").glob("*/*.yaml")
    ]
    score = Score()
    for paper, documents in DOCUMENTS.items():
        extraction = extract_paper(PAPERS / paper)
        drafts = [draft.data for draft in extraction.files]
        score_documents(extraction, documents, score)
        score_meetings(
            [d for d in drafts if "body" in d],
            [m for m in meetings if m["source"]["paper"] == paper],
            score,
        )
        score_reviews(
            [d for d in drafts if "kind" in d],
            [r for r in reviews if r["source"]["paper"] == paper and r["kind"] == "annual_report"],
            score,
        )
    low = {
        name: (tally.precision, tally.recall)
        for name, tally in score.fields.items()
        if (tally.precision is not None and tally.precision < 0.95)
        or (tally.recall is not None and tally.recall < (0.6 if "statistics" in name else 0.95))
    }
    assert low == {}
