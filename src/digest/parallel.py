"""Work spread over the machine's cores, for builds at national scale.

Forked worker processes see the parent's memory as it was at the fork, so jobs and their inputs
are never copied out to them; only results come back. Where fork is not available (Windows, and
macOS by default) or there is one core, the jobs run here, in order. Results always come back in
the order of the jobs, so the same content builds the same bytes either way.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Item = TypeVar("Item")

_JOBS: Sequence[Callable[[], Any]] = ()
# Below this many items (records, pages, files), starting worker processes costs more than it
# saves.
PARALLEL_AT = 400


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


def map_all(work: Callable[[Item], T], items: Sequence[Item],
            parallel_at: int | None = None) -> list[T]:
    """Return ``work(item)`` for each item, in order: in a run per core when there are at
    least ``parallel_at`` items (``PARALLEL_AT`` unless given)."""
    return in_dealt_order(map_runs(functools.partial(_map_run, work), items, parallel_at))


def map_runs(work: Callable[[Sequence[Item]], T], items: Sequence[Item],
             parallel_at: int | None = None) -> list[T]:
    """Return ``work(run)`` for each run of the items: a run per core, dealt (``deal``), when
    there are at least ``parallel_at`` items (``PARALLEL_AT`` unless given), else one run here."""
    if len(items) < (PARALLEL_AT if parallel_at is None else parallel_at):
        return [work(items)]
    return run_all([functools.partial(work, run) for run in deal(items, cores())])


def _map_run(work: Callable[[Item], T], items: Sequence[Item]) -> list[T]:
    return [work(item) for item in items]


class Background(Generic[T]):
    """A job run in a forked process while this one does other work (say, reading papers while
    the content loads on one core); ``result`` waits for its value. Where there is one core or
    no fork, the job runs when its result is first asked for."""

    def __init__(self, job: Callable[[], T]) -> None:
        self._job: Callable[[], T] | None = job
        self._process: multiprocessing.process.BaseProcess | None = None
        self._value: T | None = None
        if cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_result, args=(job, send), daemon=True)
        self._process.start()
        send.close()

    def result(self) -> T:
        """Return the job's value (raising what it raised), waiting for it if need be."""
        if self._job is not None:
            job, outcome = self._job, self._received()
            self.cancel()
            if outcome is None:  # no worker, or it died (killed, out of memory): do it here
                self._value = job()
            elif outcome[0]:
                raise outcome[1]
            else:
                self._value = outcome[1]
        return self._value  # type: ignore[return-value]

    def _received(self) -> tuple[bool, Any] | None:
        if self._process is None:
            return None
        try:
            outcome: tuple[bool, Any] = self._receive.recv()
        except EOFError:
            return None
        return outcome

    def cancel(self) -> None:
        """Stop the job if it is still running (its result is no longer wanted)."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._receive.close()
            self._process = None
        self._job = None


def _send_result(job: Callable[[], Any], send: Connection) -> None:
    try:
        outcome = (False, job())
    except Exception as exc:  # noqa: BLE001 - raised again where the result is asked for
        outcome = (True, exc)
    send.send(outcome)
    send.close()


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """Split items into ``parts`` runs of nearly equal length, keeping their order."""
    size, extra = divmod(len(items), parts)
    runs, start = [], 0
    for part in range(parts):
        end = start + size + (1 if part < extra else 0)
        runs.append(items[start:end])
        start = end
    return [run for run in runs if run]


def deal(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """Deal items into ``parts`` runs as cards are dealt, one to each run in turn.

    Dealt runs cost alike even where the cost of items changes along the list: MkDocs' pages
    in the order of their paths, split into two halves, took 52 s and 39 s at national scale.
    """
    return [items[part::parts] for part in range(min(parts, len(items)))]


def in_dealt_order(runs: Sequence[Sequence[T]]) -> list[T]:
    """Return the results of dealt runs (a result for each item) in the order of the items."""
    return [found for turn in itertools.zip_longest(*runs, fillvalue=_NO_ITEM)
            for found in turn if found is not _NO_ITEM]


_NO_ITEM: Any = object()  # where a shorter run had no item in the last turn


def _run(index: int) -> Any:
    return _JOBS[index]()
