"""Parity: every step from every stage, through the command line (CliRunner) and through the
app's form path (`StepForm`, the text typed read as the form reads it), refuses the same
moves with the same words and, when allowed, writes the same journal entry: the same
action and the same resulting decision.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from clerk.cli import cli
from clerk.domain import steps
from clerk.domain.council import CouncilProfile, load_profile
from clerk.domain.decision import Decision
from clerk.domain.guards import Refused
from clerk.paths import default_council_path
from clerk.store.register import Register
from clerk.tui.factory import make_app
from clerk.tui.screens.flow import StepForm
from clerk.tui.screens.forms.fields import parse, to_text
from tests.domain.stages import REF, STAGES

PROFILE = load_profile(default_council_path())


TODAY = "{today}"
# What the clerk types in each step's fields (the form) and gives as options (the CLI).
TYPED: dict[str, dict[str, Any]] = {
    "plan": {"summary": "Approve the CSP plan", "due_month": "02/2013", "published": TODAY,
             "contact_name": "Sarah Robson", "contact_title": "", "contact_telephone": "",
             "contact_email": ""},
    "key": {"is_key": "yes", "reason": "it is a plan in the policy framework",
            "categories": "Plans and strategies"},
    "comment": {"author": "Bob Hill", "received_on": TODAY, "channel": "letter",
                "text": "Please add a PCC section"},
    "respond": {"response": "Added in section 4."},
    "consultation": {"opens_on": "07/01/2013", "closes_on": "01/02/2013"},
    "exception": {"chair_informed_on": TODAY, "notice_published": TODAY,
                  "reasons": "The grant deadline"},
    "urgency": {"agreed_by": "Cllr Chair", "role": "scrutiny-chair", "agreed_on": TODAY,
                "reasons": "It cannot wait"},
    "private": {"paragraphs": "3", "public_interest": "Commercial terms",
                "intention_published": TODAY},
    "report": {"key_issue": "Adopt the plan", "recommendation": "Adopt it"},
    "decide": {"decided_on": TODAY, "text": "Approve the plan", "reasons": "Best value",
               "alternatives": "Do nothing: rejected", "no_conflicts": True},
    "publish": {"published_on": TODAY},
    "call-in": {"received_on": TODAY, "members": "Cllr Ash, Cllr Bell, Cllr Cox",
                "grounds": "Consultation too short"},
    "call-in-outcome": {"outcome": "no-further-action", "decided_on": TODAY},
    "exempt": {"consent": "Chair of scrutiny: urgent repair"},
    "implement": {"implemented_on": TODAY},
    "refer": {"meeting_on": "06/03/2013"},
    "council": {"outcome": "amended", "decided_on": TODAY, "minute": "Minute 97"},
    "correct": {"field": "plan.contact.telephone", "to": "01622 602999",
                "reason": "digits transposed"},
    "review-key": {},
    "private-urgency": {"agreed_by": "Cllr Ann Lee", "role": "chairman", "agreed_on": TODAY,
                        "reasons": "The landlord's offer lapses",
                        "earlier_unable": "The scrutiny chair declared an interest"},
    "reasons-notice": {"published_on": TODAY},  # the route still missing is the start
    "scrutiny-key-view": {"raised_on": TODAY, "committee": "Overview and Scrutiny",
                          "view": "It affects two wards significantly"},
    "key-view-report": {"reported_on": TODAY},
    "details": {"title": "CSP Plan 2013-2018", "maker_name": "Cabinet", "maker_title": "",
                "maker_kind": "cabinet", "maker_telephone": "", "policy_framework": True},
}
FIXED = {"respond": {"comment": 1}}
CLI_STEPS = [s for s in steps.STEPS if s != "new"]  # every step taken on a decision


def _typed(step_id: str, today: date) -> dict[str, Any]:
    return {k: today.strftime("%d/%m/%Y") if v == TODAY else v
            for k, v in TYPED[step_id].items()}


def _cli_args(step_id: str, typed: dict[str, Any]) -> list[str]:
    step = steps.STEPS[step_id]
    args = [step.command_name or step_id, REF]
    for name, text in {**typed, **{k: str(v) for k, v in FIXED.get(step_id, {}).items()}
                       }.items():
        field = step.field(name)
        if field.kind == "bool":
            args += [field.option] if text else []
        elif name == "due_month":
            args += ["--due", text]
        elif name == "is_key":
            args += ["--not-key"] if text == "no" else []
        elif field.repeat:
            for item in parse(field, text):
                args += [field.option, str(item)]
        else:
            args += [field.option, text]
    return args


def _through_cli(tmp: Path, decision: Decision, step_id: str, typed: dict[str, Any],
                 today: date) -> tuple[str | None, dict[str, Any], str]:
    db = tmp / "cli.json"
    runner = CliRunner()
    env = {"CLERK_TODAY": today.isoformat(), "CLERK_DB": ""}
    assert runner.invoke(cli, ["--db", str(db), "init"], env=env).exit_code == 0
    with Register.open(db, write=True) as register:
        register.save(decision, action="set up")
    result = runner.invoke(cli, ["--db", str(db), *_cli_args(step_id, typed)], env=env)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        step_id, result.exception)
    with Register.open(db, write=False) as register:
        doc, action = register.get_raw(REF), register.history(REF)[-1].action
    if result.exit_code != 0:
        assert len(errors) == 1, result.stderr
        return errors[0].removeprefix("Error: "), doc, action
    return None, doc, action


def _through_form(tmp: Path, decision: Decision, step_id: str, typed: dict[str, Any],
                  today: date) -> tuple[str | None, dict[str, Any], str]:
    register = Register.in_memory(PROFILE)
    register.save(decision, action="set up")
    app = make_app(register, today=today, config_dir=tmp / "config", output_dir=tmp / "out",
                   environ={})
    form = StepForm(app, decision, step_id, fixed=FIXED.get(step_id))
    if form.refused:
        return form.refused, register.get_raw(REF), register.history(REF)[-1].action
    values = {}
    for field in form.fields:  # what each widget holds, read as FormScreen.values() reads it
        start = form.start.get(field.name)
        raw = typed.get(field.name, start if field.kind in ("bool", "choice", "many")
                        else to_text(field, start))
        values[field.name] = parse(field, raw)
    try:
        changed = form.submit(values)
    except Refused as refused:
        return str(refused), register.get_raw(REF), register.history(REF)[-1].action
    assert app.save(changed, form.action)
    return None, register.get_raw(REF), register.history(REF)[-1].action


@pytest.mark.parametrize(("stage", "build", "today"), STAGES, ids=[s[0] for s in STAGES])
def test_every_step_from_this_stage_is_the_same_through_both_front_ends(
        tmp_path: Path, stage: str, build: Callable[[CouncilProfile], Decision],
        today: date) -> None:
    decision = build(PROFILE)
    allowed = 0
    for step_id in CLI_STEPS:
        typed = _typed(step_id, today)
        where = tmp_path / step_id
        where.mkdir()
        cli_refusal, cli_doc, cli_action = _through_cli(where, decision, step_id, typed, today)
        app_refusal, app_doc, app_action = _through_form(where, decision, step_id, typed, today)
        assert cli_refusal == app_refusal, (stage, step_id)
        assert cli_action == app_action, (stage, step_id)
        assert cli_doc == app_doc, (stage, step_id)
        allowed += cli_refusal is None
    assert allowed, f"no step could be taken from {stage}: the samples are not exercising it"


def test_every_step_is_taken_from_some_stage() -> None:
    """So the parity above saves each step with its typed values through both front ends,
    not only refuses it."""
    never = set(CLI_STEPS)
    for _, build, today in STAGES:
        decision, ctx = build(PROFILE), steps.Ctx(PROFILE, today)
        for step_id in sorted(never):
            step = steps.STEPS[step_id]
            typed = {k: parse(step.field(k), v) for k, v in _typed(step_id, today).items()}
            try:
                steps.take(step_id, decision, step.start(decision, ctx) | typed
                           | FIXED.get(step_id, {}), ctx)
            except Refused:
                continue
            never.discard(step_id)
    assert not never
