"""Everyday tasks done as a parent does them: on a 390 px phone, from the home page, by tapping
links, with a count of the taps each takes. Then what each page must offer everyone: help,
reflow at 320 px, a keyboard path, plain headings, and feeds a browser can show."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from digest import audit

from .conftest import browser_needed, tab_through

pytestmark = browser_needed
PHONE = {"width": 390, "height": 844}


class Reader:
    """A person on a phone: starts on the home page and counts every tap."""

    def __init__(self, page: Any, base: str) -> None:
        self.page, self.base, self.taps = page, base, 0
        page.goto(base)

    def tap(self, name: str, role: str = "link", exact: bool = False) -> None:
        """Tap the first visible control with this accessible name (scrolling to it first)."""
        target = self.page.get_by_role(role, name=name, exact=exact).first
        target.scroll_into_view_if_needed()
        assert target.is_visible(), f"{name!r} cannot be seen"
        target.click()
        self.taps += 1
        self.page.wait_for_load_state()

    def sees(self, text: str) -> bool:
        """Say whether the page's main content shows this text."""
        return text in (self.page.inner_text("main") or "")


@pytest.fixture(scope="module")
def phone(real_site: Path) -> Iterator[tuple[Any, str]]:
    with audit.serve(real_site) as base, audit.chromium() as browser:
        context = browser.new_context(viewport=PHONE)
        yield context, base
        context.close()


def reader(phone: tuple[Any, str]) -> Reader:
    context, base = phone
    return Reader(context.new_page(), base)


def test_what_walsall_decided_in_april_2024(phone: tuple[Any, str]) -> None:
    person = reader(phone)
    person.tap("Walsall Council")
    person.tap("Tuesday 16 April 2024")
    assert person.sees("What was decided")
    assert person.sees("The committee will write to the police and crime commissioner.")
    decision = person.page.locator("li", has_text="write to the police and crime commissioner")
    decision.locator("summary", has_text="The council's words").first.click()  # one tap away
    person.taps += 1
    assert decision.get_by_text("to the Police and Crime Commissioner expressing concern")\
        .first.is_visible()
    assert person.taps == 3


def test_what_lado_means(phone: tuple[Any, str]) -> None:
    person = reader(phone)
    person.tap("Menu", role="button")
    person.tap("Glossary")
    assert person.sees("LADO")
    assert person.sees("Local Authority Designated Officer")
    assert person.taps == 2


def test_has_sandwell_done_what_scrutiny_recommended(phone: tuple[Any, str]) -> None:
    person = reader(phone)
    person.tap("Sandwell Council")
    person.tap("what was recommended in Sandwell Council", exact=False)
    summary = re.search(r"Where things stand: of (\d+) recommendations?, the papers say (\d+) "
                        r"(?:is|are) done", person.page.inner_text("main"))
    assert summary and int(summary.group(2)) >= 1
    assert person.sees("Not reported: the papers do not say")
    assert person.taps == 2


def test_how_many_children_are_on_child_protection_plans(phone: tuple[Any, str]) -> None:
    person = reader(phone)
    person.tap("Sandwell Council")
    assert person.sees("How many children are on a child protection plan?")
    assert person.sees("Children on child protection plans: 339 children")
    person.page.goto(person.base)
    person.tap("Walsall Council")
    assert person.sees("The papers on this site do not give this figure for Walsall Council.")
    assert person.page.get_by_role("link", name="see the official figures").first.is_visible()
    assert person.taps == 2


def test_who_to_call(phone: tuple[Any, str]) -> None:
    person = reader(phone)
    person.tap("Worcestershire County Council")
    help_region = person.page.get_by_role("complementary", name="Worried about a child?")
    help_region.scroll_into_view_if_needed()
    assert help_region.get_by_role("link", name="999").get_attribute("href") == "tel:999"
    assert help_region.get_by_role("link", name="01905 822666").get_attribute("href") == \
        "tel:+441905822666"
    assert person.taps == 1


def test_search(phone: tuple[Any, str]) -> None:
    person = reader(phone)
    person.page.fill("#digest-search-box", "exploitation")
    person.tap("Go", role="button")
    person.page.wait_for_selector("#digest-search-results a", timeout=15000)
    status = person.page.get_by_role("status")
    assert re.match(r"\d+ results? for exploitation", status.inner_text())
    links = [a.get_attribute("href") for a in
             person.page.query_selector_all("#digest-search-results a")]
    assert len(links) == len(set(links)), "a page is listed once"
    person.page.click("#digest-search-results a >> nth=0")
    person.taps += 1
    assert "exploit" in person.page.inner_text("main").lower()
    assert person.taps == 2


def test_follow_sandwell(phone: tuple[Any, str]) -> None:
    person = reader(phone)
    person.tap("Sandwell Council")
    calendar = person.page.get_by_role("link", name="Add to calendar")
    assert (calendar.get_attribute("href") or "").startswith("webcal://")
    person.tap("open the news feed")
    assert person.page.get_by_role("heading", level=1).inner_text().startswith("News feed")
    assert person.page.get_by_text("This is a news feed.").is_visible()
    assert person.taps == 2


def test_no_page_scrolls_sideways_at_320_px(real_site: Path, phone: tuple[Any, str]) -> None:
    context, base = phone
    narrow = context.browser.new_context(viewport={"width": 320, "height": 700})
    assert audit.wider_than_screen(narrow.new_page(), base, audit.site_pages(real_site)) == {}
    narrow.close()


def test_keyboard_at_phone_width_reaches_the_menu_and_never_focuses_the_unseen(
        phone: tuple[Any, str]) -> None:
    context, base = phone
    page = context.new_page()
    page.goto(base + "meetings/walsall-2024-04-16-childrens-services-scrutiny/")
    reached = tab_through(page, 40,
        "(() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
        " const seen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&"
        " r.left < innerWidth; return (seen ? '' : 'UNSEEN ') +"
        " (e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40)); })()")
    assert "Menu" in reached[:3]
    assert not [name for name in reached if name.startswith("UNSEEN")]
    page.get_by_role("button", name="Menu").focus()
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Menu").get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"


def _html_pages(site: Path) -> list[tuple[str, str]]:
    """Return every reader's page (not the comms team's editor) with its HTML."""
    return [(page or "index.html", (site / page / "index.html" if not page.endswith(".html")
                                    else site / page).read_text(encoding="utf-8"))
            for page in audit.site_pages(site)]


def test_every_page_has_help_with_numbers_to_tap_and_a_menu_outside_main(
        real_site: Path) -> None:
    for name, html in _html_pages(real_site):
        if name == "404.html":
            continue
        assert '<h2 id="digest-help-title">Worried about a child?</h2>' in html, name
        assert 'href="tel:999"' in html and 'href="tel:+448088005000"' in html, name
        main = html[html.index("<main"):html.index("</main>")]
        assert "md-nav--primary" not in main, f"{name}: the site menu is inside <main>"
        assert "¶" not in html and "headerlink" not in html, f"{name}: a pilcrow permalink"


def test_the_search_page_has_its_own_heading_and_a_message_without_javascript(
        phone: tuple[Any, str]) -> None:
    context, base = phone
    page = context.new_page()
    page.goto(base + "search/")
    page.wait_for_selector("#digest-search-input", state="visible")
    assert page.get_by_role("heading", level=1).inner_text() == "Search"
    assert page.get_by_label("Search for").count() == 1
    ids = page.evaluate("Array.from(document.querySelectorAll('[id]'), e => e.id)")
    assert len(ids) == len(set(ids)), "ids are unique"
    browser = context.browser
    quiet = browser.new_context(viewport=PHONE, java_script_enabled=False)
    blank = quiet.new_page()
    blank.goto(base + "search/")
    message = blank.locator(".digest-noscript")  # text selectors skip <noscript>; CSS does not
    assert message.is_visible()
    assert message.inner_text().startswith("Search needs JavaScript.")
    assert message.locator("a", has_text="browse by area").is_visible()
    quiet.close()
