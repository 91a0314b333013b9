"""Read a committee system's web page, saved from the browser, into the extractor's text.

Headings become '## ' lines, bold text **bold**, table rows Markdown rows, each paragraph,
list item and line break a line of its own; scripts, styles, navigation and the links that
committee systems add to every document ("pdf icon PDF 65 KB") are left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
           "article", "dt", "dd", "blockquote", "table", "ul", "ol"}
_SKIPPED = {"script", "style", "nav", "header", "footer", "noscript", "head", "svg", "button",
            "form", "select"}
_FILE_LINK = re.compile(r"\b(?:pdf|docx?|xlsx?)\s+icon\b.*?\d+\s*[KM]B\b|\bPDF\s+\d+\s*[KM]B\b",
                        re.I)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.cells: list[str] | None = None
        self.header_row = False
        self.skipping = 0
        self.heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
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
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "tr" and self.cells is not None:
            self.flush_cell()
            cells = [cell for cell in self.cells]
            if any(cells):
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
        if not self.skipping:
            self.current.append(data)

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
    while lines and not lines[0]:
        lines = lines[1:]
    return "\n".join(lines) + "\n"
