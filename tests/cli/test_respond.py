"""`clerk respond`: the council's response to one comment, by its number."""

from __future__ import annotations

from tests.cli.conftest import Clerk


def _two_comments(clerk: Clerk) -> str:
    clerk("init")
    ref = clerk("new", "--title", "Parking charges", "--decision-maker", "Cabinet",
                "--kind", "cabinet").stdout.strip()
    clerk("comment", ref, "--from", "Ann Price", "--text", "Too dear.", "--response", "Kept")
    clerk("comment", ref, "--from", "Bearsted Parish", "--text", "Add a bay.")
    return ref


def test_respond_records_the_response_on_that_comment_only(clerk: Clerk) -> None:
    ref = _two_comments(clerk)
    clerk("respond", ref, "--comment", "2", "--response", "A bay is added at Bearsted.")
    responses = [c["response"] for c in clerk.show(ref)["comments"]]
    assert responses == ["Kept", "A bay is added at Bearsted."]
    assert "response to comment 2" in clerk("history", ref).stdout


def test_respond_to_a_comment_that_does_not_exist_is_refused(clerk: Clerk) -> None:
    ref = _two_comments(clerk)
    assert "There is no comment 3" in clerk.refused("respond", ref, "--comment", "3",
                                                    "--response", "x")
    assert "There is no comment 0" in clerk.refused("respond", ref, "--comment", "0",
                                                    "--response", "x")
