"""The only place clerk touches Textual's private hooks, each with a public fallback.

The register's filter keystroke must repaint 10,000 decisions within 1.5x of a bare Input
(tests/bench/run.py). Four private hooks help it there; each is used only on the Textual
release it was written against (`TESTED`), and anywhere else (or with
CLERK_PUBLIC_TEXTUAL=1, which the bench uses to say what they buy) the public API is used:

- `repaint_now`: `Widget._check_refresh` asks the screen for the repaint at once, so the
  list is drawn in the same frame as the letter in the filter box; public: `refresh()`,
  which repaints it a frame later.
- `set_scroll_range`: `ScrollView._scroll_update` changes the scrollbar's range without a
  layout of the whole screen; public: the `virtual_size` reactive (a layout).
- `QuietInput`: `Input._watch_value` sets the text's virtual size without a layout on each
  key; public: Input as it is.
- `FinishedLines`: `Widget.render_lines`, so lines the widget finished itself are not sent
  through the styles cache again; public: the Line API (`render_line`) or `render`.
"""

from __future__ import annotations

import os

import textual
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input

TESTED = "8.2.8"
ACTIVE = textual.__version__ == TESTED and os.environ.get("CLERK_PUBLIC_TEXTUAL") != "1"


def repaint_now(widget: Widget) -> None:
    """Have a widget that asked for a refresh repainted in the coming frame."""
    if ACTIVE:
        widget._check_refresh()
    else:
        widget.refresh()


def set_scroll_range(widget: Widget, size: Size) -> None:
    """Set a scrolling widget's virtual size (its scroll range)."""
    if ACTIVE:
        widget._scroll_update(size)  # type: ignore[attr-defined]
    else:
        widget.virtual_size = size


class QuietInput(Input):
    """An Input of a fixed size whose typing repaints it without a layout pass."""

    if ACTIVE:
        def _watch_value(self, value: str) -> None:
            size = Size(self.content_width, 1)
            if size != self.virtual_size and not self.styles.auto_dimensions:
                self.set_reactive(Input.virtual_size, size)
                self._scroll_update(size)
            super()._watch_value(value)


class FinishedLines(Widget):
    """A widget that may hand Textual finished lines (`finished_lines`); None, or Textual
    other than `TESTED`, lets Textual draw them its own way. Mix it in after the widget's
    own base (`class KeptText(Static, FinishedLines)`): Textual takes CSS type names and
    default CSS along the first base."""

    def finished_lines(self, crop: Region) -> list[Strip] | None:
        return None

    def textual_lines(self, crop: Region) -> list[Strip]:
        """The lines as Textual draws them."""
        return super().render_lines(crop)

    def render_lines(self, crop: Region) -> list[Strip]:
        if ACTIVE:
            lines = self.finished_lines(crop)
            if lines is not None:
                return lines
        return super().render_lines(crop)
