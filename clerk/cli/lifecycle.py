"""One command per lifecycle step, generated from the step's definition in `clerk.domain.steps`.

Each command's options are the step's fields (their labels as help, their choices as the
accepted values), its refusal is the step's gate and its journal action the step's. What is
written here is only command-line syntax the form has no need of: `--due` taking a date or
a month, `--not-key`, `--conflict "MEMBER: INTEREST"`, `--implication HEADING=TEXT`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from clerk.cli.common import DUE, REF, Context
from clerk.domain import steps
from clerk.domain.decision import IMPLICATIONS, Decision
from clerk.domain.steps import NO_FLAG, Field, Step, Values

Adapt = Callable[[dict[str, Any], Values], None]  # CLI-only options -> field values

EXAMPLES = {
    "new": 'clerk new --title "Parking charges 2027/28" --decision-maker "Cllr Marion Ring"',
    "plan": 'clerk plan D2013-001 --published 07/01/2013 --due 02/2013 --contact "Sarah Robson"',
    "key": 'clerk key D2013-001 --amount 310000 --reason "it involves £310,000"',
    "comment": 'clerk comment D2013-001 --from "Ann Price" --text "Please consider..." '
               "--on 01/02/2013",
    "respond": 'clerk respond D2013-001 --comment 2 --response "The plan now covers Fant ward."',
    "report": 'clerk report D2013-001 --key-issue "..." --implication "financial=£45,000 grant"',
    "decide": 'clerk decide D2013-001 --on 15/02/2013 --decision "..." --reasons "..." '
              '--alternatives "..." --no-conflicts',
    "details": 'clerk details D2013-001 --title "Parking charges 2027/28" --decision-maker '
               '"Cabinet" --kind cabinet',
    "review-key": "clerk review-key D2013-001",
    "scrutiny-key-view": 'clerk scrutiny-key-view D2013-001 --on 01/03/2013 --committee '
                         '"Overview and Scrutiny" --view "It affects two wards significantly"',
    "key-view-report": "clerk key-view-report D2013-001 --on 20/03/2013",
    "private-urgency": 'clerk private-urgency D2013-001 --agreed-by "Cllr Ann Lee" --role '
                       'chairman --agreed-on 04/02/2013 --reasons "..." --earlier-unable '
                       '"The scrutiny chair declared an interest"',
    "reasons-notice": "clerk reasons-notice D2013-001 --route special-urgency --on 05/02/2013",
    "call-in": 'clerk call-in D2013-001 --received 25/02/2013 --received-time 16:45 '
               '--members "Cllr Ash, Cllr Bell, Cllr Cox" --grounds "..."',
    "correct": 'clerk correct D2013-001 --field plan.contact.telephone --to "01622 602827" '
               '--reason "digits transposed"',
}


class FieldType(click.ParamType):
    """Typed text read exactly as the app's form reads it (`Field.parse`)."""

    def __init__(self, field: Field, one: bool = False) -> None:
        # an option given blank reaches the step, which says what is missing in its words
        self.field = dataclasses.replace(field, required=False)
        self.one = one  # one item of a repeated list option
        self.name = {"date": "DATE", "month": "MM/YYYY", "int": "N", "ints": "N"}.get(
            field.kind, "TEXT")

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        if self.one and self.field.kind == "list":  # one item, kept exactly as given
            return value
        try:
            parsed = self.field.parse(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)
        return parsed[0] if self.one and isinstance(parsed, list) and parsed else parsed


def option_for(field: Field) -> click.Option:
    """A field as a command-line option: its label and help, its choices in words."""
    text = field.label + (f". {field.help}" if field.help else "")
    if field.required:
        text += " (required)"
    if field.kind == "bool":
        return click.Option([field.option, field.name], is_flag=True, default=None, help=text)
    if field.kind == "choice":  # a choice of "" is the option left out
        given = [c for c in field.choices if c.value]
        words = "; ".join(f"{c.value} = {c.words}" for c in given if c.value != c.words)
        return click.Option([field.option, field.name],
                            type=click.Choice([c.value for c in given]),
                            help=text.rstrip(".") + (f". {words}." if words else ""))
    if field.kind == "many":
        words = "; ".join(f"{c.value} = {c.words}" for c in field.choices)
        return click.Option([field.option, field.name], type=click.Choice(field.values),
                            multiple=True, help=f"{text} (repeat for more): {words}.")
    if field.repeat:
        return click.Option([field.option, field.name], type=FieldType(field, one=True),
                            multiple=True, help=text + " (repeat for more)")
    return click.Option([field.option, field.name], type=FieldType(field), help=text)


def given_values(step: Step, given: dict[str, Any]) -> Values:
    """The options typed: a flag or option left out leaves the recorded value as it is."""
    out = {}
    for field in step.fields:
        value = given.get(field.name)
        if value is None or (field.repeat and value == ()):
            continue
        out[field.name] = list(value) if field.repeat else value
    return out


def run(step_id: str, ref: str | None, given: Values) -> Decision:
    """Take the step on `ref` (a new decision when None) and save it with the step's action."""
    ctx: Context = click.get_current_context().find_object(Context)  # type: ignore[assignment]
    step = steps.STEPS[step_id]
    with ctx.writing() as register:
        today = ctx.today
        rules = steps.Ctx(register.council, today)
        decision = register.get(ref) if ref else Decision(ref=register.next_ref(today.year))
        values = step.start(decision, rules, suggest=False) | given
        refused = steps.refusal(step_id, decision, rules)  # why not now, before what is missing
        if refused is not None:
            raise refused
        for field in step.fields:
            if field.required and field.kind != "bool" and values.get(field.name) in (
                    None, "", []):
                shown = field.option if field.flag != NO_FLAG else field.label
                raise click.UsageError(f"Missing option '{shown}' ({field.label}).")
        changed = steps.take(step_id, decision, values, rules)
        register.save(changed, action=step.action_for(values))
    return changed


def command(step_id: str, extra: tuple[click.Option, ...] = (), adapt: Adapt | None = None,
            with_ref: bool = True) -> click.Command:
    step = steps.STEPS[step_id]
    params: list[click.Parameter] = [click.Argument(["ref"], type=REF)] if with_ref else []
    params += [option_for(f) for f in step.fields if f.flag != NO_FLAG]
    params += list(extra)

    def callback(ref: str | None = None, **options: Any) -> None:
        given = given_values(step, options)
        if adapt is not None:
            adapt(options, given)
        changed = run(step_id, ref, given)
        if not with_ref:
            click.echo(changed.ref)

    example = f"\n\nExample: {EXAMPLES[step_id]}" if step_id in EXAMPLES else ""
    return click.Command(step.command_name, params=params, callback=callback,
                         help=step.help + example, short_help=step.help.split(":")[0])


# ---- command-line syntax the forms do not need ------------------------------------------


def _plan(options: dict[str, Any], given: Values) -> None:
    due = options.get("due")
    if due is not None:
        given["due_on"], given["due_month"] = (due, "") if isinstance(due, date) else (None, due)
    if options.get("contact_name"):  # another officer: their details come from the profile
        for name in ("contact_title", "contact_telephone", "contact_email"):
            given.setdefault(name, "")


def _key(options: dict[str, Any], given: Values) -> None:
    given["is_key"] = "no" if options.get("not_key") else "yes"


def _decide(options: dict[str, Any], given: Values) -> None:
    conflicts, dispensations = options["conflict"], options["dispensation"]
    if len(dispensations) > len(conflicts):
        raise click.UsageError("There are more --dispensation than --conflict options.")
    lines = []
    for index, item in enumerate(conflicts):
        member, _, interest = item.partition(":")
        dispensation = dispensations[index] if index < len(dispensations) else ""
        lines.append(f"{member.strip()} | {interest.strip()} | {dispensation}")
    if lines:
        given["conflicts"] = "\n".join(lines)


def _report(options: dict[str, Any], given: Values) -> None:
    headings = {key for key, _ in IMPLICATIONS}
    for item in options["implication"]:
        heading, sep, text = item.partition("=")
        if not sep or heading.strip() not in headings:
            raise click.BadParameter(f"{item!r}: write HEADING=TEXT, the heading one of "
                                     f"{', '.join(sorted(headings))}.",
                                     param_hint="--implication")
        given[f"impl_{heading.strip()}"] = text.strip()


new = command("new", with_ref=False)
plan = command("plan", (click.Option(["--due"], type=DUE, help="Date (DD/MM/YYYY) or month "
                                     "(MM/YYYY) the decision is due."),), _plan)
key = command("key", (click.Option(["--not-key"], is_flag=True,
                                   help="Record that it is not a key decision."),), _key)
comment = command("comment")
respond = command("respond")
consultation = command("consultation")
exception = command("exception")
urgency = command("urgency")
private = command("private")
report = command("report", (click.Option(
    ["--implication"], multiple=True, metavar="HEADING=TEXT",
    help=f"One of: {', '.join(k for k, _ in IMPLICATIONS)}."),), _report)
decide = command("decide", (
    click.Option(["--conflict"], multiple=True, metavar="MEMBER: INTEREST",
                 help="A conflict declared; repeat for more."),
    click.Option(["--dispensation"], multiple=True,
                 help="The dispensation for the conflict in the same position.")), _decide)
publish = command("publish")
call_in = command("call-in")
call_in_outcome = command("call-in-outcome")
exempt_call_in = command("exempt")
implement = command("implement")
refer = command("refer")
council = command("council")
correct = command("correct")
details = command("details")
review_key = command("review-key")
scrutiny_key_view = command("scrutiny-key-view")
key_view_report = command("key-view-report")
private_urgency = command("private-urgency")
reasons_notice = command("reasons-notice")

COMMANDS = [new, plan, key, comment, respond, consultation, exception, urgency, private, report,
            decide, publish, call_in, call_in_outcome, exempt_call_in, implement, refer, council,
            correct, details, review_key, scrutiny_key_view, key_view_report, private_urgency,
            reasons_notice]
