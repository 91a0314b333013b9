"""Dates, times and periods as councils write them: in words or figures, with or without days."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),          # 16 April 2024
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),                   # April 16, 2024
    re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
_TIME = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*"
    r"(?P<half>a\.?\s?m\.?|p\.?\s?m\.?)?(?=\W|$)",
    re.I,
)
_YEAR_SPAN = re.compile(
    r"\b(?P<first>(?:19|20)\d\d)\s?[-/–]\s?(?P<second>(?:19|20)?\d\d)\b"
)
_MONTH_SPAN = re.compile(
    rf"\b(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+)?(?P<m1>{_MONTH_NAMES})\.?\s+"
    r"(?P<y1>(?:19|20)\d\d)\s*(?:-|–|to)\s*"
    rf"(?:(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+)?(?P<m2>{_MONTH_NAMES})\.?\s+"
    r"(?P<y2>(?:19|20)\d\d)\b",
    re.I,
)


@dataclass(frozen=True)
class Found:
    """A value found in text, with where in the text it starts (to prefer the earliest)."""

    value: dt.date
    position: int


def find_dates(text: str) -> list[Found]:
    """Return every real date written in ``text``, in the order they appear."""
    found = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            month_text = match.group("month").lower().rstrip(".")
            month = MONTHS.get(month_text) or int(month_text)
            try:
                found.append(Found(dt.date(int(match.group("year")), month,
                                           int(match.group("day"))), match.start()))
            except ValueError:
                continue  # 31 February and the like are not dates
    return sorted(found, key=lambda f: f.position)


def first_date(text: str) -> dt.date | None:
    """Return the first date written in ``text``, if any."""
    dates = find_dates(text)
    return dates[0].value if dates else None


def find_time(text: str) -> str | None:
    """Return the first clock time in ``text`` as 'HH:MM' (24-hour), if one is clearly written."""
    for match in _TIME.finditer(text):
        hour, minute, half = match.group("hour"), match.group("minute"), match.group("half")
        clock = minute and (":" in match.group(0) or int(hour) >= 13)
        if not half and not clock:
            continue  # a bare "6" or "6.00" without am or pm is not clearly a time
        value = int(hour)
        if half and half.lower().startswith("p") and value < 12:
            value += 12
        if half and half.lower().startswith("a") and value == 12:
            value = 0
        return f"{value:02d}:{int(minute or 0):02d}"
    return None


def find_period(text: str) -> tuple[dt.date, dt.date, bool] | None:
    """Return the period a title or sentence names, and whether it was inferred.

    'April 2013 - March 2014' is explicit. '2022/23' or '2021-2022' names a financial year, which
    for English councils runs from 1 April to 31 March; that is an inference, flagged as such.
    """
    match = _MONTH_SPAN.search(text)
    if match:
        start_month = MONTHS[match.group("m1").lower()]
        end_month = MONTHS[match.group("m2").lower()]
        start = dt.date(int(match.group("y1")), start_month, int(match.group("d1") or 1))
        end_year = int(match.group("y2"))
        end = _month_end(end_year, end_month, match.group("d2"))
        if end >= start:
            return start, end, False
    match = _YEAR_SPAN.search(text)
    if match:
        first = int(match.group("first"))
        second_text = match.group("second")
        century = first // 100 * 100
        second = int(second_text) if len(second_text) == 4 else century + int(second_text)
        if second == first + 1:
            return dt.date(first, 4, 1), dt.date(second, 3, 31), True
    return None


def _month_end(year: int, month: int, day: str | None) -> dt.date:
    if day:
        return dt.date(year, month, int(day))
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)
