"""Correcting a clerical error from the command line: kept, explained, never a record element."""

from __future__ import annotations

from clerk.store.register import Register
from tests.cli.conftest import Clerk

DECIDE = ("--decision", "Approve.", "--reasons", "Best value.", "--alternatives",
          "Do nothing: rejected.", "--no-conflicts")


def _decided(clerk: Clerk, *, publish: bool) -> str:
    clerk("init")
    ref = clerk("new", "--title", "Parkign charges", "--decision-maker",
                "Cllr Marion Ring").stdout.strip()
    clerk("plan", ref, "--contact", "Sarah Robson", "--wards", "Allington")
    clerk("key", ref, "--not-key")
    clerk("decide", ref, "--on", "07/01/2013", *DECIDE)
    if publish:
        clerk("publish", ref, "--on", "07/01/2013")
        clerk("implement", ref, "--on", "15/01/2013", today="2013-01-15")
    return ref


def test_a_title_is_corrected_at_any_stage_and_the_history_says_what_changed(
        clerk: Clerk) -> None:
    ref = _decided(clerk, publish=True)  # implemented: nothing else can change it now
    clerk("correct", ref, "--field", "title", "--to", "Parking charges", "--reason",
          "letters transposed", today="2013-01-16")
    with Register.open(clerk.db, write=False) as register:
        decision = register.get(ref)
        last = register.history(ref)[-1].action
    assert decision.title == "Parking charges"
    assert last == "correction"
    (item,) = decision.corrections
    assert (item.field, item.before, item.after, item.reason, item.on.isoformat()) == (
        "title", "Parkign charges", "Parking charges", "letters transposed", "2013-01-16")
    history = clerk("history", ref).stdout.splitlines()
    assert history[-1].endswith("correction: Title of the decision corrected from "
                                "'Parkign charges' to 'Parking charges': letters transposed")


def test_a_ward_list_and_a_telephone_are_corrected(clerk: Clerk) -> None:
    ref = _decided(clerk, publish=False)
    clerk("correct", ref, "--field", "plan.wards", "--to", "Allington, Bearsted, Boxley",
          "--reason", "Boxley left out")
    clerk("correct", ref, "--field", "plan.contact.telephone", "--to", "01622 602828",
          "--reason", "wrong extension")
    with Register.open(clerk.db, write=False) as register:
        decision = register.get(ref)
    assert decision.plan.wards == ["Allington", "Bearsted", "Boxley"]
    assert decision.plan.contact.telephone == "01622 602828"
    assert [c.field for c in decision.corrections] == ["plan.wards", "plan.contact.telephone"]


def test_a_published_record_is_never_edited_and_the_refusal_names_a_fresh_decision(
        clerk: Clerk) -> None:
    ref = _decided(clerk, publish=True)
    line = clerk.refused("correct", ref, "--field", "record.reasons", "--to", "Cheaper.",
                         "--reason", "typo", today="2013-01-16")
    assert "never edited" in line and "fresh decision" in line
    with Register.open(clerk.db, write=False) as register:
        assert register.get(ref).record.reasons == "Best value."


def test_an_unpublished_record_can_be_corrected(clerk: Clerk) -> None:
    ref = _decided(clerk, publish=False)
    clerk("correct", ref, "--field", "record.reasons", "--to", "Best value for money.",
          "--reason", "words dropped")
    with Register.open(clerk.db, write=False) as register:
        assert register.get(ref).record.reasons == "Best value for money."


def test_a_correction_needs_a_reason_and_a_change(clerk: Clerk) -> None:
    ref = _decided(clerk, publish=False)
    assert "Why (the clerical error)" in clerk.refused("correct", ref, "--field", "title",
                                                       "--to", "X")
    line = clerk.refused("correct", ref, "--field", "title", "--to", "Parkign charges",
                         "--reason", "none")
    assert "nothing to correct" in line
