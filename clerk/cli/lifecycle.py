"""One command per lifecycle step. Each asks the domain to make the move and saves it."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from clerk.cli.common import DATE, DUE, Context, pass_context, split_list
from clerk.cli.common import REF as REF_TYPE
from clerk.domain import lifecycle as L
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
    DecisionMaker,
    Person,
)

REF = click.argument("ref", type=REF_TYPE)


def maker_from_profile(profile: CouncilProfile, name: str, title: str, kind: str) -> DecisionMaker:
    """Fill a decision maker's title and telephone from the council's executive list."""
    for member in profile.executive:
        if member.name.casefold() == name.casefold():
            return DecisionMaker(member.name, title or member.title, kind, member.telephone)
    return DecisionMaker(name, title, kind)


def officer_from_profile(profile: CouncilProfile, name: str, phone: str, email: str) -> Person:
    for officer in profile.officers:
        if officer.name.casefold() == name.casefold():
            return Person(officer.name, officer.title, phone or officer.telephone,
                          email or officer.email)
    return Person(name, "", phone, email)


@click.command()
@click.option("--title", required=True, help="The matter, as the forward plan will print it.")
@click.option("--decision-maker", "maker", required=True,
              help="An executive member's name, 'Cabinet', a committee or an officer.")
@click.option("--maker-title", default="", help="e.g. 'Cabinet Member for Community Services'.")
@click.option("--kind", type=click.Choice(DECISION_MAKER_KINDS), default="member",
              show_default=True)
@click.option("--policy-framework", is_flag=True,
              help="A budget and policy framework item: Full Council makes the final decision.")
@pass_context
def new(ctx: Context, title: str, maker: str, maker_title: str, kind: str,
        policy_framework: bool) -> None:
    """Start a decision; prints its new reference alone.

    Example: clerk new --title "Parking charges 2027/28" --decision-maker "Cllr Marion Ring"
    """
    with ctx.writing() as register:
        today = ctx.today
        who = maker_from_profile(register.council, maker, maker_title, kind)
        decision = L.new_decision(register.next_ref(today.year), title, who, today,
                                  policy_framework)
        register.save(decision, action="decision created")
    click.echo(decision.ref)


@click.command()
@REF
@click.option("--published", type=DATE, help="Date the forward plan carrying it was published.")
@click.option("--summary", help="Summary of the decision to be made.")
@click.option("--due", type=DUE, help="Date (DD/MM/YYYY) or month (MM/YYYY) due.")
@click.option("--contact", help="Lead/contact officer's name (details filled from the profile).")
@click.option("--contact-phone", default="")
@click.option("--contact-email", default="")
@click.option("--consultees")
@click.option("--consultation-method")
@click.option("--document", "documents", multiple=True, help="A document to be submitted.")
@click.option("--documents-from", help="Where copies of the documents can be had.")
@click.option("--wards", help="Comma-separated wards affected.")
@click.option("--all-wards", is_flag=True, default=None, help="It affects all wards.")
@click.option("--parishes", help="Comma-separated parishes affected.")
@click.option("--portfolio")
@click.option("--representations-by", type=DATE, help="Deadline for representations.")
@pass_context
def plan(ctx: Context, ref: str, published: date | None, **options: Any) -> None:
    """Edit the forward plan entry and record its publication (reg 9).

    The date it first appeared is kept for ever; later publications are added to its history.

    Example: clerk plan D2013-001 --published 07/01/2013 --due 02/2013 --contact "Sarah Robson"
    """
    def move(decision: Any, register: Any) -> Any:
        changes = _plan_changes(register.council, options)
        return L.plan(decision, today=ctx.today, published=published, **changes)

    ctx.change(ref, "forward plan entry", move)


def _plan_changes(profile: CouncilProfile, options: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in ("summary", "consultees", "consultation_method", "portfolio"):
        if options[name] is not None:
            changes[name] = options[name]
    if options["due"] is not None:
        due = options["due"]
        changes["due_on"], changes["due_month"] = (due, "") if isinstance(due, date) else (None,
                                                                                           due)
    if options["contact"]:
        changes["contact"] = officer_from_profile(profile, options["contact"],
                                                  options["contact_phone"],
                                                  options["contact_email"])
    if options["documents"]:
        changes["documents"] = list(options["documents"])
    if options["documents_from"] is not None:
        changes["documents_available_from"] = options["documents_from"]
    if options["wards"] is not None:
        changes["wards"] = split_list(options["wards"])
    if options["all_wards"]:
        changes["all_wards"] = True
    if options["parishes"] is not None:
        changes["parishes"] = split_list(options["parishes"])
    if options["representations_by"] is not None:
        changes["representations_deadline"] = options["representations_by"]
    return changes


@click.command()
@REF
@click.option("--reason", default="", help="Why it is key: 'This is a Key Decision because ...'")
@click.option("--not-key", is_flag=True, help="Record that it is not a key decision.")
@click.option("--amount", type=click.IntRange(min=0), help="Expenditure or savings, in pounds.")
@click.option("--wards", "wards_affected", type=click.IntRange(min=0),
              help="Number of wards significantly affected.")
@click.option("--category", "categories", multiple=True, help="e.g. 'Fees and charges'.")
@pass_context
def key(ctx: Context, ref: str, reason: str, not_key: bool, amount: int | None,
        wards_affected: int | None, categories: tuple[str, ...]) -> None:
    """Confirm whether it is a key decision, and why (reg 8).

    Without --reason, clerk says what the council's rules suggest.

    Example: clerk key D2013-001 --amount 310000 --reason "it involves £310,000"
    """
    def move(decision: Any, register: Any) -> Any:
        return L.set_key(decision, register.council, is_key=not not_key, reason=reason,
                         amount_pounds=amount, wards_affected=wards_affected,
                         categories=list(categories) or None)

    ctx.change(ref, "key decision " + ("cleared" if not_key else "confirmed"), move)


@click.command()
@REF
@click.option("--from", "author", required=True, help="Who made the comment.")
@click.option("--text", required=True, help="What they said.")
@click.option("--on", "received_on", type=DATE, help="Date received (default today).")
@click.option("--organisation", default="", help="Organisation or parish.")
@click.option("--channel", type=click.Choice(COMMENT_CHANNELS), default="email",
              show_default=True)
@click.option("--response", default="", help="The council's response.")
@pass_context
def comment(ctx: Context, ref: str, author: str, text: str, received_on: date | None,
            organisation: str, channel: str, response: str) -> None:
    """Record a comment (representation) or a scrutiny recommendation.

    Example: clerk comment D2013-001 --from "Ann Price" --text "Please consider..." --on 01/02/2013
    """
    when = received_on or ctx.today
    note = Comment(author, organisation, when, channel, text, response)
    ctx.change(ref, "comment added", lambda d, r: L.add_comment(d, note, today=ctx.today))


@click.command()
@REF
@click.option("--comment", "number", type=click.IntRange(min=1), required=True,
              help="Which comment, counting from 1 as `clerk show` and the app list them.")
@click.option("--response", required=True, help="The council's response to it.")
@pass_context
def respond(ctx: Context, ref: str, number: int, response: str) -> None:
    """Record the council's response to one comment, replacing any earlier response.

    Example: clerk respond D2013-001 --comment 2 --response "The plan now covers Fant ward."
    """
    ctx.change(ref, f"response to comment {number}",
               lambda d, r: L.respond_to_comment(d, number - 1, response))


@click.command()
@REF
@click.option("--opens", type=DATE)
@click.option("--closes", type=DATE)
@click.option("--no-comments", is_flag=True, help="Record that no comments were received.")
@pass_context
def consultation(ctx: Context, ref: str, opens: date | None, closes: date | None,
                 no_comments: bool) -> None:
    """Record the consultation window, and that no comments came if none did."""
    ctx.change(ref, "consultation", lambda d, r: L.set_consultation(
        d, opens_on=opens, closes_on=closes, no_comments_received=no_comments))


@click.command()
@REF
@click.option("--notice-published", type=DATE, required=True)
@click.option("--reasons", required=True, help="Why 28 days' notice is impracticable.")
@click.option("--chair-informed", type=DATE, help="When the scrutiny chair was told (default: "
              "the notice date).")
@click.option("--reasons-notice", type=DATE, help="When the reasons notice was published.")
@pass_context
def exception(ctx: Context, ref: str, notice_published: date, reasons: str,
              chair_informed: date | None, reasons_notice: date | None) -> None:
    """Record a general exception (reg 10): decision 5 clear days after the notice."""
    ctx.change(ref, "general exception", lambda d, r: L.general_exception(
        d, today=ctx.today, notice_published=notice_published, reasons=reasons,
        chair_informed_on=chair_informed, reasons_notice_published=reasons_notice))


@click.command()
@REF
@click.option("--agreed-by", required=True)
@click.option("--role", type=click.Choice(URGENCY_ROLES), required=True)
@click.option("--agreed-on", type=DATE, required=True)
@click.option("--reasons", required=True)
@click.option("--notice-published", type=DATE)
@pass_context
def urgency(ctx: Context, ref: str, agreed_by: str, role: str, agreed_on: date, reasons: str,
            notice_published: date | None) -> None:
    """Record special urgency (reg 11): who agreed, in which role, when and why."""
    ctx.change(ref, "special urgency", lambda d, r: L.special_urgency(
        d, today=ctx.today, agreed_by=agreed_by, role=role, agreed_on=agreed_on,
        reasons=reasons, notice_published=notice_published))


@click.command()
@REF
@click.option("--paragraph", "paragraphs", type=click.IntRange(1, 7), multiple=True,
              required=True, help="Schedule 12A Part 1 paragraph (1-7); repeat for more.")
@click.option("--public-interest", required=True, help="The public interest test reasoning.")
@click.option("--exempt-text", default="", help="The exempt matter itself (never published).")
@click.option("--exempt-field", "exempt_fields", multiple=True,
              help="A report/record field whose content is exempt, e.g. report.implications."
              "financial.")
@click.option("--intention", type=DATE, help="28-day notice of intention published.")
@click.option("--confirmation", type=DATE, help="5-day confirmation notice published.")
@click.option("--representations", default="", help="Representations about meeting in private.")
@click.option("--response", default="", help="The council's response to them.")
@pass_context
def private(ctx: Context, ref: str, paragraphs: tuple[int, ...], public_interest: str,
            exempt_text: str, exempt_fields: tuple[str, ...], intention: date | None,
            confirmation: date | None, representations: str, response: str) -> None:
    """Record that it will be considered in private (reg 5, Schedule 12A)."""
    ctx.change(ref, "private consideration", lambda d, r: L.set_private(
        d, paragraphs=list(paragraphs), public_interest=public_interest,
        exempt_information=exempt_text, exempt_fields=list(exempt_fields) or None,
        intention_published=intention, confirmation_published=confirmation,
        representations=representations, response=response))


_SECTIONS = ("key_issue", "recommendation", "recommended_by", "reasons", "alternatives",
             "corporate_objectives", "risk_management", "conclusions", "prepared_by")


@click.command()
@REF
@click.option("--key-issue")
@click.option("--recommendation")
@click.option("--recommended-by", help="Whose recommendation, e.g. 'Head of Housing'.")
@click.option("--reasons")
@click.option("--alternatives", help="Alternative action and why not recommended.")
@click.option("--corporate-objectives")
@click.option("--risk-management")
@click.option("--conclusions")
@click.option("--prepared-by")
@click.option("--issued", type=DATE)
@click.option("--implication", "implications", multiple=True, metavar="HEADING=TEXT",
              help=f"One of: {', '.join(k for k, _ in IMPLICATIONS)}.")
@click.option("--appendix", "appendices", multiple=True)
@click.option("--background", "background", multiple=True)
@pass_context
def report(ctx: Context, ref: str, issued: date | None, implications: tuple[str, ...],
           appendices: tuple[str, ...], background: tuple[str, ...], **sections: Any) -> None:
    """Write the sections of the decision report.

    Example: clerk report D2013-001 --key-issue "..." --implication "financial=£45,000 grant"
    """
    changes: dict[str, Any] = {k: v for k, v in sections.items() if v is not None}
    if issued:
        changes["issued_on"] = issued
    if appendices:
        changes["appendices"] = list(appendices)
    if background:
        changes["background_documents"] = list(background)
    if implications:
        pairs = {}
        for item in implications:
            heading, sep, text = item.partition("=")
            if not sep:
                raise click.BadParameter(f"{item!r}: write HEADING=TEXT.",
                                         param_hint="--implication")
            pairs[heading.strip()] = text.strip()
        changes["implications"] = pairs
    ctx.change(ref, "report edited", lambda d, r: L.update_report(d, **changes))


@click.command()
@REF
@click.option("--on", "decided_on", type=DATE, required=True, help="Date of the decision.")
@click.option("--decision", "text", required=True, help="The decision made.")
@click.option("--reasons", required=True)
@click.option("--alternatives", required=True, help="Alternatives considered and rejected.")
@click.option("--no-conflicts", is_flag=True, help="No conflict of interest was declared.")
@click.option("--conflict", "conflicts", multiple=True, metavar="MEMBER: INTEREST",
              help="A conflict declared; repeat for more.")
@click.option("--dispensation", "dispensations", multiple=True,
              help="The dispensation for the conflict in the same position.")
@click.option("--background", multiple=True, help="A background paper.")
@pass_context
def decide(ctx: Context, ref: str, decided_on: date, text: str, reasons: str,
           alternatives: str, no_conflicts: bool, conflicts: tuple[str, ...],
           dispensations: tuple[str, ...], background: tuple[str, ...]) -> None:
    """Record the decision (reg 13): refused until every element is there and it is lawful.

    Example: clerk decide D2013-001 --on 15/02/2013 --decision "..." --reasons "..."
    --alternatives "..." --no-conflicts
    """
    if not no_conflicts and not conflicts:
        raise click.UsageError("Say whether any conflict of interest was declared: "
                               "--no-conflicts, or --conflict \"MEMBER: INTEREST\".")
    if len(dispensations) > len(conflicts):
        raise click.UsageError("There are more --dispensation than --conflict options.")
    declared = []
    for index, item in enumerate(conflicts):
        member, _, interest = item.partition(":")
        dispensation = dispensations[index] if index < len(dispensations) else ""
        declared.append(Conflict(member.strip(), interest.strip(), dispensation))
    ctx.change(ref, "decision recorded", lambda d, r: L.decide(
        d, r.council, today=ctx.today, decided_on=decided_on, text=text, reasons=reasons,
        alternatives=alternatives, no_conflicts=no_conflicts, conflicts=declared,
        background_papers=list(background)))


@click.command()
@REF
@click.option("--on", "published_on", type=DATE, required=True)
@pass_context
def publish(ctx: Context, ref: str, published_on: date) -> None:
    """Record the publication of the record of decision; call-in starts the next day."""
    ctx.change(ref, "record published", lambda d, r: L.publish_record(
        d, today=ctx.today, published_on=published_on))


@click.command("call-in")
@REF
@click.option("--received", type=DATE, required=True)
@click.option("--members", required=True, help="Comma-separated members who signed.")
@click.option("--grounds", required=True)
@pass_context
def call_in(ctx: Context, ref: str, received: date, members: str, grounds: str) -> None:
    """Record a call-in request: refused if late, short of signatures or exempt."""
    ctx.change(ref, "call-in received", lambda d, r: L.call_in(
        d, r.council, today=ctx.today, received_on=received, members=split_list(members),
        grounds=grounds))


@click.command("call-in-outcome")
@REF
@click.option("--outcome", type=click.Choice(CALL_IN_OUTCOMES), required=True)
@click.option("--on", "decided_on", type=DATE, required=True)
@pass_context
def call_in_outcome(ctx: Context, ref: str, outcome: str, decided_on: date) -> None:
    """Record what scrutiny decided about a call-in."""
    ctx.change(ref, "call-in outcome", lambda d, r: L.call_in_outcome(
        d, today=ctx.today, outcome=outcome, decided_on=decided_on))


@click.command("exempt-call-in")
@REF
@click.option("--consent", required=True, help="Who consented to the urgent exemption, and why.")
@pass_context
def exempt_call_in(ctx: Context, ref: str, consent: str) -> None:
    """Record that an urgent decision is exempt from call-in, with the consent."""
    ctx.change(ref, "exempt from call-in", lambda d, r: L.exempt_from_call_in(d, consent=consent))


@click.command()
@REF
@click.option("--on", "implemented_on", type=DATE, required=True)
@pass_context
def implement(ctx: Context, ref: str, implemented_on: date) -> None:
    """Mark it implemented: refused during call-in, while a call-in is open, or before Council
    endorses a policy framework item."""
    ctx.change(ref, "implemented", lambda d, r: L.implement(
        d, r.council, today=ctx.today, implemented_on=implemented_on))


@click.command()
@REF
@click.option("--meeting", type=DATE, required=True, help="The Full Council meeting date.")
@pass_context
def refer(ctx: Context, ref: str, meeting: date) -> None:
    """Refer the executive's recommendation to Full Council."""
    ctx.change(ref, "referred to Council", lambda d, r: L.refer(d, meeting_on=meeting))


@click.command()
@REF
@click.option("--outcome", type=click.Choice(COUNCIL_OUTCOMES), required=True)
@click.option("--on", "decided_on", type=DATE, required=True)
@click.option("--minute", default="", help="The minute reference.")
@pass_context
def council(ctx: Context, ref: str, outcome: str, decided_on: date, minute: str) -> None:
    """Record Full Council's outcome: endorsed, amended, not-endorsed or deferred."""
    ctx.change(ref, "Council outcome", lambda d, r: L.council_outcome(
        d, today=ctx.today, outcome=outcome, decided_on=decided_on, minute=minute))


COMMANDS = [new, plan, key, comment, respond, consultation, exception, urgency, private, report,
            decide, publish, call_in, call_in_outcome, exempt_call_in, implement, refer, council]
