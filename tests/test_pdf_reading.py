"""PDF shapes councils publish, read back as the text a person sees (pdfplumber underneath).

The PDFs are printed by Chromium from small web pages made for each shape: running headers
and footers, two columns, words hyphenated at line ends, a ruled table, bold headings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.extract.pdf import read_pdf

from .conftest import browser_needed
from .pdf_papers import print_page

pytestmark = browser_needed
WORDS = ("The committee considered the annual report of the safeguarding partnership and asked "
         "how schools, health visitors and the police share worries about children. ")


def _print(tmp_path: Path, body: str, style: str = "") -> Path:
    page = tmp_path / "paper.html"
    page.write_text(
        "<!doctype html><html lang='en-GB'><head><meta charset='utf-8'><style>"
        "body{font-family:sans-serif;font-size:11pt} " + style + "</style></head><body>"
        + body + "</body></html>", encoding="utf-8")
    return print_page(page, tmp_path / "paper.pdf")


def test_running_headers_and_page_numbers_are_left_out(tmp_path: Path) -> None:
    style = ("@page{margin:2cm;@top-center{content:'Children and Families Scrutiny Panel'}"
             "@bottom-center{content:'Page ' counter(page) ' of ' counter(pages)}}")
    body = "".join(f"<p>{i} {WORDS * 3}</p>" for i in range(1, 30))
    text = read_pdf(_print(tmp_path, body, style)).text
    assert "Page 1 of" not in text and "Children and Families Scrutiny Panel" not in text
    assert "29 The committee considered" in text


def test_two_columns_are_read_one_after_the_other(tmp_path: Path) -> None:
    left = "".join(f"<p>Left paragraph {i}. {WORDS}</p>" for i in range(1, 8))
    right = "".join(f"<p>Right paragraph {i}. {WORDS}</p>" for i in range(1, 8))
    body = (f"<div style='display:flex;gap:2cm'><div style='flex:1'>{left}</div>"
            f"<div style='flex:1'>{right}</div></div>")
    lines = [line for line in read_pdf(_print(tmp_path, body)).text.splitlines() if line]
    order = [line.split(".")[0] for line in lines if line.startswith(("Left", "Right"))]
    assert order == [f"Left paragraph {i}" for i in range(1, 8)] + [
        f"Right paragraph {i}" for i in range(1, 8)]


def test_a_wrapped_paragraph_is_one_line_and_hyphenated_words_join(tmp_path: Path) -> None:
    body = ("<p style='width:6cm;text-align:justify'>Multi-agency work needs partners "
            "to share what they know about every safe-<br>guarding concern in the borough, "
            "quickly and in full.</p><p>Next paragraph.</p>")
    text = read_pdf(_print(tmp_path, body)).text
    paragraphs = [line for line in text.splitlines() if line]
    assert paragraphs[0].startswith("Multi-agency work needs")
    assert "safeguarding" in paragraphs[0] and "safe-" not in paragraphs[0]
    assert paragraphs[1] == "Next paragraph."


def test_ruled_tables_become_rows_and_bold_headings_stand_alone(tmp_path: Path) -> None:
    body = ("<h1>Annual Report 2023-24</h1><p><strong>Our year in numbers</strong></p>"
            "<table style='border-collapse:collapse' border='1'><tr><td>Measure</td>"
            "<td>2022-23</td><td>2023-24</td></tr><tr><td>Contacts to the front door</td>"
            "<td>9,812</td><td>10,450</td></tr></table>")
    text = read_pdf(_print(tmp_path, body)).text
    assert "## Annual Report 2023-24" in text
    assert "### Our year in numbers" in text
    assert "| Contacts to the front door | 9,812 | 10,450 |" in text


def test_each_line_knows_its_page(tmp_path: Path) -> None:
    body = "<p>First page.</p><p style='break-before:page'>Second page.</p>"
    pdf = read_pdf(_print(tmp_path, body))
    lines = pdf.text.splitlines()
    assert pdf.pages[lines.index("First page.")] == 1
    assert pdf.pages[lines.index("Second page.")] == 2


@pytest.mark.parametrize("content", [b"%PDF-1.4\n%%EOF\n"])
def test_a_pdf_without_text_says_so(tmp_path: Path, content: bytes) -> None:
    from digest.errors import DigestError

    (tmp_path / "scan.pdf").write_bytes(content)
    with pytest.raises(DigestError):
        read_pdf(tmp_path / "scan.pdf")
