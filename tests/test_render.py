"""Pages as Markdown: escaping, and one golden file per page kind from the fixture content."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.plan import plan_site, publishable
from digest.render import make_environment, render_page
from digest.render_text import escape_markdown, relative_link
from digest.validate import load_and_validate

from .conftest import FIXTURE_CONTENT, PROJECT

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize(("text", "markdown"), [
    ("plain words", "plain words"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
    ("*bold* and _it_", "\\*bold\\* and \\_it\\_"),
    ("# not a heading", "\\# not a heading"),
    ("1. not a list", "1\\. not a list"),
    ("- not a bullet", "\\- not a bullet"),
    ("a | b", "a \\| b"),
    ("{: onclick=x }", "\\{: onclick=x \\}"),
    ("Q&A", "Q&amp;A"),
    ("`code`", "\\`code\\`"),
    ("line one\nline two", "line one line two"),
    (", ", ", "),
])
def test_escape_markdown(text: str, markdown: str) -> None:
    assert escape_markdown(text) == markdown


@pytest.mark.parametrize(("source", "target", "link"), [
    ("index.md", "meetings/a.md", "meetings/a.md"),
    ("meetings/a.md", "topics/b.md", "../topics/b.md"),
    ("meetings/a.md", "meetings/a.md#item-1", "a.md#item-1"),
    ("authorities/x.md", "glossary.md", "../glossary.md"),
])
def test_relative_link(source: str, target: str, link: str) -> None:
    assert relative_link(source, target) == link


def rendered_fixture_pages() -> dict[str, str]:
    content, findings = load_and_validate(FIXTURE_CONTENT)
    assert findings == []
    environment = make_environment(PROJECT / "templates")
    return {
        page.path: render_page(environment, page, content.glossary, content.authorities,
                                 "https://digest.example/")
        for page in plan_site(publishable(content))
    }


PAGES = rendered_fixture_pages()
ONE_PER_KIND = [
    "index.md", "authorities/index.md", "authorities/testshire.md",
    "meetings/testshire-2024-05-01-scrutiny.md", "reviews/index.md",
    "reviews/testshire-annual-report-2023-24.md", "topics/index.md", "topics/neglect.md",
    "glossary.md", "about.md", "sources/testshire-2024-05-01-minutes.md",
    "recommendations.md", "accessibility.md", "updates.md", "data.md", "search.md",
    "recommendations/testshire.md", "help.md", "committees/testshire-scrutiny.md",
]


@pytest.mark.parametrize("page", ONE_PER_KIND)
def test_page_matches_golden_file(page: str, regen: bool) -> None:
    golden = GOLDEN / page
    if regen:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(PAGES[page], encoding="utf-8")
    assert PAGES[page] == golden.read_text(encoding="utf-8"), (
        f"{page} changed; if that is intended, run pytest --regen and review git diff"
    )


def test_every_page_kind_has_a_golden_file() -> None:
    kinds = {page.split("/")[0] for page in PAGES}
    assert kinds == {page.split("/")[0] for page in ONE_PER_KIND}


def test_exempt_and_draft_content_never_reaches_a_page() -> None:
    everything = "\n".join(PAGES.values())
    assert "EXEMPT-MARKER-7f3a" not in everything
    assert "DRAFT-MARKER-91bc" not in everything
    assert "testshire-2024-06-01-scrutiny" not in everything
