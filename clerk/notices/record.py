"""The record of decision (regulation 13) with its call-in paragraph."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from clerk.domain.decision import Decision, Record
from clerk.notices.blocks import (
    CONTENT_WIDTH,
    Context,
    Value,
    body,
    bullets,
    esc,
    fields,
    heading,
    maker_block,
    masthead,
    para,
    signature,
)
from clerk.notices.common import call_in_passage, key_text, notice_route, privacy_text
from clerk.notices.styles import RULE, SHADE, stylesheet
from clerk.notices.text import long_date, maker_heading

CONFLICT_HEADINGS = ("Member", "Interest declared", "Dispensation")


def conflicts_table(record: Record) -> list[Flowable]:
    """One row per member who declared a conflict: the interest and any dispensation."""
    if not record.conflicts:
        return [para("No conflict of interest was declared.")]
    sheet = stylesheet()
    rows = [[Paragraph(name, sheet["label"]) for name in CONFLICT_HEADINGS]]
    for conflict in record.conflicts:
        dispensation = conflict.dispensation.strip() or "No dispensation was granted."
        rows.append([Paragraph(esc(text), sheet["cell"]) for text in (
            conflict.member.strip(), conflict.interest.strip(), dispensation)])
    table = Table(rows, colWidths=[45 * mm, 65 * mm, CONTENT_WIDTH - 110 * mm],
                  hAlign="LEFT", repeatRows=1, spaceAfter=6)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return [table]


def flowables(decision: Decision, ctx: Context) -> list[Flowable]:
    record = decision.record or Record()
    maker = decision.decision_maker
    story = masthead(ctx, f"Record of decision of {maker_heading(maker)}", decision)
    issue = decision.report.key_issue.strip() or decision.plan.summary
    papers = record.background_papers or decision.report.background_documents
    rows: list[tuple[str, Value]] = [
        ("Decision maker", maker_block(decision)),
        ("Date of decision", long_date(record.decided_on) if record.decided_on else ""),
    ]
    route = notice_route(decision)
    rows.append(("Key decision", key_text(decision, first=not route)))
    if decision.key.is_key and route:
        rows.append(("Notice of the key decision", route))
    rows.append(("Public or private", privacy_text(decision)))
    story.append(fields(rows))
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
    story += conflicts_table(record)
    story.append(heading("Background papers", 2))
    story += bullets(papers)
    story.append(signature(maker.name, maker.title))
    story.append(KeepTogether([heading("Call-in", 1), *call_in_passage(decision, ctx)]))
    return story
