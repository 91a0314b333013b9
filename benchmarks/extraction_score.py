"""Print the extractor's precision and recall per field, and its speed, on the bundled papers.

Two yardsticks, side by side. First the independent one: the facts checked by hand in
../shared/gold/, scored with the shared scorer, field by field, from each paper's Markdown
(benchmarks/gold_score.py adds PDFs made by LibreOffice and Chromium). Then the project's own
expected values: the hand-written content in content/ and tests/extraction/documents.yaml,
written from the same papers as the extractor, which flatters it.

    python benchmarks/extraction_score.py [--papers DIR] [--content DIR] [--shared DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gold_score import extract, score  # noqa: E402

from digest.extract import extract_paper  # noqa: E402
from digest.extract.score import (  # noqa: E402
    Score,
    score_documents,
    score_meetings,
    score_reviews,
)


def load_gold(content: Path, kind: str) -> list[dict[str, Any]]:
    """Return the hand-written records of one kind ('meetings' or 'reviews')."""
    return [yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((content / kind).glob("*/*.yaml"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=Path, default=ROOT / "content" / "papers")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--documents", type=Path,
                        default=ROOT / "tests" / "extraction" / "documents.yaml")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    print_gold_scores(args.shared)
    print("\nAgainst the project's own expected values (content/, written alongside):")
    documents = yaml.safe_load(args.documents.read_text(encoding="utf-8"))
    meetings, reviews = load_gold(args.content, "meetings"), load_gold(args.content, "reviews")
    score = Score()
    timings = []
    for name, expected_documents in documents.items():
        paper = args.papers / name
        started = time.perf_counter()
        extraction = extract_paper(paper)
        seconds = time.perf_counter() - started
        lines = len(paper.read_text(encoding="utf-8").splitlines())
        timings.append((name, lines, seconds))
        drafts = [draft.data for draft in extraction.files]
        score_documents(extraction, expected_documents, score)
        score_meetings([d for d in drafts if "paper" in d and "body" in d],
                       [m for m in meetings if m["source"]["paper"] == name], score)
        score_reviews([d for d in drafts if "kind" in d],
                      [r for r in reviews if r["source"]["paper"] == name
                       and r["kind"] == "annual_report"], score)
    print_table(score)
    print()
    print(f"{'paper':70} {'lines':>6} {'seconds':>8} {'lines/s':>9}")
    for name, lines, seconds in timings:
        print(f"{name:70} {lines:6d} {seconds:8.3f} {lines / seconds:9.0f}")
    return 0


def print_gold_scores(shared: Path) -> None:
    """Print the shared scorer's field table for each paper's Markdown, then the F1 of each."""
    summary = []
    with tempfile.TemporaryDirectory() as scratch:
        for paper in sorted((shared / "papers").glob("*.md")):
            gold = shared / "gold" / f"{paper.stem}.yaml"
            if not gold.exists():
                continue
            drafts = Path(scratch) / paper.stem
            extract(paper, drafts)
            f1, table = score(shared, gold, drafts)
            print(f"-- {paper.stem} (against {gold.relative_to(shared.parent)})\n{table}")
            summary.append((paper.stem, f1))
    for stem, f1 in summary:
        print(f"{stem:70} F1 {f1:.3f}")


def print_table(score: Score) -> None:
    """Print one row per field: counts, precision and recall."""
    print(f"{'field':36} {'found':>6} {'expected':>8} {'precision':>10} {'recall':>7}")
    for name, tally in score.fields.items():
        precision = f"{tally.precision:.2f}" if tally.precision is not None else "n/a"
        recall = f"{tally.recall:.2f}" if tally.recall is not None else "n/a"
        found = str(tally.extracted) if tally.extracted else "-"
        print(f"{name:36} {found:>6} {tally.expected:8d} {precision:>10} {recall:>7}")


if __name__ == "__main__":
    raise SystemExit(main())
