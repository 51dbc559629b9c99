"""Who may agree that a matter is urgent (reg 11, and reg 5(6) for a private meeting), the
private meeting's urgency as its own step, and the reasons notices each route requires.

The order is the law's: the chair of the scrutiny committee; only if there is none or
the chair is unable to act, the chairman of the council; only if neither can act, the
vice-chairman. The clerk records why each earlier person could not.
"""

from __future__ import annotations

from datetime import date

from clerk.domain.calendar import fmt_date
from clerk.domain.decision import URGENCY_ROLES, Decision, PrivateUrgency
from clerk.domain.guards import (
    Refused,
    before_decision,
    changed,
    not_future,
    refuse_if,
    require,
)

_EARLIER = {
    "chairman": ("The chairman of the council may agree only where there is no scrutiny "
                 "committee chair or the chair is unable to act",
                 "record why the scrutiny chair could not act (or that there is none)"),
    "vice-chairman": ("The vice-chairman may agree only where neither the scrutiny committee "
                      "chair nor the chairman of the council can act",
                      "record why neither the scrutiny chair nor the chairman could act"),
}


def check_who_agreed(role: str, earlier_unable: str, what: str) -> str:
    """Refuse an agreement out of the law's order; return `earlier_unable` as kept."""
    if role not in URGENCY_ROLES:
        raise Refused(f"Role {role!r} cannot agree {what}: use "
                      f"{', '.join(URGENCY_ROLES)} (in that order of precedence).")
    if role == "scrutiny-chair":
        return ""
    if not earlier_unable.strip():
        rule, route = _EARLIER[role]
        raise Refused(f"{rule}: the reason is not recorded.",
                      [route, "record the agreement of the scrutiny committee chair"])
    return earlier_unable.strip()


# ---- reg 5(6)-(7): a private meeting without 28 clear days' notice ---------------------


def gate_private_urgency(decision: Decision) -> str | None:
    if decision.private is None:
        return ("Record that it is to be taken in private (the Schedule 12A paragraph) before "
                "the agreement that the private meeting is urgent.")
    return before_decision(decision, "the private meeting's urgency")


def private_urgency(decision: Decision, *, today: date, agreed_by: str, role: str,
                    agreed_on: date, reasons: str, earlier_unable: str = "",
                    notice_published: date | None = None) -> Decision:
    """Reg 5(6): agreement that the private meeting is urgent and cannot reasonably be
    deferred, where 28 clear days' notice is impracticable; reg 5(7): its reasons notice."""
    refuse_if(gate_private_urgency(decision))
    require(agreed_by=agreed_by, reasons=reasons)
    kept = check_who_agreed(role, earlier_unable, "that a private meeting is urgent")
    not_future(agreed_on, today, "date the private meeting's urgency was agreed")
    if notice_published is not None:
        _notice_after(notice_published, agreed_on, today)
    out = changed(decision)
    assert out.private is not None
    out.private.urgency = PrivateUrgency(agreed_by.strip(), role, kept, agreed_on,
                                         reasons.strip(), notice_published)
    return out


# ---- the reasons notices (reg 10(2), reg 11, reg 5(7)) ---------------------------------

REASONS_NOTICES: tuple[tuple[str, str], ...] = (
    ("general-exception", "General exception reasons notice (reg 10)"),
    ("special-urgency", "Special urgency reasons notice (reg 11)"),
    ("private-urgency", "Private meeting urgency reasons notice (reg 5(7))"),
)


def _route_facts(decision: Decision, route: str) -> tuple[date | None, date | None] | None:
    """(the date the notice must follow, the notice's date if published) for a route."""
    if route == "general-exception" and decision.exception is not None:
        return decision.exception.notice_published, decision.exception.reasons_notice_published
    if route == "special-urgency" and decision.urgency is not None:
        return decision.urgency.agreed_on, decision.urgency.notice_published
    if route == "private-urgency" and decision.private is not None and \
            decision.private.urgency is not None:
        return decision.private.urgency.agreed_on, decision.private.urgency.notice_published
    return None


def gate_reasons_notice(decision: Decision, route: str) -> str | None:
    names = dict(REASONS_NOTICES)
    if route not in names:
        return f"{route!r} is not a notice route: use {', '.join(names)}."
    facts = _route_facts(decision, route)
    if facts is None:
        return f"No {route.replace('-', ' ')} is recorded, so it has no reasons notice."
    if facts[1] is not None:
        return f"The {names[route]} was already published on {fmt_date(facts[1])}."
    return None


def record_reasons_notice(decision: Decision, *, today: date, route: str,
                          published_on: date) -> Decision:
    """The reasons notice of a route, published as soon as reasonably practicable after the
    agreement (or notice); it may be recorded after the decision."""
    refuse_if(gate_reasons_notice(decision, route))
    after, _ = _route_facts(decision, route)  # type: ignore[misc]
    _notice_after(published_on, after, today)
    out = changed(decision)
    if route == "general-exception":
        assert out.exception is not None
        out.exception.reasons_notice_published = published_on
    elif route == "special-urgency":
        assert out.urgency is not None
        out.urgency.notice_published = published_on
    else:
        assert out.private is not None and out.private.urgency is not None
        out.private.urgency.notice_published = published_on
    return out


def _notice_after(published_on: date, after: date | None, today: date) -> None:
    if after is not None and published_on < after:
        raise Refused(f"The reasons notice ({fmt_date(published_on)}) cannot come before "
                      f"what it explains ({fmt_date(after)}).")
    not_future(published_on, today, "reasons notice date")
