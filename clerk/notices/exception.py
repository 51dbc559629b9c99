"""General exception (regulation 10): the notice to the scrutiny chair and the reasons notice."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from clerk.domain.decision import Decision, GeneralException
from clerk.domain.rules import dates_after_notice, exception_route
from clerk.notices.blocks import (
    Context,
    body,
    esc,
    fields,
    heading,
    maker_block,
    markup,
    masthead,
    para,
    person_line,
)
from clerk.notices.common import decision_date_row, privacy_text, proper_officer_text
from clerk.notices.text import long_date

REGULATIONS = ("The Local Authorities (Executive Arrangements) (Meetings and Access to "
               "Information) (England) Regulations 2012")


def _notice_date(decision: Decision, ctx: Context) -> date:
    exc = decision.exception or GeneralException()
    return exc.notice_published or ctx.published_on


def _matter(decision: Decision) -> str:
    summary = decision.plan.summary.strip() or decision.report.key_issue.strip()
    return f"{decision.title}\n{summary}" if summary else decision.title


def general_exception(decision: Decision, ctx: Context) -> list[Flowable]:
    profile = ctx.profile
    exc = decision.exception or GeneralException()
    chair = profile.scrutiny_chair
    notice_on = _notice_date(decision, ctx)
    # the domain's dates: from the notice the register holds, else from this one's date
    earliest = exception_route(decision, profile) or dates_after_notice(
        notice_on, profile)["earliest_after_general_exception"]
    story = masthead(ctx, "General exception notice (regulation 10(1))", decision)
    story.append(markup(f"<b>To:</b> {_esc_person(chair.name, chair.title)}"))
    if exc.chair_informed_on:
        story.append(markup(f"<b>Informed in writing on:</b> {long_date(exc.chair_informed_on)}"))
    story.append(para(
        f"Notice is given under regulation 10(1) of {REGULATIONS} that the key decision below is "
        "to be taken although it has not been possible to include it in the forward plan "
        f"{profile.forward_plan_days} clear days before the decision. The chair of the "
        "relevant overview and scrutiny committee has been informed in writing, and this "
        "notice is available for inspection at the council's offices and on its website."
    ))
    story.append(fields([
        ("Matter", _matter(decision)),
        ("Decision maker", maker_block(decision)),
        decision_date_row(decision),
        ("Why it is key", decision.key.reason or "—"),
        ("Documents", decision.plan.documents),
        ("Contact officer", _plain_person(decision)),
        ("Public or private", privacy_text(decision)),
        ("Proper officer", proper_officer_text(ctx)),
        ("Date of this notice", long_date(notice_on)),
    ]))
    story.append(heading("Earliest date the decision may be taken", 2))
    story.append(markup(f"<b>{long_date(earliest.value)}</b>, after "
                        f"{profile.general_exception_days} clear days from this notice."))
    story.append(para(f"Working: {earliest.working}.", "muted"))
    story.append(para("A notice of the reasons why compliance with regulation 9 is "
                      "impracticable will be published as soon as reasonably practicable "
                      "(regulation 10(2))."))
    return story


def reasons(decision: Decision, ctx: Context) -> list[Flowable]:
    exc = decision.exception or GeneralException()
    story = masthead(ctx, "Notice of reasons: general exception (regulation 10(2))", decision)
    story.append(para(
        f"Under regulation 10(2) of {REGULATIONS}, the council gives the reasons why it was "
        f"impracticable to give {ctx.profile.forward_plan_days} clear days' notice of this "
        "key decision in the forward plan."
    ))
    story.append(fields([
        ("Matter", _matter(decision)),
        ("Decision maker", maker_block(decision)),
        decision_date_row(decision),
        ("General exception notice", long_date(_notice_date(decision, ctx))),
        ("Proper officer", proper_officer_text(ctx)),
    ]))
    story.append(heading(f"Reasons why {ctx.profile.forward_plan_days} clear days' notice "
                         "was impracticable", 2))
    story += body(exc.reasons)
    return story


def _plain_person(decision: Decision) -> str:
    return person_line(decision.plan.contact)


def _esc_person(name: str, title: str) -> str:
    return esc(", ".join(p for p in (name.strip(), title.strip()) if p))
