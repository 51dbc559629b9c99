"""Each decision's list entry (what the register list filters and sorts on) is exactly what
`entry_of` derives from the decision, after saves, checkpoints, reopening and replays."""

from __future__ import annotations

from pathlib import Path

from clerk.domain.council import CouncilProfile
from clerk.domain.entries import entry_of
from clerk.store import Register
from clerk.synthetic import synthetic_dicts


def _derived(reg: Register) -> list[object]:
    return [entry_of(ref, reg.get_raw(ref)) for ref in reg.refs()]


def _filled(path: Path, council: CouncilProfile, count: int = 300) -> None:
    with Register.open(path, write=True, create=True, council=council) as reg:
        reg.save_docs(list(synthetic_dicts(count, council)), action="created")


def _edit(reg: Register, ref: str, title: str) -> None:
    doc = dict(reg.get_raw(ref))
    doc["title"] = title
    reg.save_docs([doc], action="edited")


def test_entries_follow_saves_checkpoints_and_reopening(path: Path,
                                                        council: CouncilProfile) -> None:
    _filled(path, council)
    reg = Register.open(path, write=True)
    refs = reg.refs()
    _edit(reg, refs[5], "Renamed: Sutton Valence play area")
    new = dict(reg.get_raw(refs[0]), ref="D2099-001", title="A new one about Marden")
    reg.save_docs([new], action="created")
    assert reg.index_entries() == _derived(reg)  # changed and new ones derived
    reg.checkpoint()
    _edit(reg, refs[7], "Renamed after the checkpoint")  # a second checkpoint, same session
    reg.checkpoint()
    assert reg.index_entries() == _derived(reg)
    reg.close()
    with Register.open(path) as again:
        entries = again.index_entries()
        assert entries == _derived(again)
        assert [entry.ref for entry in entries] == again.refs()
        assert "renamed after the checkpoint" in entries[again.refs().index(refs[7])].haystack


def test_entries_after_a_journal_tail_replay(path: Path, council: CouncilProfile) -> None:
    _filled(path, council)
    reg = Register.open(path, write=True)
    ref = reg.refs()[3]
    _edit(reg, ref, "Changed, then the clerk crashed")
    # no close: die without a checkpoint
    with Register.open(path) as again:
        entries = again.index_entries()
        assert entries == _derived(again)
        assert "then the clerk crashed" in entries[again.refs().index(ref)].haystack


def test_an_in_memory_register_derives_its_entries(council: CouncilProfile) -> None:
    reg = Register.in_memory(council)
    reg.save_docs(list(synthetic_dicts(20, council)), action="created")
    assert reg.index_entries() == _derived(reg)
