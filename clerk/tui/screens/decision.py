"""One decision: where it stands, every part of it, its compliance and its history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from clerk.domain.decision import Decision
from clerk.tui import keys
from clerk.tui.screens import sections
from clerk.tui.screens.flow import take_step
from clerk.tui.text import esc
from clerk.tui.widgets.key_bar import KeyBar
from clerk.tui.widgets.panels import CompliancePanel, LifecycleBar, StepsPanel, next_step

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp

TABS = (("overview", "Overview"), ("compliance", "Compliance"), ("report", "Report"),
        ("comments", "Comments"), ("record", "Record"), ("history", "History"),
        ("steps", "Steps"))


class DecisionScreen(Screen[None]):
    SCOPE = "decision"
    BINDINGS = keys.bindings("decision")

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref
        self.decision: Decision = Decision()
        self.refusals: dict[str, str | None] = {}

    @property
    def clerk(self) -> ClerkApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="decision-title")
        yield LifecycleBar(id="lifecycle")
        with Horizontal(id="decision-body"):
            with TabbedContent(id="tabs"):
                for tab_id, label in TABS:
                    with TabPane(label, id=f"tab-{tab_id}"):
                        if tab_id == "comments":  # a list: the clerk picks one to answer
                            yield Static(id="section-comments", classes="section")
                            yield OptionList(id="comment-list")
                            continue
                        with VerticalScroll(classes="section"):
                            if tab_id == "compliance":
                                yield CompliancePanel(classes="compliance")
                            elif tab_id == "steps":
                                yield StepsPanel(classes="steps")
                            else:
                                yield Static(id=f"section-{tab_id}")
            with Vertical(id="side"):
                yield CompliancePanel(classes="compliance")
                yield StepsPanel(classes="steps")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()
        self.focus_section()

    def load(self) -> None:
        clerk = self.clerk
        self.decision = clerk.register.get(self.ref)
        self.refusals = clerk.refusals(self.decision)
        d = self.decision
        self.query_one("#decision-title", Static).update(
            f"[b]{esc(d.ref)}[/b] {esc(d.title)} · {esc(d.decision_maker.describe())}")
        self.query_one(LifecycleBar).show(
            d, next_step(d, clerk.profile, clerk.today, clerk.keymap_overrides))
        for panel in self.query(CompliancePanel):
            panel.show(d, clerk.profile, clerk.today)
        for steps in self.query(StepsPanel):
            steps.show(self.refusals, clerk.keymap_overrides)
        texts = {"overview": sections.overview(d), "report": sections.report(d),
                 "comments": sections.consultation(d), "record": sections.record(d),
                 "history": "[dim]Reading the journal…[/dim]"}
        for tab_id, text in texts.items():
            self.query_one(f"#section-{tab_id}", Static).update(text)
        self._list_comments()
        self.refresh_bindings()
        self._read_history(d.ref)

    class HistoryRead(Message):
        def __init__(self, ref: str, entries: list[Any]) -> None:
            super().__init__()
            self.ref, self.entries = ref, entries

    @work(thread=True, exclusive=True, group="history")
    def _read_history(self, ref: str) -> None:
        """The journal is read off the UI thread: a long one takes a while."""
        self.post_message(self.HistoryRead(ref, self.clerk.register.history(ref)))

    @on(HistoryRead)
    def _history_read(self, message: HistoryRead) -> None:
        if message.ref == self.ref:
            self.query_one("#section-history", Static).update(
                sections.history(message.entries, self.decision))

    def others_saved(self, refs: tuple[str, ...]) -> None:
        """Another clerk saved: show this decision as it now stands."""
        if self.ref in refs:
            self.load()

    def _list_comments(self) -> None:
        listed = self.query_one("#comment-list", OptionList)
        highlighted = listed.highlighted
        listed.clear_options()
        options: list[Option | None] = []
        for number, item in enumerate(self.decision.comments, 1):
            options += [None] if options else []  # a rule between comments
            options.append(Option(sections.comment(number, item), id=str(number - 1)))
        listed.add_options(options)
        listed.display = bool(self.decision.comments)
        if self.decision.comments:
            listed.highlighted = min(highlighted or 0, len(self.decision.comments) - 1)

    def focus_section(self) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active == "tab-comments":
            self.query_one("#comment-list", OptionList).focus()
            return
        pane = self.query_one(f"#{tabs.active}", TabPane)
        pane.query_one(VerticalScroll).focus()

    # ---- actions -----------------------------------------------------------------------

    def hidden_in_key_bar(self, action: str) -> bool:
        """A step the rules refuse now is left out of the key bar, to make room for the
        ones that are open; its key still answers, saying why it is refused."""
        if action.startswith("move('"):
            return self.refusals.get(action[6:-2]) is not None
        if action == "respond":
            return not self.decision.comments
        return False

    @work(exclusive=True, group="step")
    async def action_move(self, move_id: str) -> None:
        saved = await take_step(self.clerk, self.decision, move_id)
        if saved is not None:
            self.load()

    def action_respond(self) -> None:
        """Answer the comment picked on the Comments tab (the only one, if there is one)."""
        comments = self.decision.comments
        listed = self.query_one("#comment-list", OptionList)
        tabs = self.query_one(TabbedContent)
        if not comments:
            self.notify("No comments are recorded yet.", severity="warning", timeout=5)
        elif len(comments) == 1:
            self.respond(0)
        elif tabs.active == "tab-comments" and listed.highlighted is not None:
            self.respond(listed.highlighted)
        else:
            tabs.active = "tab-comments"
            unanswered = [i for i, c in enumerate(comments) if not c.response.strip()]
            listed.highlighted = unanswered[0] if unanswered else 0
            listed.focus()
            self.notify("Pick the comment with ↑↓, then Enter.", timeout=5)

    @on(OptionList.OptionSelected, "#comment-list")
    def _comment_picked(self, event: OptionList.OptionSelected) -> None:
        self.respond(int(event.option.id or 0))

    @work(exclusive=True, group="step")
    async def respond(self, index: int) -> None:
        from clerk.tui.screens.forms.specs import comment_intro

        saved = await take_step(self.clerk, self.decision, "respond",
                                {"response": self.decision.comments[index].response},
                                fixed={"comment": index + 1},
                                title=f"Response to comment {index + 1}",
                                intro=comment_intro(self.decision, index))
        if saved is not None:
            self.load()

    def action_back(self) -> None:
        self.dismiss()

    def action_tab(self, delta: int) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [f"tab-{tab_id}" for tab_id, _ in TABS]
        tabs.active = ids[(ids.index(tabs.active) + delta) % len(ids)]
        self.focus_section()

    @work(exclusive=True, group="step")
    async def action_print_notice(self) -> None:
        from clerk.notices import KINDS
        from clerk.tui.screens.printing import PrintJobScreen, PrintNoticeScreen, notice_job

        choice = await self.app.push_screen_wait(PrintNoticeScreen(self.decision))
        if choice:
            title = f"{KINDS[choice.kind]} · {self.ref}"
            if choice.confidential:
                title += " · CONFIDENTIAL"
            await self.app.push_screen_wait(PrintJobScreen(
                title, notice_job(self.clerk, self.ref, choice)))
            self.load()
