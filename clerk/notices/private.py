"""Private meetings (regulation 5): the 28-day notice of intention, the 5-day confirmation,
and the notice of the reasons for a private meeting at short notice (regulation 5(6)-(7))."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from clerk.domain.decision import Decision, PrivateConsideration, PrivateUrgency
from clerk.notices.blocks import (
    Context,
    body,
    fields,
    heading,
    maker_block,
    masthead,
    para,
    person_line,
)
from clerk.notices.common import matter_row, privacy_text, proper_officer_text
from clerk.notices.exception import REGULATIONS
from clerk.notices.text import URGENCY_ROLE_NAMES, due_text, long_date, says_none


def _exempt_rows(priv: PrivateConsideration) -> list[tuple[str, str]]:
    """The matter itself: in a public notice it is already the Schedule 12A stamp."""
    if not priv.exempt_information.strip():
        return []
    return [("Exempt information", priv.exempt_information)]


def _representation_rows(decision: Decision, ctx: Context) -> list[tuple[str, str]]:
    """The deadline for representations, whom they go to, and the proper officer."""
    plan = decision.plan
    rows = []
    if plan.representations_deadline is not None:
        rows.append(("Representations by", long_date(plan.representations_deadline)))
    rows.append(("Representations to", person_line(plan.contact)))
    rows.append(("Proper officer", proper_officer_text(ctx)))
    return rows


def _timing(notice_on: date, days: int, due: date | None, ctx: Context) -> list[Flowable]:
    profile = ctx.profile
    earliest = profile.calendar().earliest_after_clear_days(notice_on, days, profile.clear_days)
    out: list[Flowable] = [para(f"Working: {earliest.working}.", "muted")]
    if due is not None and due < earliest.value:
        out.insert(0, para(f"This notice is given fewer than {days} clear days before the "
                           f"meeting on {long_date(due)}.", "body"))
    return out


def intention(decision: Decision, ctx: Context) -> list[Flowable]:
    priv = decision.private or PrivateConsideration()
    plan = decision.plan
    notice_on = priv.intention_published or ctx.published_on
    days = ctx.profile.private_notice_days
    story = masthead(ctx, "Notice of intention to consider a matter in private", decision)
    story.append(para(
        f"Under regulation 5(2) of {REGULATIONS}, notice is given at least {days} clear days "
        f"in advance that {decision.decision_maker.describe()} intends to consider the matter "
        "below in private, with the press and public excluded, because it involves the "
        "likely disclosure of exempt information."
    ))
    rows = [
        matter_row(decision),
        ("Decision maker", maker_block(decision)),
        ("Date of meeting or decision", due_text(plan)),
        ("Reasons for privacy", privacy_text(decision)),
        ("Public interest test", priv.public_interest),
        *_exempt_rows(priv),
        *_representation_rows(decision, ctx),
        ("Date of this notice", long_date(notice_on)),
    ]
    story.append(fields(rows))
    story.append(heading("Representations", 2))
    story.append(para(
        "Anyone may make representations about why the matter should be considered in "
        f"public, by the date above, to {person_line(plan.contact)}. Any received, "
        "and the council's response, will be published at least "
        f"{ctx.profile.private_confirmation_days} clear days before the meeting "
        "(regulation 5(4))."
    ))
    story += _timing(notice_on, days, plan.due_on, ctx)
    return story


def confirmation(decision: Decision, ctx: Context) -> list[Flowable]:
    priv = decision.private or PrivateConsideration()
    plan = decision.plan
    notice_on = priv.confirmation_published or ctx.published_on
    days = ctx.profile.private_confirmation_days
    story = masthead(ctx, "Notice confirming a matter will be considered in private", decision)
    given = priv.intention_published
    intention_line = f" Notice of the intention was given on {long_date(given)}." if given else ""
    story.append(para(
        f"Under regulation 5(4) of {REGULATIONS}, {decision.decision_maker.describe()} will "
        f"consider the matter below in private on {due_text(plan)}.{intention_line}"
    ))
    story.append(fields([
        ("Matter", decision.title),
        ("Decision maker", maker_block(decision)),
        ("Date of meeting or decision", due_text(plan)),
        ("Reasons for privacy", privacy_text(decision)),
        ("Public interest test", priv.public_interest),
        *_exempt_rows(priv),
        *_representation_rows(decision, ctx),
        ("Date of this notice", long_date(notice_on)),
    ]))
    story.append(heading("Representations received about holding it in private", 2))
    story += body(priv.representations)
    story.append(heading("The council's response", 2))
    response = priv.response.strip()
    if not response and says_none(priv.representations):
        response = "No representations were received, so no response is needed."
    story += body(response)
    story += _timing(notice_on, days, plan.due_on, ctx)
    return story


# Regulation 5(6): whose agreement, in order, and when each may give it (as regulation 11).
URGENCY_ROUTES = {
    "scrutiny-chair": "regulation 5(6)(a): the chairman of the relevant overview and "
                      "scrutiny committee",
    "chairman": "regulation 5(6)(b): the chairman of the Council, because there is no "
                "chairman of the relevant overview and scrutiny committee or they were unable "
                "to act",
    "vice-chairman": "regulation 5(6)(c): the vice-chairman of the Council, because there "
                     "is no chairman of either the relevant overview and scrutiny committee or "
                     "of the Council able to act",
}


def urgency_reasons(decision: Decision, ctx: Context) -> list[Flowable]:
    """Regulation 5(7): the reasons why a private meeting held without the 28 clear days'
    notice is urgent and cannot reasonably be deferred, as agreed under regulation 5(6)."""
    priv = decision.private or PrivateConsideration()
    urg = priv.urgency or PrivateUrgency()
    days = ctx.profile.private_notice_days
    role = URGENCY_ROLE_NAMES.get(urg.role, urg.role)
    story = masthead(ctx, "Notice of the reasons for holding a meeting in private at short "
                          "notice (regulation 5(7))", decision)
    story.append(para(
        f"Regulation 5(6) of {REGULATIONS} allows a meeting to be held in private without "
        f"the {days} clear days' notice of the intention that regulation 5(2) requires, where "
        "the date by which it must be held makes that notice impracticable, if the person "
        "the regulation names agrees that the meeting is urgent and cannot reasonably be "
        "deferred. That agreement was given for the meeting below. This notice sets out the "
        "reasons, as regulation 5(7) requires; it is available at the council's offices and "
        "on its website."
    ))
    rows = [
        matter_row(decision),
        ("Decision maker", maker_block(decision)),
        ("Date of meeting or decision", due_text(decision.plan)),
        ("Reasons for privacy", privacy_text(decision)),
        ("Agreed urgent by", f"{urg.agreed_by}, {role}"),
        ("Agreed on", long_date(urg.agreed_on) if urg.agreed_on else ""),
        ("Route recorded", URGENCY_ROUTES.get(urg.role, role)),
    ]
    if urg.role != "scrutiny-chair":
        rows.append(("Why the earlier person could not act (as recorded)",
                     urg.earlier_unable))
    if priv.intention_published is not None:
        rows.append(("Notice of intention (regulation 5(2))",
                     f"Published on {long_date(priv.intention_published)}."))
    rows += [
        ("Proper officer", proper_officer_text(ctx)),
        ("Date of this notice", long_date(urg.notice_published or ctx.published_on)),
    ]
    story.append(fields(rows))
    story.append(heading("Why the meeting is urgent and cannot reasonably be deferred", 2))
    story += body(urg.reasons)
    return story
