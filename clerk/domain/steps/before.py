"""The steps before the decision: the entry, its details, the forward plan, key decision,
comments, the consultation window, the notice routes, private consideration and the report.
"""

from __future__ import annotations

from clerk.domain import lifecycle as L
from clerk.domain.council import CouncilProfile
from clerk.domain.decision import (
    IMPLICATIONS,
    ROLE_WORDS,
    Comment,
    Decision,
    DecisionMaker,
    Person,
)
from clerk.domain.exempt import EXEMPTABLE_FIELDS
from clerk.domain.guards import Refused, before_decision
from clerk.domain.steps.base import NO_FLAG, Ctx, Field, Step, Values, choices, refused_by

F = Field

MAKER_KINDS = choices(("member", "An executive member"), ("cabinet", "The Cabinet"),
                      ("committee", "A committee of the executive"), ("officer", "An officer"))
URGENCY_ROLES = choices(*ROLE_WORDS.items())
CHANNELS = choices(("email", "Email"), ("letter", "Letter"), ("telephone", "Telephone"),
                   ("in person", "In person"), ("online", "Online"),
                   ("scrutiny", "Scrutiny committee"), ("other", "Other"))
KEY_ANSWERS = choices(("yes", "Yes, a key decision"), ("no", "No, not a key decision"))
AMOUNT_KINDS = choices(("", "Not said (the council's single threshold)"),
                       ("revenue", "Revenue"), ("capital", "Capital"), ("contract", "Contract"))
EARLIER_UNABLE = F("earlier_unable", "Why the scrutiny chair (and, for the vice-chairman, the "
                   "chairman) could not act, or that there is none", "area",
                   help="Needed when the chairman or vice-chairman agreed; the notice says "
                   "what is recorded here.")


CORRECT_ROUTE = (("correct", "correct a clerical error (a title, a name, a telephone, a "
                             "ward) with its reason"),)


def gate_of(reason: str | None) -> Refused | None:
    return refused_by(reason)


# ---- the entry: who decides what -------------------------------------------------------


def maker_from_profile(profile: CouncilProfile, maker: DecisionMaker) -> DecisionMaker:
    """A decision maker's title and telephone, where not given, from the executive list."""
    for member in profile.executive:
        if member.name.casefold() == maker.name.strip().casefold():
            return DecisionMaker(member.name, maker.title or member.title, maker.kind,
                                 maker.telephone or member.telephone, list(maker.members))
    return maker


def officer_from_profile(profile: CouncilProfile, person: Person) -> Person:
    """An officer's job title, telephone and email, where not given, from the profile."""
    for officer in profile.officers:
        if officer.name.casefold() == person.name.strip().casefold():
            return Person(officer.name, person.title or officer.title,
                          person.telephone or officer.telephone, person.email or officer.email)
    return person


MAKER_FIELDS = (
    F("maker_name", "Decision maker (name or body)", required=True, flag="--decision-maker",
      help="e.g. Cllr John A Wilson, or Cabinet"),
    F("maker_title", "Decision maker's title", help="e.g. Cabinet Member for Community "
      "Services (filled from the council profile when left blank)"),
    F("maker_kind", "Kind of decision maker", "choice", True, MAKER_KINDS, flag="--kind",
      default="member"),
    F("maker_telephone", "Telephone"),
    F("maker_members", "Members of the body (a Cabinet or committee)", "list", repeat=True,
      flag="--maker-member", help="the forward plan lists them (reg 9(1)(c)); separate names "
      "with commas, or repeat --maker-member once for each"),
)


def _maker(v: Values, ctx: Ctx) -> DecisionMaker:
    return maker_from_profile(ctx.profile, DecisionMaker(
        v["maker_name"].strip(), v["maker_title"].strip(), v["maker_kind"],
        v["maker_telephone"].strip(), list(v.get("maker_members") or [])))


def _maker_values(d: Decision, ctx: Ctx) -> Values:
    m = d.decision_maker
    return {"title": d.title, "maker_name": m.name, "maker_title": m.title,
            "maker_kind": m.kind, "maker_telephone": m.telephone,
            "maker_members": list(m.members),
            "policy_framework": d.referral.policy_framework}


ENTRY_FIELDS = (F("title", "Title of the decision", required=True,
                  help="The matter, as the forward plan will print it."),
                *MAKER_FIELDS,
                F("policy_framework", "Budget and policy framework item (Full Council "
                  "decides finally)", "bool"))

NEW = Step(
    "new", "New decision", "Start a decision; prints its new reference alone.",
    "decision created", ENTRY_FIELDS,
    lambda d, v, c: L.new_decision(d.ref, v["title"], _maker(v, c), c.today,
                                   bool(v["policy_framework"])))

DETAILS = Step(
    "details", "Title and decision maker", "Change the title and the decision maker before "
    "the decision is taken.", "details updated", ENTRY_FIELDS,
    lambda d, v, c: L.update_details(d, title=v["title"], maker=_maker(v, c),
                                     policy_framework=bool(v["policy_framework"])),
    gate=lambda d, c: refused_by(before_decision(d, "the title and decision maker"),
                                 CORRECT_ROUTE),
    current=_maker_values)


# ---- the forward plan entry ------------------------------------------------------------


def _plan_current(d: Decision, c: Ctx) -> Values:
    p = d.plan
    out = {name: getattr(p, name) for name in L.PLAN_FIELDS if name != "contact"}
    return out | {"contact_name": p.contact.name, "contact_title": p.contact.title,
                  "contact_telephone": p.contact.telephone, "contact_email": p.contact.email,
                  "published": p.first_published}


def _plan_change(d: Decision, v: Values, c: Ctx) -> Decision:
    contact = officer_from_profile(c.profile, Person(
        v.pop("contact_name").strip(), v.pop("contact_title").strip(),
        v.pop("contact_telephone").strip(), v.pop("contact_email").strip()))
    published = v.pop("published")
    return L.plan(d, today=c.today, published=published, contact=contact, **v)


PLAN = Step("plan", "Forward plan entry", "Edit the forward plan entry and record its "
            "publication (reg 9). The date it first appeared is kept for ever; later "
            "publications are added to its history.", "forward plan entry", (
    F("summary", "Matter for decision (summary)", "area"),
    F("due_on", "Date of decision", "date", help="or give the month below", flag=NO_FLAG),
    F("due_month", "Month of decision", "month", flag=NO_FLAG),
    F("published", "Published in the forward plan on", "date",
      help="The first publication is kept for good; later ones are added to the history."),
    F("contact_name", "Contact officer", flag="--contact",
      help="Job title, telephone and email are filled from the council profile."),
    F("contact_title", "Contact officer's job title"),
    F("contact_telephone", "Contact officer's telephone", flag="--contact-phone"),
    F("contact_email", "Contact officer's email"),
    F("representations_deadline", "Deadline for representations", "date",
      flag="--representations-by"),
    F("consultees", "Consultees"), F("consultation_method", "Consultation method"),
    F("documents", "Documents submitted", "list", flag="--document", repeat=True),
    F("documents_available_from", "Copies available from", flag="--documents-from"),
    F("other_documents_how", "How to ask for other documents"),
    F("all_wards", "All wards", "bool"), F("wards", "Wards affected", "list"),
    F("parishes", "Parishes affected", "list"), F("portfolio", "Portfolio"),
), _plan_change, gate=lambda d, c: refused_by(L.gate_plan(d), CORRECT_ROUTE),
    current=_plan_current)


# ---- key decision, comments, consultation ----------------------------------------------


def _key_change(d: Decision, v: Values, c: Ctx) -> Decision:
    return L.set_key(d, c.profile, is_key=v["is_key"] != "no", reason=v["reason"],
                     amount_pounds=v["amount_pounds"], wards_affected=v["wards_affected"],
                     categories=v["categories"], amount_kind=v["amount_kind"],
                     departure_reason=v["departure_reason"])


KEY = Step("key", "Key decision (reg 8)", "Confirm whether it is a key decision, and why.",
           "key decision", (
    F("is_key", "Is this a key decision?", "choice", True, KEY_ANSWERS, flag=NO_FLAG),
    F("reason", "This is a Key Decision because", "area"),
    F("amount_pounds", "Expenditure or saving (£)", "int", flag="--amount"),
    F("amount_kind", "Which threshold the amount is measured against", "choice",
      choices=AMOUNT_KINDS, help="Needed where the council has separate revenue, capital "
      "or contract thresholds."),
    F("wards_affected", "Number of wards significantly affected", "int", flag="--wards"),
    F("categories", "Categories (e.g. Plans and strategies)", "list", flag="--category",
      repeat=True),
    F("departure_reason", "Why it is treated as not key although the council's definition "
      "makes it key", "area", help="Asked when the answer is not key; it shows as a "
      "problem until the departure is reviewed."),
), _key_change, gate=lambda d, c: gate_of(L.gate_key(d)),
    action_of=lambda v: "key decision " + ("cleared" if v["is_key"] == "no" else "confirmed"),
    current=lambda d, c: {"is_key": {True: "yes", False: "no"}.get(d.key.is_key),  # type: ignore[arg-type]
                          "reason": d.key.reason, "amount_pounds": d.key.amount_pounds,
                          "amount_kind": d.key.amount_kind,
                          "departure_reason": d.key.departure_reason,
                          "wards_affected": d.key.wards_affected,
                          "categories": d.key.categories})


def _comment_change(d: Decision, v: Values, c: Ctx) -> Decision:
    v["received_on"] = v["received_on"] or c.today
    return L.add_comment(d, Comment(**v), today=c.today)


COMMENT = Step("comment", "Add a comment", "Record a comment (representation) or a scrutiny "
               "recommendation.", "comment added", (
    F("author", "From", required=True, flag="--from"),
    F("organisation", "Organisation or parish"),
    F("received_on", "Received on", "date", flag="--on", help="Today, if not given."),
    F("channel", "How it came", "choice", True, CHANNELS, default="email"),
    F("text", "Comment (summary)", "area", True),
    F("response", "The council's response", "area"),
), _comment_change, gate=lambda d, c: gate_of(L.gate_comment(d)),
    suggest=lambda d, c: {"received_on": c.today})


def _respond_gate(d: Decision, c: Ctx) -> Refused | None:
    if not d.comments:
        return refused_by("No comments are recorded yet.",
                          (("comment", "record the comment first"),))
    return None


def _respond_change(d: Decision, v: Values, c: Ctx) -> Decision:
    return L.respond_to_comment(d, int(v["comment"]) - 1, v["response"])


RESPOND = Step("respond", "Response to a comment", "Record the council's response to one "
               "comment, replacing any earlier response.", "response to comment", (
    F("comment", "Which comment (counting from 1)", "int", True),
    F("response", "The council's response", "area", True),
), _respond_change, gate=_respond_gate,
    action_of=lambda v: f"response to comment {v['comment']}")

CONSULTATION = Step("consultation", "Consultation window", "Record the consultation window, "
                    "and that no comments came if none did.", "consultation", (
    F("opens_on", "Consultation opens on", "date", flag="--opens"),
    F("closes_on", "Consultation closes on", "date", flag="--closes"),
    F("no_comments_received", "No comments were received", "bool", flag="--no-comments"),
), lambda d, v, c: L.set_consultation(d, **v),
    current=lambda d, c: {"opens_on": d.consultation.opens_on,
                          "closes_on": d.consultation.closes_on,
                          "no_comments_received": d.consultation.no_comments_received})


# ---- notice routes and private consideration -------------------------------------------


def _part_words(path: str) -> str:
    """'report.implications.financial' -> 'Report: Financial implications'."""
    section, *rest = path.split(".")
    if rest[0] == "implications":
        return f"{section.capitalize()}: {dict(IMPLICATIONS)[rest[1]]} implications"
    return f"{section.capitalize()}: {rest[0].replace('_', ' ')}"


EXEMPT_PARTS = choices(*((path, _part_words(path)) for path in EXEMPTABLE_FIELDS))


def _exception_gate(d: Decision, c: Ctx) -> Refused | None:
    if d.key.is_key is not True and L.gate_key(d) is None:
        return refused_by(L.gate_exception(d), (("key", "confirm it is a key decision"),))
    return gate_of(L.gate_exception(d))


EXCEPTION = Step("exception", "General exception (reg 10)", "Record a general exception: "
                 "the decision may be taken 5 clear days after the notice.",
                 "general exception", (
    F("chair_informed_on", "Scrutiny chair told in writing on", "date",
      flag="--chair-informed", help="The notice date, if not given."),
    F("notice_published", "Notice published on", "date", True),
    F("reasons", "Why 28 days' notice is impracticable", "area", True),
    F("reasons_notice_published", "Reasons notice published on", "date",
      flag="--reasons-notice"),
), lambda d, v, c: L.general_exception(d, today=c.today, **v), gate=_exception_gate,
    suggest=lambda d, c: {"notice_published": c.today, "chair_informed_on": c.today})

URGENCY = Step("urgency", "Special urgency (reg 11)", "Record special urgency: who agreed, "
               "in which role, when and why.", "special urgency", (
    F("agreed_by", "Agreed by", required=True),
    F("role", "Their role", "choice", True, URGENCY_ROLES),
    F("agreed_on", "Agreed on", "date", True),
    F("reasons", "Why it is urgent and cannot reasonably be deferred", "area", True),
    EARLIER_UNABLE,
    F("notice_published", "Reasons notice published on", "date"),
), lambda d, v, c: L.special_urgency(d, today=c.today, **v),
    gate=lambda d, c: gate_of(L.gate_urgency(d)),
    suggest=lambda d, c: {"role": "scrutiny-chair", "agreed_on": c.today,
                          "agreed_by": c.profile.scrutiny_chair.name})

PRIVATE = Step("private", "Private consideration (reg 5, Schedule 12A)", "Record that it will "
               "be considered in private.", "private consideration", (
    F("paragraphs", "Schedule 12A paragraph(s), 1 to 7", "ints", True, flag="--paragraph",
      repeat=True),
    F("public_interest", "Public interest test reasoning", "area", True),
    F("exempt_information", "The exempt information (never printed in public)", "area",
      flag="--exempt-text"),
    F("intention_published", "28-day notice of intention published on", "date",
      flag="--intention"),
    F("confirmation_published", "5-day confirmation published on", "date",
      flag="--confirmation"),
    F("representations", "Representations about meeting in private", "area"),
    F("response", "The council's response", "area"),
    F("exempt_fields", "Parts withheld from public notices", "many", choices=EXEMPT_PARTS,
      flag="--exempt-field", repeat=True,
      help="Each part ticked prints as the Schedule 12A stamp on every public notice."),
), lambda d, v, c: L.set_private(d, **v), gate=lambda d, c: gate_of(L.gate_private(d)),
    current=lambda d, c: (dict(vars(d.private)) if d.private else {})
    | {"exempt_fields": d.exempt_fields})


# ---- the report ------------------------------------------------------------------------

_REPORT_TEXT = ("key_issue", "recommendation", "recommended_by", "reasons", "alternatives",
                "corporate_objectives", "risk_management", "conclusions", "prepared_by")
_REPORT_HELP = {"recommended_by": "Whose recommendation, e.g. Head of Housing",
                "alternatives": "Alternative action and why not recommended"}


def _report_change(d: Decision, v: Values, c: Ctx) -> Decision:
    implications = {k: v.pop(f"impl_{k}") for k, _ in IMPLICATIONS}
    return L.update_report(d, implications=implications, **v)


REPORT = Step("report", "Decision report", "Write the sections of the decision report.",
              "report edited", (
    *(F(n, n.replace("_", " ").capitalize(), "text" if n.endswith("by") else "area",
        help=_REPORT_HELP.get(n, "")) for n in _REPORT_TEXT),
    F("issued_on", "Date issued", "date", flag="--issued"),
    *(F(f"impl_{k}", f"Implications: {label}", "area", flag=NO_FLAG)
      for k, label in IMPLICATIONS),
    F("appendices", "Appendices", "list", flag="--appendix", repeat=True),
    F("background_documents", "Background documents", "list", flag="--background",
      repeat=True),
), _report_change, gate=lambda d, c: refused_by(L.gate_report(d), CORRECT_ROUTE),
    current=lambda d, c: {**{n: getattr(d.report, n) for n in L.REPORT_FIELDS},
                          **{f"impl_{k}": d.report.implications.get(k, "")
                             for k, _ in IMPLICATIONS}})
