"""What `rules.check` reports beyond the notice dates: departures from the key decision
definition, reg 18 reports owed, reasons notices not yet published, the record past the
council's target, and a due date the law does not allow. Pure; each finding a sentence.
"""

from __future__ import annotations

from datetime import date, timedelta

from clerk.domain.calendar import Dated, fmt_date
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.key_rule import suggest_key


def key_warnings(decision: Decision, profile: CouncilProfile) -> list[str]:
    key = decision.key
    if key.is_key is not False or not key.departure_reason or key.departure_reviewed:
        return []
    because = suggest_key(decision, profile).because
    by = f" ({'; '.join(because)})" if because else ""
    return [f"Treated as not key although the council's definition makes it key{by}; the "
            f"departure recorded (\"{key.departure_reason}\") has not been reviewed."]


def reg18_missing(decision: Decision) -> list[str]:
    view = decision.scrutiny_key_view
    if view is None or view.report_to_council_on is not None:
        return []
    return [f"{view.committee} said on {fmt_date(view.raised_on)} that it should have been a "
            "key decision: the executive's report to Council about it (reg 18) is not "
            "recorded."]


def notices_missing(decision: Decision, profile: CouncilProfile, today: date) -> list[str]:
    """Reasons notices the law requires as soon as reasonably practicable after agreement,
    and the reg 5 notices a private item needs, once the last day to publish them is near."""
    found = []
    if decision.urgency is not None and decision.urgency.notice_published is None:
        found.append("The special urgency reasons notice (reg 11) has not been published.")
    priv = decision.private
    if priv is None:
        return found
    if priv.urgency is not None:
        if priv.urgency.notice_published is None:
            found.append("The notice of the reasons the private meeting is urgent (reg 5(7)) "
                         "has not been published.")
        return found
    if decision.record is not None and decision.call_in.outcome != "referred-back":
        return found
    for published, days, what in (
            (priv.intention_published, profile.private_notice_days, "notice of intention to "
             "meet in private"),
            (priv.confirmation_published, profile.private_confirmation_days, "further notice "
             "of the private meeting")):
        last = last_day_to_publish(decision.plan.due_on, days, profile)
        if published is None and (last is None or today >= last):
            by = f", due by {fmt_date(last)}" if last else ""
            found.append(f"The {what} (reg 5, {days} clear days before) has not been "
                         f"published{by}.")
    return found


def last_day_to_publish(meeting: date | None, days: int, profile: CouncilProfile) -> date | None:
    """The last day a notice can appear and still give `days` clear days before `meeting`."""
    if meeting is None:
        return None
    day = meeting - timedelta(days=days + 1)
    calendar = profile.calendar()
    while calendar.earliest_after_clear_days(day, days, profile.clear_days).value > meeting:
        day -= timedelta(days=1)
    return day


def record_due(decision: Decision, profile: CouncilProfile) -> Dated | None:
    """Regs 12-13: the day the council's own target says the record should be published."""
    record = decision.record
    if record is None or record.decided_on is None:
        return None
    days = profile.record_target_working_days
    due = profile.calendar().nth_working_day_after(record.decided_on, days) if days \
        else record.decided_on
    return Dated(due, f"decided {fmt_date(record.decided_on)}; the council's target is "
                      f"{days} working day{'s' if days != 1 else ''}; record due by "
                      f"{fmt_date(due)}")


def record_overdue(decision: Decision, profile: CouncilProfile, today: date) -> list[str]:
    due = record_due(decision, profile)
    if due is None or decision.record is None or decision.record.published_on is not None \
            or today <= due.value:
        return []
    return [f"The record of decision is overdue: due by {fmt_date(due.value)} "
            f"({due.working}) and not yet published."]


def due_warnings(decision: Decision, earliest: Dated | None) -> list[str]:
    due = decision.plan.due_on
    if decision.record is not None or due is None or earliest is None or due >= earliest.value:
        return []
    return [f"The decision is due on {fmt_date(due)}, before the earliest lawful day "
            f"{fmt_date(earliest.value)} ({earliest.working})."]
