"""The decision report: the checklist on one page, the key decision and "How to Comment"
panel with the report, one date, and whom to contact for a Cabinet decision."""

from __future__ import annotations

import re
from datetime import date

import pytest

from clerk.domain.decision import DecisionMaker
from clerk.notices import missing_for, render_notice
from tests.notices.helpers import pages_text, text

CABINET = DecisionMaker("Cabinet", "", "cabinet", members=[
    "Cllr Christopher Garland", "Cllr John A Wilson", "Cllr Malcolm Greer"])


def report_pages(decision, profile, on: date = date(2013, 2, 7)) -> list[str]:  # type: ignore[no-untyped-def]
    return pages_text(render_notice("report", decision, profile, published_on=on))


@pytest.mark.parametrize("paragraphs", range(0, 24, 2))
def test_checklist_and_panel_stay_whole(paragraphs, seed, profile) -> None:  # type: ignore[no-untyped-def]
    # Longer and longer text before them moves the page breaks through the checklist and
    # through the end of the report.
    seed.report.corporate_objectives = "\n\n".join(
        ["The plan supports the Strategic Plan priorities for the borough."] * (paragraphs + 1))
    seed.report.conclusions = "\n\n".join(
        ["Consultation with the partnership agencies has been thorough."] * (paragraphs + 1))
    pages = report_pages(seed, profile)
    checklist = [p for p in pages if "Does the report have implications" in p]
    assert len(checklist) == 1 and "Asset Management" in checklist[0]
    panel = next(p for p in pages if "Is this a Key Decision?" in p)
    assert "How to Comment" in panel and "Contact your Parish Council" in panel
    assert "Background Documents" in panel  # the panel is never alone on its page


def test_footer_and_date_issued_agree(seed, profile) -> None:  # type: ignore[no-untyped-def]
    assert seed.report.issued_on == date(2013, 2, 7)
    found = text(render_notice("report", seed, profile, published_on=date(2013, 2, 8)))
    issued = re.search(r"Date Issued: (\w+ \d+ \w+ \d{4})", found)
    footer = re.search(r"Published (\w+ \d+ \w+ \d{4})", found)
    assert issued and footer and issued.group(1) == footer.group(1)


def test_cabinet_report_names_whom_to_contact(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.decision_maker = CABINET
    seed.plan.portfolio = "Leader"
    assert missing_for("report", seed, profile) == []
    found = text(render_notice("report", seed, profile, published_on=date(2013, 2, 7)))
    assert "Cllr Christopher Garland Leader of the Council Telephone: 01622 602000" in found
    assert ("The decision will be taken by Cabinet (Cllr Christopher Garland, Cllr John A "
            "Wilson, Cllr Malcolm Greer)") in found


def test_cabinet_report_without_a_portfolio_says_how_to_fill_it(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.decision_maker = CABINET
    seed.plan.portfolio = ""
    missing = missing_for("report", seed, profile)
    assert any("clerk plan D2013-001 --portfolio" in item and "--maker-telephone" in item
               for item in missing)


def test_the_panel_does_not_start_a_page_it_could_share(seed, profile) -> None:  # type: ignore[no-untyped-def]
    # The seed's conclusions, last section and panel fit on its third page together.
    pages = report_pages(seed, profile)
    panel = next(p for p in pages if "Is this a Key Decision?" in p)
    assert "1.8 Conclusions" in panel
    assert len(pages) == 3
