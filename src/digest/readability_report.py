"""How readable each page's plain-language text is, beside the papers it was drawn from.

Used by ``digest readability`` (a table for comms teams) and by the site's readability page, so
the gain from paper to page is visible to everyone.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from digest.build_cache import Kept, key_of
from digest.checks.acronyms import ACRONYM, known_terms
from digest.checks.readability import grade, longest_sentence, read_dictionaries, sentences
from digest.extract.source import line_words
from digest.model import Content, Meeting, Review, published_strings
from digest.parallel import map_all
from digest.plan import meeting_path, review_path

T = TypeVar("T")
R = TypeVar("R")
MIN_WORDS = 8  # a grade means little for a few words


@dataclass(frozen=True)
class PageMeasure:
    """Readability of one page's summaries."""

    page: str
    title: str
    summaries: int
    mean_grade: float
    worst_grade: float
    longest_sentence: int
    unexplained: tuple[str, ...]


@dataclass(frozen=True)
class PaperMeasure:
    """Readability of one source paper."""

    paper: str
    grade: float
    longest_sentence: int


@dataclass(frozen=True)
class Readability:
    """Every page and paper, with the medians that sum them up."""

    pages: list[PageMeasure]
    papers: list[PaperMeasure]
    summary_grades: list[float]

    @property
    def median_summary_grade(self) -> float:
        """Return the median grade of all summaries."""
        return statistics.median(self.summary_grades) if self.summary_grades else 0.0

    @property
    def worst_summary_grade(self) -> float:
        """Return the highest grade of any summary."""
        return max(self.summary_grades, default=0.0)

    @property
    def median_paper_grade(self) -> float:
        """Return the median grade of the source papers."""
        return statistics.median(p.grade for p in self.papers) if self.papers else 0.0


def measure(content: Content, papers_dir: Path, cache: Path | None = None,
            measured_papers: Mapping[str, PaperMeasure] | None = None) -> Readability:
    """Measure every meeting and review page's summaries and every source paper.

    Measuring a paper means reading all of it, and grading a text means counting its
    syllables, so both are kept in ``cache`` (build_cache.Kept): each record's measures by the
    record's fingerprint, each paper's by a hash of its bytes. A rebuild measures only the
    records and papers that are new or changed, and not the papers in ``measured_papers``
    (``measure_papers`` found them before the content was loaded).
    """
    titles: dict[str, str] = {}
    for meeting in content.meetings:
        titles[meeting_path(meeting.id)] = f"{meeting.authority}, {meeting.date}"
    for review in content.reviews:
        titles[review_path(review.id)] = review.title
    kept = Kept(cache)
    record_keys = {id(entry): key_of("readability", content.fingerprints[id(entry)])
                   for entry in content.entries}
    unmeasured = [entry for entry in content.entries if not kept.has(record_keys[id(entry)])]
    fresh = dict(zip(map(id, unmeasured),
                     _measure_records([entry.record for entry in unmeasured]), strict=True))
    by_page: dict[str, list[tuple[float, int]]] = {}
    unexplained: dict[str, set[str]] = {}
    known_by_area: dict[str | None, frozenset[str]] = {}
    for entry in content.entries:
        own = kept.get(record_keys[id(entry)], lambda: fresh[id(entry)])  # noqa: B023
        if own is None:
            continue
        page, grades, acronyms = own
        if grades:
            by_page[page] = grades
        authority = entry.authority
        if authority not in known_by_area:
            known_by_area[authority] = known_terms(content.glossary, authority)
        unexplained[page] = {word for word in acronyms if word not in known_by_area[authority]}
    pages = [
        PageMeasure(page, titles.get(page, page), len(grades),
                    statistics.fmean(grade for grade, _ in grades),
                    max(grade for grade, _ in grades), max(longest for _, longest in grades),
                    tuple(sorted(unexplained.get(page, set()))))
        for page, grades in sorted(by_page.items())
    ]
    all_grades = [grade for grades in by_page.values() for grade, _ in grades]
    paper_names = sorted({m.source.paper for m in content.meetings if m.source}
                         | {r.source.paper for r in content.reviews if r.source})
    keys = {name: _paper_key(papers_dir / name)
            for name in paper_names if (papers_dir / name).is_file()}
    measured = dict(measured_papers or {})
    changed = [name for name, key in keys.items() if not kept.has(key) and name not in measured]
    measured.update(zip(changed, _measure_papers([papers_dir / n for n in changed]), strict=True))
    papers = [kept.get(key, lambda: measured[name]) for name, key in keys.items()]  # noqa: B023
    kept.save()
    return Readability(pages, papers, all_grades)


def measure_papers(papers_dir: Path, cache: Path | None) -> dict[str, PaperMeasure]:
    """Measure, one after another, the papers in ``papers_dir`` that ``cache`` does not keep.

    Papers are files, known before the content is: a build measures them on a core of their
    own while it loads the content on the other (most of a first build's measuring time).
    """
    kept = Kept(cache)
    paths = [path for path in sorted(papers_dir.iterdir())
             if path.is_file() and not kept.has(_paper_key(path))] if papers_dir.is_dir() else []
    return {path.name: paper_measure(path) for path in paths}


def _paper_key(path: Path) -> str:
    return key_of("paper", path.name, hashlib.sha256(path.read_bytes()).hexdigest())


def _record_measure(record: object) -> tuple[
        str, list[tuple[float, int]], list[str]] | None:
    """Return a meeting's or review's page, the grade and longest sentence of each summary
    long enough to grade, and the capitalised short words in its plain-language texts."""
    if isinstance(record, Meeting):
        page = meeting_path(record.id)
    elif isinstance(record, Review):
        page = review_path(record.id)
    else:
        return None
    grades, acronyms = [], set()
    for _, value, role in published_strings(record):
        if not role.plain_language:
            continue
        if role.in_short and len(value.split()) >= MIN_WORDS:
            grades.append((grade(value), longest_sentence(value)))
        acronyms.update(ACRONYM.findall(value))
    return page, grades, sorted(acronyms)


# Starting a worker takes about as long as measuring 20 papers, or 400 records' summaries.
PARALLEL_AT = 20
RECORDS_PARALLEL_AT = 400


def _measure_records(records: list[object]) -> list[
        tuple[str, list[tuple[float, int]], list[str]] | None]:
    """Measure records in order; on every core when there are many (a first build)."""
    return _in_order(_record_measure, records, RECORDS_PARALLEL_AT)


def _measure_papers(paths: list[Path]) -> list[PaperMeasure]:
    """Measure papers in order; on every core when there are many (a first build)."""
    return _in_order(paper_measure, paths, PARALLEL_AT)


def _in_order(work: Callable[[T], R], items: Sequence[T], parallel_at: int) -> list[R]:
    if len(items) >= parallel_at:
        read_dictionaries()  # here, once, for the workers forked from this process to share
    return map_all(work, items, parallel_at)


def paper_measure(path: Path) -> PaperMeasure:
    """Measure a paper's prose: lines of five words or more, each line ending a sentence."""
    lines = [line_words(raw) for raw in path.read_text(encoding="utf-8", errors="replace")
             .splitlines()]
    prose = [line if line.endswith((".", "!", "?")) else f"{line}." for line in lines
             if len(line.split()) >= 5]
    text = " ".join(prose)
    longest = max((len(s.split()) for line in prose for s in sentences(line)), default=0)
    return PaperMeasure(path.name, grade(text) if text else 0.0, longest)


def format_table(report: Readability) -> str:
    """Return the report as a plain-text table."""
    rows = [f"{'page':62} {'summaries':>9} {'grade':>6} {'worst':>6} {'longest':>8}  unexplained"]
    for page in report.pages:
        rows.append(f"{page.page:62} {page.summaries:9d} {page.mean_grade:6.1f} "
                    f"{page.worst_grade:6.1f} {page.longest_sentence:8d}  "
                    f"{', '.join(page.unexplained) or '-'}")
    rows += ["", f"{'source paper':78} {'grade':>6} {'longest':>8}"]
    for paper in report.papers:
        rows.append(f"{paper.paper:78} {paper.grade:6.1f} {paper.longest_sentence:8d}")
    rows += ["", f"Summaries: median grade {report.median_summary_grade:.1f}, worst "
                 f"{report.worst_summary_grade:.1f}. Source papers: median grade "
                 f"{report.median_paper_grade:.1f}."]
    return "\n".join(rows)
