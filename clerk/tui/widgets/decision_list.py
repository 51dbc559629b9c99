"""The register as a virtual list: only the rows on screen are worked out and drawn.

Built on Textual's Line API (`ScrollView.render_line`), so a register of 100,000 decisions
costs no more to draw than one of ten. The screen hands down the visible references and a
function that summarises one; the list posts `DecisionList.Selected` when one is opened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from clerk.domain.lifecycle import stage_label
from clerk.tui.summary import Row

SHORT = {"draft": "Draft", "planned": "Planned", "decided": "Decided",
         "published": "Published", "called-in": "Called in", "referred": "At Council",
         "council-decided": "Council done", "implemented": "Implemented"}


@lru_cache(maxsize=8)
def columns(width: int) -> list[tuple[str, int]]:
    """Column names and widths for a terminal width; the title takes what is left."""
    maker = 20 if width >= 110 else 12
    stage = 19 if width >= 110 else 11
    fixed = [("", 1), ("Ref", 10), ("Maker", maker), ("Stage", stage), ("K", 1),
             ("Next date", 17 if width >= 100 else 16)]
    used = sum(w for _, w in fixed) + len(fixed)
    title = max(width - used, 8)
    return fixed[:2] + [("Title", title)] + fixed[2:]


def fit(text: str, width: int) -> str:
    return text[: width - 1] + "…" if len(text) > width else text.ljust(width)


def header_text(width: int) -> str:
    return " ".join(fit(name, w) for name, w in columns(width))


class DecisionList(ScrollView, can_focus=True):
    """Rows of the register; the cursor row is highlighted, Enter opens it."""

    DEFAULT_CSS = "DecisionList { overflow-x: hidden; }"  # rows are cut to the width

    COMPONENT_CLASSES = {
        "decision-list--cursor",
        "decision-list--overdue",
        "decision-list--blocked",
        "decision-list--missing",
    }

    class Selected(Message):
        """The clerk opened a decision."""

        def __init__(self, ref: str) -> None:
            super().__init__()
            self.ref = ref

    class Highlighted(Message):
        def __init__(self, ref: str | None) -> None:
            super().__init__()
            self.ref = ref

    cursor: reactive[int] = reactive(0, always_update=True)

    def __init__(self, summarise: Callable[[str], Row], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.summarise = summarise
        self.refs: Sequence[str] = ()
        self._styles: dict[str, Style] = {}  # worked out from CSS once per style change
        # Lines drawn lately, by (row, width, on the cursor): typing often brings back rows
        # that were on screen a key ago. Rows are immutable; a new summary is a new key.
        self._lines: dict[tuple[Row, int, bool], Strip] = {}

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._lines.clear()

    def _style(self, name: str) -> Style:
        """The widget's own style ("base") or a component's (e.g. "cursor", "overdue")."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.rich_style if name == "base" else (
                self.get_component_rich_style(f"decision-list--{name}"))
        return style

    @property
    def current(self) -> str | None:
        return self.refs[self.cursor] if 0 <= self.cursor < len(self.refs) else None

    def show(self, refs: Sequence[str], cursor: int = 0) -> None:
        """Replace the rows (after filtering or sorting), the cursor on row `cursor`."""
        self.refs = refs
        size = Size(self.size.width, len(refs))
        if size != self.virtual_size:
            # Not through the reactive, which lays out the whole screen again: only the
            # scrollbar changes (a layout only if it appears or goes), and that just after
            # the rows are drawn, unless the rows need it to scroll back first.
            self.set_reactive(DecisionList.virtual_size, size)
            if self.scroll_offset.y > self.max_scroll_y:
                self._scroll_update(size)
            else:
                self.call_after_refresh(self._scroll_update, size)
        self.cursor = cursor if 0 <= cursor < len(refs) else 0
        self.refresh()

    def visible_refs(self) -> Sequence[str]:
        top = self.scroll_offset.y
        return self.refs[top: top + self.scrollable_content_region.height]

    def move(self, delta: int) -> None:
        if self.refs:
            self.cursor = max(0, min(len(self.refs) - 1, self.cursor + delta))

    def watch_cursor(self, cursor: int) -> None:
        height = max(self.scrollable_content_region.height, 1)
        top = self.scroll_offset.y
        if cursor < top:
            self.scroll_to(y=cursor, animate=False)
        elif cursor >= top + height:
            self.scroll_to(y=cursor - height + 1, animate=False)
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def open_current(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_click(self, event: Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.refs):
            if index == self.cursor and event.chain >= 2:
                self.open_current()
            self.cursor = index

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.refs))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self._style("base")
        if index >= len(self.refs):
            return Strip.blank(width, base)
        row = self.summarise(self.refs[index])
        cursor = index == self.cursor
        key = (row, width, cursor)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._lines[key] = self._draw(row, width, cursor, base)
            if len(self._lines) > 512:
                del self._lines[next(iter(self._lines))]
        return strip

    def _draw(self, row: Row, width: int, cursor: bool, base: Style) -> Strip:
        stage = stage_label(row.stage) if width >= 110 else SHORT.get(row.stage, row.stage)
        cells = [row.mark, row.ref, row.title, row.maker, stage, row.key, row.next_date]
        text = " ".join(fit(cell, w) for cell, (_, w) in zip(cells, columns(width), strict=True))
        style = base + self._style("cursor") if cursor else base
        mark_style = style
        if row.state:
            mark_style = style + self._style(row.state)
        segments = [Segment(text[:1], mark_style), Segment(text[1:width], style)]
        strip = Strip(segments).extend_cell_length(width, style)
        return strip.crop(0, width)
