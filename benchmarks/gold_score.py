"""Score `digest extract` against the hand-checked gold facts, from Markdown and from PDFs.

For each of the five papers in ../shared/papers: extract from the Markdown, from a PDF that
LibreOffice exports from a word-processor copy, and from a PDF that Chromium prints from a web
page; score each with the shared scorer (../shared/tools/score_extraction.py), field by field
with --fields; print a table of F1 and the time each extraction took.

    python benchmarks/gold_score.py [--shared ../shared] [--fields] [--no-pdf]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.pdf_papers import chromium_pdf, libreoffice_pdf  # noqa: E402

from digest.cli import main as digest  # noqa: E402


def extract(paper: Path, out: Path) -> float:
    """Extract one paper into ``out``; return the seconds it took."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):  # the table, not the list of files written
        digest(["extract", str(paper), "--out", str(out)])
    return time.perf_counter() - started


def score(shared: Path, gold: Path, drafts: Path) -> tuple[float, str]:
    """Return the F1 and the scorer's full output."""
    result = subprocess.run([sys.executable, str(shared / "tools" / "score_extraction.py"),
                             str(gold), str(drafts)], capture_output=True, text=True, check=True)
    last = result.stdout.strip().splitlines()[-1]
    return float(last.split("f1=")[1].split()[0]), result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--fields", action="store_true", help="print the scorer's field table")
    parser.add_argument("--no-pdf", action="store_true", help="score the Markdown only")
    args = parser.parse_args()
    papers = sorted(p for p in (args.shared / "papers").glob("*.md") if p.name != "README.md")
    print(f"{'paper':70} {'md':>6} {'lo pdf':>7} {'chr pdf':>7} {'s (lo)':>7}")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for paper in papers:
            gold = args.shared / "gold" / f"{paper.stem}.yaml"
            sources = [("md", paper)]
            if not args.no_pdf:
                for name, make in (("lo", libreoffice_pdf), ("chr", chromium_pdf)):
                    folder = work / name
                    folder.mkdir(exist_ok=True)
                    sources.append((name, make(paper, folder)))
            row, seconds = [], 0.0
            for name, source in sources:
                took = extract(source, work / "drafts" / name / paper.stem)
                seconds = took if name == "lo" else seconds
                f1, table = score(args.shared, gold, work / "drafts" / name / paper.stem)
                row.append(f1)
                if args.fields:
                    print(f"-- {paper.stem} ({name})\n{table}")
            cells = " ".join(f"{f1:7.3f}" for f1 in row)
            print(f"{paper.stem:70} {cells} {seconds:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
