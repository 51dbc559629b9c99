"""Looking again at whether a decision was key: the review of a recorded departure from
the council's definition (reg 8), and a scrutiny committee's view that a decision should
have been treated as key, with the executive's report to Council about it (reg 18).
"""

from __future__ import annotations

from datetime import date

from clerk.domain.calendar import fmt_date
from clerk.domain.decision import Decision, ScrutinyKeyView
from clerk.domain.guards import Refused, changed, not_future, refuse_if, require


def gate_review_key_departure(decision: Decision) -> str | None:
    if not decision.key.departure_reason:
        return "No departure from the council's definition of a key decision is recorded."
    if decision.key.departure_reviewed:
        return "The departure from the key decision definition was already reviewed."
    return None


def review_key_departure(decision: Decision) -> Decision:
    """Mark the recorded reason for treating it as not key as reviewed."""
    refuse_if(gate_review_key_departure(decision))
    out = changed(decision)
    out.key.departure_reviewed = True
    return out


def gate_scrutiny_key_view(decision: Decision) -> str | None:
    if decision.record is None:
        return ("Reg 18 concerns a decision already made: record the decision before "
                "scrutiny's view that it should have been key.")
    if decision.key.is_key is True:
        return "It was treated as a key decision: reg 18 is for a decision that was not."
    view = decision.scrutiny_key_view
    if view is not None and view.report_to_council_on is not None:
        return (f"The executive reported to Council about scrutiny's view on "
                f"{fmt_date(view.report_to_council_on)}.")
    return None


def record_scrutiny_key_view(decision: Decision, *, today: date, raised_on: date,
                             committee: str, view: str) -> Decision:
    """Reg 18: the scrutiny committee thinks the decision should have been treated as key,
    so the executive must report to Council about it."""
    refuse_if(gate_scrutiny_key_view(decision))
    require(committee=committee, view=view)
    assert decision.record is not None
    decided = decision.record.decided_on
    if decided is not None and raised_on < decided:
        raise Refused(f"Scrutiny's view ({fmt_date(raised_on)}) cannot come before the "
                      f"decision it is about ({fmt_date(decided)}).")
    not_future(raised_on, today, "date scrutiny raised its view")
    out = changed(decision)
    out.scrutiny_key_view = ScrutinyKeyView(raised_on, committee.strip(), view.strip())
    return out


def gate_key_view_report(decision: Decision) -> str | None:
    view = decision.scrutiny_key_view
    if view is None:
        return "No scrutiny view that it should have been a key decision (reg 18) is recorded."
    if view.report_to_council_on is not None:
        return f"The report to Council was recorded on {fmt_date(view.report_to_council_on)}."
    return None


def report_key_view_to_council(decision: Decision, *, today: date,
                               reported_on: date) -> Decision:
    """The executive's report to Council about scrutiny's view (reg 18)."""
    refuse_if(gate_key_view_report(decision),
              ["record scrutiny's view first"] if decision.scrutiny_key_view is None else None)
    view = decision.scrutiny_key_view
    assert view is not None and view.raised_on is not None
    if reported_on < view.raised_on:
        raise Refused(f"The report to Council ({fmt_date(reported_on)}) cannot come before "
                      f"scrutiny raised its view ({fmt_date(view.raised_on)}).")
    not_future(reported_on, today, "date of the report to Council")
    out = changed(decision)
    assert out.scrutiny_key_view is not None
    out.scrutiny_key_view.report_to_council_on = reported_on
    return out
