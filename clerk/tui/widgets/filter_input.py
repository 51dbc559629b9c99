"""The register's filter box: an Input whose typing repaints itself without a layout pass.

Textual's Input sets its virtual size (the text's width, for scrolling sideways) on every
change, and that reactive lays out the whole screen again: about 7 ms on the register
screen, more than a bare app's whole keystroke. The box has a fixed size (one line, the
screen's width), so only its scroll range changes: set that without the layout.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Input


class FilterInput(Input):
    def _watch_value(self, value: str) -> None:
        size = Size(self.content_width, 1)
        if size != self.virtual_size and not self.styles.auto_dimensions:
            self.set_reactive(Input.virtual_size, size)
            self._scroll_update(size)
        super()._watch_value(value)
