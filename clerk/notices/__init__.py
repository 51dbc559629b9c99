"""The PDFs a clerk prints and publishes: decision notices and the forward plan.

The only package that imports reportlab, and only when a notice is rendered: importing
`clerk.notices` costs nothing, so the CLI and TUI can list kinds and check what is missing
without loading it.

Public by default: a notice is built from `exempt.public_view(decision)`, so exempt content
is never in the story. A confidential version is printed only on request, only for a
decision that holds something exempt, and says so on every page, naming the Schedule 12A
paragraphs and marking each exempt passage. A draft says DRAFT on every page. The same input
and the same renderer (`renderer()`) give byte-identical PDFs.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.exempt import has_exempt
from clerk.gc_pause import gc_paused
from clerk.notices.needs import (
    NEEDS,
    NEEDS_ON,
    forward_plan_entries,
    forward_plan_refs,
    plan_row_missing,
    urgency_report_refs,
)
from clerk.notices.text import lower_first, period_text

KINDS: dict[str, str] = {
    "report": "Decision report",
    "record": "Record of decision",
    "general-exception": "General exception notice",
    "exception-reasons": "Notice of reasons for general exception",
    "urgency": "Special urgency notice",
    "private": "Notice of intention to consider in private",
    "private-confirmation": "Confirmation of consideration in private",
    "private-urgency": "Notice of reasons for urgent private meeting",
    "call-in": "Call-in request form",
    "council": "Report to Full Council",
    "urgency-report": "Special urgency report to Council (reg 19)",
}
# Kinds printed for a period from the whole register (clerk notice KIND --from --to).
PERIOD_KINDS: dict[str, str] = {
    "urgency-report": "Special urgency report to Council (reg 19)",
}
FORWARD_PLAN = "Forward plan: notice of key decisions"

# kind -> the field holding the date the law counts from: the notice carries that date,
# whenever it is printed, and is published only once the register holds it.
PUBLISHED_ON: dict[str, tuple[str, str]] = {  # kind -> (dotted field, how to record it)
    "report": ("report.issued_on", "clerk report REF --issued DATE"),
    "record": ("record.published_on", "clerk publish REF --on DATE, or b in the app"),
    "general-exception": ("exception.notice_published",
                          "clerk exception REF --notice-published DATE"),
    "exception-reasons": ("exception.reasons_notice_published",
                          "clerk exception REF --reasons-notice DATE"),
    "urgency": ("urgency.notice_published", "clerk urgency REF --notice-published DATE"),
    "private": ("private.intention_published", "clerk private REF --intention DATE"),
    "private-confirmation": ("private.confirmation_published",
                             "clerk private REF --confirmation DATE"),
    "private-urgency": ("private.urgency.notice_published",
                        "clerk reasons-notice REF --route private-urgency --on DATE, or h in "
                        "the app"),
}

__all__ = [
    "FORWARD_PLAN",
    "KINDS",
    "PERIOD_KINDS",
    "NoticeRefused",
    "NothingExempt",
    "PUBLISHED_ON",
    "forward_plan_entries",
    "forward_plan_refs",
    "missing_for",
    "render_forward_plan",
    "render_forward_plan_html",
    "render_notice",
    "render_notice_html",
    "render_urgency_report",
    "render_urgency_report_html",
    "renderer",
    "statutory_date",
    "urgency_report_refs",
]


class NoticeRefused(Exception):
    """A notice that cannot be printed because the decision lacks what it needs."""

    def __init__(self, notice: str, subject: str, missing: list[str]) -> None:
        self.notice = notice
        self.subject = subject
        self.missing = list(missing)
        super().__init__(
            f"Cannot print the {lower_first(notice)} for {subject}: it lacks "
            + "; ".join(self.missing) + "."
        )


class NothingExempt(NoticeRefused):
    """A confidential copy asked for a decision that holds nothing exempt."""

    def __init__(self, notice: str, subject: str) -> None:
        self.notice, self.subject, self.missing = notice, subject, []
        Exception.__init__(
            self, f"{subject} holds nothing exempt, so there is no confidential copy of its "
            f"{lower_first(notice)}: print the public one (leave out --confidential).")


def statutory_date(kind: str, decision: Decision) -> date | None:
    """The date the register holds for this notice's publication (None: not yet, or a kind
    whose date is simply the day it is printed: the call-in form, the report to Council)."""
    if kind not in PUBLISHED_ON:
        return None
    value: Any = decision
    for name in PUBLISHED_ON[kind][0].split("."):
        value = getattr(value, name, None)
    return value if isinstance(value, date) else None


def renderer() -> str:
    """What draws the PDFs: the same renderer gives the same bytes for the same notice."""
    from reportlab import Version  # the package's root only: no drawing machinery

    from clerk import __version__

    return f"clerk {__version__}, reportlab {Version}"


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"Unknown notice kind {kind!r}: use one of {', '.join(KINDS)}.")


def missing_for(kind: str, decision: Decision, profile: CouncilProfile,
                on: date | None = None) -> list[str]:
    """What `decision` lacks for the notice `kind`; empty when it can be printed. With `on`
    (the date it would be published), also what that day rules out (a call-in form once
    the call-in period has ended)."""
    _check_kind(kind)
    missing = NEEDS[kind](decision, profile)
    if on is not None and kind in NEEDS_ON:
        missing += NEEDS_ON[kind](decision, profile, on)
    return missing


def load_in_background() -> None:
    """Start loading reportlab and the layouts while the caller opens the register (reading
    and hashing its file leave the interpreter free); `render_notice` then finds them
    loaded, or waits for the import already under way."""
    import importlib
    import threading

    threading.Thread(target=importlib.import_module, args=("clerk.notices.render",),
                     name="clerk-load-notices", daemon=True).start()


def render_notice(
    kind: str,
    decision: Decision,
    profile: CouncilProfile,
    *,
    published_on: date,
    confidential: bool = False,
    draft: bool = False,
) -> bytes:
    """The PDF of one notice for one decision, or NoticeRefused saying what is missing."""
    _refuse_if_missing(kind, decision, profile, published_on, confidential)
    with gc_paused():  # importing reportlab and laying out pages make no cycles to collect
        from clerk.notices import render  # reportlab is loaded here, not at import

        return render.notice(kind, KINDS[kind], decision, profile, published_on, confidential,
                             draft)


def _refuse_if_missing(kind: str, decision: Decision, profile: CouncilProfile,
                       on: date, confidential: bool) -> None:
    _check_kind(kind)
    subject = decision.ref or decision.title or "this decision"
    if confidential and not has_exempt(decision):
        raise NothingExempt(KINDS[kind], subject)
    missing = missing_for(kind, decision, profile, on)
    if missing:
        raise NoticeRefused(KINDS[kind], subject, missing)


def render_notice_html(kind: str, decision: Decision, profile: CouncilProfile, *,
                       published_on: date, confidential: bool = False) -> str:
    """The accessible web page of the notice `render_notice` prints: the same story, the
    same public view, the same refusal."""
    _refuse_if_missing(kind, decision, profile, published_on, confidential)
    from clerk.notices import render

    return render.notice_html(kind, KINDS[kind], decision, profile, published_on, confidential)


def render_forward_plan_html(decisions: Iterable[Decision], profile: CouncilProfile, *,
                             start: date, end: date, published_on: date) -> str:
    """The accessible web page of the forward plan `render_forward_plan` prints."""
    entries = _plan_entries(decisions, profile, start, end)
    from clerk.notices import render

    return render.forward_plan_html(entries, profile, start, end, published_on)


def render_forward_plan(
    decisions: Iterable[Decision],
    profile: CouncilProfile,
    *,
    start: date,
    end: date,
    published_on: date,
    draft: bool = False,
) -> bytes:
    """The forward plan (notice of key decisions) for [start, end], published on a date."""
    entries = _plan_entries(decisions, profile, start, end)
    with gc_paused():
        from clerk.notices import render

        return render.forward_plan(entries, profile, start, end, published_on, draft)


def _plan_entries(decisions: Iterable[Decision], profile: CouncilProfile, start: date,
                  end: date) -> list[Decision]:
    """The decisions the plan lists, or NoticeRefused saying what they lack."""
    if end < start:
        raise ValueError("The forward plan period ends before it starts.")
    entries = forward_plan_entries(decisions, start, end)
    missing = []
    if not profile.name.strip():
        missing.append("the council's name (set it in the council profile)")
    for decision in entries:
        missing += [f"{decision.ref or decision.title}: {item}"
                    for item in plan_row_missing(decision, profile)]
    if missing:
        raise NoticeRefused("Forward plan", period_text(start, end), missing)
    return entries


def render_urgency_report(
    decisions: Iterable[Decision],
    profile: CouncilProfile,
    *,
    start: date,
    end: date,
    published_on: date,
) -> bytes:
    """Regulation 19: the report to Council of the decisions in `decisions` taken in
    [start, end] under special urgency, each with its particulars and the matter."""
    entries = _urgency_entries(decisions, profile, start, end)
    with gc_paused():
        from clerk.notices import render

        return render.urgency_report(entries, profile, start, end, published_on)


def render_urgency_report_html(decisions: Iterable[Decision], profile: CouncilProfile, *,
                               start: date, end: date, published_on: date) -> str:
    """The accessible web page of the report `render_urgency_report` prints."""
    entries = _urgency_entries(decisions, profile, start, end)
    from clerk.notices import render

    return render.urgency_report_html(entries, profile, start, end, published_on)


def _urgency_entries(decisions: Iterable[Decision], profile: CouncilProfile, start: date,
                     end: date) -> list[Decision]:
    """The decisions taken under special urgency in [start, end], or NoticeRefused."""
    if end < start:
        raise ValueError("The report's period ends before it starts.")
    entries = sorted(
        (d for d in decisions if d.urgency is not None and d.record is not None
         and d.record.decided_on is not None and start <= d.record.decided_on <= end),
        key=lambda d: (d.record.decided_on, d.ref))  # type: ignore[union-attr]
    missing = []
    if not profile.name.strip():
        missing.append("the council's name (set it in the council profile)")
    for decision in entries:
        missing += [f"{decision.ref or decision.title}: {item}"
                    for item in NEEDS["urgency-report"](decision, profile)
                    if not item.startswith("the council's name")]
    if missing:
        raise NoticeRefused(PERIOD_KINDS["urgency-report"], period_text(start, end), missing)
    return entries
