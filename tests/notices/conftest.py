"""Realistic decisions for the notice tests: the seed report, and a private decision.

The seed is Maidstone's Cabinet Member report of February 2013 on the Community Safety
Partnership Plan 2013–2018 (/work/shared/seed); every section below is its text.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from clerk.domain.council import CouncilProfile, load_profile
from clerk.domain.decision import (
    CallIn,
    Comment,
    Conflict,
    Consultation,
    Decision,
    DecisionMaker,
    ForwardPlanEntry,
    GeneralException,
    KeyDecision,
    Person,
    PrivateConsideration,
    PrivateUrgency,
    Record,
    Referral,
    Report,
    SpecialUrgency,
)

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED_ON = date(2013, 2, 7)

SARAH = Person(name="Sarah Robson", title="Community Partnerships Manager",
               telephone="01622 602827", email="sarahrobson@maidstone.gov.uk")
WILSON = DecisionMaker(name="Cllr John A Wilson", title="Cabinet Member for Community Services",
                       kind="member", telephone="01622 602242")
PLAN_TITLE = "Maidstone Community Safety Partnership Plan 2013 – 2018"


def maidstone() -> CouncilProfile:
    return load_profile(ROOT / "data" / "councils" / "maidstone.toml")


def seed_decision() -> Decision:
    """The seed report as a clerk would type it, decided and recorded."""
    report = Report(
        key_issue=(
            "The Cabinet Member is asked to approve for the new Maidstone Community Safety "
            "Partnership Plan 2013 – 2018 to be presented to Full Council for final endorsement."
        ),
        recommendation=(
            "That the Cabinet Member agrees for the Maidstone Community Safety Partnership "
            "Plan 2013 – 2018 be presented to Full Council for final endorsement."
        ),
        recommended_by="Head of Housing and Community Services",
        reasons=(
            "In adherence with the Borough Council’s Constitution, the Crime and Disorder "
            "Reduction Strategy, ‘Maidstone Community Safety Partnership Plan 2013 – 2018 "
            "Plan’ needs to be put before Full Council for approval.\n\n"
            "Feedback from the public consultation undertaken between September to October "
            "2012 and recommendations from the Overview and Scrutiny Communities Committee in "
            "January 2013 have been incorporated into the Maidstone Community Safety "
            "Partnership Plan 2013 – 2018 Plan to provide a strategic framework to deliver "
            "the priorities, which have been reviewed and determined using evidenced based "
            "information, including comparative county-wide performance, through the annual "
            "Strategic Assessment.\n\n"
            "Following the election of a Police and Crime Commissioner in November 2012, the "
            "Maidstone Community Safety Partnership Plan 2013 – 2018 has been updated to "
            "reflect the new appointment."
        ),
        alternatives=(
            "The partnership plan contributes towards the Council’s statutory requirement to "
            "reduce crime under Section 17 Crime & Disorder Act. It is a statutory legal "
            "requirement for the plan to be approved by full Council."
        ),
        corporate_objectives=(
            "The Community Safety Partnership Plan will contribute to the delivery of the "
            "Strategic Plan priorities; For Maidstone to be a decent place to live and "
            "Corporate and Customer Excellence. In addition, the Community Safety Partnership "
            "Plan supports the delivery of two out of three cross cutting objectives within "
            "the Borough Council’s Community Development Strategy; Tackling Disadvantage and "
            "Building Stronger Communities."
        ),
        risk_management=(
            "Risks associated with delivery against the strategic priorities within the Plan "
            "will be managed by the Safer Maidstone Partnership and the individual agencies "
            "that make up the partnership."
        ),
        implications={
            "financial": (
                "Maidstone received its last Community Safety Grant allocation directly from "
                "the Home Office in early 2012/13, this reduced amount of £45,000, was more "
                "than half of its previous allocation, and has been allocated by the Safety "
                "Maidstone Partnership to identified areas of need. From 2013/14, all "
                "Community Safety Grant funding will be allocated directly to the new Police "
                "and Crime Commissioner (PCC) who will be able to use this money to target "
                "their identified priorities and support the ongoing delivery of the Crime "
                "Plans."
            ),
            "staffing": (
                "The priorities within the Plan cross cut the agencies that make up the Safer "
                "Maidstone Partnership. Delivery against the priorities will be via mainstream "
                "activity and any grant funding that the borough is able to secure, including "
                "this year’s Community Safety Grant allocation."
            ),
            "legal": (
                "Sections 5 to 7 of the Crime and Disorder Act 1998 (the 1998 Act), headed "
                "“Crime and Disorder Strategies”, require “responsible authorities” to comply "
                "with section 6 of the 1998 Act which stages that “responsible authorities” "
                "shall formulate and implement;\n"
                "a) A strategy for the reduction of crime and disorder in the area; and\n"
                "b) A strategy for combating the misuse of drugs, alcohol and other substances "
                "in the area; and\n"
                "c) A strategy for the reduction of re-offending in the area.\n\n"
                "By virtue of section 5(1)(a) of the 1998 Act, the Council is the “responsible "
                "authority”."
            ),
            "equality": (
                "The benefits of delivery against the plan will apply across the Maidstone "
                "borough, although by adopting an evidence based approach more benefit should "
                "be felt in areas where identified problems are greatest."
            ),
            "community_safety": (
                "The Community Safety team has been brought under the reporting line of the "
                "Community Partnerships unit, with reduced number of staff."
            ),
        },
        conclusions=(
            "The plan has been subject to widespread consultation with the agencies that make "
            "up the Safer Maidstone Partnership. The Plan was approved by the Safer Maidstone "
            "Partnership in June 2012. As a result of the public consultation undertaken "
            "between September to October 2012, no feedback was received. The Overview and "
            "Scrutiny Communities Committee recommended for the Plan to be updated with a "
            "section reflecting the appointment of the PCC and the inclusion of the Strategic "
            "Assessment."
        ),
        appendices=["Appendix A – Community Safety Partnership Plan 2013-18"],
        background_documents=["Strategic Assessment 2012-13"],
        prepared_by="Sarah Robson",
        issued_on=date(2013, 2, 7),
    )
    decision = Decision(
        ref="D2013-001",
        title=PLAN_TITLE,
        decision_maker=WILSON,
        created_on=date(2013, 1, 2),
        plan=ForwardPlanEntry(
            summary=("Approval of the new Community Safety Partnership Plan 2013 – 2018 for "
                     "presentation to Full Council for final endorsement."),
            due_on=date(2013, 2, 15),
            contact=SARAH,
            consultees="Safer Maidstone Partnership; the public; Overview and Scrutiny "
                       "Communities Committee",
            consultation_method="Public consultation September to October 2012; committee "
                                "meeting January 2013",
            documents=["Report of the Head of Housing and Community Services",
                       "Appendix A – Community Safety Partnership Plan 2013-18"],
            documents_available_from="Democratic Services, Maidstone House, King Street, "
                                     "Maidstone ME15 6JQ, or www.maidstone.gov.uk",
            other_documents_how="write to Democratic Services at Maidstone House",
            all_wards=True,
            portfolio="Community Services",
            representations_deadline=date(2013, 2, 14),
            first_published=date(2013, 1, 7),
        ),
        key=KeyDecision(
            is_key=True,
            reason="it is a plan in the council's budget and policy framework, significant "
                   "in its effects on communities in all wards",
            categories=["Crime and Disorder Reduction Strategy", "Plans and strategies"],
        ),
        report=report,
        consultation=Consultation(opens_on=date(2012, 9, 1), closes_on=date(2012, 10, 31),
                                  no_comments_received=True),
        comments=[Comment(author="Overview and Scrutiny Communities Committee",
                          received_on=date(2013, 1, 15), channel="scrutiny",
                          text="Update the Plan with a section on the PCC and the Strategic "
                               "Assessment.",
                          response="The Plan has been updated.")],
        record=Record(
            decided_on=date(2013, 2, 15),
            decision=("That the Maidstone Community Safety Partnership Plan 2013 – 2018 be "
                      "presented to Full Council for final endorsement."),
            reasons=report.reasons,
            alternatives_rejected=report.alternatives,
            no_conflicts=True,
            background_papers=["Strategic Assessment 2012-13"],
            published_on=date(2013, 2, 18),
        ),
        referral=Referral(policy_framework=True, meeting_on=date(2013, 3, 6)),
    )
    return copy.deepcopy(decision)  # nothing shared between tests


def private_decision() -> Decision:
    """A key decision taken in private, with exempt content in several fields."""
    decision = seed_decision()
    decision.ref = "D2013-007"
    decision.title = "Disposal of land at Park Wood depot <Draft> & Savings"
    decision.decision_maker = DecisionMaker(
        name="Cllr Llŷr Siân Łukasz-Zoë", title="Cabinet Member for Corporate Services",
        kind="member", telephone="01622 602111")
    decision.plan.summary = "Whether to sell the depot site to a named bidder."
    decision.plan.due_on = date(2013, 3, 20)
    decision.plan.all_wards = False
    decision.plan.wards = ["Park Wood", "Shepway South"]
    decision.plan.parishes = []
    decision.report.key_issue = "Which bid for the depot to accept: Acme Ltd offered £1,250,000."
    decision.report.recommendation = "Accept the bid of Acme Ltd at £1,250,000."
    decision.report.implications = {"financial": "A capital receipt of £1,250,000 from Acme Ltd.",
                                    "legal": "Counsel advises the covenant is unenforceable."}
    decision.record.decision = "To accept the bid of Acme Ltd at £1,250,000."
    decision.record.reasons = "Acme Ltd's bid was £200,000 above the next."
    decision.record.alternatives_rejected = "The bid of Beta plc at £1,050,000 was lower."
    decision.record.no_conflicts = False
    decision.record.conflicts = [Conflict(member="Cllr Zoë Ng", interest="Owns land adjoining "
                                          "the depot.", dispensation="")]
    decision.exempt_fields = ["report.key_issue", "report.recommendation",
                              "report.implications.financial", "report.implications.legal",
                              "record.decision", "record.reasons",
                              "record.alternatives_rejected"]
    decision.private = PrivateConsideration(
        paragraphs=[3],
        public_interest="Disclosing the bids would prejudice the council's negotiating "
                        "position; the public interest in keeping them confidential outweighs "
                        "that in disclosure.",
        exempt_information="The bidders and their offers: Acme Ltd £1,250,000; Beta plc "
                           "£1,050,000.",
        intention_published=date(2013, 2, 18),
        confirmation_published=date(2013, 3, 13),
        representations="One resident, Siân Evans, asked for the item to be heard in public.",
        response="The bids are commercially sensitive until contracts are exchanged.",
        urgency=PrivateUrgency(
            agreed_by="Cllr Fran Wilson", role="scrutiny-chair", agreed_on=date(2013, 3, 6),
            reasons="The bidder's revised offer lapses on 22 March 2013, and the meeting on "
                    "20 March is the last at which it can be accepted.",
            notice_published=date(2013, 3, 7)),
    )
    decision.exception = GeneralException(
        chair_informed_on=date(2013, 3, 1), notice_published=date(2013, 3, 1),
        reasons="The bidder's offer expires on 22 March 2013, too soon for 28 days' notice.")
    decision.urgency = SpecialUrgency(
        agreed_by="Cllr Fran Wilson", role="scrutiny-chair", agreed_on=date(2013, 3, 8),
        reasons="The offer lapses before a decision could otherwise be taken.",
        notice_published=date(2013, 3, 8))
    decision.call_in = CallIn()
    return decision


@pytest.fixture
def profile() -> CouncilProfile:
    return maidstone()


@pytest.fixture
def seed() -> Decision:
    return seed_decision()


@pytest.fixture
def private() -> Decision:
    return private_decision()
