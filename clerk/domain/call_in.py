"""Call-in (s9F Local Government Act 2000, the council's own rules): the request, who may
sign it, when it must arrive, its outcome, and the urgent exemption from it.
"""

from __future__ import annotations

import re
from datetime import date, time

from clerk.domain import rules
from clerk.domain.calendar import fmt_date
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import CALL_IN_OUTCOMES, CallInRequest, Decision
from clerk.domain.guards import Refused, changed, not_future, refuse_if, require

_TITLES = re.compile(r"^(cllr\.?|councillor)\s+", re.IGNORECASE)


def member_key(name: str) -> str:
    """A member's name as compared: no 'Cllr', case and spacing ignored."""
    return " ".join(_TITLES.sub("", name.strip()).split()).casefold()


def gate_call_in(decision: Decision) -> str | None:
    if decision.record is None or decision.record.published_on is None:
        return "Call-in starts when the record of decision is published; it is not published."
    if decision.call_in.urgent_exempt:
        return ("The decision is exempt from call-in as urgent (consent: "
                f"{decision.call_in.exemption_consent}).")
    if decision.call_in.outcome:
        return f"A call-in was already resolved: {decision.call_in.outcome}."
    if decision.implemented_on is not None:
        return (f"It was implemented on {fmt_date(decision.implemented_on)}, after the call-in "
                "period: it can no longer be called in.")
    return None


def _time_received(text: str) -> str:
    try:
        return time.fromisoformat(text.strip().zfill(5)).strftime("%H:%M")
    except ValueError:
        raise Refused(f"The time received {text!r} is not a time: give it as HH:MM "
                      "(24 hour), e.g. 16:45.") from None


def call_in(decision: Decision, profile: CouncilProfile, *, today: date, received_on: date,
            members: list[str], grounds: str, received_time: str = "") -> Decision:
    """A call-in request: on time (the cut-off applies on the last day, so the time it was
    received matters then), signed by enough non-executive members."""
    refuse_if(gate_call_in(decision))
    signed: dict[str, str] = {}  # a member who signs twice is still one signature
    for member in members:
        if member.strip():
            signed.setdefault(member_key(member), member.strip())
    members = list(signed.values())
    require(grounds=grounds)
    at = _time_received(received_time) if received_time.strip() else ""
    expiry = rules.call_in_expires(decision, profile)
    assert expiry is not None and decision.record is not None
    last_day, cut_off = expiry.value.date(), expiry.value.strftime("%H:%M")
    if received_on > last_day or (received_on == last_day and at and at >= cut_off):
        when = f"at {at} on " if at else ""
        raise Refused(f"Too late: {expiry.working}; the request was received "
                      f"{when}{fmt_date(received_on)}.")
    if received_on == last_day and not at:
        raise Refused(f"It was received on the last day of call-in ({expiry.working}): give the "
                      f"time it was received, which must be before {cut_off}.",
                      ["give the time received as HH:MM"])
    if received_on < decision.record.published_on:  # type: ignore[operator]
        raise Refused("A call-in cannot be received before the record was published.")
    not_future(received_on, today, "date the call-in was received")
    executive = {member_key(m.name) for m in profile.executive if m.name.strip()}
    on_executive = [m for m in members if member_key(m) in executive]
    if on_executive:
        raise Refused(f"{', '.join(on_executive)} {'is' if len(on_executive) == 1 else 'are'} "
                      "on the executive: only non-executive members may call in a decision.")
    chair = member_key(profile.scrutiny_chair.name)
    chair_signed = profile.call_in_scrutiny_chair_alone and bool(chair) and \
        chair in {member_key(m) for m in members}
    if len(members) < profile.call_in_signatories and not chair_signed:
        raise Refused(f"A call-in needs {profile.call_in_signatories} members' signatures; "
                      f"{len(members)} given.")
    out = changed(decision)
    out.call_in.requests.append(CallInRequest(received_on, members, grounds.strip(), at))
    return out


def gate_call_in_outcome(decision: Decision) -> str | None:
    if not rules.call_in_open(decision):
        return "There is no open call-in to resolve."
    return None


def call_in_outcome(decision: Decision, *, today: date, outcome: str,
                    decided_on: date) -> Decision:
    refuse_if(gate_call_in_outcome(decision))
    if outcome not in CALL_IN_OUTCOMES:
        raise Refused(f"Outcome {outcome!r} is not one of {', '.join(CALL_IN_OUTCOMES)}.")
    latest = max(r.received_on for r in decision.call_in.requests if r.received_on) \
        if any(r.received_on for r in decision.call_in.requests) else None
    if latest is not None and decided_on < latest:
        raise Refused(f"The outcome ({fmt_date(decided_on)}) cannot come before the call-in "
                      f"request it answers ({fmt_date(latest)}).")
    not_future(decided_on, today, "date of the call-in outcome")
    out = changed(decision)
    out.call_in.outcome = outcome
    out.call_in.outcome_on = decided_on
    return out


def gate_exempt_call_in(decision: Decision) -> str | None:
    if decision.record is None:
        return "Record the decision first: only a decision taken can be exempt from call-in."
    if decision.call_in.urgent_exempt:
        return ("It is already exempt from call-in (consent: "
                f"{decision.call_in.exemption_consent}).")
    if decision.implemented_on is not None:
        return (f"It was implemented on {fmt_date(decision.implemented_on)}: an exemption from "
                "call-in comes before implementation.")
    if decision.call_in.requests:
        return "A call-in has already been received; it must be resolved."
    return None


def exempt_from_call_in(decision: Decision, *, consent: str) -> Decision:
    refuse_if(gate_exempt_call_in(decision))
    require(consent=consent)
    out = changed(decision)
    out.call_in.urgent_exempt = True
    out.call_in.exemption_consent = consent.strip()
    return out
