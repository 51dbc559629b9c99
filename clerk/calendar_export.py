"""The register's statutory dates as an iCalendar file a clerk imports into Outlook.

Each date comes from the domain with its working (`rules`, `Calendar`), never counted
here: the earliest day each decision may be taken, the end of each call-in period at the
council's cut-off time, the last day each notice still due can be published, the target
for publishing each record, and each Full Council meeting with what is referred to it.
Every event's description carries its working, so the clerk can check it in Outlook.

Each event's UID is fixed by the decision and the kind of date, so importing a later
export updates the events instead of adding copies. Whole-day events are free time;
call-in expiry is a moment at the cut-off, in UK time (Europe/London).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from clerk.domain import findings, rules
from clerk.domain.calendar import Dated, fmt_date
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision

UK = ZoneInfo("Europe/London")
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Due:
    """One statutory date: what it is, when, and the working that gives it."""

    uid: str  # stable across exports: "D2013-001-call-in"
    summary: str
    on: date | datetime  # a datetime (UK time) for a moment, else a whole day
    working: str


def _subject(decision: Decision) -> str:
    return f"{decision.ref} {decision.title}".strip()


def latest_notice(profile: CouncilProfile, due: date, clear_days: int) -> Dated:
    """The last day a notice of `clear_days` clear days can be published for a decision
    on `due` (`findings.last_day_to_publish`), with the domain's count from it as the
    working."""
    day = findings.last_day_to_publish(due, clear_days, profile)
    assert day is not None  # a due date was given
    found = profile.calendar().earliest_after_clear_days(day, clear_days, profile.clear_days)
    return Dated(day, f"{found.working}; the decision is due {fmt_date(due)}")


def _notices_due(decision: Decision, profile: CouncilProfile) -> list[Due]:
    """The notices a decision still needs before its due date, and the last day for each."""
    due = decision.plan.due_on
    if due is None or decision.record is not None:
        return []
    out = []
    needed = []
    if decision.key.is_key and decision.plan.first_published is None \
            and decision.exception is None and decision.urgency is None:
        needed.append(("plan-entry", "Forward plan entry due", profile.forward_plan_days))
    private = decision.private  # only reg 5(6)'s own agreement excuses reg 5's notices
    if private is not None and private.urgency is None:
        if private.intention_published is None:
            needed.append(("private-intention", "Notice of intention to meet in private due",
                           profile.private_notice_days))
        if private.confirmation_published is None:
            needed.append(("private-confirmation", "Confirmation of private meeting due",
                           profile.private_confirmation_days))
    for kind, what, days in needed:
        last = latest_notice(profile, due, days)
        out.append(Due(f"{decision.ref}-{kind}", f"{what}: {_subject(decision)}", last.value,
                       f"Publish on or before {fmt_date(last.value)}: {last.working}."))
    return out


def _record_due(decision: Decision, profile: CouncilProfile) -> list[Due]:
    due = findings.record_due(decision, profile)
    if due is None or decision.record is None or decision.record.published_on is not None:
        return []
    return [Due(f"{decision.ref}-record", f"Record of decision due: {_subject(decision)}",
                due.value, f"{due.working}.")]


def dates_of(decision: Decision, profile: CouncilProfile) -> list[Due]:
    """Every statutory date of one decision, Full Council meetings apart."""
    out = []
    earliest = rules.earliest_decision(decision, profile)
    if earliest is not None:
        out.append(Due(f"{decision.ref}-earliest-decision",
                       f"Earliest decision: {_subject(decision)}", earliest.value,
                       f"{earliest.working}."))
    expires = rules.call_in_expires(decision, profile)
    if expires is not None:
        moment = expires.value.replace(tzinfo=UK)
        out.append(Due(f"{decision.ref}-call-in",
                       f"Call-in ends {moment:%H:%M}: {_subject(decision)}", moment,
                       f"{expires.working}."))
    return out + _notices_due(decision, profile) + _record_due(decision, profile)


def council_meetings(decisions: Iterable[Decision], profile: CouncilProfile) -> list[Due]:
    """One event per Full Council meeting, listing what is referred to it."""
    meetings: dict[date, list[Decision]] = defaultdict(list)
    for decision in decisions:
        if decision.referral.meeting_on is not None:
            meetings[decision.referral.meeting_on].append(decision)
    out = []
    for day, referred in sorted(meetings.items()):
        items = "\n".join(f"- {_subject(d)}" + (
            " (budget and policy framework: for final endorsement)"
            if rules.is_policy_framework(d, profile) else "") for d in referred)
        out.append(Due(f"council-{day:%Y%m%d}", "Full Council meeting", day,
                       f"Full Council on {fmt_date(day)}, as recorded in the referral of:\n"
                       f"{items}"))
    return out


def all_dates(decisions: Iterable[Decision], profile: CouncilProfile) -> list[Due]:
    listed = list(decisions)
    found = [due for decision in listed for due in dates_of(decision, profile)]
    found += council_meetings(listed, profile)
    return sorted(found, key=lambda due: (day_of(due.on), due.uid))


def day_of(on: date | datetime) -> date:
    return on.date() if isinstance(on, datetime) else on


def _domain(profile: CouncilProfile) -> str:
    slug = "".join(c if c.isalnum() else "-" for c in profile.name.casefold()).strip("-")
    return f"{slug or 'council'}.clerk"


def to_ics(dates: Iterable[Due], profile: CouncilProfile, stamp: datetime) -> bytes:
    """The iCalendar file: one event per date, `stamp` (UTC) as each event's DTSTAMP."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//clerk//statutory dates//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{profile.name or 'Council'}: statutory dates")
    domain = _domain(profile)
    days = []
    for due in dates:
        event = Event()
        event.add("uid", f"{due.uid}@{domain}")
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("summary", due.summary)
        event.add("description", due.working)
        event.add("dtstart", due.on)
        if isinstance(due.on, datetime):
            event.add("dtend", due.on)
        else:
            event.add("dtend", due.on + _ONE_DAY)
            event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
        days.append(day_of(due.on))
    if days:
        calendar.add_missing_timezones(first_date=min(days) - _ONE_DAY,
                                       last_date=max(days) + _ONE_DAY)
    ics: bytes = calendar.to_ical()
    return ics
