"""Read-only commands and the demo registers."""

from __future__ import annotations

from typing import Any

import orjson

from clerk.store.register import Register
from tests.cli.conftest import Clerk

TODAY = "2026-03-10"


def test_dates_for_a_notice_published_7_jan_2013(clerk: Clerk) -> None:
    clerk("init")
    facts = orjson.loads(clerk("dates", "07/01/2013", "--json").stdout)
    assert facts["published"] == "2013-01-07"
    # 28 clear days 8 Jan .. 4 Feb: earliest Tue 5 Feb 2013.
    assert facts["earliest_key_decision"]["date"] == "2013-02-05"
    # 5 clear days 8 .. 12 Jan: earliest Sun 13 Jan 2013 (calendar days in Maidstone).
    assert facts["earliest_after_general_exception"]["date"] == "2013-01-13"
    # Call-in: Tue 8, Wed 9, Thu 10, Fri 11, Mon 14 Jan; expires 17:00 Mon 14 Jan 2013.
    assert facts["call_in_expires"]["date"] == "2013-01-14T17:00"
    for name in ("earliest_key_decision", "earliest_after_general_exception",
                 "call_in_expires"):
        assert facts[name]["working"].startswith(("published Mon 7 Jan 2013",
                                                  "record published Mon 7 Jan 2013"))
    text = clerk("dates", "2013-01-07").stdout
    assert "earliest decision Tue 5 Feb 2013" in text
    assert "call-in expires 17:00 on Mon 14 Jan 2013" in text


def _demo(clerk: Clerk) -> list[dict[str, Any]]:
    out = clerk("demo", today=TODAY).stdout
    rows: list[dict[str, Any]] = orjson.loads(clerk("list", "--json", today=TODAY).stdout)
    assert out.startswith(f"{len(rows)} decisions in ")
    return rows


def test_demo_register(clerk: Clerk) -> None:
    rows = _demo(clerk)
    assert len(rows) >= 7  # the seed and at least six others
    facts = {row["ref"]: clerk.show(row["ref"], today=TODAY) for row in rows}
    seed = facts["D2013-001"]
    assert seed["title"] == "Maidstone Community Safety Partnership Plan 2013 – 2018"
    assert seed["stage"] == "council-decided"
    assert seed["first_published"] == "2013-01-07"
    assert seed["earliest_decision"] == "2013-02-05"
    assert seed["council_outcome"] == "endorsed"

    labels = {ref: {d["label"] for d in f["dates"]} for ref, f in facts.items()}
    stages = {ref: f["stage"] for ref, f in facts.items()}
    assert any("General exception (5 clear days)" in labels[r] for r in facts)
    assert any("Special urgency" in labels[r] for r in facts)
    assert "called-in" in stages.values()
    assert "referred" in stages.values()
    private = [ref for ref, f in facts.items() if f["private"]]
    assert private
    # the private one holds exempt content, kept in the register (never in public output)
    with Register.open(clerk.db) as register:
        held = [register.get(ref) for ref in private]
    assert any(d.private and d.private.exempt_information and d.exempt_fields for d in held)
    for ref in private:
        exempt = next(d for d in held if d.ref == ref).private.exempt_information
        if exempt:
            assert exempt not in clerk("show", ref, today=TODAY).stdout


def test_list_by_stage(clerk: Clerk) -> None:
    rows = _demo(clerk)
    for stage in {row["stage"] for row in rows}:
        listed = orjson.loads(clerk("list", "--stage", stage, "--json", today=TODAY).stdout)
        assert listed == [row for row in rows if row["stage"] == stage]
        text = clerk("list", "--stage", stage, today=TODAY).stdout.splitlines()
        assert len(text) == len(listed)
        assert all(stage in line for line in text)
    empty = clerk("list", "--stage", "decided", today=TODAY)
    if not [row for row in rows if row["stage"] == "decided"]:
        assert empty.stdout == "" and "No decisions at stage decided" in empty.stderr
    assert clerk("list", "--stage", "nonsense", ok=False).exit_code != 0


def test_list_json_shape(clerk: Clerk) -> None:
    rows = _demo(clerk)
    assert {tuple(sorted(row)) for row in rows} == {
        ("decision_maker", "key_decision", "ref", "stage", "title")}
    assert len({row["ref"] for row in rows}) == len(rows)


def test_demo_with_50_synthetic_decisions(clerk: Clerk) -> None:
    assert clerk("demo", "--decisions", "50").stdout.startswith("50 decisions in ")
    rows = orjson.loads(clerk("list", "--json").stdout)
    assert len(rows) == 50
    for row in rows[:5]:
        assert clerk.show(row["ref"])["ref"] == row["ref"]


def test_history_lists_each_change_oldest_first(clerk: Clerk) -> None:
    clerk("init")
    ref = clerk("new", "--title", "X", "--decision-maker", "Y").stdout.strip()
    clerk("plan", ref, "--published", "07/01/2013")
    clerk("plan", ref, "--published", "04/02/2013", today="2013-02-04")
    lines = clerk("history", ref).stdout.splitlines()
    assert [line.split("  ")[-1] for line in lines] == [
        "decision created", "forward plan entry", "forward plan entry"]
    seqs = [int(line.split()[0]) for line in lines]
    assert seqs == sorted(seqs)
    assert clerk.show(ref)["first_published"] == "2013-01-07"  # the later plan did not move it
