"""Read a committee system's web page, saved from the browser, into the extractor's text.

Headings become '## ' lines, bold text **bold**, table rows Markdown rows, each paragraph,
list item and line break a line of its own; scripts, styles, navigation and the links that
committee systems add to every document ("pdf icon PDF 65 KB", "View directions") are left
out. A table row whose cells hold paragraphs (a committee system's list of items, each with
its report links, "Minutes:" and "Resolved:") is read as lines, its number before its title.
The council's name, which such pages give only in the browser's title ("Agenda for ... -
Northshire Council"), comes first.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
           "article", "dt", "dd", "blockquote", "table", "ul", "ol"}
_SKIPPED = {"script", "style", "nav", "header", "footer", "noscript", "head", "svg", "button",
            "form", "select"}
_FILE_LINK = re.compile(r"\b(?:pdf|docx?|xlsx?)\s+icon\b.*?\d+\s*[KM]B\b|\bPDF\s+\d+\s*[KM]B\b"
                        r"|\.?\s*\bView directions\b", re.I)
# What a committee system prints in every item: section labels and its documents' link text.
_ITEM_FURNITURE = re.compile(r"\s*(?:minutes|additional documents|documents)\s*:\s*|"
                            r".+,\s+item\s+\d+[a-z]?\.?\s*", re.I)
_COUNCIL_IN_TITLE = re.compile(r"\s[-–|]\s(?P<council>[^-–|]*\bCouncil)\s*$")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.cells: list[str] | None = None
        self.header_row = False
        self.skipping = 0
        self.heading = False
        self.title: list[str] | None = None
        self.page_title = ""
        self.row_lines: list[str] = []  # the lines of a row whose cells hold paragraphs
        self.blocky = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.title = []
        elif tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS and self.cells is not None and tag not in ("tr", "table"):
            self.blocky = True  # a paragraph inside a cell: the row is read as lines
            self.row_lines.extend(self.cells)  # the cells before it, such as the item number
            self.cells = []
            self.break_cell()
        elif tag == "tr":
            self.end_line()
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self.flush_cell()
            self.header_row = self.header_row or tag == "th"
        elif tag in ("strong", "b"):
            self.current.append("**")
        elif tag in _BLOCKS:
            self.end_line()
            self.heading = tag in {"h1", "h2", "h3", "h4", "h5", "h6"}

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title is not None:
            self.page_title = _tidy("".join(self.title))
            self.title = None
        elif tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS and self.cells is not None and tag not in ("tr", "table"):
            self.break_cell()
        elif tag == "tr" and self.cells is not None:
            self.flush_cell()
            cells = [cell for cell in self.cells]
            if self.blocky:
                self.end_blocky_row(cells)
            elif any(cells):
                self.lines.append("| " + " | ".join(cells) + " |")
                if self.header_row or len(self.lines) < 2 or not self.lines[-2].startswith("|"):
                    self.lines.append("|" + "---|" * len(cells))
            self.cells = None
            self.header_row = False
        elif tag in ("strong", "b"):
            self.current.append("**")
        elif tag in _BLOCKS:
            self.end_line()

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        elif not self.skipping:
            self.current.append(data)

    def break_cell(self) -> None:
        """End a line inside a cell that holds paragraphs."""
        text = _tidy("".join(self.current))
        self.current = []
        if text:
            self.row_lines.append(text)

    def end_blocky_row(self, cells: list[str]) -> None:
        """Write a row of paragraphs as lines: '3. Child exploitation update', then the rest."""
        lines = [line for line in self.row_lines + cells
                 if line.strip("* ") and not _ITEM_FURNITURE.fullmatch(line.replace("**", ""))]
        if len(lines) >= 2 and re.fullmatch(r"\(?\d{1,3}(?:\.\d{1,2})?[.)]?", lines[0]):
            lines = [f"{lines[0].rstrip('.')}. {lines[1].replace('**', '')}", *lines[2:]]
        for line in lines:
            self.lines += ["", line]
        self.row_lines, self.blocky = [], False

    def flush_cell(self) -> None:
        if self.cells is not None and self.current:
            self.cells.append(_tidy("".join(self.current)).replace("|", "/"))
            self.current = []

    def end_line(self) -> None:
        if self.cells is not None:
            return
        text = _tidy("".join(self.current))
        self.current = []
        if text:
            self.lines += ["", ("## " + text.replace("**", "")) if self.heading else text]
        self.heading = False


def _tidy(text: str) -> str:
    text = _FILE_LINK.sub("", " ".join(text.split()))
    text = re.sub(r"\*\*\s*\*\*", "", text)
    return text.strip()


def web_page_text(page: str) -> str:
    """Return the readable text of a saved web page, one paragraph or table row per line."""
    reader = _Reader()
    reader.feed(page)
    reader.close()
    reader.end_line()
    lines = reader.lines
    council = _COUNCIL_IN_TITLE.search(reader.page_title)
    if council:
        lines = [council.group("council").strip(), *lines]
    while lines and not lines[0]:
        lines = lines[1:]
    return "\n".join(lines) + "\n"
