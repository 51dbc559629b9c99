"""Report to Full Council: a budget and policy framework item the executive recommends."""

from __future__ import annotations

from reportlab.platypus import Flowable

from clerk.domain.decision import Comment, Decision, Record
from clerk.notices.blocks import (
    Context,
    body,
    bullets,
    fields,
    heading,
    maker_block,
    masthead,
    para,
)
from clerk.notices.common import key_text, privacy_text
from clerk.notices.text import long_date, maker_heading


def _consultation(decision: Decision) -> list[str]:
    cons = decision.consultation
    lines = []
    if cons.opens_on and cons.closes_on:
        lines.append(f"Consultation ran from {long_date(cons.opens_on)} to "
                     f"{long_date(cons.closes_on)}.")
    if cons.no_comments_received:
        lines.append("No feedback was received.")
    for comment in decision.comments:
        line = f"{commenter(comment)}: {comment.text.strip()}"
        if comment.response.strip():
            line += f" Response: {comment.response.strip()}"
        lines.append(line)
    return lines


def commenter(comment: Comment) -> str:
    """Who commented, as a report to Council may say it: an organisation, parish or
    committee by name; a member of the public never by name."""
    if comment.organisation.strip():
        return comment.organisation.strip()
    if comment.channel == "scrutiny" and comment.author.strip():
        return comment.author.strip()
    return "A member of the public"


def flowables(decision: Decision, ctx: Context) -> list[Flowable]:
    record = decision.record or Record()
    maker = decision.decision_maker
    referral = decision.referral
    meeting = long_date(referral.meeting_on) if referral.meeting_on else ""
    story = masthead(ctx, f"Report to Full Council, {meeting}", decision)
    story.append(para(
        "This plan or strategy is part of the council's budget and policy framework. The "
        "executive's decision is a recommendation: Full Council makes the final endorsement."
    ))
    story.append(heading(f"Recommendation of {maker_heading(maker)}", 1))
    story += body(record.decision)
    story.append(heading("Issue for decision", 2))
    story += body(decision.report.key_issue or decision.plan.summary)
    story.append(heading("The executive's record", 2))
    story.append(fields([
        ("Reference", decision.ref),
        ("Decision maker", maker_block(decision)),
        ("Date of decision", long_date(record.decided_on) if record.decided_on else ""),
        ("Record published", long_date(record.published_on) if record.published_on else ""),
        ("Key decision", key_text(decision)),
        ("Public or private", privacy_text(decision)),
        ("Call-in", _call_in_state(decision)),
    ]))
    story.append(heading("Reasons", 2))
    story += body(record.reasons)
    story.append(heading("Alternatives considered and why they were rejected", 2))
    story += body(record.alternatives_rejected or decision.report.alternatives or "None.")
    story.append(heading("Consultation and comments", 2))
    story += bullets(_consultation(decision), empty="None recorded.")
    story.append(heading("Background papers", 2))
    story += bullets(record.background_papers or decision.report.background_documents)
    story.append(heading("Recommendation to the Council", 1))
    story.append(para(f"The Council is asked to endorse the recommendation of "
                      f"{maker_heading(maker)}:"))
    story += body(record.decision)
    return story


def _call_in_state(decision: Decision) -> str:
    call_in = decision.call_in
    if call_in.urgent_exempt:
        return "Exempt from call-in as urgent."
    if not call_in.requests:
        return "Not called in."
    outcome = call_in.outcome.replace("-", " ") or "awaiting the outcome"
    return f"Called in; {outcome}."
