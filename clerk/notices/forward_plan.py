"""The forward plan (notice of key decisions, regulation 9): front matter, then one entry
per decision in date order."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.notices.blocks import (
    CONTENT_WIDTH,
    Context,
    bullets,
    esc,
    fields,
    heading,
    is_stamp,
    markup,
    para,
    person_line,
)
from clerk.notices.common import privacy_text
from clerk.notices.exception import REGULATIONS
from clerk.notices.styles import FONT_BOLD, INK, RULE, stylesheet
from clerk.notices.text import due_text, long_date, period_text, wards_text


def key_definition(profile: CouncilProfile) -> str:
    """What a key decision is under this council's constitution, in one paragraph."""
    money = []
    if profile.key_threshold_pounds:
        money.append(f"£{profile.key_threshold_pounds:,} or more")
    if profile.key_revenue_threshold_pounds:
        money.append(f"£{profile.key_revenue_threshold_pounds:,} or more of revenue")
    if profile.key_capital_threshold_pounds:
        money.append(f"£{profile.key_capital_threshold_pounds:,} or more of capital")
    wards = profile.key_ward_rule
    text = ("A key decision is an executive decision which is likely to result in the council "
            "incurring expenditure, or making savings, which are significant having regard to "
            "its budget for the service or function concerned")
    if money:
        text += f" ({profile.name} treats " + " or ".join(money) + " as significant)"
    text += (", or to be significant in terms of its effects on communities living or working "
             f"in an area comprising {wards} or more ward{'s' if wards != 1 else ''}.")
    if profile.always_key:
        text += " These are always treated as key: " + ", ".join(profile.always_key) + "."
    return text


def front_matter(ctx: Context, start: date, end: date, count: int) -> list[Flowable]:
    profile = ctx.profile
    where = ", ".join(p for p in (profile.address, profile.website) if p.strip())
    out: list[Flowable] = [
        para(profile.name, "council"),
        para("Forward plan: notice of key decisions", "subtitle"),
        Spacer(1, 3 * mm),
        fields([
            ("Period covered", period_text(start, end)),
            ("Date of publication", long_date(ctx.published_on)),
            ("Entries", f"{count} key decision{'s' if count != 1 else ''}"),
        ]),
        heading("What a key decision is", 2),
        para(key_definition(profile)),
        heading("Making representations", 2),
        para("Anyone may make representations about any matter in this plan to the contact "
             "officer named in its entry, by the deadline shown, or in writing to the council"
             + (f" at {where}" if where else "") + "."),
        heading("Documents", 2),
        para("Each entry lists the documents to be submitted to the decision maker and where "
             "copies can be had. Other documents relevant to a matter may be submitted to the "
             "decision maker; to ask for details of them, follow the entry's instructions or "
             "contact the officer named."),
        heading("Private items", 2),
        para(f"An entry marked private will be considered with the press and public excluded "
             f"under regulation 5 of {REGULATIONS}, for the reason given by reference to Part 1 "
             "of Schedule 12A to the Local Government Act 1972. Representations about why it "
             "should be considered in public may be made to the contact officer."),
        Spacer(1, 4 * mm),
    ]
    return out


def _cell(label: str, value: str | list[str]) -> Paragraph | list[Flowable]:
    """A small grey label over the value, as one paragraph (the plan has thousands)."""
    sheet = stylesheet()
    lines = [value] if isinstance(value, str) else [v for v in value if v.strip()]
    lines = lines or ["None"]
    head = (f"<font name='{FONT_BOLD}' size='7.5' color='#555555'>{escape(label.upper())}"
            "</font>")
    if not any(is_stamp(line) for line in lines):
        return Paragraph("<br/>".join([head, *(esc(line) for line in lines)]), sheet["tight"])
    out: list[Flowable] = [Paragraph(head, sheet["tight"])]
    out += [Paragraph(esc(line), sheet["stamp" if is_stamp(line) else "tight"]) for line in lines]
    return out


def entry(decision: Decision) -> Table:
    """One decision as a compact ruled block: a title bar, then the reg 9 items in pairs."""
    sheet = stylesheet()
    plan = decision.plan
    other = plan.other_documents_how.strip() or (
        f"ask {plan.contact.name.strip()}, the contact officer")
    consultation = [p for p in (plan.consultees.strip(), plan.consultation_method.strip()) if p]
    deadline = (long_date(plan.representations_deadline)
                if plan.representations_deadline else "Before the decision is taken")
    documents = [*plan.documents, f"Copies from: {plan.documents_available_from.strip()}",
                 "Other documents relevant to the matter may be submitted to the decision "
                 f"maker. To ask for details: {other}."]
    bar = [Paragraph(f"{esc(decision.ref)}\u2003{esc(decision.title)}", sheet["entry"]), "",
           Paragraph(f"<para alignment='right'>{esc(due_text(plan))}</para>", sheet["entry"])]
    half = CONTENT_WIDTH / 2
    rows = [
        bar,
        [_cell("Matter", plan.summary), "", ""],
        [_cell("Decision maker", decision.decision_maker.describe()), "",
         _cell("Date due", due_text(plan))],
        [_cell("Why it is key", decision.key.reason), "",
         _cell("Wards affected", wards_text(plan))],
        [_cell("Documents to be submitted, and where to get them", documents), "", ""],
        [_cell("Consultees and method", consultation), "",
         _cell("Public or private", privacy_text(decision))],
        [_cell("Contact officer", person_line(plan.contact)), "",
         _cell("Representations by", deadline)],
    ]
    table = Table(rows, colWidths=[half, half - 55 * mm, 55 * mm], repeatRows=1,
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), INK),
        ("SPAN", (0, 0), (1, 0)),
        ("SPAN", (0, 1), (-1, 1)),
        ("SPAN", (0, 4), (-1, 4)),
        *[("SPAN", (0, r), (1, r)) for r in (2, 3, 5, 6)],
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def flowables(entries: list[Decision], ctx: Context, start: date, end: date) -> list[Flowable]:
    story = front_matter(ctx, start, end, len(entries))
    story.append(heading("Key decisions", 1))
    if not entries:
        story += bullets([], empty="There are no key decisions due in this period.")
        return story
    for decision in entries:
        story += [entry(decision), Spacer(1, 4 * mm)]
    story.append(markup("<i>End of the forward plan.</i>", "muted"))
    return story
