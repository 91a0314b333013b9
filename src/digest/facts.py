"""The numbers and dates a text states, in a form that compares across the ways people write them.

"£3.63m" and "£3.63 million", "21" and "twenty-one", "45%" and "45 per cent", "2023-24" and
"2023/24", "16 April 2024" and "16/04/2024" each come out as the same fact, so a page's figure
can be looked for in the lines of the paper it cites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from digest.extract.dates import MONTHS, find_dates

Key = tuple[str, object]

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH_NAMES})\.?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
# 2013-14, 2013/14, 2013-2014, and 2013\14 as some PDF converters write it.
_YEAR_SPAN = re.compile(
    r"(?<![\d/])(?P<first>(?:19|20)\d\d)\s?[-/–\\]\s?(?P<second>(?:19|20)?\d\d)(?![\d/])")
# 18:00, 6.00pm, 6 p.m.: a meeting's time as the paper writes it.
_TIME = re.compile(r"\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*"
                   r"(?P<half>[ap]\.?\s?m\b\.?)?", re.I)
_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000,
          "mn": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000}
_NUMBER = re.compile(
    r"(?<![\w.])(?<![A-Za-z]-)(?P<money>£\s?)?(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<ordinal>st|nd|rd|th)\b|\s?(?P<scale>k|m|mn|bn|thousand|million|billion)\b"
    r"|(?P<percent>\s?%|\s?per\s?cent\b))?(?![\w])", re.I)
_SHORT_SPAN = re.compile(r"(?<![\d/])(\d\d)\s?[-/]\s?(\d\d)(?![\d/])")
# Every fact facts_in finds is written with a digit: a text without one states none.
DIGIT = re.compile(r"\d")
_ANY_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Numbers people write in words, zero to nineteen (their place in the tuple is their value).
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_WORD_NUMBER = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})(?:[- ](?P<unit>{'|'.join(NUMBER_WORDS[1:10])}))?"
    rf"|(?P<small>{'|'.join(NUMBER_WORDS)})|(?P<none>none))\b", re.I)


@dataclass(frozen=True)
class Fact:
    """A number or date as written, and the keys that stand for it."""

    shown: str
    keys: tuple[Key, ...]  # any one of these in the paper supports it
    start: int


def facts_in(text: str) -> list[Fact]:
    """Return every date, period, amount and number written in figures in the text."""
    if not DIGIT.search(text):
        return []  # most texts have no digit
    found: list[Fact] = []
    taken = bytearray(len(text) + 1)  # characters already part of a fact

    def add(start: int, end: int, keys: tuple[Key, ...]) -> None:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            found.append(Fact(text[start:end].strip(), keys, start))

    for date in find_dates(text):
        end = date.position + _date_length(text, date.position)
        add(date.position, end, (("date", date.value.isoformat()),))
    for match in _TIME.finditer(text):
        if match.group("minute") is None and match.group("half") is None:
            continue  # a number alone is not a time
        if match.group("minute") is not None and match.group("half") is None and (
                ":" not in match.group()):
            continue  # 2.15 is a number unless it says am or pm, or is written 14:15
        hour = int(match.group("hour")) % 12 if match.group("half") else int(match.group("hour"))
        if (match.group("half") or "").lower().startswith("p"):
            hour += 12
        add(match.start(), match.end(), (("time", (hour, int(match.group("minute") or 0))),))
    for match in _MONTH_YEAR.finditer(text):
        month = MONTHS[match.group("month").lower()]
        add(match.start(), match.end(), (("month", (int(match.group("year")), month)),))
    for match in _YEAR_SPAN.finditer(text):
        first, second = int(match.group("first")), _full_year(match.group("first"),
                                                             match.group("second"))
        if first < second <= first + 10:
            add(match.start(), match.end(), (("span", (first, second)),))
    for match in _NUMBER.finditer(text):
        value = _decimal(match.group("digits"))
        if value is None:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", match.group("digits")) and not match.group("money"):
            add(match.start(), match.end(), (("year", int(value)), ("number", value)))
            continue
        keys: list[Key] = [("number", value)]
        scale = (match.group("scale") or "").lower()
        if scale:
            keys.append(("number", value * _SCALE[scale]))
        add(match.start(), match.end(), tuple(keys))
    return sorted(found, key=lambda fact: fact.start)


def support(text: str) -> frozenset[Key]:
    """Return every key the text supports: its facts, their parts, and numbers in words."""
    keys: set[Key] = set()
    for fact in facts_in(text):
        keys.update(fact.keys)
        for kind, value in fact.keys:
            keys.update(_parts(kind, value))
    # The paper's side is read loosely: "17yrs", "Under 1s" and "ONS-2020" hold their numbers.
    for match in _ANY_DIGITS.finditer(text):
        value = _decimal(match.group())
        if value is not None:
            keys.add(("number", value))
            if re.fullmatch(r"(?:19|20)\d\d", match.group()):
                keys.add(("year", int(value)))
    for match in _SHORT_SPAN.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        if second == first + 1:  # 22/23: a year, on the paper's side only (7/13 is not)
            keys.update({("span", (2000 + first, 2000 + second)), ("year", 2000 + first),
                         ("year", 2000 + second)})
    for match in _WORD_NUMBER.finditer(text):
        if match.group("none"):
            keys.add(("number", Decimal(0)))
            continue
        if match.group("small"):
            number = NUMBER_WORDS.index(match.group("small").lower())
        else:
            unit = match.group("unit")
            number = _TENS[match.group("tens").lower()] + (
                NUMBER_WORDS.index(unit.lower()) if unit else 0)
        keys.add(("number", Decimal(number)))
    return frozenset(keys)


def supported(fact: Fact, keys: Iterable[Key] | frozenset[Key]) -> bool:
    """Return True if the paper's keys hold the fact in any of its forms."""
    known = keys if isinstance(keys, frozenset) else frozenset(keys)
    if any(key in known for key in fact.keys):
        return True
    # 2023-24 is also written "April 2023 to March 2024": both years are enough.
    return any(kind == "span" and ("year", value[0]) in known and ("year", value[1]) in known
               for kind, value in fact.keys if isinstance(value, tuple))


def number_fact(value: float) -> Fact:
    """Return a statistic's value as a fact to look for."""
    number = Decimal(repr(value))
    shown = f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    keys: tuple[Key, ...] = (("number", number),)
    if float(value).is_integer() and 1900 <= value <= 2100:
        keys = (*keys, ("year", int(value)))
    return Fact(shown, keys, 0)


def _parts(kind: str, value: object) -> list[Key]:
    if kind == "date" and isinstance(value, str):
        year, month, day = (int(part) for part in value.split("-"))
        return [("month", (year, month)), ("year", year), ("number", Decimal(day))]
    if kind == "month" and isinstance(value, tuple):
        return [("year", value[0])]
    if kind == "span" and isinstance(value, tuple):
        return [("year", value[0]), ("year", value[1])]
    if kind == "year" and isinstance(value, int):
        return [("number", Decimal(value))]
    return []


def _date_length(text: str, start: int) -> int:
    match = re.match(r"[^\n]{0,40}?(?:19|20)\d\d", text[start:])
    return match.end() if match else 1


def _full_year(first: str, second: str) -> int:
    return int(second) if len(second) == 4 else int(first[:2] + second)


def _decimal(digits: str) -> Decimal | None:
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
