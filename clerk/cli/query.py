"""Read-only commands: they take no lock, so they work while the app has the register open."""

from __future__ import annotations

from datetime import date
from typing import Any

import click
import orjson

from clerk.cli.common import DATE, REF, Context, pass_context
from clerk.domain import rules
from clerk.domain.calendar import Dated, fmt_date
from clerk.domain.decision import Decision
from clerk.domain.lifecycle import STAGE_NAMES, stage, stage_label, stage_of_raw


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _dated(dated: Dated | None) -> dict[str, str] | None:
    return {"date": dated.iso(), "working": dated.working} if dated else None


def summary(decision: Decision, profile: Any, today: date) -> dict[str, Any]:
    """What `show --json` prints: the contract other tools rely on."""
    check = rules.check(decision, profile, today)
    record = decision.record
    return {
        "ref": decision.ref,
        "title": decision.title,
        "stage": stage(decision),
        "decision_maker": decision.decision_maker.describe(),
        "key_decision": decision.key.is_key,
        "key_reason": decision.key.reason,
        "first_published": _iso(decision.plan.first_published),
        "earliest_decision": check.earliest_decision.iso() if check.earliest_decision else None,
        "decided_on": _iso(record.decided_on) if record else None,
        "record_published": _iso(record.published_on) if record else None,
        "call_in_expires": check.call_in_expires.iso() if check.call_in_expires else None,
        "implemented_on": _iso(decision.implemented_on),
        "council_meeting": _iso(decision.referral.meeting_on),
        "council_outcome": decision.referral.outcome or None,
        "comments": [c for c in decision.to_dict()["comments"]],
        "dates": [{"label": label, **(_dated(d) or {})} for label, d in check.dates],
        "problems": check.problems,
        "private": decision.private is not None,
        "next": _next(decision, profile, today),
    }


def _next(decision: Decision, profile: Any, today: date) -> dict[str, Any]:
    """The domain's one answer to what happens next (as the app's status line says)."""
    from clerk.domain.steps import Ctx
    from clerk.domain.steps.next import whats_next

    found = whats_next(decision, Ctx(profile, today))
    return {"step": found.step or None, "words": found.words, "on": _iso(found.on),
            "blocked": found.blocked or None}


@click.command()
@click.argument("ref", type=REF)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_context
def show(ctx: Context, ref: str, as_json: bool) -> None:
    """Show a decision: its stage, every legal date with its working, and what is missing."""
    decision, council = ctx.read_one(ref)
    facts = summary(decision, council, ctx.today)
    if as_json:
        click.echo(orjson.dumps(facts, option=orjson.OPT_INDENT_2).decode())
        return
    click.echo(f"{facts['ref']}  {facts['title']}")
    click.echo(f"  Decision maker: {facts['decision_maker']}")
    click.echo(f"  Stage: {stage_label(facts['stage'])}")
    key = {True: "Yes", False: "No", None: "Not yet confirmed"}[facts["key_decision"]]
    click.echo(f"  Key decision: {key}" + (f" ({facts['key_reason']})" if facts["key_reason"]
                                            else ""))
    for item in facts["dates"]:
        click.echo(f"  {item['label']}: {item['working']}")
    click.echo(f"  Next: {facts['next']['words']}"
               + (f" ({facts['next']['blocked']})" if facts["next"]["blocked"] else ""))
    click.echo(f"  Comments: {len(facts['comments'])}")
    for problem in facts["problems"]:
        click.echo(f"  ! {problem}")


@click.command("list")
@click.option("--stage", "only", type=click.Choice(STAGE_NAMES), help="Only this stage.")
@click.option("--json", "as_json", is_flag=True)
@pass_context
def list_(ctx: Context, only: str | None, as_json: bool) -> None:
    """List the decisions in the register, optionally of one stage."""
    rows = []
    with ctx.reading() as register:
        for ref, doc in register.raw_items():
            current = stage_of_raw(doc)
            if only and current != only:
                continue
            rows.append({"ref": ref, "title": doc["title"], "stage": current,
                         "key_decision": doc["key"]["is_key"],
                         "decision_maker": doc["decision_maker"]["name"]})
    if as_json:
        click.echo(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        return
    for row in rows:
        key = {True: "key", False: "   ", None: "?  "}[row["key_decision"]]
        click.echo(f"{row['ref']:<12} {row['stage']:<16} {key} {row['title']}")
    if not rows:
        click.echo("No decisions." if not only else f"No decisions at stage {only}.", err=True)


@click.command()
@click.argument("published", type=DATE)
@click.option("--json", "as_json", is_flag=True)
@pass_context
def dates(ctx: Context, published: date, as_json: bool) -> None:
    """The dates that follow from a notice published on DATE, under the register's profile.

    Example: clerk dates 07/01/2013
    """
    with ctx.reading() as register:
        profile = register.council
    found = rules.dates_after_notice(published, profile)
    facts: dict[str, Any] = {"published": published.isoformat(),
                             **{name: _dated(dated) for name, dated in found.items()}}
    if as_json:
        click.echo(orjson.dumps(facts, option=orjson.OPT_INDENT_2).decode())
        return
    click.echo(f"For a notice published {fmt_date(published)} under {profile.name}:")
    for name, label in rules.DATES_AFTER_NOTICE:
        click.echo(f"  {label}: {found[name].working}")


@click.command()
@click.argument("ref", type=REF)
@pass_context
def history(ctx: Context, ref: str) -> None:
    """Every change to a decision, from the journal, oldest first."""
    from clerk.domain.corrections import explained

    with ctx.reading() as register:
        decision = register.get(ref)
        entries = register.history(ref)
        for entry, text in zip(entries, explained([e.action for e in entries], decision),
                               strict=True):
            click.echo(f"{entry.seq:>6}  {entry.at}  {text}")


COMMANDS = [show, list_, dates, history]
