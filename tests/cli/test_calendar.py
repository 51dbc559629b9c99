"""`clerk calendar -o deadlines.ics`: every statutory date in the register as an event a
clerk can import into Outlook, each with its working. The expected dates are counted by
hand from a calendar of 2013 (Easter: Good Friday 29 March, Easter Monday 1 April)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from clerk.calendar_export import all_dates, latest_notice, to_ics
from clerk.domain.decision import PrivateUrgency, Record, SpecialUrgency
from tests.cli.conftest import Clerk
from tests.notices.conftest import maidstone, private_decision, seed_decision

LONDON = ZoneInfo("Europe/London")
TODAY = "2013-03-31"


def events(ics: bytes) -> dict[str, Any]:
    """The events by UID, less the domain after '@'."""
    parsed = Calendar.from_ical(ics)
    return {str(e["UID"]).split("@")[0]: e for e in parsed.walk("VEVENT")}


def start(event: Any) -> date | datetime:
    value: date | datetime = event.decoded("DTSTART")
    return value


@pytest.fixture
def demo_ics(clerk: Clerk, tmp_path: Path) -> bytes:
    clerk("demo", today=TODAY)
    out = clerk("calendar", "-o", str(tmp_path / "deadlines.ics"), today=TODAY).stdout
    assert out.startswith(f"Wrote {tmp_path / 'deadlines.ics'}: ")
    return (tmp_path / "deadlines.ics").read_bytes()


def test_call_in_expiry_is_an_event_at_the_cut_off_in_uk_time(demo_ics: bytes) -> None:
    event = events(demo_ics)["D2013-001-call-in"]
    # record published Mon 18 Feb 2013; 5 working days Tue 19 .. Mon 25 Feb; 5.00pm
    assert start(event) == datetime(2013, 2, 25, 17, 0, tzinfo=LONDON)
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert "Call-in ends 17:00" in str(event["SUMMARY"])
    assert "Maidstone Community Safety Partnership Plan" in str(event["SUMMARY"])
    assert str(event["DESCRIPTION"]) == (
        "record published Mon 18 Feb 2013; 5 working days from Tue 19 Feb 2013; "
        "call-in expires 17:00 on Mon 25 Feb 2013.")


def test_earliest_decision_is_a_whole_day_with_its_working(demo_ics: bytes) -> None:
    event = events(demo_ics)["D2013-001-earliest-decision"]
    assert start(event) == date(2013, 2, 5)
    assert event.decoded("DTEND") == date(2013, 2, 6)  # Outlook: a one-day event
    assert str(event["TRANSP"]) == "TRANSPARENT"  # it does not block the clerk's day
    assert str(event["DESCRIPTION"]) == ("published Mon 7 Jan 2013; 28 clear days end Mon 4 "
                                         "Feb 2013; earliest decision Tue 5 Feb 2013.")


def test_full_council_meeting_lists_what_is_referred(demo_ics: bytes) -> None:
    meeting = events(demo_ics)["council-20130306"]
    assert start(meeting) == date(2013, 3, 6)
    assert str(meeting["SUMMARY"]) == "Full Council meeting"
    assert "D2013-001 Maidstone Community Safety Partnership Plan 2013 – 2018 (budget and " \
           "policy framework: for final endorsement)" in str(meeting["DESCRIPTION"])


def test_every_event_has_what_outlook_needs(demo_ics: bytes) -> None:
    parsed = Calendar.from_ical(demo_ics)
    assert str(parsed["VERSION"]) == "2.0" and str(parsed["METHOD"]) == "PUBLISH"
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/London"]
    found = parsed.walk("VEVENT")
    assert len(found) > 5
    for event in found:
        for needed in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert needed in event, (needed, event)
    assert len({str(e["UID"]) for e in found}) == len(found)
    assert b"\r\n" in demo_ics  # RFC 5545 line ends


def test_uids_are_the_same_in_a_later_export(clerk: Clerk, tmp_path: Path,
                                             demo_ics: bytes) -> None:
    clerk("calendar", "-o", str(tmp_path / "again.ics"), today=TODAY)
    again = events((tmp_path / "again.ics").read_bytes())
    assert set(again) == set(events(demo_ics))


def test_from_leaves_out_earlier_dates(clerk: Clerk, tmp_path: Path, demo_ics: bytes) -> None:
    clerk("calendar", "-o", str(tmp_path / "later.ics"), "--from", "01/03/2013", today=TODAY)
    later = events((tmp_path / "later.ics").read_bytes())
    assert "D2013-001-call-in" not in later and "council-20130306" in later


def test_forward_plan_entry_due_for_a_planned_key_decision(clerk: Clerk, tmp_path: Path) -> None:
    clerk("init", today=TODAY)
    ref = clerk("new", "--title", "Town centre toilets", "--decision-maker", "Cllr A Smith",
                today=TODAY).stdout.strip()
    clerk("plan", ref, "--due", "15/05/2013", "--contact", "Sarah Robson", "--all-wards",
          today=TODAY)
    clerk("key", ref, "--reason", "it affects all wards", today=TODAY)
    clerk("calendar", "-o", str(tmp_path / "d.ics"), today=TODAY)
    event = events((tmp_path / "d.ics").read_bytes())[f"{ref}-plan-entry"]
    # published Tue 16 Apr: 28 clear days 17 Apr .. 14 May; the decision on Wed 15 May
    assert start(event) == date(2013, 4, 16)
    assert "Forward plan entry due" in str(event["SUMMARY"])
    assert str(event["DESCRIPTION"]) == (
        "Publish on or before Tue 16 Apr 2013: published Tue 16 Apr 2013; 28 clear days end "
        "Tue 14 May 2013; earliest decision Wed 15 May 2013; the decision is due Wed 15 May "
        "2013.")


def test_private_meeting_notices_due() -> None:
    decision = private_decision()
    decision.record = None
    decision.urgency = None
    decision.exception = None
    decision.private = dataclasses.replace(decision.private, intention_published=None,
                                           confirmation_published=None, urgency=None)
    found = {d.uid: d for d in all_dates([decision], maidstone())}
    # due Wed 20 Mar 2013: 28 clear days from Mon 18 Feb; 5 clear days from Thu 14 Mar
    assert found["D2013-007-private-intention"].on == date(2013, 2, 19)
    assert found["D2013-007-private-confirmation"].on == date(2013, 3, 14)


def test_special_urgency_does_not_excuse_the_private_meeting_notices() -> None:
    """Reg 11 lets the decision go without the forward plan's 28 days; only reg 5(6)'s own
    agreement lets a private meeting go without reg 5's notices."""
    decision = private_decision()
    decision.record = None
    decision.exception = None
    decision.urgency = SpecialUrgency("Cllr Fran Wilson", "scrutiny-chair",
                                      date(2013, 3, 1), "It cannot wait")
    decision.private = dataclasses.replace(decision.private, intention_published=None,
                                           confirmation_published=None, urgency=None)
    found = {d.uid: d for d in all_dates([decision], maidstone())}
    assert found["D2013-007-private-intention"].on == date(2013, 2, 19)
    decision.private.urgency = PrivateUrgency("Cllr Fran Wilson", "scrutiny-chair", "",
                                              date(2013, 3, 1), "It cannot wait", None)
    found = {d.uid: d for d in all_dates([decision], maidstone())}
    assert "D2013-007-private-intention" not in found
    assert "D2013-007-private-confirmation" not in found


def test_a_notice_due_in_working_days_skips_easter() -> None:
    profile = dataclasses.replace(maidstone(), clear_days="working")
    # 5 clear working days before a decision on Thu 4 Apr 2013: Tue 26, Wed 27, Thu 28 Mar,
    # Tue 2, Wed 3 Apr (Good Friday and Easter Monday are not working days): publish by
    # Mon 25 Mar, where counting calendar days would have said Fri 29 Mar
    found = latest_notice(profile, date(2013, 4, 4), 5)
    assert found.value == date(2013, 3, 25)
    assert "Good Friday" in found.working and "Easter Monday" in found.working
    assert latest_notice(maidstone(), date(2013, 4, 4), 5).value == date(2013, 3, 29)


def test_record_due_for_a_decision_taken_but_not_published() -> None:
    decision = seed_decision()
    decision.record = Record(decided_on=date(2013, 3, 28))  # Thursday before Easter
    found = {d.uid: d for d in all_dates([decision], maidstone())}
    # 2 working days after Thu 28 Mar: Tue 2 Apr, Wed 3 Apr (Good Friday, Easter Monday)
    assert found["D2013-001-record"].on == date(2013, 4, 3)
    assert "D2013-001-call-in" not in found  # no record published: no call-in runs yet


def test_an_empty_register_gives_an_empty_calendar(clerk: Clerk, tmp_path: Path) -> None:
    clerk("init", today=TODAY)
    out = clerk("calendar", "-o", str(tmp_path / "d.ics"), today=TODAY).stdout
    assert "0 statutory dates" in out
    assert events((tmp_path / "d.ics").read_bytes()) == {}


def test_an_unwritable_path_is_one_clear_line(clerk: Clerk, tmp_path: Path) -> None:
    clerk("init", today=TODAY)
    line = clerk.refused("calendar", "-o", str(tmp_path / "missing" / "d.ics"), today=TODAY)
    assert line.startswith(f"Error: Cannot write {tmp_path / 'missing' / 'd.ics'}")


def test_to_ics_round_trips_the_summary_text() -> None:
    decision = seed_decision()
    decision.title = "Fees; charges, and <other> things"
    ics = to_ics(all_dates([decision], maidstone()), maidstone(),
                 datetime(2013, 3, 31, 9, 0, tzinfo=LONDON))
    summaries = [str(e["SUMMARY"]) for e in events(ics).values()]
    assert any("Fees; charges, and <other> things" in s for s in summaries)
