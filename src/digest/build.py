"""The build as a short story: load, validate, plan, render, write, run MkDocs, swap site/."""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass, field, replace
from pathlib import Path

from digest.build_cache import Kept
from digest.checks import load_config, run_checks
from digest.editor import editor_files
from digest.errors import DigestError
from digest.export import exports
from digest.findings import Finding, has_errors
from digest.first_page import remember_content
from digest.heap import reading_content
from digest.model import Content
from digest.parallel import Background
from digest.plan import latest_date, plan_site, publishable
from digest.publish import build_site, configured_site_url, write_docs
from digest.readability_report import PaperMeasure, measure, measure_papers
from digest.render import write_pages
from digest.render_cache import RenderCache
from digest.site_folder import refuse_foreign_site, refuse_overlap, remove_set_aside
from digest.timing import Stopwatch
from digest.validate import load_and_validate


@dataclass(frozen=True)
class BuildOptions:
    """Where a build reads from and writes to; the defaults are the project's own folders."""

    content_dir: Path = Path("content")
    templates_dir: Path = Path("templates")
    config_file: Path = Path("mkdocs.yml")
    docs_dir: Path = Path("build/docs")
    site_dir: Path = Path("site")
    include_drafts: bool = False
    strict: bool = False
    allow_empty: bool = False  # a site with no authority, meeting or review is a mistake
    site_url: str | None = None  # overrides mkdocs.yml's site_url (e.g. a project sub-path)
    # Previews build in place, MkDocs rebuilding only changed pages, and skip the search index.
    in_place: bool = False


@dataclass
class BuildResult:
    """What a build did: its findings, and how many pages it generated and rewrote."""

    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    files: int = 0  # feeds, calendars, open data and the like, beside the pages
    written: int = 0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage
    editor: bool = False  # the editor is at /admin/ (its script is installed: `npm ci`)


def check_content(content_dir: Path, include_drafts: bool = False, strict: bool = False,
                  stopwatch: Stopwatch | None = None,
                  cache_dir: Path | None = None) -> tuple[Content, list[Finding]]:
    """Load, validate and check content; with ``strict``, warnings count as errors.

    ``cache_dir`` keeps each file's parse and each record's findings for the next run (builds
    and previews use it; ``digest check`` reads and checks everything afresh).
    """
    clock = stopwatch or Stopwatch()
    with clock.stage("load and validate"), reading_content():
        content, findings = load_and_validate(
            content_dir, cache_dir / "parse-cache.pickle" if cache_dir else None)
        config, config_findings = load_config(content_dir)
    findings += config_findings
    if has_errors(findings):
        return content, findings
    visible = publishable(content, include_drafts=include_drafts)
    with clock.stage("checks"):
        found = run_checks(visible, config, cache_dir / (
            "check-cache-drafts.pickle" if include_drafts else "check-cache.pickle")
            if cache_dir else None)
    # A preview shows drafts on this machine only (they are never published), so problems in
    # drafts are shown as warnings there, to be fixed before approval; approved records keep
    # their errors.
    drafts = {entry.document.path for entry in visible.entries if entry.is_draft}
    findings += [replace(f, level="warning") if f.path in drafts else f for f in found]
    if strict:
        findings = [replace(f, level="error") for f in findings]
    return visible, sorted(findings)


def build(options: BuildOptions) -> BuildResult:
    """Build the site; on any content error, return the findings and change nothing.

    A problem past the checks (a template, MkDocs, the search index) raises a DigestError
    that says the site was left as it was.
    """
    _refuse_unsafe_outputs(options)
    clock = Stopwatch()
    papers = Background(functools.partial(
        measure_papers, options.content_dir / "papers", _readability_cache(options)))
    tidy = Background(functools.partial(remove_set_aside, options.site_dir))
    try:
        result = _check_and_publish(options, clock, papers)
        tidy.result()  # long done on a second core; where there is one, done now
        return result
    finally:
        papers.cancel()
        tidy.cancel()


def _check_and_publish(options: BuildOptions, clock: Stopwatch,
                       papers: Background[dict[str, PaperMeasure]]) -> BuildResult:
    visible, findings = check_content(
        options.content_dir, options.include_drafts, options.strict, clock,
        cache_dir=options.docs_dir.parent)
    if not has_errors(findings) and not options.allow_empty and not (
            visible.authorities or visible.meetings or visible.reviews):
        findings.append(Finding(
            str(options.content_dir), 1, "", "there is nothing to publish: no authority, "
            "meeting or review is approved", hint="add content (see the README), or build an "
            "empty site on purpose with --allow-empty"))
    if has_errors(findings):
        return BuildResult(findings, stages=clock.stages)
    try:
        return _publish(options, visible, findings, clock, papers)
    except DigestError as exc:
        exc.add_note(f"\nThe build failed; {options.site_dir}/ was left as it was.")
        raise


def _publish(options: BuildOptions, visible: Content, findings: list[Finding],
             clock: Stopwatch, papers: Background[dict[str, PaperMeasure]]) -> BuildResult:
    site_url = configured_site_url(options.config_file, options.docs_dir, options.site_url)
    if options.in_place:
        remember_content(options.site_dir, visible, site_url, options.include_drafts)
    with clock.stage("render pages"):
        readability = measure(visible, options.content_dir / "papers",
                              _readability_cache(options), papers.result())
        pages = plan_site(visible, readability)
        kept = RenderCache(options.docs_dir, visible, options.templates_dir, site_url)
        # Pages are written as they are rendered: until all are, no fingerprint may vouch for
        # the docs folder.
        kept.forget()
        rendered = write_pages(options.docs_dir, options.templates_dir, pages, visible.glossary,
                               visible.authorities, site_url, kept)  # kept.reused: the rest
    with clock.stage("exports"):
        kept_exports = Kept(options.docs_dir.with_name(options.docs_dir.name + "-exports.pickle"))
        extra = exports(visible, site_url, kept_exports)
        kept_exports.save()
        editor = editor_files(options.config_file.resolve().parent, site_url)
    with clock.stage("write Markdown"):
        written = sum(rendered.values()) + write_docs(
            {**extra, **editor}, options.docs_dir, [*rendered, *kept.reused])
        kept.save()
    expected = [*(page.path for page in pages), *extra, *editor]
    build_site(options.config_file, options.docs_dir, options.site_dir, content_epoch(visible),
               expected, options.site_url, clock, in_place=options.in_place)
    return BuildResult(findings, pages=len(pages), files=len(extra), written=written,
                       stages=clock.stages, editor=bool(editor))


def _readability_cache(options: BuildOptions) -> Path:
    return options.docs_dir.parent / "readability-cache.pickle"


def _refuse_unsafe_outputs(options: BuildOptions) -> None:
    """Refuse output folders that are, hold or sit inside what the build reads."""
    project = options.config_file.resolve().parent
    inputs = [options.content_dir, options.templates_dir, project / ".git",
              project / "overrides"]
    for folder, what in ((options.site_dir, "--site"), (options.docs_dir, "the docs folder")):
        refuse_overlap(folder, inputs, [project], what)
    refuse_foreign_site(options.site_dir)


def content_epoch(content: Content) -> int:
    """Return the newest date in the content as a Unix time: the site's only timestamp."""
    return calendar.timegm(latest_date(content).timetuple())

