"""Regulation 19: the report to Council of the decisions taken under special urgency in a
period, from the command line and as a kind beside each decision's notices."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk.domain.decision import Record, SpecialUrgency
from clerk.notices import (
    KINDS,
    NoticeRefused,
    missing_for,
    render_urgency_report,
    urgency_report_refs,
)
from tests.cli.conftest import Clerk
from tests.notices.helpers import text

START, END = date(2013, 1, 1), date(2013, 3, 31)


def urgent(decision, ref: str, decided: date, reasons: str):  # type: ignore[no-untyped-def]
    out = copy.deepcopy(decision)
    out.ref = ref
    out.record.decided_on = decided
    out.urgency = SpecialUrgency(agreed_by="Cllr Fran Wilson", role="scrutiny-chair",
                                 agreed_on=decided, reasons=reasons,
                                 notice_published=decided)
    return out


def test_each_decision_its_particulars_and_the_matter(seed, profile) -> None:  # type: ignore[no-untyped-def]
    first = urgent(seed, "D-FEB", date(2013, 2, 15), "The grant offer lapsed on 16 February.")
    second = urgent(seed, "D-JAN", date(2013, 1, 10), "Storm damage.")
    second.urgency.role = "chairman"
    second.urgency.agreed_by = "Cllr Richard Ash"
    second.urgency.earlier_unable = "The scrutiny chair was abroad."
    outside = urgent(seed, "D-APR", date(2013, 4, 2), "Later.")
    ordinary = copy.deepcopy(seed)
    ordinary.ref = "D-ORDINARY"
    found = text(render_urgency_report([first, second, outside, ordinary], profile,
                                       start=START, end=END, published_on=date(2013, 4, 10)))
    assert "Period covered Tuesday 1 January 2013 to Sunday 31 March 2013" in found
    assert "2 decisions taken under special urgency" in found
    assert found.index("D-JAN") < found.index("D-FEB")
    assert "D-APR" not in found and "D-ORDINARY" not in found
    assert "Summary of the matter Approval of the new Community Safety Partnership Plan" in found
    assert "Date of decision Thursday 10 January 2013" in found
    assert "The grant offer lapsed on 16 February." in found
    assert "Agreed as urgent by Cllr Richard Ash, Chairman of the Council" in found
    assert "The scrutiny chair was abroad." in found


def test_an_empty_period_says_so(profile) -> None:  # type: ignore[no-untyped-def]
    found = text(render_urgency_report([], profile, start=START, end=END,
                                       published_on=date(2013, 4, 10)))
    assert "No decisions were taken under special urgency in this period." in found


def test_refused_for_an_entry_missing_its_particulars(seed, profile) -> None:  # type: ignore[no-untyped-def]
    entry = urgent(seed, "D-BAD", date(2013, 2, 15), "")
    with pytest.raises(NoticeRefused, match="D-BAD: the reasons the decision is urgent"):
        render_urgency_report([entry], profile, start=START, end=END,
                              published_on=date(2013, 4, 10))


def test_the_stored_rule_picks_the_same(seed) -> None:  # type: ignore[no-untyped-def]
    inside = urgent(seed, "D-IN", date(2013, 3, 31), "Urgent.")
    outside = urgent(seed, "D-OUT", date(2013, 4, 1), "Urgent.")
    undecided = urgent(seed, "D-UNDECIDED", date(2013, 3, 1), "Urgent.")
    undecided.record = None
    stored = [(d.ref, d.to_dict()) for d in (outside, inside, undecided, seed)]
    assert urgency_report_refs(stored, START, END) == ["D-IN"]


def test_offered_beside_each_decisions_notices(private, profile) -> None:  # type: ignore[no-untyped-def]
    assert "urgency-report" in KINDS
    assert missing_for("urgency-report", private, profile) == []
    private.urgency = None
    assert missing_for("urgency-report", private, profile)
    private.urgency = SpecialUrgency("Cllr Fran Wilson", "scrutiny-chair", date(2013, 3, 8),
                                     "Urgent.")
    private.record = Record()
    assert "the decision taken (its date and the decision made)" in missing_for(
        "urgency-report", private, profile)


def test_from_the_command_line(tmp_path: Path) -> None:
    clerk = Clerk(tmp_path / "register.json", CliRunner(), today="2013-03-31")
    clerk("init")
    ref = clerk("new", "--title", "Emergency roof repairs", "--decision-maker",
                "Cllr Christopher Garland").stdout.strip()
    clerk("plan", ref, "--summary", "Repairs after storm damage.", "--contact", "Sarah Robson",
          "--wards", "High Street")
    clerk("key", ref, "--reason", "it involves £310,000")
    clerk("urgency", ref, "--agreed-by", "Cllr Fran Wilson", "--role", "scrutiny-chair",
          "--agreed-on", "01/03/2013", "--reasons", "The hall is unsafe.")
    clerk("decide", ref, "--on", "04/03/2013", "--decision", "Repair the roof.",
          "--reasons", "Unsafe.", "--alternatives", "Close it: rejected.", "--no-conflicts")
    out = tmp_path / "reg19.pdf"
    result = clerk("notice", "urgency-report", "--from", "01/01/2013", "--to", "31/03/2013",
                   "-o", str(out))
    assert "1 decision taken under special urgency reported." in result.stdout
    found = text(out.read_bytes())
    assert f"{ref}: Emergency roof repairs" in found
    assert "The hall is unsafe." in found
    assert "Give the period: --from DATE --to DATE" in clerk.refused("notice", "urgency-report")
    assert "--from and --to" in clerk.refused("notice", "record", ref, "--from", "01/01/2013")
