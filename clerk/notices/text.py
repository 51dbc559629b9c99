"""Words and dates as a notice prints them. Pure: no reportlab."""

from __future__ import annotations

from datetime import date, datetime, time

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision, DecisionMaker, ForwardPlanEntry, Person

BODY_KINDS = ("cabinet", "committee")  # decision makers that are bodies (reg 9(1)(c))
URGENCY_ROLE_NAMES = {
    "scrutiny-chair": "Chairman of the relevant overview and scrutiny committee",
    "chairman": "Chairman of the Council",
    "vice-chairman": "Vice-Chairman of the Council",
}

# Full Council's outcomes as a notice says them.
COUNCIL_OUTCOME_WORDS = {
    "endorsed": "endorsed",
    "amended": "endorsed with amendments",
    "not-endorsed": "not endorsed",
    "deferred": "deferred",
}


def long_date(day: date) -> str:
    """'Tuesday 5 February 2013'."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def clock(moment: time) -> str:
    """'5.00pm', '9.30am', '12.00pm' (noon)."""
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}.{moment.minute:02d}{suffix}"


def expiry(moment: datetime) -> str:
    """'5.00pm on Tuesday 19 February 2013'."""
    return f"{clock(moment.time())} on {long_date(moment.date())}"


def month_name(due_month: str) -> str:
    """'2013-02' -> 'February 2013'; anything unparseable is printed as typed."""
    try:
        year, month = (int(part) for part in due_month.split("-")[:2])
        return f"{date(year, month, 1):%B %Y}"
    except ValueError:
        return due_month


def due_text(plan: ForwardPlanEntry) -> str:
    if plan.due_on is not None:
        return long_date(plan.due_on)
    if plan.due_month.strip():
        return month_name(plan.due_month.strip())
    return "Not yet fixed"


def period_text(start: date, end: date) -> str:
    return f"{long_date(start)} to {long_date(end)}"


def maker_heading(maker: DecisionMaker) -> str:
    """'the Cabinet Member for Community Services', 'the Cabinet'."""
    who = maker.title.strip() or maker.name.strip()
    if maker.kind == "member" and maker.title.strip():
        return f"the {who}" if not who.lower().startswith("the ") else who
    if maker.kind in ("cabinet", "committee"):
        return f"the {who}" if not who.lower().startswith("the ") else who
    return who


def maker_telephone(decision: Decision, profile: CouncilProfile) -> str:
    """The decision maker's telephone: on the decision, or from the council's executive."""
    maker = decision.decision_maker
    if maker.telephone.strip():
        return maker.telephone.strip()
    for member in profile.executive:
        if member.name.strip().casefold() == maker.name.strip().casefold():
            return member.telephone.strip()
    return ""


def comment_contact(decision: Decision, profile: CouncilProfile) -> Person | None:
    """The Member of the Executive a report's "How to Comment" names: the decision maker
    when it is one person; for a body (the Cabinet, a committee), the executive member
    whose portfolio the matter falls in, else the body itself if it has a telephone."""
    maker = decision.decision_maker
    if maker.kind not in BODY_KINDS:
        return Person(maker.name, maker.title, maker_telephone(decision, profile))
    portfolio = decision.plan.portfolio.strip().casefold()
    for member in profile.executive:
        if portfolio and member.portfolio.strip().casefold() == portfolio:
            return Person(member.name, member.title, member.telephone, member.email)
    if maker.telephone.strip():
        return Person(maker.name, maker.title, maker.telephone)
    return None


def wards_text(plan: ForwardPlanEntry) -> str:
    if plan.all_wards:
        return "All wards"
    return ", ".join(w for w in plan.wards if w.strip())


def wards_and_parishes_text(plan: ForwardPlanEntry) -> str:
    if plan.all_wards:
        return "All wards and parishes" if not plan.parishes else (
            "All wards; parishes: " + ", ".join(plan.parishes))
    wards = ", ".join(w for w in plan.wards if w.strip())
    parishes = ", ".join(p for p in plan.parishes if p.strip())
    if wards and parishes:
        return f"Wards: {wards}. Parishes: {parishes}."
    return wards or parishes


def paragraphs_text(paragraphs: list[int]) -> str:
    numbers = sorted(set(paragraphs))
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f"paragraph {numbers[0]}"
    return "paragraphs " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def says_none(text: str) -> bool:
    """True for 'None received', 'No representations were received' and the like."""
    words = text.strip().casefold()
    return words.startswith(("none", "no representations", "nil", "no comments"))
