"""Whatever a clerk or an import file types: accepted and kept exactly, or refused with one
clear line; never a traceback, never a changed register after a refusal.

Every command that takes text, a date or a reference is driven through click with awkward
values: impossible and far-off dates, empty and enormous text, control characters,
right-to-left overrides, combining marks, markup, Welsh, emoji, undecodable argv bytes.
Each example runs on a fresh copy of one template register.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.cli import cli
from clerk.store import Register
from tests.faults.conftest import files_of

TODAY = "2013-03-01"
# Where a PDF goes: a file in the example's own folder. Never /dev/null: a notice is written
# by replacing its target, and a test run as root would replace the device for everyone.
OUT = "@OUT@"
REF = "D2013-010"  # a new decision in the template, open to every early step

AWKWARD_TEXT = [
    "", " ", "  padded  ", "x" * 100_000, "<Draft> & Savings", "<b>bold</b> &amp; <br/>",
    "\u202eevil\u202c reversed", "e\u0301\u0308 combining", "Cyngor ŵŷ Gwynedd", "🏛️📜 emoji",
    "a\x00b", "bell\x07", "esc\x1b[31m", "del\x7f", "line\nbreak\ttab\rreturn", "\u2028\u2029",
    "argv byte \udcff", "'; DROP TABLE decisions;--", "{0} %s %n ${x}", "-", "--title",
    "\ufeffBOM", "\u200bzero\u200dwidth", "Ω" * 5000,
]
AWKWARD_DATES = [
    "31/02/2013", "29/02/2013", "29/02/2012", "30/02/2000", "00/01/2013", "32/01/2013",
    "01/13/2013", "01/01/1066", "01/01/0001", "31/12/9999", "01/01/10000", "2013-02-31",
    "2013-03-01", "01/03/2013", "1/3/2013", "", " ", "today", "٠١/٠٣/٢٠١٣", "01/03/2013\x00",
    "-1/03/2013", "01/03/2013 extra", "99999999999999999999/01/2013",
]
text = st.one_of(st.sampled_from(AWKWARD_TEXT),
                 st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
dates = st.one_of(st.sampled_from(AWKWARD_DATES),
                  st.builds(lambda d, m, y: f"{d}/{m}/{y}", st.integers(-1, 40),
                            st.integers(-1, 14), st.integers(0, 12000)),
                  st.text(max_size=12))


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp())
    db = folder / "register.json"
    runner = CliRunner()
    env = {"CLERK_TODAY": TODAY, "CLERK_DB": ""}
    for args in (["demo"], ["new", "--title", "Template", "--decision-maker", "Cllr Ring"]):
        assert runner.invoke(cli, ["--db", str(db), *args], env=env).exit_code == 0
    yield db
    shutil.rmtree(folder)


def run(template: Path, args: list[str], today: str = TODAY) -> tuple[Result, Path, dict]:
    """Run `clerk ARGS` on a fresh copy of the template; check the refusal contract."""
    folder = Path(tempfile.mkdtemp())
    db = folder / "register.json"
    for name in ("", ".journal"):
        shutil.copyfile(f"{template}{name}", f"{db}{name}")
    before = files_of(db)
    args = [arg.replace(OUT, str(folder / "out.pdf")) for arg in args]
    result = CliRunner().invoke(cli, ["--db", str(db), *args],
                                env={"CLERK_TODAY": today, "CLERK_DB": ""})
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit | None), repr(result.exception)
    if result.exit_code != 0:
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1, result.stderr
        assert files_of(db) == before, "a refused command changed the register"
    return result, db, before


def kept(db: Path, ref: str, value: str) -> None:
    """The value is in the saved decision exactly (the domain trims surrounding spaces)."""
    with Register.open(db) as register:
        saved = orjson.dumps(register.get_raw(ref))
    assert orjson.dumps(value)[1:-1] in saved or orjson.dumps(value.strip())[1:-1] in saved


SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

TEXT_COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "new --title": lambda t: ["new", "--title", t, "--decision-maker", "Cllr Ring"],
    "new --decision-maker": lambda t: ["new", "--title", "T", "--decision-maker", t],
    "plan --summary": lambda t: ["plan", REF, "--summary", t],
    "plan --document": lambda t: ["plan", REF, "--document", t],
    "plan --contact": lambda t: ["plan", REF, "--contact", t],
    "key --reason": lambda t: ["key", REF, "--reason", t],
    "comment --text": lambda t: ["comment", REF, "--from", "A resident", "--text", t],
    "comment --from": lambda t: ["comment", REF, "--from", t, "--text", "Yes"],
}


@pytest.mark.parametrize("command", list(TEXT_COMMANDS))
@SETTINGS
@given(value=text)
def test_text_is_kept_exactly_or_refused(template: Path, command: str, value: str) -> None:
    result, db, _ = run(template, TEXT_COMMANDS[command](value))
    if result.exit_code == 0:
        ref = result.stdout.strip() if command.startswith("new") else REF
        kept(db, ref, value)


DATE_COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "plan --published": lambda d: ["plan", REF, "--published", d],
    "plan --due": lambda d: ["plan", REF, "--due", d],
    "comment --on": lambda d: ["comment", REF, "--from", "A", "--text", "t", "--on", d],
    "consultation --opens": lambda d: ["consultation", REF, "--opens", d],
    "publish --on": lambda d: ["publish", "D2013-001", "--on", d],
    "dates": lambda d: ["dates", d],
    "forward-plan --from": lambda d: ["forward-plan", "--from", d, "--to", "31/05/2013",
                                      "-o", OUT],
}


@pytest.mark.parametrize("command", list(DATE_COMMANDS))
@SETTINGS
@given(value=dates)
def test_dates_are_parsed_or_refused(template: Path, command: str, value: str) -> None:
    run(template, DATE_COMMANDS[command](value))


@SETTINGS
@given(value=dates)
def test_clerk_today_is_parsed_or_refused(template: Path, value: str) -> None:
    today = value.replace("\x00", "") or " "  # the environment cannot hold NUL
    run(template, ["new", "--title", "T", "--decision-maker", "M"], today=today)


@pytest.mark.parametrize("command", ["show", "history", "publish", "notice"])
@SETTINGS
@given(ref=text)
def test_unknown_references_are_refused(template: Path, command: str, ref: str) -> None:
    # After "--" any text is the reference (else "-h" rightly asks for the command's help).
    args = {"show": ["show", "--", ref], "history": ["history", "--", ref],
            "publish": ["publish", "--on", "01/03/2013", "--", ref],
            "notice": ["notice", "-o", OUT, "report", "--", ref]}[command]
    result, _, _ = run(template, args)
    assert result.exit_code != 0 or ref.startswith("D2013-0")


@SETTINGS
@given(title=text, day=dates)
def test_an_import_file_is_kept_exactly_or_refused_whole(template: Path, title: str,
                                                         day: str) -> None:
    with Register.open(template) as register:
        doc = {**register.get_raw(REF), "ref": "D2013-500", "title": "@TITLE@",
               "created_on": day}
        good = {**register.get_raw(REF), "ref": "D2013-501"}
    source = Path(tempfile.mkdtemp()) / "in.json"
    # The title goes in as the bytes a file would hold (an undecodable byte stays one).
    raw_title = json.dumps(title, ensure_ascii=False)[1:-1].encode("utf-8", "surrogateescape")
    source.write_bytes(orjson.dumps({"format": "clerk-export", "version": 1,
                                     "decisions": [good, doc]}).replace(b"@TITLE@", raw_title))
    result, db, _ = run(template, ["import", str(source)])
    if result.exit_code == 0:
        kept(db, "D2013-500", title)
        with Register.open(db) as register:
            assert register.get_raw("D2013-500")["created_on"] == day
    else:
        with Register.open(db) as register:
            assert "D2013-501" not in register  # nothing half-imported


# ---- arguments that are not UTF-8, references not in clerk's form, limits -------------


@pytest.mark.parametrize(("args", "named"), [
    (["new", "--title", "\udcff", "--decision-maker", "Cllr Ring"], "--title"),
    (["new", "--title=caf\udce9", "--decision-maker", "Cllr Ring"], "--title"),
    (["new", "--title", "T", "--decision-maker", "Cllr \udcffRing"], "--decision-maker"),
    (["comment", REF, "--from", "A", "--text", "caf\udce9"], "--text"),
    (["show", "D2013-\udcff"], "the argument 'D2013-\\xff'"),
    (["show", "--json", "D2013-\udcff"], "the argument 'D2013-\\xff'"),  # --json: a flag
    (["--db", "/tmp/caf\udce9.json", "list"], "--db"),
])
def test_an_argument_that_is_not_utf8_is_refused_by_name(template: Path, args: list[str],
                                                         named: str) -> None:
    # Python hands undecodable bytes of argv over as lone surrogates (surrogateescape).
    result, _, _ = run(template, args)
    assert result.exit_code == 2
    assert f"The value given for {named} is not UTF-8 text" in result.stderr
    assert "Nothing was changed" in result.stderr


def test_a_real_argv_byte_is_refused(template: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    db = tmp_path / "register.json"
    for name in ("", ".journal"):
        shutil.copyfile(f"{template}{name}", f"{db}{name}")
    before = files_of(db)
    done = subprocess.run([sys.executable, "-m", "clerk", "--db", str(db), "new", "--title",
                           b"\xff", "--decision-maker", "Cllr Ring"], capture_output=True,
                          timeout=60, env={**os.environ, "CLERK_TODAY": TODAY})
    assert done.returncode == 2
    assert done.stderr.decode() == ("Error: The value given for --title is not UTF-8 text: "
                                    "type it again in UTF-8. Nothing was changed.\n")
    assert files_of(db) == before


@pytest.mark.parametrize("ref", ["../../x", "/abs/path", "D2013-001/../../x", "d2013-001",
                                 "D2013-01", "D٢٠١٣-٠٠١", "D2013-001 "])
@pytest.mark.parametrize("command", ["show", "notice", "comment"])
def test_a_reference_not_in_clerks_form_is_refused(template: Path, ref: str,
                                                   command: str) -> None:
    args = {"show": ["show", "--", ref], "notice": ["notice", "record", "--", ref],
            "comment": ["comment", "--from", "A", "--text", "t", "--", ref]}[command]
    result, db, _ = run(template, args)
    assert result.exit_code == 1
    assert "is not a decision reference: clerk's references look like D2013-001" in \
        result.stderr
    assert not (db.parent / "notices").exists()


@pytest.mark.parametrize(("args", "field", "limit"), [
    (["new", "--title", "x" * 501, "--decision-maker", "Cllr Ring"], "title", "500"),
    # a name of 2,000 characters kept `clerk notice report` splitting a table cell for ever
    (["new", "--title", "T", "--decision-maker", "Cllr " + "R" * 2_000],
     "decision_maker.name", "200"),
    (["plan", REF, "--contact", "S" * 201], "plan.contact.name", "200"),
    (["plan", REF, "--summary", "word " * 4_001], "plan.summary", "20,000"),
    (["comment", REF, "--from", "A", "--text", "x" * 1_000_000], "comments[0].text", "20,000"),
    (["key", REF, "--reason", "r", "--amount", str(10**16)], "key.amount_pounds",
     "1,000,000,000,000,000"),
])
def test_an_enormous_value_is_refused_naming_the_field_and_the_limit(
        template: Path, args: list[str], field: str, limit: str) -> None:
    result, _, _ = run(template, args)
    assert result.exit_code == 1
    line = result.stderr.splitlines()[0]
    assert f"{field}: " in line and limit in line and "Nothing was saved" in line


def test_a_value_at_the_limit_is_kept(template: Path) -> None:
    title = "T" * 500
    result, db, _ = run(template, ["new", "--title", title, "--decision-maker", "Cllr Ring"])
    assert result.exit_code == 0
    kept(db, result.stdout.strip(), title)
