"""The digest's reading grade and ease are textstat's Flesch-Kincaid grade and Flesch reading
ease, to the last digit."""

from __future__ import annotations

import textstat
from textstat.backend.counts._count_sentences import count_sentences

from digest.checks.readability import _count_sentences, grade, reading_ease
from digest.checks.texts import published_texts
from digest.plan import publishable
from digest.validate import load_and_validate

from .conftest import PROJECT

AWKWARD = ["", "   ", "Hello.", "A b.", "...", "I'm here - isn't it? Yes! 12,000 children.",
           "rock 'n' roll. 'Quoted,' she said. It's the children's plan; they'd agree.",
           "‘Curly’ quotes — and dashes. Mr. A. Smith. Well... ok!? Yes. ' ' . - - .",
           "Ünïcödé wörds, Straße and café. CAMHS, MASH and LADO met on 3 May.",
           "state-of-the-art co-ordination; the council's (and partners') plan"]


def test_grades_and_ease_are_textstats_for_every_summary_paper_and_awkward_text() -> None:
    content, _ = load_and_validate(PROJECT / "content")
    texts = [text.value for text in published_texts(publishable(content))]
    texts += [paper.read_text(encoding="utf-8")
              for paper in sorted((PROJECT / "content" / "papers").iterdir())]
    assert len(texts) > 500
    different = [(text[:60], grade(text), textstat.flesch_kincaid_grade(text))
                 for text in [*texts, *AWKWARD]
                 if grade(text) != float(textstat.flesch_kincaid_grade(text))]
    assert different == []
    different = [(text[:60], reading_ease(text), textstat.flesch_reading_ease(text))
                 for text in [*texts, *AWKWARD]
                 if reading_ease(text) != float(textstat.flesch_reading_ease(text))]
    assert different == []


def test_sentences_are_counted_as_textstat_counts_them() -> None:
    """The digest counts sentences itself, with textstat's patterns, for speed: every summary,
    every line and whole text of the papers, and awkward text, must give textstat's count."""
    content, _ = load_and_validate(PROJECT / "content")
    texts = [text.value for text in published_texts(publishable(content))]
    for paper in sorted((PROJECT / "content" / "papers").iterdir()):
        texts += [paper.read_text(encoding="utf-8"), *paper.read_text(encoding="utf-8")
                  .splitlines()]
    different = [(text[:60], _count_sentences(text), count_sentences(text))
                 for text in [*texts, *AWKWARD]
                 if _count_sentences(text) != count_sentences(text)]
    assert different == []
