"""Whole builds: the real site, failed builds that leave site/ alone, and byte-identical output."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from digest import publish
from digest.build import build
from digest.cli import main
from digest.site_folder import builds_folder

from .conftest import PROJECT, options_for, replace_once, snapshot

MEETINGS = sorted((PROJECT / "content" / "meetings").glob("*/*.yaml"))


def html_text(page: Path) -> str:
    """Return the visible text of a built page, tags removed and spaces folded."""
    body = re.sub(r"<script.*?</script>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def test_real_site_has_every_kind_of_page(real_site: Path) -> None:
    assert (real_site / "index.html").is_file()
    assert (real_site / "glossary" / "index.html").is_file()
    assert (real_site / "about" / "index.html").is_file()
    assert len(list((real_site / "authorities").glob("*/index.html"))) == 3
    assert len(list((real_site / "meetings").glob("*/index.html"))) >= 5
    assert len(list((real_site / "reviews").glob("*/index.html"))) >= 2
    assert (real_site / "pagefind" / "pagefind-ui.js").is_file()
    assert (real_site / "search" / "index.html").is_file()
    readability = html_text(real_site / "about" / "readability" / "index.html")
    assert "Our summaries: median grade" in readability
    assert "walsall-safeguarding-children-board-annual-report-2013-14.md" in readability


@pytest.mark.parametrize("meeting_file", MEETINGS, ids=[m.stem for m in MEETINGS])
def test_each_meeting_page_shows_date_body_decisions_and_source(
    real_site: Path, meeting_file: Path
) -> None:
    meeting = yaml.safe_load(meeting_file.read_text(encoding="utf-8"))
    authority = yaml.safe_load(
        (PROJECT / "content" / "authorities" / f"{meeting['authority']}.yaml").read_text()
    )
    body_name = next(b["name"] for b in authority["bodies"] if b["id"] == meeting["body"])
    page = real_site / "meetings" / meeting["id"] / "index.html"
    text = html_text(page)
    date = meeting["date"]
    assert f"{date:%A} {date.day} {date:%B %Y}" in text
    assert body_name in text
    assert "What was decided" in text
    decisions = [" ".join(d["text"].split()) for item in meeting["items"]
                 for d in item.get("decisions", [])]
    if meeting["paper"] == "minutes":
        assert decisions, "minutes in the content should record decisions"
        for decision in decisions:
            assert decision in text
    else:
        assert "it does not say what was decided" in text.lower().replace(";", "")
    source_page = Path(meeting["source"]["paper"]).stem
    assert f'href="../../sources/{source_page}/"' in page.read_text(encoding="utf-8")


def test_item_anchors_are_permanent(real_site: Path) -> None:
    page = real_site / "meetings" / "walsall-2024-04-16-childrens-services-scrutiny" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'id="item-65"' in html
    assert 'id="item-66"' in html


def test_a_good_build_replaces_the_site(project: Path) -> None:
    site = project / "site"
    assert build(options_for(project)).findings == []
    (site / "stale.html").write_text("from an old build")
    first = site.resolve()
    assert build(options_for(project)).findings == []
    assert not (site / "stale.html").exists()
    assert (site / "meetings" / "testshire-2024-05-01-scrutiny" / "index.html").is_file()
    assert oct(site.resolve().stat().st_mode & 0o777) == "0o755"
    # The replaced build is set aside in one rename, and deleted by the next build.
    set_aside = [p for p in builds_folder(site).iterdir() if p.name.startswith("removed-")]
    assert not first.exists() and [p.name for p in set_aside] == [f"removed-{first.name}"]
    assert build(options_for(project)).findings == []
    assert not set_aside[0].exists()


def test_the_same_content_builds_the_same_bytes(project: Path, tmp_path: Path) -> None:
    build(options_for(project, site=tmp_path / "one"))
    (project / "build").rename(tmp_path / "old-build")  # start the second build from nothing
    build(options_for(project, site=tmp_path / "two"))
    one, two = _stable(snapshot(tmp_path / "one")), _stable(snapshot(tmp_path / "two"))
    assert one.keys() == two.keys()
    assert [name for name in one if one[name][0] != two[name][0]] == []
    assert any(name.startswith("pagefind/fragment/") for name in one)
    assert _filter_words(tmp_path / "one") == _filter_words(tmp_path / "two")


def test_a_build_after_one_edit_rebuilds_only_that_and_matches_a_clean_build(
        project: Path, tmp_path: Path) -> None:
    site = project / "site"
    assert build(options_for(project)).findings == []
    glossary = site / "glossary" / "index.html"
    untouched = glossary.stat().st_mtime_ns
    meeting = project / FIXTURE_MEETING
    meeting.write_text(meeting.read_text().replace("summary: Councillors",
                                                   "summary: This week councillors", 1))
    again = build(options_for(project))
    assert again.findings == []
    assert "copy the previous site" in again.stages, "the build started from the last one"
    assert again.written <= 12 < again.pages + again.files, "only what the edit changes is written"
    assert glossary.stat().st_mtime_ns == untouched, "an unchanged page is not rebuilt"
    page = site / "meetings" / "testshire-2024-05-01-scrutiny" / "index.html"
    assert "This week councillors" in page.read_text(encoding="utf-8")
    (project / "build").rename(tmp_path / "old-build")  # a clean build of the same content
    build(options_for(project, site=tmp_path / "clean"))
    incremental, clean = _stable(snapshot(site)), _stable(snapshot(tmp_path / "clean"))
    assert incremental.keys() == clean.keys()
    assert [name for name in clean if clean[name][0] != incremental[name][0]] == []
    assert _filter_words(site) == _filter_words(tmp_path / "clean")


def _fragments(site: Path) -> dict[str, int]:
    """Return each search index fragment's name and the file it is (its inode)."""
    return {file.name: file.stat().st_ino for file in (site / "pagefind" / "fragment").iterdir()}


def _edit_the_meeting_and_build(project: Path) -> tuple[set[str], set[str]]:
    """Return the fragments the build after one edit shares with the one before, and those it
    wrote itself."""
    site = project / "site"
    assert build(options_for(project)).findings == []
    before = _fragments(site)
    replace_once(project / FIXTURE_MEETING, "summary: Councillors",
                 "summary: This week councillors")
    assert build(options_for(project)).findings == []
    after = _fragments(site)
    shared = {name for name, file in after.items() if before.get(name) == file}
    return shared, after.keys() - shared


def test_a_build_after_one_edit_indexes_only_the_pages_that_changed(project: Path) -> None:
    """The index is the same as a clean build's (the test above); here, how it was made."""
    shared, written = _edit_the_meeting_and_build(project)
    assert len(shared) > 2 * len(written) > 0, "unchanged pages' search records are reused"
    folder = project / "site" / "pagefind" / "fragment"
    edited = [name for name in written
              if b"This week councillors" in gzip.decompress((folder / name).read_bytes())]
    assert edited, "the edited page's record is written again"


def test_the_search_index_holds_what_pagefind_makes_of_the_whole_pages(
        project: Path, tmp_path: Path) -> None:
    """Pagefind reads only the indexed part of each page, kept from build to build: its
    records must be the ones it makes from the pages readers get, after an edit too."""
    site = project / "site"
    assert build(options_for(project)).findings == []
    replace_once(project / FIXTURE_MEETING, "summary: Councillors",
                 "summary: This week councillors")
    assert build(options_for(project)).findings == []
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path",
                    str(tmp_path / "whole"), "--silent", "--exclude-selectors", ".headerlink"],
                   check=True)
    for kind in ("fragment", "index"):
        made = sorted(p.name for p in (site / "pagefind" / kind).iterdir())
        assert made == sorted(p.name for p in (tmp_path / "whole" / kind).iterdir())
        assert made


def test_when_a_reused_search_record_could_be_mistaken_the_index_is_built_from_nothing(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind names a record by the start of its hash, lengthened when two pages share it,
    and which one it lengthens depends on reading order: a shared start means no reuse."""
    from digest import search_index

    monkeypatch.setattr(search_index, "_SHORT_HASH", 0)  # every record shares its short name
    shared, written = _edit_the_meeting_and_build(project)
    assert shared == set() and written


def test_while_a_build_after_one_edit_runs_the_site_being_read_does_not_change(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The next build shares unchanged files with the site readers see: none may be written."""
    site = project / "site"
    assert build(options_for(project)).findings == []
    before = snapshot(site)
    seen: list[dict[str, tuple[bytes, int]]] = []
    index = publish.index_for_search

    def index_then_look(folder: Path, *reused: object) -> dict[str, str]:
        index(folder, *reused)  # type: ignore[arg-type]
        seen.append(snapshot(site))  # MkDocs and Pagefind have written the new build by now
        raise publish.PublishError(["the search index failed"])

    monkeypatch.setattr(publish, "index_for_search", index_then_look)
    replace_once(project / FIXTURE_MEETING, "summary: Councillors",
                 "summary: This week councillors")
    with pytest.raises(publish.PublishError):
        build(options_for(project))
    assert seen == [before], "the site being read changed while the next one was built"
    assert snapshot(site) == before, "a failed build left the site as it was"


def _stable(files: dict[str, tuple[bytes, int]]) -> dict[str, tuple[bytes, int]]:
    """Leave out the three kinds of file Pagefind writes differently each time.

    Pagefind keeps each filter's values in a hash map, so the order of the values in a
    filter file (pagefind/filter/*.pf_filter) changes from run to run; the file is named by a
    hash of its bytes, so its name changes too, and so do the two files that name it
    (pagefind.*.pf_meta and pagefind-entry.json). Every page, feed, calendar, data file and
    the word index itself (fragments and .pf_index) are byte-identical (Pagefind issue 638).
    """
    def unstable(name: str) -> bool:
        return name.startswith("pagefind/filter/") or name.endswith(".pf_meta") or (
            name == "pagefind/pagefind-entry.json")

    return {name: value for name, value in files.items() if not unstable(name)}


def _filter_words(site: Path) -> list[list[bytes]]:
    """Return each filter file's names and values, in order: the same whatever Pagefind's order."""
    import gzip

    return sorted(sorted(re.findall(rb"[\x20-\x7e]{3,}", gzip.decompress(file.read_bytes())))
                  for file in site.glob("pagefind/filter/*.pf_filter"))


FIXTURE_MEETING = "content/meetings/testshire/2024-05-01-scrutiny.yaml"
BREAKAGES = [
    ("impossible date", "date: 2024-05-01", "date: 2024-02-30",
     f"{FIXTURE_MEETING}:5: date: '2024-02-30' is not a real date"),
    ("typo in a key", "venue: Council Chamber", "venu: Council Chamber",
     f"{FIXTURE_MEETING}:7: venu: 'venu' is not a field here"),
    ("unknown authority", "authority: testshire", "authority: testshir",
     f"{FIXTURE_MEETING}:3: authority: 'testshir' is not an authority in content/authorities/"),
    ("planted phone number", "summary: Councillors", "summary: Ring 07700 900123. Councillors",
     f"{FIXTURE_MEETING}:10: summary: [privacy-phone] contains a phone number: "
     "'Ring 07700 900123. Councillors...'"),
    ("planted e-mail address", "summary: Councillors", "summary: Mail jo@example.org. Councillors",
     f"{FIXTURE_MEETING}:10: summary: [privacy-email] contains an e-mail address: "
     "'Mail jo@example.org. Councillors...'"),
]


@pytest.mark.parametrize(("old", "new", "message"), [b[1:] for b in BREAKAGES],
                         ids=[b[0] for b in BREAKAGES])
def test_broken_content_fails_the_build_and_leaves_site_untouched(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    old: str, new: str, message: str,
) -> None:
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    before = snapshot(project / "site")
    meeting = project / "content" / "meetings" / "testshire" / "2024-05-01-scrutiny.yaml"
    meeting.write_text(meeting.read_text().replace(old, new, 1))
    capsys.readouterr()

    assert main(["build"]) == 1

    out, err = capsys.readouterr()
    assert message in out.splitlines()
    assert "site/ was left as it was" in err
    assert snapshot(project / "site") == before


def test_mkdocs_warning_fails_the_build_and_leaves_site_untouched(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    before = snapshot(project / "site")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Glossary: glossary.md",
                                                 "  - Glossary: glossary.md\n  - Gone: gone.md"))
    capsys.readouterr()

    assert main(["build"]) == 1

    _, err = capsys.readouterr()
    assert "gone.md" in err
    assert snapshot(project / "site") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_build_reports_pages_and_where_to_open_them(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    out = capsys.readouterr().out
    assert re.fullmatch(
        r"Built 21 pages and 15 data files \(36 files changed\) in \d+\.\d s\.\n"
        r"Open site/index.html, or run: python -m http.server -d site 8000\n"
        r"The editor \(/admin/\) was left out: its script is not installed\. Run 'npm ci' in "
        r"the project folder, then build again\.\n", out  # this scratch project has no npm ci
    )


def test_drafts_are_published_only_when_asked(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    monkeypatch.chdir(project)
    assert main(["build", "--include-drafts", "--site", str(tmp_path / "preview")]) == 0
    assert (tmp_path / "preview" / "meetings" / "testshire-2024-06-01-scrutiny").is_dir()
    assert main(["build"]) == 0
    assert not (project / "site" / "meetings" / "testshire-2024-06-01-scrutiny").exists()


def test_exempt_item_reaches_no_output_file(project: Path) -> None:
    build(options_for(project))
    files = [p for p in (project / "site").rglob("*") if p.is_file()]
    assert any(p.suffix == ".pf_fragment" for p in files)  # the search index is there
    leaked = [p for p in files if b"EXEMPT-MARKER-7f3a" in _plain(p.read_bytes())]
    assert leaked == []
    indexed = b"".join(_plain(p.read_bytes()) for p in files if "pagefind" in p.parts)
    assert b"neglect" in indexed.lower()


def _plain(data: bytes) -> bytes:
    """Return a file's bytes, decompressed if Pagefind gzipped them."""
    import gzip

    if data.startswith(b"\x1f\x8b"):
        return gzip.decompress(data)
    return data


def test_validate_command(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(project)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out == (
        "Content is valid: 1 authority, 2 meetings, 1 review, 2 topics, 2 glossary terms.\n"
    )


ATTACKS = {
    "summary: Councillors looked at":
        'summary: <script>alert("xss-1")</script> Councillors looked at',
    "    summary: One councillor could not come.":
        "    summary: One <img src=x onerror=alert('xss-2')> councillor could not come.",
    "    points: [The Director presented the report.]":
        "    points: ['[click me](javascript:alert(3))', '<div onclick=\"alert(4)\">x</div>']",
    "    title: Neglect strategy": "    title: 'Neglect strategy { onclick=alert(5) }'",
}


def test_content_is_never_trusted_as_markup(project: Path) -> None:
    meeting = project / "content" / "meetings" / "testshire" / "2024-05-01-scrutiny.yaml"
    text = meeting.read_text()
    for old, new in ATTACKS.items():
        assert old in text
        text = text.replace(old, new, 1)
    meeting.write_text(text)
    findings = build(options_for(project)).findings
    assert [f for f in findings if f.level == "error"] == []  # 'alert(5)' is only a warning
    page = project / "site" / "meetings" / "testshire-2024-05-01-scrutiny" / "index.html"
    html = page.read_text(encoding="utf-8")
    tags = re.findall(r"<[a-zA-Z][^>]*>", html)
    assert [t for t in tags if re.search(r"\son\w+\s*=", t)] == []
    assert [t for t in tags if "javascript:" in t.lower()] == []
    assert not re.search(r"<script(?![^>]*ld\+json)[^>]*>[^<]*alert", html)
    structured = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert structured and all("<" not in data for data in structured)
    visible = html_text(page)
    for shown in ['<script>alert("xss-1")</script>', "<img src=x onerror=alert('xss-2')>",
                  "[click me](javascript:alert(3))", '<div onclick="alert(4)">x</div>',
                  "{ onclick=alert(5) }"]:
        assert shown in visible.replace("&lt;", "<").replace("&gt;", ">").replace(
            "&quot;", '"').replace("&#39;", "'").replace("&amp;", "&"), shown


def test_readability_command(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(project)
    assert main(["readability"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("meetings/testshire-2024-05-01-scrutiny.md")
    assert re.search(r"Summaries: median grade \d+\.\d, worst \d+\.\d\. Source papers: "
                     r"median grade \d+\.\d\.", out)


def test_only_changed_markdown_is_rewritten(project: Path) -> None:
    options = options_for(project)
    build(options)
    docs = project / "build" / "docs"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    (docs / "meetings" / "gone").mkdir()  # a page the site no longer has, in its own folder
    (docs / "meetings" / "gone" / "old.md").write_text("# Gone")
    assert build(options).written == 0
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")} == before
    assert not (docs / "meetings" / "gone").exists()
    meeting = project / "content" / "meetings" / "testshire" / "2024-05-01-scrutiny.yaml"
    meeting.write_text(meeting.read_text().replace("summary: One councillor could not come.",
                                                   "summary: One councillor was away."))
    changed = build(options).written
    page = docs / "meetings" / "testshire-2024-05-01-scrutiny.md"
    assert changed >= 1 and page.stat().st_mtime_ns != before[page]
    untouched = docs / "glossary.md"
    assert untouched.stat().st_mtime_ns == before[untouched]


def test_drafts_never_go_into_the_published_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    before = snapshot(project / "site")
    capsys.readouterr()
    assert main(["build", "--include-drafts"]) == 2
    assert capsys.readouterr().err == (
        "--include-drafts would put drafts into site/, the folder that is published. Preview "
        "somewhere else: digest build --include-drafts --site preview\n")
    assert snapshot(project / "site") == before


def test_an_approved_review_cannot_point_at_a_draft_meeting(project: Path) -> None:
    review = project / "content" / "reviews" / "testshire" / "testshire-annual-report-2023-24.yaml"
    review.write_text(review.read_text().replace("considered_at: testshire-2024-05-01-scrutiny",
                                                 "considered_at: testshire-2024-06-01-scrutiny"))
    result = build(options_for(project))
    assert [f.format() for f in result.findings] == [
        "content/reviews/testshire/testshire-annual-report-2023-24.yaml:8: considered_at: this "
        "approved review points at the meeting 'testshire-2024-06-01-scrutiny', which is still a "
        "draft\n    hint: approve the meeting first, or leave considered_at out for now"]
    assert not (project / "site").exists()
