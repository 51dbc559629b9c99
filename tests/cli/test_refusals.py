"""Every refusal: exit status non-zero, one clear line on stderr, no traceback, no change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson

from tests.cli.conftest import Clerk

THREE = "Cllr Clive English, Cllr Fay Gooch, Cllr Dan Wilkinson"
DECIDE = ("--decision", "Approve.", "--reasons", "Best value.", "--alternatives",
          "Do nothing: rejected.", "--no-conflicts")


def _planned(clerk: Clerk) -> str:
    """A key decision first published Mon 7 Jan 2013 (earliest decision Tue 5 Feb 2013)."""
    clerk("init")
    ref = clerk("new", "--title", "Parking charges", "--decision-maker",
                "Cllr Marion Ring").stdout.strip()
    clerk("plan", ref, "--published", "07/01/2013", "--contact", "John Littlemore")
    clerk("key", ref, "--category", "Fees and charges", "--reason", "fees are always key")
    return ref


def test_impossible_date(clerk: Clerk) -> None:
    ref = _planned(clerk)
    line = clerk.refused("decide", ref, "--on", "31/02/2013", *DECIDE, today="2013-03-01")
    assert "31/02/2013 is not a date" in line and "DD/MM/YYYY" in line
    line = clerk.refused("dates", "tomorrow")
    assert "DD/MM/YYYY" in line


def test_bad_clerk_today(clerk: Clerk) -> None:
    clerk("init")
    line = clerk.refused("new", "--title", "X", "--decision-maker", "Y", today="31/02/2013")
    assert "CLERK_TODAY" in line


def test_unknown_ref(clerk: Clerk) -> None:
    _planned(clerk)
    for args in (("show", "D2013-999"), ("history", "D2013-999"),
                 ("publish", "D2013-999", "--on", "07/01/2013")):
        line = clerk.refused(*args)
        assert "No decision D2013-999" in line and "clerk list" in line


def test_no_register(clerk: Clerk) -> None:
    line = clerk.refused("list")
    assert "There is no register" in line and "clerk init" in line
    assert not clerk.db.exists()


def test_too_early_decision(clerk: Clerk) -> None:
    ref = _planned(clerk)
    # Mon 4 Feb 2013 is the 28th clear day after Mon 7 Jan 2013.
    line = clerk.refused("decide", ref, "--on", "04/02/2013", *DECIDE, today="2013-02-04")
    assert line.startswith("Error: Too early:")
    assert "earliest decision Tue 5 Feb 2013" in line
    assert "general exception" in line and "special urgency" in line
    assert clerk.show(ref)["stage"] == "planned"


def test_future_decision(clerk: Clerk) -> None:
    ref = _planned(clerk)
    line = clerk.refused("decide", ref, "--on", "06/02/2013", *DECIDE, today="2013-02-05")
    assert "is after today (Tue 5 Feb 2013)" in line


def test_missing_reg_13_element(clerk: Clerk) -> None:
    ref = _planned(clerk)
    line = clerk.refused("decide", ref, "--on", "05/02/2013", "--decision", "Approve.",
                         "--reasons", " ", "--alternatives", "Do nothing.", "--no-conflicts",
                         today="2013-02-05")
    assert "reasons for the decision" in line.lower()  # the field's label, as the app says
    line = clerk.refused("decide", ref, "--on", "05/02/2013", "--decision", "Approve.",
                         "--reasons", "R", "--alternatives", "A", today="2013-02-05")
    assert "conflict of interest" in line
    line = clerk.refused("decide", ref, "--on", "05/02/2013", "--decision", "Approve.",
                         "--reasons", "R", "--alternatives", "A", "--no-conflicts",
                         "--conflict", "Cllr Ring: season ticket", today="2013-02-05")
    assert "not both" in line


def test_publish_before_decision(clerk: Clerk) -> None:
    ref = _planned(clerk)
    line = clerk.refused("publish", ref, "--on", "07/01/2013")
    assert "no record of decision to publish" in line


def _published(clerk: Clerk) -> str:
    ref = _planned(clerk)
    clerk("decide", ref, "--on", "12/02/2013", *DECIDE, today="2013-02-12")
    clerk("publish", ref, "--on", "12/02/2013", today="2013-02-12")
    return ref


def test_short_and_late_call_in(clerk: Clerk) -> None:
    ref = _published(clerk)
    line = clerk.refused("call-in", ref, "--received", "14/02/2013", "--members",
                         "Cllr Fay Gooch, Cllr Dan Wilkinson", "--grounds", "x",
                         today="2013-02-14")
    assert "needs 3 members' signatures; 2 given" in line
    line = clerk.refused("call-in", ref, "--received", "20/02/2013", "--members", THREE,
                         "--grounds", "x", today="2013-02-20")
    assert "Too late" in line and "17:00 on Tue 19 Feb 2013" in line
    assert clerk.show(ref, today="2013-02-20")["stage"] == "published"


def test_council_outcome_before_referral(clerk: Clerk) -> None:
    ref = _published(clerk)
    line = clerk.refused("council", ref, "--outcome", "endorsed", "--on", "06/03/2013",
                         today="2013-03-06")
    assert "not been referred" in line


def test_a_register_open_in_the_app_takes_the_command_lines_changes_too(
        clerk: Clerk, hold_lock: Callable[[Path], None]) -> None:
    ref = _planned(clerk)
    hold_lock(clerk.db)  # another clerk has it open (each save locks the journal briefly)
    clerk("plan", ref, "--summary", "changed")
    new = clerk("new", "--title", "X", "--decision-maker", "Y").stdout.strip()
    assert clerk.show(ref)["stage"] == "planned"
    assert ref in clerk("list").stdout and new in clerk("list").stdout
    assert orjson.loads(clerk("list", "--json").stdout)[0]["ref"] == ref
    assert "2013-02-05" in clerk("dates", "07/01/2013", "--json").stdout
    assert "decision created" in clerk("history", ref).stdout


def test_corrupt_register_is_left_alone(clerk: Clerk) -> None:
    garbage = b'{"meta": {"1": {"schema": \x00\xff garbage'
    clerk.db.write_bytes(garbage)
    for args in (("show", "D2013-001"), ("list",), ("plan", "D2013-001", "--summary", "x"),
                 ("new", "--title", "X", "--decision-maker", "Y"), ("demo",)):
        line = clerk.refused(*args)
        assert str(clerk.db.name) in line, line
        assert clerk.db.read_bytes() == garbage


def test_init_refuses_an_existing_file(clerk: Clerk) -> None:
    clerk("init")
    clerk("new", "--title", "X", "--decision-maker", "Y")
    before = clerk.db.read_bytes()
    line = clerk.refused("init")
    assert "already exists" in line and "nothing was changed" in line
    assert clerk.db.read_bytes() == before


def test_demo_refuses_a_register_with_decisions(clerk: Clerk) -> None:
    clerk("init")
    clerk("new", "--title", "X", "--decision-maker", "Y")
    line = clerk.refused("demo")
    assert "already holds 1 decisions" in line


def test_bad_council_profile(clerk: Clerk, tmp_path: Path) -> None:
    bad = tmp_path / "ours.toml"
    bad.write_text('name = "Ours"\nclear_days = "weekly"\n', encoding="utf-8")
    line = clerk.refused("init", "--council", str(bad))
    assert "clear_days" in line
    assert not clerk.db.exists()


def test_awkward_title_is_accepted_and_kept_exactly(clerk: Clerk) -> None:
    title = "<Draft> & Savings: Cwm Ŵyŷ <b>&amp;</b> & Siân’s “plan” – Llŷr"
    clerk("init")
    ref = clerk("new", "--title", title, "--decision-maker", "Cllr John A Wilson").stdout
    ref = ref.strip()
    shown = clerk("show", ref, "--json").stdout_bytes
    assert orjson.loads(shown)["title"].encode("utf-8") == title.encode("utf-8")
    assert title.encode("utf-8") in shown  # JSON out is UTF-8, not \u escapes
    assert orjson.loads(clerk("list", "--json").stdout)[0]["title"] == title
