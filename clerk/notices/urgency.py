"""Special urgency (regulation 11): the notice naming who agreed and why."""

from __future__ import annotations

from reportlab.platypus import Flowable

from clerk.domain.decision import Decision, SpecialUrgency
from clerk.notices.blocks import Context, body, fields, heading, masthead, para
from clerk.notices.common import privacy_text
from clerk.notices.exception import REGULATIONS
from clerk.notices.text import URGENCY_ROLE_NAMES, due_text, long_date


def flowables(decision: Decision, ctx: Context) -> list[Flowable]:
    urg = decision.urgency or SpecialUrgency()
    role = URGENCY_ROLE_NAMES.get(urg.role, urg.role)
    agreed_on = long_date(urg.agreed_on) if urg.agreed_on else ""
    story = masthead(ctx, "Special urgency notice (regulation 11)", decision)
    story.append(para(
        f"Under regulation 11 of {REGULATIONS}, this key decision is to be taken although "
        "neither the forward plan notice nor the general exception procedure could be "
        "followed, because the decision is urgent and cannot reasonably be deferred."
    ))
    rows = [
        ("Matter", decision.title + ("\n" + decision.plan.summary
                                     if decision.plan.summary.strip() else "")),
        ("Decision maker", decision.decision_maker.describe()),
        ("Date due", due_text(decision.plan)),
        ("Agreed urgent by", f"{urg.agreed_by}, {role}"),
        ("Agreed on", agreed_on),
        ("Public or private", privacy_text(decision)),
        ("Date of this notice", long_date(urg.notice_published or ctx.published_on)),
    ]
    story.append(fields(rows))
    if urg.role != "scrutiny-chair":
        story.append(para(
            "The agreement was given by the "
            f"{role.lower()} because there is no chair of the relevant overview and "
            "scrutiny committee, or the chair was unable to act."
        ))
    story.append(heading("Why the decision is urgent and cannot reasonably be deferred", 2))
    story += body(urg.reasons)
    story.append(para("Decisions taken under special urgency are reported to Full Council "
                      "(regulation 19).", "muted"))
    return story
