"""Jinja2 environment that renders page contexts into Markdown for MkDocs.

Text from content is never trusted as markup: every ``{{ value }}`` is escaped for both HTML and
Markdown unless it is ``Markup`` built by our own code (links, anchors, front matter). Forgetting
a filter therefore fails safe.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from digest.charts import bar_chart
from digest.explain import Explainer
from digest.model import GlossaryTerm
from digest.render_text import (
    escape_markdown,
    number_text,
    relative_link,
    search_filters,
    site_relative,
    web_address,
)
from digest.structured import event_jsonld, report_jsonld

if TYPE_CHECKING:
    from digest.plan import Page

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


def front_matter(**fields: str | bool) -> Markup:
    """Return a YAML front matter block of HTML-escaped values.

    MkDocs themes print front matter (the meta description, the title) into HTML without
    escaping it, so text values are escaped here; values that are already ``Markup`` (our own
    feed paths and script-safe JSON-LD) are kept. YAML quoting keeps everything inert as YAML.
    """
    escaped = {
        key: value if isinstance(value, bool) else str(value) if isinstance(value, Markup)
        else html.escape(" ".join(str(value).split()), quote=False).replace('"', "&quot;")
        for key, value in fields.items()
    }
    # JSON strings are valid YAML, and far quicker to write than YAML's own quoting.
    body = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                   for key, value in escaped.items())
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
        long_date=long_date, short_date=short_date, number=number_text, url=web_address
    )
    env.globals.update(front_matter=front_matter, bar_chart=bar_chart,
                       search_filters=search_filters,
                       event_jsonld=event_jsonld, report_jsonld=report_jsonld)
    return env


def render_page(env: Environment, page: Page, glossary: list[GlossaryTerm]) -> str:
    """Render one page.

    In the template, ``link`` resolves site paths relative to this page and ``explain`` escapes
    text while explaining each glossary term on its first use on the page.
    """
    def link(to_page: str) -> Markup:
        return relative_link(page.path, to_page)

    def link_raw(to_file: str) -> Markup:
        return site_relative(page.path, to_file)

    explain = Explainer(glossary, page.path, page.authority)
    return env.get_template(page.template).render(
        page.context, link=link, link_raw=link_raw, explain=explain, page_path=page.path
    )
