"""The digest's reading grade and ease are textstat's Flesch-Kincaid grade and Flesch reading
ease, to the last digit."""

from __future__ import annotations

import textstat

from digest.checks.readability import grade, reading_ease
from digest.checks.texts import published_texts
from digest.plan import publishable
from digest.validate import load_and_validate

from .conftest import PROJECT

AWKWARD = ["", "   ", "Hello.", "A b.", "...", "I'm here - isn't it? Yes! 12,000 children.",
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
