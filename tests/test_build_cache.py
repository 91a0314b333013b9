"""Values kept between builds: an edit appends a small frame, and damage is never trusted."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from digest import build_cache
from digest.build_cache import Kept
from digest.parallel import split


def _run(cache_file: Path, values: dict[str, str]) -> list[str]:
    """Build once over ``values`` in a new process; return the keys that had to be worked out."""
    build_cache._LAST_RUN.clear()
    kept, worked = Kept(cache_file), []

    def work(key: str) -> str:
        worked.append(key)
        return values[key]

    for key in values:
        kept.get(key, functools.partial(work, key))
    kept.save()
    return worked


def _records(count: int) -> dict[str, str]:
    return {f"record {i}": f"parse of record {i} " * 20 for i in range(count)}


def test_an_edit_appends_a_frame_that_a_new_process_reads(tmp_path: Path) -> None:
    cache_file = tmp_path / "kept.pickle"
    values = _records(400)
    assert len(_run(cache_file, values)) == 400
    before = cache_file.read_bytes()
    values = {("record 7 edited" if key == "record 7" else key): value
              for key, value in values.items()}
    assert _run(cache_file, values) == ["record 7 edited"]
    after = cache_file.read_bytes()
    assert after.startswith(before) and len(after) < len(before) + 1000, "one frame, not all"
    assert _run(cache_file, values) == []  # and read back whole by the next process


def test_frames_from_workers_are_saved_as_they_came_and_an_edit_then_appends(
        tmp_path: Path) -> None:
    """A first build's values, worked out on every core, are not pickled a second time."""
    cache_file = tmp_path / "kept.pickle"
    values = _records(400)
    kept = Kept(cache_file)
    frames = [kept.frame_of(dict(run)) for run in split(list(values.items()), 3)]
    for frame in frames:
        taken = kept.take(frame)
        for key in taken:
            kept.get(key, functools.partial(taken.__getitem__, key))
    kept.save()
    before = cache_file.read_bytes()
    assert before == b"".join(frames)
    assert _run(cache_file, values) == [], "read back whole by a new process"
    assert cache_file.read_bytes() == before, "and not written again"
    values = {("record 7 edited" if key == "record 7" else key): value
              for key, value in values.items()}
    assert _run(cache_file, values) == ["record 7 edited"]
    assert cache_file.read_bytes().startswith(before), "one frame appended, not all rewritten"


def test_many_edits_write_the_file_afresh(tmp_path: Path) -> None:
    cache_file = tmp_path / "kept.pickle"
    values = _records(40)
    _run(cache_file, values)
    whole = cache_file.stat().st_size
    for edit in range(30):
        values = {f"{key} (edit {edit})" if key == f"record {edit}" else key: value
                  for key, value in values.items()}
        _run(cache_file, values)
    assert cache_file.stat().st_size < 2 * whole, "the file does not grow with every edit"
    assert _run(cache_file, values) == []


@pytest.mark.parametrize("damage", ["cut short", "other code"])
def test_a_damaged_or_foreign_frame_is_worked_out_again(tmp_path: Path, damage: str) -> None:
    """A build stopped while appending, or a frame from other code: its values are not used."""
    cache_file = tmp_path / "kept.pickle"
    values = _records(40)
    _run(cache_file, values)
    values["record new"] = "a new record"
    if damage == "other code":
        with cache_file.open("ab") as log:
            log.write(build_cache._frame("other code", {"record new": "an old reading"}, [],
                                        appended=True))
    else:
        _run(cache_file, values)
        cache_file.write_bytes(cache_file.read_bytes()[:-5])
    assert _run(cache_file, values) == ["record new"]
    build_cache._LAST_RUN.clear()
    assert Kept(cache_file).stored == values, "written afresh, whole and right"
