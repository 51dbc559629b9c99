"""The record of decision (regulation 13) with its call-in paragraph."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from clerk.domain.decision import Decision, Record
from clerk.notices.blocks import Context, body, bullets, fields, heading, masthead, signature
from clerk.notices.common import call_in_passage, key_text, privacy_text
from clerk.notices.text import long_date, maker_heading


def conflicts_text(record: Record) -> list[str]:
    if not record.conflicts:
        return ["No conflict of interest was declared."]
    lines = []
    for conflict in record.conflicts:
        dispensation = conflict.dispensation.strip() or "No dispensation was granted."
        lines.append(f"{conflict.member.strip()}: {conflict.interest.strip()} "
                     f"Dispensation: {dispensation}")
    return lines


def flowables(decision: Decision, ctx: Context) -> list[Flowable]:
    record = decision.record or Record()
    maker = decision.decision_maker
    story = masthead(ctx, f"Record of decision of {maker_heading(maker)}", decision)
    issue = decision.report.key_issue.strip() or decision.plan.summary
    papers = record.background_papers or decision.report.background_documents
    story.append(fields([
        ("Decision maker", maker.describe()),
        ("Date of decision", long_date(record.decided_on) if record.decided_on else ""),
        ("Key decision", key_text(decision)),
        ("Public or private", privacy_text(decision)),
    ]))
    for title, text in (
        ("Issue for decision", issue),
        ("Decision made", record.decision),
        ("Reasons for the decision", record.reasons),
        ("Alternative options considered and why they were rejected",
         record.alternatives_rejected),
    ):
        story.append(heading(title, 2))
        story += body(text)
    story.append(heading("Conflicts of interest and dispensations", 2))
    story += bullets(conflicts_text(record))
    story.append(heading("Background papers", 2))
    story += bullets(papers)
    story.append(signature(maker.name, maker.title))
    story.append(KeepTogether([heading("Call-in", 1), *call_in_passage(decision, ctx)]))
    return story
