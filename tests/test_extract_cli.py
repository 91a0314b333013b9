"""'digest extract' as a comms officer uses it: drafts that load, preview, and never overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.cli import main
from digest.extract import source

from .conftest import PROJECT

PAPERS = sorted(p for p in (PROJECT / "content" / "papers").glob("*.md") if p.name != "README.md")
MINUTES = PROJECT / "content" / "papers" / (
    "walsall-2024-04-16-childrens-services-scrutiny-minutes.md"
)


def test_drafts_from_every_paper_validate_and_preview(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drafts"
    for paper in PAPERS:
        assert main(["extract", str(paper), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["validate", "--content", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Content is valid: 3 authorities, 6 meetings,")
    monkeypatch.chdir(PROJECT)
    site = tmp_path / "preview"
    assert main(["build", "--include-drafts", "--content", str(out), "--site", str(site)]) == 0
    assert len(list((site / "meetings").glob("*/index.html"))) == 6


def test_extract_reports_what_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, report = tmp_path / "drafts", tmp_path / "report.txt"
    assert main(["extract", str(MINUTES), "--out", str(out), "--report", str(report)]) == 0
    assert capsys.readouterr().out == (
        f"wrote {out}/authorities/walsall.yaml\n"
        f"wrote {out}/meetings/walsall/2024-04-16-childrens-services-scrutiny.yaml\n"
        f"2 files written, 1 thing to check; see {report}.\n"
        f"Preview: digest build --include-drafts --content {out} --site preview\n"
    )
    text = report.read_text()
    assert "lines 3-162  minutes: Children's Services Overview and Scrutiny Committee" in text
    assert ("walsall-2024-04-16-childrens-services-scrutiny-minutes.md:18: warning: "
            "meetings/walsall/2024-04-16-childrens-services-scrutiny.yaml: [extract] "
            "'Councillor Nasreen' is listed twice as present; drafted once") in text
    assert (out / "papers" / MINUTES.name).read_bytes() == MINUTES.read_bytes()


def test_existing_drafts_are_not_overwritten_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drafts"
    assert main(["extract", str(MINUTES), "--out", str(out)]) == 0
    meeting = out / "meetings" / "walsall" / "2024-04-16-childrens-services-scrutiny.yaml"
    meeting.write_text(meeting.read_text() + "# my edit\n")
    capsys.readouterr()

    assert main(["extract", str(MINUTES), "--out", str(out)]) == 1

    assert capsys.readouterr().err == (
        f"These files already exist:\n  {meeting}\n"
        "Nothing was written. Use --force to replace them.\n"
    )
    assert meeting.read_text().endswith("# my edit\n")
    assert main(["extract", str(MINUTES), "--out", str(out), "--force"]) == 0
    assert not meeting.read_text().endswith("# my edit\n")


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"   \n\n  \n", "is empty"),
    (b"%PDF-1.7\x00\x01\x02binary", "could not be read as a PDF: it may be damaged"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "is a binary file, not a PDF, text or a web page"),
])
def test_unreadable_papers_give_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    paper = tmp_path / "paper.md"
    paper.write_bytes(content)
    assert main(["extract", str(paper), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == f"Cannot extract: {paper} {message}.\n"
    assert not (tmp_path / "out").exists()


def test_a_paper_that_is_not_a_council_paper(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = tmp_path / "recipe.md"
    paper.write_text("# Lemon cake\n\nMix 200g of flour with 3 eggs.\n\nBake for 40 minutes.\n")
    assert main(["extract", str(paper), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert ("recipe.md:1: [extract] no meeting, minutes or report found: is this a "
            "council paper?") in err
    assert err.endswith(f"Nothing was written to {tmp_path / 'out'}/.\n")
    assert not (tmp_path / "out").exists()


def test_a_paper_cut_off_mid_sentence_gives_drafts_and_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = MINUTES.read_text().splitlines()
    cut = "\n".join(lines[:84]) + "\n" + lines[84][:60]
    paper = tmp_path / "walsall-cut.md"
    paper.write_text(cut)
    report = tmp_path / "report.txt"
    assert main(["extract", str(paper), "--out", str(tmp_path / "out"),
                 "--report", str(report)]) == 0
    assert ("walsall-cut.md:85: warning: [extract] the paper seems to stop mid-sentence: check "
            "that the file is complete") in report.read_text()
    drafted = (tmp_path / "out" / "meetings" / "walsall" /
               "2024-04-16-childrens-services-scrutiny.yaml").read_text()
    assert "title: Children at risk of exploitation" in drafted


def test_a_huge_paper_is_read_up_to_a_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(source, "MAX_BYTES", 4000)
    report = tmp_path / "report.txt"
    assert main(["extract", str(MINUTES), "--out", str(tmp_path / "out"),
                 "--report", str(report)]) == 0
    assert ("warning: [extract] the file is larger than 4 KB; only its start was read"
            in report.read_text())
