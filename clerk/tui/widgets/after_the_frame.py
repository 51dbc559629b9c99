"""Work that can wait for the frame: started a moment after the next frame is written.

Textual writes each frame to the terminal from its own thread, which needs the
interpreter; work queued straight after the frame (`call_after_refresh`) holds it, so the
frame that answers a key reached the terminal late (up to the 5 ms switch interval, and the
whole of a C loop such as a filter's scan over 100,000 decisions). Work given here runs
together, once the app has been idle for a moment after the frame.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump

AFTER_THE_FRAME = 0.002  # seconds of idle after the frame: enough for it to be written


class AfterTheFrame:
    """Queue work for after `node`'s next frame; all of it runs in one go."""

    def __init__(self, node: MessagePump) -> None:
        self._node = node
        self._work: list[Callable[[], object]] = []

    def __call__(self, work: Callable[[], object]) -> None:
        if not self._work:
            self._node.call_after_refresh(self._node.set_timer, AFTER_THE_FRAME, self._run)
        self._work.append(work)

    def _run(self) -> None:
        work, self._work = self._work, []  # work given while this runs waits for the next frame
        for each in work:
            each()
