"""Every notice kind: the statutory items, pages, metadata, escaping and Unicode."""

from __future__ import annotations

import copy
import subprocess
import sys
from datetime import date

import pytest

from clerk.domain.decision import Decision
from clerk.notices import KINDS, NoticeRefused, missing_for, render_notice
from tests.notices.conftest import PUBLISHED_ON
from tests.notices.helpers import metadata, page_sizes, pages_text, squashed, text

SEED_KINDS = ("report", "record", "call-in", "council")

# For each kind, what the notice must say about the private decision (public version).
STATUTORY = {
    "report": [
        "Is this a Key Decision?", "If yes, when did it first appear in the Forward Plan?",
        "Monday 7 January 2013", "This is a Key Decision because:", "Wards/Parishes affected:",
        "Park Wood, Shepway South", "How to Comment", "Telephone: 01622 602111",
        "Telephone: 01622 602827", "Sarah Robson", "Contact your Parish Council",
        "1.1 Key Issue for Decision", "1.9.2 Background Documents", "Risk Management",
    ],
    "record": [
        "Record of decision of the Cabinet Member for Corporate Services",
        "Friday 15 February 2013", "Issue for decision", "Decision made",
        "Reasons for the decision", "Alternative options considered and why they were rejected",
        "Conflicts of interest and dispensations",
        "Cllr Zoë Ng Owns land adjoining the depot. No dispensation was granted.",
        "No dispensation was granted.", "Background papers", "Strategic Assessment 2012-13",
        "Signed:", "Call-in", "5.00pm on Monday 25 February 2013",
        "any 3 non-executive members",
    ],
    "general-exception": [
        "To: Cllr Fran Wilson, Chairman, Overview and Scrutiny Communities Committee",
        "regulation 10", "Earliest date the decision may be taken", "Thursday 7 March 2013",
        "Date of this notice Friday 1 March 2013",
    ],
    "exception-reasons": [
        "regulation 10(2)", "The bidder's offer expires on 22 March 2013",
    ],
    "urgency": [
        "regulation 11", "Agreed urgent by Cllr Fran Wilson, Chairman of the relevant overview "
        "and scrutiny committee", "Friday 8 March 2013",
        "The offer lapses before a decision could otherwise be taken.",
    ],
    "private": [
        "regulation 5", "28 clear days", "paragraph 3 of Part 1 of Schedule 12A",
        "financial or business affairs", "Public interest test", "Wednesday 20 March 2013",
        "Sarah Robson", "Thursday 14 February 2013",
    ],
    "private-confirmation": [
        "regulation 5", "Representations received about holding it in private",
        "Siân Evans", "The council's response",
        "The bids are commercially sensitive until contracts are exchanged.",
    ],
    "private-urgency": [
        "regulation 5(7)", "Agreed urgent by Cllr Fran Wilson", "Wednesday 6 March 2013",
        "Wednesday 20 March 2013", "The bidder's revised offer lapses on 22 March 2013",
    ],
    "call-in": [
        "Call-in request form", "Friday 15 February 2013", "Monday 18 February 2013",
        "5.00pm on Monday 25 February 2013", "any 3 non-executive members",
        "Members calling in the decision", "Signature", "Reasons for the call-in",
    ],
    "council": [
        "Report to Full Council, Wednesday 6 March 2013", "budget and policy framework",
        "Recommendation of the Cabinet Member for Corporate Services", "The executive's record",
        "Date of decision Friday 15 February 2013", "Reasons",
        "The Council is asked to endorse the recommendation of the Cabinet Member for "
        "Corporate Services",
    ],
    "urgency-report": [
        "decisions taken under special urgency (regulation 19)", "Summary of the matter",
        "Whether to sell the depot site to a named bidder.", "Date of decision Friday 15 "
        "February 2013", "Agreed as urgent by Cllr Fran Wilson, Chairman of the relevant "
        "overview and scrutiny committee, on Friday 8 March 2013",
        "The offer lapses before a decision could otherwise be taken.",
    ],
}


def render(kind: str, decision: Decision, profile, **kwargs) -> bytes:  # type: ignore[no-untyped-def]
    return render_notice(kind, decision, profile, published_on=PUBLISHED_ON, **kwargs)


def test_kinds_are_the_agreed_names() -> None:
    assert list(KINDS) == ["report", "record", "general-exception", "exception-reasons",
                           "urgency", "private", "private-confirmation", "private-urgency",
                           "call-in", "council", "urgency-report"]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_prints_its_statutory_items(kind, private, profile) -> None:  # type: ignore[no-untyped-def]
    assert missing_for(kind, private, profile) == []
    found = text(render(kind, private, profile))
    for item in STATUTORY[kind]:
        assert item in found, f"{kind}: {item!r} missing"
    assert "Disposal of land at Park Wood depot <Draft> & Savings" in found
    assert "D2013-007" in found


@pytest.mark.parametrize("kind", SEED_KINDS)
def test_seed_decision_prints(kind, seed, profile) -> None:  # type: ignore[no-untyped-def]
    found = text(render(kind, seed, profile))
    assert "Maidstone Community Safety Partnership Plan 2013 – 2018" in found
    assert "Cllr John A Wilson" in found


def test_seed_report_follows_the_seed(seed, profile) -> None:  # type: ignore[no-untyped-def]
    found = text(render("report", seed, profile))
    for item in [
        "MAIDSTONE BOROUGH COUNCIL", "CABINET MEMBER FOR COMMUNITY SERVICES",
        "REPORT OF THE HEAD OF HOUSING AND COMMUNITY SERVICES", "Report prepared by Sarah Robson",
        "Date Issued: Thursday 7 February 2013",
        "1.2 Recommendation of the Head of Housing and Community Services",
        "1.3.3 Following the election of a Police and Crime Commissioner",
        "1.4 Alternative Action and why not Recommended", "1.7 Other Implications",
        "Equality Impact Needs Assessment", "this reduced amount of £45,000",
        "“Crime and Disorder Strategies”", "Appendix A – Community Safety Partnership Plan",
        "Yes [ X ] No [ ]", "Monday 7 January 2013", "All wards and parishes",
        "Cllr John A Wilson Cabinet Member for Community Services Telephone: 01622 602242",
        "Sarah Robson Community Partnerships Manager Telephone: 01622 602827",
        "Contact your Parish Council",
    ]:
        assert item in found, item


def test_seed_record_call_in_paragraph(seed, profile) -> None:  # type: ignore[no-untyped-def]
    found = text(render("record", seed, profile))
    assert "Date of publication: Monday 18 February 2013" in found
    assert "5.00pm on Monday 25 February 2013" in found
    assert "No conflict of interest was declared." in found


def test_urgent_exempt_record_says_no_call_in(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.call_in.urgent_exempt = True
    seed.call_in.exemption_consent = "Cllr Fran Wilson agreed on 15 February 2013."
    found = text(render("record", seed, profile))
    assert "is not subject to call-in" in found
    assert "Cllr Fran Wilson agreed" in found
    with pytest.raises(NoticeRefused, match="exempted from call-in"):
        render("call-in", seed, profile)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_page_has_header_footer_and_reference(kind, private, profile) -> None:  # type: ignore[no-untyped-def]
    pdf = render(kind, private, profile)
    pages = pages_text(pdf)
    for number, page in enumerate(pages, start=1):
        assert page.count("Maidstone Borough Council") >= 1
        assert f"D2013-007 · Page {number} of {len(pages)}" in page
        assert "Published Thursday 7 February 2013" in page
    assert all(abs(w - 595.28) < 0.5 and abs(h - 841.89) < 0.5 for w, h in page_sizes(pdf))
    info = metadata(pdf)
    assert info["/Title"] == f"{KINDS[kind]}: {private.title} (D2013-007)"
    assert info["/Author"] == "Maidstone Borough Council"
    assert "D2013-007" in info["/Subject"]


def test_long_report_runs_over_pages_and_counts_them(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.report.reasons = "\n\n".join(["A long paragraph of reasons. " * 20] * 12)
    pages = pages_text(render("report", seed, profile))
    assert len(pages) >= 4
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_markup_in_every_user_string_prints_as_typed(seed, profile) -> None:  # type: ignore[no-untyped-def]
    nasty = "Budget <Draft> & Savings <b>not bold</b> &amp; <br/> 5 < 6 > 4"
    seed.title = nasty
    seed.report.key_issue = nasty
    seed.report.recommended_by = "Head of <Finance> & Resources"
    seed.record.decision = nasty
    seed.plan.contact.name = "Anna <O'Brien> & Co"
    seed.decision_maker.title = "Cabinet Member for <Finance>"
    for kind in SEED_KINDS:
        found = text(render(kind, seed, profile))
        assert nasty in found, kind
    assert "Anna <O'Brien> & Co" in text(render("report", seed, profile))
    assert "Head of <Finance> & Resources" in text(render("report", seed, profile))


NAMES = ["Siân Williams", "Llŷr Gruffydd", "Zoë Ball", "Łukasz Nowak", "Gwenllïan Ŵyn"]


def test_unicode_names_come_out_exactly(private, profile) -> None:  # type: ignore[no-untyped-def]
    private.plan.contact.name = NAMES[0]
    private.plan.contact.title = f"Officer for {NAMES[3]} – “quotes” ‘single’ £1,000"
    private.decision_maker.name = NAMES[1]
    private.record.conflicts[0].member = NAMES[2]
    private.private.representations = NAMES[4] + " wrote in."
    for kind in KINDS:
        found = text(render(kind, private, profile))
        assert NAMES[1] in found, kind
    report = text(render("report", private, profile))
    assert NAMES[0] in report
    assert f"Officer for {NAMES[3]} – “quotes” ‘single’ £1,000" in report
    assert NAMES[2] in text(render("record", private, profile))
    assert NAMES[4] in text(render("private-confirmation", private, profile))


def test_same_input_gives_identical_bytes(private, profile) -> None:  # type: ignore[no-untyped-def]
    first = render("report", private, profile)
    render("record", copy.deepcopy(private), profile)  # something else in between
    assert render("report", private, profile) == first


def test_identical_bytes_in_a_fresh_interpreter(private, profile) -> None:  # type: ignore[no-untyped-def]
    script = (
        "import sys, hashlib\n"
        "from tests.notices.conftest import private_decision, maidstone, PUBLISHED_ON\n"
        "from clerk.notices import render_notice\n"
        "pdf = render_notice('record', private_decision(), maidstone(),\n"
        "                    published_on=PUBLISHED_ON)\n"
        "sys.stdout.write(hashlib.sha256(pdf).hexdigest())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True)
    import hashlib

    assert out.stdout == hashlib.sha256(render("record", private, profile)).hexdigest()


def test_publication_date_is_a_parameter(seed, profile) -> None:  # type: ignore[no-untyped-def]
    one = render_notice("record", seed, profile, published_on=date(2013, 2, 18))
    two = render_notice("record", seed, profile, published_on=date(2013, 2, 19))
    assert one != two
    assert "Published Monday 18 February 2013" in text(one)


def test_importing_notices_does_not_load_reportlab() -> None:
    script = (
        "import sys\n"
        "import clerk.notices as n\n"
        "from tests.notices.conftest import seed_decision, maidstone\n"
        "n.missing_for('record', seed_decision(), maidstone())\n"
        "n.forward_plan_entries([seed_decision()], __import__('datetime').date(2013, 1, 1),"
        " __import__('datetime').date(2013, 12, 31))\n"
        "print(any(m.startswith('reportlab') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_unknown_kind_is_a_value_error(seed, profile) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="Unknown notice kind 'minutes'"):
        render("minutes", seed, profile)
    with pytest.raises(ValueError):
        missing_for("minutes", seed, profile)


def test_record_refused_with_the_list_of_what_is_missing(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.record.decision = ""
    seed.record.reasons = "  "
    with pytest.raises(NoticeRefused) as refused:
        render("record", seed, profile)
    assert refused.value.missing == ["the decision made", "the reasons for the decision"]
    assert str(refused.value) == (
        "Cannot print the record of decision for D2013-001: it lacks the decision made; "
        "the reasons for the decision."
    )


@pytest.mark.parametrize("kind", ["general-exception", "exception-reasons", "urgency",
                                  "private", "private-confirmation"])
def test_seed_lacks_what_the_special_notices_need(kind, seed, profile) -> None:  # type: ignore[no-untyped-def]
    missing = missing_for(kind, seed, profile)
    assert missing
    with pytest.raises(NoticeRefused) as refused:
        render(kind, seed, profile)
    assert refused.value.missing == missing


def test_report_refused_without_key_facts_and_telephones(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.plan.first_published = None
    seed.plan.contact.telephone = ""
    seed.decision_maker.telephone = ""
    seed.decision_maker.name = "Cllr Nobody"
    missing = missing_for("report", seed, profile)
    assert "the date it first appeared in the forward plan" in missing
    assert "the contact officer's name and telephone number" in missing
    assert any(item.startswith("the decision maker's telephone number") for item in missing)


def test_report_takes_the_member_telephone_from_the_profile(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.decision_maker.telephone = ""
    assert "Telephone: 01622 602242" in text(render("report", seed, profile))


def test_council_report_only_for_policy_framework(seed, profile) -> None:  # type: ignore[no-untyped-def]
    seed.referral.policy_framework = False
    seed.key.categories = []
    assert any("budget and policy framework" in m for m in missing_for("council", seed, profile))


def test_private_confirmation_accepts_none_received(private, profile) -> None:  # type: ignore[no-untyped-def]
    private.private.representations = "None received."
    private.private.response = ""
    assert missing_for("private-confirmation", private, profile) == []
    assert "no response is needed" in text(render("private-confirmation", private, profile))
    private.private.representations = "A resident objected."
    assert "the council's response to the representations" in missing_for(
        "private-confirmation", private, profile)


def test_confidential_version_says_so_on_every_page(private, profile) -> None:  # type: ignore[no-untyped-def]
    pdf = render("report", private, profile, confidential=True)
    for page in pages_text(pdf):
        assert "CONFIDENTIAL – NOT FOR PUBLICATION" in page
    assert metadata(pdf)["/Title"].startswith("CONFIDENTIAL")
    assert squashed("Acme Ltd offered £1,250,000") in squashed(text(pdf))


def test_public_version_never_says_confidential(private, profile) -> None:  # type: ignore[no-untyped-def]
    for kind in KINDS:
        assert "CONFIDENTIAL" not in text(render(kind, private, profile))


def test_squashed_helper() -> None:
    assert squashed(" a b\nc ") == "abc"
