"""The decision report (notice inviting comments), in the layout of the seed report."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from clerk.domain.decision import IMPLICATIONS, Decision, Person
from clerk.domain.exempt import SCHEDULE_12A
from clerk.notices.blocks import (
    CONTENT_WIDTH,
    Context,
    boxed,
    bullets,
    esc,
    heading,
    maker_block,
    markup,
    numbered,
    numbered_heading,
    para,
)
from clerk.notices.styles import RULE, SHADE, stylesheet
from clerk.notices.text import (
    BODY_KINDS,
    comment_contact,
    due_text,
    long_date,
    paragraphs_text,
    wards_and_parishes_text,
)

PARISH_ADVICE = (
    "If you live in a parish, your parish council may wish to comment on this decision. "
    "You can contact your parish clerk to make your views known, or comment directly to "
    "the officer or the Member of the Executive named above."
)
HOW_TO_COMMENT = (
    "Should you have any comments on the issue that is being considered please contact "
    "either the relevant Officer or the Member of the Executive who will be taking the "
    "decision."
)


def flowables(decision: Decision, ctx: Context) -> list[Flowable]:
    report, maker = decision.report, decision.decision_maker
    story: list[Flowable] = [para(ctx.profile.name.upper(), "council")]
    if maker.title.strip() or maker.name.strip():
        story.append(para((maker.title or maker.name).upper(), "subtitle"))
    story.append(para(f"Report of the {report.recommended_by}".upper(), "subtitle"))
    if ctx.confidential:
        story.append(para("CONFIDENTIAL VERSION – NOT FOR PUBLICATION. This copy contains "
                          "exempt information under Schedule 12A to the Local Government "
                          "Act 1972.", "banner"))
    story.append(Spacer(1, 4 * mm))
    prepared_by = report.prepared_by.strip() or decision.plan.contact.name
    # The date the notice carries (the publishing path gives it the report's issue date):
    # one date, so "Date Issued" and the footer's "Published" cannot disagree.
    issued = ctx.published_on
    story += [
        markup(f"Report prepared by <b>{esc(prepared_by)}</b>"),
        markup(f"Date Issued: <b>{long_date(issued)}</b>"),
        markup(f"Decision due: <b>{esc(due_text(decision.plan))}</b>\u2003"
               f"Reference: <b>{esc(decision.ref)}</b>"),
        numbered_heading("1.", decision.title),
    ]
    sections = _sections(decision)
    # The key decision and "How to Comment" panel goes with the report's last section, so
    # it is never left alone on a page of its own.
    last = _last_section_start(sections)
    story += sections[:last]
    story.append(KeepTogether([*sections[last:], Spacer(1, 6 * mm), _panel(decision, ctx)]))
    return story


def _last_section_start(sections: list[Flowable]) -> int:
    marked = [n for n, f in enumerate(sections) if getattr(f, "last_section", False)]
    return marked[-1] if marked else len(sections)


def _sections(decision: Decision) -> list[Flowable]:
    report = decision.report
    out: list[Flowable] = []
    plain = (
        ("1.1", "Key Issue for Decision", report.key_issue),
        ("1.2", f"Recommendation of the {report.recommended_by}", report.recommendation),
        ("1.3", "Reasons for Recommendation", report.reasons),
        ("1.4", "Alternative Action and why not Recommended", report.alternatives),
        ("1.5", "Impact on Corporate Objectives", report.corporate_objectives),
        ("1.6", "Risk Management", report.risk_management),
    )
    for number, title, text in plain:
        out.append(numbered_heading(number, title, 2))
        out += numbered(number, text) if text.strip() else [para("None.")]
    out.append(numbered_heading("1.7", "Other Implications", 2))
    out += _implications(decision)
    out.append(numbered_heading("1.8", "Conclusions", 2))
    out += numbered("1.8", report.conclusions) if report.conclusions.strip() else [para("None.")]
    documents = numbered_heading("1.9", "Relevant Documents", 2)
    documents.last_section = True  # type: ignore[attr-defined]
    out.append(documents)
    out.append(markup("<b>1.9.1\u2003Appendices</b>"))
    out += bullets(report.appendices)
    out.append(markup("<b>1.9.2\u2003Background Documents</b>"))
    out += bullets(report.background_documents)
    return out


def _implications(decision: Decision) -> list[Flowable]:
    """1.7.1 the checklist (an X where the report says something), then one paragraph each."""
    texts = decision.report.implications
    sheet = stylesheet()
    rows = [[Paragraph(f"{n}.", sheet["cell"]), Paragraph(esc(label), sheet["cell"]),
             Paragraph("<b>X</b>" if texts.get(key, "").strip() else "", sheet["cell"])]
            for n, (key, label) in enumerate(IMPLICATIONS, start=1)]
    table = Table(rows, colWidths=[10 * mm, 90 * mm, 12 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (2, 0), (2, -1), 0.5, RULE),
        ("BACKGROUND", (2, 0), (2, -1), SHADE),
        ("ALIGN", (2, 0), (2, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    out: list[Flowable] = [KeepTogether([  # the checklist is never split across pages
        Paragraph("Does the report have implications for the following?", sheet["body"],
                  bulletText="1.7.1"),
        table,
        Spacer(1, 3 * mm),
    ])]
    number = 2
    for key, label in IMPLICATIONS:
        text = texts.get(key, "").strip()
        if not text:
            continue
        first, *rest = numbered("1.7", f"{label} – {text}", start=number)
        out.append(first)
        out += rest
        number += 1 + len(rest)
    return out


def _panel(decision: Decision, ctx: Context) -> Flowable:
    plan, key, maker = decision.plan, decision.key, decision.decision_maker
    sheet = stylesheet()
    yes, no = ("X", " ") if key.is_key else (" ", "X")
    inner: list[Flowable] = [
        markup(f"<b>Is this a Key Decision?</b>\u2003Yes [ {yes} ]\u2003No [ {no} ]"),
    ]
    if key.is_key:
        first = plan.first_published
        inner.append(markup("<b>If yes, when did it first appear in the Forward Plan?</b> "
                            f"{long_date(first) if first else ''}"))
        inner.append(markup(f"<b>This is a Key Decision because:</b> {esc(key.reason)}"))
    inner.append(markup(f"<b>Wards/Parishes affected:</b> {esc(wards_and_parishes_text(plan))}"))
    if decision.private is not None:
        numbers = decision.private.paragraphs
        described = " ".join(SCHEDULE_12A.get(n, "") for n in sorted(set(numbers)))
        inner.append(markup(
            "<b>Will it be considered in private?</b> Yes, in part or in whole, by virtue of "
            f"{paragraphs_text(numbers)} of Part 1 of Schedule 12A to the Local Government "
            f"Act 1972: {esc(described)}"))
    inner.append(Spacer(1, 2 * mm))
    inner.append(heading("How to Comment", 2))
    inner.append(para(HOW_TO_COMMENT))
    if maker.kind in BODY_KINDS:
        inner.append(para(f"The decision will be taken by {maker_block(decision)}; the "
                          "Member of the Executive to contact is named below."))
    member = comment_contact(decision, ctx.profile) or Person(maker.name, maker.title)
    people = [
        (member.name, member.title, member.telephone),
        (plan.contact.name, plan.contact.title, plan.contact.telephone),
    ]
    rows = [[Paragraph(f"<b>{esc(name)}</b>", sheet["cell"]),
             Paragraph(f"{esc(title)}<br/>Telephone: {esc(phone)}", sheet["cell"])]
            for name, title, phone in people]
    if plan.contact.email.strip():
        rows[1][1] = Paragraph(f"{esc(plan.contact.title)}<br/>Telephone: "
                               f"{esc(plan.contact.telephone)}<br/>Email: "
                               f"{esc(plan.contact.email)}", sheet["cell"])
    contacts = Table(rows, colWidths=[60 * mm, CONTENT_WIDTH - 76 * mm], hAlign="LEFT")
    contacts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    inner.append(contacts)
    inner.append(heading("Contact your Parish Council", 2))
    inner.append(para(PARISH_ADVICE))
    return boxed(inner)  # kept with the last section by the caller (never nest KeepTogether)
