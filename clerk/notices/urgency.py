"""Special urgency (regulation 11): the notice of who agreed the decision is urgent, by which
route, and why.

It says only what the clerk recorded: which of the three people agreed (regulation 11(1)(a)
to (c)) and, where it was not the scrutiny chair, why the earlier person could not act.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from clerk.domain.decision import Decision, SpecialUrgency
from clerk.notices.blocks import Context, body, fields, heading, maker_block, masthead, para
from clerk.notices.common import (
    decision_date_row,
    matter_row,
    privacy_text,
    proper_officer_text,
)
from clerk.notices.exception import REGULATIONS
from clerk.notices.text import URGENCY_ROLE_NAMES, long_date

# Regulation 11(1): whose agreement, in order, and when each may give it.
ROUTES = {
    "scrutiny-chair": "regulation 11(1)(a): the chairman of the relevant overview and "
                      "scrutiny committee",
    "chairman": "regulation 11(1)(b): the chairman of the Council, because there is no "
                "chairman of the relevant overview and scrutiny committee or they were unable "
                "to act",
    "vice-chairman": "regulation 11(1)(c): the vice-chairman of the Council, because there "
                     "is no chairman of either the relevant overview and scrutiny committee or "
                     "of the Council able to act",
}


def flowables(decision: Decision, ctx: Context) -> list[Flowable]:
    urg = decision.urgency or SpecialUrgency()
    role = URGENCY_ROLE_NAMES.get(urg.role, urg.role)
    agreed_on = long_date(urg.agreed_on) if urg.agreed_on else ""
    story = masthead(ctx, "Special urgency notice (regulation 11)", decision)
    story.append(para(
        f"Regulation 11 of {REGULATIONS} allows a key decision to be taken without the notice "
        "the forward plan and the general exception procedure require, where the date by "
        "which it must be taken makes the general exception procedure impracticable, if the "
        "person the regulation names agrees that the decision is urgent and cannot reasonably "
        "be deferred. This notice gives the reasons, as regulation 11(2) requires."
    ))
    rows = [
        matter_row(decision),
        ("Decision maker", maker_block(decision)),
        decision_date_row(decision),
        ("Agreed urgent by", f"{urg.agreed_by}, {role}"),
        ("Agreed on", agreed_on),
        ("Route recorded", ROUTES.get(urg.role, role)),
    ]
    if urg.role != "scrutiny-chair":
        rows.append(("Why the earlier person could not act (as recorded)",
                     urg.earlier_unable))
    exc = decision.exception
    if exc is not None and exc.notice_published is not None:
        rows.append(("General exception notice", "A general exception notice (regulation 10) "
                     f"was published on {long_date(exc.notice_published)}."))
    rows += [
        ("Public or private", privacy_text(decision)),
        ("Proper officer", proper_officer_text(ctx)),
        ("Date of this notice", long_date(urg.notice_published or ctx.published_on)),
    ]
    story.append(fields(rows))
    story.append(heading("Why the decision is urgent and cannot reasonably be deferred", 2))
    story += body(urg.reasons)
    story.append(para("Decisions taken under special urgency are reported to Full Council "
                      "(regulation 19).", "muted"))
    return story
