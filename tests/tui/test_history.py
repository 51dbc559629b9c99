"""History says what each change changed, and is read off the UI thread."""

from __future__ import annotations

from clerk.tui.screens.decision import DecisionScreen
from tests.tui.conftest import screen_text


async def test_history_shows_what_changed(demo_register, app_for) -> None:
    d = demo_register.get("D2026-002")
    old = d.title
    d.title = "Disposal of land at Heather House (revised)"
    demo_register.save(d, action="details updated")
    app = app_for(demo_register)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(DecisionScreen("D2026-002"))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        assert "details updated" in shown
        assert f"title: {old} → Disposal of land at Heather House (revised)" in shown


def test_the_register_reports_changes_per_entry(demo_register) -> None:
    d = demo_register.get("D2026-002")
    d.plan.contact.telephone = "01622 000000"
    demo_register.save(d, action="forward plan entry")
    first, *_, last = demo_register.history("D2026-002")
    assert first.changes == ()
    assert [c[0] for c in last.changes] == ["plan.contact.telephone"]
    assert last.changes[0][2] == "01622 000000"


def test_history_values_are_in_words() -> None:
    from clerk.store.journal import JournalEntry
    from clerk.tui.screens.sections import history

    entry = JournalEntry(2, "2013-01-07T10:00:00", "key decision", "D2013-001", "h",
                         (("key.is_key", None, True), ("plan.due_month", "", "2013-02")))
    shown = history([entry])
    assert "key › is key: — → yes" in shown and "February 2013" in shown
    assert "True" not in shown and "2013-02" not in shown
