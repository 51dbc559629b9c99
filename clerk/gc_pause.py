"""Pausing Python's cyclic garbage collector around work that builds many objects and no
garbage cycles worth collecting before it ends.

Each collection walks every tracked object; while a register is parsed, reportlab is
imported or a PDF is laid out, collections run again and again over a growing heap and
find nothing (a cold `clerk notice` spent about 15 ms on them). Reference counting still
frees everything as usual; the collector is back on when the block ends.
"""

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


# ---- the collector's pace for a whole process ---------------------------------------

INTERACTIVE = gc.get_threshold()  # Python's default, as this module is first imported
BURST = (50_000, 20, 20)


def pace_for_a_burst() -> None:
    """A command, or the app's start-up, allocates a burst of objects that hold no cycles
    (click, reportlab or Textual being imported; the register's index parsed). Collecting
    every 700 allocations walks that growing heap dozens of times, about 15 ms of a cold
    `clerk notice`; every 50,000, a few times."""
    gc.set_threshold(*BURST)


def pace_for_interaction() -> None:
    """Back to Python's default once the app is on screen: short, frequent collections,
    so none of them lands in the middle of a keystroke as one long one."""
    gc.set_threshold(*INTERACTIVE)
