"""Agenda items and their decisions, in the many styles councils print them.

Item headings: '60 **Apologies**', '### 1/24 **Apologies for Absence**', '54/22 Apologies',
'4.', '4.0', 'Item 5', a number alone with the title on the next line ('6/24' then
'## Child Friendly Sandwell'; 'CYP 67/08' then its title), agenda tables with page numbers, and
tab-separated agenda lines ('1.<TAB>Apologies To receive apologies...').

Decisions: 'Resolved', 'RESOLVED that', 'Resolved –', 'CONCLUDED that', 'it was agreed',
'The Board agreed/noted', 'Recommendation' headings, numbered and '(a) ... (b) ...' lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from digest.extract.dates import find_time, first_date
from digest.extract.source import Block

# '65', '5/24', '4.0', 'CYP 67/08', 'CSSC/23/41': as printed, with a committee's prefix or not.
NUMBER = r"(?:[A-Z]{2,6}[\s/])?\d{1,3}(?:[./]\d{1,3}){0,2}[.)]?"
_ITEM_WORD = r"(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?)?"
_NUMBER_ONLY = re.compile(rf"^{_ITEM_WORD}(?P<num>{NUMBER})$", re.I)
_BOLD_TITLE = re.compile(
    rf"^\s*(?:#{{1,6}}\s*)?(?:item\s+)?(?P<num>{NUMBER})\s+(?:\*\*|<b>)(?P<title>[^*<]+?)"
    r"(?:\*\*|</b>)\s*$", re.I,
)
_PLAIN_TITLE = re.compile(rf"^{_ITEM_WORD}(?P<num>{NUMBER})[\s:–-]+(?P<title>[A-Z].+)$", re.I)
_PURPOSE = re.compile(
    r"^(?P<title>.+?)\s+(?P<purpose>(?:To|An|A|Members|This|The purpose|Report|Update)\s+[a-z].*)$"
)
_STANDING_ITEM = re.compile(r"^(?:date of (?:the )?next meeting|any other (?:urgent )?business|"
                            r"urgent (?:additional )?(?:items of )?business|exclusion of "
                            r"(?:the )?(?:press and )?public)$", re.I)
_CLOSING = re.compile(r"^(there being no further business|signed\b|meeting ended|the meeting "
                      r"(?:ended|closed|terminated))", re.I)


@dataclass
class Heading:
    """An item heading: its number as printed, title, agenda purpose, and how it was found."""

    number: str | None
    title: str
    purpose: str | None
    index: int
    size: int
    rule: str


@dataclass
class DecisionDraft:
    """One resolved point with its kind and line."""

    text: str
    kind: str
    line: int


@dataclass
class ItemDraft:
    """An item as drafted from the paper."""

    heading: Heading
    start: int
    end: int
    points: list[str] = field(default_factory=list)
    decisions: list[DecisionDraft] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)


def units(blocks: tuple[Block, ...] | list[Block]) -> list[Block]:
    """Split paragraphs whose lines each start with a number (agenda lists) into one per line."""
    result: list[Block] = []
    for block in blocks:
        starts = [i for i, line in enumerate(block.lines)
                  if i == 0 or re.match(rf"^{NUMBER}(?:\t|\s+\S)", line.text)
                  and (line.cells[0] if line.cells else "").rstrip(".)").replace("/", "").isdigit()]
        if len(starts) <= 1 or block.kind == "row":
            result.append(block)
            continue
        for first, last in zip(starts, [*starts[1:], len(block.lines)], strict=True):
            result.append(Block(block.kind, block.lines[first:last], block.level, block.cells))
    return result


def _leading_number(number: str) -> int | None:
    """Return the part of an item number that counts up: '5' of '5/24', '67' of 'CYP 67/08',
    '41' of 'CSSC/23/41' (committee, year, then the item)."""
    groups = re.findall(r"\d+", number)
    if not groups:
        return None
    counts_last = len(groups) >= 3 or bool(re.match(r"^[A-Za-z]+/", number))
    return int(groups[-1] if counts_last else groups[0])


HeadingRule = Callable[[list[Block], int], Heading | None]


def bold_title(blocks: list[Block], index: int) -> Heading | None:
    """'60 **Apologies**' or '### 1/24 **Apologies for Absence**'."""
    block = blocks[index]
    match = _BOLD_TITLE.match(block.lines[0].raw)
    if match and len(block.lines) == 1:
        return Heading(match.group("num").rstrip(".)"), " ".join(match.group("title").split()),
                       None, index, 1, "bold-title")
    return None


def table_row(blocks: list[Block], index: int) -> Heading | None:
    """An agenda table row: number, title and page numbers; the purpose in the next row."""
    block = blocks[index]
    cells = [cell for cell in block.cells]
    if block.kind != "row" or len(cells) < 2 or not _NUMBER_ONLY.match(cells[0] or "-"):
        return None
    purpose, size = None, 1
    if index + 1 < len(blocks) and blocks[index + 1].kind == "row":
        following = blocks[index + 1].cells
        if following and not following[0] and len(following) > 1 and following[1]:
            purpose, size = following[1], 2
    return Heading(cells[0].rstrip(".)"), cells[1], purpose, index, size, "agenda-table")


def tabbed_line(blocks: list[Block], index: int) -> Heading | None:
    """'1.<TAB>Apologies To receive apologies...<TAB>Enclosed' from a converted agenda."""
    cells = blocks[index].lines[0].cells
    if len(cells) < 2 or not _NUMBER_ONLY.match(cells[0]):
        return None
    title, purpose = cells[1], None
    split = _PURPOSE.match(title)
    if split:
        title, purpose = split.group("title"), split.group("purpose")
    return Heading(cells[0].rstrip(".)"), title.strip(), purpose, index, 1, "agenda-line")


def plain_title(blocks: list[Block], index: int) -> Heading | None:
    """'54/22 Apologies' or '5. Safeguarding update': a short numbered line, not a sentence."""
    block = blocks[index]
    if len(block.lines) != 1 or _is_dated(block.text):
        return None
    match = _PLAIN_TITLE.match(block.text)
    if not match:
        return None
    title = match.group("title").strip()
    if title.endswith((".", ",", ";", ":")) or len(title.split()) > 14:
        return None
    return Heading(match.group("num").rstrip(".)"), title, None, index, 1, "numbered-title")


def number_alone(blocks: list[Block], index: int) -> Heading | None:
    """A number on its own line ('6/24', 'CYP 67/08', 'Item 5') with the title on the next."""
    block = blocks[index]
    if len(block.lines) == 2 and _NUMBER_ONLY.match(block.lines[0].text.strip()):
        title = block.lines[1].text.strip()  # 'CYP 67/08' and its title in one paragraph
        number = _NUMBER_ONLY.match(block.lines[0].text.strip())
        if number and title and not title.endswith(".") and len(title.split()) <= 14:
            return Heading(number.group("num").rstrip(".)"), title, None, index, 1,
                           "number-then-title")
    match = _NUMBER_ONLY.match(block.text)
    if not match or index + 1 >= len(blocks):
        return None
    following = blocks[index + 1]
    title = following.text
    if (following.kind == "row" or not title or title.endswith((".", ";"))
            or len(title.split()) > 14 or _is_dated(title)):
        return None
    return Heading(match.group("num").rstrip(".)"), title, None, index, 2, "number-then-title")


def standing_item(blocks: list[Block], index: int) -> Heading | None:
    """An unnumbered standing item such as 'Date of next meeting' on its own line."""
    text = blocks[index].text.strip(" :")
    if len(blocks[index].lines) == 1 and _STANDING_ITEM.match(text):
        return Heading(None, text, None, index, 1, "standing-item")
    return None


def _is_dated(text: str) -> bool:
    """A line that starts with a date or a time is a meeting's heading, not an item."""
    return bool(first_date(text) or find_time(text)) and len(text.split()) <= 8


HEADING_RULES: list[HeadingRule] = [
    bold_title, table_row, tabbed_line, number_alone, plain_title, standing_item,
]
# Rules that only match numbered text: trusted only if numbers go up, so that a numbered list
# of decisions inside an item is not mistaken for new items.
_ORDERED_RULES = {"numbered-title", "number-then-title", "agenda-line"}


_PAGES = re.compile(r"\s*\(?\bpages?\s+\d+(?:\s*[-–]\s*\d+)?\)?\s*$", re.I)
_PURPOSE_START = re.compile(r"^(?:to|members to|the purpose of)\s+[a-z]", re.I)


def tidy_heading(heading: Heading, blocks: list[Block]) -> Heading:
    """Drop page references from a title; take an agenda purpose from the line after it."""
    heading.title = _PAGES.sub("", heading.title).strip()
    after = heading.index + heading.size
    if heading.purpose is None and after < len(blocks):
        following = blocks[after]
        if following.kind != "heading" and _PURPOSE_START.match(following.text):
            heading.purpose = following.text
    return heading


def find_headings(blocks: list[Block]) -> list[Heading]:
    """Return the item headings in ``blocks``, in order.

    Numbered headings are looked for first; a paper without any falls back to its unnumbered
    headings (Markdown headings or whole bold lines) after the attendance lists.
    """
    numbered = _numbered_headings(blocks)
    unnumbered = _unnumbered_headings(blocks) if len(numbered) < 2 else []
    chosen = unnumbered if len(unnumbered) > len(numbered) else numbered
    return [tidy_heading(heading, blocks) for heading in chosen]


_NOT_ITEM = re.compile(r"^(present|apologies:|officers|members|in attendance|also present|"
                       r"resolved|recommendations?|minutes of|agenda|date|time|venue)\b", re.I)


def _unnumbered_headings(blocks: list[Block]) -> list[Heading]:
    headings = []
    for index, block in enumerate(blocks):
        raw = block.lines[0].raw.strip()
        bold_line = len(block.lines) == 1 and re.fullmatch(r"(\*\*|__)[^*_]+\1", raw)
        if not (block.kind == "heading" or bold_line) or index == 0:
            continue
        text = block.text.strip(" :")
        if (not text or text.endswith(".") or len(text.split()) > 14 or _NOT_ITEM.match(text)
                or _is_dated(text)):
            continue
        headings.append(Heading(None, text, None, index, 1, "unnumbered-heading"))
    return headings


def _numbered_headings(blocks: list[Block]) -> list[Heading]:
    headings: list[Heading] = []
    index = 0
    while index < len(blocks):
        heading = next((h for rule in HEADING_RULES if (h := rule(blocks, index))), None)
        if heading and heading.rule in _ORDERED_RULES and headings:
            previous = _leading_number(headings[-1].number or "")
            current = _leading_number(heading.number or "")
            if previous is not None and (current is None or current <= previous):
                heading = None
        if heading:
            headings.append(heading)
            index += heading.size
        else:
            index += 1
    return headings


def read_items(
    blocks: list[Block], headings: list[Heading], last_line: int, with_body: bool = True
) -> list[ItemDraft]:
    """Return each item with its body, points and decisions (an agenda's items have no body)."""
    items = []
    for number, heading in enumerate(headings):
        end_index = headings[number + 1].index if number + 1 < len(headings) else len(blocks)
        body = blocks[heading.index + heading.size:end_index] if with_body else []
        body = _until_closing(body)
        start = blocks[heading.index].start
        end = body[-1].end if body else blocks[heading.index + heading.size - 1].end
        item = ItemDraft(heading, start, min(end, last_line), body=body)
        item.points, item.decisions = read_body(body)
        items.append(item)
    return items


def _until_closing(body: list[Block]) -> list[Block]:
    for position, block in enumerate(body):
        if _CLOSING.match(block.text):
            return body[:position]
    return body


_MARKER = re.compile(
    r"^(?:it was\s+)?(?P<word>resolved|concluded|agreed|recommended|recommendations?|decisions?|"
    r"actions?)"
    r"\b\s*"
    r"[:–—-]?\s*(?P<rest>.*)$", re.I,
)
_BODY_DECISION = re.compile(
    r"^(?:the\s+(?:board|committee|panel|cabinet|sub-committee|council)\s+"
    r"(?:unanimously\s+)?(?:agreed|resolved|noted|endorsed|approved)|it was\s+(?:unanimously\s+)?"
    r"(?:agreed|resolved))\b", re.I,
)
_ENUMERATOR = re.compile(r"^(?:\d{1,2}[.)]|\([a-z]{1,4}\)|[a-z][.)])\s+", re.I)
_INLINE_LIST = re.compile(r"\s\((?:[a-h]|i{1,3}|iv|v|vi{0,3})\)\s")


def read_body(body: list[Block]) -> tuple[list[str], list[DecisionDraft]]:
    """Split an item's body into discussion points and decisions."""
    points: list[str] = []
    decisions: list[DecisionDraft] = []
    marker: str | None = None
    for block in body:
        text = block.text
        found = _MARKER.match(text)
        if found and not text.endswith((":-",)):
            marker = found.group("word").lower()
            rest = found.group("rest").strip()
            if rest.lower().strip(" :–-") == "that":
                rest = ""
            if rest:
                decisions.extend(_decisions(rest, marker, block.start))
            continue
        sentence = _BODY_DECISION.match(text)
        if sentence and not text.rstrip().endswith((":", ":-")):
            decisions.append(DecisionDraft(_tidy(text), classify(text, None), block.start))
            continue
        if marker is not None:
            decisions.extend(_decisions(text, marker, block.start))
        else:
            points.append(text)
    return points, decisions


def _decisions(text: str, marker: str, line: int) -> list[DecisionDraft]:
    parts = [part for part in _INLINE_LIST.split(" " + text + " ") if part.strip()]
    drafts = []
    for part in parts:
        tidy = _tidy(part)
        if tidy and len(tidy.split()) >= 2:
            drafts.append(DecisionDraft(tidy, classify(tidy, marker), line))
    return drafts


def _tidy(text: str) -> str:
    text = _ENUMERATOR.sub("", " ".join(text.split())).strip(" *;")
    text = re.sub(r"[;,]\s*(?:and|or)$", "", text).strip(" ;")
    text = re.sub(r"^(?:that)\b", "That", text, flags=re.I)
    return text[:1].upper() + text[1:] if text else text


def classify(text: str, marker: str | None) -> str:
    """Return the kind of a decision: deferred, recommended, action, noted or agreed."""
    lowered = text.lower()
    if re.search(r"\bdefer", lowered):
        return "deferred"
    if marker and marker.startswith("action"):
        return "action"
    if marker and marker.startswith("recommend") or re.search(
        r"\b(?:recommend|recommended|recommends)\b", lowered
    ):
        return "recommended"
    if re.search(r"\bletter\b|\bwrites? to\b|\bbe (?:sent|circulated|shared|provided|invited)\b"
                 r"|\breport back\b", lowered):
        return "action"
    if re.search(r"\bnoted?\b", lowered):
        return "noted"
    return "agreed"
