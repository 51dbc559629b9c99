"""Moves before the decision: the entry, the forward plan, key decision, comments,
notice routes, private consideration and the report. Each returns a changed copy or
raises `Refused`; each `gate_*` says why a move is refused now (None when allowed).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from clerk.domain import key_rule
from clerk.domain.calendar import fmt_date
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import (
    AMOUNT_KINDS,
    DECISION_MAKER_KINDS,
    IMPLICATIONS,
    Comment,
    Decision,
    DecisionMaker,
    GeneralException,
    PrivateConsideration,
    SpecialUrgency,
)
from clerk.domain.exempt import EXEMPTABLE_FIELDS
from clerk.domain.guards import (
    Refused,
    before_decision,
    changed,
    not_future,
    refuse_if,
    require,
)
from clerk.domain.urgency import check_who_agreed


def new_decision(ref: str, title: str, maker: DecisionMaker, created_on: date,
                 policy_framework: bool = False) -> Decision:
    """A new decision; `policy_framework` marks a budget and policy framework item, which
    Full Council decides finally."""
    require(title=title, decision_maker=maker.name)
    if maker.kind not in DECISION_MAKER_KINDS:
        raise Refused(f"Decision maker kind {maker.kind!r} is not one of "
                      f"{', '.join(DECISION_MAKER_KINDS)}.")
    decision = Decision(ref=ref, title=title.strip(), decision_maker=maker,
                        created_on=created_on)
    decision.referral.policy_framework = policy_framework
    return decision


PLAN_FIELDS = frozenset(
    ("summary", "due_on", "due_month", "contact", "consultees", "consultation_method",
     "documents", "documents_available_from", "other_documents_how", "all_wards", "wards",
     "parishes", "portfolio", "representations_deadline")
)


def gate_plan(decision: Decision) -> str | None:
    return before_decision(decision, "the forward plan entry")


def plan(decision: Decision, *, today: date, published: date | None = None,
         **changes: Any) -> Decision:
    """Edit the forward plan entry; `published` records a publication of the plan.

    The first publication date is a legal fact: it is set once and never overwritten;
    a later publication is kept in `republished`.
    """
    refuse_if(gate_plan(decision))
    unknown = set(changes) - PLAN_FIELDS
    if unknown:
        raise ValueError(f"not forward plan fields: {', '.join(sorted(unknown))}")
    if changes.get("due_month"):
        _check_month(changes["due_month"])
    not_future(published, today, "forward plan publication date")
    out = changed(decision)
    for name, value in changes.items():
        setattr(out.plan, name, value)
    if published is not None:
        first = out.plan.first_published
        if first is None:
            out.plan.first_published = published
        elif published < first:
            raise Refused(
                f"The entry first appeared on {fmt_date(first)}; that date is kept as the "
                f"legal record and cannot be moved earlier to {fmt_date(published)}."
            )
        elif published != first and published not in out.plan.republished:
            out.plan.republished.append(published)
    return out


def _check_month(month: str) -> None:
    try:
        date.fromisoformat(month + "-01")
    except ValueError:
        raise Refused(f"Month due {month!r} is not a month: use YYYY-MM, e.g. 2013-02.") from None


# ---- key decision, comments -----------------------------------------------------------


def gate_key(decision: Decision) -> str | None:
    return before_decision(decision, "whether it is a key decision")


def set_key(decision: Decision, profile: CouncilProfile, *, is_key: bool, reason: str = "",
            amount_pounds: int | None = None, wards_affected: int | None = None,
            categories: list[str] | None = None, amount_kind: str = "",
            departure_reason: str = "") -> Decision:
    """Record whether it is key and why. Treating as not key a decision the council's own
    definition makes key is refused unless `departure_reason` says why it departs."""
    refuse_if(gate_key(decision))
    if amount_pounds is not None and amount_pounds < 0:
        raise Refused("The amount cannot be negative: give the expenditure or saving in pounds.")
    if wards_affected is not None and wards_affected < 0:
        raise Refused("The number of wards cannot be negative.")
    if amount_kind not in ("", *AMOUNT_KINDS):
        raise Refused(f"The amount's kind {amount_kind!r} is not one of "
                      f"{', '.join(AMOUNT_KINDS)}.")
    out = changed(decision)
    out.key.amount_pounds = amount_pounds
    out.key.amount_kind = amount_kind
    out.key.wards_affected = wards_affected
    if categories is not None:
        out.key.categories = list(categories)
    if key_rule.kind_needed(out, profile):
        raise Refused(f"The council has separate {', '.join(key_rule.separate_thresholds(profile))}"
                      " thresholds: say which kind the amount is.",
                      [f"give the amount's kind: {', '.join(AMOUNT_KINDS)}"])
    hint = key_rule.suggest_key(out, profile)
    if is_key and not reason.strip():
        raise Refused("Say why it is a key decision.",
                      [f"give the reason, e.g. \"{hint.sentence()}\"" if hint.because
                       else "give the reason: the threshold, wards or category that applies"])
    departs = not is_key and hint.is_key
    if departs and not departure_reason.strip():
        raise Refused("The council's own definition makes this a key decision: "
                      + "; ".join(hint.because) + ".",
                      ["confirm it is a key decision",
                       "record why it is treated as not key (the departure reason), which "
                       "stays a problem until it is reviewed"])
    previous = (decision.key.departure_reason, decision.key.departure_reviewed)
    out.key.is_key = is_key
    out.key.reason = reason.strip()
    out.key.departure_reason = departure_reason.strip() if departs else ""
    out.key.departure_reviewed = departs and previous == (out.key.departure_reason, True)
    return out


def gate_comment(decision: Decision) -> str | None:
    """Comments may be logged at any stage: what matters is the date each was received
    (`add_comment` refuses one received after the decision)."""
    return None


def is_public(comment: Comment) -> bool:
    """A representation from the public consultation, not a scrutiny recommendation."""
    return comment.channel != "scrutiny"


def add_comment(decision: Decision, comment: Comment, *, today: date) -> Decision:
    refuse_if(gate_comment(decision))
    require(from_=comment.author, text=comment.text)
    not_future(comment.received_on, today, "date the comment was received")
    record = decision.record
    if record is not None and decision.call_in.outcome != "referred-back":
        received = comment.received_on
        if received is None or record.decided_on is None or received > record.decided_on:
            raise Refused(f"Comments are taken before the decision; it was decided on "
                          f"{fmt_date(record.decided_on)}, and this comment was received "
                          f"{'on ' + fmt_date(received) if received else 'on no date given'}.",
                          [f"log a comment received on or before {fmt_date(record.decided_on)}"])
    out = changed(decision)
    out.comments.append(comment)
    if is_public(comment):
        out.consultation.no_comments_received = False
    return out


def respond_to_comment(decision: Decision, index: int, response: str) -> Decision:
    if not 0 <= index < len(decision.comments):
        raise Refused(f"There is no comment {index + 1}: this decision has "
                      f"{len(decision.comments)} comment(s).")
    out = changed(decision)
    out.comments[index].response = response
    return out


def set_consultation(decision: Decision, *, opens_on: date | None, closes_on: date | None,
                     no_comments_received: bool = False) -> Decision:
    if opens_on and closes_on and closes_on < opens_on:
        raise Refused(f"The consultation closes ({fmt_date(closes_on)}) before it opens "
                      f"({fmt_date(opens_on)}).")
    public = [c for c in decision.comments if is_public(c)]
    if no_comments_received and public:
        raise Refused(f"{len(public)} comment(s) are recorded from the public, so 'no "
                      "comments received' cannot be recorded.")
    out = changed(decision)
    out.consultation.opens_on = opens_on
    out.consultation.closes_on = closes_on
    out.consultation.no_comments_received = no_comments_received
    return out


# ---- notice routes --------------------------------------------------------------------


def gate_exception(decision: Decision) -> str | None:
    if decision.key.is_key is not True:
        return "A general exception is only for key decisions; confirm it is key first."
    return before_decision(decision, "the notice route")


def general_exception(decision: Decision, *, today: date, notice_published: date, reasons: str,
                      chair_informed_on: date | None = None,
                      reasons_notice_published: date | None = None) -> Decision:
    refuse_if(gate_exception(decision))
    require(reasons=reasons)
    informed = chair_informed_on or notice_published
    not_future(notice_published, today, "general exception notice date")
    if informed > notice_published:
        raise Refused("The scrutiny chair must be told in writing before or when the notice is "
                      f"published ({fmt_date(notice_published)}), not on {fmt_date(informed)}.")
    if reasons_notice_published is not None and reasons_notice_published < notice_published:
        raise Refused(f"The reasons notice ({fmt_date(reasons_notice_published)}) cannot come "
                      f"before the general exception notice ({fmt_date(notice_published)}).")
    out = changed(decision)
    out.exception = GeneralException(informed, notice_published, reasons.strip(),
                                     reasons_notice_published)
    return out


def gate_urgency(decision: Decision) -> str | None:
    return before_decision(decision, "the notice route")


def special_urgency(decision: Decision, *, today: date, agreed_by: str, role: str,
                    agreed_on: date, reasons: str,
                    notice_published: date | None = None, earlier_unable: str = "") -> Decision:
    """Reg 11: agreement that the decision is urgent; `earlier_unable` records why the
    scrutiny chair (and, for the vice-chairman, the chairman) could not act."""
    refuse_if(gate_urgency(decision))
    require(agreed_by=agreed_by, reasons=reasons)
    kept = check_who_agreed(role, earlier_unable, "special urgency")
    not_future(agreed_on, today, "date urgency was agreed")
    if notice_published is not None and notice_published < agreed_on:
        raise Refused(f"The reasons notice ({fmt_date(notice_published)}) cannot come before "
                      f"the agreement ({fmt_date(agreed_on)}).")
    out = changed(decision)
    out.urgency = SpecialUrgency(agreed_by.strip(), role, agreed_on, reasons.strip(),
                                 notice_published, kept)
    return out


def gate_private(decision: Decision) -> str | None:
    return before_decision(decision, "whether it is taken in private")


def set_private(decision: Decision, *, paragraphs: list[int], public_interest: str,
                exempt_information: str = "", exempt_fields: list[str] | None = None,
                intention_published: date | None = None,
                confirmation_published: date | None = None,
                representations: str = "", response: str = "") -> Decision:
    refuse_if(gate_private(decision))
    bad = [p for p in paragraphs if p not in range(1, 8)]
    if not paragraphs or bad:
        raise Refused("Give the Schedule 12A paragraph(s), numbers 1 to 7"
                      + (f" (not {', '.join(map(str, bad))})." if bad else "."))
    require(public_interest=public_interest)
    unknown = [f for f in exempt_fields or [] if f not in EXEMPTABLE_FIELDS]
    if unknown:
        raise Refused(f"Cannot mark {', '.join(unknown)} exempt: the fields that can be are "
                      f"{', '.join(EXEMPTABLE_FIELDS)}.")
    if intention_published and confirmation_published and \
            confirmation_published < intention_published:
        raise Refused("The 5-day confirmation cannot come before the 28-day notice of intention.")
    out = changed(decision)
    out.private = PrivateConsideration(sorted(set(paragraphs)), public_interest.strip(),
                                       exempt_information, intention_published,
                                       confirmation_published, representations, response,
                                       decision.private.urgency if decision.private else None)
    if exempt_fields is not None:
        out.exempt_fields = list(dict.fromkeys(exempt_fields))
    return out


REPORT_FIELDS = frozenset(
    ("key_issue", "recommendation", "recommended_by", "reasons", "alternatives",
     "corporate_objectives", "risk_management", "implications", "conclusions", "appendices",
     "background_documents", "prepared_by", "issued_on")
)


def gate_report(decision: Decision) -> str | None:
    return before_decision(decision, "the report")


def update_report(decision: Decision, **changes: Any) -> Decision:
    """Edit report sections; `implications` merges into the nine existing headings."""
    refuse_if(gate_report(decision))
    unknown = set(changes) - REPORT_FIELDS
    if unknown:
        raise ValueError(f"not report sections: {', '.join(sorted(unknown))}")
    out = changed(decision)
    for name, value in changes.items():
        if name == "implications":
            bad = set(value) - {key for key, _ in IMPLICATIONS}
            if bad:
                raise Refused(f"Unknown implication heading(s): {', '.join(sorted(bad))}.")
            out.report.implications.update(value)
        else:
            setattr(out.report, name, value)
    return out


def update_details(decision: Decision, *, title: str | None = None,
                   maker: DecisionMaker | None = None,
                   policy_framework: bool | None = None) -> Decision:
    refuse_if(before_decision(decision, "the title and decision maker"))
    out = changed(decision)
    if policy_framework is not None:
        out.referral.policy_framework = policy_framework
    if title is not None:
        require(title=title)
        out.title = title.strip()
    if maker is not None:
        require(decision_maker=maker.name)
        out.decision_maker = maker
    return out
