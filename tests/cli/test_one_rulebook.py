"""The command line keeps the same rules as the app: each was broken on the CLI alone."""

from __future__ import annotations

from clerk.domain.decision import Decision
from clerk.store.register import Register
from tests.cli.conftest import Clerk

DECIDE = ("--decision", "Approve.", "--reasons", "Best value.", "--alternatives",
          "Do nothing: rejected.", "--no-conflicts")


def saved(clerk: Clerk, ref: str) -> Decision:
    with Register.open(clerk.db, write=False) as register:
        return register.get(ref)


def _published(clerk: Clerk) -> str:
    clerk("init")
    ref = clerk("new", "--title", "Parking charges", "--decision-maker",
                "Cllr Marion Ring").stdout.strip()
    clerk("key", ref, "--not-key")
    clerk("decide", ref, "--on", "07/01/2013", *DECIDE)
    clerk("publish", ref, "--on", "07/01/2013")
    return ref


def test_exempting_from_call_in_twice_is_refused(clerk: Clerk) -> None:
    ref = _published(clerk)
    clerk("exempt-call-in", ref, "--consent", "Chair of scrutiny: urgent repair")
    line = clerk.refused("exempt-call-in", ref, "--consent", "Again")
    assert "already exempt from call-in" in line.lower()
    assert saved(clerk, ref).call_in.exemption_consent == "Chair of scrutiny: urgent repair"


def test_exempting_a_draft_with_no_record_is_refused(clerk: Clerk) -> None:
    clerk("init")
    ref = clerk("new", "--title", "Parking charges", "--decision-maker",
                "Cllr Marion Ring").stdout.strip()
    line = clerk.refused("exempt-call-in", ref, "--consent", "Chair: urgent")
    assert "record the decision first" in line.lower()
    assert saved(clerk, ref).call_in.urgent_exempt is False


def test_option_help_gives_each_choice_in_the_words_the_app_shows(clerk: Clerk) -> None:
    council = clerk("council", "--help").stdout
    assert "amended = Endorsed with amendments" in " ".join(council.split())
    urgency = " ".join(clerk("urgency", "--help").stdout.split())
    assert "scrutiny-chair = Scrutiny committee chair" in urgency


def test_show_says_what_is_next_and_what_blocks_it(clerk: Clerk) -> None:
    ref = _published(clerk)  # published Mon 7 Jan 2013: call-in runs to Mon 14 Jan, 17:00
    facts = clerk.show(ref, today="2013-01-09")
    assert facts["next"] == {"step": "implement", "words": "implement from Tue 15 Jan 2013",
                             "on": "2013-01-14", "blocked": "Call-in runs until 17:00 on "
                             "Mon 14 Jan 2013."}
    assert "Next: implement from Tue 15 Jan 2013" in clerk("show", ref, today="2013-01-09").stdout
