"""Jinja2 environment that renders page contexts into Markdown for MkDocs.

Text from content is never trusted as markup: every ``{{ value }}`` is escaped for both HTML and
Markdown unless it is ``Markup`` built by our own code (links, anchors, front matter). Forgetting
a filter therefore fails safe.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urljoin

import jinja2
import phonenumbers
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from digest.charts import bar_chart
from digest.errors import DigestError
from digest.explain import Explainer
from digest.model import Authority, GlossaryTerm
from digest.parallel import PARALLEL_AT, in_dealt_order, map_runs
from digest.plan import PROGRESS_WORDS
from digest.publish import write_if_changed
from digest.render_cache import RenderCache
from digest.render_text import (
    amount,
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

T = TypeVar("T")


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


def lower_first(text: str) -> str:
    """Return 'The minutes of ...' as 'the minutes of ...', for use inside a sentence."""
    return "t" + text[1:] if text.startswith("The ") else text


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


def tel(line: str) -> Markup:
    """Return a UK phone line as a ``tel:`` address: '+441905822666' (digits only, so safe)."""
    return Markup(phonenumbers.format_number(phonenumbers.parse(line, "GB"),
                                             phonenumbers.PhoneNumberFormat.E164))


def help_fields(authority: Authority | None) -> dict[str, str]:
    """Front matter for the 'Worried about a child?' region: the area's own published lines.

    Only what the authority file gives is shown; a ``tel:`` link is the number in international
    form, digits only, made by phonenumbers from a line the model has already checked.
    """
    if authority is None:
        return {}
    fields = {"help_area": authority.name,
              "help_place": re.sub(r"\s+(?:(?:Metropolitan\s+)?Borough|County|City|District)?"
                                   r"\s*Council$", "", authority.name) or authority.name}
    for key, line in (("help_line", authority.help.children_front_door),
                      ("help_out_of_hours", authority.help.out_of_hours)):
        if line:
            fields[key] = line
            fields[f"{key}_tel"] = tel(line)
    if authority.help.page:
        fields["help_page"] = authority.help.page
    return fields


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
        long_date=long_date, short_date=short_date, number=number_text, url=web_address,
        lower_first=lower_first, amount=amount,
    )
    env.globals.update(front_matter=front_matter, bar_chart=bar_chart, tel=tel,
                       progress_words=PROGRESS_WORDS,
                       search_filters=search_filters,
                       event_jsonld=event_jsonld, report_jsonld=report_jsonld)
    return env


def render_page(env: Environment, page: Page, glossary: list[GlossaryTerm],
                authorities: dict[str, Authority], site_url: str) -> str:
    """Render one page.

    In the template, ``link`` resolves site paths relative to this page and ``explain`` escapes
    text while explaining each glossary term on its first use on the page. The front matter of
    a page about one area carries that area's help lines for the help region.
    """
    def link(to_page: str) -> Markup:
        return relative_link(page.path, to_page)

    def link_raw(to_file: str) -> Markup:
        return site_relative(page.path, to_file)

    def webcal(to_file: str) -> Markup:
        """Return a calendar's webcal: address, which phones open as 'subscribe'."""
        address = urljoin(site_url, to_file)
        return Markup("webcal://" + address.split("://", 1)[1])

    explain = Explainer(glossary, page.path, page.authority)
    with_help = functools.partial(front_matter, **help_fields(
        authorities.get(page.authority) if page.authority else None))
    return env.get_template(page.template).render(
        page.context, link=link, link_raw=link_raw, webcal=webcal, explain=explain,
        page_path=page.path,
        front_matter=with_help,
    )


class TemplateProblem(DigestError):
    """A template could not be rendered: a bug in templates/, not in content."""


def render_pages(templates_dir: Path, pages: list[Page], glossary: list[GlossaryTerm],
                 authorities: dict[str, Authority], site_url: str,
                 parallel_at: int = PARALLEL_AT,
                 kept: RenderCache | None = None) -> dict[str, str]:
    """Render every page, by path; on every core for a large site (each page is rendered
    from its own context, so the order of rendering changes nothing). Pages whose inputs are
    unchanged since the last build are left out, as ``kept`` lists them (render_cache.py)."""
    return dict(_rendered(templates_dir, pages, glossary, authorities, site_url, parallel_at,
                          kept, _text))


def write_pages(docs_dir: Path, templates_dir: Path, pages: list[Page],
                glossary: list[GlossaryTerm], authorities: dict[str, Authority], site_url: str,
                kept: RenderCache | None = None) -> dict[str, bool]:
    """Render the pages as ``render_pages`` does and write each into ``docs_dir`` on the core
    that rendered it, unless the file already holds it; return whether each was written.

    Creating files is the kernel's work, and slow on a busy disk (16,000 pages at national
    scale: 1 to 4 s); beside the rendering, one core writes while the other renders.
    """
    return dict(_rendered(templates_dir, pages, glossary, authorities, site_url, None, kept,
                          functools.partial(write_if_changed, docs_dir)))


def _rendered(templates_dir: Path, pages: list[Page], glossary: list[GlossaryTerm],
              authorities: dict[str, Authority], site_url: str, parallel_at: int | None,
              kept: RenderCache | None, deliver: Callable[[str, str], T]) -> list[tuple[str, T]]:
    changed = [page for page in pages if kept is None or not kept.unchanged(page)]
    return in_dealt_order(map_runs(functools.partial(
        _render_run, templates_dir, glossary, authorities, site_url, deliver), changed,
        parallel_at))


def _text(path: str, text: str) -> str:
    """Deliver a rendered page as its text, to send back from the worker that rendered it."""
    return text


def _render_run(templates_dir: Path, glossary: list[GlossaryTerm],
                authorities: dict[str, Authority], site_url: str,
                deliver: Callable[[str, str], T], pages: Sequence[Page]) -> list[tuple[str, T]]:
    environment = make_environment(templates_dir)
    try:
        return [(page.path, deliver(page.path, render_page(environment, page, glossary,
                                                           authorities, site_url)))
                for page in pages]
    except jinja2.TemplateError as exc:
        # Raised as our own error: it crosses from a worker process intact, and says where.
        raise TemplateProblem(_describe_template_error(exc)) from None


def _describe_template_error(exc: jinja2.TemplateError) -> str:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"templates/{exc.name}:{exc.lineno}: {exc.message}"
    return f"a template failed: {exc}"
