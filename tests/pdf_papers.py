"""Make PDFs of council papers the way councils make them, for the extraction tests.

A committee clerk writes the paper in a word processor and exports a PDF (LibreOffice here,
from an OpenDocument text with real tab stops, bold runs, headings and tables with the grid
lines a word processor draws by default), or a web page is printed to PDF from a browser
(Chromium's print to PDF). Both start from the Markdown copy of the paper, so the PDF says what
the Markdown says.
"""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from digest.audit import CHROMIUM_ARGS
from digest.browser import find_chromium

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ROW = re.compile(r"^\s*-?\s*\|(.*)\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")


def blocks(markdown: str) -> list[tuple[str, object]]:
    """Return the paper as ('heading', (level, text)), ('table', rows), ('para', line) blocks.

    Runs of tab-separated lines are tables too: they are the paper's tables, flattened by its
    conversion to text, and a council's own document prints them as tables with cell borders.
    """
    result: list[tuple[str, object]] = []
    rows: list[list[str]] = []
    tabbed: list[str] = []

    def flush_tabbed() -> None:
        if len(tabbed) >= 2:
            result.append(("table", [line.split("\t") for line in tabbed]))
        else:
            result.extend(("para", line) for line in tabbed)
        tabbed.clear()

    for line in markdown.splitlines():
        if line.count("\t") >= 2 and not _ROW.match(line):
            tabbed.append(line.rstrip(" "))
            continue
        flush_tabbed()
        row = _ROW.match(line)
        if row and not _SEPARATOR.fullmatch(line.strip()):
            rows.append([cell.strip() for cell in row.group(1).split("|")])
            continue
        if row:
            continue
        if rows:
            result.append(("table", rows))
            rows = []
        heading = _HEADING.match(line)
        if heading:
            result.append(("heading", (len(heading.group(1)), heading.group(2))))
        elif line.strip():
            result.append(("para", line.rstrip()))
    flush_tabbed()
    if rows:
        result.append(("table", rows))
    return result


def _indented(line: str) -> tuple[int, str]:
    """Return how deep a Markdown line is indented (a nested list: 0 to 3) and its text."""
    return min(3, (len(line) - len(line.lstrip(" "))) // 2), line.lstrip(" ")


def to_fodt(markdown: str) -> str:
    """Return a flat OpenDocument text of the paper, as a word processor would hold it."""
    body = []
    for kind, value in blocks(markdown):
        if kind == "heading":
            level, text = value  # type: ignore[misc]
            body.append(f'<text:h text:outline-level="{level}">{_odt_runs(text)}</text:h>')
        elif kind == "table":
            rows = value  # type: ignore[assignment]
            width = max(len(row) for row in rows)
            cells = "".join(
                "<table:table-row>" + "".join(
                    f'<table:table-cell table:style-name="Cell"><text:p>{_odt_runs(cell)}'
                    "</text:p></table:table-cell>"
                    for cell in row + [""] * (width - len(row))) + "</table:table-row>"
                for row in rows)
            body.append(f'<table:table><table:table-column table:number-columns-repeated='
                        f'"{width}"/>{cells}</table:table>')
        else:
            depth, line = _indented(str(value))
            style = f' text:style-name="Indent{depth}"' if depth else ""
            body.append(f"<text:p{style}>{_odt_runs(line)}</text:p>")
    return _FODT.format(body="\n".join(body))


def _odt_runs(text: str) -> str:
    parts = []
    for i, piece in enumerate(_BOLD.split(text)):
        runs = escape(piece).replace("\t", "<text:tab/>")
        parts.append(f'<text:span text:style-name="Bold">{runs}</text:span>' if i % 2 else runs)
    return "".join(parts)


_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Indent1" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.75cm"/></style:style>
 <style:style style:name="Indent2" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="1.5cm"/></style:style>
 <style:style style:name="Indent3" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="2.25cm"/></style:style>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/>
 </style:style>
</office:automatic-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
"""


def to_html(markdown: str) -> str:
    """Return the paper as a web page, the way a committee system shows it."""
    body = []
    for kind, value in blocks(markdown):
        if kind == "heading":
            level, text = value  # type: ignore[misc]
            body.append(f"<h{level}>{_html_runs(text)}</h{level}>")
        elif kind == "table":
            rows = value  # type: ignore[assignment]
            body.append("<table>" + "".join(
                "<tr>" + "".join(f"<td>{_html_runs(cell)}</td>" for cell in row) + "</tr>"
                for row in rows) + "</table>")
        else:
            depth, line = _indented(str(value))
            style = f' style="margin-left:{2 * depth}em"' if depth else ""
            body.append(f"<p{style}>{_html_runs(line)}</p>")
    return ("<!doctype html><html lang='en-GB'><head><meta charset='utf-8'><style>"
            "body{font-family:sans-serif;font-size:11pt} p{white-space:pre-wrap;tab-size:6}"
            "td{border:1px solid #999;padding:2px 4px;vertical-align:top}"
            "table{border-collapse:collapse}</style></head><body>"
            + "\n".join(body) + "</body></html>")


def _html_runs(text: str) -> str:
    return "".join(f"<strong>{html.escape(piece)}</strong>" if i % 2 else html.escape(piece)
                   for i, piece in enumerate(_BOLD.split(text)))


def libreoffice_pdf(markdown: Path, out_dir: Path) -> Path:
    """Export the paper to PDF with LibreOffice, from a word-processor document."""
    source = out_dir / f"{markdown.stem}.fodt"
    source.write_text(to_fodt(markdown.read_text(encoding="utf-8")), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out_dir), str(source)],
                       check=True, capture_output=True, timeout=300)
    return out_dir / f"{markdown.stem}.pdf"


def chromium_pdf(markdown: Path, out_dir: Path) -> Path:
    """Print the paper's web page to PDF with Chromium."""
    page = out_dir / f"{markdown.stem}.html"
    page.write_text(to_html(markdown.read_text(encoding="utf-8")), encoding="utf-8")
    return print_page(page, out_dir / f"{markdown.stem}.pdf")


def print_page(page: Path, target: Path) -> Path:
    """Print a web page to PDF with headless Chromium (the browser digest.browser finds)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([str(find_chromium()), "--headless", *CHROMIUM_ARGS,
                        f"--user-data-dir={profile}", "--no-pdf-header-footer",
                        f"--print-to-pdf={target}", page.as_uri()],
                       check=True, capture_output=True, timeout=300)
    return target
