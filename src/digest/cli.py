"""The command line: each command parses its options and calls one library function."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

from digest.build import BuildOptions, build, check_content
from digest.errors import DigestError, UsageError
from digest.extract import extract_paper
from digest.extract.report_text import extraction_report
from digest.extract.write import write_extraction
from digest.findings import Finding, as_github, as_json, format_all, has_errors
from digest.new import new_meeting, new_review
from digest.readability_report import format_table, measure
from digest.serve import preview_options, serve
from digest.site_folder import refuse_overlap
from digest.validate import load_and_validate


def main(argv: list[str] | None = None) -> int:
    """Run the digest command line; return the exit code (0 ok, 1 problems found, 2 usage)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        result: int = args.run(args)
        return result
    except DigestError as exc:
        print(exc.report(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug of ours: say so in one line and keep the trace for a report
        trace = _save_trace()
        print(f"digest stopped on an unexpected problem (a bug, not your content). The details "
              f"are in {trace}; please send that file with a report.", file=sys.stderr)
        return 70


def _save_trace() -> Path:
    """Write the current exception's traceback to a file; return where it went."""
    import tempfile
    import traceback

    handle, name = tempfile.mkstemp(prefix="digest-crash-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        traceback.print_exc(file=file)
    return Path(name)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest",
        description="Safeguarding Digest: turn council safeguarding papers into a public website.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build_cmd = commands.add_parser(
        "build", help="validate content and build the site into site/",
        description="Validate content/, render the pages and build the site with MkDocs. "
        "If anything is wrong, nothing in site/ changes.",
    )
    _content_option(build_cmd)
    build_cmd.add_argument("--site", type=Path, default=Path("site"), metavar="DIR",
                           help="where to put the built site (default: site)")
    _draft_and_strict_options(
        build_cmd, drafts_help="also publish records with status: draft (for previews only)",
        strict_help="treat warnings (plain language, jargon) as errors")
    build_cmd.add_argument("--allow-empty", action="store_true",
                           help="build even when there is no approved content")
    build_cmd.set_defaults(run=_run_build)

    check_cmd = commands.add_parser(
        "check", help="check content for privacy, safety and plain language",
        description="Validate content/ and run every check: privacy (errors), plain language "
        "and jargon (warnings). Accept a false positive with an 'allow' entry in the record.",
    )
    _content_option(check_cmd)
    check_cmd.add_argument("--format", choices=["text", "json", "github"], default="text",
                           help="how to print findings: text, json, or github (annotations "
                           "in a GitHub Actions log; default: text)")
    _draft_and_strict_options(check_cmd, drafts_help="also check records with status: draft",
                              strict_help="treat warnings as errors")
    check_cmd.set_defaults(run=_run_check)

    readability_cmd = commands.add_parser(
        "readability", help="show how readable each page is, beside its source papers",
        description="Print the reading grade (Flesch-Kincaid) of each page's summaries, the "
        "longest sentence and unexplained short forms, and the same for the source papers.",
    )
    _content_option(readability_cmd)
    readability_cmd.set_defaults(run=_run_readability)

    new_cmd = commands.add_parser(
        "new", help="start a new meeting or review file to fill in",
        description="Write a valid, commented YAML file (status: draft) to fill in. Never "
        "replaces an existing file.",
    )
    new_cmd.add_argument("kind", choices=["meeting", "review"])
    _content_option(new_cmd)
    new_cmd.add_argument("--authority", required=True, help="authority id, like walsall")
    new_cmd.add_argument("--body", help="body id (meetings), like childrens-services-scrutiny")
    new_cmd.add_argument("--date", required=True, type=_date,
                         help="meeting date, or the end of a report's period (YYYY-MM-DD)")
    new_cmd.add_argument("--slug", help="for a review: the end of its id, like report-2024-25")
    new_cmd.add_argument("--paper", help="file name of the paper in content/papers/, if there")
    new_cmd.set_defaults(run=_run_new)

    serve_cmd = commands.add_parser(
        "serve", help="preview the site, drafts included, rebuilding when content changes",
        description="Build a preview with drafts (marked DRAFT) into build/preview-site and "
        "serve it on localhost. Saving a file in content/ or templates/ rebuilds it and reloads "
        "the browser.",
    )
    _content_option(serve_cmd)
    serve_cmd.add_argument("--port", type=_port, default=8000,
                           help="the port to serve on, 1024 to 65535 (default: 8000)")
    serve_cmd.set_defaults(run=_run_serve)

    validate_cmd = commands.add_parser(
        "validate", help="check content files for mistakes without building",
        description="Read every file in content/ and report every problem with file and line.",
    )
    _content_option(validate_cmd)
    validate_cmd.set_defaults(run=_run_validate)

    extract_cmd = commands.add_parser(
        "extract", help="draft content YAML from a council paper",
        description="Read a paper (text or Markdown converted from a council PDF), find the "
        "meetings and reports in it, and write draft YAML files (status: draft) into DIR, "
        "with a copy of the paper. Nothing is overwritten without --force.",
    )
    extract_cmd.add_argument("paper", type=Path, metavar="PAPER", help="the paper to read")
    extract_cmd.add_argument("--out", type=Path, required=True, metavar="DIR",
                             help="content folder to write drafts into (created if missing)")
    extract_cmd.add_argument("--report", type=Path, metavar="FILE",
                             help="also write what was found and what is doubtful to FILE")
    extract_cmd.add_argument("--force", action="store_true",
                             help="replace draft files that already exist")
    extract_cmd.set_defaults(run=_run_extract)
    return parser


def _content_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                         help="the content folder to read (default: content)")


def _draft_and_strict_options(command: argparse.ArgumentParser, drafts_help: str,
                              strict_help: str) -> None:
    command.add_argument("--include-drafts", action="store_true", help=drafts_help)
    command.add_argument("--strict", action="store_true", help=strict_help)


def _run_validate(args: argparse.Namespace) -> int:
    content, findings = load_and_validate(args.content)
    if findings:
        print(format_all(findings))
    if has_errors(findings):
        print(f"\n{_count(findings)} found. Fix them and run this again.", file=sys.stderr)
        return 1
    counts = [
        _plural(len(content.authorities), "authority", "authorities"),
        _plural(len(content.meetings), "meeting"),
        _plural(len(content.reviews), "review"),
        _plural(len(content.topics), "topic"),
        _plural(len(content.glossary), "glossary term"),
    ]
    print(f"Content is valid: {', '.join(counts)}.")
    return 0


def _run_check(args: argparse.Namespace) -> int:
    _, findings = check_content(args.content, args.include_drafts, args.strict)
    if args.format == "json":
        print(as_json(findings))
    elif args.format == "github":
        print(as_github(findings))
        print(format_all(findings))
    elif findings:
        print(format_all(findings))
    errors = sum(1 for f in findings if f.level == "error")
    warnings = len(findings) - errors
    if args.format == "text":
        print(f"\n{_plural(errors, 'error')}, {_plural(warnings, 'warning')}.", file=sys.stderr)
    return 1 if errors else 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-01-20") from None


def _port(text: str) -> int:
    if not text.isdigit() or not 1024 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port from 1024 to 65535")
    return int(text)


def _run_new(args: argparse.Namespace) -> int:
    content, _ = load_and_validate(args.content)
    authority = content.authorities.get(args.authority)
    if authority is None:
        known = ", ".join(sorted(content.authorities)) or "none yet"
        print(f"'{args.authority}' is not an authority in {args.content}/authorities/ "
              f"(known: {known}).", file=sys.stderr)
        return 1
    if args.kind == "meeting":
        body = next((b for b in authority.bodies if b.id == args.body), None)
        if body is None:
            known = ", ".join(b.id for b in authority.bodies) or "none yet"
            print(f"--body must be a body of {authority.name} (known: {known}).",
                  file=sys.stderr)
            return 1
        path = new_meeting(args.content, authority.id, body.id, args.date, body.name,
                           args.paper)
    else:
        slug = args.slug or f"report-{args.date.year}"
        path = new_review(args.content, authority.id, slug, args.date, args.paper)
    print(f"wrote {path}\nFill it in, then check it: digest check --include-drafts")
    return 0


def _run_serve(args: argparse.Namespace) -> int:
    preview = preview_options(args.content)
    print(f"Previewing drafts at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)")
    serve(preview, args.port)
    return 0


def _run_readability(args: argparse.Namespace) -> int:
    content, findings = check_content(args.content)
    if has_errors(findings):
        print(format_all(findings))
        return 1
    print(format_table(measure(content, args.content / "papers")))
    return 0


def _run_extract(args: argparse.Namespace) -> int:
    _refuse_unsafe_extract_outputs(args)
    extraction = extract_paper(args.paper)
    report = extraction_report(extraction)
    if has_errors(extraction.notes):
        print(report, file=sys.stderr)
        print(f"\nNothing was written to {args.out}/.", file=sys.stderr)
        return 1
    written = write_extraction(extraction, args.out, force=args.force)
    if args.report:
        try:
            args.report.parent.mkdir(parents=True, exist_ok=True)
            args.report.write_text(report + "\n", encoding="utf-8")
        except OSError as exc:
            raise DigestError(f"The drafts were written, but not the report {args.report}: "
                              f"{exc.strerror}") from exc
    for path in written.written:
        print(f"wrote {path}")
    for path in written.kept:
        print(f"kept {path} (already there; check it names the bodies above)")
    doubts = sum(1 for note in extraction.notes if note.level == "warning")
    where = f"; see {args.report}" if args.report else "; use --report FILE to list them"
    print(f"{_plural(len(written.written), 'file')} written, "
          f"{_plural(doubts, 'thing')} to check{where}.")
    print(f"Preview: digest build --include-drafts --content {args.out} --site preview")
    return 0


def _run_build(args: argparse.Namespace) -> int:
    started = time.monotonic()
    if args.include_drafts and args.site.resolve() == DEPLOY_SITE.resolve():
        raise UsageError(f"--include-drafts would put drafts into {DEPLOY_SITE}/, the folder "
                         "that is published. Preview somewhere else: digest build "
                         "--include-drafts --site preview")
    options = BuildOptions(content_dir=args.content, site_dir=args.site,
                           include_drafts=args.include_drafts, strict=args.strict,
                           allow_empty=args.allow_empty,
                           docs_dir=Path("build") / ("preview" if args.include_drafts else "docs"))
    result = build(options)
    if result.findings:
        print(format_all(result.findings))
    if has_errors(result.findings):
        print(f"\n{_count(result.findings)} found; {args.site}/ was left as it was.",
              file=sys.stderr)
        return 1
    seconds = time.monotonic() - started
    print(f"Built {result.pages} pages and {result.files} data files ({result.written} files "
          f"changed) in {seconds:.1f} s.")
    print(f"Open {args.site}/index.html, or run: python -m http.server -d {args.site} 8000")
    if not result.editor:
        print("The editor (/admin/) was left out: its script is not installed. Run 'npm ci' in "
              "the project folder, then build again.")
    return 0


DEPLOY_SITE = Path("site")  # what the Pages workflow publishes


def _refuse_unsafe_extract_outputs(args: argparse.Namespace) -> None:
    """Drafts go into a content folder; the report is a plain file beside them. Neither may
    be, or be inside, what the project keeps elsewhere (its code, its templates, its history)."""
    project = Path.cwd()
    kept = [project / ".git", project / "templates", project / "src", project / "overrides"]
    refuse_overlap(args.out, kept, [project], "--out")
    if args.report is None:
        return
    refuse_overlap(args.report, [*kept, args.out / "papers"], [args.paper, project], "--report")
    folder = args.report.parent
    if args.report.is_dir() or not (folder.is_dir() or
                                    folder.resolve().is_relative_to(args.out.resolve())):
        raise UsageError(f"--report {args.report} must be a file in a folder that exists")


def _count(findings: list[Finding]) -> str:
    return _plural(sum(1 for f in findings if f.level == "error"), "problem")


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
