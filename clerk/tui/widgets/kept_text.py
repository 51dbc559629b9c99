"""A line of text that keeps its finished lines by the text they show.

The register's title and detail lines go back and forth between a few texts as the clerk
types: "…/100,000" while a long filter is finished after the frame, the counts and the
decisions met before as they backspace. Drawing one through Textual (its content, then its
padding and colours) took a third to half a millisecond of a keystroke; a text shown before
is a look-up.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static

from clerk.tui.internals import FinishedLines

KEPT = 32  # texts, per line


class KeptText(Static, FinishedLines):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._text: tuple[object, ...] | None = None  # what `show` was last given
        self._kept: dict[tuple[object, ...], list[Strip]] = {}

    def show(self, text: Content) -> None:
        """Show `text`, without a layout pass (the line's size does not depend on it)."""
        key = (text.plain, tuple(text.spans))
        if key != self._text:
            self._text = key
            self.update(text, layout=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._kept.clear()

    def finished_lines(self, crop: Region) -> list[Strip] | None:
        """The lines Textual drew for this text, size and look, if it drew them lately
        (through `clerk.tui.internals`)."""
        if self._text is None:
            return None
        key = (self._text, crop, self.size, self.visual_style, self.background_colors,
               tuple(self.app.get_line_filters()), self.text_selection)
        lines = self._kept.get(key)
        if lines is None:
            lines = self._kept[key] = self.textual_lines(crop)
            if len(self._kept) > KEPT:
                del self._kept[next(iter(self._kept))]
        return lines
