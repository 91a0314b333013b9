"""Jinja2 environment that renders page contexts into Markdown for MkDocs.

Text from content is never trusted as markup: every ``{{ value }}`` is escaped for both HTML and
Markdown unless it is ``Markup`` built by our own code (links, anchors, front matter). Forgetting
a filter therefore fails safe.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

# Characters that start Markdown syntax anywhere in a line (Python-Markdown honours a backslash
# before each of them), and the patterns that only matter at the start of a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]|!])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])")


def escape_markdown(text: str) -> Markup:
    """Return ``text`` as Markdown that displays exactly that text, on one line."""
    text = re.sub(r"\s+", " ", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START_SPECIAL.sub(lambda m: m.group(1) + _escape_start(m.group(2)), text)
    return Markup(text)


def _escape_start(token: str) -> str:
    if token[-1] in ".)":
        return token[:-1] + "\\" + token[-1]
    return "\\" + token


def escape_paragraphs(text: str) -> Markup:
    """Return ``text`` as escaped Markdown paragraphs, keeping its blank-line paragraph breaks."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return Markup("\n\n".join(escape_markdown(p) for p in paragraphs))


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape_markdown(value)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int | float):
        return f"{value:,}"
    return value


def long_date(value: dt.date) -> str:
    """Return a date as a person writes it: 'Tuesday 16 April 2024'."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: dt.date) -> str:
    """Return a date as '16 April 2024'."""
    return f"{value.day} {value:%B %Y}"


def number(value: float) -> str:
    """Return a number with thousands separators and no needless '.0'."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def front_matter(**fields: str) -> Markup:
    """Return a YAML front matter block of HTML-escaped values.

    MkDocs themes print front matter (the meta description, the title) into HTML without
    escaping it, so the values are escaped here; YAML quoting keeps them inert as YAML.
    """
    escaped = {
        key: html.escape(" ".join(value.split()), quote=False).replace('"', "&quot;")
        for key, value in fields.items()
    }
    body = yaml.safe_dump(escaped, sort_keys=False, allow_unicode=True, width=1000)
    return Markup(f"---\n{body}---\n")


def make_environment(templates_dir: Path) -> Environment:
    """Return the Jinja environment used for every page."""
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        long_date=long_date, short_date=short_date, number=number, paragraphs=escape_paragraphs
    )
    env.globals.update(front_matter=front_matter)
    return env


def relative_link(from_page: str, to_page: str) -> Markup:
    """Return the relative Markdown link from one generated page to another ('a/b.md#x')."""
    target, _, anchor = to_page.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return Markup(path + (f"#{anchor}" if anchor else ""))


def render_page(env: Environment, template: str, page_path: str, context: dict[str, Any]) -> str:
    """Render one page; ``link`` in the template resolves site paths relative to this page."""
    def link(to_page: str) -> Markup:
        return relative_link(page_path, to_page)

    return env.get_template(template).render(context, link=link, page_path=page_path)
