"""`clerk import` of a hostile or broken file: one clear refusal (exit 1), nothing imported,
no traceback, and nothing clerk would not accept from a clerk typing at the command line.

Every file starts as a real export of the demo register (references moved to 2014 so it
would import cleanly) with one thing made wrong. Each kind of data that used to get in
was then a traceback, or worse, in `clerk notice`, `show`, `list` or `forward-plan`.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.cli import cli
from tests.faults.conftest import DEMO_TODAY, files_of

ENV = {"CLERK_TODAY": DEMO_TODAY, "CLERK_DB": ""}


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo register's export, every reference moved to 2014."""
    folder = tmp_path_factory.mktemp("export")
    runner = CliRunner()
    for args in (["demo"], ["export", "-o", str(folder / "all.json")]):
        result = runner.invoke(cli, ["--db", str(folder / "demo.json"), *args], env=ENV)
        assert result.exit_code == 0, result.output
    payload: dict[str, Any] = json.loads((folder / "all.json").read_text(encoding="utf-8"))
    for doc in payload["decisions"]:
        doc["ref"] = doc["ref"].replace("D2013", "D2014")
    return payload


def refused(db: Path, source: Path) -> str:
    """Import `source` into `db`; it must be refused whole. Returns the error line."""
    before = files_of(db)
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(source)], env=ENV)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    assert "was not imported" in errors[0] and "nothing was changed" in errors[0]
    assert files_of(db) == before, "a refused import changed the register"
    return result.stderr


def _set(path: str, value: Any, record: int = 0) -> Callable[[dict[str, Any]], None]:
    """A change to one field of one record, by dotted path (`plan.contact.name`)."""
    def change(payload: dict[str, Any]) -> None:
        target = payload["decisions"][record]
        *parents, last = path.split(".")
        for name in parents:
            target = target[name]
        target[last] = value
    return change


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = {"contact": value}
    return value


# Each: what is wrong -> (the change, words the refusal must contain).
HOSTILE: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    # references in anything but clerk's form would name files outside notices/
    "ref climbing out": (_set("ref", "../../x"), "not a decision reference"),
    "ref absolute path": (_set("ref", "/abs/path"), "not a decision reference"),
    "ref with a slash": (_set("ref", "D2014-001/../../x"), "not a decision reference"),
    "ref in other digits": (_set("ref", "D٢٠١٤-٠٠١"), "not a decision reference"),
    "ref empty": (_set("ref", ""), "not a decision reference"),
    "ref missing": (lambda p: p["decisions"][0].pop("ref"), "ref: missing"),
    "refs repeated": (_set("ref", "D2014-002"), "repeats record 1"),
    # exempt field names that are no field: the notices tried to blank them and crashed
    "exempt field unknown": (_set("exempt_fields", ["report.nope"], 1), "may be marked exempt"),
    "exempt field climbing": (_set("exempt_fields", ["../x"], 1), "may be marked exempt"),
    "exempt field empty": (_set("exempt_fields", [""], 1), "may be marked exempt"),
    "title marked exempt": (_set("exempt_fields", ["title"], 1), "may be marked exempt"),
    # wrong types, a list where an object belongs, nulls
    "title a number": (_set("title", 5), "title: expected text"),
    "plan a string": (_set("plan", "x"), "plan: expected an object"),
    "plan a list": (_set("plan", []), "plan: expected an object"),
    "comments an object": (_set("comments", {}), "comments: expected a list"),
    "date a number": (_set("created_on", 20130101), "created_on: expected a date"),
    "bool a string": (_set("key.is_key", "yes"), "key.is_key: expected true or false"),
    "title null": (_set("title", None), "title: expected text"),
    "plan null": (_set("plan", None), "plan: expected an object"),
    "record a null item": (lambda p: p["decisions"].append(None), "expected an object"),
    "decisions null": (lambda p: p.update(decisions=None), '"decisions" must be a list'),
    "export a list": (lambda p: p.update(decisions=[[1, 2]]), "expected an object"),
    "version true": (lambda p: p.update(version=True), "export version"),
    # numbers
    "amount negative": (_set("key.amount_pounds", -250_000), "from 0 to"),
    "amount beyond any budget": (_set("key.amount_pounds", 2**62), "from 0 to"),
    "amount a fraction": (_set("key.amount_pounds", 1.5), "expected a whole number"),
    "paragraph 8": (_set("private.paragraphs", [3, 8], 1), "not a paragraph of Schedule 12A"),
    # dates a register cannot hold or count from
    "date at the end of time": (_set("plan.first_published", "9999-12-31"), "outside the years"),
    "date at year 1": (_set("created_on", "0001-01-01"), "outside the years"),
    "date as an ISO week": (_set("created_on", "2013-W01-1"), "is not a date"),
    "month nonsense": (_set("plan.due_month", "banana"), "not a month"),
    "month thirteen": (_set("plan.due_month", "2013-13"), "not a month"),
    # choices the command line offers from a list
    "decision maker kind": (_set("decision_maker.kind", "wizard"), "is not one of"),
    "urgency role": (_set("urgency", {"agreed_by": "X", "role": "king"}), "is not one of"),
    "comment channel": (_set("comments", [{"author": "A", "channel": "pigeon"}]),
                        "is not one of"),
    "call-in outcome": (_set("call_in.outcome", "maybe"), "is not one of"),
    "council outcome": (_set("referral.outcome", "vetoed"), "is not one of"),
    "implication unknown": (_set("report.implications", {"../x": "y"}), "unknown entry"),
    # sizes: each would keep `clerk notice` busy for minutes, or the screen for ever
    "title of 1 MB": (_set("title", "x" * 1_000_000), "title: at most 500 characters"),
    "reasons of 1 MB": (_set("report.reasons", "word " * 200_000),
                        "report.reasons: at most 20,000 characters"),
    "decision maker name of 2,000": (_set("decision_maker.name", "N" * 2_000),
                                     "decision_maker.name: at most 200 characters"),
    "2,000 documents": (_set("plan.documents", ["Doc"] * 2_000), "at most 1,000 items"),
    "2,000 implications": (_set("report.implications", {f"k{i}": "" for i in range(2_000)}),
                           "at most 1,000 entries"),
    "contact nested 500 deep": (_set("plan.contact", _nested(500)), "unknown field"),
    "a million unknown fields": (lambda p: p["decisions"][0].update(
        {f"f{i}": 0 for i in range(1_000_000)}), "unknown field"),
    # the council profile in the file, checked as `clerk init` checks one
    "council name a number": (lambda p: p["council"].update(name=5),
                              "council.name: expected text"),
    "council clear days": (lambda p: p["council"].update(clear_days="weekly"),
                           "use \"calendar\" or \"working\""),
    "council a list": (lambda p: p.update(council=[]), "council: expected an object"),
    "council unknown setting": (lambda p: p["council"].update(mayor="x"), "unknown field"),
    "council cut-off": (lambda p: p["council"].update(call_in_cut_off="25:99"),
                        "call_in_cut_off"),
    "council notice days": (lambda p: p["council"].update(forward_plan_days=-3),
                            "forward_plan_days"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_export_is_refused_whole(export: dict[str, Any], tmp_path: Path,
                                           case: str) -> None:
    change, words = HOSTILE[case]
    payload = copy.deepcopy(export)
    change(payload)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(payload), encoding="utf-8")
    new = tmp_path / "new.json"
    assert words in refused(new, source)
    assert not new.exists() and not Path(f"{new}.journal").exists()


def test_the_unchanged_export_imports(export: dict[str, Any], tmp_path: Path) -> None:
    # The cases above are refused for what was changed, not for the export itself.
    source = tmp_path / "in.json"
    source.write_text(json.dumps(export), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "new.json"), "import",
                                      str(source)], env=ENV)
    assert result.exit_code == 0, result.stderr


def test_a_bad_council_is_refused_into_an_existing_register_too(
        export: dict[str, Any], tmp_path: Path) -> None:
    db = tmp_path / "ours.json"
    assert CliRunner().invoke(cli, ["--db", str(db), "init"], env=ENV).exit_code == 0
    payload = copy.deepcopy(export)
    payload["council"]["clear_days"] = "weekly"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(payload), encoding="utf-8")
    refused(db, source)


RAW: dict[str, tuple[bytes, str]] = {
    "empty file": (b"", "not valid JSON"),
    "not UTF-8": (b'{"format": "clerk-export", "version": 1, "decisions": [{"title": "\xff"}]}',
                  "not valid JSON"),
    "a bomb of nested arrays": (b"[" * 1_000_000 + b"]" * 1_000_000, "not valid JSON"),
    "a number beyond 64 bits": (
        b'{"format": "clerk-export", "version": 1, "decisions": [{"ref": "D2014-001", '
        b'"title": "T", "key": {"amount_pounds": 1' + b"0" * 40 + b"}}]}",
        "expected a whole number"),
    "infinity": (b'{"format": "clerk-export", "version": 1e400, "decisions": []}',
                 "not valid JSON"),
}


@pytest.mark.parametrize("case", list(RAW))
def test_a_broken_file_is_refused(tmp_path: Path, case: str) -> None:
    data, words = RAW[case]
    source = tmp_path / "in.json"
    source.write_bytes(data)
    assert words in refused(tmp_path / "new.json", source)


def _csv_of(export: dict[str, Any], tmp_path: Path) -> str:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(export), encoding="utf-8")
    db = tmp_path / "from-json.json"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "import", str(source)], env=ENV).exit_code == 0
    result = runner.invoke(cli, ["--db", str(db), "export", "--csv"], env=ENV)
    return result.stdout


@pytest.mark.parametrize(("case", "words"), [
    ("cell of 1 MB", "title: at most 500 characters"),
    ("NUL byte", "title: contains control characters"),
    ("ref climbing out", "not a decision reference"),
    ("not UTF-8", "not UTF-8 text"),
])
def test_a_hostile_csv_is_refused(export: dict[str, Any], tmp_path: Path, case: str,
                                  words: str) -> None:
    lines = _csv_of(export, tmp_path).splitlines()
    assert lines[1].startswith("D2014-001,")
    if case == "cell of 1 MB":
        lines[1] = lines[1].replace("D2014-001,", "D2014-001," + "x" * 1_000_000, 1)
    elif case == "NUL byte":
        lines[1] = lines[1].replace("D2014-001,", "D2014-001,\x00", 1)
    elif case == "ref climbing out":
        lines[1] = lines[1].replace("D2014-001,", "../../x,", 1)
    source = tmp_path / "in.csv"
    data = "\n".join(lines).encode("utf-8")
    source.write_bytes(data + b"\xff" if case == "not UTF-8" else data)
    assert words in refused(tmp_path / "new.json", source)


def test_a_device_is_refused_not_read_for_ever(tmp_path: Path) -> None:
    # /dev/zero never ends: reading it whole would fill the memory.
    done = subprocess.run([sys.executable, "-m", "clerk", "--db", str(tmp_path / "r.json"),
                           "import", "/dev/zero"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **ENV})
    assert done.returncode == 1 and "not a regular file" in done.stderr
    assert "Traceback" not in done.stderr


# What used to get in and then broke a reader: the far date overflowed the calendar in
# `show` and the notices (two different tracebacks), and an exempt field that is no field
# made every public notice crash while blanking it.
GOT_IN: dict[str, tuple[int, str, Any]] = {
    "forward plan published 9999": (0, "plan.first_published", "9999-12-31"),
    "record published 9999": (0, "record.published_on", "9999-12-31"),
    "exception notice 9999": (2, "exception.notice_published", "9999-12-31"),
    "exempt field no field": (1, "exempt_fields", ["report.nope"]),
}


@pytest.mark.parametrize("case", list(GOT_IN))
def test_odd_data_never_reaches_a_reader(export: dict[str, Any], tmp_path: Path,
                                         case: str) -> None:
    from clerk.notices import KINDS

    record, path, value = GOT_IN[case]
    payload = copy.deepcopy(export)
    _set(path, value, record)(payload)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(payload), encoding="utf-8")
    db = tmp_path / "new.json"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "import", str(source)], env=ENV)
    if result.exit_code != 0:
        return  # refused at the door: the readers below never see it
    ref = payload["decisions"][record]["ref"]
    readers = [["show", ref], ["list"], ["forward-plan", "--from", "01/01/2013", "--to",
                                        "31/12/2014", "-o", str(tmp_path / "plan.pdf")]]
    readers += [["notice", kind, ref, "-o", str(tmp_path / f"{kind}.pdf")] for kind in KINDS]
    for args in readers:
        result = runner.invoke(cli, ["--db", str(db), *args], env=ENV)
        assert isinstance(result.exception, SystemExit | None), (args, repr(result.exception))


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a record a value could be put, objects and lists included."""
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _leaves(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _leaves(inner, (*path, index))
    return found[1:] if not path else found


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63) | st.floats(allow_nan=False)
    | st.sampled_from(["", "zzz", "9999-12-31", "1974-01-01", "2013-13", "25:99", "../../x",
                       "D2013-001", "report.reasons", "scrutiny-chair", "x" * 600])
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=6)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(data=st.data())
def test_any_value_anywhere_is_refused_or_read_without_a_traceback(
        export: dict[str, Any], tmp_path_factory: pytest.TempPathFactory,
        data: st.DataObject) -> None:
    record = data.draw(st.integers(0, len(export["decisions"]) - 1), label="record")
    doc = copy.deepcopy(export["decisions"][record])
    path = data.draw(st.sampled_from(_leaves(doc)), label="path")
    value = data.draw(json_values, label="value")
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    folder = tmp_path_factory.mktemp("fuzz")
    source = folder / "in.json"
    source.write_text(json.dumps({**export, "decisions": [doc]}), encoding="utf-8")
    db = folder / "new.json"
    runner = CliRunner()
    for args in (["import", str(source)], ["show", "--json", doc.get("ref", "D2014-001")],
                 ["list"], ["notice", "record", "-o", str(folder / "r.pdf"),
                            str(doc.get("ref", "D2014-001"))]):
        result = runner.invoke(cli, ["--db", str(db), *args], env=ENV)
        assert isinstance(result.exception, SystemExit | None), (args, repr(result.exception))
        assert "Traceback" not in result.stderr
        if args[0] == "import" and result.exit_code != 0:
            assert not db.exists()
            return
