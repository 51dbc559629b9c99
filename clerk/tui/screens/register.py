"""The register: every decision, filtered as the clerk types, by stage, sorted by due date."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from clerk.domain.lifecycle import STAGE_NAMES, new_decision, stage_label
from clerk.tui import keys
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.screens.forms.specs import NEW_FIELDS, maker_of
from clerk.tui.summary import Entry, Row, entry_of, row_of
from clerk.tui.widgets.decision_list import DecisionList, header_text

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp


class RegisterScreen(Screen[None]):
    SCOPE = "register"
    BINDINGS = keys.bindings("register")

    def __init__(self) -> None:
        super().__init__()
        self.index: list[Entry] = []
        self.rows: dict[str, Row] = {}
        self.stage_filter: str | None = None
        self.sort_by_due = False
        self._last: tuple[str, list[Entry]] | None = None  # narrowing while typing

    @property
    def clerk(self) -> ClerkApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="register-title")
        yield Input(placeholder="Type to filter: title, reference, decision maker, ward",
                    id="filter", compact=True)
        yield Static(id="columns")
        yield DecisionList(self.summarise, id="decisions")
        yield Static(id="row-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.clerk.on_saved(partial(self.saved))
        self.reload()
        self.query_one("#filter", Input).focus()

    def reload(self) -> None:
        self.index = [entry_of(ref, doc) for ref, doc in self.clerk.register.raw_items()]
        self.rows.clear()
        self.apply_filter()

    def saved(self, ref: str) -> None:
        entry = entry_of(ref, self.clerk.register.get_raw(ref))
        for position, old in enumerate(self.index):
            if old.ref == ref:
                self.index[position] = entry
                break
        else:
            self.index.append(entry)
        self.rows.pop(ref, None)
        self._last = None
        self.apply_filter(keep=ref)

    def summarise(self, ref: str) -> Row:
        row = self.rows.get(ref)
        if row is None:
            decision = self.clerk.register.get(ref)
            row = self.rows[ref] = row_of(decision, self.clerk.profile, self.clerk.today)
        return row

    # ---- filtering and sorting ---------------------------------------------------------

    def matching(self, text: str) -> list[Entry]:
        terms = text.casefold().split()
        pool = self.index
        if self._last is not None and terms and text.casefold().startswith(self._last[0]):
            pool = self._last[1]  # typing more only narrows: search what matched before
        found = [e for e in pool if all(t in e.haystack for t in terms)] if terms else pool
        self._last = (text.casefold(), found)
        return found

    def apply_filter(self, keep: str | None = None) -> None:
        decisions = self.query_one(DecisionList)
        keep = keep or decisions.current
        found = self.matching(self.query_one("#filter", Input).value)
        if self.stage_filter is not None:
            found = [e for e in found if e.stage == self.stage_filter]
        if self.sort_by_due:
            found = sorted(found, key=lambda e: (e.due, e.ref))
        decisions.show([e.ref for e in found], keep=keep)
        stage = stage_label(self.stage_filter) if self.stage_filter else "all stages"
        order = "by due date" if self.sort_by_due else "by ref"
        self.query_one("#register-title", Static).update(
            f"[b]{escape(self.clerk.profile.name or 'clerk')}[/b] · {len(found):,}/"
            f"{len(self.index):,} · {stage} · {order}"
        )
        self.query_one("#columns", Static).update(header_text(decisions.size.width
                                                              or self.size.width))

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.apply_filter()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.action_open_selected()

    def on_resize(self) -> None:
        self.query_one("#columns", Static).update(header_text(self.size.width))

    @on(DecisionList.Highlighted)
    def _highlighted(self, event: DecisionList.Highlighted) -> None:
        detail = self.query_one("#row-detail", Static)
        if event.ref is None:
            detail.update("[dim]No decision matches. ^n starts a new one.[/dim]")
            return
        row = self.summarise(event.ref)
        text = "; ".join(row.problems) or "Nothing missing, blocked or overdue."
        detail.update(f"[b]{escape(row.ref)}[/b] {escape(text)}")
        detail.set_class(row.state == "overdue", "-overdue")
        detail.set_class(row.state == "blocked", "-blocked")

    @on(DecisionList.Selected)
    def _selected(self, event: DecisionList.Selected) -> None:
        from clerk.tui.screens.decision import DecisionScreen

        self.app.push_screen(DecisionScreen(event.ref))

    # ---- actions -----------------------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        self.query_one(DecisionList).move(delta)

    def action_open_selected(self) -> None:
        self.query_one(DecisionList).open_current()

    def action_cycle_stage(self) -> None:
        names: list[str | None] = [None, *STAGE_NAMES]
        self.stage_filter = names[(names.index(self.stage_filter) + 1) % len(names)]
        self.apply_filter()

    def action_toggle_sort(self) -> None:
        self.sort_by_due = not self.sort_by_due
        self.apply_filter()

    def action_meeting(self) -> None:
        from clerk.tui.screens.meeting import MeetingScreen, next_meeting_day

        clerk = self.clerk
        day = next_meeting_day(clerk.register.raw_items(), clerk.today)
        self.app.push_screen(MeetingScreen(day))

    @work
    async def action_print_plan(self) -> None:
        from datetime import timedelta

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
        clerk = self.clerk
        ref = clerk.register.next_ref(clerk.today.year)

        def create(values: dict[str, object]) -> object:
            return new_decision(ref, str(values["title"]), maker_of(values), clerk.today)

        decision = await clerk.push_screen_wait(
            FormScreen(f"New decision · {ref}", NEW_FIELDS, create,
                       {"maker_kind": "member"},
                       intro="Next: the forward plan entry (p) and the key decision (k).")
        )
        if decision is not None and clerk.save(decision, "decision created"):
            from clerk.tui.screens.decision import DecisionScreen

            clerk.push_screen(DecisionScreen(ref))
