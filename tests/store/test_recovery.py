"""Damaged, foreign, old and new files: refuse clearly, never overwrite, migrate with a copy."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from clerk.domain.council import CouncilProfile
from clerk.store import Register, RegisterCorrupt, RegisterTooNew
from clerk.store.journal import verify
from tests.store.conftest import decision


def journal_of(path: Path) -> Path:
    return Path(f"{path}.journal")


def make_register(path: Path, council: CouncilProfile, saves: int = 3) -> None:
    """A register whose file has no decisions yet and whose journal has `saves` entries."""
    Register.open(path, write=True, create=True, council=council).close()
    reg = Register.open(path, write=True)
    for n in range(1, saves + 1):
        reg.save(decision(f"D2013-{n:03d}"), action="created")
    reg.close(checkpoint=False)  # die without a checkpoint


def test_torn_last_line_is_ignored_by_readers_and_cut_by_writers(
    path: Path, council: CouncilProfile
) -> None:
    make_register(path, council)
    journal = journal_of(path)
    whole = journal.read_bytes()
    journal.write_bytes(whole + b'{"action":"created","at":"2026-11-26T18:3')
    with Register.open(path) as reader:
        assert reader.refs() == ["D2013-001", "D2013-002", "D2013-003"]
    assert journal.read_bytes().startswith(whole) and len(journal.read_bytes()) > len(whole)
    with Register.open(path, write=True) as writer:
        assert journal.read_bytes() == whole  # the unacknowledged write is cut off
        writer.save(decision("D2013-004"), action="created")
    with Register.open(path) as again:
        assert len(again) == 4
    assert verify(journal, path)[0] == 5  # the council, then four saves


@pytest.mark.parametrize("damage", ["edit", "drop", "garbage"])
def test_broken_chain_is_corrupt(path: Path, council: CouncilProfile, damage: str) -> None:
    make_register(path, council)
    journal = journal_of(path)
    lines = journal.read_bytes().splitlines(keepends=True)
    if damage == "edit":
        lines[1] = lines[1].replace(b"Community grants", b"Community grunts")
    elif damage == "drop":
        del lines[1]
    else:
        lines[1] = b"not json at all\n"
    journal.write_bytes(b"".join(lines))
    before = path.read_bytes(), journal.read_bytes()
    for write in (False, True):
        with pytest.raises(RegisterCorrupt) as caught:
            Register.open(path, write=write)
        message = str(caught.value)
        assert str(journal) in message and "line 2" in message
        assert "clerk verify" in message and ".backups/" in message
    assert (path.read_bytes(), journal.read_bytes()) == before


def test_journal_shorter_than_checkpoint_is_corrupt(path: Path, council: CouncilProfile) -> None:
    make_register(path, council)
    with Register.open(path, write=True) as reg:
        reg.checkpoint()
    journal_of(path).write_bytes(b"")
    with pytest.raises(RegisterCorrupt, match="shorter"):
        Register.open(path)


UNREADABLE = {
    "truncated": None,  # filled in from a real register
    "empty": b"",
    "list": b"[1, 2]",
    "foreign": b'{"foo": 1}',
    "not utf-8": b'{"meta": {"1": {"council": "\xff\xfe"}}, "decisions": {}}',
    "bad schema": b'{"meta": {"1": {"schema": "one"}}, "decisions": {}}',
    "no ref": b'{"meta": {"1": {"schema": 1, "council": {}, "ref_counters": {}, '
    b'"journal_offset": 0, "journal_seq": 0, "journal_hash": ""}}, "decisions": {"1": {}}}',
}


@pytest.mark.parametrize("kind", sorted(UNREADABLE))
@pytest.mark.parametrize("write", [False, True])
def test_unreadable_file_is_refused_and_untouched(
    path: Path, council: CouncilProfile, kind: str, write: bool
) -> None:
    make_register(path, council)
    with Register.open(path, write=True) as reg:
        reg.checkpoint()
    content = UNREADABLE[kind]
    if content is None:
        content = path.read_bytes()[:-40]
    path.write_bytes(content)
    with pytest.raises(RegisterCorrupt) as caught:
        Register.open(path, write=write, create=True, council=council)
    message = str(caught.value)
    assert str(path) in message and f"{path}.backups/" in message
    assert "clerk restore" in message and "journal" in message
    assert path.read_bytes() == content


def test_messages_say_what_is_wrong(path: Path) -> None:
    cases = {b"": "empty", b'{"meta": {"1"': "cut short", b"\xff{}": "not UTF-8",
             b"[1, 2]": "not a clerk register"}
    for content, words in cases.items():
        path.write_bytes(content)
        with pytest.raises(RegisterCorrupt, match=words):
            Register.open(path)


def test_newer_schema_is_refused_and_untouched(path: Path, council: CouncilProfile) -> None:
    Register.open(path, write=True, create=True, council=council).close()
    data = orjson.loads(path.read_bytes())
    data["meta"]["1"]["schema"] = 3
    content = orjson.dumps(data)
    path.write_bytes(content)
    for write in (False, True):
        with pytest.raises(RegisterTooNew) as caught:
            Register.open(path, write=write)
        assert str(caught.value) == (
            f"{path} was written by a newer clerk (schema 3; this clerk reads up to 2): "
            "upgrade clerk; the file was not touched."
        )
    assert path.read_bytes() == content


def v0_file(council: CouncilProfile) -> bytes:
    """A register as clerk wrote it before the journal (schema 0: older field names)."""
    return orjson.dumps({
        "meta": {"1": {"council_profile": council.to_dict()}},
        "decisions": {
            "1": {"reference": "D2013-001", "title": "Grants",
                  "decision_taker": {"name": "Cllr John A Wilson", "kind": "member"}},
            "2": {"reference": "D2013-004", "title": "Parking"},
        },
    })


def test_migration_from_v0_keeps_a_pre_migration_copy(path: Path, council: CouncilProfile
                                                       ) -> None:
    original = v0_file(council)
    path.write_bytes(original)
    with Register.open(path) as reader:  # read-only: migrated in memory, file untouched
        assert reader.get("D2013-001").decision_maker.name == "Cllr John A Wilson"
    assert path.read_bytes() == original
    assert not Path(f"{path}.pre-migration-v0").exists()

    with Register.open(path, write=True) as writer:
        assert writer.refs() == ["D2013-001", "D2013-004"]
        assert writer.council == council
        assert writer.next_ref(2013) == "D2013-005"
        writer.save(decision("D2013-005"), action="created")
    assert Path(f"{path}.pre-migration-v0").read_bytes() == original
    meta = orjson.loads(path.read_bytes())["meta"]["1"]
    assert meta["schema"] == 2 and "council_profile" not in meta
    with Register.open(path) as again:
        assert len(again) == 3


def test_an_earlier_different_pre_migration_copy_is_kept(path: Path, council: CouncilProfile
                                                         ) -> None:
    earlier = Path(f"{path}.pre-migration-v0")
    earlier.write_bytes(b"an older copy")
    path.write_bytes(v0_file(council))
    Register.open(path, write=True).close()
    assert earlier.read_bytes() == b"an older copy"
    assert Path(f"{path}.pre-migration-v0.2").read_bytes() == v0_file(council)


def test_missing_file_with_a_journal_is_not_recreated(path: Path, council: CouncilProfile
                                                      ) -> None:
    make_register(path, council)
    path.unlink()
    with pytest.raises(RegisterCorrupt, match="journal"):
        Register.open(path, write=True, create=True, council=council)
    assert not path.exists()


def test_duplicate_reference_in_the_file_is_corrupt(path: Path, council: CouncilProfile) -> None:
    Register.open(path, write=True, create=True, council=council).close()
    data = orjson.loads(path.read_bytes())
    data["decisions"] = {"1": {"ref": "D2013-001"}, "2": {"ref": "D2013-001"}}
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(RegisterCorrupt, match="D2013-001 appears twice"):
        Register.open(path)
