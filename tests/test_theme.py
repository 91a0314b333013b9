"""The page skeleton made from the installed Material: menus outside <main>, help after it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from digest import theme

from .conftest import site_config


def test_the_skeleton_has_one_main_around_the_page_and_help_after_it() -> None:
    skeleton = theme.page_skeleton()
    assert skeleton.count("<main") == 1 and skeleton.count("</main>") == 1
    main = skeleton[skeleton.index("<main"):skeleton.index("</main>")]
    assert "partials/nav.html" not in main and "partials/toc.html" not in main
    assert '{% include "partials/help.html" %}' in skeleton[skeleton.index("</main>"):]


def test_a_material_release_that_moves_the_lines_stops_the_build_with_a_reason(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme, "CHANGES", [("<main class=\"md-main-renamed\">", "<div>")])
    with pytest.raises(theme.ThemeChanged) as caught:
        theme.page_skeleton()
    assert "src/digest/theme.py" in caught.value.report()


def _menu(page: Path) -> tuple[str, list[tuple[str, str]]]:
    """Return a built page's site menu (the primary navigation) and its plain page links."""
    html = page.read_text(encoding="utf-8")
    menu = html[html.index('class="md-nav md-nav--primary"'):html.index("</ul>\n</nav>")]
    return menu, re.findall(r'<a href="([^"]+)" class="md-nav__link"><span class="md-ellipsis">'
                            r"([^<]+)</span></a>", menu)


def test_every_page_has_the_whole_site_menu_and_it_marks_the_page_the_reader_is_on(
        real_site: Path) -> None:
    titles = [next(iter(entry)) for entry in site_config()["nav"]]
    meeting = next((real_site / "meetings").glob("*/index.html"))
    _, links = _menu(meeting)
    assert [title for _, title in links] == titles
    for href, _ in links:
        assert (meeting.parent / href / "index.html").resolve().is_file(), href
    help_menu, help_links = _menu(real_site / "help" / "index.html")
    assert [title for _, title in help_links] == [t for t in titles if t != "Get help"]
    assert 'md-nav__item--active' in help_menu and "md-nav__link--active" in help_menu


def test_pages_are_labelled_in_british_english(real_site: Path) -> None:
    html = next((real_site / "meetings").glob("*/index.html")).read_text(encoding="utf-8")
    assert '<html lang="en-GB"' in html and '<body dir="ltr"' in html
    assert re.search(r'class="md-skip">\s*Skip to content\s*<', html)
    for label in ("Header", "Navigation", "Table of contents"):
        assert f'aria-label="{label}"' in html
