"""The call-in request form, prefilled for one published decision."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from clerk.domain.decision import Decision, Record
from clerk.domain.rules import call_in_expires
from clerk.notices.blocks import (
    CONTENT_WIDTH,
    Context,
    esc,
    fields,
    heading,
    maker_block,
    masthead,
    para,
)
from clerk.notices.common import call_in_who
from clerk.notices.styles import RULE, SHADE, stylesheet
from clerk.notices.text import expiry, long_date

OUTCOMES = (
    "Refer the decision back to the decision maker to reconsider",
    "Refer the decision to Full Council",
)


def _ruled(rows: list[list[str]], widths: list[float], height: float) -> Table:
    sheet = stylesheet()
    data = [[Paragraph(esc(cell), sheet["label"]) for cell in rows[0]]]
    data += [[Paragraph(esc(cell), sheet["cell"]) for cell in row] for row in rows[1:]]
    table = Table(data, colWidths=widths, rowHeights=[None] + [height] * (len(rows) - 1),
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def flowables(decision: Decision, ctx: Context) -> list[Flowable]:
    profile = ctx.profile
    record = decision.record or Record()
    expires = call_in_expires(decision, profile)  # needs.py refuses a form without one
    assert expires is not None and record.published_on is not None
    when = expiry(expires.value)
    story = masthead(ctx, "Call-in request form", decision)
    story.append(fields([
        ("Decision maker", maker_block(decision)),
        ("Date of decision", long_date(record.decided_on) if record.decided_on else ""),
        ("Decision made", record.decision),
        ("Record published", long_date(record.published_on)),
        ("Call-in period ends", when),
        ("Members needed", call_in_who(ctx)),
    ]))
    story.append(para(
        f"To call in this decision, complete this form and return it to the proper officer"
        f"{', ' + profile.address if profile.address.strip() else ''}, before {when}."
    ))
    story.append(heading("Members calling in the decision", 2))
    count = max(profile.call_in_signatories, 1)
    story.append(_ruled([["", "Name", "Signature", "Date"]]
                        + [[str(n), "", "", ""] for n in range(1, count + 1)],
                        [10 * mm, 65 * mm, 65 * mm, 30 * mm], 9 * mm))
    story.append(heading("Reasons for the call-in", 2))
    # the box for reasons gives up a line for each signatory over three: one page
    lines = max(2, 5 - max(count - 3, 0))
    story.append(_ruled([["Please give the reasons and the evidence relied on"]]
                        + [[""] for _ in range(lines)], [CONTENT_WIDTH], 8 * mm))
    story.append(heading("Outcome sought", 2))
    story += [para(f"☐ {outcome}") for outcome in OUTCOMES]
    story.append(Spacer(1, 2 * mm))
    story.append(para(f"For office use: received on ____________ at ______ by ____________. "
                      f"Call-in working: {expires.working}.", "muted"))
    return story
