"""Pausing Python's cyclic garbage collector around work that builds many objects and no
garbage cycles worth collecting before it ends (laying out a PDF). Reference counting
still frees everything as usual; the collector is back on when the block ends."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
