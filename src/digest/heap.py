"""Python's garbage collector and a national corpus: read everything, then set it aside.

Reading 13,000 content files makes tens of millions of objects and no garbage cycles, yet the
collector looks through all of them again each time enough new ones have piled up: 10 of the
24 s it took to read 150 authorities' content. So while content is read the collector waits,
and what was read is then frozen (``gc.freeze``): later collections, in this process and in the
workers forked from it, pass it by. Content holds no cycles, so nothing frozen is kept alive
once it is no longer used; anything the last build left for the collector is collected first.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def reading_content() -> Iterator[None]:
    """Pause the garbage collector while content is read; freeze what was read."""
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
