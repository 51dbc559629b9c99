"""The seed decision walked through every command, as a clerk would in February 2013.

Hand-checked dates: the forward plan carrying it appeared Mon 7 Jan 2013, so 28 clear
days run 8 Jan .. 4 Feb and the earliest decision is Tue 5 Feb 2013. The record was
published Tue 12 Feb 2013: call-in runs Wed 13, Thu 14, Fri 15, Mon 18, Tue 19 Feb and
expires at 17:00 on Tue 19 Feb 2013.
"""

from __future__ import annotations

from tests.cli.conftest import Clerk

TITLE = "Maidstone Community Safety Partnership Plan 2013 – 2018"
REF = "D2013-001"
THREE = "Cllr Clive English, Cllr Fay Gooch, Cllr Dan Wilkinson"
CONTRACT = {"ref", "title", "stage", "key_decision", "first_published", "earliest_decision",
            "decided_on", "record_published", "call_in_expires", "comments", "problems"}


def _decide(clerk: Clerk, ref: str, on: str, today: str) -> None:
    clerk("decide", ref, "--on", on, "--decision", "Approve.", "--reasons", "Best value.",
          "--alternatives", "Do nothing: rejected.", "--no-conflicts", today=today)


def test_the_seed_from_init_to_council_endorsement(clerk: Clerk) -> None:
    assert "Maidstone Borough Council" in clerk("init").stdout
    new = clerk("new", "--title", TITLE, "--decision-maker", "Cllr John A Wilson",
                "--policy-framework")
    assert new.stdout == f"{REF}\n"  # the reference alone, for scripts
    assert clerk.show(REF)["stage"] == "draft"

    clerk("plan", REF, "--published", "07/01/2013", "--due", "02/2013",
          "--summary", "To approve the new plan for presentation to Full Council.",
          "--contact", "Sarah Robson", "--consultees", "Safer Maidstone Partnership",
          "--consultation-method", "Public consultation September to October 2012",
          "--document", "Community Safety Partnership Plan 2013-18",
          "--documents-from", "Democratic Services, Maidstone House", "--all-wards",
          "--portfolio", "Community Services")
    clerk("key", REF, "--category", "Plans and strategies", "--reason",
          "it is a plan in the budget and policy framework and affects all wards")
    clerk("consultation", REF, "--opens", "01/09/2012", "--closes", "31/10/2012")
    clerk("comment", REF, "--from", "Overview and Scrutiny Communities Committee",
          "--organisation", "Maidstone Borough Council", "--on", "22/01/2013",
          "--channel", "scrutiny", "--text", "Add a section on the Police and Crime "
          "Commissioner.", "--response", "The Plan has been updated.", today="2013-01-22")
    clerk("report", REF, "--key-issue", "Approval of the plan.", "--recommendation",
          "That the plan be presented to Full Council.", "--recommended-by",
          "Head of Housing and Community Services", "--reasons", "The Constitution.",
          "--alternatives", "None: a statutory requirement.", "--implication",
          "financial=£45,000 Community Safety Grant", "--appendix", "Appendix A – the Plan",
          "--background", "Strategic Assessment 2012-13", "--prepared-by", "Sarah Robson",
          "--issued", "07/02/2013", today="2013-02-07")

    facts = clerk.show(REF, today="2013-02-07")
    assert facts["stage"] == "planned"
    assert facts["key_decision"] is True
    assert facts["first_published"] == "2013-01-07"
    assert facts["earliest_decision"] == "2013-02-05"
    assert facts["comments"][0]["author"] == "Overview and Scrutiny Communities Committee"
    assert facts["comments"][0]["received_on"] == "2013-01-22"

    clerk("decide", REF, "--on", "12/02/2013", "--decision", "That the Plan be presented to "
          "Full Council for final endorsement.", "--reasons", "The Constitution requires it.",
          "--alternatives", "None: it is a statutory requirement.", "--no-conflicts",
          "--background", "Strategic Assessment 2012-13", today="2013-02-12")
    assert clerk.show(REF, today="2013-02-12")["stage"] == "decided"
    clerk("publish", REF, "--on", "12/02/2013", today="2013-02-12")
    facts = clerk.show(REF, today="2013-02-12")
    assert facts["stage"] == "published"
    assert facts["record_published"] == "2013-02-12"
    assert facts["call_in_expires"] == "2013-02-19T17:00"

    clerk("call-in", REF, "--received", "14/02/2013", "--members", THREE, "--grounds",
          "The rural parishes were not consulted.", today="2013-02-14")
    assert clerk.show(REF, today="2013-02-14")["stage"] == "called-in"
    clerk("call-in-outcome", REF, "--outcome", "no-further-action", "--on", "18/02/2013",
          today="2013-02-18")
    assert clerk.show(REF, today="2013-02-18")["stage"] == "published"

    # A policy framework item: the executive decision is only a recommendation.
    line = clerk.refused("implement", REF, "--on", "20/02/2013", today="2013-02-20")
    assert "Full Council" in line
    clerk("refer", REF, "--meeting", "06/03/2013", today="2013-02-20")
    assert clerk.show(REF, today="2013-02-20")["stage"] == "referred"
    clerk("council", REF, "--outcome", "endorsed", "--on", "06/03/2013", "--minute",
          "Minute 97 of 2012/13", today="2013-03-06")

    facts = clerk.show(REF, today="2013-03-06")
    assert CONTRACT <= set(facts)
    assert facts["ref"] == REF
    assert facts["title"] == TITLE
    assert facts["stage"] == "council-decided"
    assert facts["key_decision"] is True
    assert facts["first_published"] == "2013-01-07"
    assert facts["earliest_decision"] == "2013-02-05"
    assert facts["decided_on"] == "2013-02-12"
    assert facts["record_published"] == "2013-02-12"
    assert facts["call_in_expires"] == "2013-02-19T17:00"
    assert facts["council_outcome"] == "endorsed"
    assert isinstance(facts["comments"], list) and len(facts["comments"]) == 1
    assert isinstance(facts["problems"], list)
    assert all(p[:1].isupper() and p.endswith(".") for p in facts["problems"])
    working = {d["label"]: d["working"] for d in facts["dates"]}
    assert working["Forward plan (28 clear days)"] == (
        "published Mon 7 Jan 2013; 28 clear days end Mon 4 Feb 2013; "
        "earliest decision Tue 5 Feb 2013")

    history = clerk("history", REF, today="2013-03-06").stdout.splitlines()
    actions = [line.split("  ")[-1] for line in history]
    assert actions == ["decision created", "forward plan entry", "key decision confirmed",
                       "consultation", "comment added", "report edited", "decision recorded",
                       "record published", "call-in received", "call-in outcome",
                       "referred to Council", "Council outcome"]


def test_non_policy_item_implemented_after_call_in(clerk: Clerk) -> None:
    clerk("init")
    ref = clerk("new", "--title", "Play area refurbishment, Mote Park", "--decision-maker",
                "Head of Commercial and Economic Development", "--kind", "officer",
                today="2013-02-01").stdout.strip()
    assert ref == "D2013-001"
    clerk("key", ref, "--not-key", "--amount", "85000", "--wards", "1")
    _decide(clerk, ref, "12/02/2013", today="2013-02-12")
    clerk("publish", ref, "--on", "12/02/2013", today="2013-02-12")
    # Call-in runs to 17:00 Tue 19 Feb 2013: not to be implemented that day.
    line = clerk.refused("implement", ref, "--on", "19/02/2013", today="2013-02-19")
    assert "17:00 on Tue 19 Feb 2013" in line and "implement from Wed 20 Feb 2013" in line
    clerk("implement", ref, "--on", "20/02/2013", today="2013-02-20")
    facts = clerk.show(ref, today="2013-02-20")
    assert facts["stage"] == "implemented" and facts["implemented_on"] == "2013-02-20"
    assert facts["key_decision"] is False


def test_exception_urgency_private_and_exemption_commands(clerk: Clerk) -> None:
    clerk("init")
    today = "2013-03-01"
    # General exception: notice Mon 21 Jan 2013 -> clear 22..26 Jan -> earliest Sun 27 Jan.
    exc = clerk("new", "--title", "Emergency roof repairs", "--decision-maker",
                "Cllr Christopher Garland", today=today).stdout.strip()
    clerk("key", exc, "--amount", "310000", "--reason", "it involves £310,000", today=today)
    clerk("exception", exc, "--notice-published", "21/01/2013", "--chair-informed",
          "18/01/2013", "--reasons", "The hall is unsafe.", "--reasons-notice", "28/01/2013",
          today=today)
    assert clerk.show(exc, today=today)["earliest_decision"] == "2013-01-27"
    _decide(clerk, exc, "27/01/2013", today=today)

    # Special urgency: the decision may be taken the day urgency is agreed.
    urg = clerk("new", "--title", "Purchase of twelve flats", "--decision-maker", "Cabinet",
                "--kind", "cabinet", today=today).stdout.strip()
    clerk("key", urg, "--amount", "1850000", "--reason", "it involves £1,850,000", today=today)
    clerk("urgency", urg, "--agreed-by", "Cllr Fran Wilson", "--role", "scrutiny-chair",
          "--agreed-on", "25/02/2013", "--reasons", "The offer lapses.", today=today)
    assert clerk.show(urg, today=today)["earliest_decision"] == "2013-02-25"
    _decide(clerk, urg, "25/02/2013", today=today)
    clerk("publish", urg, "--on", "25/02/2013", today=today)
    clerk("exempt-call-in", urg, "--consent", "Cllr Fran Wilson agreed it is urgent.",
          today=today)
    line = clerk.refused("call-in", urg, "--received", "26/02/2013", "--members", THREE,
                         "--grounds", "x", today=today)
    assert "exempt from call-in" in line
    clerk("implement", urg, "--on", "25/02/2013", today=today)

    # Private: notice of intention Mon 14 Jan 2013 -> 28 clear days 15 Jan .. 11 Feb.
    priv = clerk("new", "--title", "Disposal of land at Heather House", "--decision-maker",
                 "Cabinet", "--kind", "cabinet", today=today).stdout.strip()
    clerk("plan", priv, "--published", "14/01/2013", "--contact", "John Littlemore",
          today=today)
    clerk("key", priv, "--amount", "412500", "--reason", "a capital receipt over £250,000",
          today=today)
    clerk("report", priv, "--implication", "financial=Best offer £412,500", today=today)
    clerk("private", priv, "--paragraph", "3", "--public-interest", "Negotiations continue.",
          "--exempt-text", "Best offer £412,500 from Kent Homes Ltd", "--exempt-field",
          "report.implications.financial", "--intention", "14/01/2013", today=today)
    facts = clerk.show(priv, today=today)
    assert facts["private"] is True
    assert facts["earliest_decision"] == "2013-02-12"
    assert "Private meeting notices" in {d["label"] for d in facts["dates"]}
    assert "£412,500" not in clerk("show", priv, today=today).stdout
