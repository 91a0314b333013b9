"""Text helpers for generated Markdown: escaping content, and links between pages."""

from __future__ import annotations

import functools
import html
import posixpath
import re
from urllib.parse import quote

from markupsafe import Markup

# Characters that start Markdown syntax anywhere in a line (Python-Markdown honours a backslash
# before each of them), and the patterns that only matter at the start of a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]|!])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#+\-=>]|\d+[.)])")


_NEEDS_ESCAPING = re.compile(r"[&<>\\`*_{}\[\]|!]|^\s*(?:[#+\-=>]|\d+[.)])")
_SPACE_RUN = re.compile(r"\s+")


def escape_markdown(text: str) -> Markup:
    """Return ``text`` as Markdown that displays exactly that text, on one line."""
    text = _SPACE_RUN.sub(" ", text)
    if not _NEEDS_ESCAPING.search(text):
        return Markup(text)  # most text has nothing to escape: skip the five passes below
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START_SPECIAL.sub(lambda m: m.group(1) + _escape_start(m.group(2)), text)
    return Markup(text)


def _escape_start(token: str) -> str:
    if token[-1] in ".)":
        return token[:-1] + "\\" + token[-1]
    return "\\" + token



def relative_link(from_page: str, to_page: str) -> Markup:
    """Return the relative Markdown link from one generated page to another ('a/b.md#x')."""
    target, _, anchor = to_page.partition("#")
    path = _relpath(target, posixpath.dirname(from_page) or ".")
    return Markup(path + (f"#{anchor}" if anchor else ""))


@functools.lru_cache(maxsize=65536)
def _relpath(target: str, folder: str) -> str:
    """Pages link to the same few places (the glossary, topics, areas): work each out once."""
    return posixpath.relpath(target, folder)


def number_text(value: float) -> str:
    """Return a number with thousands separators and no needless '.0'."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def amount(value: float, unit: str | None) -> str:
    """Return a number with its unit as a reader says it: '33%', '£21,832', '1 case', '7 deaths'.

    A unit written in the plural is made singular for exactly one ('cases', 'enquiries').
    """
    number = number_text(value)
    if not unit:
        return number
    if unit in {"%", "percent", "per cent"}:
        return f"{number}%"
    if unit.lower() == "million pounds":
        return f"£{number} million"
    if unit.startswith("£") or unit.lower() in {"pounds", "gbp"}:
        return f"£{number}{unit[1:].strip() if unit.startswith('£') else ''}"
    if value == 1:
        unit = re.sub(r"ies$", "y", unit) if unit.endswith("ies") else re.sub(
            r"(?<!s)s$", "", unit)
    return f"{number} {unit}"


def web_address(value: str) -> Markup:
    """Return a validated web address for a Markdown link, with brackets and spaces encoded."""
    return Markup(quote(value, safe=":/?#@!$&'*+,;=%-._~"))


def site_relative(page_path: str, target: str) -> Markup:
    """Return a URL for raw HTML, relative to the page's own address (pages are folders:
    'meetings/x.md' is served as 'meetings/x/'); MkDocs only rewrites Markdown links."""
    page_dir = "" if page_path.endswith("index.md") else page_path.removesuffix(".md")
    folder = posixpath.dirname(page_path) if page_path.endswith("index.md") else page_dir
    return Markup(posixpath.relpath(target, folder or "."))


def search_filters(**filters: str | list[str] | None) -> Markup:
    """Return hidden elements that tag a page for Pagefind's filters (area, topic, kind)."""
    elements = []
    for name, values in filters.items():
        for value in [values] if isinstance(values, str) else (values or []):
            safe = html.escape(f"{name}:{value}", quote=True)
            elements.append(f'<span hidden data-pagefind-filter="{safe}"></span>')
    return Markup(f"<div hidden>{''.join(elements)}</div>") if elements else Markup("")
