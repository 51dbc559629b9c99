"""The register: every decision, filtered as the clerk types, by stage, sorted by due date."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from clerk.domain.lifecycle import STAGE_NAMES, stage_label
from clerk.gc_pause import gc_paused
from clerk.tui import keys
from clerk.tui.internals import repaint_now
from clerk.tui.summary import Row, entry_of, quick_row, row_of
from clerk.tui.widgets.after_the_frame import AfterTheFrame
from clerk.tui.widgets.decision_list import DecisionList, header_text
from clerk.tui.widgets.filter_input import FilterInput
from clerk.tui.widgets.kept_text import KeptText
from clerk.tui.widgets.key_bar import KeyBar
from clerk.tui.widgets.register_index import RegisterIndex

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp

READ_AT_ONCE = 2_000  # decisions: a register this small is indexed before the first frame
# Rows past the top of the list drawn just after each filter's frame: the next key most
# often narrows the list to some of them, and then they are on screen at once.
DRAW_AHEAD = 150


class RegisterScreen(Screen[None]):
    """The list is drawn at once from the register's references; the index that filtering,
    sorting and the meeting view need is read in a worker. Typing before it is ready shows
    "indexing" and filters as soon as it arrives."""

    SCOPE = "register"
    BINDINGS = keys.bindings("register")

    class IndexReady(Message):
        def __init__(self, index: RegisterIndex, generation: int) -> None:
            super().__init__()
            self.index = index
            self.generation = generation

    def __init__(self) -> None:
        super().__init__()
        self.index: RegisterIndex | None = None
        self.rows: dict[str, Row] = {}  # with the rules' next date and marks
        self.quick: dict[str, Row] = {}  # straight from the stored dict
        self.stage_filter: str | None = None
        self.sort_by_due = False
        self._generation = 0
        self._saved_early: set[str] = set()  # saved since the index began to be read
        self._wanted: dict[str, None] = {}  # rows drawn quick, to be worked out in full
        self._lines: dict[str, KeptText] = {}  # the lines above and below the list, by selector
        self._open_when_indexed = False  # Enter pressed on a filter still waiting
        self.after_the_frame = AfterTheFrame(self)  # the rules' columns, the rest of a filter

    @property
    def clerk(self) -> ClerkApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield KeptText(id="register-title")
        yield FilterInput(placeholder="Type to filter: title, reference, decision maker, ward",
                          id="filter", compact=True)
        yield KeptText(id="columns")
        yield DecisionList(self.summarise, id="decisions", after_the_frame=self.after_the_frame)
        yield KeptText(id="row-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.clerk.on_saved(partial(self.saved))
        self.query_one("#filter", Input).focus()
        self.reload()

    def reload(self) -> None:
        """Show the register now; read the index behind it."""
        self._generation += 1
        self._saved_early.clear()
        self.rows.clear()
        self.quick.clear()
        self.apply_filter()
        self.call_after_refresh(self._read_index, self._generation)

    @work(thread=True, exclusive=True, group="register-index")
    def _read_index(self, generation: int) -> None:
        with gc_paused():  # many objects and no cycles: collecting would find nothing
            index = RegisterIndex(self.clerk.register.index_entries())
        self.post_message(self.IndexReady(index, generation))

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        if message.generation != self._generation:
            return
        self.index = message.index
        for ref in self._saved_early:
            self.index.put(entry_of(ref, self.clerk.register.get_raw(ref)))
        self._saved_early.clear()
        self.apply_filter()
        if self._open_when_indexed:
            self._open_when_indexed = False
            self.action_open_selected()

    def saved(self, ref: str) -> None:
        self._saved_early.add(ref)  # the index being read may have passed it already
        if self.index is not None:
            self.index.put(entry_of(ref, self.clerk.register.get_raw(ref)))
        self.rows.pop(ref, None)
        self.quick.pop(ref, None)
        self.apply_filter(keep=ref)

    # ---- rows: quick columns at once, the rules' columns just after the frame ---------

    def summarise(self, ref: str) -> Row:
        """The row to draw: in full when known, else the quick columns (full ones follow)."""
        row = self.rows.get(ref)
        if row is not None:
            return row
        if not self._wanted:
            self.after_the_frame(self._work_out_rows)
        self._wanted[ref] = None
        return self._quick_row(ref)

    def _quick_row(self, ref: str) -> Row:
        row = self.quick.get(ref)
        if row is None:
            row = self.quick[ref] = quick_row(ref, self.clerk.register.get_raw(ref))
        return row

    def _draw_ahead(self) -> None:
        listing = self.query_one(DecisionList)
        top = listing.scroll_offset.y
        listing.draw_ahead(self.rows.get(ref) or self._quick_row(ref)
                           for ref in listing.refs[top:top + DRAW_AHEAD])

    def full_row(self, ref: str) -> Row:
        row = self.rows.get(ref)
        if row is None:
            decision = self.clerk.register.get(ref)
            row = self.rows[ref] = row_of(decision, self.clerk.profile, self.clerk.today)
            self.quick.pop(ref, None)
        return row

    def _work_out_rows(self) -> None:
        listing = self.query_one(DecisionList)
        on_screen = set(listing.visible_refs())
        current = listing.current
        wanted, self._wanted = self._wanted, {}
        changed = False
        for ref in wanted:
            if (ref in on_screen or ref == current) and ref not in self.rows \
                    and ref in self.clerk.register:
                full = self.full_row(ref)
                changed = changed or full.next_date != "" or full.mark != " "
        if changed:
            listing.refresh()
        if current in wanted:
            self._show_detail(current)

    # ---- filtering and sorting ---------------------------------------------------------

    def _set_text(self, selector: str, text: Content) -> None:
        """Show `text` on a line above or below the list. Built as Content, not markup:
        parsing markup took a tenth of a ms a line."""
        line = self._lines.get(selector)
        if line is None:
            line = self._lines[selector] = self.query_one(selector, KeptText)
        line.show(text)

    def apply_filter(self, keep: str | None = None, *, whole: bool = False) -> None:
        """Show the decisions the filter box, stage and order ask for. In a large register
        the first screenful is found and drawn first and the rest just after the frame,
        unless `whole`."""
        decisions = self.query_one(DecisionList)
        keep = keep or decisions.current
        typed = self.query_one("#filter", Input).value
        index = self.index
        waiting = index is None and bool(typed.strip() or self.stage_filter or self.sort_by_due)
        cursor = 0
        complete = True
        if index is None:
            found: list[str] = self.clerk.register.refs()
            total = len(found)
            if keep is not None and keep in self.clerk.register:
                cursor = found.index(keep)
        else:
            total = len(index)
            if whole or self.sort_by_due:
                found = index.matching(typed)
            else:
                want = decisions.scroll_offset.y + max(decisions.size.height, 40) + 1
                found, complete = index.first_matching(typed, want, after=keep)
            if self.stage_filter is not None:
                found = [ref for ref in found if index.entry(ref).stage == self.stage_filter]
            if self.sort_by_due:
                found = sorted(found, key=lambda ref: (index.entry(ref).due, ref))
                if keep is not None and keep in index.position:
                    cursor = found.index(keep) if keep in found else 0
            elif keep is not None:
                cursor = index.locate(found, keep) or 0
        decisions.show(found, cursor)
        stage = stage_label(self.stage_filter) if self.stage_filter else "all stages"
        order = "by due date" if self.sort_by_due else "by ref"
        if waiting:
            count = "indexing…"
        else:
            count = f"{len(found):,}/{total:,}" if complete else f"…/{total:,}"
        self._set_text("#register-title", Content.assemble(
            (self.clerk.profile.name or "clerk", "bold"), f" · {count} · {stage} · {order}"))
        self._show_columns()
        self._show_detail(decisions.current)
        self._paint_with_the_filter_box(decisions)
        if not complete:
            self.after_the_frame(partial(self._filter_the_rest, typed))
        self.after_the_frame(self._draw_ahead)

    def _filter_the_rest(self, typed: str) -> None:
        if self.query_one("#filter", Input).value == typed:  # else a later key took over
            self.apply_filter(whole=True)

    def _paint_with_the_filter_box(self, decisions: DecisionList) -> None:
        """Have the list and the lines about it drawn in the same frame as the filter box.

        A widget asks the screen for a repaint only when its own message queue next goes
        idle; by then the screen has often drawn the frame with the new letter in the box,
        and the list waits a frame (20-40 ms) for the next. Ask now instead.
        """
        for widget in (decisions, self._lines.get("#register-title"),
                       self._lines.get("#row-detail")):
            if widget is not None:
                repaint_now(widget)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()  # the register's own box: nothing above it listens
        self.apply_filter()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.action_open_selected()

    def on_resize(self) -> None:
        self._show_columns()

    @on(DecisionList.ColumnsChanged)
    def _show_columns(self) -> None:
        decisions = self.query_one(DecisionList)
        self._set_text("#columns", Content(header_text(decisions.row_width or self.size.width)))

    @on(DecisionList.Highlighted)
    def _highlighted(self, event: DecisionList.Highlighted) -> None:
        self._show_detail(event.ref)

    def _show_detail(self, ref: str | None) -> None:
        """What is missing, blocked or overdue for the cursor's decision."""
        detail = self.query_one("#row-detail", Static)
        if ref is None:
            self._set_text("#row-detail", Content.styled(
                "No decision matches. ^n starts a new one.", "dim"))
            state = ""
        else:
            row = self.rows.get(ref)
            if row is None:  # the rules' verdict follows just after the frame
                if not self._wanted:
                    self.after_the_frame(self._work_out_rows)
                self._wanted[ref] = None
                self._set_text("#row-detail", Content.assemble((ref, "bold"), " …"))
                state = ""
            else:
                text = " ".join(row.problems) or "Nothing missing, blocked or overdue."
                self._set_text("#row-detail", Content.assemble((ref, "bold"), f" {text}"))
                state = row.state
        detail.set_class(state == "overdue", "-overdue")
        detail.set_class(state == "blocked", "-blocked")

    @on(DecisionList.Selected)
    def _selected(self, event: DecisionList.Selected) -> None:
        from clerk.tui.screens.decision import DecisionScreen

        self.app.push_screen(DecisionScreen(event.ref))

    # ---- actions -----------------------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        self.query_one(DecisionList).move(delta)

    def action_open_selected(self) -> None:
        if self.index is None and self.query_one("#filter", Input).value.strip():
            self._open_when_indexed = True  # open what the filter finds, not row one
            return
        self.query_one(DecisionList).open_current()

    def action_cycle_stage(self) -> None:
        names: list[str | None] = [None, *STAGE_NAMES]
        self.stage_filter = names[(names.index(self.stage_filter) + 1) % len(names)]
        self.apply_filter()

    def action_toggle_sort(self) -> None:
        self.sort_by_due = not self.sort_by_due
        self.apply_filter()

    def action_dates(self) -> None:
        from clerk.tui.screens.dates import DatesScreen

        self.app.push_screen(DatesScreen())

    def action_meeting(self) -> None:
        from clerk.tui.screens.meeting import MeetingScreen, next_meeting_day

        clerk = self.clerk
        day = next_meeting_day(clerk.register, clerk.today, self.index)
        self.app.push_screen(MeetingScreen(day, self.index))

    @work
    async def action_print_plan(self) -> None:
        from datetime import timedelta

        from clerk.tui.screens.forms.engine import FormScreen
        from clerk.tui.screens.forms.fields import Field
        from clerk.tui.screens.printing import PrintJobScreen, plan_job

        clerk = self.clerk

        def period(values: dict[str, object]) -> object:
            if values["end"] < values["start"]:  # type: ignore[operator]
                raise ValueError("The period ends before it starts.")
            return values

        fields = [Field("start", "Period from", "date", True),
                  Field("end", "Period to", "date", True)]
        chosen = await clerk.push_screen_wait(FormScreen(
            "Print the forward plan", fields, period,
            {"start": clerk.today, "end": clerk.today + timedelta(days=120)}))
        if chosen is not None:
            await clerk.push_screen_wait(PrintJobScreen(
                "Forward plan", plan_job(clerk, chosen["start"], chosen["end"])))
            self.reload()

    def action_profile(self) -> None:
        from clerk.tui.screens.profile import ProfileScreen

        self.app.push_screen(ProfileScreen())

    @work
    async def action_new_decision(self) -> None:
        from clerk.domain.decision import Decision
        from clerk.tui.screens.flow import take_step

        clerk = self.clerk
        ref = clerk.register.next_ref(clerk.today.year)
        saved = await take_step(clerk, Decision(ref=ref), "new", intro="Next: the forward "
                                "plan entry (p) and the key decision (k).")
        if saved is not None:
            from clerk.tui.screens.decision import DecisionScreen

            clerk.push_screen(DecisionScreen(ref))
