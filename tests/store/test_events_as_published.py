"""Register.record_event, events and as_of (CONTRACT.md), through the public API only:
an entry that changes no decision, listed with the others, and the register as it stood."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clerk.domain.council import CouncilProfile
from clerk.store import Register, RegisterError
from tests.store.conftest import decision

NOTICE = {"notice": {"kind": "record", "sha256": "ab" * 32, "refs": ["D2013-001"],
                     "published_on": "2013-02-18", "renderer": "reportlab 5.1.0",
                     "file": "D2013-001-record-2013-02-18.pdf"}}


def _the_notice(entry: dict) -> dict:  # type: ignore[type-arg]
    return entry["notice"]  # type: ignore[no-any-return]


def test_an_event_changes_no_decision_and_is_listed(register: Register) -> None:
    register.save(decision("D2013-001"), action="created")
    before = register.get("D2013-001").to_dict()
    register.record_event("notice published: record", NOTICE, refs=["D2013-001"])
    assert register.get("D2013-001").to_dict() == before
    (event,) = register.events("notice published")
    assert event["action"] == "notice published: record"
    assert _the_notice(event) == NOTICE["notice"]
    assert register.events("something else") == []
    actions = [entry.action for entry in register.history("D2013-001")]
    assert actions == ["created", "notice published: record"]


def test_an_event_for_several_refs_shows_in_each_history(register: Register) -> None:
    for ref in ("D2013-001", "D2013-002", "D2013-003"):
        register.save(decision(ref), action="created")
    register.record_event("notice published: forward-plan", {"notice": {"kind": "forward-plan"}},
                          refs=["D2013-001", "D2013-003"])
    assert [e.action for e in register.history("D2013-001")][-1].endswith("forward-plan")
    assert [e.action for e in register.history("D2013-002")] == ["created"]
    assert [e.action for e in register.history("D2013-003")][-1].endswith("forward-plan")


def test_events_are_oldest_first_and_survive_reopening(council: CouncilProfile,
                                                       path: Path) -> None:
    with Register.open(path, write=True, create=True, council=council) as register:
        register.save(decision("D2013-001"), action="created")
        for number in range(3):
            register.record_event("notice published: record", {"notice": {"n": number}},
                                  refs=["D2013-001"])
    with Register.open(path) as again:
        assert [e["notice"]["n"] for e in again.events("notice published")] == [0, 1, 2]
        assert len(again.history("D2013-001")) == 4


def test_a_read_only_register_refuses_an_event(council: CouncilProfile, path: Path) -> None:
    Register.open(path, write=True, create=True, council=council).close()
    with Register.open(path) as reader, pytest.raises(RegisterError):
        reader.record_event("notice published: record", NOTICE)


def test_as_of_is_the_register_as_it_stood(register: Register) -> None:
    register.save(decision("D2013-001", "First title"), action="created")
    register.record_event("notice published: record", NOTICE, refs=["D2013-001"])
    (event,) = register.events("notice published")
    moment = datetime.fromisoformat(event["at"])
    time.sleep(1.1)  # the journal stamps entries to the second
    register.save(decision("D2013-001", "Changed later"), action="title changed")
    register.save(decision("D2013-002"), action="created")

    then = register.as_of(moment)
    assert then.get("D2013-001").title == "First title"
    assert "D2013-002" not in then.refs()
    assert register.get("D2013-001").title == "Changed later"  # the live one is untouched
    assert register.as_of(moment - timedelta(days=1)).refs() == []
    assert register.as_of(datetime.now() + timedelta(seconds=5)).get(
        "D2013-001").title == "Changed later"
    with pytest.raises(RegisterError):
        then.save(decision("D2013-003"), action="created")  # read-only
