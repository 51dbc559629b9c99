"""From a decision to PDF bytes: pick the notice module, apply the public gate, lay out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib import import_module

from reportlab.platypus import Flowable

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision
from clerk.domain.exempt import paragraphs_of, public_view
from clerk.notices.blocks import Context
from clerk.notices.confidential import marked_view, paragraphs_text
from clerk.notices.pages import PageMeta, build
from clerk.notices.styles import cover
from clerk.notices.text import long_date, period_text

Builder = Callable[[Decision, Context], list[Flowable]]

# kind -> (module in clerk.notices, function): only the module asked for is imported
BUILDERS: dict[str, tuple[str, str]] = {
    "report": ("report", "flowables"),
    "record": ("record", "flowables"),
    "general-exception": ("exception", "general_exception"),
    "exception-reasons": ("exception", "reasons"),
    "urgency": ("urgency", "flowables"),
    "private": ("private", "intention"),
    "private-confirmation": ("private", "confirmation"),
    "private-urgency": ("private", "urgency_reasons"),
    "call-in": ("callin", "flowables"),
    "council": ("council", "flowables"),
    "urgency-report": ("urgency_report", "for_decision"),
}


def builder(kind: str) -> Builder:
    module, function = BUILDERS[kind]
    found: Builder = getattr(import_module(f"clerk.notices.{module}"), function)
    return found


def _prefix(confidential: bool, draft: bool) -> str:
    return ("DRAFT – " if draft else "") + ("CONFIDENTIAL – " if confidential else "")


def notice(kind: str, name: str, decision: Decision, profile: CouncilProfile,
           published_on: date, confidential: bool, draft: bool = False) -> bytes:
    return build(*notice_story(kind, name, decision, profile, published_on, confidential,
                               draft))


def notice_html(kind: str, name: str, decision: Decision, profile: CouncilProfile,
                published_on: date, confidential: bool) -> str:
    """The web page of the notice, from the same story as its PDF."""
    return _html(*notice_story(kind, name, decision, profile, published_on, confidential))


def _html(story: list[Flowable], meta: PageMeta) -> str:
    from clerk.notices.html import to_html

    return to_html(story, title=meta.title,
                   footer=f"{meta.reference}. Published {long_date(meta.published_on)}.")


def notice_story(kind: str, name: str, decision: Decision, profile: CouncilProfile,
                 published_on: date, confidential: bool, draft: bool = False
                 ) -> tuple[list[Flowable], PageMeta]:
    # The one gate: a public notice is built only from the public view; a confidential
    # copy shows the exempt matter with each passage marked.
    shown = marked_view(decision) if confidential else public_view(decision)
    ctx = Context(profile=profile, published_on=published_on, confidential=confidential)
    cover(shown, profile)
    story = builder(kind)(shown, ctx)
    prefix = _prefix(confidential, draft)
    meta = PageMeta(
        council=profile.name,
        notice=f"{prefix}{name}",
        reference=decision.ref,
        published_on=published_on,
        confidential=confidential,
        exempt_under=paragraphs_text(paragraphs_of(decision)) if confidential else "",
        draft=draft,
        title=f"{prefix}{name}: {decision.title} ({decision.ref})",
        subject=f"{name} for {decision.ref}, {decision.title}, published {published_on:%Y-%m-%d}",
    )
    return story, meta


def forward_plan(entries: list[Decision], profile: CouncilProfile, start: date, end: date,
                 published_on: date, draft: bool = False) -> bytes:
    from clerk.notices.forward_plan import PAGE_SIZE

    return build(*plan_story(entries, profile, start, end, published_on, draft), PAGE_SIZE)


def forward_plan_html(entries: list[Decision], profile: CouncilProfile, start: date, end: date,
                      published_on: date) -> str:
    return _html(*plan_story(entries, profile, start, end, published_on))


def plan_story(entries: list[Decision], profile: CouncilProfile, start: date, end: date,
               published_on: date, draft: bool = False) -> tuple[list[Flowable], PageMeta]:
    ctx = Context(profile=profile, published_on=published_on)
    from clerk.notices import forward_plan as plan_notice

    shown = [public_view(d) for d in entries]
    cover(shown, profile)
    story = plan_notice.flowables(shown, ctx, start, end)
    period = period_text(start, end)
    meta = PageMeta(
        council=profile.name,
        notice=f"{_prefix(False, draft)}Forward plan: notice of key decisions",
        reference=f"Forward plan {start.day} {start:%b %Y} – {end.day} {end:%b %Y}",
        published_on=published_on,
        draft=draft,
        title=f"{_prefix(False, draft)}Forward plan: notice of key decisions, {period}",
        subject=f"Key decisions to be taken {period}, published {published_on:%Y-%m-%d}",
    )
    return story, meta


def urgency_report(entries: list[Decision], profile: CouncilProfile, start: date, end: date,
                   published_on: date) -> bytes:
    """Regulation 19's report to Council for a period (see clerk.notices.urgency_report)."""
    return build(*urgency_report_story(entries, profile, start, end, published_on))


def urgency_report_html(entries: list[Decision], profile: CouncilProfile, start: date,
                        end: date, published_on: date) -> str:
    return _html(*urgency_report_story(entries, profile, start, end, published_on))


def urgency_report_story(entries: list[Decision], profile: CouncilProfile, start: date,
                         end: date, published_on: date) -> tuple[list[Flowable], PageMeta]:
    from clerk.notices import urgency_report as report

    ctx = Context(profile=profile, published_on=published_on)
    shown = [public_view(d) for d in entries]
    cover(shown, profile)
    period = period_text(start, end)
    meta = PageMeta(
        council=profile.name,
        notice=report.TITLE,
        reference=f"Special urgency {start.day} {start:%b %Y} – {end.day} {end:%b %Y}",
        published_on=published_on,
        title=f"{report.TITLE}, {period}",
        subject=f"Decisions taken under special urgency {period}, published "
                f"{published_on:%Y-%m-%d}",
    )
    return report.flowables(shown, ctx, start, end), meta
