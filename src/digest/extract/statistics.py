"""Numbers a report states: in short headline lines, in sentences, and in tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.extract.dates import find_dates
from digest.extract.source import Block

# The whole number or none of it: '5.75 days' is never read as 5.7, nor '26 years' as 2.
_VALUE = r"(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![.,]?\d)(?P<pct>\s?%)?"
_HEADLINE = re.compile(rf"^{_VALUE}\s+(?P<label>[A-Za-z][A-Za-z'’ ,&()/-]{{3,80}}?)"
                       r"(?:\s*\((?:1 in [\d,]+|[\d.]+%)[^)]*\))?$")
_NUMBER_WORDS = {word: n for n, word in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"))}
# 'six rapid reviews': a count written in words, as reports often write small ones.
_WORD_VALUE = (rf"(?P<value>{'|'.join(_NUMBER_WORDS)}|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
               r"(?![.,]?\d)")
# Other ways reports count: '30 were expected deaths', 'compares to 180 contacts', 'a 33% increase'.
_COUNTED = [
    re.compile(rf"(?:^|[\s(]){_VALUE}\s+(?:were|was)\s+(?P<unit>[a-z]+(?: [a-z]+)?)\b", re.I),
    re.compile(rf"\b(?:a\s+)?total\s+of\s+{_VALUE}\s+(?P<unit>[a-z]+)\b", re.I),
    re.compile(rf"\bmet\s+(?:on\s+)?{_VALUE}\s+(?P<unit>occasions|times)\b", re.I),
    # 'has completed six rapid reviews', 'has undertaken 2,857 social work assessments'
    re.compile(rf"\b(?:has|have|had)\s+(?:completed|held|received|published|undertaken|"
               rf"carried out|made|audited|trained|prevented|supported|approved|recruited)\s+"
               rf"(?:a total of\s+)?{_WORD_VALUE}\s+"
               r"(?P<unit>[a-z]+(?: [a-z]+)?)\b", re.I),
    # '72% of initial meetings were held within five days'
    re.compile(rf"(?:^|[\s(]){_VALUE}(?<=%)\s+of\s+(?P<unit>[a-z][a-z -]{{2,60}}?)\s+"
               r"(?:were|was|had|have|are|is|do|did|live)\b", re.I),
    # 'National minimum allowance increased by 12.43%', 'raised their contributions by 2%'
    re.compile(rf"\b(?:increased|rose|raised|reduced|decreased|fell|grew|cut)\b[^.;]{{0,60}}?"
               rf"\bby\s+(?P<unit>){_VALUE}(?<=%)", re.I),
    # 'WCF have 27 SBL properties'
    re.compile(rf"\b(?:has|have)\s+{_VALUE}\s+(?P<unit>[A-Z]{{2,6}}s?\s+[a-z]+|[a-z]+)\b"),
    # 'Since September there have been 56 school inspections for whom ...'
    re.compile(rf"\bthere\s+(?:have|has)\s+been\s+{_VALUE}\s+(?P<unit>[a-z]+(?: [a-z]+)?)\b",
               re.I),
    # 'an over spend on budget for 2013-14 of £21,832'
    re.compile(rf"\b(?:budget|spend|overspend|underspend|cost|funding|income|"
               rf"expenditure)\b[^.£]{{0,40}}?\s+of\s+(?P<unit>£){_VALUE}", re.I),
    re.compile(rf"\bcompare[sd]?\s+(?:to|with)\s+{_VALUE}\s+(?P<unit>[a-z]+)\b", re.I),
    re.compile(rf"(?:^|[\s(]){_VALUE}\s+(?P<unit>increase|decrease|rise|fall|reduction)\b",
               re.I),
]
# 'The population was estimated to be around 603,675': a figure named by its sentence's subject.
_SUBJECT_WAS = re.compile(
    r"(?P<label>(?:the\s+)?[a-z][\w'’ -]{3,60}?)\s+(?:was|were|is|are|stood at|totalled|"
    r"rose to|fell to|(?:currently\s+)?stands? at)\s+(?:estimated to be\s+)?"
    r"(?:around|about|approximately)?\s*"
    rf"£?{_VALUE}(?!\s*(?:years?|months?|weeks?|days?)\b)", re.I)
# 'Since September 22': a year after a month, not a count.
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.I)
_SENTENCE = re.compile(
    rf"(?:^|[\s(])(?:there (?:have been|has been|were|was|are|is) )?{_VALUE}\s+"
    r"(?P<unit>[a-z][a-z-]+(?: [a-z][a-z-]+)?)\s+(?:were|was|have|has|had|are|is|"
    r"received|recorded|held|completed|attended|referred|notified)\b", re.I,
)
# '8 th November', 'a 999 call': a day of the month or a telephone service, not a count.
_NOT_A_COUNT_AFTER = re.compile(r"^\s?(?:st|nd|rd|th|yrs?)\b|^\s+calls?\b", re.I)
_TOTAL = re.compile(r"(?:total|year end|year to date|overall)\b.*", re.I)
# 'Total Worcestershire 0 - 18 Population - 119,353', 'Total Spend	£217,836'
_TOTAL_LINE = re.compile(r"^(?P<label>total\b[^\t]{3,80}?)\s*(?:[-–:]|\t)\s*£?"
                         r"(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<pct>%)?$", re.I)
_PERIOD = re.compile(r"\b(?:19|20)\d\d\s?[-/–]\s?(?:19|20)?\d\d\b|\b(?:Q[1-4]\s)?(?:19|20)\d\d\b")
_ACRONYM = re.compile(r"[A-Z]{2,6}s?")
_NOT_UNITS = {"of", "and", "the", "to", "in", "per", "or", "x", "who", "which", "that", "different"}
# A length of time is how long something took, not how many: 'within 16 weeks', '5.75 days'.
_DURATIONS = re.compile(r"^(?:hours?|days?|weeks?|months?|years?|minutes?)\b", re.I)


@dataclass
class StatisticDraft:
    """A number found in a report, with a label, unit, period and where it stands."""

    label: str
    value: float
    unit: str | None
    period: str | None
    line: int
    breakdown: dict[str, float] = field(default_factory=dict)
    # 4: a headline figure; 3: 'N things were...'; 2: other counting sentences and rows of
    # figures under year columns; 1: any other table cell (listed, not drafted)
    confidence: int = 1

    @property
    def rank(self) -> tuple[int, int]:
        """Sort key: the most confident first, with a period before one without."""
        return (-self.confidence - (1 if self.period else 0), self.line)


def most_confident(found: list[StatisticDraft], limit: int) -> list[StatisticDraft]:
    """Return the ``limit`` most confident figures, in the order the paper gives them.

    Table cells are left to the report's list: a table's row and column seldom make a label a
    parent can read, and tables hold most of a paper's numbers.
    """
    _demote_series(found)
    chosen: dict[float, StatisticDraft] = {}
    for statistic in sorted((s for s in found if s.confidence >= 2), key=lambda s: s.rank):
        chosen.setdefault(statistic.value, statistic)  # a figure the paper repeats, once
    return sorted(list(chosen.values())[:limit], key=lambda s: s.line)


def _demote_series(found: list[StatisticDraft]) -> None:
    """List, not draft, a run of sentences shaped alike ('8% of deaths were categorised as ...').

    Such a run breaks one total down; drafting each part buries the headline figures.
    """
    shapes: dict[str, list[StatisticDraft]] = {}
    for statistic in found:
        words = re.sub(r"[\d.,%£]+", "#", statistic.label).lower().split()[:4]
        shapes.setdefault(" ".join(words), []).append(statistic)
    for series in shapes.values():
        if len({s.label for s in series}) >= 3:  # three sentences, not one with three
            for statistic in series:
                statistic.confidence = 1


# A number that belongs to a name, a place in the paper or a date is not a figure.
_NAMING_WORD = re.compile(
    r"\b(?:section|schedule|act|part|article|regulation|key\s+stage|stage|year|level|tier|"
    r"page|pages|item|items|paragraph|para|appendix|annex|table|chart|figure|phase|priority|"
    r"step|option|q|quarter|no\.?|number|ward|room|floor|version|covid|cohort)\s*$", re.I)


def number(text: str) -> float | None:
    """Return the number written in a cell or phrase ('1,234', '72.1%'), if it is one."""
    match = re.fullmatch(r"£?\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*%?", text.strip())
    if not match:
        return None
    return float(match.group(1).replace(",", ""))


def find_statistics(blocks: tuple[Block, ...] | list[Block]) -> list[StatisticDraft]:
    """Return the numbers stated in ``blocks``: headline lines, sentences, then tables."""
    found: list[StatisticDraft] = []
    table: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and (block.kind == "row" or _is_tab_table(block)):
            table.append(block)
            continue
        if table:
            found.extend(_table_statistics(table))
            table = []
        if block is not None:
            found.extend(_text_statistics(block))
    return found


def _is_tab_table(block: Block) -> bool:
    rows = [line for line in block.lines if len(line.cells) >= 3]
    return len(rows) >= 2


def _text_statistics(block: Block) -> list[StatisticDraft]:
    results = []
    for line in block.lines if block.kind != "heading" else ():
        total = _TOTAL_LINE.match(line.text.strip())
        if total:
            draft = _draft(total.group("value"), total.group("pct"), total.group("label"),
                           "£" if "£" in line.text else None, line.text, line.number)
            draft.confidence = 3
            results.append(draft)
            continue
        headline = _HEADLINE.match(line.text.strip())
        if headline and not _is_year(headline.group("value")) and not re.match(
            r"^x\b", headline.group("label")
        ) and len(headline.group("label").split()) >= 2 and not re.match(
            r"(?:of|and|or|to|in|for)\b", headline.group("label")) and (
                float(headline.group("value").replace(",", "")) >= 10):
            draft = _draft(headline.group("value"), headline.group("pct"),
                           headline.group("label").strip(" ,"), None, line.text, line.number)
            draft.confidence = 4
            results.append(draft)
            continue
    if results:
        return results
    text = block.text
    for sentence in re.split(r"(?<=[.;])\s+", text):
        for match in _SENTENCE.finditer(sentence):
            if _not_a_count(sentence, match):
                continue
            unit = match.group("unit").split()[0]
            if _not_a_unit(unit) or not (unit[:1].islower() or _ACRONYM.fullmatch(unit)):
                continue  # '392 Young People' starts a name; a unit is a plain word or 'PEPs'
            draft = _draft(match.group("value"), match.group("pct"), _label(sentence),
                           unit, sentence, block.start)
            draft.confidence = 3
            results.append(draft)
        for pattern in _COUNTED:
            for match in pattern.finditer(sentence):
                unit = match.group("unit")
                if _not_a_count(sentence, match) or (unit and (
                        _not_a_unit(unit) or (unit[:1].isupper()
                                              and not _ACRONYM.fullmatch(unit.split()[0])))):
                    continue
                draft = _draft(match.group("value"), match.groupdict().get("pct"),
                               _label(sentence),
                               match.group("unit"), sentence, block.start)
                draft.confidence = 1 if _in_brackets(sentence, match.start("value")) else 2
                results.append(draft)
        for match in _SUBJECT_WAS.finditer(sentence):
            if _not_a_count(sentence, match):
                continue
            draft = _draft(match.group("value"), match.group("pct"), _label(sentence), None,
                           sentence, block.start)
            draft.confidence = 2
            results.append(draft)
    return results


def _table_statistics(rows: list[Block]) -> list[StatisticDraft]:
    lines = [(row.cells if row.kind == "row" else tuple(line.cells), line.number)
             for row in rows for line in (row.lines if row.kind != "row" else row.lines[:1])]
    if not lines:
        return []
    header = [cell for cell in lines[0][0]] if all(number(c) is None for c in lines[0][0]) else []
    ranking = any(re.fullmatch(r"rank(?:ing)?", cell.strip(), re.I)
                  for cells, _ in lines[:2] for cell in cells)
    totals = bool(header) and bool(_TOTAL.fullmatch(header[-1].strip()))
    results = []
    for row_cells, line_number in lines[1:] if header else lines:
        cells = list(row_cells)
        if not cells or number(cells[0]) is not None:
            continue
        values = [(position, number(cell)) for position, cell in enumerate(cells)]
        numeric = [(position, value) for position, value in values if value is not None]
        if not numeric:
            continue
        position, value = numeric[-1] if totals else numeric[0]
        unit = "%" if cells[position].strip().endswith("%") else None
        if unit is None and header:
            offset = len(header) - len(cells)
            name = header[position + offset] if 0 <= position + offset < len(header) else ""
            if re.search(r"\bpage", name, re.I):
                continue  # a table of contents, not figures
            unit = name or None
        period = next((found.group(0) for name in header if (found := _PERIOD.search(name))),
                      None)
        draft = StatisticDraft(cells[0], value, unit if not totals else None, period,
                               line_number)
        if _TOTAL.match(cells[0]):
            draft.confidence = 3  # 'Total Income 102,962': the figure the table adds up to
        elif totals or (header and any(_PERIOD.fullmatch(name.strip()) for name in header[1:])):
            draft.confidence = 2  # a row's total, or its figures under year columns
        if ranking:
            draft.confidence = 1  # places in a ranking, not amounts
        if header and not totals and len(numeric) > 1 and len(header) >= len(cells) - 1:
            offset = len(header) - len(cells)
            for column, column_value in numeric:
                name = header[column + offset] if 0 <= column + offset < len(header) else ""
                if name and column_value is not None:
                    draft.breakdown[name] = column_value
        results.append(draft)
    return results


def _draft(value: str, pct: str | None, label: str, unit: str | None, context: str,
           line: int) -> StatisticDraft:
    period = _PERIOD.search(context)
    amount = _NUMBER_WORDS.get(value.lower())
    return StatisticDraft(
        label=label, value=float(amount if amount is not None else value.replace(",", "")),
        unit="%" if pct else unit,
        period=period.group(0) if period else None, line=line,
    )


def _label(sentence: str) -> str:
    sentence = " ".join(sentence.split()).strip(" -•·")
    return sentence if len(sentence) <= 160 else sentence[:157].rsplit(" ", 1)[0] + "..."


def _not_a_count(sentence: str, match: re.Match[str]) -> bool:
    """Say whether a matched number is a year, part of a date or name, or an age."""
    before = sentence[:match.start("value")]
    return bool(_is_year(match.group("value"))
                or _inside_date(sentence, match.start("value"))
                or _NOT_A_COUNT_AFTER.match(sentence[match.end("value"):])
                or re.search(r"\b(?:aged?|under|over)\s*$|\d\s*(?:to|-|–)\s*$", before, re.I)
                or _NAMING_WORD.search(before) or _MONTH_BEFORE.search(before)
                or _NAMING_WORD.search(re.sub(r"\s*\d+\s*(?:and|or|to|-|–)\s*$", "", before)))


def _not_a_unit(unit: str) -> bool:
    """Say whether the words after a number cannot be what it counts."""
    return unit.split()[0].lower() in _NOT_UNITS or bool(_DURATIONS.match(unit))


def _in_brackets(sentence: str, position: int) -> bool:
    """Say whether a number sits in an aside '(when there had been a 43% increase ...)'."""
    before = sentence[:position]
    return before.count("(") > before.count(")")


def _is_year(value: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", value))


def _inside_date(text: str, position: int) -> bool:
    return any(abs(found.position - position) <= 3 for found in find_dates(text))
