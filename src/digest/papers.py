"""The source papers' lines, read once per version of each file."""

from __future__ import annotations

import functools
from pathlib import Path


def paper_lines(papers_dir: Path, name: str) -> list[str]:
    """Return a paper's lines (1-based line n is item n - 1); empty if it cannot be read."""
    path = papers_dir / name
    try:
        status = path.stat()
    except OSError:
        return []
    return list(_read(str(path), status.st_mtime_ns, status.st_size))


@functools.lru_cache(maxsize=64)
def _read(path: str, modified: int, size: int) -> tuple[str, ...]:
    """Keyed by the file's time and size, so an edited paper is read again."""
    try:
        return tuple(Path(path).read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return ()
