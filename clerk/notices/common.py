"""Passages more than one notice prints: key decision facts, privacy, call-in."""

from __future__ import annotations

from reportlab.platypus import Flowable

from clerk.domain.decision import Decision
from clerk.domain.exempt import SCHEDULE_12A
from clerk.domain.rules import call_in_expires, is_policy_framework
from clerk.notices.blocks import Context, esc, markup, para
from clerk.notices.text import URGENCY_ROLE_NAMES, due_text, expiry, long_date, paragraphs_text


def key_text(decision: Decision, *, first: bool = True) -> str:
    """'Yes. This is a key decision because ... It first appeared in the forward plan on
    Monday 7 January 2013.', 'No' or 'Not yet determined'. `first=False` leaves the date
    to a notice that prints how notice was given (`notice_route`)."""
    key = decision.key
    if key.is_key is None:
        return "Not yet determined"
    if not key.is_key:
        return "No"
    reason = key.reason.strip().rstrip(".")
    text = f"Yes. This is a key decision because {reason}." if reason else \
        "Yes. This is a key decision."
    appeared = decision.plan.first_published
    if first and appeared is not None:
        text += f" It first appeared in the forward plan on {long_date(appeared)}."
    return text


def notice_route(decision: Decision) -> list[str]:
    """How notice of a key decision was given, as recorded: the forward plan, a general
    exception (reg 10) or special urgency (reg 11); one line each, empty if none."""
    lines = []
    first = decision.plan.first_published
    if first is not None:
        lines.append(f"Forward plan (regulation 9): first published {long_date(first)}.")
    exc = decision.exception
    if exc is not None:
        line = "General exception (regulation 10) used"
        if exc.notice_published is not None:
            line += f": notice published {long_date(exc.notice_published)}"
        if exc.chair_informed_on is not None:
            line += f"; scrutiny chair informed in writing {long_date(exc.chair_informed_on)}"
        lines.append(line + ".")
    urg = decision.urgency
    if urg is not None:
        role = URGENCY_ROLE_NAMES.get(urg.role, urg.role)
        line = f"Special urgency (regulation 11) used: agreed by {urg.agreed_by}, {role}"
        if urg.agreed_on is not None:
            line += f", on {long_date(urg.agreed_on)}"
        lines.append(line + ".")
    return lines


def privacy_text(decision: Decision) -> str:
    """'Public', or 'Private: paragraph 3 of Part 1 of Schedule 12A ... (what it covers)'."""
    priv = decision.private
    if priv is None:
        return "Public"
    numbers = sorted(set(priv.paragraphs))
    described = " ".join(SCHEDULE_12A.get(n, "") for n in numbers)
    return (f"Private, in whole or in part, by virtue of {paragraphs_text(numbers)} of Part 1 "
            f"of Schedule 12A to the Local Government Act 1972. {described}").strip()


def call_in_who(ctx: Context) -> str:
    profile = ctx.profile
    count = profile.call_in_signatories
    who = f"any {count} non-executive member{'s' if count != 1 else ''} of the Council"
    if profile.call_in_scrutiny_chair_alone:
        chair = profile.scrutiny_chair.name.strip() or "the scrutiny committee chair"
        who += f", or {chair} as chair of the scrutiny committee alone"
    return who


def council_must_endorse(decision: Decision, ctx: Context) -> str:
    """A budget and policy framework item is the executive's recommendation: it takes
    effect only when Full Council endorses it (its meeting, if one is fixed)."""
    meeting = decision.referral.meeting_on
    when = f" at its meeting on {long_date(meeting)}" if meeting else ""
    return ("This is a budget and policy framework item: the decision is a recommendation to "
            f"Full Council, and it may not be implemented until Full Council has endorsed "
            f"it{when}.")


def call_in_passage(decision: Decision, ctx: Context) -> list[Flowable]:
    """The call-in paragraph: the expiry the register holds, and who may call it in.

    A record not yet published has no call-in period yet, so no expiry is printed."""
    call_in = decision.call_in
    framework = is_policy_framework(decision, ctx.profile)
    if call_in.urgent_exempt:
        text = "This decision was taken as a matter of urgency and is not subject to call-in"
        text += f". {council_must_endorse(decision, ctx)}" if framework else \
            "; it may be implemented immediately."
        out = [para(text)]
        consent = call_in.exemption_consent.strip()
        if consent:
            out.append(markup(f"<b>Consent to the exemption:</b> {esc(consent)}"))
        return out
    profile = ctx.profile
    days = profile.call_in_working_days
    expires = call_in_expires(decision, profile)
    record = decision.record
    if expires is None or record is None or record.published_on is None:
        return [para(
            f"The call-in period of {days} working days will begin the day after this record "
            "is published. It may be called in by " + call_in_who(ctx) + ", by writing to the "
            "proper officer before the period ends, giving their reasons.")]
    when = expiry(expires.value)
    who = esc(call_in_who(ctx))
    if framework:
        text = (f"{council_must_endorse(decision, ctx)} It may be called in until "
                f"<b>{when}</b> by {who}, by writing to the proper officer, giving their "
                "reasons.")
    else:
        text = ("This decision will come into force, and may be implemented, at the end of "
                f"the call-in period at <b>{when}</b> unless it is called in. It may be called "
                f"in by {who}, by writing to the proper officer before then, giving their "
                "reasons.")
    return [
        markup(f"<b>Date of publication:</b> {long_date(record.published_on)}"),
        markup(text),
        para(f"Working: {expires.working}.", "muted"),
    ]


def matter_row(decision: Decision) -> tuple[str, str]:
    """The "Matter" row of a notice: the title, and the plan's summary when there is one."""
    summary = decision.plan.summary
    return ("Matter", decision.title + ("\n" + summary if summary.strip() else ""))


def decision_date_row(decision: Decision) -> tuple[str, str]:
    """The decision's date when it is recorded, else when it is due."""
    record = decision.record
    if record is not None and record.decided_on is not None:
        return ("Date of decision", long_date(record.decided_on))
    return ("Date the decision is to be taken", due_text(decision.plan))


def proper_officer_text(ctx: Context) -> str:
    """'Head of Democratic Services, Proper Officer for access to information, Maidstone
    House, ..., telephone 01622 602000': whom the reg 5, 10 and 11 notices name."""
    officer = ctx.profile.proper_officer
    parts = [officer.name.strip(), officer.title.strip(), ctx.profile.address.strip()]
    if officer.telephone.strip():
        parts.append(f"telephone {officer.telephone.strip()}")
    if officer.email.strip():
        parts.append(f"email {officer.email.strip()}")
    return ", ".join(p for p in parts if p)
