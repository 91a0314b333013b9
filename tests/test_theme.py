"""The page skeleton made from the installed Material: menus outside <main>, help after it."""

from __future__ import annotations

import pytest

from digest import theme


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
