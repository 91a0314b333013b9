"""The built site in a real browser: axe-core on every page at phone and desktop widths, and
keyboard use."""

from __future__ import annotations

from pathlib import Path

from digest import audit

from .conftest import browser_needed, tab_through

pytestmark = browser_needed


def test_every_page_has_no_accessibility_violations(real_site: Path) -> None:
    results = audit.audit(real_site)
    assert len(results) == 3 * len(audit.site_pages(real_site)) >= 3 * 30
    assert {key: found for key, found in results.items() if found} == {}


def test_dark_mode_has_no_accessibility_violations(real_site: Path) -> None:
    results = audit.audit(real_site, (390,), scheme="dark")
    assert len(results) == len(audit.site_pages(real_site))
    assert {key: found for key, found in results.items() if found} == {}


def test_keyboard_reaches_skip_link_search_and_navigation(real_site: Path) -> None:
    with audit.serve(real_site) as base, audit.chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('md-skip')")
        reached = tab_through(page, 25,
            "(() => { const e = document.activeElement;"
            " return e.closest('.digest-search') ? 'search'"
            " : e.closest('.md-nav--primary') ? 'navigation:' + e.textContent.trim()"
            " : e.tagName; })()")
        assert "search" in reached
        assert "navigation:Areas" in reached

        page.goto(base)
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#safeguarding-digest"
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('.md-content')")


def test_charts_have_a_title_a_description_and_a_table(real_site: Path) -> None:
    html = (real_site / "reviews" / "walsall-scb-annual-report-2013-14" / "index.html").read_text()
    assert 'role="img" aria-labelledby="chart-1-title chart-1-desc"' in html
    assert ('<desc id="chart-1-desc">Bar chart. Expected: 30 deaths; Unexpected: 7 deaths.</desc>'
            in html)
    assert "<th>Child deaths in Walsall, 2013-14</th>" in html


def test_screenshot_script_saves_pngs(real_site: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parent.parent / "benchmarks" / "screenshots.py"
    subprocess.run([sys.executable, str(script), "--site", str(real_site), "--out",
                    str(tmp_path)], check=True, capture_output=True)
    shots = sorted(path.name for path in tmp_path.glob("*.png"))
    assert shots == sorted(f"{name}-{width}.png" for name in ("home", "meeting", "review")
                           for width in audit.WIDTHS)
    assert all(path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for path in tmp_path.glob("*.png"))


def test_search_finds_a_meeting_by_a_word_from_its_summary(real_site: Path) -> None:
    with audit.serve(real_site) as base, audit.chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 900})
        page.goto(base)
        page.fill("#digest-search-box", "convictions")
        page.keyboard.press("Enter")
        page.wait_for_selector("#digest-search-results a", timeout=15000)
        links = [a.get_attribute("href") for a in page.query_selector_all(
            "#digest-search-results a")]
        assert "/meetings/walsall-2024-04-16-childrens-services-scrutiny/" in links
        page.goto(base + "search/?q=councillors")
        page.wait_for_selector("#digest-search-results a", timeout=15000)
        page.click("#digest-search-filters summary")
        page.wait_for_selector(".digest-filter", timeout=15000)
        assert "Walsall Council" in (page.text_content("#digest-filter-panel") or "")


def test_search_fetches_no_filter_index_until_a_reader_opens_the_filters(
        real_site: Path) -> None:
    with audit.serve(real_site) as base, audit.chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 900})
        fetched: list[str] = []
        page.on("response", lambda response: fetched.append(response.url))
        page.goto(base + "search/?q=neglect")
        page.wait_for_selector("#digest-search-results a", timeout=15000)
        assert not [url for url in fetched if "/pagefind/filter/" in url]
        assert not [url for url in fetched if "pagefind-ui" in url]
        page.click("#digest-search-filters summary")
        page.wait_for_selector(".digest-filter", timeout=15000)
        assert [url for url in fetched if "/pagefind/filter/" in url]


def test_the_menu_shows_the_section_a_meeting_page_belongs_to(real_site: Path) -> None:
    meeting = next((real_site / "meetings").iterdir()).name
    with audit.serve(real_site) as base, audit.chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}meetings/{meeting}/")
        current = page.locator(".md-nav--primary a[aria-current='location']")
        assert current.count() == 1 and current.inner_text().strip() == "Areas"
