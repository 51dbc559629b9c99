"""Printing: choose a notice, render it off the UI thread, say where the PDF went, print it.

The rendering and the `lp` call run in thread workers that only post messages; the
screen shows what they report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from clerk.domain.dates import parse_date
from clerk.domain.decision import Decision
from clerk.tui import keys
from clerk.tui.screens.forms.fields import TickBox
from clerk.tui.text import esc, plain
from clerk.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp

Job = Callable[[], tuple[Path, str]]  # writes the PDF; returns its path and a note


@dataclass(frozen=True)
class PrintChoice:
    kind: str
    published_on: date | None  # None: the date the register holds for it, else today
    confidential: bool
    draft: bool = False  # a preview: DRAFT on every page, not journaled


class PrintNoticeScreen(ModalScreen[PrintChoice | None]):
    """Pick a notice kind, its publication date and (rarely) a confidential copy.

    Kinds the decision cannot yet support say what they lack. A confidential copy holds
    the exempt information and is marked so on every page: it is never for publication.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="print.cancel"), keys.MODAL_HELP]

    def __init__(self, decision: Decision) -> None:
        super().__init__()
        self.decision = decision

    def compose(self) -> ComposeResult:
        from clerk.notices import KINDS, missing_for

        profile = self.app.register.council  # type: ignore[attr-defined]
        options = []
        self.lacking: dict[str, list[str]] = {}
        for kind, title in KINDS.items():
            missing = missing_for(kind, self.decision, profile)
            if missing:  # listed on one line, so every kind shows at 80x24
                self.lacking[kind] = missing
                options.append(Option(f"[dim]{esc(title)} (lacks {len(missing)})[/dim]",
                                      id=kind))
            else:
                options.append(Option(esc(title), id=kind))
        today = self.app.today  # type: ignore[attr-defined]
        with Vertical(id="dialog"):
            yield Static(f"[b]Print a notice[/b] · {esc(self.decision.ref)}")
            yield OptionList(*options, id="kinds")
            yield Static("", id="print-error")
            yield Label(f"Publication date (blank: the register's, else today {today:%d/%m/%Y})")
            yield Input("", id="published", compact=True, select_on_focus=False)
            yield TickBox(plain("Confidential copy (exempt information; never publish)"),
                          id="confidential", compact=True)
            yield TickBox(plain("Draft: a preview marked DRAFT, not published"), id="draft",
                          compact=True)
            yield Static("[b]Enter[/b] prints the notice   [b]Tab[/b] date, confidential "
                         "copy, draft   [b]Esc[/b] cancel", id="print-keys")
        yield KeyBar()

    def on_mount(self) -> None:
        kinds = self.query_one("#kinds", OptionList)
        printable = [i for i in range(kinds.option_count)
                     if kinds.get_option_at_index(i).id not in self.lacking]
        kinds.highlighted = printable[0] if printable else 0
        kinds.focus()

    @on(OptionList.OptionHighlighted, "#kinds")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        missing = self.lacking.get(event.option.id or "")
        self.query_one("#print-error", Static).update(
            f"[$warning]Lacks: {esc('; '.join(missing))}[/]" if missing else "")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        from clerk.notices import KINDS

        assert event.option.id is not None
        missing = self.lacking.get(event.option.id)
        if missing:
            self.query_one("#print-error", Static).update(
                f"[$error]{esc(KINDS[event.option.id])} cannot be printed yet: it lacks "
                f"{esc('; '.join(missing))}.[/]")
            return
        typed = self.query_one("#published", Input).value.strip()
        try:
            published_on = parse_date(typed) if typed else None
        except ValueError as error:
            self.query_one("#print-error", Static).update(f"[$error]{esc(str(error))}[/]")
            self.query_one("#published", Input).focus()
            return
        confidential = self.query_one("#confidential", Checkbox).value
        draft = self.query_one("#draft", Checkbox).value
        self.dismiss(PrintChoice(event.option.id, published_on, confidential, draft))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PrintJobScreen(ModalScreen[bool]):
    """Runs one print job in a thread; p sends the PDF to the printer; Esc closes."""

    BINDINGS = [
        Binding("p", "send", "Send to printer", id="print.send"),
        Binding("escape,enter", "close", "Close", id="print.close"),
        keys.MODAL_HELP,
    ]

    class Done(Message):
        def __init__(self, path: Path | None, note: str, error: str = "") -> None:
            super().__init__()
            self.path, self.note, self.error = path, note, error

    class Printed(Message):
        def __init__(self, text: str, ok: bool) -> None:
            super().__init__()
            self.text, self.ok = text, ok

    def __init__(self, title: str, job: Job) -> None:
        super().__init__()
        self.job_title = title
        self.job = job
        self.path: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(f"[b]{esc(self.job_title)}[/b]")
            yield Static("Rendering the PDF…", id="status")
            yield Static("", id="printer")
        yield KeyBar()

    def on_mount(self) -> None:
        self.render_pdf()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "send":
            return self.path is not None
        return True

    @work(thread=True, exclusive=True)
    def render_pdf(self) -> None:
        from clerk.notice_files import NoticeFileError
        from clerk.notices import NoticeRefused
        from clerk.printing import WrongDate
        from clerk.store.errors import RegisterError

        try:
            path, note = self.job()
        except (NoticeRefused, RegisterError, ValueError, OSError, NoticeFileError,
                WrongDate) as error:
            self.post_message(self.Done(None, "", str(error)))
        else:
            self.post_message(self.Done(path, note))

    @on(Done)
    def _done(self, message: Done) -> None:
        status = self.query_one("#status", Static)
        if message.error:
            status.update(f"[$error b]Not printed:[/] {esc(message.error)}")
            return
        self.path = message.path
        status.update(f"[$success b]PDF written:[/] {esc(str(message.path))}\n"
                      f"{esc(message.note)}\n[b]p[/b] send to the printer · "
                      "[b]Esc[/b] close")
        self.refresh_bindings()

    def action_send(self) -> None:
        self.query_one("#printer", Static).update("Sending to the printer…")
        self.send()

    @work(thread=True, exclusive=True, group="lp")
    def send(self) -> None:
        from clerk.printing import PrinterUnavailable, send_to_printer

        assert self.path is not None
        try:
            self.post_message(self.Printed(send_to_printer(self.path), True))
        except PrinterUnavailable as error:
            self.post_message(self.Printed(str(error), False))

    @on(Printed)
    def _printed(self, message: Printed) -> None:
        colour = "$success" if message.ok else "$warning"
        self.query_one("#printer", Static).update(f"[{colour}]{esc(message.text)}[/]")

    def action_close(self) -> None:
        self.dismiss(self.path is not None)


def notice_job(app: ClerkApp, ref: str, choice: PrintChoice) -> Job:
    from clerk.printing import draft_notice, publish_notice

    kind, confidential = choice.kind, choice.confidential

    def job() -> tuple[Path, str]:
        if choice.draft:
            written = draft_notice(app.register, ref, kind, on=choice.published_on,
                                   today=app.today, confidential=confidential,
                                   folder=app.output_dir)
            return written.path, "DRAFT: not published, not recorded in the journal."
        written = publish_notice(app.register, ref, kind, on=choice.published_on,
                                 today=app.today, confidential=confidential,
                                 folder=app.output_dir)
        warning = " CONFIDENTIAL: not for publication." if confidential else ""
        if written.already:
            return written.path, f"Already published (sha256 {written.sha256[:16]}…): " \
                                 "nothing new written or journaled."
        return written.path, f"sha256 {written.sha256[:16]}… recorded in the journal.{warning}"

    return job


def plan_job(app: ClerkApp, start: object, end: object) -> Job:
    from clerk.printing import publish_forward_plan

    def job() -> tuple[Path, str]:
        written, count = publish_forward_plan(app.register, start, end,  # type: ignore[arg-type]
                                              on=app.today, folder=app.output_dir)
        return written.path, f"{count} decision(s) listed; sha256 {written.sha256[:16]}…"

    return job
