"""The report sections of the seed: Maidstone's 2013 Community Safety Partnership Plan.

Public text from the decision report this project grew from; used by the demo register
and the tests so every notice can be checked against a real report.
"""

from __future__ import annotations

from datetime import date
from typing import Any

SEED_REPORT: dict[str, Any] = {
    "key_issue": "The Cabinet Member is asked to approve for the new Maidstone Community "
    "Safety Partnership Plan 2013 – 2018 to be presented to Full Council for final "
    "endorsement.",
    "recommended_by": "Head of Housing and Community Services",
    "recommendation": "That the Cabinet Member agrees for the Maidstone Community Safety "
    "Partnership Plan 2013 – 2018 be presented to Full Council for final endorsement.",
    "reasons": "In adherence with the Borough Council’s Constitution, the Crime and Disorder "
    "Reduction Strategy, ‘Maidstone Community Safety Partnership Plan 2013 – 2018 Plan’ needs "
    "to be put before Full Council for approval. Feedback from the public consultation "
    "undertaken between September to October 2012 and recommendations from the Overview and "
    "Scrutiny Communities Committee in January 2013 have been incorporated into the Plan. "
    "Following the election of a Police and Crime Commissioner in November 2012, the Plan "
    "has been updated to reflect the new appointment.",
    "alternatives": "The partnership plan contributes towards the Council’s statutory "
    "requirement to reduce crime under Section 17 Crime & Disorder Act. It is a statutory "
    "legal requirement for the plan to be approved by full Council.",
    "corporate_objectives": "The Community Safety Partnership Plan will contribute to the "
    "delivery of the Strategic Plan priorities; For Maidstone to be a decent place to live "
    "and Corporate and Customer Excellence.",
    "risk_management": "Risks associated with delivery against the strategic priorities "
    "within the Plan will be managed by the Safer Maidstone Partnership and the individual "
    "agencies that make up the partnership.",
    "implications": {
        "financial": "Maidstone received its last Community Safety Grant allocation directly "
        "from the Home Office in early 2012/13; this reduced amount of £45,000 was more than "
        "half of its previous allocation. From 2013/14 all Community Safety Grant funding "
        "will be allocated directly to the new Police and Crime Commissioner.",
        "staffing": "The priorities within the Plan cross cut the agencies that make up the "
        "Safer Maidstone Partnership.",
        "legal": "Sections 5 to 7 of the Crime and Disorder Act 1998 require “responsible "
        "authorities” to formulate and implement strategies for the reduction of crime and "
        "disorder, combating substance misuse and reducing re-offending.",
        "equality": "The benefits of delivery against the plan will apply across the "
        "Maidstone borough.",
        "community_safety": "The Community Safety team has been brought under the reporting "
        "line of the Community Partnerships unit.",
    },
    "conclusions": "The plan has been subject to widespread consultation with the agencies "
    "that make up the Safer Maidstone Partnership. As a result of the public consultation "
    "undertaken between September to October 2012, no feedback was received. The Overview "
    "and Scrutiny Communities Committee recommended for the Plan to be updated with a "
    "section reflecting the appointment of the PCC and the inclusion of the Strategic "
    "Assessment.",
    "appendices": ["Appendix A – Community Safety Partnership Plan 2013-18"],
    "background_documents": ["Strategic Assessment 2012-13"],
    "prepared_by": "Sarah Robson",
    "issued_on": date(2013, 2, 7),
}
