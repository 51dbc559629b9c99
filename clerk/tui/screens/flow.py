"""Taking one lifecycle step: the form, a confirmation when final, then the save.

The step (fields, gate, move, journal action) is the domain's, from `clerk.domain.steps`.
`take_step` is called from `@work` methods of the screens (it awaits screens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk.domain import steps
from clerk.domain.decision import Decision
from clerk.tui.screens.confirm import ConfirmScreen
from clerk.tui.screens.forms.engine import FormScreen

if TYPE_CHECKING:
    from clerk.tui.app import ClerkApp


class StepForm:
    """One step's form before it is on screen: why it is refused now (None when it is not),
    the fields shown, what they start with, what saving makes and the journal action."""

    def __init__(self, app: ClerkApp, decision: Decision, move_id: str,
                 initial: dict[str, Any] | None = None,
                 fixed: dict[str, Any] | None = None) -> None:
        self.refused = app.refusals(decision).get(move_id)
        self.move_id = move_id
        self.step = steps.STEPS[move_id]
        self.decision = decision
        self.ctx = app.ctx()
        self.fixed = fixed or {}  # taken as given and not shown (which comment is answered)
        self.start = self.step.start(decision, self.ctx) | (initial or {})
        self.fields = [f for f in self.step.fields if f.name not in self.fixed]
        self.taken: dict[str, Any] = {}

    def submit(self, values: dict[str, Any]) -> Decision:
        """The changed decision, or `Refused` (the form shows it and stays open)."""
        self.taken = {**values, **self.fixed}
        return steps.take(self.move_id, self.decision, self.taken, self.ctx)

    def refill(self, name: str, value: Any) -> dict[str, Any]:
        """A choice made: what the fields that follow from it now start from."""
        if self.step.refill is None:
            return {}
        return self.step.refill(self.decision, self.ctx, name, value)

    def again(self, latest: Decision) -> Decision:
        """The same step with what was typed, taken on the latest version of the decision
        (another clerk may have saved since the form opened)."""
        return steps.take(self.move_id, latest, self.taken, self.ctx)

    @property
    def action(self) -> str:
        return self.step.action_for(self.taken)


async def take_step(app: ClerkApp, decision: Decision, move_id: str,
                    initial: dict[str, Any] | None = None, *,
                    fixed: dict[str, Any] | None = None, title: str = "",
                    intro: str | None = None) -> Decision | None:
    """Run the step's form; returns the saved decision, or None if nothing was saved."""
    form = StepForm(app, decision, move_id, initial, fixed)
    if form.refused:
        app.notify(form.refused, title="Not allowed now", severity="warning", timeout=8)
        return None
    step = form.step
    changed = await app.push_screen_wait(FormScreen(
        f"{title or step.label} · {decision.ref}", form.fields, form.submit, form.start,
        intro=decision.title if intro is None else intro, refill=form.refill))
    if changed is None:
        return None
    if step.confirm and not await app.push_screen_wait(
        ConfirmScreen(step.confirm, f"{decision.ref} {decision.title}")
    ):
        app.notify("Not saved.", timeout=4)
        return None
    if not app.save(changed, form.action, form.again):
        return None
    app.notify(f"{title or step.label}: saved.", timeout=4)
    saved: Decision = changed
    return saved
