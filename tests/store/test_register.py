"""The Register's API: saving, reading, references, history, the TinyDB view, files."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import orjson
import pytest
from tinydb import Query

from clerk.domain.council import CouncilProfile
from clerk.domain.decision import Comment, Decision
from clerk.store import (
    NotFound,
    Register,
    RegisterError,
    RegisterNotFound,
    RegisterReadOnly,
)
from tests.store.conftest import decision


def test_save_get_round_trip(register: Register) -> None:
    original = Decision(ref="D2013-001", title="Community grants", created_on=date(2013, 1, 7))
    original.comments.append(Comment(author="Boxley PC", received_on=date(2013, 1, 9),
                                     text="We support <this>."))
    register.save(original, action="created")
    assert register.get("D2013-001") == original
    assert "D2013-001" in register and "D2013-002" not in register
    assert len(register) == 1
    assert register.get_raw("D2013-001")["title"] == "Community grants"


def test_update_keeps_insertion_order(register: Register) -> None:
    for ref in ("D2013-001", "D2013-002", "D2013-003"):
        register.save(decision(ref), action="created")
    register.save(decision("D2013-002", "Renamed"), action="title changed")
    assert register.refs() == ["D2013-001", "D2013-002", "D2013-003"]
    assert [ref for ref, _ in register.raw_items()] == register.refs()
    assert register.get("D2013-002").title == "Renamed"
    assert len(register) == 3


def test_missing_decision_names_ref_and_what_to_do(register: Register) -> None:
    with pytest.raises(NotFound, match=r"No decision D2013-009 in .*`clerk list`"):
        register.get("D2013-009")


def test_next_ref_counts_per_year_and_skips_taken(register: Register) -> None:
    assert register.next_ref(2013) == "D2013-001"
    register.save(decision("D2013-001"), action="created")
    assert register.next_ref(2013) == "D2013-002"
    assert register.next_ref(2013) == "D2013-003"  # handed out twice in one session: distinct
    assert register.next_ref(2014) == "D2014-001"
    register.save(decision("D2013-007"), action="imported")
    assert register.next_ref(2013) == "D2013-008"


def test_history_oldest_first(register: Register) -> None:
    register.save(decision("D2013-001"), action="created")
    register.save(decision("D2013-002"), action="created")
    register.save(decision("D2013-001", "Again"), action="comment added")
    entries = register.history("D2013-001")
    assert [e.action for e in entries] == ["created", "comment added"]
    assert entries[0].seq < entries[1].seq
    assert all(e.ref == "D2013-001" and len(e.hash) == 64 for e in entries)
    assert register.history("D2013-404") == []


def test_save_many_and_set_council(register: Register, council: CouncilProfile) -> None:
    register.save_many([decision(f"D2013-{n:03d}") for n in range(1, 51)], action="demo")
    assert len(register) == 50
    renamed = CouncilProfile.from_dict({**council.to_dict(), "name": "Swale Borough Council"})
    register.set_council(renamed)
    assert register.council.name == "Swale Borough Council"


def test_tinydb_view_sees_saves_and_refuses_writes(register: Register) -> None:
    decisions = register.db.table("decisions")
    register.save(decision("D2013-001", "Grants"), action="created")
    assert [d["ref"] for d in decisions.search(Query().title == "Grants")] == ["D2013-001"]
    register.save(decision("D2013-002", "Grants"), action="created")  # query cache cleared
    assert len(decisions.search(Query().title == "Grants")) == 2
    with pytest.raises(RegisterError, match="Register.save"):
        decisions.insert({"ref": "D2013-999"})
    assert "D2013-999" not in register


def test_decision_without_ref_is_refused(register: Register) -> None:
    with pytest.raises(RegisterError, match="no reference"):
        register.save(Decision(title="Untitled"), action="created")


def test_survives_reopen(path: Path, council: CouncilProfile) -> None:
    with Register.open(path, write=True, create=True, council=council) as reg:
        reg.save(decision("D2013-001"), action="created")
        reg.save(decision("D2013-002"), action="created")
    with Register.open(path) as again:
        assert again.refs() == ["D2013-001", "D2013-002"]
        assert again.council == council
        assert [e.action for e in again.history("D2013-002")] == ["created"]
        assert again.next_ref(2013) == "D2013-003"


def test_unclosed_writer_is_replayed_from_the_journal(path: Path, council: CouncilProfile
                                                      ) -> None:
    reg = Register.open(path, write=True, create=True, council=council)
    reg.save(decision("D2013-001"), action="created")
    reg.save(decision("D2013-001", "Edited"), action="edited")
    # No close(): as if the process died. The file has no decisions; the journal has both.
    assert orjson.loads(path.read_bytes())["decisions"] == {}
    with Register.open(path, write=True) as reopened:
        assert reopened.get("D2013-001").title == "Edited"
        reopened.save(decision("D2013-002"), action="created")
    with Register.open(path) as last:
        assert last.refs() == ["D2013-001", "D2013-002"]
        assert [e.seq for e in last.history("D2013-001")] == [2, 3]  # 1: the council


def test_read_only_register_refuses_changes(path: Path, council: CouncilProfile) -> None:
    Register.open(path, create=True, council=council).close()
    with Register.open(path) as reader:
        assert not reader.writable
        with pytest.raises(RegisterReadOnly, match="read-only"):
            reader.save(decision("D2013-001"), action="created")


def test_missing_register_says_clerk_init(path: Path) -> None:
    with pytest.raises(RegisterNotFound, match="clerk init"):
        Register.open(path)
    with pytest.raises(RegisterNotFound):
        Register.open(path, write=True)
    assert not path.parent.joinpath("register.json.lock").exists()


def test_create_needs_a_council(path: Path) -> None:
    with pytest.raises(RegisterError, match="council profile"):
        Register.open(path, write=True, create=True)
    assert not path.exists()


def test_files_are_owner_only(path: Path, council: CouncilProfile) -> None:
    old_umask = os.umask(0o022)
    try:
        with Register.open(path, write=True, create=True, council=council) as reg:
            reg.save(decision("D2013-001"), action="created")
            reg.checkpoint()
            names = ["register.json", "register.json.journal"]
            for name in names:
                mode = stat.S_IMODE((path.parent / name).stat().st_mode)
                assert mode == 0o600, (name, oct(mode))
    finally:
        os.umask(old_umask)


def test_a_checkpoint_when_due_makes_the_file_reflect_saves(
    path: Path, council: CouncilProfile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Register, "CHECKPOINT_ENTRIES", 10)
    reg = Register.open(path, write=True, create=True, council=council)
    for n in range(1, 11):
        reg.save(decision(f"D2013-{n:03d}"), action="created")
    assert not reg.checkpoint_if_due()  # not yet past the threshold
    reg.save(decision("D2013-011"), action="created")
    assert orjson.loads(path.read_bytes())["decisions"] == {}  # a save never rewrites it
    assert reg.checkpoint_if_due()
    on_disk = orjson.loads(path.read_bytes())
    assert len(on_disk["decisions"]) == 11
    meta = on_disk["meta"]["1"]
    assert meta["journal_seq"] == 12  # the council's entry, then eleven saves
    assert meta["journal_offset"] == (path.parent / "register.json.journal").stat().st_size
    assert meta["ref_counters"] == {"2013": 11}
    reg.close()


def test_close_checkpoints_only_when_dirty(path: Path, council: CouncilProfile) -> None:
    Register.open(path, write=True, create=True, council=council).close()
    before = path.stat().st_mtime_ns, path.stat().st_ino
    Register.open(path, write=True).close()
    assert (path.stat().st_mtime_ns, path.stat().st_ino) == before


def test_closed_register_refuses_saves(register: Register) -> None:
    register.close()
    register.close()  # twice is fine
    with pytest.raises(RegisterError, match="closed"):
        register.save(decision("D2013-001"), action="created")


def test_a_plain_tinydb_on_a_closed_register_shows_every_decision(
    path: Path, council: CouncilProfile
) -> None:
    from tinydb import TinyDB

    for n in range(1, 4):  # one command per save
        with Register.open(path, write=True, create=n == 1, council=council) as reg:
            reg.save(decision(f"D2013-{n:03d}", f"Title {n}"), action="created")
    db = TinyDB(path, access_mode="r")
    try:
        assert [d["title"] for d in db.table("decisions").all()] == [
            "Title 1", "Title 2", "Title 3"]
        assert db.table("meta").get(doc_id=1)["council"]["name"] == council.name
    finally:
        db.close()
