"""Time each stage of the build on generated corpora of 1, 10, 50 and 150 authorities.

For each size it generates a corpus (benchmarks/generate_corpus.py), builds it in a separate
process (so peak memory is that build's own), and reports per stage: load and validate,
checks, render, exports, MkDocs, the search index, and the whole build; then peak memory, site
size, median bytes per page and the largest page, bytes a browser fetches for a one-word
search, the time a preview and site/ take to rebuild after one meeting file is saved and the
time `digest serve` takes to show that meeting's page first, CPU seconds, and plain
`mkdocs build` on the same Markdown in the same run, as a yardstick.

    python benchmarks/benchmark.py [--sizes 1 10 50 150] [--incremental-up-to 50]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import page_weight  # noqa: E402
from generate_corpus import generate  # noqa: E402

OURS = ("load and validate", "checks", "render pages", "exports", "write Markdown")
SEARCH_WORD = "neglect"


def build_in_child(workdir: Path, incremental: bool) -> dict[str, Any]:
    """Build the corpus in ``workdir`` in a new process; return its timings and peak memory."""
    script = f"""
import json, resource, time
from pathlib import Path
from digest.build import BuildOptions, build
started = time.perf_counter()
result = build(BuildOptions())
total = time.perf_counter() - started
errors = [f.format() for f in result.findings if f.level == "error"]
# CPU of this process and of the workers and Pagefind it ran (reaped children).
cpu = sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                           resource.getrusage(resource.RUSAGE_CHILDREN)))
report = {{"stages": result.stages, "total": total, "pages": result.pages, "errors": errors,
          "cpu": cpu}}
# Plain MkDocs on the same Markdown, same configuration, in the same run: the yardstick.
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
plain = load_config("mkdocs.yml", docs_dir="build/docs", site_dir="build/plain-site")
started = time.perf_counter()
mkdocs_build(plain)
report["plain MkDocs"] = time.perf_counter() - started
if {incremental!r}:
    meeting = sorted(Path("content/meetings").glob("*/*.yaml"))[0]
    meeting.write_text(meeting.read_text().replace("summary: Councillors looked at",
                                                   "summary: Councillors this week looked at", 1))
    started = time.perf_counter()
    again = build(BuildOptions())
    report["site rebuild after one edit"] = time.perf_counter() - started
    preview = BuildOptions(docs_dir=Path("build/preview-docs"),
                           site_dir=Path("build/preview-site"), in_place=True)
    build(preview)
    # What 'digest serve' does on a save: find the file saved, show its meeting's page first
    # (first_page.py), then rebuild the whole preview.
    from digest.first_page import content_stamps, show_saved_meeting, warm_up
    warm_up(preview.site_dir)  # as serve does before it waits for the first save
    stamps = content_stamps(Path("content"))
    meeting = sorted(Path("content/meetings").glob("*/*.yaml"))[-1]
    meeting.write_text(meeting.read_text().replace("summary: Councillors looked at",
                                                   "summary: This week councillors looked at", 1))
    started = time.perf_counter()
    saved = [f for f, s in content_stamps(Path("content")).items() if stamps.get(f) != s]
    shown = show_saved_meeting(saved[0], Path("content"), Path("templates"),
                               preview.docs_dir, preview.site_dir)
    if shown:
        report["serve shows the saved meeting"] = time.perf_counter() - started
    started = time.perf_counter()
    again = build(preview)
    report["rebuild after one edit"] = time.perf_counter() - started
    report["pages rewritten"] = again.written
report["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(report))
"""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    completed = subprocess.run([sys.executable, "-c", script], cwd=workdir, capture_output=True,
                               text=True, check=False, env=environment)
    if completed.returncode != 0:
        raise SystemExit(f"the build of {workdir} failed:\n{completed.stderr[-3000:]}")
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))


def search_bytes(site: Path, word: str, then: str = "exploitation") -> tuple[int, int]:
    """Return the gzip bytes a browser fetches to open the search page and search for one word
    (page, styles, scripts and index included), then for a second word on the same page.

    Pagefind's index files are already gzipped; everything else is counted as a web server
    sends it, gzipped.
    """
    import gzip

    from digest import audit

    fetched: list[int] = []

    def count(response: Any) -> None:
        body = response.body()
        fetched.append(len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body)))

    with audit.serve(site) as base, audit.chromium() as browser:
        page = browser.new_page()
        page.on("response", count)
        page.goto(base + f"search/?q={word}")
        page.wait_for_selector("#digest-search-results a", timeout=60000)
        page.wait_for_timeout(500)
        first = sum(fetched)
        fetched.clear()
        page.fill("#digest-search-input", then)
        page.click("#digest-search-form button")
        page.wait_for_function(
            f"document.getElementById('digest-search-status').textContent.endsWith('{then}')")
        page.wait_for_timeout(500)
    return first, sum(fetched)


def site_size(site: Path) -> int:
    """Return the bytes of every file in the site."""
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def run(size: int, incremental: bool) -> dict[str, Any]:
    """Generate, build and measure one corpus size."""
    workdir = ROOT / "build" / "bench" / str(size)
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    counts = generate(workdir / "content", size)
    for name in ("mkdocs.yml", "templates", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, workdir / name)
    report = build_in_child(workdir, incremental)
    if report["errors"]:
        return report
    site = workdir / "site"
    weights = [page_weight.page_weight(site, html) for html in site.rglob("*.html")]
    report.update(counts)
    report["site MB"] = site_size(site) / 1e6
    report["median page KB"] = statistics.median(weights) / 1024
    sizes = {html: html.stat().st_size for html in site.rglob("*.html")}
    report["median HTML KB"] = statistics.median(sizes.values()) / 1024
    largest = max(sizes, key=lambda html: (sizes[html], html.as_posix()))
    report["largest page"] = largest.relative_to(site).as_posix()
    report["largest HTML KB"] = sizes[largest] / 1024  # bounded: it must not grow with the corpus
    first, later = search_bytes(site, SEARCH_WORD)
    report["search KB"], report["next search KB"] = first / 1024, later / 1024
    return report


def print_table(reports: dict[int, dict[str, Any]]) -> None:
    """Print stage times and measures, one column per corpus size."""
    sizes = sorted(reports)
    print(f"{'authorities':34}" + "".join(f"{size:>12}" for size in sizes))
    rows: list[tuple[str, Any]] = [
        ("meetings", lambda r: r["meetings"]), ("pages", lambda r: r["pages"]),
        *[(f"{stage} (s)", lambda r, s=stage: r["stages"].get(s, 0.0)) for stage in
          (*OURS, "MkDocs", "search index", "swap")],
        ("whole build (s)", lambda r: r["total"]),
        ("whole build, CPU of every core (s)", lambda r: r.get("cpu")),
        ("plain MkDocs, same Markdown (s)", lambda r: r.get("plain MkDocs")),
        ("whole build / plain MkDocs", lambda r: r["total"] / r["plain MkDocs"]
         if r.get("plain MkDocs") else None),
        ("our stages, share of build (%)",
         lambda r: 100 * sum(r["stages"].get(s, 0.0) for s in OURS) / r["total"]),
        ("ms per page", lambda r: 1000 * r["total"] / r["pages"]),
        ("peak memory (MB)", lambda r: r["peak MB"]),
        ("site size (MB)", lambda r: r["site MB"]),
        ("median page, HTML+CSS+JS (KB)", lambda r: r["median page KB"]),
        ("median page, HTML only (KB)", lambda r: r["median HTML KB"]),
        ("largest page, HTML only (KB)", lambda r: r.get("largest HTML KB")),
        (f"first search, '{SEARCH_WORD}', gzip (KB)", lambda r: r["search KB"]),
        ("next search, gzip (KB)", lambda r: r.get("next search KB")),
        ("site/ rebuild after an edit (s)", lambda r: r.get("site rebuild after one edit")),
        ("preview rebuild after an edit (s)", lambda r: r.get("rebuild after one edit")),
        ("serve shows the saved meeting (s)", lambda r: r.get("serve shows the saved meeting")),
    ]
    for name, value in rows:
        cells = []
        for size in sizes:
            found = value(reports[size])
            cells.append(f"{found:>12.1f}" if isinstance(found, float) else
                         f"{'-' if found is None else found:>12}")
        print(f"{name:34}" + "".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 50, 150])
    parser.add_argument("--incremental-up-to", type=int, default=50,
                        help="measure the preview rebuild for sizes up to this (it builds twice)")
    parser.add_argument("--json", type=Path, help="also save the raw numbers here")
    args = parser.parse_args()
    reports = {}
    for size in args.sizes:
        started = time.perf_counter()
        reports[size] = run(size, size <= args.incremental_up_to)
        if reports[size]["errors"]:
            print("\n".join(reports[size]["errors"][:10]), file=sys.stderr)
            return 1
        print(f"{size} authorities measured in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
        if args.json:  # saved as it goes: a long run keeps what it measured
            args.json.write_text(json.dumps(reports, indent=2), encoding="utf-8")
    print_table(reports)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
