"""Read a PDF into the same kind of text the extractor reads from a converted paper.

pdfplumber gives every word with its position, font and size, and ruled tables as rows. From
those this module rebuilds what a person sees: paragraphs (a gap, or a line that stops short of
the margin, ends one), bold runs as **bold**, larger lines as headings, columns of words far
apart as tab-separated cells, ruled tables as Markdown rows, two-column pages read column by
column, words broken by a hyphen at a line's end joined again, and page headers and footers
("Page 5 of 40", a title repeated on every page) left out. Each output line remembers its page.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.errors import DigestError

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_HYPHENATED = re.compile(r"[A-Za-z]-$")
# A bullet, or a number or letter in a list ('1b)', 'a.', '4.2'): a new entry, not a wrapped line.
_LIST_START = re.compile(r"^(?:\*\*)?(?:[-•·▪●◦]\s|\(?\d{1,2}(?:\.\d{1,2})?[a-z]?[.)]\s|"
                         r"\(?[a-z][.)]\s)")


class PdfError(DigestError):
    """The PDF cannot be read (damaged, encrypted, or only images)."""

    def report(self) -> str:
        """Return the reason as a sentence the command line prints."""
        return f"Cannot extract: {self}."


@dataclass
class _Line:
    """One line of words on a page, with where it stands."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    table: bool = False
    heading: bool = False
    margin: bool = False  # in the top or bottom margin of the page, where running lines go


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF and the page each of its lines came from."""

    text: str
    pages: tuple[int, ...]  # pages[n - 1] is the page of line n


def read_pdf(path: Path) -> PdfText:
    """Return the PDF's text, one paragraph or table row per line group, with page numbers."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(path) as pdf:
            pages = [_page_lines(page, number) for number, page in enumerate(pdf.pages, 1)]
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        reason = str(exc)
        if "encrypt" in reason.lower() or "password" in reason.lower():
            raise PdfError(f"{path} is protected by a password") from exc
        raise PdfError(f"{path} could not be read as a PDF: it may be damaged") from exc
    lines = _without_running_lines(pages)
    if not any(line.text.strip() for line in lines):
        raise PdfError(f"{path} has no text in it (a scan needs to be read by OCR first)")
    return _as_text(lines)


def _page_lines(page: Any, number: int) -> list[_Line]:
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside(obj: dict[str, Any]) -> bool:
        return not any(x0 <= obj["x0"] and obj["x1"] <= x1 and top <= obj["top"] and
                       obj["bottom"] <= bottom for x0, top, x1, bottom in boxes)

    words = page.filter(outside).extract_words(extra_attrs=["fontname", "size"],
                                               x_tolerance=1.5, y_tolerance=2.5)
    lines: list[_Line] = []
    for column in _columns(words, float(page.width)):
        lines.extend(_lines_of(column, number))
    height = float(page.height)
    for line in lines:
        line.margin = line.top < 0.07 * height or line.bottom > 0.93 * height
    for table in tables:
        rows = [row for row in table.extract() if any(cell for cell in row)]
        for i, row in enumerate(rows):
            text = "| " + " | ".join(" ".join((cell or "").split()) for cell in row) + " |"
            if i == 0:
                text += "\n|" + "---|" * len(row)
            top = float(table.bbox[1]) + i
            lines.append(_Line(text, float(table.bbox[0]), float(table.bbox[2]), top, top,
                               0.0, number, table=True))
    return sorted(lines, key=lambda line: (line.x0 > page.width / 2 and not line.table
                                           and _two_columns(lines, page.width), line.top))


def _two_columns(lines: list[_Line], width: float) -> bool:
    return sum(1 for line in lines if line.x0 > width / 2) > len(lines) / 3


def _columns(words: list[dict[str, Any]], width: float) -> list[list[dict[str, Any]]]:
    """Split a two-column page at its gutter: an empty strip near the middle of every line."""
    if len(words) < 40:
        return [words]
    for split in [width * share / 100 for share in range(42, 59, 2)]:
        crossing = sum(1 for word in words if word["x0"] < split < word["x1"])
        left = [word for word in words if word["x1"] <= split]
        right = [word for word in words if word["x0"] >= split]
        if crossing == 0 and min(len(left), len(right)) > len(words) / 4 and _gutter(
                left, right):
            return [left, right]
    return [words]


def _gutter(left: list[dict[str, Any]], right: list[dict[str, Any]]) -> bool:
    """Both sides run down the page side by side, not one table's columns."""
    left_rows = {round(word["top"]) for word in left}
    right_rows = {round(word["top"]) for word in right}
    return len(left_rows & right_rows) > 0.5 * min(len(left_rows), len(right_rows)) > 8


def _lines_of(words: list[dict[str, Any]], page: int) -> list[_Line]:
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 2.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [_line(sorted(row, key=lambda w: w["x0"]), page) for row in rows]


def _line(words: list[dict[str, Any]], page: int) -> _Line:
    size = statistics.median(float(word["size"]) for word in words)
    parts: list[str] = []
    bold_open = False
    for i, word in enumerate(words):
        bold = "bold" in str(word["fontname"]).lower()
        if i:
            gap = float(word["x0"]) - float(words[i - 1]["x1"])
            separator = "\t" if gap > 0.75 * size else " "
            if bold_open and (not bold or separator == "\t"):
                parts.append("**")
                bold_open = False
            parts.append(separator)
        if bold and not bold_open:
            parts.append("**")
            bold_open = True
        parts.append(str(word["text"]))
    if bold_open:
        parts.append("**")
    return _Line("".join(parts), float(words[0]["x0"]), float(words[-1]["x1"]),
                 float(words[0]["top"]), float(words[0]["bottom"]), size, page)


def _without_running_lines(pages: list[list[_Line]]) -> list[_Line]:
    """Leave out page numbers, and headers and footers repeated on most pages."""
    def shape(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower().replace("*", "")).strip()

    edges = Counter(shape(line) for lines in pages for line in (lines[:2] + lines[-2:])
                    if line.margin and not line.table)
    running = {text for text, count in edges.items()
               if len(pages) >= 3 and count >= max(3, len(pages) / 2)}
    kept = []
    for lines in pages:
        edge = {id(line) for line in lines[:2] + lines[-2:] if line.margin}
        for line in lines:
            plain = line.text.replace("*", "").strip()
            if id(line) in edge and (_PAGE_NUMBER.match(plain) or shape(line) in running):
                continue
            kept.append(line)
    return kept


def _as_text(lines: list[_Line]) -> PdfText:
    """Join lines into paragraphs as a reader would, keeping each output line's page."""
    body = Counter(round(line.size) for line in lines if not line.table).most_common(1)
    body_size = body[0][0] if body else 11
    margins: dict[int, float] = {}
    for line in lines:
        margins[line.page] = max(margins.get(line.page, 0.0), line.x1)
    lefts: dict[int, float] = {}
    for line in lines:
        if not line.table:
            lefts[line.page] = min(lefts.get(line.page, line.x0), line.x0)
    out: list[str] = []
    pages: list[int] = []
    previous: _Line | None = None
    for line in lines:
        text = line.text
        if _LIST_START.match(text) and not line.table:
            # A nested list is printed further in; keep its depth as Markdown keeps it.
            indent = line.x0 - lefts[line.page]
            if indent < 6 * line.size:  # not the second column of a two-column page
                text = "  " * int(indent // (1.5 * line.size)) + text
        line.heading = not line.table and (line.size >= body_size * 1.15 or _bold_title(text))
        if line.heading:
            text = ("## " if line.size >= body_size * 1.15 else "### ") + text.replace("**", "")
        if previous is not None:
            if _continues(previous, line, margins[previous.page]) and out:
                # A word broken at the line's end ('safe-' 'guarding') is one word again.
                hyphenated = _HYPHENATED.search(out[-1]) and text[:1].islower()
                out[-1] = out[-1][:-1] + text if hyphenated else out[-1] + " " + text
                previous = line
                continue
            if not (previous.table and line.table):
                out.append("")
                pages.append(line.page)
        for part in text.split("\n"):
            out.append(part)
            pages.append(line.page)
        previous = line
    return PdfText("\n".join(out) + "\n", tuple(pages))


def _bold_title(text: str) -> bool:
    """A short line all in bold, not ending like a sentence or a label: a heading."""
    inner = text[2:-2] if text.startswith("**") and text.endswith("**") else ""
    return bool(inner) and "**" not in inner and len(inner.split()) <= 8 and not inner.rstrip(
        ).endswith((".", ":", ",", ";")) and not _LIST_START.match(inner)


def _continues(previous: _Line, line: _Line, margin: float) -> bool:
    """Return True if ``line`` carries on the paragraph of ``previous`` (a wrapped line)."""
    if line.heading or previous.heading or line.table or previous.table:
        return False
    if "\t" in previous.text or "\t" in line.text or _LIST_START.match(line.text):
        return False
    # A sentence carried on in lower case wraps early when its next word is long, or at a page end.
    carried_on = line.text[:1].islower() and not previous.text.rstrip("*").endswith(
        (".", ":", ";", "?", "!"))
    same_indent = abs(line.x0 - previous.x0) < 2 * previous.size
    if previous.page != line.page:
        return carried_on and same_indent and line.page == previous.page + 1
    if previous.text.replace("*", "").isupper() != line.text.replace("*", "").isupper():
        return False  # a title in capitals, then 'Summary': two blocks, not one sentence
    gap = line.top - previous.bottom
    if _HYPHENATED.search(previous.text) and line.text[:1].islower():
        return gap < previous.size  # 'safe-' then 'guarding': one word broken at the line end
    reaches_margin = previous.x1 >= margin - 0.12 * margin
    return gap < 0.6 * previous.size and (reaches_margin or carried_on) and same_indent
