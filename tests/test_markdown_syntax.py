"""The Markdown syntax left out of MkDocs' conversion is syntax no generated page uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Markdown
from mkdocs.utils.meta import get_data

from tests.conftest import site_config

OURS = "digest.markdown_syntax"


def _markdown(with_ours: bool) -> Markdown:
    """Python-Markdown as mkdocs.yml sets it up, with or without our extension."""
    listed: list[Any] = site_config()["markdown_extensions"]
    names, configs = [], {}
    for item in listed:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name != OURS or with_ours:
            names.append(name)
            configs[name] = config or {}
    return Markdown(extensions=names, extension_configs=configs)


def test_mkdocs_converts_with_our_syntax_and_it_leaves_syntax_out() -> None:
    text = "![a chart](chart.png) and [a][ref] and <someone@example.org>  \nnext line\n\n[ref]: x\n"
    assert "<img" in _markdown(with_ours=False).convert(text)
    html = _markdown(with_ours=True).convert(text)
    assert "<img" not in html and "<br" not in html and "mailto" not in html
    assert "href" not in html


def test_every_generated_page_converts_the_same_without_the_unused_syntax(
        real_site: Path) -> None:
    full, ours = _markdown(with_ours=False), _markdown(with_ours=True)
    pages = sorted((real_site.parent / "docs").rglob("*.md"))
    assert len(pages) > 40
    for page in pages:
        markdown_text, _ = get_data(page.read_text(encoding="utf-8"))
        full.reset()
        ours.reset()
        assert ours.convert(markdown_text) == full.convert(markdown_text), page.name
