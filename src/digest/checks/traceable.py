"""facts-traceable: every number and date a page states is in the lines of the paper it cites.

A statistic's value, parts and period, and every figure in a decision or recommendation, must be
found in its cited lines, as printed or in an equivalent form ("£3.63m" for "£3.63 million",
"twenty-one" for "21"): an error. Summaries, points and findings may add context, so a figure
there that the lines do not hold is a warning. A statistic, recommendation or finding of a report
must cite its own lines; in a meeting, an item's lines stand for its decisions and figures.

PASS: "Councillors agreed to spend £2.75 million" citing a line that says "£2.75m".
FAIL: "The trust expects to overspend by £9.99 million" citing lines that do not say it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from digest.checks.phone import phone_numbers
from digest.checks.rule import RuleSettings, finding, texts
from digest.checks.texts import Text
from digest.facts import DIGIT, Fact, facts_in, number_fact, support, supported
from digest.findings import Finding, Level
from digest.load import field_path
from digest.model import (
    IDENTIFIER,
    WEB_ADDRESS,
    Content,
    Entry,
    LineRange,
    Loc,
    Review,
    Source,
    Statistic,
)
from digest.papers import paper_lines

ID = "facts-traceable"
LEVEL: Level = "error"
# Parts of a record whose figures must be exactly those of the paper.
EXACT = {"statistics", "decisions", "recommendations"}
# Parts of a report that must cite their own lines.
OWN_LINES = {"statistics", "recommendations", "findings"}
# Their digits are parts of names and addresses, not figures a reader is told.
_NOT_FIGURES = {IDENTIFIER.name, WEB_ADDRESS.name}


class Settings(RuleSettings):
    """No settings."""


def check(content: Content, settings: Settings) -> Iterator[Finding]:
    """Report figures that the cited lines do not hold, and report parts that cite no lines."""
    papers = content.papers_dir
    if papers is None:
        return
    paper = functools.cache(functools.partial(paper_lines, papers))  # each read once a check
    by_entry: dict[int, list[Text]] = {}
    # Only a text with a digit can state a figure (facts_in).
    for text in texts(content, lambda text: text.role.name not in _NOT_FIGURES, DIGIT.search):
        by_entry.setdefault(id(text.entry), []).append(text)
    for entry in content.entries:
        source = getattr(entry.record, "source", None)
        if not isinstance(source, Source) or source.paper not in content.papers:
            continue
        yield from _unsourced(entry)
        cite = functools.partial(_Cited, source.paper, paper(source.paper))
        for text in by_entry.get(id(entry), []):
            facts = _figures(text.value)
            lines = _lines_for(entry, text.loc) if facts else None  # most texts state none
            if lines is not None:
                yield from _unsupported(text, facts, cite(lines))
        yield from _statistic_values(entry, cite)


@dataclass(frozen=True)
class _Cited:
    """The lines of a paper that a part of a record cites."""

    paper: str
    paper_lines: list[str]
    lines: tuple[int, int]

    @property
    def text(self) -> str:
        first, last = self.lines
        return "\n".join(self.paper_lines[first - 1:last])


def _unsupported(text: Text, facts: list[Fact], cited: _Cited,
                 level: Level | None = None) -> Iterator[Finding]:
    block = cited.text
    # A figure printed in the lines as the page prints it is found without reading every figure
    # of the lines (the costly part at national scale); any other is looked for in every form.
    facts = [fact for fact in facts if not _printed_in(fact, block)]
    if not facts:
        return
    known = _support(block)
    exact = bool(EXACT.intersection(str(part) for part in text.loc))
    first, last = cited.lines
    for fact in facts:
        if not supported(fact, known):
            yield finding(
                text, ID, level or ("error" if exact else "warning"),
                f"'{fact.shown}' is not in the lines it cites ({cited.paper} lines "
                f"{first}-{last})",
                "check the figure against the paper, or cite the lines that state it")


def _figures(value: str) -> list[Fact]:
    """Return the facts a text states; a phone number is the privacy rules' concern, not one."""
    facts = facts_in(value)
    if not facts:
        return facts
    phones = [(start, end) for start, end, _ in phone_numbers(value)]
    return [fact for fact in facts if not any(start <= fact.start < end for start, end in phones)]


def _statistic_values(entry: Entry,
                      cite: Callable[[tuple[int, int]], _Cited]) -> Iterator[Finding]:
    """The value and the parts of every statistic are figures the page shows too."""
    for loc, statistic in _statistics(entry.record, entry.loc):
        lines = _lines_for(entry, loc)
        if lines is None:
            continue
        values = [((*loc, "value"), statistic.value)]
        values += [((*loc, "breakdown", key), part)
                   for key, part in (statistic.breakdown or {}).items()]
        for where, value in values:
            text = Text(entry, where, str(value), IDENTIFIER)
            yield from _unsupported(text, [number_fact(value)], cite(lines), "error")


def _statistics(record: Any, loc: Loc) -> Iterator[tuple[Loc, Statistic]]:
    for i, statistic in enumerate(getattr(record, "statistics", [])):
        yield (*loc, "statistics", i), statistic
    for i, item in enumerate(getattr(record, "items", [])):
        if not item.withheld:
            yield from _statistics(item, (*loc, "items", i))


def _unsourced(entry: Entry) -> Iterator[Finding]:
    """A report's statistics, recommendations and findings each cite their own lines."""
    if not isinstance(entry.record, Review):
        return
    for part in sorted(OWN_LINES):
        for i, element in enumerate(getattr(entry.record, part)):
            if element.source is None:
                loc = (*entry.loc, part, i)
                yield Finding(entry.document.path, entry.document.line_of(loc),
                              field_path(loc), "cites no lines of the paper",
                              hint="add source: {lines: [first, last]} with the lines it is "
                              "drawn from", rule=ID)


def _lines_for(entry: Entry, loc: Loc) -> tuple[int, int] | None:
    """Return the lines the nearest part of the record around ``loc`` cites."""
    nodes: list[Any] = [entry.record]
    for part in loc[len(entry.loc):]:
        current = nodes[-1]
        try:
            nodes.append(current[part] if isinstance(part, int) else getattr(current, part))
        except (AttributeError, IndexError, KeyError, TypeError):
            break
    for node in reversed(nodes):
        source = getattr(node, "source", None)
        if isinstance(source, LineRange):
            return source.lines
    return None


def _printed_in(fact: Fact, block: str) -> bool:
    """Return True if the lines print the figure as the page shows it (or a time in one of the
    usual ways: 18:00 as "6.00 pm"), not inside a longer figure or word ("1,200" is not in
    "11,200" or "1,200.5")."""
    return any(_stands_alone(printed, block) for printed in _printings(fact))


_STARTS_A_FIGURE = re.compile(r"(?<![\w.,])")
_ENDS_A_FIGURE = re.compile(r"(?!\w|[.,]\d)")


def _stands_alone(printed: str, block: str) -> bool:
    """Return True if ``printed`` is in ``block`` with no figure or word around it: where it
    is found, not a pattern compiled for it (national scale has more figures than Python's
    cache of patterns)."""
    start = block.find(printed)
    while start >= 0:
        if (_STARTS_A_FIGURE.match(block, start)
                and _ENDS_A_FIGURE.match(block, start + len(printed))):
            return True
        start = block.find(printed, start + 1)
    return False


def _printings(fact: Fact) -> list[str]:
    printings = [fact.shown]
    for kind, value in fact.keys:
        if kind == "time" and isinstance(value, tuple):
            hour, minute = value
            twelve, half = (hour - 1) % 12 + 1, "pm" if hour >= 12 else "am"
            printings += [f"{hour:02d}:{minute:02d}", f"{hour}:{minute:02d}",
                          f"{twelve}.{minute:02d} {half}", f"{twelve}.{minute:02d}{half}",
                          f"{twelve}:{minute:02d} {half}", f"{twelve}:{minute:02d}{half}"]
            if minute == 0:
                printings += [f"{twelve} {half}", f"{twelve}{half}"]
    return printings


@functools.lru_cache(maxsize=4096)
def _support(text: str) -> frozenset[tuple[str, object]]:
    """Kept by the cited text itself, so an edited paper is read afresh."""
    return support(text)
