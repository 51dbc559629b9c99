"""From the command line: a Cabinet decision's members and telephone, and its report."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk.domain.decision import DecisionMaker
from clerk.store.register import Register
from tests.cli.conftest import Clerk
from tests.notices.helpers import text


@pytest.fixture
def clerk(tmp_path: Path) -> Clerk:
    return Clerk(tmp_path / "register.json", CliRunner())


def maker_of(clerk: Clerk, ref: str) -> DecisionMaker:
    with Register.open(clerk.db, write=False) as register:
        return register.get(ref).decision_maker


MEMBERS = ["Cllr Christopher Garland", "Cllr John A Wilson", "Cllr Malcolm Greer"]


def test_a_cabinet_decisions_report_prints_from_the_command_line(clerk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clerk("init")
    ref = clerk("new", "--title", "Temporary accommodation: purchase of twelve flats",
                "--decision-maker", "Cabinet", "--kind", "cabinet").stdout.strip()
    members = [arg for name in MEMBERS for arg in ("--maker-member", name)]
    clerk("details", ref, "--maker-telephone", "01622 602000", *members)
    clerk("plan", ref, "--published", "07/01/2013", "--due", "15/02/2013",
          "--summary", "To buy twelve flats.", "--contact", "Sarah Robson", "--all-wards")
    clerk("key", ref, "--reason", "it involves £1,850,000")
    clerk("report", ref, "--key-issue", "Whether to buy the flats.", "--recommendation",
          "Buy them.", "--recommended-by", "Head of Housing", "--reasons", "Cheaper.",
          "--alternatives", "Bed and breakfast: dearer.", "--issued", "07/01/2013")
    out = tmp_path / "report.pdf"
    clerk("notice", "report", ref, "-o", str(out))
    found = text(out.read_bytes())
    assert "Cabinet Telephone: 01622 602000" in found
    assert "The decision will be taken by Cabinet (" + ", ".join(MEMBERS) + ")" in found
    assert maker_of(clerk, ref).members == MEMBERS


def test_members_kept_when_only_the_telephone_changes(clerk) -> None:  # type: ignore[no-untyped-def]
    clerk("init")
    ref = clerk("new", "--title", "A matter", "--decision-maker", "Cabinet",
                "--kind", "cabinet").stdout.strip()
    clerk("details", ref, "--maker-member", MEMBERS[0], "--maker-member", MEMBERS[1])
    clerk("details", ref, "--maker-telephone", "01622 602001")
    maker = maker_of(clerk, ref)
    assert maker.members == MEMBERS[:2]
    assert maker.telephone == "01622 602001"
