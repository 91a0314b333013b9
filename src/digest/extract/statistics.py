"""Numbers a report states: in short headline lines, in sentences, and in tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.extract.dates import find_dates
from digest.extract.source import Block

_VALUE = r"(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<pct>\s?%)?"
_HEADLINE = re.compile(rf"^{_VALUE}\s+(?P<label>[A-Za-z][A-Za-z'’ ,&()/-]{{3,80}}?)"
                       r"(?:\s*\((?:1 in [\d,]+|[\d.]+%)[^)]*\))?$")
# Other ways reports count: '30 were expected deaths', 'compares to 180 contacts', 'a 33% increase'.
_COUNTED = [
    re.compile(rf"(?:^|[\s(]){_VALUE}\s+(?:were|was)\s+(?P<unit>[a-z]+(?: [a-z]+)?)\b", re.I),
    re.compile(rf"\bcompare[sd]?\s+(?:to|with)\s+{_VALUE}\s+(?P<unit>[a-z]+)\b", re.I),
    re.compile(rf"(?:^|[\s(]){_VALUE}\s+(?P<unit>increase|decrease|rise|fall|reduction)\b",
               re.I),
]
# 'The population was estimated to be around 603,675': a figure named by its sentence's subject.
_SUBJECT_WAS = re.compile(
    r"(?P<label>(?:the\s+)?[a-z][\w'’ -]{3,60}?)\s+(?:was|were|is|are|stood at|totalled|"
    r"rose to|fell to)\s+(?:estimated to be\s+)?(?:around|about|approximately)?\s*"
    rf"£?{_VALUE}(?!\s*(?:years?|months?|weeks?|days?)\b)", re.I)
# 'Since September 22': a year after a month, not a count.
_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.I)
_SENTENCE = re.compile(
    rf"(?:^|[\s(])(?:there (?:have been|has been|were|was|are|is) )?{_VALUE}\s+"
    r"(?P<unit>[a-z][a-z-]+(?: [a-z][a-z-]+)?)\s+(?:were|was|have been|had been|are|is|"
    r"received|recorded|held|completed|attended|referred|notified)\b", re.I,
)
_PERIOD = re.compile(r"\b(?:19|20)\d\d\s?[-/–]\s?(?:19|20)?\d\d\b|\b(?:Q[1-4]\s)?(?:19|20)\d\d\b")
_NOT_UNITS = {"of", "and", "the", "to", "in", "per", "or", "x"}


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
    chosen: dict[float, StatisticDraft] = {}
    for statistic in sorted((s for s in found if s.confidence >= 2), key=lambda s: s.rank):
        chosen.setdefault(statistic.value, statistic)  # a figure the paper repeats, once
    return sorted(list(chosen.values())[:limit], key=lambda s: s.line)


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
        headline = _HEADLINE.match(line.text.strip())
        if headline and not _is_year(headline.group("value")) and not re.match(
            r"^x\b", headline.group("label")
        ) and len(headline.group("label").split()) >= 2 and (
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
            before = sentence[:match.start("value")]
            if (_is_year(match.group("value")) or _inside_date(sentence, match.start("value"))
                    or re.search(r"\b(?:aged?|under|over)\s*$", before)
                    or _NAMING_WORD.search(before) or _MONTH_BEFORE.search(before)):
                continue
            unit = match.group("unit").split()[0]
            if unit.lower() in _NOT_UNITS or not unit[:1].islower():
                continue  # '392 Young People' starts a name; a unit is a plain word
            draft = _draft(match.group("value"), match.group("pct"), _label(sentence),
                           unit, sentence, block.start)
            draft.confidence = 3
            results.append(draft)
        for pattern in _COUNTED:
            for match in pattern.finditer(sentence):
                before = sentence[:match.start("value")]
                if (_is_year(match.group("value")) or _MONTH_BEFORE.search(before)
                        or _NAMING_WORD.search(before)
                        or _inside_date(sentence, match.start("value"))):
                    continue
                draft = _draft(match.group("value"), match.group("pct"), _label(sentence),
                               match.group("unit"), sentence, block.start)
                draft.confidence = 2
                results.append(draft)
        for match in _SUBJECT_WAS.finditer(sentence):
            before = sentence[:match.start("value")]
            if (_is_year(match.group("value")) or _inside_date(sentence, match.start("value"))
                    or _MONTH_BEFORE.search(before) or _NAMING_WORD.search(before)):
                continue
            draft = _draft(match.group("value"), match.group("pct"), _label(sentence), None,
                           sentence, block.start)
            draft.confidence = 2
            results.append(draft)
    return results


def _table_statistics(rows: list[Block]) -> list[StatisticDraft]:
    lines = [(row.cells if row.kind == "row" else tuple(line.cells), row.start)
             for row in rows for line in (row.lines if row.kind != "row" else row.lines[:1])]
    if not lines:
        return []
    header = [cell for cell in lines[0][0]] if all(number(c) is None for c in lines[0][0]) else []
    results = []
    for row_cells, line_number in lines[1:] if header else lines:
        cells = list(row_cells)
        if not cells or number(cells[0]) is not None:
            continue
        values = [(position, number(cell)) for position, cell in enumerate(cells)]
        numeric = [(position, value) for position, value in values if value is not None]
        if not numeric:
            continue
        position, value = numeric[0]
        unit = "%" if cells[position].strip().endswith("%") else None
        if unit is None and header:
            offset = len(header) - len(cells)
            name = header[position + offset] if 0 <= position + offset < len(header) else ""
            if re.search(r"\bpage", name, re.I):
                continue  # a table of contents, not figures
            unit = name or None
        draft = StatisticDraft(cells[0], value, unit, None, line_number)
        if header and any(_PERIOD.fullmatch(name.strip()) for name in header[1:]):
            draft.confidence = 2  # a row of figures under year columns: label, value, period
        if header and len(numeric) > 1 and len(header) >= len(cells) - 1:
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
    return StatisticDraft(
        label=label, value=float(value.replace(",", "")), unit="%" if pct else unit,
        period=period.group(0) if period else None, line=line,
    )


def _label(sentence: str) -> str:
    sentence = " ".join(sentence.split()).strip(" -•·")
    return sentence if len(sentence) <= 160 else sentence[:157].rsplit(" ", 1)[0] + "..."


def _is_year(value: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", value))


def _inside_date(text: str, position: int) -> bool:
    return any(abs(found.position - position) <= 3 for found in find_dates(text))
