"""Readability measures shared by the checks and the readability report.

textstat 0.7.8 is pinned: later versions download NLTK data at run time and fail offline.
"""

from __future__ import annotations

import functools
import re

import textstat


def sentences(text: str) -> list[str]:
    """Split text into sentences at full stops, question and exclamation marks."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])", text) if s.strip()]


@functools.lru_cache(maxsize=65536)
def grade(text: str) -> float:
    """Return the Flesch-Kincaid grade of the text."""
    return float(textstat.flesch_kincaid_grade(text))


@functools.lru_cache(maxsize=65536)
def reading_ease(text: str) -> float:
    """Return the Flesch reading ease of the text (higher is easier)."""
    return float(textstat.flesch_reading_ease(text))


def longest_sentence(text: str) -> int:
    """Return the number of words in the longest sentence."""
    return max((len(s.split()) for s in sentences(text)), default=0)
