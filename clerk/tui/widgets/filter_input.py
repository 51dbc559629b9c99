"""The register's filter box: an Input whose typing repaints itself without a layout pass.

Textual's Input sets its virtual size (the text's width, for scrolling sideways) on every
change, and that reactive lays out the whole screen again: about 7 ms on the register
screen, more than a bare app's whole keystroke. The box has a fixed size (one line, the
screen's width), so only its scroll range changes (`clerk.tui.internals.QuietInput`).
"""

from __future__ import annotations

from clerk.tui.internals import QuietInput


class FilterInput(QuietInput):
    pass
