"""Passages more than one notice prints: key decision facts, privacy, call-in."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from clerk.domain.decision import Decision
from clerk.domain.exempt import SCHEDULE_12A
from clerk.notices.blocks import Context, esc, markup, para
from clerk.notices.text import expiry, long_date, paragraphs_text


def key_text(decision: Decision) -> str:
    key = decision.key
    if key.is_key is None:
        return "Not yet determined"
    if not key.is_key:
        return "No"
    first = decision.plan.first_published
    text = "Yes"
    if first is not None:
        text += f". First in the forward plan on {long_date(first)}."
    if key.reason.strip():
        text += f" This is a Key Decision because {key.reason.strip().rstrip('.')}."
    return text


def privacy_text(decision: Decision) -> str:
    """'Public', or 'Private: paragraph 3 of Part 1 of Schedule 12A ... (what it covers)'."""
    priv = decision.private
    if priv is None:
        return "Public"
    numbers = sorted(set(priv.paragraphs))
    described = " ".join(SCHEDULE_12A.get(n, "") for n in numbers)
    return (f"Private, in whole or in part, by virtue of {paragraphs_text(numbers)} of Part 1 "
            f"of Schedule 12A to the Local Government Act 1972. {described}").strip()


def record_published(decision: Decision, ctx: Context) -> date:
    record = decision.record
    return record.published_on if record and record.published_on else ctx.published_on


def call_in_who(ctx: Context) -> str:
    profile = ctx.profile
    count = profile.call_in_signatories
    who = f"any {count} non-executive member{'s' if count != 1 else ''} of the Council"
    if profile.call_in_scrutiny_chair_alone:
        chair = profile.scrutiny_chair.name.strip() or "the scrutiny committee chair"
        who += f", or {chair} as chair of the scrutiny committee alone"
    return who


def call_in_passage(decision: Decision, ctx: Context) -> list[Flowable]:
    """The call-in paragraph: expiry date and time, who may call it in."""
    call_in = decision.call_in
    published = record_published(decision, ctx)
    if call_in.urgent_exempt:
        consent = call_in.exemption_consent.strip()
        text = ("This decision was taken as a matter of urgency and is not subject to "
                "call-in; it may be implemented immediately.")
        out = [para(text)]
        if consent:
            out.append(markup(f"<b>Consent to the exemption:</b> {esc(consent)}"))
        return out
    profile = ctx.profile
    expires = profile.calendar().call_in_expiry(
        published, profile.call_in_working_days, profile.cut_off)
    when = expiry(expires.value)  # type: ignore[arg-type]
    return [
        markup(f"<b>Date of publication:</b> {long_date(published)}"),
        markup(
            "This decision will come into force, and may be implemented, at the end of the "
            f"call-in period at <b>{when}</b> unless it is called in. It may be called in "
            f"by {esc(call_in_who(ctx))}, by writing to the proper officer before then, "
            "giving their reasons."
        ),
        para(f"Working: {expires.working}.", "muted"),
    ]


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
