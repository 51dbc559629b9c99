"""The Register API other branches build on: record_event/events, as_of, history's changes."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clerk.domain.council import CouncilProfile
from clerk.store import Register, RegisterError
from tests.store.conftest import decision

NOTICE = {"notice": {"kind": "record", "sha256": "ab" * 32, "refs": ["D2013-001"],
                     "published_on": "2013-02-06", "renderer": "clerk 1", "file": "x.pdf"}}


def test_an_event_is_durable_listed_and_in_the_history(register: Register) -> None:
    register.save(decision("D2013-001"), action="created")
    entry = register.record_event("notice published: record", NOTICE, refs=["D2013-001"])
    assert entry.action == "notice published: record" and len(entry.hash) == 64
    (event,) = register.events("notice published")
    assert event["notice"] == NOTICE["notice"] and event["refs"] == ["D2013-001"]
    assert register.events("something else") == []
    assert [e.action for e in register.history("D2013-001")] == [
        "created", "notice published: record"]
    assert register.get("D2013-001").title == "Community grants scheme"  # unchanged


def test_events_survive_reopening_and_checkpoints(path: Path, council: CouncilProfile) -> None:
    with Register.open(path, write=True, create=True, council=council) as reg:
        reg.save(decision("D2013-001"), action="created")
        reg.record_event("notice published: record", NOTICE, refs=["D2013-001"])
    with Register.open(path, write=True) as reg:  # from the checkpoint
        reg.record_event("notice published: plan", {"notice": {"kind": "plan"}})
        reg.close(checkpoint=False)
    with Register.open(path) as reg:  # the second from the journal's tail
        assert [e["action"] for e in reg.events()] == ["notice published: record",
                                                      "notice published: plan"]


def test_an_event_cannot_carry_the_journals_own_names(register: Register) -> None:
    with pytest.raises(RegisterError, match="journal's own"):
        register.record_event("odd", {"doc": {}})


def test_history_says_what_each_change_changed(register: Register) -> None:
    register.save(decision("D2013-001", "First"), action="created")
    register.save(decision("D2013-001", "Second"), action="title changed")
    first, second = register.history("D2013-001")
    assert first.changes == ()
    assert second.changes == (("title", "First", "Second"),)


def test_as_of_is_the_register_as_it_stood(register: Register) -> None:
    register.save(decision("D2013-001", "Before"), action="created")
    moment = datetime.now()
    time.sleep(1.1)  # the journal stamps whole seconds
    register.save(decision("D2013-001", "After"), action="title changed")
    register.save(decision("D2013-002"), action="created")
    past = register.as_of(moment)
    assert past.refs() == ["D2013-001"] and past.get("D2013-001").title == "Before"
    assert not past.writable
    assert register.as_of(moment - timedelta(days=1)).refs() == []
    assert register.as_of(datetime.now()).get("D2013-001").title == "After"
