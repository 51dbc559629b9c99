"""The demo register: the seed decision and realistic others, built through the real moves.

Every demo decision is made by the same lifecycle moves a clerk uses, so the demo is
lawful by construction. Dates are relative to `today` (except the 2013 seed), so the
compliance panel always has something live to show.
"""

from __future__ import annotations

from datetime import date, timedelta

from clerk.domain import lifecycle as L
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Comment, Conflict, Decision, DecisionMaker, Person
from clerk.domain.seed import SEED_REPORT

WILSON = DecisionMaker("Cllr John A Wilson", "Cabinet Member for Community Services",
                       "member", "01622 602242")
GARLAND = DecisionMaker("Cllr Christopher Garland", "Leader of the Council", "member",
                        "01622 602000")
CABINET = DecisionMaker("Cabinet", "", "cabinet",
                        members=["Cllr Christopher Garland", "Cllr John A Wilson",
                                 "Cllr Malcolm Greer", "Cllr Marion Ring", "Cllr Stephen Paine"])
RING = DecisionMaker("Cllr Marion Ring", "Cabinet Member for Environment", "member",
                     "01622 602000")
ROBSON = Person("Sarah Robson", "Community Partnerships Manager", "01622 602827",
                "sarahrobson@maidstone.gov.uk")
LITTLEMORE = Person("John Littlemore", "Head of Housing and Community Services",
                    "01622 602000", "johnlittlemore@maidstone.gov.uk")


def seed_decision(profile: CouncilProfile, ref: str) -> Decision:
    """The Maidstone Community Safety Partnership Plan 2013-2018, walked to Full Council."""
    today = date(2013, 3, 31)
    d = L.new_decision(ref, "Maidstone Community Safety Partnership Plan 2013 – 2018", WILSON,
                       date(2012, 12, 20))
    d = L.plan(d, today=today, published=date(2013, 1, 7),
               summary="To approve the new Maidstone Community Safety Partnership Plan "
               "2013 – 2018 for presentation to Full Council for final endorsement.",
               due_month="2013-02", contact=ROBSON,
               consultees="Safer Maidstone Partnership; the public; Overview and Scrutiny "
               "Communities Committee",
               consultation_method="Public consultation September to October 2012; "
               "report to Overview and Scrutiny Communities Committee, January 2013",
               documents=["Community Safety Partnership Plan 2013-18",
                          "Strategic Assessment 2012-13"],
               documents_available_from="Democratic Services, Maidstone House, King Street, "
               "Maidstone ME15 6JQ",
               other_documents_how="Other documents may be submitted; ask Democratic Services "
               "for copies.",
               all_wards=True, portfolio="Community Services")
    d = L.set_key(d, profile, is_key=True, categories=["Plans and strategies"],
                  reason="it is a plan in the budget and policy framework (the Crime and "
                  "Disorder Reduction Strategy) and affects all wards")
    d = L.set_consultation(d, opens_on=date(2012, 9, 1), closes_on=date(2012, 10, 31))
    d = L.add_comment(d, Comment(
        "Overview and Scrutiny Communities Committee", "Maidstone Borough Council",
        date(2013, 1, 22), "scrutiny",
        "Recommended that the Plan be updated with a section reflecting the appointment of "
        "the Police and Crime Commissioner and the inclusion of the Strategic Assessment.",
        "The Plan has been updated as recommended."), today=today)
    d = L.update_report(d, **SEED_REPORT)
    d = L.decide(d, profile, today=today, decided_on=date(2013, 2, 15),
                 text="That the Maidstone Community Safety Partnership Plan 2013 – 2018 be "
                 "presented to Full Council for final endorsement.",
                 reasons=SEED_REPORT["reasons"], alternatives=SEED_REPORT["alternatives"],
                 no_conflicts=True, background_papers=["Strategic Assessment 2012-13"])
    d = L.publish_record(d, today=today, published_on=date(2013, 2, 18))
    d = L.refer(d, meeting_on=date(2013, 3, 6))
    return L.council_outcome(d, today=today, outcome="endorsed", decided_on=date(2013, 3, 6),
                             minute="Minute 97 of 2012/13")


def demo_decisions(profile: CouncilProfile, today: date, first_number: int = 1) -> list[Decision]:
    """The seed plus eight others, one at each interesting stage."""
    refs = (f"D{year}-{n:03d}" for n, year in enumerate(
        [2013] + [today.year] * 8, start=first_number))
    t = today
    days = lambda n: t + timedelta(days=n)  # noqa: E731
    out = [seed_decision(profile, next(refs))]

    d = L.new_decision(next(refs), "Disposal of land at Heather House, Pested Bars Road",
                       CABINET, days(-40))
    d = L.plan(d, today=t, published=days(-12), summary="To agree the sale of the former "
               "Heather House community centre site.", due_on=days(20), contact=LITTLEMORE,
               wards=["Shepway South"], portfolio="Leader",
               documents=["Report of the Head of Housing and Community Services"])
    d = L.set_key(d, profile, is_key=True, amount_pounds=412_500,
                  reason="it involves a capital receipt above the £250,000 threshold")
    d = L.set_private(d, paragraphs=[3], public_interest="The public interest in maintaining "
                      "the exemption outweighs disclosure while negotiations continue.",
                      exempt_information="Best offer £412,500 from Kent Homes Ltd; "
                      "second offer £398,000 from Medway Estates.",
                      exempt_fields=["report.implications.financial"],
                      intention_published=days(-12))
    d = L.update_report(d, implications={"financial": "Kent Homes Ltd offer £412,500, "
                                         "conditional on planning consent."},
                        key_issue="Whether to accept the best offer for the site.")
    out.append(d)

    d = L.new_decision(next(refs), "Emergency repairs to Lockmeadow Market Hall roof", GARLAND,
                       days(-15))
    d = L.plan(d, today=t, summary="To approve emergency roof repairs after storm damage.",
               contact=LITTLEMORE, wards=["High Street"])
    d = L.set_key(d, profile, is_key=True, amount_pounds=310_000,
                  reason="it involves expenditure of £310,000, above the £250,000 threshold")
    d = L.general_exception(d, today=t, notice_published=days(-9), chair_informed_on=days(-10),
                            reasons="The hall is closed until repaired and traders are losing "
                            "income; 28 days' notice is impracticable.")
    d = L.decide(d, profile, today=t, decided_on=days(-3), text="Approve repairs at a cost of "
                 "up to £310,000 from the capital contingency.", reasons="The building is "
                 "unsafe and closed.", alternatives="Temporary closure until the next budget: "
                 "rejected as traders would leave.", no_conflicts=True)
    out.append(L.publish_record(d, today=t, published_on=days(-2)))

    d = L.new_decision(next(refs), "Temporary accommodation: purchase of twelve flats", CABINET,
                       days(-9))
    d = L.plan(d, today=t, summary="To buy twelve flats for homeless households.",
               contact=LITTLEMORE, all_wards=True)
    d = L.set_key(d, profile, is_key=True, amount_pounds=1_850_000,
                  reason="it involves £1,850,000 and affects all wards")
    d = L.special_urgency(d, today=t, agreed_by="Cllr Fran Wilson", role="scrutiny-chair",
                          agreed_on=days(-6), reasons="The vendor's offer lapses in seven days.",
                          notice_published=days(-6))
    d = L.decide(d, profile, today=t, decided_on=days(-5), text="Purchase the twelve flats at "
                 "Brunswick Street for £1,850,000.", reasons="Reduces bed and breakfast use.",
                 alternatives="Continue to rely on bed and breakfast: rejected as more costly.",
                 no_conflicts=True)
    d = L.exempt_from_call_in(d, consent="Cllr Fran Wilson, scrutiny chair, agreed the "
                              "decision is urgent and exempt from call-in.")
    out.append(L.publish_record(d, today=t, published_on=days(-5)))

    d = L.new_decision(next(refs), "Parking fees and charges 2027/28", RING, days(-70))
    d = L.plan(d, today=t, published=days(-60), summary="To set on- and off-street parking "
               "charges.", contact=LITTLEMORE, all_wards=True)
    d = L.set_key(d, profile, is_key=True, categories=["Fees and charges"],
                  reason="fees and charges are always key")
    d = L.add_comment(d, Comment("Ann Price", "Bearsted Parish Council", days(-40), "letter",
                                 "Village car park charges would harm local shops."), today=t)
    d = L.decide(d, profile, today=t, decided_on=days(-12), text="Increase charges by 5%.",
                 reasons="To meet the cost of enforcement.", alternatives="No increase: "
                 "rejected as the service would run at a loss.",
                 conflicts=[Conflict("Cllr Marion Ring", "Holds a season ticket for a council car "
                                             "park", "Dispensation granted by the Chief "
                                             "Executive to take part")])
    d = L.publish_record(d, today=t, published_on=days(-11))
    out.append(L.call_in(d, profile, today=t, received_on=days(-8),
                         members=["Cllr Clive English", "Cllr Fay Gooch", "Cllr Dan Wilkinson"],
                         grounds="The impact on rural parishes was not assessed."))

    d = L.new_decision(next(refs), "Maidstone Local Plan Review: Regulation 19 consultation",
                       CABINET, days(-90))
    d = L.plan(d, today=t, published=days(-75), summary="To recommend the draft Local Plan to "
               "Council for consultation.", contact=LITTLEMORE, all_wards=True)
    d = L.set_key(d, profile, is_key=True, categories=["Policy framework"],
                  reason="the Local Plan is in the budget and policy framework")
    d = L.decide(d, profile, today=t, decided_on=days(-30), text="Recommend the draft plan to "
                 "Council.", reasons="Required by the Local Development Scheme.",
                 alternatives="Delay: rejected as the plan would be out of date.",
                 no_conflicts=True)
    d = L.publish_record(d, today=t, published_on=days(-29))
    out.append(L.refer(d, meeting_on=days(14)))

    d = L.new_decision(next(refs), "Waste collection contract extension", RING, days(-2))
    d = L.plan(d, today=t, summary="To extend the Mid Kent waste contract by two years.",
               due_month=f"{days(60):%Y-%m}", contact=LITTLEMORE, all_wards=True)
    out.append(d)

    d = L.new_decision(next(refs), "Town centre CCTV upgrade", WILSON, days(-30))
    d = L.plan(d, today=t, published=days(-20), summary="To replace 48 CCTV cameras.",
               due_on=days(15), contact=ROBSON, wards=["High Street", "Bridge", "Fant"],
               representations_deadline=days(10))
    d = L.set_key(d, profile, is_key=True, amount_pounds=280_000, wards_affected=3,
                  reason="it involves £280,000 and affects three wards")
    d = L.add_comment(d, Comment("Siân Llŷr-Owen", "", days(-5), "email",
                                 "Please include the Fremlin Walk entrance."), today=t)
    out.append(L.add_comment(d, Comment("Zoë Łukasz", "Tovil Parish Council", days(-3),
                                        "online", "Support the upgrade."), today=t))

    d = L.new_decision(next(refs), "Play area refurbishment, Mote Park", DecisionMaker(
        "Head of Commercial and Economic Development", "", "officer"), days(-50))
    d = L.set_key(d, profile, is_key=False, amount_pounds=85_000, wards_affected=1)
    d = L.decide(d, profile, today=t, decided_on=days(-40), text="Award the contract to "
                 "Playdale Ltd for £85,000.", reasons="Best value tender.",
                 alternatives="Repair only: rejected on safety grounds.", no_conflicts=True)
    d = L.publish_record(d, today=t, published_on=days(-39))
    out.append(L.implement(d, profile, today=t, implemented_on=days(-20)))
    return out

