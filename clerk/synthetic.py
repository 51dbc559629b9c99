"""Synthetic registers of realistic decisions (about 2 KB each), for benchmarks.

Deterministic for a seed. Built as plain dicts in the stored shape (checked against
`Decision.from_dict` by the tests) so that 100,000 decisions build in seconds.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import orjson

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Decision

SUBJECTS = ("Community Safety Partnership Plan", "Parking fees and charges", "Local Plan Review",
            "Waste collection contract", "Leisure centre management", "Housing Strategy",
            "Disposal of land", "Town centre CCTV", "Play area refurbishment",
            "Homelessness prevention grant", "Air quality action plan", "Crematorium works",
            "Museum redevelopment", "Park and ride service", "Affordable housing scheme")
PLACES = ("Mote Park", "Lockmeadow", "Fremlin Walk", "Heather House", "Staplehurst",
          "Headcorn", "Bearsted", "Tovil", "Marden", "Lenham", "Coxheath", "Boxley")
PEOPLE = ("Siân Llŷr", "Zoë Łukasz", "John Smith", "Aisha Khan", "Gareth Ŵyn Jones",
          "Mary O’Brien", "Priya Patel", "Tom Baker", "Ann Price", "Chen Wei")
PROSE = ("The proposal supports the Strategic Plan priority for Maidstone to be a decent "
         "place to live. Officers consulted the Safer Maidstone Partnership and ward members. "
         "Risks will be managed through the corporate risk register and reported quarterly. ")


def synthetic_dicts(count: int, profile: CouncilProfile, seed: int = 0,
                    end: date = date(2026, 11, 1)) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    # about 400 a year, as a busy council makes; a stress register denser, since a
    # register's dates start in 1974 (the councils of the Local Government Act 1972)
    span = min(max(count // 400, 1) * 365, (end - date(1975, 1, 1)).days)
    members = profile.executive or []
    per_year: dict[int, int] = {}
    template = orjson.dumps(Decision(ref="", title="").to_dict())  # copied, not rebuilt
    for _ in range(count):
        created = end - timedelta(days=rng.randrange(span))
        per_year[created.year] = per_year.get(created.year, 0) + 1
        ref = f"D{created.year}-{per_year[created.year]:03d}"
        yield _one(rng, ref, created, members, profile, orjson.loads(template))


def _one(rng: random.Random, ref: str, created: date, members: list[Any],
         profile: CouncilProfile, doc: dict[str, Any]) -> dict[str, Any]:
    maker = rng.choice(members) if members else None
    published = created + timedelta(days=rng.randrange(1, 20))
    decided = published + timedelta(days=29 + rng.randrange(60))
    wards = rng.sample(profile.wards, k=min(len(profile.wards), rng.randrange(1, 4)))
    amount = rng.randrange(10, 3000) * 1000
    title = f"{rng.choice(SUBJECTS)}, {rng.choice(PLACES)} ({ref})"
    stage = rng.random()
    doc.update(ref=ref, title=title)
    doc["created_on"] = created.isoformat()
    doc["decision_maker"].update(name=maker.name if maker else "Cabinet",
                                 title=maker.title if maker else "", kind="member")
    doc["plan"].update(summary=f"To decide on the {title.lower()}. " + PROSE[:120],
                       due_on=decided.isoformat(), first_published=published.isoformat(),
                       wards=wards, consultees="Ward members; parish councils; residents",
                       consultation_method="Online survey and drop-in sessions",
                       contact={"name": rng.choice(PEOPLE), "title": "Project Manager",
                                "telephone": "01622 602000", "email": "officer@example.gov.uk"},
                       documents=["Report of the Head of Service"],
                       documents_available_from="Democratic Services, Maidstone House")
    doc["key"].update(is_key=amount >= 250_000 or len(wards) >= 2, amount_pounds=amount,
                      wards_affected=len(wards), reason="Above the threshold or two wards.")
    doc["report"].update(key_issue=PROSE, recommendation=f"That the {title} be approved.",
                         recommended_by=f"Head of Service ({rng.choice(PEOPLE)})",
                         reasons=PROSE, alternatives="Do nothing: rejected. " + PROSE[:100],
                         risk_management=PROSE[:160], conclusions=PROSE[:200])
    doc["comments"] = [
        {"author": rng.choice(PEOPLE), "organisation": f"{rng.choice(PLACES)} Parish Council",
         "received_on": (published + timedelta(days=rng.randrange(1, 28))).isoformat(),
         "channel": "email", "text": "We ask the council to consider the effect on residents "
         "and local businesses. " * 2, "response": "Noted and addressed in the report."}
        for _ in range(rng.randrange(0, 3))
    ]
    if stage > 0.3:
        doc["record"] = {"decided_on": decided.isoformat(), "decision": f"{title} approved.",
                         "reasons": PROSE[:150], "alternatives_rejected": "Do nothing.",
                         "no_conflicts": True, "conflicts": [], "background_papers": [],
                         "published_on": (decided + timedelta(days=1)).isoformat()
                         if stage > 0.4 else None}
    if stage > 0.6:
        doc["implemented_on"] = (decided + timedelta(days=14)).isoformat()
    return doc
