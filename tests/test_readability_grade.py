"""The digest's reading grade is textstat's Flesch-Kincaid grade, to the last digit."""

from __future__ import annotations

import textstat

from digest.checks.readability import grade
from digest.checks.texts import published_texts
from digest.plan import publishable
from digest.validate import load_and_validate

from .conftest import PROJECT

AWKWARD = ["", "   ", "Hello.", "A b.", "...", "I'm here - isn't it? Yes! 12,000 children.",
           "Ünïcödé wörds, Straße and café. CAMHS, MASH and LADO met on 3 May.",
           "state-of-the-art co-ordination; the council's (and partners') plan"]


def test_grades_are_textstats_for_every_summary_paper_and_awkward_text() -> None:
    content, _ = load_and_validate(PROJECT / "content")
    texts = [text.value for text in published_texts(publishable(content))]
    texts += [paper.read_text(encoding="utf-8")
              for paper in sorted((PROJECT / "content" / "papers").iterdir())]
    assert len(texts) > 500
    different = [(text[:60], grade(text), textstat.flesch_kincaid_grade(text))
                 for text in [*texts, *AWKWARD]
                 if grade(text) != float(textstat.flesch_kincaid_grade(text))]
    assert different == []
