"""The least CPU our own build stages need at a corpus size: work that no issue lets us drop.

Times, on one core, four things every build does before it renders a page: composing each
content file with libyaml (C, before any line table), validating every record, running the
checks' rules over the published texts, and making each meeting's calendar event. Their sum,
shared perfectly over the machine's cores, is a floor under our stages' wall time, against
which a target share of the whole build can be judged (issue 15's 15%: see the closing note).

    python benchmarks/floors.py [--authorities 150]
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import generate  # noqa: E402

from digest.checks import RULES  # noqa: E402
from digest.checks.texts import published_texts  # noqa: E402
from digest.export.calendars import meeting_event  # noqa: E402
from digest.heap import reading_content  # noqa: E402
from digest.load import load_content  # noqa: E402
from digest.parallel import cores  # noqa: E402
from digest.plan import meeting_path, publishable  # noqa: E402
from digest.validate import paper_lines, validate_documents  # noqa: E402


def cpu_seconds(work: Callable[[], object]) -> float:
    """Return the CPU seconds this process spends doing ``work``, the garbage collector
    paused (as the build pauses it while content is read): the work's own cost."""
    def used() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    gc.collect()
    gc.disable()
    try:
        started = used()
        work()
        return used() - started
    finally:
        gc.enable()


def compose_each(sources: list[str]) -> None:
    """Compose each text with libyaml, keeping nothing (the build keeps data, not nodes)."""
    for source in sources:
        yaml.compose(source, Loader=yaml.CSafeLoader)


def floors(content_dir: Path) -> dict[str, float]:
    """Return the CPU seconds of each piece of work a build of ``content_dir`` cannot drop."""
    files = sorted(content_dir.rglob("*.yaml"))
    sources = [file.read_text(encoding="utf-8") for file in files]
    measured = {f"libyaml composing {len(files):,} content files": cpu_seconds(
        lambda: compose_each(sources))}
    with reading_content():
        documents, _ = load_content(content_dir)
    papers = paper_lines(content_dir / "papers")
    content = validate_documents(documents, papers)[0]
    measured[f"validating {len(documents):,} records"] = cpu_seconds(
        lambda: validate_documents(documents, papers))
    visible = publishable(content)
    published = len(published_texts(visible))  # listed once, outside the timing
    settings = {rule.ID: rule.Settings() for rule in RULES}
    measured[f"the {len(RULES)} rules over {published:,} published texts"] = cpu_seconds(
        lambda: [list(rule.check(visible, settings[rule.ID])) for rule in RULES])
    measured[f"{len(visible.meetings):,} calendar events"] = cpu_seconds(
        lambda: [meeting_event(meeting, "Committee, Council",
                               meeting_path(meeting.id).removesuffix(".md") + "/",
                               "https://example.org/") for meeting in visible.meetings])
    return measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--authorities", type=int, default=150)
    args = parser.parse_args()
    content_dir = ROOT / "build" / "bench" / f"floors-{args.authorities}" / "content"
    generate(content_dir, args.authorities)
    measured = floors(content_dir)
    for what, seconds in measured.items():
        print(f"{what:60} {seconds:6.1f} s")
    total = sum(measured.values())
    print(f"{'together, on one core':60} {total:6.1f} s")
    print(f"{f'shared perfectly over {cores()} cores':60} {total / cores():6.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
