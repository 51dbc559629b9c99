"""The checkpoint stores each decision's list entry, so the TUI filters without reading any
decision; what it stores is exactly what `entry_of` derives from the decision."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from clerk.domain.council import CouncilProfile
from clerk.domain.entries import entry_of
from clerk.store import Register
from clerk.store.offsets import LazyDocs, index_path
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


def test_entries_come_from_the_checkpoint_without_reading_a_decision(
        path: Path, council: CouncilProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    _filled(path, council)
    with Register.open(path) as reg:
        assert isinstance(reg._decisions, LazyDocs)
        expected = _derived(reg)

        def no_parsing(self: LazyDocs, doc_id: str) -> None:
            raise AssertionError(f"decision {doc_id} was read")

        monkeypatch.setattr(LazyDocs, "__getitem__", no_parsing)
        assert reg.index_entries() == expected
    stored = orjson.loads(index_path(path).read_bytes())["entries"]  # one JSON object
    assert stored["hay"] == [entry.haystack for entry in expected]  # type: ignore[attr-defined]


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
        assert isinstance(again._decisions, LazyDocs)
        entries = again.index_entries()
        assert entries == _derived(again)
        assert [entry.ref for entry in entries] == again.refs()
        assert all(again._decisions.stored_entry(doc_id) is not None
                   for doc_id in again._index.values())
        assert "renamed after the checkpoint" in entries[again.refs().index(refs[7])].haystack


def test_entries_after_a_journal_tail_replay(path: Path, council: CouncilProfile) -> None:
    _filled(path, council)
    reg = Register.open(path, write=True)
    ref = reg.refs()[3]
    _edit(reg, ref, "Changed, then the clerk crashed")
    reg._writer.close()  # type: ignore[union-attr]  # die without a checkpoint
    reg._lock.release()  # type: ignore[union-attr]
    with Register.open(path) as again:
        entries = again.index_entries()
        assert entries == _derived(again)
        assert "then the clerk crashed" in entries[again.refs().index(ref)].haystack


@pytest.mark.parametrize("spoil", ["old index", "short entries", "stale entries",
                                   "no entries", "torn entries"])
def test_an_old_or_stale_entries_file_falls_back_to_deriving(
        path: Path, council: CouncilProfile, spoil: str) -> None:
    _filled(path, council)
    index = orjson.loads(index_path(path).read_bytes())
    head, _, tail = index_path(path).read_bytes().partition(b"\n")
    if spoil == "old index":  # as version 2 wrote it: no entries
        del index["entries"]
        index_path(path).write_bytes(orjson.dumps({**index, "v": 2}))
    elif spoil == "no entries":
        index_path(path).write_bytes(head + b"}")
    elif spoil == "torn entries":
        index_path(path).write_bytes(head + b"\n" + tail[:100])
    else:
        stored = index["entries"]
        if spoil == "stale entries":  # the entries of another checkpoint
            stored = {**stored, "crc": stored["crc"] + 1, "hay": ["x"] * len(stored["hay"])}
        else:  # decisions missing from the entries
            stored = {key: value[:-1] if isinstance(value, list) else value
                      for key, value in stored.items()}
        index_path(path).write_bytes(head + b"\n" + b',"entries":' + orjson.dumps(stored)
                                     + b"}")
    with Register.open(path, write=True) as reg:
        assert reg.index_entries() == _derived(reg)
        reg.checkpoint()  # writes a good one again
    with Register.open(path) as reg:
        assert isinstance(reg._decisions, LazyDocs)
        assert all(reg._decisions.stored_entry(doc_id) is not None
                   for doc_id in reg._index.values())
        assert reg.index_entries() == _derived(reg)


def test_an_in_memory_register_derives_its_entries(council: CouncilProfile) -> None:
    reg = Register.in_memory(council)
    reg.save_docs(list(synthetic_dicts(20, council)), action="created")
    assert reg.index_entries() == _derived(reg)
