"""Read a paper into blocks of cleaned lines, each knowing its line numbers in the original.

markdown-it-py gives the structure (headings, paragraphs, list items, table rows) and a line map
for every block. Conversion artefacts (stray HTML, bold markers, escaped underscores) are removed
line by line, so line numbers always point at the paper as published.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from digest.errors import DigestError
from digest.extract.pdf import read_pdf
from digest.extract.web_page import web_page_text

MAX_BYTES = 20 * 1024 * 1024

_TAG = re.compile(r"<[^>]{1,300}>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_ESCAPE = re.compile(r"\\+([\\`*_{}\[\]()#+\-.!|])")
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^\s*[-*+•·○✓]\s+")
_SPACES = re.compile(r"[ \u00a0]+")
# Each markup pattern above needs one of these characters (a bullet, at the line's start), so
# a line with none of them, most lines of a paper, has no markup to take out.
_MARKUP_CHARACTER = re.compile(r"[<&\[#\\*_|]|^\s*[-+•·○✓]")


class PaperError(DigestError):
    """The file cannot be read as a paper at all (empty, binary, missing)."""

    def report(self) -> str:
        """Return the reason as a sentence the command line prints."""
        return f"Cannot extract: {self}."


@dataclass(frozen=True)
class Line:
    """One line of the paper, cleaned of markup, with its 1-based number."""

    number: int
    text: str
    raw: str

    @property
    def cells(self) -> list[str]:
        """Return the non-empty cells of a line split at tabs (converted tables keep tabs)."""
        return [cell for cell in self.columns if cell]

    @property
    def columns(self) -> list[str]:
        """Return every tab-separated column, empty ones included, so columns stay aligned."""
        return [cell.strip() for cell in self.text.split("\t")]


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item or table row, with the paper lines it covers."""

    kind: str
    lines: tuple[Line, ...]
    level: int = 0  # a heading's level; a list item's depth as indented on the page (1 = top)
    cells: tuple[str, ...] = field(default=())

    @property
    def start(self) -> int:
        """Return the first line number."""
        return self.lines[0].number

    @property
    def end(self) -> int:
        """Return the last line number."""
        return self.lines[-1].number

    @property
    def text(self) -> str:
        """Return the block's text on one line, cells and lines joined by spaces."""
        return " ".join(" ".join(line.text.split()) for line in self.lines).strip()

    @property
    def raw(self) -> str:
        """Return the block's original text."""
        return "\n".join(line.raw for line in self.lines)

    def words(self) -> int:
        """Return the number of words in the block."""
        return len(self.text.split())


@dataclass(frozen=True)
class Paper:
    """A paper's lines and blocks."""

    name: str
    lines: tuple[Line, ...]
    blocks: tuple[Block, ...]
    truncated: bool = False
    text: str = ""  # what the drafts' line numbers count in: the copy kept in content/papers
    pages: tuple[int, ...] = ()  # for a PDF, the page of each line

    def page_of(self, line: int) -> int | None:
        """Return the PDF page a line came from, if the paper was a PDF."""
        return self.pages[line - 1] if 0 < line <= len(self.pages) else None


def read_paper(path: Path) -> Paper:
    """Read a paper file; raise PaperError if it is empty, binary or unreadable."""
    try:
        data = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        raise PaperError(f"cannot read {path}: {exc.strerror}") from exc
    truncated = len(data) > MAX_BYTES
    data = data[:MAX_BYTES]
    if not data.strip():
        raise PaperError(f"{path} is empty")
    if data.startswith(b"%PDF"):
        if truncated:
            raise PaperError(f"{path} is larger than {MAX_BYTES // 1_000_000} MB")
        pdf = read_pdf(path)
        return parse_paper(pdf.text, f"{path.stem}.md", pages=pdf.pages)
    if b"\x00" in data[:8192]:
        raise PaperError(f"{path} is a binary file, not a PDF, text or a web page")
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") > max(20, len(text) // 100):
        raise PaperError(f"{path} is not UTF-8 text: convert it to UTF-8 first")
    if path.suffix.lower() in (".html", ".htm") or text.lstrip()[:15].lower().startswith(
            ("<!doctype html", "<html")):
        return parse_paper(web_page_text(text), f"{path.stem}.md", truncated=truncated)
    return parse_paper(text, path.name, truncated=truncated)


def parse_paper(text: str, name: str = "paper.md", truncated: bool = False,
                pages: tuple[int, ...] = ()) -> Paper:
    """Return the paper's blocks, found by markdown-it-py, each with its cleaned lines."""
    raw_lines = text.splitlines()
    lines = tuple(Line(i + 1, clean_line(raw), raw) for i, raw in enumerate(raw_lines))
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(_repair_tables(raw_lines))
    blocks = tuple(_blocks(tokens, lines))
    return Paper(name, lines, blocks, truncated, text, pages)


def clean_line(raw: str) -> str:
    """Return a line without Markdown or HTML markup, keeping tabs as column breaks."""
    cells = [_SPACES.sub(" ", cell).strip() for cell in _without_markup(raw).split("\t")]
    return "\t".join(cells) if any(cells) else ""


def line_words(raw: str) -> str:
    """Return a line's words without markup, one space apart (its cells run together)."""
    return " ".join(_without_markup(raw).split())


def _without_markup(raw: str) -> str:
    if not _MARKUP_CHARACTER.search(raw):
        return raw  # most lines of a paper
    text = html.unescape(_TAG.sub(" ", raw.replace("&lt;", "<").replace("&gt;", ">")))
    text = _TAG.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    text = _HEADING_MARK.sub("", text)
    text = _BULLET.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    return text.replace("|", "\t") if text.strip().startswith("|") else text


def _repair_tables(raw_lines: list[str]) -> str:
    """Undo a PDF-conversion habit of starting a table with '- |', keeping line numbers."""
    return "\n".join(re.sub(r"^- (\|)", r"\1", line) for line in raw_lines)


_TEXT_BLOCKS = {"paragraph_open", "html_block", "code_block", "fence"}


def _blocks(tokens: list[Token], lines: tuple[Line, ...]) -> list[Block]:
    blocks: list[Block] = []
    depth = {"table": 0, "item": 0}
    for index, token in enumerate(tokens):
        for kind in depth:
            if token.type == f"{'list_item' if kind == 'item' else kind}_open":
                depth[kind] += 1
            elif token.type == f"{'list_item' if kind == 'item' else kind}_close":
                depth[kind] -= 1
        if token.map is None:
            continue
        start, end = token.map
        span = tuple(line for line in lines[start:end] if line.text.strip())
        if not span:
            continue
        if token.type == "heading_open":
            blocks.append(Block("heading", span, level=int(token.tag[1])))
        elif token.type == "tr_open":
            blocks.append(Block("row", span, cells=tuple(_row_cells(tokens, index))))
        elif token.type == "list_item_open":
            own = _own_lines(tokens, index, span)
            if own:
                blocks.append(Block("item", own, level=_indent_level(own[0].raw)))
        elif token.type in _TEXT_BLOCKS and not depth["table"] and not depth["item"]:
            blocks.append(Block("paragraph", span))
    return blocks


def _indent_level(raw: str) -> int:
    """Return how deep a list item is indented; the parser nests '- 2) text' lists its own way."""
    indent = len(raw) - len(raw.lstrip(" \t"))
    return 1 + indent // 2


def _own_lines(tokens: list[Token], index: int, span: tuple[Line, ...]) -> tuple[Line, ...]:
    """Return a list item's lines without those of a list nested inside it."""
    level = tokens[index].level
    for token in tokens[index + 1:]:
        if token.type == "list_item_close" and token.level == level:
            break
        if token.type in {"bullet_list_open", "ordered_list_open"} and token.map:
            nested_start = token.map[0] + 1
            return tuple(line for line in span if line.number < nested_start)
    return span


def _row_cells(tokens: list[Token], index: int) -> list[str]:
    cells = []
    for token in tokens[index + 1:]:
        if token.type == "tr_close":
            break
        if token.type == "inline":
            cells.append(clean_line(token.content))
    return cells
