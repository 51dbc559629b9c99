"""What the law added, reachable from the command line: each of these was refused by the
domain, or had no command, before the steps carried the fields and moves."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.cli.conftest import Clerk
from tests.cli.test_one_rulebook import DECIDE, saved


def _new(clerk: Clerk, *init: str) -> str:
    clerk("init", *init)
    return clerk("new", "--title", "Parking charges", "--decision-maker",
                 "Cllr Marion Ring").stdout.strip()


def test_not_key_against_the_councils_definition_with_the_departure_reason(
        clerk: Clerk) -> None:
    ref = _new(clerk)  # Maidstone: key from £250,000
    line = clerk.refused("key", ref, "--not-key", "--amount", "300000")
    assert "council's own definition makes this a key decision" in line
    clerk("key", ref, "--not-key", "--amount", "300000", "--departure-reason",
          "A one-off grant passed straight through")
    key = saved(clerk, ref).key
    assert (key.is_key, key.departure_reason, key.departure_reviewed) == (
        False, "A one-off grant passed straight through", False)
    assert any("departure" in p for p in clerk.show(ref)["problems"])
    clerk("review-key", ref)
    assert saved(clerk, ref).key.departure_reviewed is True
    assert "already reviewed" in clerk.refused("review-key", ref)


def test_special_urgency_agreed_by_the_chairman_with_why_the_chair_could_not(
        clerk: Clerk) -> None:
    ref = _new(clerk)
    clerk("key", ref, "--reason", "it is a plan")
    agreed = ("urgency", ref, "--agreed-by", "Cllr Ann Lee", "--role", "chairman",
              "--agreed-on", "07/01/2013", "--reasons", "The grant lapses")
    assert "chairman of the council may agree only" in clerk.refused(*agreed)
    clerk(*agreed, "--earlier-unable", "The scrutiny chair declared an interest")
    urgency = saved(clerk, ref).urgency
    assert urgency is not None and urgency.role == "chairman"
    assert urgency.earlier_unable == "The scrutiny chair declared an interest"
    clerk("reasons-notice", ref, "--on", "07/01/2013")  # the one notice missing
    assert saved(clerk, ref).urgency.notice_published == date(2013, 1, 7)  # type: ignore[union-attr]
    assert "already published" in clerk.refused("reasons-notice", ref, "--on", "07/01/2013")


def _published(clerk: Clerk) -> str:
    ref = _new(clerk)
    clerk("key", ref, "--not-key")
    clerk("decide", ref, "--on", "07/01/2013", *DECIDE)
    clerk("publish", ref, "--on", "07/01/2013")  # call-in runs to 17:00 Mon 14 Jan 2013
    return ref


def test_a_call_in_on_the_last_day_with_the_time_received(clerk: Clerk) -> None:
    ref = _published(clerk)
    request = ("call-in", ref, "--received", "14/01/2013", "--members",
               "Cllr Ash, Cllr Bell, Cllr Cox", "--grounds", "Too quick")
    line = clerk.refused(*request, today="2013-01-14")
    assert "time" in line.lower()
    assert saved(clerk, ref).call_in.requests == []
    clerk(*request, "--received-time", "9:05", today="2013-01-14")
    assert saved(clerk, ref).call_in.requests[0].received_time == "09:05"


def test_a_call_in_after_the_cut_off_on_the_last_day_is_refused(clerk: Clerk) -> None:
    ref = _published(clerk)
    line = clerk.refused("call-in", ref, "--received", "14/01/2013", "--received-time",
                         "17:30", "--members", "Cllr Ash, Cllr Bell, Cllr Cox", "--grounds",
                         "Too quick", today="2013-01-14")
    assert "17:00" in line
    assert saved(clerk, ref).call_in.requests == []


def test_an_amount_at_a_council_with_only_separate_thresholds(clerk: Clerk,
                                                               tmp_path: Path) -> None:
    council = tmp_path / "ours.toml"
    council.write_text('name = "Anytown Borough Council"\nkey_threshold_pounds = 0\n'
                       "key_revenue_threshold_pounds = 100000\n"
                       "key_capital_threshold_pounds = 500000\n", encoding="utf-8")
    ref = _new(clerk, "--council", str(council))
    line = clerk.refused("key", ref, "--amount", "200000", "--reason", "over the threshold")
    assert "say which kind the amount is" in line
    clerk("key", ref, "--amount", "200000", "--amount-kind", "revenue", "--reason",
          "over the £100,000 revenue threshold")
    key = saved(clerk, ref).key
    assert (key.is_key, key.amount_pounds, key.amount_kind) == (True, 200000, "revenue")


def test_reg_18_scrutiny_view_then_the_report_to_council(clerk: Clerk) -> None:
    ref = _new(clerk)
    clerk("key", ref, "--not-key")
    assert "record the decision" in clerk.refused("scrutiny-key-view", ref, "--on",
                                                  "07/01/2013", "--committee", "O&S",
                                                  "--view", "Key")
    report = ("key-view-report", ref, "--on", "21/01/2013")
    clerk("decide", ref, "--on", "07/01/2013", *DECIDE)
    assert "record scrutiny's view first" in clerk.refused(*report, today="2013-01-21")
    clerk("scrutiny-key-view", ref, "--on", "14/01/2013", "--committee",
          "Overview and Scrutiny", "--view", "It affects two wards", today="2013-01-14")
    clerk(*report, today="2013-01-21")
    view = saved(clerk, ref).scrutiny_key_view
    assert view is not None and view.committee == "Overview and Scrutiny"
    assert view.report_to_council_on == date(2013, 1, 21)
    history = clerk("history", ref).stdout
    assert "scrutiny key view" in history and "reg 18 report to Council" in history


def test_private_meeting_urgency_and_its_reasons_notice(clerk: Clerk) -> None:
    ref = _new(clerk)
    agreed = ("private-urgency", ref, "--agreed-by", "Cllr Fran Wilson", "--role",
              "scrutiny-chair", "--agreed-on", "07/01/2013", "--reasons", "Offer lapses")
    assert "private" in clerk.refused(*agreed)
    clerk("private", ref, "--paragraph", "3", "--public-interest", "Commercial terms")
    clerk(*agreed)
    line = clerk.refused("reasons-notice", ref, "--route", "general-exception", "--on",
                         "07/01/2013")
    assert "no general exception is recorded" in line.lower()
    clerk("reasons-notice", ref, "--route", "private-urgency", "--on", "07/01/2013")
    private = saved(clerk, ref).private
    assert private is not None and private.urgency is not None
    assert private.urgency.notice_published == date(2013, 1, 7)
    assert "reasons notice published" in clerk("history", ref).stdout
    assert "already published" in clerk.refused("reasons-notice", ref, "--on", "07/01/2013")


def test_help_gives_the_new_choices_in_words(clerk: Clerk) -> None:
    notice = " ".join(clerk("reasons-notice", "--help").stdout.split())
    assert "= Special urgency reasons notice (reg 11)" in notice
    key = " ".join(clerk("key", "--help").stdout.split())
    assert "revenue = Revenue" in key and "--departure-reason" in key
