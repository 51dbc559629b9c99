"""The forward plan says what regulation 9(1) asks of each entry, and a refused plan says
how to fill each gap."""

from __future__ import annotations

from datetime import date

import pytest

from clerk.domain.decision import DecisionMaker
from clerk.notices import NoticeRefused, render_forward_plan
from clerk.notices.forward_plan import PAD_X, TEXT, WIDTHS
from tests.notices.helpers import pages_text, text
from tests.notices.test_forward_plan import END, PUBLISHED, START, undecided

CABINET = DecisionMaker("Cabinet", "", "cabinet", members=[
    "Cllr Christopher Garland", "Cllr John A Wilson", "Cllr Malcolm Greer",
    "Cllr Marion Ring", "Cllr Stephen Paine"])


def plan_text(entries, profile) -> str:  # type: ignore[no-untyped-def]
    return text(render_forward_plan(entries, profile, start=START, end=END,
                                    published_on=PUBLISHED))


def test_a_body_is_listed_with_its_members(seed, profile) -> None:  # type: ignore[no-untyped-def]
    entry = undecided(seed, "D-CABINET", date(2013, 3, 4))
    entry.decision_maker = CABINET
    found = plan_text([entry], profile)
    assert ("MEMBERS Cllr Christopher Garland, Cllr John A Wilson, Cllr Malcolm Greer, "
            "Cllr Marion Ring, Cllr Stephen Paine") in found


def test_a_body_without_members_is_refused(seed, profile) -> None:  # type: ignore[no-untyped-def]
    entry = undecided(seed, "D-CABINET", date(2013, 3, 4))
    entry.decision_maker = DecisionMaker("Cabinet", "", "cabinet")
    with pytest.raises(NoticeRefused) as refused:
        plan_text([entry], profile)
    assert any(item.startswith("D-CABINET: the members of Cabinet (reg 9(1)(c))")
               and "--maker-member" in item for item in refused.value.missing)


def test_each_entry_shows_when_it_first_appeared_and_its_portfolio(seed, profile) -> None:  # type: ignore[no-untyped-def]
    entry = undecided(seed, "D-FIRST", date(2013, 3, 4))
    fresh = undecided(seed, "D-NEW", date(2013, 3, 5))
    fresh.plan.first_published = None
    found = plan_text([entry, fresh], profile)
    assert "FIRST IN THE PLAN Monday 7 January 2013" in found
    assert "FIRST IN THE PLAN New in this plan" in found
    assert "PORTFOLIO Community Services" in found


def test_a_row_split_across_pages_says_continued(seed, profile) -> None:  # type: ignore[no-untyped-def]
    long = undecided(seed, "D-LONG", date(2013, 3, 4))
    long.plan.summary = "\n".join(f"Paragraph {n:03d} of the summary." for n in range(120))
    pages = pages_text(render_forward_plan([long], profile, start=START, end=END,
                                           published_on=PUBLISHED))
    carried = [page for page in pages if "Paragraph 119" in page or "Paragraph 060" in page]
    assert carried and all("D-LONG (continued)" in page for page in carried[1:])
    assert sum("D-LONG (continued)" in page for page in pages) == len(
        [p for p in pages if "Paragraph" in p]) - 1


@pytest.mark.parametrize("email", ["sarahrobson@maidstone.gov.uk",
                                   "democraticservices@maidstone.gov.uk"])
def test_email_addresses_break_only_after_the_at_sign(email) -> None:  # type: ignore[no-untyped-def]
    width = WIDTHS[4] - 2 * PAD_X  # the contact column
    mailbox, domain = email.split("@")
    assert TEXT.lines(email, width) == [f"{mailbox}@", domain]


def test_refused_plan_names_the_command_or_key_for_each_gap(seed, profile) -> None:  # type: ignore[no-untyped-def]
    bad = undecided(seed, "D-BAD", date(2013, 3, 2))
    bad.plan.documents = []
    bad.plan.documents_available_from = ""
    bad.plan.contact.name = ""
    with pytest.raises(NoticeRefused) as refused:
        plan_text([bad], profile)
    missing = refused.value.missing
    assert missing == [
        "D-BAD: the documents to be submitted to the decision maker "
        "(clerk plan D-BAD --document TEXT, or p in the app)",
        "D-BAD: where copies of the documents can be had "
        "(clerk plan D-BAD --documents-from TEXT, or p in the app)",
        "D-BAD: the contact officer (clerk plan D-BAD --contact NAME, or p in the app)",
    ]
