"""The meeting view: the decisions due on one day, in order, with outcomes a key away."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from clerk.domain.calendar import fmt_date
from clerk.domain.entries import Entry, entry_of
from clerk.domain.lifecycle import stage_label, stage_of_raw
from clerk.tui import keys
from clerk.tui.screens.flow import take_step
from clerk.tui.screens.forms.engine import FormScreen
from clerk.tui.screens.forms.fields import Field
from clerk.tui.text import esc
from clerk.tui.widgets.key_bar import KeyBar
from clerk.tui.widgets.panels import CompliancePanel

if TYPE_CHECKING:
    from clerk.store.register import Register
    from clerk.tui.app import ClerkApp
    from clerk.tui.widgets.register_index import RegisterIndex

# Which move each meeting key takes, and the date field it starts on the meeting day.
DATE_FIELD = {"decide": "decided_on", "comment": "received_on",
              "call-in-outcome": "decided_on", "council": "decided_on"}


def due_on(doc: dict[str, Any], day: str) -> str | None:
    """Why a stored decision is on the agenda for `day` (ISO), or None."""
    plan = doc.get("plan") or {}
    record = doc.get("record") or {}
    referral = doc.get("referral") or {}
    if referral.get("meeting_on") == day:
        return "Full Council"
    if record.get("decided_on") == day:
        return "decided at this meeting"
    if plan.get("due_on") == day:
        return "due for decision"
    return None


UPCOMING = 6  # meeting days listed below the agenda


def entries_of(register: Register, index: RegisterIndex | None) -> Iterable[Entry]:
    """Each decision's agenda days and stage: from the register list's index when it has
    been read, else from the stored decisions."""
    if index is not None:
        return index.entries
    return (entry_of(ref, doc) for ref, doc in register.raw_items())


def upcoming(entries: Iterable[Entry], today: date) -> tuple[list[tuple[str, int]], list[str]]:
    """(the next meeting days from today with how many items each, the references of
    decisions still to be taken that have no date of decision yet)."""
    start = today.isoformat()
    days: dict[str, int] = {}
    undated = []
    for entry in entries:
        meeting, _decided, due = entry.agenda
        for day in {meeting, due} - {""}:
            if day >= start:
                days[day] = days.get(day, 0) + 1
        if entry.stage in ("draft", "planned") and not due and not meeting:
            undated.append(entry.ref)
    return sorted(days.items())[:UPCOMING], sorted(undated)


def next_meeting_day(register: Register, today: date, index: RegisterIndex | None = None
                     ) -> date:
    """The first day on or after today with something due, else today. From the register
    list's index when it has been read (reading every decision takes a second at 100k)."""
    start = today.isoformat()
    if index is not None:
        days = list(index.agenda_days(start))
    else:
        days = []
        for _, doc in register.raw_items():
            for day in ((doc.get("referral") or {}).get("meeting_on"),
                        (doc.get("plan") or {}).get("due_on")):
                if day and day >= start:
                    days.append(day)
    return date.fromisoformat(min(days)) if days else today


class MeetingScreen(Screen[None]):
    SCOPE = "meeting"
    BINDINGS = keys.bindings("meeting")

    def __init__(self, day: date, index: RegisterIndex | None = None) -> None:
        super().__init__()
        self.day = day
        self.index = index  # the register list's, kept current as decisions are saved
        self.refusals: dict[str, str | None] = {}

    @property
    def clerk(self) -> ClerkApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="meeting-title")
        with Horizontal(id="meeting-body"):
            with Vertical(id="meeting-lists"):
                yield OptionList(id="agenda")
                yield Static(id="upcoming")
            yield CompliancePanel(id="meeting-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    def load(self, keep: str | None = None) -> None:
        agenda = self.query_one("#agenda", OptionList)
        iso = self.day.isoformat()
        items = []
        register = self.clerk.register
        if self.index is not None:
            candidates: Iterable[tuple[str, dict[str, Any]]] = (
                (ref, register.get_raw(ref)) for ref in self.index.on_agenda(iso))
        else:
            candidates = register.raw_items()
        for ref, doc in candidates:
            why = due_on(doc, iso)
            if why:
                items.append((ref, doc, why))
        items.sort(key=lambda item: item[0])
        days, undated = upcoming(entries_of(register, self.index), self.clerk.today)
        on_day = {ref for ref, _, _ in items}
        items += [(ref, register.get_raw(ref), "no date of decision yet")
                  for ref in undated if ref not in on_day]
        agenda.clear_options()
        for number, (ref, doc, why) in enumerate(items, 1):
            if number == len(on_day) + 1:
                agenda.add_option(Option("[b]Not yet dated[/b] (no date of decision yet)",
                                         disabled=True))
            agenda.add_option(Option(
                f"{number}. [b]{esc(ref)}[/b] {esc(doc.get('title', ''))}\n"
                f"   {stage_label(stage_of_raw(doc))} · {why}", id=ref))
        other = keys.shown("meeting.date", self.clerk.keymap_overrides)
        self.query_one("#meeting-title", Static).update(
            f"[b]Meeting of {fmt_date(self.day)}[/b] · {len(on_day)} item(s) · "
            f"{esc(other)}: another date")
        self.query_one("#upcoming", Static).update(
            "[b]Upcoming[/b]: " + (" · ".join(
                f"{fmt_date(date.fromisoformat(day))} ({count})" for day, count in days)
                or "no meeting dates recorded"))
        if items:
            refs = [ref for ref, _, _ in items]
            first = refs.index(keep) if keep in refs else 0
            agenda.highlighted = first + (1 if first >= len(on_day) else 0)  # the heading
        if not on_day:
            self.query_one(CompliancePanel).update(
                f"Nothing is due on this day. Press {esc(other)} to choose another date.")
        agenda.focus()

    @property
    def current(self) -> str | None:
        found = self.query("#agenda")  # none while the screen is built or taken down
        if not found:
            return None
        agenda = found.first(OptionList)
        if agenda.highlighted is None:
            return None
        return agenda.get_option_at_index(agenda.highlighted).id

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        ref = self.current
        if ref is None:
            return
        decision = self.clerk.register.get(ref)
        self.refusals = self.clerk.refusals(decision)
        self.query_one(CompliancePanel).show(decision, self.clerk.profile, self.clerk.today)
        self.refresh_bindings()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_open_item()

    def hidden_in_key_bar(self, action: str) -> bool:
        """Steps refused for the item under the cursor are left out of the key bar; their
        keys still answer, saying why."""
        if action.startswith("item('"):
            return self.current is None or self.refusals.get(action[6:-2]) is not None
        return False

    def action_cursor(self, delta: int) -> None:
        agenda = self.query_one(OptionList)
        agenda.action_cursor_down() if delta > 0 else agenda.action_cursor_up()

    def action_back(self) -> None:
        self.dismiss()

    def action_open_item(self) -> None:
        from clerk.tui.screens.decision import DecisionScreen

        if self.current:
            self.app.push_screen(DecisionScreen(self.current), callback=lambda _: self.load(
                self.current))

    @work(exclusive=True, group="step")
    async def action_item(self, move_id: str) -> None:
        ref = self.current
        if ref is None:
            self.notify("Nothing is on the agenda for this day: press a to choose another "
                        "date.", severity="warning")
            return
        decision = self.clerk.register.get(ref)
        await take_step(self.clerk, decision, move_id, {DATE_FIELD[move_id]: self.day})
        self.load(ref)

    @work(exclusive=True, group="step")
    async def action_change_date(self) -> None:
        chosen = await self.app.push_screen_wait(FormScreen(
            "Meeting date", [Field("day", "Meeting on", "date", True)],
            lambda values: values["day"], {"day": self.day}))
        if chosen is not None:
            self.day = chosen
            self.load()
