"""Regulation 19: the report to Council of the executive decisions taken in a period whose
making was agreed as urgent under regulation 11: each decision, its particulars and a
summary of the matter.

One builder for the period (`flowables`, the CLI's `--from`/`--to`) and for one decision
(`for_decision`, what the print dialog offers beside each decision's other notices).
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from clerk.domain.decision import Decision, Record, SpecialUrgency
from clerk.notices.blocks import Context, Value, bullets, fields, heading, maker_block, para
from clerk.notices.common import privacy_text
from clerk.notices.exception import REGULATIONS
from clerk.notices.text import URGENCY_ROLE_NAMES, long_date, period_text

TITLE = "Report to Council: decisions taken under special urgency (regulation 19)"


def _call_in(decision: Decision) -> str:
    if decision.call_in.urgent_exempt:
        consent = decision.call_in.exemption_consent.strip()
        return "Exempt from call-in as urgent" + (f": {consent}" if consent else ".")
    return "Subject to call-in."


def entry(decision: Decision) -> list[Flowable]:
    """One decision: the particulars (who, when, what, who agreed it was urgent and why)
    and a summary of the matter."""
    record = decision.record or Record()
    urg = decision.urgency or SpecialUrgency()
    role = URGENCY_ROLE_NAMES.get(urg.role, urg.role)
    agreed = f"{urg.agreed_by}, {role}"
    if urg.agreed_on is not None:
        agreed += f", on {long_date(urg.agreed_on)}"
    rows: list[tuple[str, Value]] = [
        ("Summary of the matter",
         decision.plan.summary.strip() or decision.report.key_issue.strip()),
        ("Decision maker", maker_block(decision)),
        ("Date of decision", long_date(record.decided_on) if record.decided_on else ""),
        ("Decision made", record.decision),
        ("Agreed as urgent by", agreed),
    ]
    if urg.role != "scrutiny-chair":
        rows.append(("Why the earlier person could not act (as recorded)", urg.earlier_unable))
    rows += [
        ("Why it was urgent and could not reasonably be deferred", urg.reasons),
        ("Notice of the reasons (regulation 11(2))",
         long_date(urg.notice_published) if urg.notice_published else "Not recorded"),
        ("Call-in", _call_in(decision)),
        ("Public or private", privacy_text(decision)),
    ]
    return [heading(f"{decision.ref}: {decision.title}", 2), fields(rows)]


def flowables(entries: list[Decision], ctx: Context, start: date, end: date) -> list[Flowable]:
    """The report for [start, end], the decisions in date order."""
    story: list[Flowable] = [
        para(ctx.profile.name, "council"),
        para(TITLE, "subtitle"),
        Spacer(1, 3 * mm),
        fields([
            ("Period covered", period_text(start, end)),
            ("Date of this report", long_date(ctx.published_on)),
            ("Decisions", f"{len(entries)} decision{'s' if len(entries) != 1 else ''} taken "
                          "under special urgency"),
        ]),
        para(f"Regulation 19 of {REGULATIONS} requires the executive leader to report to the "
             "Council, at least annually, each executive decision taken in the period whose "
             "making was agreed as urgent under regulation 11 (special urgency), with the "
             "particulars of the decision and a summary of the matter."),
    ]
    if not entries:
        story += bullets([], empty="No decisions were taken under special urgency in this "
                                   "period.")
        return story
    for decision in entries:
        story += entry(decision)
    return story


def for_decision(decision: Decision, ctx: Context) -> list[Flowable]:
    """The report of one decision (many constitutions ask for each to go to the next
    meeting of the Council): the period is the day it was taken."""
    record = decision.record or Record()
    day = record.decided_on or ctx.published_on
    return flowables([decision], ctx, day, day)
