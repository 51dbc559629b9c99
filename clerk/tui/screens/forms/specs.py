"""The form for each lifecycle step: its fields, what it starts with, which move it makes.

`apply` only calls `clerk.domain.lifecycle`; a rule is never checked here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from clerk.domain import lifecycle as L
from clerk.domain.calendar import fmt_date
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import (
    CALL_IN_OUTCOMES,
    COMMENT_CHANNELS,
    COUNCIL_OUTCOMES,
    DECISION_MAKER_KINDS,
    IMPLICATIONS,
    URGENCY_ROLES,
    Comment,
    Conflict,
    Decision,
    DecisionMaker,
    Person,
)
from clerk.domain.exempt import EXEMPTABLE_FIELDS
from clerk.tui.screens.forms.fields import Field

F = Field


@dataclass(frozen=True)
class Ctx:
    profile: CouncilProfile
    today: date


Values = dict[str, Any]


@dataclass(frozen=True)
class Step:
    title: str
    journal: str  # the action written to the journal
    fields: list[Field]
    initial: Callable[[Decision, Ctx], Values]
    apply: Callable[[Decision, Values, Ctx], Decision]
    confirm: str = ""  # asked before saving a final step


MAKER = [F("maker_name", "Decision maker (name or body)", required=True,
           help="e.g. Cllr John A Wilson, or Cabinet"),
         F("maker_title", "Decision maker's title",
           help="e.g. Cabinet Member for Community Services"),
         F("maker_kind", "Kind of decision maker", "choice", True, DECISION_MAKER_KINDS),
         F("maker_telephone", "Telephone")]


def maker_of(v: Values) -> DecisionMaker:
    return DecisionMaker(v["maker_name"], v["maker_title"], v["maker_kind"],
                         v["maker_telephone"])


def maker_values(d: Decision) -> Values:
    m = d.decision_maker
    return {"maker_name": m.name, "maker_title": m.title, "maker_kind": m.kind,
            "maker_telephone": m.telephone}


NEW_FIELDS = [F("title", "Title of the decision", required=True), *MAKER,
              F("policy_framework", "Budget and policy framework item (Full Council decides "
                "finally)", "bool")]


def _plan_initial(d: Decision, c: Ctx) -> Values:
    p = d.plan
    out = {name: getattr(p, name) for name in L.PLAN_FIELDS if name != "contact"}
    out |= {"contact_name": p.contact.name, "contact_title": p.contact.title,
            "contact_telephone": p.contact.telephone, "contact_email": p.contact.email,
            "published": p.first_published}
    return out


def _plan_apply(d: Decision, v: Values, c: Ctx) -> Decision:
    contact = Person(v.pop("contact_name"), v.pop("contact_title"),
                     v.pop("contact_telephone"), v.pop("contact_email"))
    published = v.pop("published")
    return L.plan(d, today=c.today, published=published, contact=contact, **v)


PLAN = Step("Forward plan entry", "forward plan entry", [
    F("summary", "Matter for decision (summary)", "area", True),
    F("due_on", "Date of decision", "date", help="or give the month below"),
    F("due_month", "Month of decision", "month"),
    F("published", "Published in the forward plan on", "date",
      help="The first publication is kept for good; later ones are added to the history."),
    F("contact_name", "Contact officer", required=True),
    F("contact_title", "Contact officer's job title"),
    F("contact_telephone", "Contact officer's telephone"),
    F("contact_email", "Contact officer's email"),
    F("representations_deadline", "Deadline for representations", "date"),
    F("consultees", "Consultees"), F("consultation_method", "Consultation method"),
    F("documents", "Documents submitted", "list"),
    F("documents_available_from", "Copies available from"),
    F("other_documents_how", "How to ask for other documents"),
    F("all_wards", "All wards", "bool"), F("wards", "Wards affected", "list"),
    F("parishes", "Parishes affected", "list"), F("portfolio", "Portfolio"),
], _plan_initial, _plan_apply)


def _key_apply(d: Decision, v: Values, c: Ctx) -> Decision:
    return L.set_key(d, c.profile, is_key=v["is_key"] == "yes", reason=v["reason"],
                     amount_pounds=v["amount_pounds"], wards_affected=v["wards_affected"],
                     categories=v["categories"])


KEY = Step("Key decision (reg 8)", "key decision", [
    F("is_key", "Is this a key decision?", "choice", True, ("yes", "no")),
    F("reason", "This is a Key Decision because", "area"),
    F("amount_pounds", "Expenditure or saving (£)", "int"),
    F("wards_affected", "Number of wards significantly affected", "int"),
    F("categories", "Categories (e.g. Plans and strategies)", "list"),
], lambda d, c: {"is_key": {True: "yes", False: "no"}.get(d.key.is_key),  # type: ignore[arg-type]
                 "reason": d.key.reason, "amount_pounds": d.key.amount_pounds,
                 "wards_affected": d.key.wards_affected, "categories": d.key.categories},
    _key_apply)

COMMENT = Step("Add a comment", "comment added", [
    F("author", "From", required=True), F("organisation", "Organisation or parish"),
    F("received_on", "Received on", "date", True),
    F("channel", "How it came", "choice", True, COMMENT_CHANNELS),
    F("text", "Comment (summary)", "area", True), F("response", "The council's response", "area"),
], lambda d, c: {"received_on": c.today, "channel": "email"},
    lambda d, v, c: L.add_comment(d, Comment(**v), today=c.today))

CONSULTATION = Step("Consultation window", "consultation", [
    F("opens_on", "Consultation opens on", "date"),
    F("closes_on", "Consultation closes on", "date"),
    F("no_comments_received", "No comments were received", "bool"),
], lambda d, c: {"opens_on": d.consultation.opens_on, "closes_on": d.consultation.closes_on,
                 "no_comments_received": d.consultation.no_comments_received},
    lambda d, v, c: L.set_consultation(d, **v))


def respond_step(decision: Decision, index: int) -> Step:
    """The council's response to one comment (`index` from 0), shown with the comment."""
    comment = decision.comments[index]
    return Step(f"Response to comment {index + 1}", f"response to comment {index + 1}", [
        F("response", "The council's response", "area", True),
    ], lambda d, c: {"response": comment.response},
        lambda d, v, c: L.respond_to_comment(d, index, v["response"]))


def comment_intro(decision: Decision, index: int) -> str:
    comment = decision.comments[index]
    who = comment.author + (f", {comment.organisation}" if comment.organisation else "")
    received = fmt_date(comment.received_on) if comment.received_on else "date not recorded"
    return f"{who} ({received}): {comment.text}"


EXCEPTION = Step("General exception (reg 10)", "general exception", [
    F("chair_informed_on", "Scrutiny chair told in writing on", "date", True),
    F("notice_published", "Notice published on", "date", True),
    F("reasons", "Why 28 days' notice is impracticable", "area", True),
    F("reasons_notice_published", "Reasons notice published on", "date"),
], lambda d, c: {"notice_published": c.today, "chair_informed_on": c.today},
    lambda d, v, c: L.general_exception(d, today=c.today, **v))

URGENCY = Step("Special urgency (reg 11)", "special urgency", [
    F("agreed_by", "Agreed by", required=True),
    F("role", "Their role", "choice", True, URGENCY_ROLES),
    F("agreed_on", "Agreed on", "date", True),
    F("reasons", "Why it is urgent and cannot reasonably be deferred", "area", True),
    F("notice_published", "Reasons notice published on", "date"),
], lambda d, c: {"role": "scrutiny-chair", "agreed_on": c.today,
                 "agreed_by": c.profile.scrutiny_chair.name},
    lambda d, v, c: L.special_urgency(d, today=c.today, **v))

PRIVATE = Step("Private consideration (reg 5, Schedule 12A)", "private consideration", [
    F("paragraphs", "Schedule 12A paragraph(s), 1 to 7", "ints", True),
    F("public_interest", "Public interest test reasoning", "area", True),
    F("exempt_information", "The exempt information (never printed in public)", "area"),
    F("intention_published", "28-day notice of intention published on", "date"),
    F("confirmation_published", "5-day confirmation published on", "date"),
    F("representations", "Representations about meeting in private", "area"),
    F("response", "The council's response", "area"),
    F("exempt_fields", "Parts withheld from public notices", "list",
      help="e.g. report.implications.financial, record.reasons. Any of: "
      + ", ".join(EXEMPTABLE_FIELDS)),
], lambda d, c: (dict(vars(d.private)) if d.private else {})
    | {"exempt_fields": d.exempt_fields},
    lambda d, v, c: L.set_private(d, **v))


def _conflicts(text: str) -> list[Conflict]:
    """One conflict a line: member | interest | dispensation."""
    out = []
    for line in text.splitlines():
        if line.strip():
            parts = [p.strip() for p in line.split("|")] + ["", ""]
            out.append(Conflict(parts[0], parts[1], parts[2]))
    return out


DECIDE = Step("Record of decision (reg 13)", "record of decision", [
    F("decided_on", "Date of the decision", "date", True),
    F("text", "The decision made", "area", True),
    F("reasons", "Reasons for the decision", "area", True),
    F("alternatives", "Alternatives considered and rejected", "area", True),
    F("no_conflicts", "No conflict of interest was declared", "bool"),
    F("conflicts", "Conflicts declared", "area",
      help="One a line: member | interest | dispensation (by the head of paid service)"),
    F("background_papers", "Background papers", "list"),
], lambda d, c: {"decided_on": c.today, "text": d.report.recommendation,
                 "reasons": d.report.reasons, "alternatives": d.report.alternatives},
    lambda d, v, c: L.decide(d, c.profile, today=c.today, decided_on=v["decided_on"],
                             text=v["text"], reasons=v["reasons"],
                             alternatives=v["alternatives"], no_conflicts=v["no_conflicts"],
                             conflicts=_conflicts(v["conflicts"]),
                             background_papers=v["background_papers"]))

PUBLISH = Step("Publish the record of decision", "record published", [
    F("published_on", "Published on", "date", True,
      help="Call-in runs from the day after publication."),
], lambda d, c: {"published_on": c.today},
    lambda d, v, c: L.publish_record(d, today=c.today, published_on=v["published_on"]),
    confirm="Publish the record of decision? Call-in starts and the record cannot be changed.")

CALL_IN = Step("Call-in request", "call-in received", [
    F("received_on", "Received on", "date", True),
    F("members", "Members who signed", "list", True),
    F("grounds", "Grounds", "area", True),
], lambda d, c: {"received_on": c.today},
    lambda d, v, c: L.call_in(d, c.profile, today=c.today, **v))

CALL_IN_OUTCOME = Step("Outcome of the call-in", "call-in outcome", [
    F("outcome", "Outcome", "choice", True, CALL_IN_OUTCOMES),
    F("decided_on", "Decided on", "date", True),
], lambda d, c: {"decided_on": c.today},
    lambda d, v, c: L.call_in_outcome(d, today=c.today, **v),
    confirm="Record this call-in outcome? It is final.")

EXEMPT = Step("Exempt from call-in as urgent", "exempt from call-in", [
    F("consent", "Who consented, and why", "area", True),
], lambda d, c: {}, lambda d, v, c: L.exempt_from_call_in(d, consent=v["consent"]),
    confirm="Exempt this decision from call-in? It can then be implemented at once.")

IMPLEMENT = Step("Implementation", "implemented", [
    F("implemented_on", "Implemented on", "date", True),
], lambda d, c: {"implemented_on": c.today},
    lambda d, v, c: L.implement(d, c.profile, today=c.today, **v),
    confirm="Record the decision as implemented? It is final.")

REFER = Step("Refer to Full Council", "referred to council", [
    F("meeting_on", "Council meeting on", "date", True),
], lambda d, c: {"meeting_on": d.referral.meeting_on},
    lambda d, v, c: L.refer(d, meeting_on=v["meeting_on"]))

COUNCIL = Step("Full Council's outcome", "council outcome", [
    F("outcome", "Outcome", "choice", True, COUNCIL_OUTCOMES),
    F("decided_on", "Decided on", "date", True),
    F("minute", "Minute reference"),
], lambda d, c: {"decided_on": d.referral.meeting_on or c.today},
    lambda d, v, c: L.council_outcome(d, today=c.today, **v),
    confirm="Record Full Council's outcome? It is final.")

_REPORT_TEXT = ("key_issue", "recommendation", "recommended_by", "reasons", "alternatives",
                "corporate_objectives", "risk_management", "conclusions", "prepared_by")


def _report_apply(d: Decision, v: Values, c: Ctx) -> Decision:
    implications = {k: v.pop(f"impl_{k}") for k, _ in IMPLICATIONS}
    return L.update_report(d, implications=implications, **v)


REPORT = Step("Decision report", "report updated", [
    *(F(n, n.replace("_", " ").capitalize(), "text" if n.endswith("by") else "area")
      for n in _REPORT_TEXT),
    F("issued_on", "Date issued", "date"),
    *(F(f"impl_{k}", f"Implications: {label}", "area") for k, label in IMPLICATIONS),
    F("appendices", "Appendices", "list"), F("background_documents", "Background documents",
                                              "list"),
], lambda d, c: {**{n: getattr(d.report, n) for n in L.REPORT_FIELDS},
                 **{f"impl_{k}": d.report.implications.get(k, "") for k, _ in IMPLICATIONS}},
    _report_apply)

DETAILS = Step("Title and decision maker", "details updated", NEW_FIELDS,
               lambda d, c: {"title": d.title, **maker_values(d),
                             "policy_framework": d.referral.policy_framework},
               lambda d, v, c: L.update_details(d, title=v["title"], maker=maker_of(v),
                                                policy_framework=bool(v["policy_framework"])))

STEPS: dict[str, Step] = {
    "plan": PLAN, "key": KEY, "comment": COMMENT, "consultation": CONSULTATION,
    "exception": EXCEPTION, "urgency": URGENCY,
    "private": PRIVATE, "decide": DECIDE, "publish": PUBLISH, "call-in": CALL_IN,
    "call-in-outcome": CALL_IN_OUTCOME, "exempt": EXEMPT, "implement": IMPLEMENT,
    "refer": REFER, "council": COUNCIL, "report": REPORT, "details": DETAILS,
}
