"""Work spread over the machine's cores, for builds at national scale.

Forked worker processes see the parent's memory as it was at the fork, so jobs and their inputs
are never copied out to them; only results come back. Where fork is not available (Windows, and
macOS by default) or there is one core, the jobs run here, in order. Results always come back in
the order of the jobs, so the same content builds the same bytes either way.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

_JOBS: Sequence[Callable[[], Any]] = ()


def cores() -> int:
    """Return how many cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run_all(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Run each job (one per core is best) and return their results in order."""
    global _JOBS
    if len(jobs) < 2 or cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [job() for job in jobs]
    _JOBS = jobs
    try:
        with multiprocessing.get_context("fork").Pool(min(cores(), len(jobs))) as pool:
            return pool.map(_run, range(len(jobs)))
    finally:
        _JOBS = ()


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """Split items into ``parts`` runs of nearly equal length, keeping their order."""
    size, extra = divmod(len(items), parts)
    runs, start = [], 0
    for part in range(parts):
        end = start + size + (1 if part < extra else 0)
        runs.append(items[start:end])
        start = end
    return [run for run in runs if run]


def _run(index: int) -> Any:
    return _JOBS[index]()
