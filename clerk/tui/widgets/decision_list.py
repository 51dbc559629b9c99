"""The register as a virtual list: only the rows on screen are worked out and drawn.

Built on Textual's Line API (`ScrollView.render_line`), so a register of 100,000 decisions
costs no more to draw than one of ten. The screen hands down the visible references and a
function that summarises one; the list posts `DecisionList.Selected` when one is opened.

Lines reach the screen finished (`finished_lines`, through `clerk.tui.internals`): every
key repaints the whole list, and a row already seen is then a look-up, not a line styled
again. On another Textual, the Line API draws them (`render_line`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.events import Click
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as TextualStyle

from clerk.domain.lifecycle import stage_label
from clerk.tui.internals import FinishedLines, set_scroll_range
from clerk.tui.summary import Row
from clerk.tui.widgets.after_the_frame import AfterTheFrame

LINES_KEPT = 2_048  # finished lines: a few screenfuls typed through, and the rows drawn ahead
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


class DecisionList(ScrollView, FinishedLines, can_focus=True):
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

    class ColumnsChanged(Message):
        """The rows' width changed (the window, or the scrollbar came or went): the
        column headings must be laid out for `row_width` again."""

    cursor: reactive[int] = reactive(0, always_update=True)

    def __init__(self, summarise: Callable[[str], Row], *, id: str | None = None,
                 after_the_frame: AfterTheFrame | None = None) -> None:
        super().__init__(id=id)
        self.summarise = summarise
        self.refs: Sequence[str] = ()
        self._styles: dict[str, Style] = {}  # worked out from CSS once per style change
        self._look: Look | None = None  # how finished lines look now; None: not worked out
        # Finished lines drawn lately, by (row, on the cursor), in the look above: typing
        # often brings back rows that were on screen a key ago. Rows are immutable; a new
        # summary is a new key.
        self._lines: dict[tuple[Row, bool], Strip] = {}
        self._highlighted: str | None = None  # the decision last said to be highlighted
        self._drawn_width = 0  # the rows' width when last drawn
        # the screen's, so that a keystroke's deferred work is one batch
        self.after_the_frame = after_the_frame or AfterTheFrame(self)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._look = None
        self._lines.clear()

    def _style(self, name: str) -> Style:
        """The widget's own style ("base") or a component's (e.g. "cursor", "overdue")."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.rich_style if name == "base" else (
                self.get_component_rich_style(f"decision-list--{name}"))
        return style

    @property
    def row_width(self) -> int:
        """How wide the rows are drawn: the list less its scrollbar. The headings above
        must use this width too, or their columns do not line up with the rows'."""
        return self.scrollable_content_region.width or self.size.width

    def _note_width(self, width: int) -> None:
        if width != self._drawn_width:
            self._drawn_width = width
            self.post_message(self.ColumnsChanged())

    @property
    def current(self) -> str | None:
        return self.refs[self.cursor] if 0 <= self.cursor < len(self.refs) else None

    def show(self, refs: Sequence[str], cursor: int = 0) -> None:
        """Replace the rows (after filtering or sorting), the cursor on row `cursor`. The
        caller knows the rows changed: Highlighted is posted for the clerk's own moves."""
        self.refs = refs
        size = Size(self.size.width, len(refs))
        if size != self.virtual_size:
            # Not through the reactive, which lays out the whole screen again: only the
            # scrollbar changes (a layout only if it appears or goes), and that just after
            # the rows are drawn, unless the rows need it to scroll back first.
            self.set_reactive(DecisionList.virtual_size, size)
            if self.scroll_offset.y > self.max_scroll_y:
                set_scroll_range(self, size)
            else:
                self.after_the_frame(partial(set_scroll_range, self, size))
        # Not through the reactive: one repaint, no message.
        self.set_reactive(DecisionList.cursor, cursor if 0 <= cursor < len(refs) else 0)
        self._highlighted = self.current
        self._follow_cursor()

    def visible_refs(self) -> Sequence[str]:
        top = self.scroll_offset.y
        return self.refs[top: top + self.scrollable_content_region.height]

    def move(self, delta: int) -> None:
        if self.refs:
            self.cursor = max(0, min(len(self.refs) - 1, self.cursor + delta))

    def watch_cursor(self) -> None:
        self._follow_cursor()

    def _follow_cursor(self) -> None:
        """Scroll the cursor's row into view, repaint, and say which decision it is on when
        that changed."""
        cursor = self.cursor
        height = max(self.scrollable_content_region.height, 1)
        top = self.scroll_offset.y
        if cursor < top:
            self.scroll_to(y=cursor, animate=False)
        elif cursor >= top + height:
            self.scroll_to(y=cursor - height + 1, animate=False)
        self.refresh()
        if self.current != self._highlighted:
            self._highlighted = self.current
            self.post_message(self.Highlighted(self.current))

    def open_current(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_click(self, event: Click) -> None:
        """A click picks a row; a click on the row already picked (or a double click)
        opens it."""
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.refs):
            if index == self.cursor:
                self.open_current()
            else:
                self.cursor = index

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.refs))

    def render_line(self, y: int) -> Strip:
        """One line as the Line API draws it (Textual finishes it): only for a list styled
        with padding, a border or the like, which `render_lines` leaves to Textual."""
        width = self.scrollable_content_region.width
        self._note_width(width)
        index = self.scroll_offset.y + y
        base = self._style("base")
        if index >= len(self.refs):
            return Strip.blank(width, base)
        row = self.summarise(self.refs[index])
        return draw(row, width, self._row_style(index == self.cursor, row.state, finish=None))

    def finished_lines(self, crop: Region) -> list[Strip] | None:
        """The lines in `crop`, finished for the screen, or None to let Textual draw them.

        Textual's own path sends every line of a refreshed widget through the widget's
        StylesCache (padding, borders, tint, then the app's colour filters), a new Strip or
        two each, on every key. This list has none of those extras and the filters only
        change styles, so the styles are finished once per look and each finished line is
        kept by the row it shows.
        """
        look = self._current_look(crop)
        if look is None:
            return None
        refs, summarise = self.refs, self.summarise
        top, cursor = self.scroll_offset.y, self.cursor
        return [self._finished_line(summarise(refs[index]), index == cursor, look)
                if index < len(refs) else look.blank
                for index in range(top + crop.y, top + crop.bottom)]

    def draw_ahead(self, rows: Iterable[Row]) -> None:
        """Have these rows' lines (off the cursor) finished before they are shown."""
        if self._look is not None:
            for row in rows:
                self._finished_line(row, False, self._look)

    def _finished_line(self, row: Row, cursor: bool, look: Look) -> Strip:
        key = (row, cursor)
        strip = self._lines.get(key)
        if strip is None:
            styles = self._row_style(cursor, row.state, finish=look)
            strip = self._lines[key] = draw(row, look.width, styles, look.tail)
            if len(self._lines) > LINES_KEPT:
                del self._lines[next(iter(self._lines))]
        return strip

    def _current_look(self, crop: Region) -> Look | None:
        """The look of finished lines for `crop`, or None where Textual must finish them."""
        width = self.scrollable_content_region.width
        self._note_width(width)
        base_background, background = self.background_colors
        filters = tuple(self.app.get_line_filters())
        look = self._look
        if look is not None and look.key == (crop, width, base_background, background,
                                             filters):
            return look
        self._lines.clear()
        look = self._look = None
        styles = self.styles
        if (crop.column_span != (0, self.size.width) or styles.gutter or styles.tint.a
                or styles.opacity != 1 or styles.text_opacity != 1
                or any(edge for edge, _ in styles.outline)
                or (styles.has_rule("hatch") and styles.hatch != "none")):
            return None
        # The blank past the rows is the widget's colours: what StylesCache pads with.
        tail_style = TextualStyle(background=base_background + background).rich_style
        look = Look((crop, width, base_background, background, filters), width, filters,
                    background)
        look.tail = Segment(" " * (crop.width - width), look.finish(tail_style)) \
            if crop.width > width else None
        look.blank = draw_blank(width, look.finish(self._style("base")), look.tail)
        self._look = look
        return look

    def _row_style(self, cursor: bool, state: str, finish: Look | None) -> tuple[Style, Style]:
        """(the mark's style, the rest's) for a row on or off the cursor in `state`."""
        style = self._style("base") + self._style("cursor") if cursor else self._style("base")
        mark = style + self._style(state) if state else style
        if finish is None:
            return mark, style
        return finish.finish(mark), finish.finish(style)


class Look:
    """How finished lines look: the width, the app's colour filters over the background.
    Styles are finished once each, as Textual finishes each segment of a line."""

    def __init__(self, key: tuple[object, ...], width: int, filters: tuple[LineFilter, ...],
                 background: Color) -> None:
        self.key = key
        self.width = width
        self.filters = filters
        self.background = background
        self.tail: Segment | None = None  # past the rows' width (under the scrollbar)
        self.blank = Strip([])
        self._finished: dict[Style, Style] = {}

    def finish(self, style: Style) -> Style:
        done = self._finished.get(style)
        if done is None:
            segments = [Segment(" ", style)]
            for line_filter in self.filters:
                segments = line_filter.apply(segments, self.background)
            done = self._finished[style] = segments[0].style or style
        return done


def draw(row: Row, width: int, styles: tuple[Style, Style],
         tail: Segment | None = None) -> Strip:
    """A row's line: the mark in its own style (overdue, blocked...), then the columns."""
    stage = stage_label(row.stage) if width >= 110 else SHORT.get(row.stage, row.stage)
    cells = [row.mark, row.ref, row.title, row.maker, stage, row.key, row.next_date]
    text = " ".join(fit(cell, w) for cell, (_, w) in zip(cells, columns(width), strict=True))
    text = text[:width].ljust(width)
    mark_style, style = styles
    segments = [Segment(text[:1], mark_style), Segment(text[1:], style)]
    if tail is not None:
        segments.append(tail)
    return Strip(segments, width + (tail.cell_length if tail is not None else 0))


def draw_blank(width: int, style: Style, tail: Segment | None) -> Strip:
    segments = [Segment(" " * width, style)]
    if tail is not None:
        segments.append(tail)
    return Strip(segments, width + (tail.cell_length if tail is not None else 0))
