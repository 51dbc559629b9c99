"""The forward plan: which decisions it lists, and what each row and the front say."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date

import pytest

from clerk.domain.decision import Decision, Record
from clerk.domain.exempt import exempt_texts
from clerk.notices import (
    NoticeRefused,
    forward_plan_entries,
    forward_plan_refs,
    render_forward_plan,
)
from tests.notices.helpers import metadata, page_sizes, pages_text, squashed, text

START, END = date(2013, 3, 1), date(2013, 5, 31)
PUBLISHED = date(2013, 2, 1)


def undecided(decision: Decision, ref: str, due: date | None = None, month: str = "") -> Decision:
    out = copy.deepcopy(decision)
    out.ref = ref
    out.record = None
    out.plan.due_on = due
    out.plan.due_month = month
    return out


@pytest.fixture
def plan_decisions(seed, private) -> list[Decision]:  # type: ignore[no-untyped-def]
    not_key = undecided(seed, "D-NOTKEY", date(2013, 3, 5))
    not_key.key.is_key = None
    taken = undecided(seed, "D-TAKEN", date(2013, 3, 6))
    taken.record = Record(decided_on=date(2013, 3, 6))
    return [
        undecided(seed, "D-LATE", date(2013, 6, 1)),
        undecided(seed, "D-APRIL", month="2013-04"),
        undecided(private, "D-PRIVATE", date(2013, 3, 20)),
        undecided(seed, "D-UNDATED"),
        undecided(seed, "D-EARLY", date(2013, 2, 28)),
        undecided(seed, "D-FEB", month="2013-02"),
        undecided(seed, "D-MAY-END", date(2013, 5, 31)),
        undecided(seed, "D-FIRST", date(2013, 3, 1)),
        not_key,
        taken,
    ]


def test_selection_rule(plan_decisions) -> None:  # type: ignore[no-untyped-def]
    refs = [d.ref for d in forward_plan_entries(plan_decisions, START, END)]
    assert refs == ["D-FIRST", "D-PRIVATE", "D-APRIL", "D-MAY-END", "D-UNDATED"]


def test_the_rule_over_stored_dicts_lists_the_same(plan_decisions) -> None:  # type: ignore[no-untyped-def]
    stored = [(d.ref, d.to_dict()) for d in plan_decisions]
    for start, end in [(START, END), (date(2013, 2, 1), date(2013, 2, 28)),
                       (date(2013, 3, 31), date(2013, 4, 30)),
                       (date(2000, 1, 1), date(2099, 1, 1))]:
        assert forward_plan_refs(stored, start, end) == [
            d.ref for d in forward_plan_entries(plan_decisions, start, end)]


def test_month_overlapping_the_period_counts(seed) -> None:  # type: ignore[no-untyped-def]
    march = undecided(seed, "D-MARCH", month="2013-03")
    assert forward_plan_entries([march], date(2013, 3, 31), date(2013, 4, 30)) == [march]
    assert forward_plan_entries([march], date(2013, 4, 1), date(2013, 4, 30)) == []


def test_front_matter_and_rows(plan_decisions, profile) -> None:  # type: ignore[no-untyped-def]
    pdf = render_forward_plan(plan_decisions, profile, start=START, end=END,
                              published_on=PUBLISHED)
    found = text(pdf)
    for item in [
        "Maidstone Borough Council", "Forward plan: notice of key decisions",
        "Period covered Friday 1 March 2013 to Friday 31 May 2013",
        "Date of publication Friday 1 February 2013", "5 key decisions",
        "What a key decision is", "£250,000 or more", "2 or more wards",
        "Making representations", "Private items",
        # a row: every reg 9 item and what the council prints beside them
        "MATTER", "DECISION MAKER Cllr John A Wilson, Cabinet Member for Community Services",
        "DATE DUE Friday 1 March 2013", "April 2013", "Not yet fixed",
        "Report of the Head of Housing and Community Services", "Copies from: Democratic",
        "Other documents relevant to the matter may be submitted to the decision maker",
        "To ask for details: write to Democratic Services at Maidstone House",
        "CONSULTEES AND METHOD", "CONTACT OFFICER", "Sarah Robson",
        "REPRESENTATIONS BY Thursday 14 February 2013", "WARDS AFFECTED", "All wards",
        "Park Wood, Shepway South", "WHY IT IS KEY", "PUBLIC OR PRIVATE",
        "paragraph 3 of Part 1 of Schedule 12A",
        "Disposal of land at Park Wood depot <Draft> & Savings",
    ]:
        assert item in found, item
    for ref in ("D-LATE", "D-EARLY", "D-FEB", "D-NOTKEY", "D-TAKEN"):
        assert ref not in found
    assert found.index("D-FIRST") < found.index("D-PRIVATE") < found.index("D-APRIL") \
        < found.index("D-MAY-END") < found.index("D-UNDATED")
    assert metadata(pdf)["/Author"] == "Maidstone Borough Council"
    assert "Forward plan" in metadata(pdf)["/Title"]


def test_no_exempt_text_in_the_plan(private, profile) -> None:  # type: ignore[no-untyped-def]
    entry = undecided(private, "D-PRIVATE", date(2013, 3, 20))
    entry.plan.summary = "Public summary only."
    printed = squashed(text(render_forward_plan([entry], profile, start=START, end=END,
                                                published_on=PUBLISHED)))
    for secret in exempt_texts(entry):
        assert squashed(secret) not in printed


def test_many_rows_number_every_page(seed, profile) -> None:  # type: ignore[no-untyped-def]
    rows = [undecided(seed, f"D-{n:03d}", date(2013, 3, 1 + n % 28)) for n in range(40)]
    pages = pages_text(render_forward_plan(rows, profile, start=START, end=END,
                                           published_on=PUBLISHED))
    assert len(pages) > 5
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Forward plan 1 Mar 2013 – 31 May 2013" in page


def test_empty_plan_says_so(profile) -> None:  # type: ignore[no-untyped-def]
    found = text(render_forward_plan([], profile, start=START, end=END, published_on=PUBLISHED))
    assert "There are no key decisions due in this period." in found


def test_refused_with_each_row_that_lacks_something(seed, profile) -> None:  # type: ignore[no-untyped-def]
    bad = undecided(seed, "D-BAD", date(2013, 3, 2))
    bad.plan.contact.name = ""
    bad.plan.documents = []
    good = undecided(seed, "D-GOOD", date(2013, 3, 3))
    with pytest.raises(NoticeRefused) as refused:
        render_forward_plan([bad, good], profile, start=START, end=END, published_on=PUBLISHED)
    assert refused.value.missing == [
        "D-BAD: the documents to be submitted to the decision maker "
        "(clerk plan D-BAD --document TEXT, or p in the app)",
        "D-BAD: the contact officer (clerk plan D-BAD --contact NAME, or p in the app)",
    ]
    assert str(refused.value).startswith(
        "Cannot print the forward plan for Friday 1 March 2013 to Friday 31 May 2013: it lacks "
    )


def test_period_must_run_forwards(profile) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        render_forward_plan([], profile, start=END, end=START, published_on=PUBLISHED)


def test_plan_is_deterministic(plan_decisions, profile) -> None:  # type: ignore[no-untyped-def]
    def once() -> bytes:
        return render_forward_plan(plan_decisions, profile, start=START, end=END,
                                   published_on=PUBLISHED)

    assert once() == once()


def test_landscape_with_the_headings_on_every_table_page(seed, profile) -> None:  # type: ignore[no-untyped-def]
    rows = [undecided(seed, f"D-{n:03d}", date(2013, 3, 1 + n % 28)) for n in range(12)]
    pdf = render_forward_plan(rows, profile, start=START, end=END, published_on=PUBLISHED)
    assert {(round(w), round(h)) for w, h in page_sizes(pdf)} == {(842, 595)}  # A4 landscape
    for page in pages_text(pdf)[1:]:
        assert "MATTER DECISION MAKER AND DATE DOCUMENTS" in page


def test_a_row_taller_than_a_page_is_continued(seed, profile) -> None:  # type: ignore[no-untyped-def]
    long = undecided(seed, "D-LONG", date(2013, 3, 4))
    long.plan.summary = "\n".join(f"Paragraph {n:03d} of the summary." for n in range(120))
    long.plan.contact.email = "a.very.long.address.for.the.officer@maidstone.gov.uk"
    pdf = render_forward_plan([long], profile, start=START, end=END, published_on=PUBLISHED)
    found = text(pdf)
    positions = [found.index(f"Paragraph {n:03d} of the summary.") for n in range(120)]
    assert positions == sorted(positions)
    assert len(pages_text(pdf)) >= 3
    assert "a.very.long.address.for.the.officer@maidstone.gov.uk" in squashed(found)


def test_a_decision_with_nothing_exempt_is_its_own_public_view(seed) -> None:  # type: ignore[no-untyped-def]
    from clerk.domain.exempt import public_view

    plain = undecided(seed, "D-PLAIN", date(2013, 3, 4))
    plain.exempt_fields = []
    plain.private = None
    assert public_view(plain) == plain


def test_names_print_exactly(private, profile) -> None:  # type: ignore[no-untyped-def]
    entry = undecided(private, "D-PRIVATE", date(2013, 3, 20))
    found = text(render_forward_plan([entry], profile, start=START, end=END,
                                     published_on=PUBLISHED))
    assert entry.decision_maker.name.strip() in found


def test_the_key_definition_names_the_contract_threshold(profile) -> None:  # type: ignore[no-untyped-def]
    from clerk.notices.forward_plan import key_definition

    ours = dataclasses.replace(profile, key_threshold_pounds=0,
                               key_revenue_threshold_pounds=100000,
                               key_contract_threshold_pounds=500000)
    text = key_definition(ours)
    assert "£100,000 or more of revenue or £500,000 or more under a contract" in text
