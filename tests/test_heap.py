"""While content is read the garbage collector waits; what was read is then frozen."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from digest.heap import reading_content


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def test_the_collector_waits_while_content_is_read_and_what_was_read_is_frozen() -> None:
    before = gc.get_freeze_count()
    with reading_content():
        assert not gc.isenabled()
        # Each holds a list, as parsed content does: CPython leaves a dict of plain numbers
        # and strings out of the collector's view, and so out of what freeze counts.
        read = [{"lines": [n]} for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(read)


def test_the_collector_is_back_after_reading_fails() -> None:
    with pytest.raises(ValueError), reading_content():
        raise ValueError("a bad file")
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    with reading_content():
        pass
    assert not gc.isenabled()
